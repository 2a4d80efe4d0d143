package wecom

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"testing"
	"time"
)

// windowCounter plays a WeCom server that allows limit calls per minute,
// counted per fixed clock minute and over any sliding 60 s window.
type windowCounter struct {
	mu          sync.Mutex
	clock       Clock
	limit       int
	times       []time.Time // non-decreasing: stamped under mu from a monotonic clock
	head        int         // first call inside the sliding window
	fixed       map[int64]int
	maxFixed    int
	overFixed   int
	overSliding int
}

func newWindowCounter(limit int, clk Clock) *windowCounter {
	return &windowCounter{limit: limit, clock: clk, fixed: map[int64]int{}}
}

// hit records a call now and reports whether either window is over the limit.
func (w *windowCounter) hit() (over bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	t := w.clock.Now()
	w.times = append(w.times, t)
	m := t.Unix() / 60
	w.fixed[m]++
	w.maxFixed = max(w.maxFixed, w.fixed[m])
	if w.fixed[m] > w.limit {
		w.overFixed++
		over = true
	}
	// Calls within [t-60s, t], both ends included: stricter than a server needs.
	for w.times[w.head].Before(t.Add(-time.Minute)) {
		w.head++
	}
	if len(w.times)-w.head > w.limit {
		w.overSliding++
		over = true
	}
	return over
}

func TestLimiterBurstNeverExceedsAnyMinuteWindow(t *testing.T) {
	// Start a second before a minute boundary: the worst case for a fixed window.
	clk := newFakeClock(time.Date(2024, 3, 1, 10, 0, 59, 0, time.UTC))
	l := newRateLimiter(DefaultPerMinute, clk)
	wc := newWindowCounter(DefaultPerMinute, clk)
	for range 20000 {
		must(t, l.Wait(context.Background(), "user/list"))
		wc.hit()
	}
	if wc.overFixed != 0 || wc.overSliding != 0 {
		t.Errorf("over the limit: %d fixed-window, %d sliding-window calls (max in a fixed minute %d)",
			wc.overFixed, wc.overSliding, wc.maxFixed)
	}
	// It must still use most of the budget: the first minute carries well over half of it.
	if wc.maxFixed < DefaultPerMinute/2 {
		t.Errorf("limiter too timid: at most %d calls in a minute", wc.maxFixed)
	}
	// Other APIs have their own budget.
	before := clk.Now()
	must(t, l.Wait(context.Background(), "tag/list"))
	if !clk.Now().Equal(before) {
		t.Error("a fresh API had to wait")
	}
}

func TestLimiterHourlyBudget(t *testing.T) {
	clk := newFakeClock(time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC))
	l := newRateLimiter(100, clk) // 100/min, 1500/h
	start := clk.Now()
	var times []time.Time
	for range 4000 {
		must(t, l.Wait(context.Background(), "user/get"))
		times = append(times, clk.Now())
	}
	j := 0
	for i, ts := range times {
		for j < len(times) && times[j].Sub(ts) <= time.Hour {
			j++
		}
		if n := j - i; n > 1500 {
			t.Fatalf("%d calls within an hour from %v", n, ts.Sub(start))
		}
	}
}

func TestLimiterPenalty(t *testing.T) {
	clk := newFakeClock(time.Date(2024, 3, 1, 10, 0, 30, 0, time.UTC))
	l := newRateLimiter(100, clk)
	until := time.Date(2024, 3, 1, 10, 1, 0, 0, time.UTC)
	l.Penalize("user/list", until)
	l.Penalize("user/list", until.Add(-10*time.Second)) // an earlier end never shortens it
	must(t, l.Wait(context.Background(), "user/list"))
	if clk.Now().Before(until) {
		t.Errorf("call allowed at %v, penalty until %v", clk.Now(), until)
	}
}

func TestLimiterWaitHonoursContext(t *testing.T) {
	l := NewLimiter(100)
	l.Penalize("user/list", time.Now().Add(time.Hour))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// The wait would outlast the deadline: refused at once rather than slept through.
	if err := l.Wait(ctx, "user/list"); !errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
		t.Errorf("err = %v", err)
	}
	cctx, ccancel := context.WithCancel(context.Background())
	ccancel()
	if err := l.Wait(cctx, "tag/list"); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

// TestFullSyncBurstGetsNo45009 drives a burst of twice the limit through the
// client against a server enforcing it on fixed minutes and on a sliding
// window. The limiter-only test above runs the full 20,000 against 10,000/min;
// here the same ratio at 1/10 scale keeps the HTTP round trips quick.
func TestFullSyncBurstGetsNo45009(t *testing.T) {
	const limit = DefaultPerMinute / 10
	f := newFake(t)
	c, clk, _ := newTestClient(t, f, WithLogger(slog.New(slog.DiscardHandler)))
	c.limiter = newRateLimiter(limit, clk)
	clk.Advance(29 * time.Second) // 10:00:59, just before a minute boundary
	wc := newWindowCounter(limit, clk)
	f.on("user/get", func(w http.ResponseWriter, _ *http.Request) {
		if wc.hit() {
			writeJSON(w, `{"errcode":45009,"errmsg":"api freq out of limit"}`)
			return
		}
		writeJSON(w, `{"errcode":0,"errmsg":"ok","userid":"u"}`)
	})
	ctx := context.Background()
	var wg sync.WaitGroup
	jobs := make(chan int)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range jobs {
				if _, err := c.GetUser(ctx, testCred, "u"); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	for i := range 2 * limit {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if wc.overFixed != 0 || wc.overSliding != 0 {
		t.Errorf("server answered 45009: %d fixed-window, %d sliding-window", wc.overFixed, wc.overSliding)
	}
	if n := f.count("user/get"); n != 2*limit {
		t.Errorf("server saw %d calls, want %d (no retries)", n, 2*limit)
	}
}
