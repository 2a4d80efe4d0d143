package usererr

import (
	"fmt"
	"strconv"
	"strings"
)

// entry is one catalogue message in both UI languages. Templates name their
// arguments as {name}; {name|one|other} picks by whether the argument is 1
// (or true), with # standing for the number ("{n|one member|# members}");
// an optional third form is for 0 ("{more|; 1 more|; # more|}").
type entry struct {
	zh, en string
}

// lookup finds code in the catalogue's parts.
func lookup(code string) (entry, bool) {
	for _, part := range catalogue {
		if e, ok := part[code]; ok {
			return e, true
		}
	}
	return entry{}, false
}

// Known reports whether code is in the catalogue.
func Known(code string) bool {
	_, ok := lookup(code)
	return ok
}

// Codes lists every catalogue code (for tests and docs).
func Codes() []string {
	var out []string
	for _, part := range catalogue {
		for code := range part {
			out = append(out, code)
		}
	}
	return out
}

func render(code string, args Args) (zh, en string) {
	e, ok := lookup(code)
	if !ok {
		return code, code
	}
	return fill(e.zh, args, false), fill(e.en, args, true)
}

// fill replaces each {name} or {name|one|other} in tpl from args. A missing
// argument stays visible as {name} so a test can catch it.
func fill(tpl string, args Args, english bool) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(tpl, '{')
		if open < 0 {
			b.WriteString(tpl)
			return b.String()
		}
		end := strings.IndexByte(tpl[open:], '}')
		if end < 0 {
			b.WriteString(tpl)
			return b.String()
		}
		b.WriteString(tpl[:open])
		b.WriteString(placeholder(tpl[open+1:open+end], args, english))
		tpl = tpl[open+end+1:]
	}
}

func placeholder(spec string, args Args, english bool) string {
	name, forms, plural := strings.Cut(spec, "|")
	v, ok := args[name]
	if !ok {
		return "{" + spec + "}"
	}
	text := argText(v, english)
	if !plural {
		return text
	}
	parts := strings.SplitN(forms, "|", 3)
	one, other := parts[0], ""
	if len(parts) > 1 {
		other = parts[1]
	}
	form := other
	switch {
	case text == "1" || text == "true":
		form = one
	case text == "0" && len(parts) == 3:
		form = parts[2]
	}
	return strings.ReplaceAll(form, "#", text)
}

// argText is an argument as a template shows it. A nested message (a
// Message, or one read back from JSON) shows in the template's language.
func argText(v any, english bool) string {
	switch x := v.(type) {
	case string:
		return x
	case Message:
		if english {
			return x.EN
		}
		return x.ZH
	case map[string]any:
		key := "zh"
		if english {
			key = "en"
		}
		if s, ok := x[key].(string); ok {
			return s
		}
		return fmt.Sprint(x)
	case float64: // numbers read back from JSON
		return strconv.FormatFloat(x, 'f', -1, 64)
	case error:
		return x.Error()
	case fmt.Stringer:
		return x.String()
	default:
		return fmt.Sprint(v)
	}
}

// templateArgs lists the argument names a template uses.
func templateArgs(tpl string) []string {
	var names []string
	for {
		open := strings.IndexByte(tpl, '{')
		if open < 0 {
			return names
		}
		end := strings.IndexByte(tpl[open:], '}')
		if end < 0 {
			return names
		}
		name, _, _ := strings.Cut(tpl[open+1:open+end], "|")
		names = append(names, name)
		tpl = tpl[open+end+1:]
	}
}

// Template returns code's templates in both languages (for the UI's
// generated copy of the catalogue, backend/contract/tsgen).
func Template(code string) (zh, en string, ok bool) {
	e, ok := lookup(code)
	return e.zh, e.en, ok
}
