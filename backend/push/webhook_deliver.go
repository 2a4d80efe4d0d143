package push

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"wecom-bridge/backend/secrets"
	"wecom-bridge/backend/usererr"
)

// Card-click webhooks: each click of a rule with a webhook URL is POSTed to
// it as JSON, signed (SignatureHeader), until the source answers 2xx; other
// answers and network errors are retried with doubling backoff, and after
// the last attempt the click's webhook is failed. The state is kept on the
// click row, so a restart resumes.

// cardSupport holds the card and webhook state of the Service.
type cardSupport struct {
	vault    *secrets.Vault
	client   *http.Client
	base     time.Duration // first retry delay
	max      time.Duration // largest retry delay
	attempts int
	wake     chan struct{}
}

// WithWebhookRetry sets the webhook's first retry delay, the largest delay
// and the number of attempts (defaults 10 s, 10 min, 8).
func WithWebhookRetry(base, max time.Duration, attempts int) Option {
	return func(s *Service) { s.cards.base, s.cards.max, s.cards.attempts = base, max, attempts }
}

// WithWebhookClient replaces the webhook's HTTP client (default: 10 s timeout).
func WithWebhookClient(c *http.Client) Option { return func(s *Service) { s.cards.client = c } }

func (c *cardSupport) init() {
	if c.client == nil {
		c.client = &http.Client{Timeout: 10 * time.Second}
	}
	if c.base <= 0 {
		c.base = 10 * time.Second
	}
	if c.max <= 0 {
		c.max = 10 * time.Minute
	}
	if c.attempts <= 0 {
		c.attempts = 8
	}
	c.wake = make(chan struct{}, 1)
}

func (c *cardSupport) kick() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// webhookBackoff is the delay before attempt n+1 after n failed attempts.
func (c *cardSupport) webhookBackoff(n int) time.Duration {
	d := c.base
	for i := 1; i < n && d < c.max; i++ {
		d *= 2
	}
	return min(d, c.max)
}

// WebhookPayload is the JSON body a source system receives for a click.
type WebhookPayload struct {
	Type           string    `json:"type"` // "card_click"
	ClickID        int64     `json:"click_id"`
	DeliveryID     int64     `json:"delivery_id"` // the push-log row
	MessageID      int64     `json:"message_id"`
	IdempotencyKey string    `json:"idempotency_key,omitempty"` // as the source sent the message
	Source         string    `json:"source"`
	RuleID         int64     `json:"rule_id"`
	TaskID         string    `json:"task_id"`
	UserID         string    `json:"userid"` // the WeCom member who clicked
	Key            string    `json:"key"`
	ButtonText     string    `json:"button_text"`
	ClickedAt      time.Time `json:"clicked_at"`
	Attempt        int       `json:"attempt"`
	SentAt         time.Time `json:"sent_at"`
}

type pendingHook struct {
	ID         int64  `db:"id"`
	DeliveryID int64  `db:"delivery_id"`
	MessageID  int64  `db:"message_id"`
	IdemKey    string `db:"idempotency_key"`
	Source     string `db:"source"`
	RuleID     int64  `db:"rule_id"`
	TaskID     string `db:"task_id"`
	UserID     string `db:"userid"`
	Key        string `db:"event_key"`
	ButtonText string `db:"button_text"`
	ClickedAt  int64  `db:"clicked_at"`
	Attempts   int    `db:"webhook_attempts"`
	URL        string `db:"webhook_url"`
	Secret     string `db:"webhook_secret_enc"`
}

func (s *Service) webhookLoop(ctx context.Context) {
	t := time.NewTicker(s.pollInterval)
	defer t.Stop()
	for {
		s.DeliverWebhooks(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-s.cards.wake:
		}
	}
}

// DeliverWebhooks sends every webhook that is due now and returns how many
// it tried.
func (s *Service) DeliverWebhooks(ctx context.Context) int {
	var due []pendingHook
	err := s.st.DB.SelectContext(ctx, &due, `SELECT c.id, c.delivery_id, d.message_id, COALESCE(m.idempotency_key, '') AS idempotency_key,
		d.source, COALESCE(d.rule_id, 0) AS rule_id, c.task_id, c.userid, c.event_key, c.button_text, c.clicked_at, c.webhook_attempts,
		COALESCE(r.webhook_url, '') AS webhook_url, COALESCE(r.webhook_secret_enc, '') AS webhook_secret_enc
		FROM push_card_clicks c JOIN push_deliveries d ON d.id = c.delivery_id
		LEFT JOIN push_messages m ON m.id = d.message_id LEFT JOIN push_rules r ON r.id = d.rule_id
		WHERE c.webhook_state = 'pending' AND c.webhook_next_at <= ? ORDER BY c.webhook_next_at LIMIT 20`, ms(s.now()))
	if err != nil {
		if ctx.Err() == nil {
			s.log.Error("push: load due webhooks", "err", err)
		}
		return 0
	}
	for _, h := range due {
		if ctx.Err() != nil {
			return 0
		}
		s.sendWebhook(ctx, h)
	}
	return len(due)
}

func (s *Service) sendWebhook(ctx context.Context, h pendingHook) {
	attempt := h.Attempts + 1
	status, errText := 0, ""
	var problem usererr.Message
	if h.URL == "" {
		problem = usererr.Msg("push_webhook_no_url", nil)
	} else if secret, err := s.openSecret(h.Secret); err != nil || secret == "" {
		problem = usererr.Msg("push_webhook_secret", nil)
	} else {
		body, _ := json.Marshal(WebhookPayload{Type: "card_click", ClickID: h.ID, DeliveryID: h.DeliveryID, MessageID: h.MessageID,
			IdempotencyKey: h.IdemKey, Source: h.Source, RuleID: h.RuleID, TaskID: h.TaskID, UserID: h.UserID, Key: h.Key,
			ButtonText: h.ButtonText, ClickedAt: time.UnixMilli(h.ClickedAt).UTC(), Attempt: attempt, SentAt: s.now().UTC()})
		var detail string
		status, detail = s.postWebhook(ctx, h.URL, secret, body, h.ID)
		switch {
		case detail == "":
		case status > 0:
			problem = usererr.Msg("push_webhook_http", usererr.Args{"status": status})
		default:
			problem = usererr.Msg("push_webhook_network", usererr.Args{"detail": detail})
		}
	}
	if !problem.IsZero() {
		errText = problem.Stored()
	}
	if ctx.Err() != nil {
		return
	}
	state, next, done := "pending", int64(0), any(nil)
	switch {
	case errText == "":
		state, done = "delivered", ms(s.now())
	case attempt >= s.cards.attempts || h.URL == "":
		state = "failed"
	default:
		next = ms(s.now().Add(s.cards.webhookBackoff(attempt)))
	}
	if _, err := s.writeExec(ctx, `UPDATE push_card_clicks SET webhook_state = ?, webhook_attempts = ?, webhook_status = ?,
		webhook_error = ?, webhook_next_at = ?, webhook_done_at = ? WHERE id = ?`, state, attempt, status, errText, next, done, h.ID); err != nil && ctx.Err() == nil {
		s.log.Error("push: record webhook attempt", "click", h.ID, "err", err)
	}
	if state != "delivered" {
		s.log.Warn("push: card-click webhook not delivered", "click", h.ID, "attempt", attempt, "state", state, "err", problem.EN)
	}
}

// postWebhook POSTs body signed with secret; "" error text means 2xx.
func (s *Service) postWebhook(ctx context.Context, url, secret string, body []byte, clickID int64) (int, string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err.Error()
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "WeCom-Bridge-Webhook")
	req.Header.Set(SignatureHeader, Sign(secret, body))
	req.Header.Set("X-WeCom-Bridge-Delivery", strconv.FormatInt(clickID, 10))
	resp, err := s.cards.client.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, fmt.Sprintf("the source answered HTTP %d", resp.StatusCode)
	}
	return resp.StatusCode, ""
}
