package wecom

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

func TestSystemBusyIsRetried(t *testing.T) {
	f := newFake(t)
	f.sequence("tag/list", `{"errcode":-1,"errmsg":"system busy"}`, `{"errcode":-1,"errmsg":"system busy"}`,
		`{"errcode":0,"errmsg":"ok","taglist":[{"tagid":1,"tagname":"a"}]}`)
	c, _, _ := newTestClient(t, f)
	tags, err := c.ListTags(context.Background(), testCred)
	must(t, err)
	if len(tags) != 1 || f.count("tag/list") != 3 {
		t.Errorf("tags %v after %d calls", tags, f.count("tag/list"))
	}
}

func TestSystemBusyGivesUpAfterThreeRetries(t *testing.T) {
	f := newFake(t)
	f.reply("tag/list", `{"errcode":-1,"errmsg":"system busy"}`)
	c, _, _ := newTestClient(t, f)
	_, err := c.ListTags(context.Background(), testCred)
	if ErrCode(err) != -1 || !IsRetryable(ErrCode(err)) {
		t.Fatalf("err = %v", err)
	}
	if n := f.count("tag/list"); n != 4 {
		t.Errorf("calls = %d, want 1 + 3 retries", n)
	}
}

func TestHTTP5xxIsRetried(t *testing.T) {
	f := newFake(t)
	var n atomic.Int32
	f.on("tag/list", func(w http.ResponseWriter, _ *http.Request) {
		if n.Add(1) <= 2 {
			http.Error(w, "bad gateway", http.StatusBadGateway)
			return
		}
		writeJSON(w, `{"errcode":0,"errmsg":"ok","taglist":[]}`)
	})
	c, _, _ := newTestClient(t, f)
	_, err := c.ListTags(context.Background(), testCred)
	must(t, err)
	if n.Load() != 3 {
		t.Errorf("calls = %d", n.Load())
	}
}

func TestHTTP4xxIsNotRetried(t *testing.T) {
	f := newFake(t)
	f.on("tag/list", func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "nope", http.StatusForbidden) })
	c, _, _ := newTestClient(t, f)
	_, err := c.ListTags(context.Background(), testCred)
	var he *HTTPError
	if !errors.As(err, &he) || he.StatusCode != 403 || f.count("tag/list") != 1 {
		t.Errorf("err = %v after %d calls", err, f.count("tag/list"))
	}
}

// breakConnection answers nothing: it closes the TCP connection, with an RST
// when reset is set (SO_LINGER 0), else with a plain FIN (client sees EOF).
func breakConnection(t *testing.T, w http.ResponseWriter, reset bool) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		t.Error(err)
		return
	}
	if tc, ok := conn.(*net.TCPConn); ok && reset {
		tc.SetLinger(0)
	}
	conn.Close()
}

func TestBrokenConnectionsAreRetried(t *testing.T) {
	for _, reset := range []bool{false, true} {
		t.Run("reset="+strconv.FormatBool(reset), func(t *testing.T) {
			f := newFake(t)
			var n atomic.Int32
			// user/list_id is a POST, which net/http never replays by itself,
			// so every attempt seen here is the client's own.
			f.on("user/list_id", func(w http.ResponseWriter, _ *http.Request) {
				if n.Add(1) <= 2 {
					breakConnection(t, w, reset)
					return
				}
				writeJSON(w, `{"errcode":0,"errmsg":"ok","next_cursor":"","dept_user":[]}`)
			})
			c, _, _ := newTestClient(t, f)
			_, err := c.ListUserIDs(context.Background(), testCred, "", 100)
			must(t, err)
			if n.Load() != 3 {
				t.Errorf("attempts = %d, want 3", n.Load())
			}
		})
	}
}

func TestConfigErrorsAreNeverRetried(t *testing.T) {
	for _, code := range []int{40013, 40056, 48002, 48009, 60020, 50001, 301002} {
		t.Run(strconv.Itoa(code), func(t *testing.T) {
			f := newFake(t)
			f.reply("tag/list", `{"errcode":`+strconv.Itoa(code)+`,"errmsg":"no, from ip: 203.0.113.9"}`)
			c, _, _ := newTestClient(t, f)
			_, err := c.ListTags(context.Background(), testCred)
			var apiErr *Error
			if !errors.As(err, &apiErr) || apiErr.Code != code || apiErr.API != "tag/list" {
				t.Fatalf("err = %v", err)
			}
			if !IsConfigError(code) || IsRetryable(code) {
				t.Errorf("IsConfigError=%v IsRetryable=%v", IsConfigError(code), IsRetryable(code))
			}
			if n := f.count("tag/list"); n != 1 {
				t.Errorf("calls = %d, want 1", n)
			}
		})
	}
}

func TestRateLimitWaitsForNextMinuteThenRetries(t *testing.T) {
	f := newFake(t)
	f.sequence("user/list", `{"errcode":45009,"errmsg":"api freq out of limit"}`, `{"errcode":0,"errmsg":"ok","userlist":[]}`)
	c, clk, _ := newTestClient(t, f) // clock starts at 10:00:30
	ctx := context.Background()
	_, err := c.ListUsers(ctx, testCred, 1)
	must(t, err)
	if f.count("user/list") != 2 {
		t.Errorf("user/list calls = %d", f.count("user/list"))
	}
	if next := time.Date(2024, 3, 1, 10, 1, 0, 0, time.UTC); clk.Now().Before(next) {
		t.Errorf("retried at %v, before the blocked minute ended (%v)", clk.Now(), next)
	}
	// Other APIs are not held back.
	before := clk.Now()
	_, err = c.ListTags(ctx, testCred)
	must(t, err)
	if !clk.Now().Equal(before) {
		t.Errorf("tag/list waited %v", clk.Now().Sub(before))
	}
}

func TestCancelStopsAHangingCall(t *testing.T) {
	f := newFake(t)
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	f.on("tag/list", func(_ http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	c, _, _ := newTestClient(t, f)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := callWithin(t, func() error { _, err := c.ListTags(ctx, testCred); return err })
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v", err)
	}
}

// waitingClock never fires; it reports each wait so a test can cancel then.
type waitingClock struct{ waits chan time.Duration }

func (waitingClock) Now() time.Time { return time.Now() }
func (c waitingClock) After(d time.Duration) <-chan time.Time {
	c.waits <- d
	return nil // blocks forever: only ctx can end the wait
}

func TestCancelStopsBackoff(t *testing.T) {
	f := newFake(t)
	f.reply("tag/list", `{"errcode":-1,"errmsg":"system busy"}`)
	clk := waitingClock{waits: make(chan time.Duration, 1)}
	c, _, _ := newTestClient(t, f, WithClock(clk), WithLimiter(NewLimiter(100)))
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-clk.waits // the client is backing off after the first -1
		cancel()
	}()
	err := callWithin(t, func() error { _, err := c.ListTags(ctx, testCred); return err })
	if !errors.Is(err, context.Canceled) || ErrCode(err) != -1 {
		t.Errorf("err = %v; want canceled, keeping errcode -1", err)
	}
	if n := f.count("tag/list"); n != 1 {
		t.Errorf("calls = %d", n)
	}
}

func TestDeadlineShorterThanBackoffFailsAtOnce(t *testing.T) {
	f := newFake(t)
	f.reply("tag/list", `{"errcode":-1,"errmsg":"system busy"}`)
	c, _, _ := newTestClient(t, f, WithClock(realClock{}), WithRetryBackoff(time.Hour, time.Hour))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := callWithin(t, func() error { _, err := c.ListTags(ctx, testCred); return err })
	if !errors.Is(err, context.DeadlineExceeded) || ErrCode(err) != -1 {
		t.Errorf("err = %v", err)
	}
	if ctx.Err() != nil {
		t.Error("the call waited for the deadline instead of giving up")
	}
}

func TestCancelStopsLimiterWait(t *testing.T) {
	f := newFake(t)
	lim := NewLimiter(100)
	lim.Penalize("tag/list", time.Now().Add(time.Hour))
	c, _, _ := newTestClient(t, f, WithClock(realClock{}), WithLimiter(lim))
	_, err := c.AccessToken(context.Background(), testCred) // token first: gettoken is not penalized
	must(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	err = callWithin(t, func() error { _, err := c.ListTags(ctx, testCred); return err })
	if !errors.Is(err, context.Canceled) || f.count("tag/list") != 0 {
		t.Errorf("err = %v, calls %d", err, f.count("tag/list"))
	}
}

func TestCancelStopsWaitingForToken(t *testing.T) {
	f := newFake(t)
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	f.on("gettoken", func(_ http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	c, _, _ := newTestClient(t, f)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := callWithin(t, func() error { _, err := c.ListTags(ctx, testCred); return err })
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v", err)
	}
}

// callWithin runs fn and fails the test if it does not return within a
// generous guard (a hang, not a timing measurement).
func callWithin(t *testing.T, fn func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("call did not return after its context ended")
		return nil
	}
}
