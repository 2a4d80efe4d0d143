package autoreply

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"wecom-bridge/backend/usererr"
)

// normalize trims the input, folds CRLF in the reply to LF and clears the
// keyword where it does not apply (hosted text, images).
func (in *RuleInput) normalize() {
	in.Name = strings.TrimSpace(in.Name)
	in.Action = strings.ToLower(strings.TrimSpace(in.Action))
	in.Match = strings.ToLower(strings.TrimSpace(in.Match))
	in.Keyword = strings.TrimSpace(in.Keyword)
	in.Reply = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(in.Reply, "\r\n", "\n"), "\r", "\n"))
	if in.Action == "" {
		in.Action = ActionText
	}
	if in.Action == ActionImage {
		in.Match = MatchHosted
	}
	if in.Match == MatchHosted {
		in.Keyword = ""
	}
}

// Validate normalizes in and checks every field; the error names the field
// and what to enter instead.
func Validate(in *RuleInput) error {
	in.normalize()
	switch {
	case in.Name == "" || utf8.RuneCountInString(in.Name) > MaxName:
		return usererr.New("autoreply_name", usererr.Args{"max": MaxName})
	case !slices.Contains(Actions, in.Action):
		return usererr.New("autoreply_action", usererr.Args{"value": in.Action})
	case !slices.Contains(MatchKinds, in.Match):
		return usererr.New("autoreply_match", usererr.Args{"value": in.Match})
	case in.Match != MatchHosted && in.Keyword == "":
		return usererr.New("autoreply_keyword_missing", nil)
	case utf8.RuneCountInString(in.Keyword) > MaxKeyword:
		return usererr.New("autoreply_keyword_long", usererr.Args{"n": utf8.RuneCountInString(in.Keyword), "max": MaxKeyword})
	case strings.ContainsFunc(in.Keyword, unicode.IsControl):
		return usererr.New("autoreply_keyword_control", nil)
	case in.Reply == "":
		return usererr.New("autoreply_reply_missing", nil)
	case utf8.RuneCountInString(in.Reply) > MaxReply:
		return usererr.New("autoreply_reply_long", usererr.Args{"n": utf8.RuneCountInString(in.Reply), "max": MaxReply})
	case !utf8.ValidString(in.Reply) || strings.ContainsFunc(in.Reply, func(r rune) bool {
		return unicode.IsControl(r) && r != '\n' && r != '\t'
	}):
		return usererr.New("autoreply_reply_control", nil)
	case in.Priority < MinPriority || in.Priority > MaxPriority:
		return usererr.New("autoreply_priority", usererr.Args{"value": in.Priority, "min": MinPriority, "max": MaxPriority})
	}
	return nil
}
