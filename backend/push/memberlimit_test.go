package push

import (
	"fmt"
	"testing"
	"time"
)

func TestMemberLimitsSlidingWindow(t *testing.T) {
	l := newMemberLimits()
	t0 := simStart
	for i := range memberPerMinute {
		if w := l.reserve("1|2", []string{"ZhangSan"}, t0); w != 0 {
			t.Fatalf("send %d waits %v", i+1, w)
		}
	}
	if w := l.reserve("1|2", []string{"zhangsan", "lisi"}, t0.Add(59*time.Second)); w != time.Second {
		t.Errorf("31st send within the minute waits %v, want 1s (case-insensitive userid)", w)
	}
	if w := l.reserve("1|3", []string{"zhangsan"}, t0); w != 0 {
		t.Errorf("another app waits %v; the limit is per app", w)
	}
	if w := l.reserve("1|2", []string{"lisi"}, t0.Add(59*time.Second)); w != 0 {
		t.Errorf("lisi waits %v, but the refused batch recorded nothing for him", w)
	}
	if w := l.reserve("1|2", []string{"zhangsan"}, t0.Add(time.Minute)); w != 0 {
		t.Errorf("a minute later: waits %v", w)
	}
	// 1000 an hour: 30 a minute for 34 minutes reaches it.
	h := newMemberLimits()
	var at time.Time
	for i := range memberPerHour {
		at = t0.Add(time.Duration(i) * 2 * time.Second)
		if w := h.reserve("s", []string{"u"}, at); w != 0 {
			t.Fatalf("send %d at +%v waits %v", i+1, at.Sub(t0), w)
		}
	}
	next := at.Add(2 * time.Second)
	if w := h.reserve("s", []string{"u"}, next); w != t0.Add(time.Hour).Sub(next) {
		t.Errorf("1001st send in the hour waits %v, want %v", w, t0.Add(time.Hour).Sub(next))
	}
}

// TestMemberLimitMakesTheExcessWait: 35 messages to one member within a
// minute: 30 go out, 5 wait (WeCom would drop them silently) and go out
// when the minute has passed; the simulator drops nothing.
func TestMemberLimitMakesTheExcessWait(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.rule("alert", TypeText, nil)
	user := e.activeUserIDs(1)
	var ids []int64
	for i := range 35 {
		ids = append(ids, e.submit(Input{Source: "alert", Title: fmt.Sprintf("告警 #%d", i), MsgType: TypeText, To: To{UserIDs: user}}))
	}
	e.start()
	waitFor(t, "30 deliveries and 5 deferred", func() bool {
		var sent, waiting int
		e.st.DB.Get(&sent, `SELECT COUNT(*) FROM push_deliveries WHERE status = 'sent'`)
		e.st.DB.Get(&waiting, `SELECT COUNT(*) FROM push_messages WHERE state <> 'done' AND not_before > ?`, ms(e.clock.Now()))
		return sent == 30 && waiting == 5
	})
	if n := len(e.sim.Messages()); n != 30 {
		t.Fatalf("simulator recorded %d messages in the first minute, want 30", n)
	}
	var reason string
	e.st.DB.Get(&reason, `SELECT last_error FROM push_messages WHERE state <> 'done' LIMIT 1`)
	if reason == "" {
		t.Error("a waiting message does not say why")
	}
	e.clock.Advance(time.Minute)
	e.svc.Kick()
	for _, id := range ids {
		if m := e.waitDone(id); m.Status != StatusSent {
			t.Errorf("message %d: %s", id, m.Status)
		}
	}
	c := e.sim.Counters()
	if c.Messages != 35 || c.DroppedDeliveries != 0 {
		t.Errorf("simulator: %d messages, %d dropped deliveries; want 35 and 0", c.Messages, c.DroppedDeliveries)
	}
}
