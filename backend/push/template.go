package push

import (
	"fmt"
	"strings"
	"wecom-bridge/backend/usererr"
)

// Templates hold literal text and {{placeholders}}: {{title}}, {{content}},
// {{url}}, {{image_url}}, {{source}}, {{btntxt}} and any key of the
// message's data object. An unknown placeholder renders empty, so a typo
// never shows braces to the recipients; checkTemplate flags it on save
// unless it could be a data key.

// segment is a literal run or a placeholder of a template.
type segment struct {
	text string
	name string // placeholder name; "" for literal text
}

// parseTemplate splits tpl into segments. "{{" without a closing "}}" and
// names that are not identifiers are errors.
func parseTemplate(tpl string) ([]segment, error) {
	var segs []segment
	for {
		i := strings.Index(tpl, "{{")
		if i < 0 {
			if tpl != "" {
				segs = append(segs, segment{text: tpl})
			}
			return segs, nil
		}
		if i > 0 {
			segs = append(segs, segment{text: tpl[:i]})
		}
		rest := tpl[i+2:]
		j := strings.Index(rest, "}}")
		if j < 0 {
			return nil, usererr.New("template_unclosed", usererr.Args{"text": fmt.Sprintf("%q", abbreviate(tpl[i:], 20)), "open": "{{", "close": "}}"})
		}
		name := strings.TrimSpace(rest[:j])
		if !placeholderName.MatchString(name) {
			return nil, usererr.New("template_bad_placeholder", usererr.Args{"name": "{{" + rest[:j] + "}}", "known": "{{title}} {{content}} {{url}} {{image_url}} {{source}} {{btntxt}}"})
		}
		segs = append(segs, segment{name: name})
		tpl = rest[j+2:]
	}
}

// expand renders tpl with vars. A template that does not parse is used as
// literal text (rules are checked on save, so this is only a safety net).
func expand(tpl string, vars map[string]string) string {
	segs, err := parseTemplate(tpl)
	if err != nil {
		return tpl
	}
	var b strings.Builder
	for _, s := range segs {
		if s.name == "" {
			b.WriteString(s.text)
		} else {
			b.WriteString(vars[s.name])
		}
	}
	return b.String()
}

// vars are the placeholder values of one message.
func vars(in Input) map[string]string {
	v := make(map[string]string, len(in.Data)+6)
	for k, x := range in.Data {
		v[k] = x
	}
	v["title"], v["content"], v["url"] = in.Title, in.Content, in.URL
	v["image_url"], v["source"], v["btntxt"] = in.ImageURL, in.Source, in.BtnTxt
	return v
}

func abbreviate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + ellipsis
}
