package wecom_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// The burst test runs at full scale: 20,000 calls against WeCom's real
// 10,000 a minute. At that rate it would take over two minutes of wall time,
// but the client's default limiter reads the client's clock (WithClock), so
// the client and the simulator share one clock (sharedClock) that moves only
// when the limiter or a back-off waits. The simulator counts each calendar
// minute on that same clock, so a limiter that let too many calls into a
// minute would still be answered 45009. No scaled-down variant is needed.
// The simulator reads the clock when a request arrives, a little after the
// limiter let it go; with a few workers that lag is milliseconds of the
// shared clock, far inside the 2 s slack the limiter keeps for network delay.
// The cost is CPU, not waiting: 20,000 real HTTP round trips are most of the
// integration set's run time under -race (about 15 s of CPU on 2 cores).
const (
	burstCalls   = 20000
	burstWorkers = 4
	burstAPI     = "department/get"
)

// noLimiter lets every call out at once and ignores 45009 penalties.
type noLimiter struct{}

func (noLimiter) Wait(ctx context.Context, _ string) error { return ctx.Err() }
func (noLimiter) Penalize(string, time.Time)               {}

// minuteCounter records, per calendar minute of the shared clock, how many
// requests for one API left the client.
type minuteCounter struct {
	clock *sharedClock
	api   string
	mu    sync.Mutex
	per   map[int64]int
}

func (m *minuteCounter) observe(r *http.Request) {
	if r.URL.Path != "/cgi-bin/"+m.api {
		return
	}
	minute := m.clock.Now().Unix() / 60
	m.mu.Lock()
	m.per[minute]++
	m.mu.Unlock()
}

// TestIntegrationLimiterKeepsBurstFreeOf45009 fires 20,000 calls from
// burstWorkers goroutines through one client with the default limiter; the
// simulator enforces 10,000 a calendar minute and never answers 45009, and
// no calendar minute saw more than 10,000 requests leave the client.
func TestIntegrationLimiterKeepsBurstFreeOf45009(t *testing.T) {
	simClock := wecomsim.NewFixedClock(simStart.Add(50 * time.Second)) // the burst straddles a minute boundary
	env := newSimEnv(t, wecomsim.WithClock(simClock))                  // WithRateLimit default: 10,000
	clk := &sharedClock{sim: simClock}
	perMinute := &minuteCounter{clock: clk, api: burstAPI, per: map[int64]int{}}
	env.wire.onRequest = perMinute.observe
	env.logAtInfo()
	c := env.client(wecom.WithClock(clk)) // default limiter: wecom.DefaultPerMinute on clk
	cred := env.app(wecomsim.AgentAll)

	errs := fireBurst(t.Context(), c, cred, burstCalls, burstWorkers)
	for code, n := range errs {
		t.Errorf("%d calls failed with errcode %d", n, code)
	}
	if n := env.calls(burstAPI); n != burstCalls {
		t.Errorf("simulator saw %d calls, want %d (none retried)", n, burstCalls)
	}
	cs := env.sim.Counters()
	if cs.RateLimited != 0 || cs.Errcodes[wecom.CodeAPIFreqOutOfLimit] != 0 {
		t.Errorf("simulator answered 45009 %d times", cs.RateLimited)
	}
	span := simClock.Now().Sub(simStart.Add(50 * time.Second))
	if len(perMinute.per) < 2 {
		t.Errorf("the burst fitted in %d calendar minute; twice the limit cannot", len(perMinute.per))
	}
	for minute, n := range perMinute.per {
		if n > wecom.DefaultPerMinute {
			t.Errorf("minute %d: %d calls sent, above %d", minute, n, wecom.DefaultPerMinute)
		}
	}
	t.Logf("%d calls over %v of simulator time; calls per calendar minute: %v", burstCalls, span.Round(time.Second), perMinute.per)
}

// fireBurst makes n department/get calls from workers goroutines and counts
// the failures by errcode (-999 for errors without one, e.g. a transport error).
func fireBurst(ctx context.Context, c *wecom.Client, cred wecom.Credential, n, workers int) map[int]int {
	var (
		mu   sync.Mutex
		errs = map[int]int{}
		wg   sync.WaitGroup
		jobs = make(chan struct{})
	)
	for range workers {
		wg.Go(func() {
			for range jobs {
				if _, err := c.GetDepartment(ctx, cred, 1); err != nil {
					code := wecom.ErrCode(err)
					if code == 0 {
						code = -999
					}
					mu.Lock()
					errs[code]++
					mu.Unlock()
				}
			}
		})
	}
	for range n {
		jobs <- struct{}{}
	}
	close(jobs)
	wg.Wait()
	return errs
}

// TestIntegrationWithoutLimiterBackoffReaches45009AndCompletes proves the
// negative: with no limiter the simulator answers 45009, and the client
// waits for the next calendar minute and still completes every call. The
// simulator's limit is 200 a minute here so that 500 sequential calls show
// it; sequential calls make the count exact: one refusal per full minute.
func TestIntegrationWithoutLimiterBackoffReaches45009AndCompletes(t *testing.T) {
	const limit, calls = 200, 500
	simClock := wecomsim.NewFixedClock(simStart)
	env := newSimEnv(t, wecomsim.WithClock(simClock), wecomsim.WithRateLimit(limit))
	c := env.client(wecom.WithClock(&sharedClock{sim: simClock}), wecom.WithLimiter(noLimiter{}))
	cred := env.app(wecomsim.AgentAll)

	for i := range calls {
		if _, err := c.GetDepartment(t.Context(), cred, 1); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	const refused = (calls - 1) / limit // minutes filled before the last call
	cs := env.sim.Counters()
	if cs.RateLimited != refused || cs.Errcodes[wecom.CodeAPIFreqOutOfLimit] != refused {
		t.Errorf("simulator answered 45009 %d times (errcodes %d), want %d", cs.RateLimited, cs.Errcodes[45009], refused)
	}
	if n := env.calls(burstAPI); n != calls+refused {
		t.Errorf("simulator saw %d calls, want %d (each refusal retried once)", n, calls+refused)
	}
	if n := logLines(env.logs.String(), "wecom: retrying", "45009 rate limited"); n != refused {
		t.Errorf("%d 45009 retry log lines, want %d", n, refused)
	}
	if want := simStart.Add(refused * time.Minute); !simClock.Now().Equal(want) {
		t.Errorf("simulator clock at %v, want %v: each 45009 should wait exactly to the next minute", simClock.Now(), want)
	}
}
