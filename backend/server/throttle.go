package server

import (
	"math"
	"net"
	"net/http"
	"sync"
	"time"
)

// Wrong tokens are throttled per client address: each wrong token adds one
// to the client's count, which drains by one every ThrottleDrain; at
// ThrottleBurst the client is refused (429, Retry-After) until it drains
// below, without its token being looked at.
const (
	ThrottleBurst = 10
	ThrottleDrain = 6 * time.Second
	maxClients    = 4096 // clients tracked at once
)

type failCount struct {
	n    float64
	last time.Time
}

type throttle struct {
	mu      sync.Mutex
	clients map[string]*failCount
	now     func() time.Time
}

func newThrottle() *throttle {
	return &throttle{clients: map[string]*failCount{}, now: time.Now}
}

// clientKey is the client's IP (the port changes per connection).
func clientKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// drained brings c's count to now; caller holds mu.
func (t *throttle) drained(c *failCount, now time.Time) float64 {
	n := c.n - now.Sub(c.last).Seconds()/ThrottleDrain.Seconds()
	if n < 0 {
		n = 0
	}
	return n
}

// blocked reports whether the client must wait, and for how long.
func (t *throttle) blocked(key string) (time.Duration, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	c, ok := t.clients[key]
	if !ok {
		return 0, false
	}
	n := t.drained(c, t.now())
	if n < ThrottleBurst {
		return 0, false
	}
	wait := time.Duration((n - ThrottleBurst + 1) * float64(ThrottleDrain))
	return wait, true
}

// fail records one wrong token from the client.
func (t *throttle) fail(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	c, ok := t.clients[key]
	if !ok {
		if len(t.clients) >= maxClients {
			t.prune(now)
		}
		c = &failCount{}
		t.clients[key] = c
	}
	c.n = t.drained(c, now) + 1
	c.last = now
}

// prune forgets clients whose count has drained to zero, and if every slot
// is still taken, the one seen longest ago; caller holds mu.
func (t *throttle) prune(now time.Time) {
	oldest, oldestAt := "", now
	for k, c := range t.clients {
		if t.drained(c, now) == 0 {
			delete(t.clients, k)
			continue
		}
		if c.last.Before(oldestAt) {
			oldest, oldestAt = k, c.last
		}
	}
	if len(t.clients) >= maxClients && oldest != "" {
		delete(t.clients, oldest)
	}
}

func retryAfterSeconds(d time.Duration) int {
	return int(math.Ceil(d.Seconds()))
}
