package push

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"wecom-bridge/backend/bench"
)

// TestBenchPushIntakeLatency: 200 messages a second for 30 s against the
// real handler and store over HTTP, open loop (a request starts every 5 ms
// whether or not the last one finished), with the worker delivering them to
// the simulator at the same time.
func TestBenchPushIntakeLatency(t *testing.T) {
	bench.Require(t)
	const rate, seconds = 200, 30
	e := newEnv(t, envConfig{wall: true, users: 1200, opts: []Option{WithPollInterval(100 * time.Millisecond)}})
	e.rule("oa", TypeTextCard, nil)
	var smu sync.Mutex
	var server []float64 // time inside the handler, to tell queueing on a loaded machine from our own work
	h := e.svc.IntakeHandler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t0 := time.Now()
		h.ServeHTTP(w, r)
		d := float64(time.Since(t0).Microseconds()) / 1000
		smu.Lock()
		server = append(server, d)
		smu.Unlock()
	}))
	defer srv.Close()
	_, key, _ := e.svc.CreateAPIKey(e.ctx, e.corpID, "bench", KeyPermissions{})
	users := e.activeUserIDs(1000)
	e.start()
	hc := &http.Client{Transport: keepAlive()}
	var mu sync.Mutex
	var lat []float64
	var failed int
	var wg sync.WaitGroup
	tick := time.NewTicker(time.Second / rate)
	start := time.Now()
	for i := 0; i < rate*seconds; i++ {
		<-tick.C
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, _ := json.Marshal(Input{Source: "oa", Title: fmt.Sprintf("审批通知 #%d", i), Content: "报销单已通过",
				URL: "https://oa.example.com/a", To: To{UserIDs: []string{users[i%len(users)]}}, IdempotencyKey: fmt.Sprint("k", i)})
			req, _ := http.NewRequest("POST", srv.URL+"/api/v1/messages", bytes.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+key)
			t0 := time.Now()
			resp, err := hc.Do(req)
			d := float64(time.Since(t0).Microseconds()) / 1000
			mu.Lock()
			defer mu.Unlock()
			if err != nil || resp.StatusCode != http.StatusAccepted {
				failed++
			} else {
				lat = append(lat, d)
			}
			if resp != nil {
				resp.Body.Close()
			}
		}()
	}
	tick.Stop()
	wg.Wait()
	elapsed := time.Since(start)
	var sent int
	e.st.DB.Get(&sent, `SELECT COUNT(*) FROM push_deliveries WHERE status = 'sent'`)
	slices.Sort(lat)
	slices.Sort(server)
	note := fmt.Sprintf("%d requests in %.1fs (%d failed), open loop at %d/s; worker delivered %d meanwhile; in the handler p50 %.2f ms p99 %.2f ms; load average %s",
		len(lat)+failed, elapsed.Seconds(), failed, rate, sent, bench.Percentile(server, .5), bench.Percentile(server, .99), bench.LoadAverage())
	bench.Report(bench.Figure{Name: "push_intake_latency_p50_ms", Value: bench.Percentile(lat, 0.50), Unit: "ms", Note: note})
	bench.Report(bench.Figure{Name: "push_intake_latency_p99_ms", Value: bench.Percentile(lat, 0.99), Unit: "ms", Target: "p99 <= 50 ms", Note: note})
	if failed > 0 {
		t.Errorf("%d requests failed", failed)
	}
}

// TestBenchPushQueueDrain: 3,000 queued messages (one recipient each,
// spread over 1,000 members so the 30/min limit does not bind) drained by
// the worker to the simulator over HTTP.
func TestBenchPushQueueDrain(t *testing.T) {
	bench.Require(t)
	const n = 3000
	e := newEnv(t, envConfig{wall: true, users: 1200})
	e.rule("oa", TypeText, nil)
	users := e.activeUserIDs(1000)
	for i := range n {
		e.submit(Input{Source: "oa", Title: fmt.Sprintf("告警 #%d", i), MsgType: TypeText, To: To{UserIDs: []string{users[i%len(users)]}}})
	}
	start := time.Now()
	e.start()
	waitFor(t, "the queue to drain", func() bool {
		var left int
		e.st.DB.Get(&left, `SELECT COUNT(*) FROM push_messages WHERE state <> 'done'`)
		return left == 0
	})
	elapsed := time.Since(start)
	if got := len(e.sim.Messages()); got != n {
		t.Errorf("simulator recorded %d messages, want %d", got, n)
	}
	bench.Report(bench.Figure{Name: "push_queue_drain_per_sec", Value: float64(n) / elapsed.Seconds(), Unit: "messages/s",
		Note: fmt.Sprintf("%d messages in %.2fs, concurrency %d, real HTTP to the simulator", n, elapsed.Seconds(), e.svc.concurrency)})
}
