package push

import (
	"strings"
	"testing"
	"time"
)

// TestRecallWithin24Hours: a delivery recalled inside the window calls
// message/recall for its msgid, records who and when, and becomes
// recalled; one older than 24 h is refused without calling WeCom, and the
// log row's recall button is disabled with the reason.
func TestRecallWithin24Hours(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.rule("oa", TypeTextCard, nil)
	to := e.activeUserIDs(2)
	first := e.submit(Input{Source: "oa", Title: "可撤回", URL: "https://x.example/1", To: To{UserIDs: to}})
	e.start()
	d := e.waitDone(first).Deliveries[0]
	if !d.RecallAllowed {
		t.Fatalf("fresh delivery not recallable: %v", d.RecallReason)
	}
	e.clock.Advance(23 * time.Hour)
	res, err := e.svc.Recall(e.ctx, []int64{d.ID}, "王管理员")
	if err != nil || len(res) != 1 || !res[0].OK || res[0].Recalled != 1 {
		t.Fatalf("recall = %+v, %v", res, err)
	}
	if sm, _ := e.sim.Message(d.MsgIDs[0]); sm.RecalledAt == nil {
		t.Error("the simulator did not record the recall")
	}
	// The chart counts it as recalled, not as sent.
	day, err := e.svc.Stats(e.ctx, e.clock.Now().Add(-48*time.Hour), e.clock.Now().Add(time.Hour), "source")
	if err != nil || len(day) != 1 || day[0].Recalled != 1 || day[0].Sent != 0 {
		t.Errorf("stats after the recall: %+v %v", day, err)
	}
	row, _ := e.svc.GetLog(e.ctx, d.ID)
	if row.Status != StatusRecalled || row.RecalledBy != "王管理员" || row.RecalledAt == nil || row.RecallAllowed || row.RecallReason == nil {
		t.Errorf("after recall: %+v", row.LogRow)
	}
	again, _ := e.svc.Recall(e.ctx, []int64{d.ID}, "王管理员")
	if !again[0].Refused {
		t.Errorf("recalling twice: %+v", again[0])
	}

	late := e.submit(Input{Source: "oa", Title: "太晚了", URL: "https://x.example/2", To: To{UserIDs: to}})
	e.svc.Kick()
	d2 := e.waitDone(late).Deliveries[0]
	e.clock.Advance(24*time.Hour + time.Minute)
	recalls := e.calls("message/recall")
	page, _ := e.svc.ListLogs(e.ctx, Query{Search: "太晚了"})
	if len(page.Rows) != 1 || page.Rows[0].RecallAllowed || page.Rows[0].RecallReason == nil || !strings.Contains(page.Rows[0].RecallReason.ZH, "24 小时") {
		t.Fatalf("late row = %+v", page.Rows)
	}
	res, err = e.svc.Recall(e.ctx, []int64{d2.ID}, "王管理员")
	if err != nil || !res[0].Refused || res[0].OK || res[0].Error == nil || !strings.Contains(res[0].Error.EN, "24 h") {
		t.Errorf("late recall = %+v, %v; want refused with the 24 h reason", res, err)
	}
	if n := e.calls("message/recall"); n != recalls {
		t.Errorf("WeCom was called for a recall older than 24 h (%d → %d)", recalls, n)
	}
	if sm, _ := e.sim.Message(d2.MsgIDs[0]); sm.RecalledAt != nil {
		t.Error("the late message was recalled")
	}
	if row, _ := e.svc.GetLog(e.ctx, d2.ID); row.Status != StatusSent {
		t.Errorf("late row status = %s", row.Status)
	}
}
