package push

import (
	"fmt"
	"strings"

	"wecom-bridge/backend/wecom"
)

// Default templates of an empty target field. The title is never empty
// (清空后仍默认带出标题); a text message shows the title and then the content.
const (
	defaultTitle   = "{{title}}"
	defaultContent = "{{content}}"
	defaultURL     = "{{url}}"
	defaultButton  = "{{btntxt}}"
	defaultImage   = "{{image_url}}"
	defaultText    = "{{title}}\n{{content}}"
	defaultMD      = "**{{title}}**\n{{content}}"
)

// rendered is one target's message for one input, without recipients.
type rendered struct {
	msgType   string
	msg       wecom.Message
	title     string   // for the log
	truncated []string // fields cut to fit, in message order
}

// RenderError is a message a target cannot send (no URL for a card, say).
// The delivery fails with it; nothing is sent.
type RenderError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (e *RenderError) Error() string { return e.Field + ": " + e.Message }

// resolveType is the type a target sends in for this input.
func resolveType(t Target, in Input) string {
	if t.MsgType == "" || t.MsgType == TypeAuto {
		if isSendType(in.MsgType) {
			return in.MsgType
		}
		return TypeTextCard
	}
	return t.MsgType
}

func orDefault(tpl, def string) string {
	if strings.TrimSpace(tpl) == "" {
		return def
	}
	return tpl
}

// render fills t's templates with in. Over-long fields are cut with "…" and
// listed in truncated; a URL is never cut (a cut link is broken), it is an error.
func render(t Target, in Input) (rendered, error) {
	v := vars(in)
	r := rendered{msgType: resolveType(t, in)}
	fit := func(field, s string, l limit) string {
		out, cut := truncate(s, l)
		if cut {
			r.truncated = append(r.truncated, field)
		}
		return out
	}
	title := strings.TrimSpace(expand(orDefault(t.Title, defaultTitle), v))
	if title == "" {
		title = in.Title
	}
	content := strings.TrimSpace(expand(orDefault(t.Content, defaultContent), v))
	link := strings.TrimSpace(expand(orDefault(t.URL, defaultURL), v))
	button := strings.TrimSpace(expand(orDefault(t.Button, defaultButton), v))
	image := strings.TrimSpace(expand(orDefault(t.Image, defaultImage), v))
	needURL := func() error {
		if link == "" {
			return &RenderError{Field: "url", Message: fmt.Sprintf("a %s message needs a url: send \"url\" with the message or set the target's URL template", r.msgType)}
		}
		if err := checkURL("url", link); err != nil {
			return &RenderError{Field: "url", Message: "the rendered URL " + err.Message}
		}
		return nil
	}
	switch r.msgType {
	case TypeText, TypeMarkdown:
		def, l := defaultText, limitText
		if r.msgType == TypeMarkdown {
			def, l = defaultMD, limitMarkdown
		}
		body := strings.TrimSpace(expand(orDefault(t.Content, def), v))
		if body == "" {
			body = title
		}
		body = fit("content", body, l)
		if r.msgType == TypeText {
			r.msg.Text = &wecom.Text{Content: body}
		} else {
			r.msg.Markdown = &wecom.Markdown{Content: body}
		}
		r.title = firstLine(title, body)
	case TypeTextCard:
		if err := needURL(); err != nil {
			return r, err
		}
		if content == "" { // WeCom requires a description; 内容可为空 in the UI
			content = "来自 " + in.Source
		}
		r.title = fit("title", title, limitCardTitle)
		r.msg.TextCard = &wecom.TextCard{Title: r.title, Description: fit("content", content, limitCardDesc),
			URL: link, BtnTxt: fit("btntxt", button, limitBtnTxt)}
	case TypeNews:
		if err := needURL(); err != nil {
			return r, err
		}
		if image != "" && checkURL("image_url", image) != nil {
			image = "" // a broken picture link only loses the picture
		}
		r.title = fit("title", title, limitCardTitle)
		r.msg.News = &wecom.News{Articles: []wecom.Article{{Title: r.title,
			Description: fit("content", content, limitCardDesc), URL: link, PicURL: image}}}
	case TypeTemplateCard:
		if len(in.Buttons) > 0 {
			r.title = fit("title", title, limitNoticeTitle)
			if link != "" && checkURL("url", link) != nil {
				link = "" // a card with buttons needs no link; a broken one is left out
			}
			r.msg.TemplateCard = buttonCard(r.title, fit("content", content, limitNoticeSub), link, in.Buttons)
			break
		}
		if err := needURL(); err != nil {
			return r, err
		}
		r.title = fit("title", title, limitNoticeTitle)
		card := &wecom.TemplateCard{CardType: wecom.CardTextNotice,
			MainTitle:  &wecom.CardMainTitle{Title: r.title},
			CardAction: &wecom.CardAction{Type: 1, URL: link}}
		if content != "" {
			card.SubTitleText = fit("content", content, limitNoticeSub)
		}
		if button != "" {
			card.JumpList = []wecom.CardJump{{Type: 1, Title: fit("btntxt", button, limitNoticeJump), URL: link}}
		}
		r.msg.TemplateCard = card
	default:
		return r, &RenderError{Field: "msgtype", Message: fmt.Sprintf("%q is not a message type this app sends", r.msgType)}
	}
	r.msg.MsgType = r.msgType
	r.msg.AgentID = t.AgentID
	return r, nil
}

// firstLine is the log title of a text message: the sender's title, else
// the first line of the body.
func firstLine(title, body string) string {
	if title != "" {
		return title
	}
	line, _, _ := strings.Cut(body, "\n")
	return abbreviate(line, 64)
}
