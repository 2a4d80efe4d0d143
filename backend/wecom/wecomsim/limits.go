package wecomsim

import (
	"sync/atomic"
	"time"
)

// limiter enforces WeCom's per-corp, per-API call limit over fixed calendar
// minutes of the simulator clock; past it calls answer 45009 until the next minute.
type limiter struct {
	perMinute atomic.Int64 // corp default; <= 0 = unlimited
	limited   atomic.Int64 // calls refused with 45009
}

func (l *limiter) init(perMinute int) { l.perMinute.Store(int64(perMinute)) }

func (l *limiter) allow(rt *route, now time.Time) bool {
	minute := now.Unix() / 60
	rt.mu.Lock()
	defer rt.mu.Unlock()
	limit := int(l.perMinute.Load())
	if rt.limit != 0 {
		limit = rt.limit
	}
	if rt.minute != minute {
		rt.minute, rt.count = minute, 0
	}
	rt.count++ // refused calls count too, as at WeCom
	if limit > 0 && rt.count > limit {
		l.limited.Add(1)
		return false
	}
	return true
}

// SetRateLimit sets the calls per calendar minute for one API (e.g.
// "user/get"), or for every API without its own limit when api is "".
// 0 or less for the default means unlimited; for one API, 0 removes the override
// and a negative value means unlimited.
func (s *Sim) SetRateLimit(api string, perMinute int) bool {
	if api == "" {
		s.limits.perMinute.Store(int64(perMinute))
		return true
	}
	rt := s.routes[api]
	if rt == nil {
		return false
	}
	rt.mu.Lock()
	rt.limit = perMinute
	rt.mu.Unlock()
	return true
}

// resetWindows forgets the current minute's counts.
func (s *Sim) resetWindows() {
	for _, rt := range s.routes {
		rt.mu.Lock()
		rt.minute, rt.count = 0, 0
		rt.mu.Unlock()
	}
}
