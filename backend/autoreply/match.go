package autoreply

import (
	"cmp"
	"slices"
	"strings"
)

// Pick returns the rule that answers a member's message: among enabled rules
// for the action that match, the smallest priority, then the smallest id.
// Text is compared trimmed and case-insensitively.
func Pick(rules []Rule, action, text string) (Rule, bool) {
	ordered := slices.Clone(rules)
	slices.SortStableFunc(ordered, func(a, b Rule) int {
		return cmp.Or(cmp.Compare(a.Priority, b.Priority), cmp.Compare(a.ID, b.ID))
	})
	for _, r := range ordered {
		if r.Enabled && r.Action == action && Matches(r, text) {
			return r, true
		}
	}
	return Rule{}, false
}

// Matches reports whether r's match and keyword accept text. Images match
// any image; hosted matches any text.
func Matches(r Rule, text string) bool {
	if r.Action == ActionImage || r.Match == MatchHosted {
		return true
	}
	t := fold(text)
	k := fold(r.Keyword)
	if k == "" {
		return false
	}
	switch r.Match {
	case MatchContains:
		return strings.Contains(t, k)
	case MatchPrefix:
		return strings.HasPrefix(t, k)
	case MatchSuffix:
		return strings.HasSuffix(t, k)
	case MatchExact:
		return t == k
	}
	return false
}

func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
