package jobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"time"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/usererr"
)

// Keep is how many finished jobs the registry remembers (oldest forgotten first).
const Keep = 100

// Func is a job's work. ctx ends when the job is cancelled or the registry
// closes, and carries the job's emitter (events.From), so progress the work
// emits is tagged with the job. h lets the work say which run it is on.
type Func func(ctx context.Context, h *Handle) (result any, err error)

// Registry holds the running jobs and the last finished ones.
type Registry struct {
	em  events.Emitter
	log *slog.Logger

	mu       sync.Mutex
	jobs     map[string]*entry
	finished []string // ids of finished jobs, oldest first
	closed   bool
	wg       sync.WaitGroup
	base     context.Context
	stop     context.CancelFunc
}

type entry struct {
	job    Job
	key    string
	cancel context.CancelFunc
	asked  bool          // Cancel was called
	done   chan struct{} // closed when the job ends
}

// New returns an empty registry that reports to em.
func New(em events.Emitter, log *slog.Logger) *Registry {
	if em == nil {
		em = events.Discard{}
	}
	if log == nil {
		log = slog.Default()
	}
	base, stop := context.WithCancel(context.Background())
	return &Registry{em: em, log: log, jobs: map[string]*entry{}, base: base, stop: stop}
}

func newID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return "job-" + hex.EncodeToString(b)
}

// Start registers the job and runs fn in the background; it returns the id
// at once. It refuses the job (code job_running) while another with the same
// Exclusive key runs.
func (r *Registry) Start(s Spec, fn Func) (Started, error) {
	ctx, cancel := context.WithCancel(r.base)
	e := &entry{key: s.Exclusive, cancel: cancel, done: make(chan struct{}),
		job: Job{ID: newID(), Kind: s.Kind, CorpID: s.CorpID, PlanID: s.PlanID, RunID: s.RunID,
			State: Running, StartedBy: s.StartedBy, StartedAt: time.Now()}}
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		cancel()
		return Started{}, usererr.New("job_shutting_down", nil)
	}
	if s.Exclusive != "" {
		for _, o := range r.jobs {
			if o.key == s.Exclusive && o.job.State == Running {
				r.mu.Unlock()
				cancel()
				return Started{}, busy(o.job)
			}
		}
	}
	r.jobs[e.job.ID] = e
	r.wg.Add(1)
	snap := e.job
	r.mu.Unlock()

	r.em.Emit(events.JobUpdate, snap)
	h := &Handle{r: r, e: e}
	go r.run(events.WithEmitter(ctx, h), h, fn)
	return Started{JobID: snap.ID}, nil
}

func (r *Registry) run(ctx context.Context, h *Handle, fn Func) {
	defer r.wg.Done()
	var (
		result any
		err    error
	)
	func() {
		defer func() {
			if p := recover(); p != nil {
				r.log.Error("job panicked", "job", h.e.job.ID, "kind", h.e.job.Kind, "panic", fmt.Sprint(p))
				err = fmt.Errorf("internal error in job %s", h.e.job.ID)
			}
		}()
		result, err = fn(ctx, h)
	}()
	r.finish(h.e, result, err, ctx.Err() != nil)
}

func (r *Registry) finish(e *entry, result any, err error, ctxDone bool) {
	r.mu.Lock()
	j := &e.job
	j.Result, j.FinishedAt = result, time.Now()
	switch {
	case err == nil:
		j.State = Done
	case ctxDone && (e.asked || r.closed) && errors.Is(err, context.Canceled):
		j.State = Cancelled
	default:
		j.State = Failed
	}
	j.Error = failureOf(err)
	if j.State == Done {
		j.Phase = string(Done)
	} else {
		j.Phase = string(j.State)
	}
	snap := *j
	r.finished = append(r.finished, j.ID)
	for len(r.finished) > Keep {
		delete(r.jobs, r.finished[0])
		r.finished = r.finished[1:]
	}
	r.mu.Unlock()
	e.cancel()
	// The end is announced before Wait returns, so whoever waited has
	// seen (or can read) the final job:update.
	r.em.Emit(events.JobUpdate, snap)
	close(e.done)
}

// Get returns one job.
func (r *Registry) Get(id string) (Job, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e, ok := r.jobs[id]
	if !ok {
		return Job{}, ErrNotFound
	}
	return e.job, nil
}

// List returns the jobs f selects: running ones first, then the newest.
func (r *Registry) List(f Filter) []Job {
	r.mu.Lock()
	out := make([]Job, 0, len(r.jobs))
	for _, e := range r.jobs {
		if f.match(&e.job) {
			out = append(out, e.job)
		}
	}
	r.mu.Unlock()
	sort.Slice(out, func(a, b int) bool {
		ra, rb := out[a].State == Running, out[b].State == Running
		if ra != rb {
			return ra
		}
		return out[a].StartedAt.After(out[b].StartedAt)
	})
	return out
}

// Cancel stops one job: its context ends and it finishes cancelled (a sync
// run stays resumable, a pull keeps the previous mirror). Other jobs run on.
func (r *Registry) Cancel(id string) error {
	r.mu.Lock()
	e, ok := r.jobs[id]
	running := ok && e.job.State == Running
	if running {
		e.asked = true
	}
	r.mu.Unlock()
	switch {
	case !ok:
		return ErrNotFound
	case !running:
		return ErrFinished
	}
	e.cancel()
	return nil
}

// Wait blocks until the job ends (or ctx does) and returns it.
func (r *Registry) Wait(ctx context.Context, id string) (Job, error) {
	r.mu.Lock()
	e, ok := r.jobs[id]
	r.mu.Unlock()
	if !ok {
		return Job{}, ErrNotFound
	}
	select {
	case <-e.done:
	case <-ctx.Done():
		return Job{}, ctx.Err()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return e.job, nil
}

// Close cancels every running job and waits for them to end; no job starts after.
func (r *Registry) Close() {
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	r.stop()
	r.wg.Wait()
}
