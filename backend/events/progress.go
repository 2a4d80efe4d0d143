package events

import (
	"sync"
	"time"
)

// Progress is the payload of a progress event. Long jobs emit it under their
// own event name (for example "pull:progress"), throttled to about 10 a second;
// the bound method itself returns the final counts.
type Progress struct {
	Job     string `json:"job"` // job id, so the UI can tell concurrent jobs apart
	CorpID  int64  `json:"corpId,omitempty"`
	PlanID  int64  `json:"planId,omitempty"`
	RunID   int64  `json:"runId,omitempty"` // the sync run (or pull run) the job is on, once it has one
	Phase   string `json:"phase"`           // what is happening now, e.g. "departments"
	Done    int    `json:"done"`
	Failed  int    `json:"failed"`
	Total   int    `json:"total"`
	Message string `json:"message,omitempty"`
	Final   bool   `json:"final"`
}

// Throttle forwards progress to an Emitter at most once per interval, always
// letting the final update through.
type Throttle struct {
	emitter  Emitter
	name     string
	interval time.Duration
	mu       sync.Mutex
	last     time.Time
	now      func() time.Time
}

// NewThrottle emits under name at most every interval (100ms if zero).
func NewThrottle(e Emitter, name string, interval time.Duration) *Throttle {
	if interval <= 0 {
		interval = 100 * time.Millisecond
	}
	return &Throttle{emitter: e, name: name, interval: interval, now: time.Now}
}

// Update emits p unless one was emitted less than interval ago. Final always goes.
func (t *Throttle) Update(p Progress) {
	t.mu.Lock()
	now := t.now()
	if !p.Final && now.Sub(t.last) < t.interval {
		t.mu.Unlock()
		return
	}
	t.last = now
	t.mu.Unlock()
	t.emitter.Emit(t.name, p)
}
