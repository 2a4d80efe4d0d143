package push

import (
	"context"
	"fmt"
	"strings"
	"time"

	"wecom-bridge/backend/usererr"
)

// Webhook states of a push-log row: the forwarding of its card's button
// clicks to the rule's webhook (card_clicks.go, webhook_deliver.go).
const (
	WebhookDelivered = "delivered"
	WebhookPending   = "pending"
	WebhookFailed    = "failed"
)

var webhookStates = []string{WebhookDelivered, WebhookPending, WebhookFailed}

// WebhookSummary is the log row's webhook cell: its clicks forwarded to
// the rule's webhook (clicks of a rule without one are not counted).
type WebhookSummary struct {
	// State is the row's: failed when a click's forward gave up, else
	// pending while one is still being tried, else delivered.
	State     string `json:"state"`
	Clicks    int    `json:"clicks"`
	Delivered int    `json:"delivered"`
	Pending   int    `json:"pending"`
	Failed    int    `json:"failed"`
	// Of the newest click that failed (or is being retried): the HTTP
	// status the source answered (0: no answer), its attempts, what went
	// wrong and what happens next or what to do.
	Status   int              `json:"status,omitempty"`
	Attempts int              `json:"attempts,omitempty"`
	NextAt   *time.Time       `json:"next_at,omitempty"`
	Error    *usererr.Message `json:"error,omitempty"`
	Hint     *usererr.Message `json:"hint,omitempty"`
}

// webhookFilter is the condition on push_deliveries d for Query.Webhook:
// the rows whose State is that state.
func webhookFilter(state string) (string, error) {
	has := func(s string) string {
		return `EXISTS (SELECT 1 FROM push_card_clicks c WHERE c.delivery_id = d.id AND c.webhook_state = '` + s + `')`
	}
	switch state {
	case WebhookFailed:
		return has(WebhookFailed), nil
	case WebhookPending:
		return has(WebhookPending) + ` AND NOT ` + has(WebhookFailed), nil
	case WebhookDelivered:
		return has(WebhookDelivered) + ` AND NOT ` + has(WebhookPending) + ` AND NOT ` + has(WebhookFailed), nil
	}
	return "", invalid("invalid_query", "webhook", "%q is not a webhook state; use one of %s", state, strings.Join(webhookStates, ", "))
}

type webhookClick struct {
	DeliveryID int64  `db:"delivery_id"`
	State      string `db:"webhook_state"`
	Attempts   int    `db:"webhook_attempts"`
	Status     int    `db:"webhook_status"`
	Error      string `db:"webhook_error"`
	NextAt     int64  `db:"webhook_next_at"`
}

// attachWebhooks fills the rows' Webhook from their clicks.
func (s *Service) attachWebhooks(ctx context.Context, rows []LogRow) error {
	if len(rows) == 0 {
		return nil
	}
	ids := make([]any, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	var clicks []webhookClick
	if err := s.sel(ctx, nil, &clicks, `SELECT delivery_id, webhook_state, webhook_attempts, webhook_status, webhook_error, webhook_next_at
		FROM push_card_clicks WHERE delivery_id IN (`+strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")+`) AND webhook_state <> 'none'
		ORDER BY id`, ids...); err != nil {
		return fmt.Errorf("read the card clicks' webhooks: %w", err)
	}
	byRow := map[int64][]webhookClick{}
	for _, c := range clicks {
		byRow[c.DeliveryID] = append(byRow[c.DeliveryID], c)
	}
	for i := range rows {
		if cs := byRow[rows[i].ID]; len(cs) > 0 {
			rows[i].Webhook = s.summarizeWebhook(cs)
		}
	}
	return nil
}

// summarizeWebhook is the cell of one row's clicks (oldest first).
func (s *Service) summarizeWebhook(cs []webhookClick) *WebhookSummary {
	w := &WebhookSummary{Clicks: len(cs)}
	var worst *webhookClick
	for i := range cs {
		c := &cs[i]
		switch c.State {
		case WebhookDelivered:
			w.Delivered++
		case WebhookPending:
			w.Pending++
			if c.Attempts > 0 && (worst == nil || worst.State != WebhookFailed) {
				worst = c
			}
		case WebhookFailed:
			w.Failed++
			worst = c
		}
	}
	switch {
	case w.Failed > 0:
		w.State = WebhookFailed
	case w.Pending > 0:
		w.State = WebhookPending
	default:
		w.State = WebhookDelivered
	}
	if worst == nil {
		return w
	}
	w.Status, w.Attempts, w.Error = worst.Status, worst.Attempts, usererr.FromStored(worst.Error).Ptr()
	if worst.State == WebhookPending {
		t := time.UnixMilli(worst.NextAt)
		w.NextAt = &t
		w.Hint = usererr.Msg("push_webhook_retrying", usererr.Args{"attempts": worst.Attempts, "max": s.cards.attempts,
			"next": t.Local().Format("2006-01-02 15:04:05")}).Ptr()
		return w
	}
	hint := "push_webhook_gave_up"
	if worst.Status == 401 || worst.Status == 403 {
		hint = "push_webhook_gave_up_signature"
	}
	w.Hint = usererr.Msg(hint, usererr.Args{"attempts": worst.Attempts}).Ptr()
	return w
}
