package corp

import (
	"strings"
	"unicode"
)

// Admins paste values from the WeCom console, chat windows and e-mails, which
// bring along spaces, tabs, line breaks, full-width spaces (U+3000),
// zero-width characters and full-width letters. We clean them and say so.

// compact removes every space and invisible character and turns full-width
// ASCII (ｗｗ１２…) into ASCII: for IDs, secrets, tokens, keys and URLs,
// where none of them can be meant.
func compact(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), unicode.Is(unicode.Cf, r): // Cf: U+200B–U+200D, U+2060, U+FEFF…
			continue
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII block
			r -= 0xFEE0
		}
		b.WriteRune(r)
	}
	return b.String()
}

// trimText trims spaces (incl. full-width) at both ends and drops invisible
// characters anywhere: for names, where inner spaces may be meant.
func trimText(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
	return strings.TrimFunc(s, unicode.IsSpace)
}

// cleaner applies a cleaning function and records which fields changed.
type cleaner struct{ trimmed []string }

func (c *cleaner) clean(field string, v *string, fn func(string) string) {
	out := fn(*v)
	if out != *v {
		c.trimmed = append(c.trimmed, field)
		*v = out
	}
}

func cleanCorpInput(in *CorpInput) []string {
	var c cleaner
	c.clean(FieldName, &in.Name, trimText)
	c.clean(FieldCorpID, &in.CorpID, compact)
	c.clean(FieldAPIBaseURL, &in.APIBaseURL, compact)
	c.clean(FieldProxyURL, &in.ProxyURL, compact)
	c.clean(FieldContactPermission, &in.ContactPermission, compact)
	c.clean(FieldContactSecret, &in.ContactSecret, compact)
	c.clean(FieldCustomerSecret, &in.CustomerSecret, compact)
	c.clean(FieldCallbackToken, &in.CallbackToken, compact)
	c.clean(FieldCallbackAESKey, &in.CallbackAESKey, compact)
	in.ContactPermission = strings.ToLower(in.ContactPermission)
	return c.trimmed
}

func cleanAppInput(in *AppInput) []string {
	var c cleaner
	c.clean(FieldName, &in.Name, trimText)
	c.clean(FieldAgentID, &in.AgentID, compact)
	c.clean(FieldSecret, &in.Secret, compact)
	c.clean(FieldCallbackToken, &in.CallbackToken, compact)
	c.clean(FieldCallbackAESKey, &in.CallbackAESKey, compact)
	c.clean(FieldHomeURL, &in.HomeURL, compact)
	return c.trimmed
}
