package events

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestRecorderAndMulti(t *testing.T) {
	var a, b Recorder
	m := Multi{&a, nil, &b}
	m.Emit("x", 1)
	m.Emit("y", "two")
	if len(a.Events()) != 2 || len(b.Named("y")) != 1 || b.Named("y")[0] != "two" {
		t.Fatalf("multi did not fan out: %+v %+v", a.Events(), b.Events())
	}
}

func TestThrottleDropsBurstButKeepsFinal(t *testing.T) {
	var r Recorder
	th := NewThrottle(&r, "job:progress", time.Second)
	clock := time.Unix(1000, 0)
	th.now = func() time.Time { return clock }
	for i := 0; i < 100; i++ {
		th.Update(Progress{Done: i, Total: 100})
	}
	th.Update(Progress{Done: 100, Total: 100, Final: true})
	got := r.Named("job:progress")
	if len(got) != 2 {
		t.Fatalf("want first + final, got %d events", len(got))
	}
	if p := got[1].(Progress); !p.Final || p.Done != 100 {
		t.Fatalf("final lost: %+v", p)
	}
	clock = clock.Add(2 * time.Second)
	th.Update(Progress{Done: 1})
	if len(r.Named("job:progress")) != 3 {
		t.Fatal("update after the interval must pass")
	}
}

func TestHubStreamsEvents(t *testing.T) {
	h := NewHub()
	srv := httptest.NewServer(h)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content-type %q", ct)
	}
	rd := bufio.NewReader(resp.Body)
	rd.ReadString('\n') // ": connected"
	for h.Clients() == 0 {
		time.Sleep(time.Millisecond)
	}
	h.Emit("notice", map[string]string{"message": "你好"})
	for {
		line, err := rd.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(line, "data: ") {
			var ev wireEvent
			if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev); err != nil {
				t.Fatal(err)
			}
			if ev.Name != "notice" || ev.Data.(map[string]any)["message"] != "你好" {
				t.Fatalf("bad event %+v", ev)
			}
			return
		}
	}
}

// A batch that Go holds as a nil slice reaches the browser as [], not null.
func TestHubSendsNilListsAsEmpty(t *testing.T) {
	h := NewHub()
	c := make(chan []byte, 1)
	h.mu.Lock()
	h.clients[c] = struct{}{}
	h.mu.Unlock()
	type batch struct {
		Rows []string `json:"rows"`
	}
	var rows []batch
	h.Emit("sync:op", rows)
	h.Emit("x", batch{})
	if got := string(<-c); got != `{"name":"sync:op","data":[]}` {
		t.Fatalf("nil list event: %s", got)
	}
	h.mu.Lock()
	delete(h.clients, c)
	c2 := make(chan []byte, 1)
	h.clients[c2] = struct{}{}
	h.mu.Unlock()
	h.Emit("x", batch{})
	if got := string(<-c2); got != `{"name":"x","data":{"rows":[]}}` {
		t.Fatalf("nil field event: %s", got)
	}
}
