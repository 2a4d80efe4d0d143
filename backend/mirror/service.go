package mirror

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// ProgressEvent is the event name of pull progress: events.Progress with
// Phase "departments" while fetching (Done/Total departments), "saving"
// while swapping, and the run's status on the Final event.
const ProgressEvent = "pull:progress"

// ErrPullRunning is returned when a pull for the same corp is already running.
var ErrPullRunning = errors.New("a pull for this corp is already running: wait for it to finish (or cancel it), then pull again")

// ErrPartial is wrapped by Pull's error when some departments could not be
// read; the run lists them.
var ErrPartial = errors.New("partial pull")

// Service keeps the WeCom contact mirror. It is safe for concurrent use; at
// most one pull per corp runs at a time (within this process).
type Service struct {
	db *sqlx.DB
	em events.Emitter

	mu      sync.Mutex
	pulling map[int64]context.CancelFunc // running pulls, by corp
}

// New returns the mirror kept in st, reporting progress to em.
func New(st *store.Store, em events.Emitter) *Service {
	if em == nil {
		em = events.Discard{}
	}
	return &Service{db: st.DB, em: em, pulling: map[int64]context.CancelFunc{}}
}

// Pull fetches the corp's contacts with client and cred and, when every
// department was read, replaces the corp's mirror. It emits progress under
// ProgressEvent and returns the recorded run. The error is nil only for
// status ok: a partial, failed or cancelled pull returns the run and an
// error saying why (errors.Is(err, context.Canceled) when cancelled); the
// previous mirror is then unchanged. trigger is manual, schedule or callback.
func (s *Service) Pull(ctx context.Context, corpID int64, client *wecom.Client, cred wecom.Credential, trigger, startedBy string) (*Run, error) {
	return s.pull(ctx, corpID, client, cred, trigger, startedBy, nil)
}

// pull is Pull with an extra progress sink (the CLI prints lines).
func (s *Service) pull(ctx context.Context, corpID int64, client *wecom.Client, cred wecom.Credential,
	trigger, startedBy string, sink func(events.Progress)) (*Run, error) {
	switch trigger {
	case TriggerManual, TriggerSchedule, TriggerCallback:
	default:
		return nil, fmt.Errorf("unknown pull trigger %q: use %s, %s or %s", trigger, TriggerManual, TriggerSchedule, TriggerCallback)
	}
	if client == nil {
		return nil, fmt.Errorf("corp %d has no WeCom client: configure the corp ID and a secret first", corpID)
	}
	if err := store.CheckCorp(ctx, s.db, corpID); err != nil {
		return nil, err
	}
	ctx, cancelPull := context.WithCancel(ctx)
	defer cancelPull()
	if !s.begin(corpID, cancelPull) {
		return nil, ErrPullRunning
	}
	defer s.end(corpID)

	start := time.Now()
	if err := markActive(ctx, s.db, corpID, start, trigger, startedBy); err != nil {
		return nil, err
	}
	job := fmt.Sprintf("pull-%d-%d", corpID, start.UnixMilli())
	// A job's context carries its emitter, which tags the progress with the job.
	throttle := events.NewThrottle(events.From(ctx, s.em), ProgressEvent, 0) // ~10 a second, the final one always
	emit := func(p events.Progress) {
		p.Job = job
		throttle.Update(p)
		if sink != nil {
			sink(p)
		}
	}
	emit(events.Progress{Phase: "departments", Message: "department/list"})
	snap, ferr := Fetch(ctx, client, cred, func(done, total int) {
		emit(events.Progress{Phase: "departments", Done: done, Total: total})
	})
	run := &Run{CorpID: corpID, StartedAt: start, Trigger: trigger, StartedBy: startedBy, Status: StatusOK}
	if snap != nil {
		run.Departments, run.Users, run.APICalls = len(snap.Departments), len(snap.Users), snap.APICalls
		run.PrivacyRestricted, run.FailedDepartments = snap.PrivacyRestricted, snap.FailedDepartments
	}
	var result error
	switch {
	case ferr != nil && ctx.Err() != nil:
		run.Status, run.Error, result = StatusCancelled, stopReason(ctx, false).Ptr(), ctx.Err()
	case ferr != nil:
		run.Status, run.Error, result = StatusFailed, failedKept(ferr).Ptr(), ferr
	case len(snap.FailedDepartments) > 0:
		run.Status = StatusPartial
		run.Error = partialMessage(snap.FailedDepartments).Ptr()
		result = fmt.Errorf("%w: %w", ErrPartial, usererr.FromMessage(*run.Error))
	}

	if run.Status == StatusOK {
		emit(events.Progress{Phase: "saving", Done: run.Departments, Total: run.Departments})
		err := s.swap(ctx, corpID, snap, run)
		if err == nil {
			s.emitFinal(emit, run)
			return run, nil
		}
		if ctx.Err() != nil {
			run.Status, run.Error, result = StatusCancelled, stopReason(ctx, true).Ptr(), ctx.Err()
		} else {
			run.Status, run.Error, result = StatusFailed, failedKept(err).Ptr(), err
		}
	}
	finish(run)
	// The run is recorded even when ctx was cancelled: History must show it.
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := insertRun(rctx, s.db, run); err != nil {
		return run, errors.Join(result, err)
	}
	s.emitFinal(emit, run)
	return run, result
}

// stopReason says why ctx ended (timed out or cancelled), and that the
// previous mirror is kept.
func stopReason(ctx context.Context, saving bool) usererr.Message {
	return usererr.Msg("pull_stopped", usererr.Args{"timedOut": errors.Is(ctx.Err(), context.DeadlineExceeded), "saving": saving})
}

// failedKept is a failed pull's reason: its message, or an internal error
// whose details are logged.
func failedKept(err error) usererr.Message {
	return usererr.Msg("pull_failed_kept", usererr.Args{"reason": usererr.ForUI("pull", err)})
}

func finish(r *Run) {
	r.FinishedAt = time.Now()
	r.DurationMS = r.FinishedAt.Sub(r.StartedAt).Milliseconds()
}

func (s *Service) emitFinal(emit func(events.Progress), r *Run) {
	msg := r.Status
	if r.Error != nil {
		msg += ": " + r.Error.EN
	}
	emit(events.Progress{Phase: r.Status, Done: r.Departments - len(r.FailedDepartments),
		Failed: len(r.FailedDepartments), Total: r.Departments, Message: msg, Final: true})
}

// partialMessage names the failed departments (the first few) and what to do.
func partialMessage(failed []FailedDept) usererr.Message {
	var b strings.Builder
	for i, f := range failed {
		if i == 5 {
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s (id %d) errcode %d", f.Name, f.ID, f.Errcode)
		if f.Errcode == 0 {
			fmt.Fprintf(&b, " (%s)", f.Errmsg)
		}
	}
	more := len(failed) - 5
	if more < 0 {
		more = 0
	}
	args := usererr.Args{"count": len(failed), "departments": b.String(), "more": more}
	if failed[0].Errcode != 0 {
		args["errcode"], args["fix"] = failed[0].Errcode, failed[0].Fix
		return usererr.Msg("pull_partial_fix", args)
	}
	return usererr.Msg("pull_partial", args)
}

func (s *Service) begin(corpID int64, cancel context.CancelFunc) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pulling[corpID] != nil {
		return false
	}
	s.pulling[corpID] = cancel
	return true
}

// ErrNoPull is returned by Cancel when no pull of the corp is running here.
var ErrNoPull = usererr.New("no_pull_running", nil)

// Cancel stops the corp's running pull: it ends with status cancelled and
// the previous mirror is kept. A call waiting on WeCom is abandoned at once.
func (s *Service) Cancel(corpID int64) error {
	s.mu.Lock()
	cancel := s.pulling[corpID]
	s.mu.Unlock()
	if cancel == nil {
		return ErrNoPull
	}
	cancel()
	return nil
}

func (s *Service) end(corpID int64) {
	s.mu.Lock()
	delete(s.pulling, corpID)
	s.mu.Unlock()
}

func (s *Service) running(corpID int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pulling[corpID] != nil
}
