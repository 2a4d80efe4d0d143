package push

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// Click is a template_card_event as the callback receiver parsed it.
type Click struct {
	EventRef     string // the callback event's id: a replay finds the same row
	CorpRef      int64
	AgentID      int64
	UserID       string
	TaskID       string
	Key          string
	ResponseCode string
	At           time.Time
}

// ClickOutcome is what a click did.
type ClickOutcome struct {
	Matched     bool   `json:"matched"` // the task id names a push-log row of this corp and app
	DeliveryID  int64  `json:"deliveryId"`
	ClickID     int64  `json:"clickId"`
	ButtonText  string `json:"buttonText"`
	CardState   string `json:"cardState"` // updated, failed, pending
	CardError   string `json:"cardError,omitempty"`
	Webhook     string `json:"webhook"` // none, pending, delivered, failed
	AlreadyDone bool   `json:"alreadyDone"`
}

// CardClick is one click as the 回调 page lists it.
type CardClick struct {
	ID              int64            `json:"id" db:"id"`
	DeliveryID      int64            `json:"deliveryId" db:"delivery_id"`
	RuleName        string           `json:"ruleName" db:"rule_name"`
	Title           string           `json:"title" db:"title"`
	Source          string           `json:"source" db:"source"`
	CorpID          int64            `json:"corpId" db:"corp_id"`
	AgentID         int64            `json:"agentId" db:"agent_id"`
	UserID          string           `json:"userid" db:"userid"`
	Key             string           `json:"key" db:"event_key"`
	ButtonText      string           `json:"buttonText" db:"button_text"`
	ClickedAt       time.Time        `json:"clickedAt" db:"-"`
	CardState       string           `json:"cardState" db:"card_state"`
	CardError       string           `json:"cardError" db:"card_error"`
	WebhookState    string           `json:"webhookState" db:"webhook_state"`
	WebhookAttempts int              `json:"webhookAttempts" db:"webhook_attempts"`
	WebhookStatus   int              `json:"webhookStatus" db:"webhook_status"`
	WebhookError    *usererr.Message `json:"webhookError,omitempty" db:"-"`
	WebhookDoneAt   *time.Time       `json:"webhookDoneAt,omitempty" db:"-"`
	WebhookNextAt   *time.Time       `json:"webhookNextAt,omitempty" db:"-"`
	ClickedMS       int64            `json:"-" db:"clicked_at"`
	DoneMS          *int64           `json:"-" db:"webhook_done_at"`
	NextMS          int64            `json:"-" db:"webhook_next_at"`
	ErrorText       string           `json:"-" db:"webhook_error"`
}

type clickDelivery struct {
	CorpID  int64  `db:"corp_id"`
	AgentID int64  `db:"agent_id"`
	Body    string `db:"body"`
	URL     string `db:"webhook_url"`
}

// RecordClick matches a click to its push-log row by task id, records who
// clicked which button when, updates the card with the click's response code
// (once: a replay does not spend it again) and queues the webhook of the
// row's rule. An unmatched click (a task id this bridge did not make, or of
// another corp or app) records nothing.
func (s *Service) RecordClick(ctx context.Context, c Click) (ClickOutcome, error) {
	id, ok := ParseTaskID(c.TaskID)
	if !ok {
		return ClickOutcome{}, nil
	}
	var d clickDelivery
	err := s.st.DB.GetContext(ctx, &d, `SELECT d.corp_id, d.agent_id, d.body, COALESCE(r.webhook_url, '') AS webhook_url
		FROM push_deliveries d LEFT JOIN push_rules r ON r.id = d.rule_id WHERE d.id = ?`, id)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && (d.CorpID != c.CorpRef || d.AgentID != c.AgentID)) {
		return ClickOutcome{}, nil
	}
	if err != nil {
		return ClickOutcome{}, err
	}
	out := ClickOutcome{Matched: true, DeliveryID: id, ButtonText: buttonText(d.Body, c.Key)}
	webhook := "none"
	if d.URL != "" {
		webhook = "pending"
	}
	if _, err := s.writeExec(ctx, `INSERT INTO push_card_clicks(delivery_id, event_ref, task_id, userid, event_key, button_text,
		clicked_at, response_code, card_state, webhook_state, webhook_next_at) VALUES (?,?,?,?,?,?,?,?,'pending',?,?)
		ON CONFLICT(event_ref) DO NOTHING`,
		id, c.EventRef, c.TaskID, c.UserID, c.Key, out.ButtonText, ms(c.At), c.ResponseCode, webhook, ms(s.now())); err != nil {
		return ClickOutcome{}, fmt.Errorf("record card click: %w", err)
	}
	var row struct {
		ID      int64  `db:"id"`
		Code    string `db:"response_code"`
		Card    string `db:"card_state"`
		Webhook string `db:"webhook_state"`
	}
	if err := s.st.DB.GetContext(ctx, &row, `SELECT id, response_code, card_state, webhook_state FROM push_card_clicks WHERE event_ref = ?`, c.EventRef); err != nil {
		return ClickOutcome{}, err
	}
	out.ClickID, out.CardState, out.Webhook = row.ID, row.Card, row.Webhook
	if row.Card == "updated" {
		out.AlreadyDone = true
		return out, nil
	}
	if row.Code == "" {
		out.CardState, out.CardError = "failed", "the click carried no response code"
	} else {
		out.CardState, out.CardError = s.updateCard(ctx, c, d, out.ButtonText, row.Code)
	}
	code := row.Code
	if out.CardState == "updated" {
		code = "" // spent: valid once
	}
	if _, err := s.writeExec(ctx, `UPDATE push_card_clicks SET card_state = ?, card_error = ?, response_code = ? WHERE id = ?`,
		out.CardState, out.CardError, code, row.ID); err != nil {
		return out, err
	}
	if row.Webhook == "pending" {
		s.cards.kick()
	}
	return out, nil
}

// updateCard replaces the clicked button's text with the result, e.g. 已同意.
func (s *Service) updateCard(ctx context.Context, c Click, d clickDelivery, text, code string) (string, string) {
	client, cred, err := s.appClient(ctx, d.CorpID, d.AgentID)
	if err != nil {
		return "failed", err.Error()
	}
	_, err = client.UpdateTemplateCard(ctx, cred, wecom.UpdateTemplateCard{UserIDs: []string{c.UserID},
		AgentID: d.AgentID, ResponseCode: code, Button: &wecom.ReplaceButton{ReplaceName: doneLabel(text, c.Key)}})
	if err != nil {
		return "failed", err.Error()
	}
	return "updated", ""
}

// doneLabel is the button's text after the click: 已 + the button's text.
func doneLabel(text, key string) string {
	if text == "" {
		text = key
	}
	if strings.HasPrefix(text, "已") {
		return text
	}
	return "已" + text
}

// ListCardClicks returns the newest clicks (at most limit, ≤ 500), newest first.
func (s *Service) ListCardClicks(ctx context.Context, corpID int64, limit int) ([]CardClick, error) {
	if limit <= 0 || limit > 500 {
		limit = 500
	}
	out := []CardClick{}
	err := s.st.DB.SelectContext(ctx, &out, `SELECT c.id, c.delivery_id, d.rule_name, d.title, d.source, d.corp_id, d.agent_id,
		c.userid, c.event_key, c.button_text, c.clicked_at, c.card_state, c.card_error, c.webhook_state, c.webhook_attempts,
		c.webhook_status, c.webhook_error, c.webhook_done_at, c.webhook_next_at
		FROM push_card_clicks c JOIN push_deliveries d ON d.id = c.delivery_id
		WHERE (? = 0 OR d.corp_id = ?) ORDER BY c.id DESC LIMIT ?`, corpID, corpID, limit)
	for i := range out {
		c := &out[i]
		c.ClickedAt = time.UnixMilli(c.ClickedMS)
		c.WebhookError = usererr.FromStored(c.ErrorText).Ptr()
		if c.DoneMS != nil {
			t := time.UnixMilli(*c.DoneMS)
			c.WebhookDoneAt = &t
		}
		if c.WebhookState == "pending" {
			t := time.UnixMilli(c.NextMS)
			c.WebhookNextAt = &t
		}
	}
	return out, err
}
