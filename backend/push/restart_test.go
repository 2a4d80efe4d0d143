package push

import (
	"net/http"
	"testing"
	"time"
)

// TestCrashBetweenAcceptAndSendDeliversOnce: a message accepted (202) by a
// service that stops before its worker runs is delivered exactly once by
// the next service on the same store.
func TestCrashBetweenAcceptAndSendDeliversOnce(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.rule("oa", TypeTextCard, nil)
	api := e.intake()
	var acc Accepted
	resp := api.do("POST", "/api/v1/messages", Input{Source: "oa", Title: "重启前收到", URL: "https://x.example/1",
		To: To{UserIDs: e.activeUserIDs(2)}}, &acc)
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("POST = %d", resp.StatusCode)
	}
	e.svc.Stop() // the worker never ran
	if n := len(e.sim.Messages()); n != 0 {
		t.Fatalf("%d messages sent before the restart", n)
	}
	e.restart()
	m := e.waitDone(acc.ID)
	if m.Status != StatusSent {
		t.Fatalf("after restart: %+v", m)
	}
	if n := len(e.sim.Messages()); n != 1 {
		t.Errorf("simulator recorded %d messages, want exactly 1", n)
	}
	// Another restart sends nothing more.
	e.restart()
	e.svc.Kick()
	time.Sleep(50 * time.Millisecond) // ten polls
	if n := e.calls("message/send"); n != 1 {
		t.Errorf("%d message/send calls after a second restart, want 1", n)
	}
}

// TestCrashMidDeliveryResumesFromTheJournal: three chunks; the service dies
// after the second call returned but before it was journalled. The restart
// does not resend chunk 1 (journalled sent), resends chunk 2 byte for byte
// (WeCom's duplicate check answers with the first msgid and delivers
// nothing) and sends chunk 3. Everyone gets the message exactly once.
func TestCrashMidDeliveryResumesFromTheJournal(t *testing.T) {
	e := newEnv(t, envConfig{users: 2800})
	e.rule("hr", TypeText, nil)
	users := e.activeUserIDs(2500)
	id := e.submit(Input{Source: "hr", Title: "通知", Content: "内容", MsgType: TypeText, To: To{UserIDs: users}})
	e.svc.afterSend = func(_ int64, seq int) {
		if seq == 1 {
			e.cancel() // a crash between WeCom's answer and the journal
		}
	}
	e.start()
	waitFor(t, "the crash", func() bool { return e.calls("message/send") == 2 })
	e.stop()
	var states []string
	e.st.DB.Select(&states, `SELECT state FROM push_chunks ORDER BY seq`)
	if len(states) != 3 || states[0] != "sent" || states[1] != "pending" || states[2] != "pending" {
		t.Fatalf("journal after the crash = %v, want sent, pending, pending", states)
	}
	e.restart()
	m := e.waitDone(id)
	if m.Status != StatusSent || len(m.Deliveries[0].MsgIDs) != 3 {
		t.Fatalf("after restart: %+v", m.Deliveries[0])
	}
	if n := e.calls("message/send"); n != 4 {
		t.Errorf("message/send calls = %d, want 4 (chunk 2 resent once, chunk 1 never)", n)
	}
	if n := len(e.sim.Messages()); n != 3 {
		t.Errorf("simulator recorded %d messages, want 3", n)
	}
	got := map[string]int{}
	for _, sm := range e.sim.Messages() {
		for _, u := range sm.Delivered {
			got[u]++
		}
	}
	for _, u := range users {
		if got[u] != 1 {
			t.Fatalf("%s got the message %d times", u, got[u])
		}
	}
}
