package push

import (
	"strings"
	"testing"
	"time"

	"wecom-bridge/backend/wecom/wecomsim"
)

// TestSystemBusyRetriedWithBackoff: errcode -1 on every call outlasts the
// client's own three retries; the chunk stays pending with the attempt and
// errcode journalled and the message deferred by the backoff. Once WeCom
// recovers and the backoff has passed, the delivery goes out: 2 attempts.
func TestSystemBusyRetriedWithBackoff(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.rule("oa", TypeText, nil)
	e.sim.SetFaults(wecomsim.Faults{Seed: 1, PerAPI: map[string]wecomsim.Fault{"message/send": {ErrorRate: 1}}})
	id := e.submit(Input{Source: "oa", Title: "忙", MsgType: TypeText, To: To{UserIDs: e.activeUserIDs(1)}})
	e.start()
	var c chunkRow
	waitFor(t, "the first failed attempt", func() bool {
		return e.st.DB.Get(&c, `SELECT `+chunkColumns+` FROM push_chunks`) == nil && c.Attempts == 1
	})
	if c.State != "pending" || c.ErrCode != -1 {
		t.Fatalf("chunk after a failed attempt = %+v, want pending with errcode -1", c)
	}
	if n := e.calls("message/send"); n != 4 {
		t.Errorf("message/send calls = %d, want 4 (the client's try and 3 retries)", n)
	}
	var notBefore int64
	e.st.DB.Get(&notBefore, `SELECT not_before FROM push_messages WHERE id = ?`, id)
	if notBefore <= ms(e.clock.Now()) {
		t.Errorf("message not deferred: not_before %d, now %d", notBefore, ms(e.clock.Now()))
	}
	e.sim.SetFaults(wecomsim.Faults{})
	time.Sleep(30 * time.Millisecond) // not due yet: nothing happens
	if n := e.calls("message/send"); n != 4 {
		t.Fatalf("resent before the backoff passed (%d calls)", n)
	}
	e.clock.Advance(time.Second)
	e.svc.Kick()
	m := e.waitDone(id)
	if d := m.Deliveries[0]; d.Status != StatusSent || d.Attempts != 2 || d.ErrCode != 0 {
		t.Errorf("delivery = %+v, want sent after 2 attempts", d)
	}
}

// TestSystemBusyGivesUpAfterMaxAttempts: a chunk that keeps failing fails
// the delivery with the errcode and its fix after the last attempt.
func TestSystemBusyGivesUpAfterMaxAttempts(t *testing.T) {
	e := newEnv(t, envConfig{opts: []Option{WithRetry(time.Second, time.Second, 2)}})
	e.rule("oa", TypeText, nil)
	e.sim.SetFaults(wecomsim.Faults{Seed: 1, PerAPI: map[string]wecomsim.Fault{"message/send": {ErrorRate: 1}}})
	id := e.submit(Input{Source: "oa", Title: "忙", MsgType: TypeText, To: To{UserIDs: e.activeUserIDs(1)}})
	e.start()
	waitFor(t, "the first attempt journalled", func() bool {
		var attempts int
		return e.st.DB.Get(&attempts, `SELECT attempts FROM push_chunks`) == nil && attempts == 1
	})
	e.clock.Advance(time.Second)
	e.svc.Kick()
	m := e.waitDone(id)
	d := m.Deliveries[0]
	if d.Status != StatusFailed || d.ErrCode != -1 || d.Attempts != 2 || d.Fix == nil || !strings.Contains(d.Fix.ZH, "重试") {
		t.Errorf("delivery = %+v, want failed with errcode -1 and its fix after 2 attempts", d)
	}
}

// TestRateLimited45009Survives: with one message/send a minute, the second
// and third chunks are answered 45009; the client waits for the next
// minute (on the shared clock) and the delivery completes.
func TestRateLimited45009Survives(t *testing.T) {
	e := newEnv(t, envConfig{users: 2800})
	e.sim.SetRateLimit("message/send", 1)
	e.rule("hr", TypeText, nil)
	id := e.submit(Input{Source: "hr", Title: "通知", MsgType: TypeText, To: To{UserIDs: e.activeUserIDs(2500)}})
	e.start()
	m := e.waitDone(id)
	if m.Status != StatusSent || len(m.Deliveries[0].MsgIDs) != 3 {
		t.Fatalf("delivery = %+v", m.Deliveries[0])
	}
	if n := e.sim.Counters().Errcodes[45009]; n < 2 {
		t.Errorf("45009 answers = %d, want at least 2", n)
	}
	if n := len(e.sim.Messages()); n != 3 {
		t.Errorf("simulator recorded %d messages, want 3", n)
	}
}

// TestConfigErrorFailsWithHint: every recipient invalid is errcode 81013;
// the delivery fails at once with the errcode, its fix and the invalid users.
func TestConfigErrorFailsWithHint(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.rule("oa", TypeText, nil)
	id := e.submit(Input{Source: "oa", Title: "t", MsgType: TypeText, To: To{UserIDs: []string{"ghost1", "ghost2"}}})
	e.start()
	d := e.waitDone(id).Deliveries[0]
	if d.Status != StatusFailed || d.ErrCode != 81013 || d.Fix == nil || d.Attempts != 1 || len(d.InvalidUsers) != 2 {
		t.Errorf("delivery = %+v, want failed 81013 with a fix and both invalid users", d)
	}
	if n := e.calls("message/send"); n != 1 {
		t.Errorf("message/send calls = %d, want 1 (81013 is not retried)", n)
	}
}
