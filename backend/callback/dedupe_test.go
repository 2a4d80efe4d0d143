package callback

import (
	"encoding/xml"
	"errors"
	"testing"
)

func decodeEnvelope(t *testing.T, env []byte, out any) {
	t.Helper()
	if err := xml.Unmarshal(env, out); err != nil {
		t.Fatal(err)
	}
}

// TestRetriesAreDuplicatesProcessedOnce: WeCom's retry of the same POST is
// logged as a duplicate of the first and not processed again; a failed
// event is replayed once and only a failed one can be.
func TestRetriesAreDuplicatesProcessedOnce(t *testing.T) {
	e := newEnv(t)
	a := loadVectors(t)[0]
	c := e.addCorp(a, "218")
	e.app.fail = errors.New("source system down")
	path := "/callback/app/" + c.Key + "/218" + query(a.Post.Sig, a.Post.TS, a.Post.Nonce)
	for range 3 {
		if code, _ := e.do("POST", path, a.Post.Body); code != 200 {
			t.Fatalf("POST = %d", code)
		}
	}
	evs, _ := e.svc.List(e.ctx, Filter{CorpRef: c.ID})
	if len(evs) != 3 {
		t.Fatalf("%d rows", len(evs))
	}
	orig := evs[2]
	if evs[0].State != StateDuplicate || evs[1].State != StateDuplicate || evs[0].DupOf != orig.ID {
		t.Fatalf("retries not duplicates: %+v", evs)
	}
	if ev := e.waitState(orig.ID); ev.State != StateFailed || ev.Error == nil || ev.Attempts != 1 {
		t.Fatalf("first processing = %+v", ev)
	}
	if _, err := e.svc.Replay(e.ctx, evs[0].ID); err == nil {
		t.Error("a duplicate was replayed")
	}
	e.app.mu.Lock()
	e.app.fail = nil
	e.app.mu.Unlock()
	if _, err := e.svc.Replay(e.ctx, orig.ID); err != nil {
		t.Fatal(err)
	}
	<-e.app.called
	<-e.app.called
	if ev := e.waitState(orig.ID); ev.State != StateProcessed || ev.Error != nil || ev.Attempts != 2 || len(ev.Effects) != 1 {
		t.Fatalf("after replay = %+v", ev)
	}
	if _, err := e.svc.Replay(e.ctx, orig.ID); err == nil {
		t.Error("a processed event was replayed")
	}
	if n := e.app.count(); n != 2 {
		t.Errorf("processed %d times, want 2 (once, then the replay)", n)
	}
	for _, f := range []Filter{{State: StateDuplicate}, {Type: "text"}} {
		got, err := e.svc.List(e.ctx, f)
		if err != nil || len(got) == 0 {
			t.Errorf("filter %+v: %d, %v", f, len(got), err)
		}
	}
	if _, err := e.svc.List(e.ctx, Filter{State: "odd"}); err == nil {
		t.Error("a bad state filter was accepted")
	}
}
