package wecom

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// DefaultPerMinute is WeCom's documented base limit: 1万次/分 (and 15万次/小时)
// per corp for each API.
const DefaultPerMinute = 10000

// Limiter keeps a client under WeCom's per-API frequency limits. api is the
// path after /cgi-bin/, e.g. "user/list".
type Limiter interface {
	// Wait blocks until a call to api may go out, or ctx ends.
	Wait(ctx context.Context, api string) error
	// Penalize holds every call to api until the given time (after a 45009).
	Penalize(api string, until time.Time)
}

// RateLimiter is the default Limiter: per API, two token buckets
// (golang.org/x/time/rate), one for the minute limit and one for the hour.
//
// Why not a plain bucket of N with refill N/min: it can emit 2N inside one
// fixed minute (a full bucket at :59, then N more refilled by the next :59),
// and WeCom may count per fixed minute. A token bucket of burst B and rate R
// emits at most B + R·T in any window of length T, so we choose
//
//	R = (N − B) / (60s + slack)
//
// which bounds every 60-second window, sliding or fixed, to N. The slack
// (2s) absorbs network jitter that could squeeze our calls into a shorter
// window on the server's clock. B = N/2 lets an ordinary full read (a few
// thousand calls) go out unthrottled, while any 60-second window still stays
// under N (N/2 + N/2·60/62 < N); the sustained rate is then ~48% of N. The hour bucket applies the same
// rule to 15·N an hour, with half of it as burst so that an ordinary full
// sync never feels it.
type RateLimiter struct {
	perMinute int
	clock     Clock

	mu   sync.Mutex
	apis map[string]*apiBuckets
}

type apiBuckets struct {
	minute, hour *rate.Limiter
	blockedUntil time.Time
}

// windowSlack widens each window in the rate computation (see RateLimiter).
const windowSlack = 2 * time.Second

// minWait keeps float rounding from spinning the wait loop.
const minWait = time.Millisecond

// NewLimiter returns the default limiter allowing perMinute calls a minute
// (and 15·perMinute an hour) to each API. perMinute < 2 means DefaultPerMinute.
func NewLimiter(perMinute int) *RateLimiter {
	return newRateLimiter(perMinute, realClock{})
}

func newRateLimiter(perMinute int, clk Clock) *RateLimiter {
	if perMinute < 2 {
		perMinute = DefaultPerMinute
	}
	return &RateLimiter{perMinute: perMinute, clock: clk, apis: map[string]*apiBuckets{}}
}

// bucket returns a bucket of limit calls per window: burst, rate as described above.
func bucket(limit, burst int, window time.Duration) *rate.Limiter {
	r := rate.Limit(float64(limit-burst) / (window + windowSlack).Seconds())
	return rate.NewLimiter(r, burst)
}

func (l *RateLimiter) buckets(api string) *apiBuckets {
	b := l.apis[api]
	if b == nil {
		n := l.perMinute
		b = &apiBuckets{
			minute: bucket(n, max(1, n/2), time.Minute),
			hour:   bucket(15*n, 15*n/2, time.Hour),
		}
		l.apis[api] = b
	}
	return b
}

// Wait implements Limiter.
func (l *RateLimiter) Wait(ctx context.Context, api string) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		wait := l.take(api)
		if wait == 0 {
			return nil
		}
		if err := sleep(ctx, l.clock, wait); err != nil {
			return err
		}
	}
}

// take consumes one token from both buckets and returns 0, or returns how long
// to wait before trying again (consuming nothing, so waiting is never counted
// as a call).
func (l *RateLimiter) take(api string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.clock.Now()
	b := l.buckets(api)
	if now.Before(b.blockedUntil) {
		return b.blockedUntil.Sub(now)
	}
	tm, th := b.minute.TokensAt(now), b.hour.TokensAt(now)
	if tm >= 1 && th >= 1 {
		b.minute.AllowN(now, 1)
		b.hour.AllowN(now, 1)
		return 0
	}
	return max(untilOne(tm, b.minute.Limit()), untilOne(th, b.hour.Limit()), minWait)
}

// untilOne is how long a bucket holding tokens needs to refill to one.
func untilOne(tokens float64, r rate.Limit) time.Duration {
	if tokens >= 1 {
		return 0
	}
	return time.Duration((1 - tokens) / float64(r) * float64(time.Second))
}

// Penalize implements Limiter.
func (l *RateLimiter) Penalize(api string, until time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets(api)
	if until.After(b.blockedUntil) {
		b.blockedUntil = until
	}
}
