package wecomsim

import (
	"sync"
	"time"
)

// lookupBlock is WeCom's daily block of the userid lookups (user/getuserid,
// user/get_userid_by_email): "若出错的次数较多，会导致1天不可调用" — once the
// failed lookups of a day exceed 20 % of the corp's headcount, both answer
// 45009 until the next day (simulator clock, WeCom's days: China time).
type lookupBlock struct {
	mu     sync.Mutex
	day    string
	failed int
}

// lookupBlockedErr is the answer of a blocked lookup.
func lookupBlockedErr() *apiError {
	return apiErrf(45009, "api freq out of limit, too many failed userid lookups today; blocked until tomorrow")
}

func (b *lookupBlock) roll(now time.Time) {
	if d := now.In(chinaTime).Format("2006-01-02"); d != b.day {
		b.day, b.failed = d, 0
	}
}

// blocked reports whether today's failures already exceed 20 % of headcount.
func (b *lookupBlock) blocked(now time.Time, headcount int) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.roll(now)
	return b.failed*5 > headcount
}

// fail counts one failed lookup.
func (b *lookupBlock) fail(now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.roll(now)
	b.failed++
}
