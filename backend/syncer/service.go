package syncer

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/store"

	"wecom-bridge/backend/usererr"
)

// Event names.
const (
	ProgressEvent = "sync:progress" // events.Progress; Job is "run:<id>"
	OpRowsEvent   = "sync:op"       // []OpEvent: finished operations, batched
)

// Service plans, applies and records syncs. It is safe for concurrent use;
// at most one run per corp and direction is active at a time in a process.
type Service struct {
	db        *sqlx.DB
	em        events.Emitter
	now       func() time.Time
	workers   int
	retryBase time.Duration
	instance  string // this process's id, written on the runs it owns
	mirror    MirrorWriter

	mu     sync.Mutex
	active map[int64]context.CancelFunc // run id → cancel
	busy   map[string]int64             // "corp/direction" → run id
}

// Option configures New.
type Option func(*Service)

// WithClock replaces the wall clock (plan times, "disabled N days ago").
func WithClock(now func() time.Time) Option {
	return func(s *Service) {
		if now != nil {
			s.now = now
		}
	}
}

// WithWorkers sets how many operations an apply runs at once (default 8).
// The client's limiter still decides how fast they go out.
func WithWorkers(n int) Option {
	return func(s *Service) {
		if n > 0 {
			s.workers = n
		}
	}
}

// WithRetryBackoff sets the first wait before an operation is retried after
// a transient failure the client gave up on (default 500ms, doubling, 3 tries).
func WithRetryBackoff(d time.Duration) Option {
	return func(s *Service) {
		if d > 0 {
			s.retryBase = d
		}
	}
}

// New returns the sync service over st, reporting to em.
func New(st *store.Store, em events.Emitter, opts ...Option) *Service {
	if em == nil {
		em = events.Discard{}
	}
	b := make([]byte, 8)
	rand.Read(b)
	s := &Service{db: st.DB, em: em, now: time.Now, workers: 8, retryBase: 500 * time.Millisecond,
		instance: hex.EncodeToString(b), active: map[int64]context.CancelFunc{}, busy: map[string]int64{}}
	for _, o := range opts {
		o(s)
	}
	return s
}

// ErrNotFound is wrapped when a plan, a run or a corp does not exist; it is
// the store's, so either name matches.
var ErrNotFound = store.ErrNotFound

// ErrStalePlan is returned by Apply when the directory or WeCom changed since
// the preview (or a newer plan was applied): preview again.
var ErrStalePlan = usererr.New("stale_plan", nil)

// ErrBlocked is wrapped by Apply when a plan needs its removals confirmed.
var ErrBlocked = errors.New("the plan is blocked by the safety settings")

// ErrRunning is returned when a run for the same corp and direction is active.
var ErrRunning = usererr.New("sync_running", nil)

func busyKey(corpID int64, d Direction) string { return fmt.Sprintf("%d/%s", corpID, d) }
