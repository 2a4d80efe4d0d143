package push

import (
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// keyRates is one token bucket per API key (Settings.RatePerSecond and
// RateBurst). Buckets follow a settings change at the next request.
type keyRates struct {
	mu      sync.Mutex
	buckets map[int64]*rate.Limiter
}

// maxKeyBuckets bounds the map: past it, buckets are dropped and start full
// again, which only ever lets a key send a burst more.
const maxKeyBuckets = 10000

// allow takes a token for keyID at now; when none is left it returns how
// long until one is (for Retry-After).
func (k *keyRates) allow(keyID int64, set Settings, now time.Time) (bool, time.Duration) {
	limit, burst := rate.Limit(set.RatePerSecond), set.RateBurst
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.buckets == nil || len(k.buckets) >= maxKeyBuckets {
		k.buckets = map[int64]*rate.Limiter{}
	}
	b := k.buckets[keyID]
	if b == nil {
		b = rate.NewLimiter(limit, burst)
		k.buckets[keyID] = b
	}
	if b.Limit() != limit {
		b.SetLimitAt(now, limit)
	}
	if b.Burst() != burst {
		b.SetBurstAt(now, burst)
	}
	r := b.ReserveN(now, 1)
	if !r.OK() {
		return false, time.Second
	}
	if wait := r.DelayFrom(now); wait > 0 {
		r.CancelAt(now) // not taken: the request is refused
		return false, wait
	}
	return true, 0
}

// retryAfterSeconds rounds a wait up to whole seconds (at least 1), as
// Retry-After takes.
func retryAfterSeconds(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}
