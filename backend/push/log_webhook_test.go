package push

import (
	"testing"
	"time"
)

// TestLogRowShowsAndFiltersItsWebhook: the push-log row of a card carries
// its clicks' webhook state — pending with the source's HTTP status and
// when it is retried, delivered, then failed (the worst click) with the
// status and what to check — and the log filters by that state.
func TestLogRowShowsAndFiltersItsWebhook(t *testing.T) {
	e, recv, sent, user := cardEnv(t, 500, 200, 403, 403, 403, 403)
	e.stop() // drive the webhook by hand with the clock
	delivery, _ := ParseTaskID(sent.TaskID)
	row := func(state string) *LogRow {
		t.Helper()
		page, err := e.svc.ListLogs(e.ctx, Query{Webhook: state})
		if err != nil {
			t.Fatal(err)
		}
		for i := range page.Rows {
			if page.Rows[i].ID == delivery {
				return &page.Rows[i]
			}
		}
		return nil
	}
	if r := row(""); r == nil || r.Webhook != nil {
		t.Fatalf("a card nobody clicked has a webhook cell: %+v", r)
	}
	click := func(ref, key string) {
		if _, err := e.svc.RecordClick(e.ctx, Click{EventRef: ref, CorpRef: e.corpID, AgentID: int64(sent.AgentID), UserID: user,
			TaskID: sent.TaskID, Key: key, At: e.clock.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	click("ev1", "approve")
	e.svc.DeliverWebhooks(e.ctx) // HTTP 500
	r := row(WebhookPending)
	if r == nil || r.Webhook.State != WebhookPending || r.Webhook.Status != 500 || r.Webhook.Attempts != 1 || r.Webhook.NextAt == nil ||
		r.Webhook.Error == nil || r.Webhook.Error.Code != "push_webhook_http" || r.Webhook.Hint == nil || r.Webhook.Hint.Code != "push_webhook_retrying" {
		t.Fatalf("after a 500: %+v", r)
	}
	if row(WebhookFailed) != nil || row(WebhookDelivered) != nil {
		t.Fatal("a pending row matched another state")
	}
	e.clock.Advance(time.Minute)
	e.svc.DeliverWebhooks(e.ctx) // 200
	if r := row(WebhookDelivered); r == nil || r.Webhook.Delivered != 1 || r.Webhook.Clicks != 1 || r.Webhook.Hint != nil || r.Webhook.Error != nil {
		t.Fatalf("after the retry: %+v", r)
	}
	click("ev2", "reject")
	for range 4 {
		e.svc.DeliverWebhooks(e.ctx) // 403 ×4: given up
		e.clock.Advance(4 * time.Minute)
	}
	r = row(WebhookFailed)
	if r == nil || r.Webhook.State != WebhookFailed || r.Webhook.Clicks != 2 || r.Webhook.Delivered != 1 || r.Webhook.Failed != 1 ||
		r.Webhook.Status != 403 || r.Webhook.Attempts != 4 || r.Webhook.Hint == nil || r.Webhook.Hint.Code != "push_webhook_gave_up_signature" {
		t.Fatalf("after giving up: %+v", r)
	}
	if row(WebhookDelivered) != nil || row(WebhookPending) != nil {
		t.Fatal("a failed row matched another state")
	}
	if d, err := e.svc.GetLog(e.ctx, delivery); err != nil || d.Webhook == nil || d.Webhook.State != WebhookFailed {
		t.Fatalf("the expanded row: %+v %v", d.Webhook, err)
	}
	if clicks, _ := e.svc.ListCardClicks(e.ctx, e.corpID, 1); clicks[0].WebhookError == nil || clicks[0].WebhookError.EN != "The source system answered HTTP 403" {
		t.Fatalf("the 回调 page's click: %+v", clicks[0].WebhookError)
	}
	if _, err := e.svc.ListLogs(e.ctx, Query{Webhook: "lost"}); err == nil {
		t.Error("an unknown webhook state was accepted")
	}
	if recv.count() != 6 {
		t.Errorf("the receiver got %d requests, want 6", recv.count())
	}
}
