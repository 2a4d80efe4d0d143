package callback

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestCLIListsAndReplays: `callbacks list` shows each event with its state
// (JSON and table, filtered by state), `callbacks replay` queues a failed one.
func TestCLIListsAndReplays(t *testing.T) {
	e := newEnv(t)
	a := loadVectors(t)[0]
	c := e.addCorp(a, "218")
	e.app.fail = errors.New("down")
	path := "/callback/app/" + c.Key + "/218" + query(a.Post.Sig, a.Post.TS, a.Post.Nonce)
	e.do("POST", path, a.Post.Body)
	e.do("POST", path, a.Post.Body)
	<-e.app.called
	find := func(_ context.Context, ref string) (int64, error) {
		if ref != "vec A" {
			return 0, errors.New("no such corp")
		}
		return c.ID, nil
	}
	var out bytes.Buffer
	var evs []Event
	for deadline := 0; deadline < 500; deadline++ {
		out.Reset()
		if err := e.svc.RunCLI(e.ctx, find, []string{"list", "--corp", "vec A", "--json", "--state", "failed"}, &out); err != nil {
			t.Fatal(err)
		}
		json.Unmarshal(out.Bytes(), &evs)
		if len(evs) == 1 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if len(evs) != 1 || evs[0].State != StateFailed || evs[0].Type != "text" {
		t.Fatalf("list --state failed --json = %s", out.String())
	}
	out.Reset()
	if err := e.svc.RunCLI(e.ctx, find, []string{"list", "--corp", "vec A"}, &out); err != nil ||
		!strings.Contains(out.String(), "duplicate") || !strings.Contains(out.String(), "failed") {
		t.Fatalf("list table = %q, %v", out.String(), err)
	}
	if err := e.svc.RunCLI(e.ctx, find, []string{"list", "--corp", "nope"}, &out); err == nil {
		t.Error("an unknown corp was listed")
	}
	e.app.mu.Lock()
	e.app.fail = nil
	e.app.mu.Unlock()
	out.Reset()
	if err := e.svc.RunCLI(e.ctx, find, []string{"replay", strconv.FormatInt(evs[0].ID, 10)}, &out); err != nil {
		t.Fatal(err)
	}
	if ev := e.waitState(evs[0].ID); ev.State != StateProcessed {
		t.Fatalf("after replay: %s", ev.State)
	}
	if err := e.svc.RunCLI(e.ctx, find, []string{"rule", "list"}, &out); !errors.Is(err, ErrUnknownVerb) {
		t.Errorf("unknown verb: %v", err)
	}
}
