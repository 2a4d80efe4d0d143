package wecomsim

import (
	"sync/atomic"
	"time"
)

// Clock is the simulator's notion of now. Token expiry, rate-limit windows,
// duplicate checks, per-member limits and the 24-hour recall window all read it.
//
// A wall clock follows real time plus an offset that Advance and Set move; a
// fixed clock stands still until moved. Both are safe for concurrent use.
type Clock struct {
	fixed  bool
	at     atomic.Int64 // fixed clock: unix nanoseconds
	offset atomic.Int64 // wall clock: nanoseconds added to time.Now
}

// NewClock returns a clock that follows wall time.
func NewClock() *Clock { return &Clock{} }

// NewFixedClock returns a clock standing at t until Advance or Set moves it.
func NewFixedClock(t time.Time) *Clock {
	c := &Clock{fixed: true}
	c.at.Store(t.UnixNano())
	return c
}

// Now returns the simulator time.
func (c *Clock) Now() time.Time {
	if c.fixed {
		return time.Unix(0, c.at.Load())
	}
	return time.Now().Add(time.Duration(c.offset.Load()))
}

// Advance moves the clock forward by d (backward if d is negative).
func (c *Clock) Advance(d time.Duration) {
	if c.fixed {
		c.at.Add(int64(d))
		return
	}
	c.offset.Add(int64(d))
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	if c.fixed {
		c.at.Store(t.UnixNano())
		return
	}
	c.offset.Store(int64(time.Until(t)))
}
