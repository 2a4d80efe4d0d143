// Package callbackapps is what the bridge does with app callbacks (issue 14
// items 3 and 4): the callback receiver (backend/callback) hands it every
// app event. Reply answers a member's text or image with the app's matching
// auto-reply rule (backend/autoreply) as a passive reply; Process records
// what each event did: the reply sent, an enter_agent logged, a
// template-card click matched to its push-log row with the card updated and
// the rule's webhook queued (backend/push).
package callbackapps

import (
	"context"
	"strconv"
	"time"

	"wecom-bridge/backend/autoreply"
	"wecom-bridge/backend/callback"
	"wecom-bridge/backend/push"
	"wecom-bridge/backend/usererr"
)

// Handler implements callback.AppHandler.
type Handler struct {
	Replies *autoreply.Service
	Push    *push.Service
	Now     func() time.Time
	memo    replyMemo
}

var _ callback.AppHandler = (*Handler)(nil)

func (h *Handler) now() time.Time {
	if h.Now != nil {
		return h.Now()
	}
	return time.Now()
}

// answer finds the rule answering a member's message, if any.
func (h *Handler) answer(ctx context.Context, ev callback.Event) (autoreply.Rule, bool, error) {
	m := ev.Msg
	if m.MsgType != autoreply.ActionText && m.MsgType != autoreply.ActionImage {
		return autoreply.Rule{}, false, nil
	}
	app, err := h.Replies.AppRef(ctx, ev.CorpRef, ev.AgentID, strconv.FormatInt(ev.CorpRef, 10))
	if err != nil {
		return autoreply.Rule{}, false, err
	}
	return h.Replies.Answer(ctx, app, m.MsgType, m.Content)
}

// Reply is the passive reply's plaintext for a text or image message that
// an enabled rule of the app matches (its switch on), else nil.
func (h *Handler) Reply(ctx context.Context, ev callback.Event) ([]byte, error) {
	r, ok, err := h.answer(ctx, ev)
	if err != nil {
		return nil, err
	}
	h.memo.put(ev.ID, r.ID)
	if !ok {
		return nil, nil
	}
	return autoreply.TextReply(ev.Msg.FromUserName, ev.Msg.ToUserName, r.Reply, h.now()), nil
}

// Process says what the event did.
func (h *Handler) Process(ctx context.Context, ev callback.Event) ([]usererr.Message, error) {
	m := ev.Msg
	switch {
	case m.MsgType == autoreply.ActionText || m.MsgType == autoreply.ActionImage:
		r, ok, err := h.answer(ctx, ev)
		if err != nil {
			return nil, err
		}
		if id, seen := h.memo.get(ev.ID); seen && id != r.ID {
			ok = false
			if id != 0 {
				if r, err = h.Replies.Get(ctx, id); err == nil {
					ok = true
				}
			}
		}
		if !ok {
			return []usererr.Message{usererr.Msg("cbapp_no_rule", usererr.Args{"type": m.MsgType})}, nil
		}
		return []usererr.Message{usererr.Msg("cbapp_replied", usererr.Args{"rule": r.Name, "id": r.ID})}, nil
	case m.MsgType == "event" && m.Event == "enter_agent":
		return []usererr.Message{usererr.Msg("cbapp_enter_agent", usererr.Args{"user": m.FromUserName})}, nil
	case m.MsgType == "event" && (m.Event == "template_card_event" || m.Event == "template_card_menu_event"):
		return h.click(ctx, ev)
	}
	return []usererr.Message{usererr.Msg("cbapp_logged", usererr.Args{"type": ev.Type})}, nil
}

func (h *Handler) click(ctx context.Context, ev callback.Event) ([]usererr.Message, error) {
	m := ev.Msg
	o, err := h.Push.RecordClick(ctx, push.Click{EventRef: "callback:" + strconv.FormatInt(ev.ID, 10), CorpRef: ev.CorpRef,
		AgentID: ev.AgentID, UserID: m.FromUserName, TaskID: m.TaskID, Key: m.EventKey, ResponseCode: m.ResponseCode,
		At: time.Unix(m.CreateTime, 0)})
	if err != nil {
		return nil, err
	}
	if !o.Matched {
		return []usererr.Message{usererr.Msg("cbapp_click_unmatched", usererr.Args{"task": m.TaskID})}, nil
	}
	button := o.ButtonText
	if button == "" {
		button = m.EventKey
	}
	out := []usererr.Message{usererr.Msg("cbapp_click", usererr.Args{"user": m.FromUserName, "button": button, "delivery": o.DeliveryID})}
	switch {
	case o.AlreadyDone || o.CardState == "updated":
		out = append(out, usererr.Msg("cbapp_card_updated", nil))
	default:
		out = append(out, usererr.Msg("cbapp_card_failed", usererr.Args{"error": o.CardError}))
	}
	if o.Webhook != "none" {
		out = append(out, usererr.Msg("cbapp_webhook_"+o.Webhook, nil))
	}
	if o.CardState == "failed" {
		return out, usererr.New("cbapp_card_failed", usererr.Args{"error": o.CardError})
	}
	return out, nil
}
