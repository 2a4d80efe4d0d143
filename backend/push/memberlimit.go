package push

import (
	"context"
	"strings"
	"sync"
	"time"

	"wecom-bridge/backend/wecom"
)

// WeCom drops, silently, messages of one app to one member beyond 30 a
// minute and 1000 an hour (reference §3.3). The worker keeps the sends of
// the last hour per app and member and makes the excess wait instead.
const (
	memberPerMinute = 30
	memberPerHour   = 1000
)

type memberLimits struct {
	mu        sync.Mutex
	sends     map[string][]time.Time // scope|userid → send times of the last hour, oldest first
	lastSweep time.Time
}

func newMemberLimits() *memberLimits {
	return &memberLimits{sends: map[string][]time.Time{}}
}

func memberKey(scope, userid string) string { return scope + "|" + strings.ToLower(userid) }

// reserve records a send to users at now and returns 0, or returns how long
// to wait until every one of them may receive another message (recording
// nothing). A sliding window keeps every 60 s span, and so every calendar
// minute WeCom counts, at 30 or fewer.
func (l *memberLimits) reserve(scope string, users []string, now time.Time) time.Duration {
	if len(users) == 0 {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sweep(now)
	var wait time.Duration
	for _, u := range users {
		times := l.trim(memberKey(scope, u), now)
		if n := len(times); n >= memberPerMinute {
			wait = max(wait, times[n-memberPerMinute].Add(time.Minute).Sub(now))
		}
		if n := len(times); n >= memberPerHour {
			wait = max(wait, times[n-memberPerHour].Add(time.Hour).Sub(now))
		}
	}
	if wait > 0 {
		return wait
	}
	for _, u := range users {
		k := memberKey(scope, u)
		l.sends[k] = append(l.sends[k], now)
	}
	return 0
}

// trim drops sends older than an hour and returns the rest. reserve looks at
// the 30th and 1000th most recent: if that one is inside its window, the
// window is full until it leaves (a send at t counts while now - t < window).
func (l *memberLimits) trim(key string, now time.Time) []time.Time {
	times := l.sends[key]
	i := 0
	for i < len(times) && !times[i].After(now.Add(-time.Hour)) {
		i++
	}
	if i > 0 {
		times = times[i:]
		l.sends[key] = times
	}
	return times
}

// sweep forgets members with no send in the last hour, once a minute.
func (l *memberLimits) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < time.Minute {
		return
	}
	l.lastSweep = now
	for k, times := range l.sends {
		if len(times) == 0 || !times[len(times)-1].After(now.Add(-time.Hour)) {
			delete(l.sends, k)
		}
	}
}

// record adds past sends (at start, from the journal of the last hour).
func (l *memberLimits) record(scope string, users []string, at time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, u := range users {
		k := memberKey(scope, u)
		l.sends[k] = append(l.sends[k], at)
	}
}

// seedMemberLimits rebuilds the windows from the chunks sent in the last
// hour, so a restart does not reset WeCom's count on our side.
func (s *Service) seedMemberLimits(ctx context.Context) error {
	now := s.now()
	var rows []struct {
		ToUser  string `db:"touser"`
		SentAt  int64  `db:"sent_at"`
		CorpID  int64  `db:"corp_id"`
		AgentID int64  `db:"agent_id"`
	}
	// Deliveries are found by their (indexed) creation time; one sent an
	// hour after it was queued is rare enough to leave out.
	if err := s.st.DB.SelectContext(ctx, &rows, `SELECT c.touser, c.sent_at, d.corp_id, d.agent_id
		FROM push_deliveries d JOIN push_chunks c ON c.delivery_id = d.id
		WHERE d.created_at > ? AND c.sent_at > ? ORDER BY c.sent_at`,
		ms(now.Add(-2*time.Hour)), ms(now.Add(-time.Hour))); err != nil {
		return err
	}
	for _, r := range rows {
		s.limits.record(memberScope(r.CorpID, r.AgentID), wecom.SplitIDs(r.ToUser), fromMS(r.SentAt))
	}
	return nil
}
