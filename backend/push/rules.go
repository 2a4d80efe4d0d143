package push

import (
	"context"
	"fmt"
	"strings"
	"time"
	"wecom-bridge/backend/usererr"
)

// AllSources is the rule source that matches every message (全部).
const AllSources = "*"

// maxTargets bounds a rule's targets (each is one delivery per message).
const maxTargets = 20

// Rule routes messages of one source (or all) to one or more targets.
type Rule struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Source  string `json:"source"` // a source name, or "*" for all
	Enabled bool   `json:"enabled"`
	// Note says why the product turned the rule off (its app was deleted);
	// saving or enabling the rule clears it.
	Note      *usererr.Message `json:"note,omitempty"`
	Targets   []Target         `json:"targets"`
	CreatedAt time.Time        `json:"created_at"`
	UpdatedAt time.Time        `json:"updated_at"`
}

// Target is a corp's app, a message type and templates with {{placeholders}}.
// Empty templates use the type's default ({{title}}, {{content}}, {{url}},
// {{btntxt}}, {{image_url}}; text shows title and content).
type Target struct {
	ID      int64  `json:"id"`
	CorpID  int64  `json:"corp_id"`
	AgentID int64  `json:"agent_id"`
	MsgType string `json:"msgtype"` // text, textcard, news, markdown, template_card (text_notice) or auto
	Title   string `json:"title"`
	Content string `json:"content"`
	URL     string `json:"url"`
	Button  string `json:"button"`
	Image   string `json:"image"` // news picture
}

// normalize trims the rule for saving.
func (r *Rule) normalize() {
	r.Name = strings.TrimSpace(r.Name)
	r.Source = strings.TrimSpace(r.Source)
	if r.Source == "全部" {
		r.Source = AllSources
	}
	if r.Name == "" {
		r.Name = r.Source
		if r.Source == AllSources {
			r.Name = "全部消息"
		}
	}
	for i := range r.Targets {
		t := &r.Targets[i]
		t.MsgType = strings.ToLower(strings.TrimSpace(t.MsgType))
		if t.MsgType == "" {
			t.MsgType = TypeAuto
		}
		t.URL = strings.TrimSpace(t.URL)
		t.Image = strings.TrimSpace(t.Image)
	}
}

// validate checks the rule before it is saved: names, types, templates, and
// that no template's fixed text alone is over its field's limit. With a
// Clients, it also checks that each target's app is configured for its corp.
func (s *Service) validateRule(ctx context.Context, r *Rule) error {
	r.normalize()
	if !limitSourceName.fits(r.Name) {
		return invalid("invalid_rule", "name", "is over %s", limitSourceName)
	}
	if r.Source == "" {
		return invalid("invalid_rule", "source", "name the source this rule takes (e.g. \"日报\"), or \"*\" for all sources")
	}
	if !limitSourceName.fits(r.Source) {
		return invalid("invalid_rule", "source", "is over %s", limitSourceName)
	}
	if len(r.Targets) == 0 || len(r.Targets) > maxTargets {
		return invalid("invalid_rule", "targets", "a rule needs 1 to %d targets, has %d", maxTargets, len(r.Targets))
	}
	for i, t := range r.Targets {
		if err := s.validateTarget(ctx, t, fmt.Sprintf("targets[%d]", i)); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) validateTarget(ctx context.Context, t Target, at string) error {
	if t.CorpID <= 0 {
		return invalid("invalid_rule", at+".corp_id", "choose the corp to send through")
	}
	if t.AgentID <= 0 {
		return invalid("invalid_rule", at+".agent_id", "choose the app (AgentId) to send as")
	}
	if t.MsgType != TypeAuto && !isSendType(t.MsgType) {
		return invalid("invalid_rule", at+".msgtype", "%q is not a message type; use one of %s or auto", t.MsgType, strings.Join(sendTypes, ", "))
	}
	types := []string{t.MsgType}
	if t.MsgType == TypeAuto {
		types = sendTypes
	}
	fields := []struct{ name, tpl string }{{"title", t.Title}, {"content", t.Content}, {"url", t.URL}, {"button", t.Button}, {"image", t.Image}}
	for _, f := range fields {
		segs, err := parseTemplate(f.tpl)
		if err != nil {
			return invalid("invalid_template", at+"."+f.name, "%v", err)
		}
		fixed := literal(segs)
		for _, typ := range types {
			if l, ok := fieldLimit(typ, f.name); ok && !l.fits(fixed) {
				return invalid("template_too_long", at+"."+f.name,
					"its fixed text alone is over the %s limit of %s for %s; shorten it", f.name, l, typ)
			}
		}
		if (f.name == "url" || f.name == "image") && f.tpl != "" && !strings.HasPrefix(f.tpl, "{{") {
			if !strings.HasPrefix(fixed, "http://") && !strings.HasPrefix(fixed, "https://") {
				return invalid("invalid_template", at+"."+f.name, "must start with http:// or https:// (or a placeholder such as {{url}})")
			}
		}
	}
	if s.clients == nil {
		return nil
	}
	_, apps, err := s.clients.Client(ctx, t.CorpID)
	if err != nil {
		return invalid("invalid_rule", at+".corp_id", "corp %d cannot send: %v", t.CorpID, err)
	}
	for _, a := range apps {
		if a.AgentID == t.AgentID {
			return nil
		}
	}
	return invalid("invalid_rule", at+".agent_id", "app %d is not configured for corp %d; add it with its Secret in 接入配置 first", t.AgentID, t.CorpID)
}

// literal is a template's fixed text: what remains with every placeholder empty.
func literal(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.text)
	}
	return b.String()
}

// fieldLimit is the limit of a template field in a message type.
func fieldLimit(msgtype, field string) (limit, bool) {
	switch field {
	case "url", "image":
		return limitURL, true
	case "button":
		if msgtype == TypeTextCard {
			return limitBtnTxt, true
		}
		if msgtype == TypeTemplateCard {
			return limitNoticeJump, true
		}
	case "title":
		switch msgtype {
		case TypeTextCard, TypeNews:
			return limitCardTitle, true
		case TypeTemplateCard:
			return limitNoticeTitle, true
		}
	case "content":
		switch msgtype {
		case TypeText:
			return limitText, true
		case TypeMarkdown:
			return limitMarkdown, true
		case TypeTextCard, TypeNews:
			return limitCardDesc, true
		case TypeTemplateCard:
			return limitNoticeSub, true
		}
	}
	return limit{}, false
}
