package contactsync

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"wecom-bridge/backend/callback"
	"wecom-bridge/backend/mirror"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// DefaultQuiet is how long a corp's contacts must stay unchanged before the
// incremental plan runs.
const DefaultQuiet = 30 * time.Second

// rematchGap spaces a corp's rematches during a burst of changes (bindings
// still follow within about a second).
const rematchGap = 500 * time.Millisecond

// Deps are what the processor works with, given at wiring time.
type Deps struct {
	Mirror *mirror.Service
	// Reader is the client and credential that may read the corp's members
	// (an app's visible scope).
	Reader func(ctx context.Context, corpID int64) (*wecom.Client, wecom.Credential, error)
	// RenameBinding moves the corp's binding decisions to a renamed userid.
	RenameBinding func(ctx context.Context, corpID int64, oldID, newID string) (int, error)
	// Rematch re-runs the binding match of the corp (department changes:
	// every member below may have new paths).
	Rematch func(ctx context.Context, corpID int64) error
	// RematchTouched re-runs the match of only the members a change touched
	// (and whatever can bind to them); nil: Rematch.
	RematchTouched func(ctx context.Context, corpID int64, userIDs []string) error
	// Plan runs the corp's incremental sync after the quiet period.
	Plan  func(ctx context.Context, corpID int64) error
	Quiet time.Duration // 0: DefaultQuiet
	Log   *slog.Logger
}

// Service is the Contact processor of the callback receiver.
type Service struct {
	d Deps

	mu     sync.Mutex
	timers map[int64]*time.Timer
	// rematch coalescing: a corp marked dirty while its rematch runs gets
	// one more rematch after it, so a burst of events costs two rematches:
	// of the members touched meanwhile, or of the corp after a department
	// change.
	dirty     map[int64]*touched
	rematches map[int64]bool // running
	ctx       context.Context
	cancel    context.CancelFunc
	wg        sync.WaitGroup
}

// New returns the processor; Close stops its pending plans.
func New(d Deps) *Service {
	if d.Quiet <= 0 {
		d.Quiet = DefaultQuiet
	}
	if d.Log == nil {
		d.Log = slog.Default()
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Service{d: d, timers: map[int64]*time.Timer{}, dirty: map[int64]*touched{}, rematches: map[int64]bool{},
		ctx: ctx, cancel: cancel}
}

// SetQuiet changes the quiet period (tests shorten it).
func (s *Service) SetQuiet(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d > 0 {
		s.d.Quiet = d
	}
}

// Close cancels pending plans and waits for a running one.
func (s *Service) Close() {
	s.mu.Lock()
	for _, t := range s.timers {
		t.Stop()
	}
	s.timers = map[int64]*time.Timer{}
	s.mu.Unlock()
	s.cancel()
	s.wg.Wait()
}

// Process handles one persisted contact callback.
func (s *Service) Process(ctx context.Context, ev callback.Event) ([]usererr.Message, error) {
	m := ev.Msg
	switch m.Event {
	case "change_contact":
	case "batch_job_result":
		return []usererr.Message{usererr.Msg("contact_batch_job", usererr.Args{"jobId": m.BatchJob.JobID,
			"jobType": m.BatchJob.JobType, "errCode": m.BatchJob.ErrCode})}, nil
	case "change_external_contact":
		return []usererr.Message{usererr.Msg("contact_external_stored", usererr.Args{"changeType": m.ChangeType})}, nil
	default:
		return []usererr.Message{usererr.Msg("callback_effect_logged", nil)}, nil
	}
	effects, err := s.apply(ctx, ev.CorpRef, m)
	if err != nil {
		return effects, err
	}
	if s.d.Rematch != nil && (strings.HasSuffix(m.ChangeType, "_user") || strings.HasSuffix(m.ChangeType, "_party")) {
		var users []string
		if strings.HasSuffix(m.ChangeType, "_user") {
			users = []string{m.UserID, m.NewUserID}
		}
		s.rematchSoon(ev.CorpRef, users)
		effects = append(effects, usererr.Msg("contact_rematched", nil))
	}
	if s.d.Plan != nil {
		s.schedule(ev.CorpRef)
		effects = append(effects, usererr.Msg("contact_plan_queued", usererr.Args{"seconds": int(s.quiet().Seconds())}))
	}
	return effects, nil
}

// apply brings the mirror in line with one change_contact event.
func (s *Service) apply(ctx context.Context, corpID int64, m callback.Message) ([]usererr.Message, error) {
	switch m.ChangeType {
	case "create_user", "update_user":
		var effects []usererr.Message
		id := m.UserID
		if m.NewUserID != "" && m.NewUserID != m.UserID {
			if err := s.d.Mirror.RenameMember(ctx, corpID, m.UserID, m.NewUserID); err != nil {
				return nil, err
			}
			moved := 0
			if s.d.RenameBinding != nil {
				n, err := s.d.RenameBinding(ctx, corpID, m.UserID, m.NewUserID)
				if err != nil {
					return nil, err
				}
				moved = n
			}
			effects = append(effects, usererr.Msg("contact_member_renamed", usererr.Args{"old": m.UserID, "new": m.NewUserID, "n": moved}))
			id = m.NewUserID
		}
		return append(effects, s.readMember(ctx, corpID, id)...), nil
	case "delete_user":
		if err := s.d.Mirror.RemoveMember(ctx, corpID, m.UserID); err != nil {
			return nil, err
		}
		return []usererr.Message{usererr.Msg("contact_member_removed", usererr.Args{"userid": m.UserID})}, nil
	case "create_party", "update_party":
		id, err := strconv.ParseInt(m.ID, 10, 64)
		if err != nil {
			return nil, usererr.New("contact_bad_id", usererr.Args{"value": m.ID})
		}
		return s.readDepartment(ctx, corpID, id), nil
	case "delete_party":
		id, err := strconv.ParseInt(m.ID, 10, 64)
		if err != nil {
			return nil, usererr.New("contact_bad_id", usererr.Args{"value": m.ID})
		}
		if err := s.d.Mirror.RemoveDepartment(ctx, corpID, id); err != nil {
			return nil, err
		}
		return []usererr.Message{usererr.Msg("contact_dept_removed", usererr.Args{"id": id})}, nil
	case "update_tag":
		return []usererr.Message{usererr.Msg("contact_tag_changed", usererr.Args{"tagId": m.TagID})}, nil
	}
	return []usererr.Message{usererr.Msg("callback_effect_logged", nil)}, nil
}

// readMember reads the member and puts it in the mirror; a member WeCom no
// longer has (60111) leaves it. When the member cannot be read (no app may,
// out of the app's scope) the mirror waits for the next pull: an effect
// says so and the event does not fail.
func (s *Service) readMember(ctx context.Context, corpID int64, userID string) []usererr.Message {
	client, cred, err := s.d.Reader(ctx, corpID)
	if err != nil {
		return []usererr.Message{usererr.Msg("contact_read_skipped", usererr.Args{"what": userID, "detail": err.Error()})}
	}
	u, err := client.GetUser(ctx, cred, userID)
	if wecom.ErrCode(err) == 60111 {
		if err := s.d.Mirror.RemoveMember(ctx, corpID, userID); err != nil {
			return []usererr.Message{usererr.Msg("contact_read_skipped", usererr.Args{"what": userID, "detail": err.Error()})}
		}
		return []usererr.Message{usererr.Msg("contact_member_removed", usererr.Args{"userid": userID})}
	}
	if err == nil {
		var created bool
		if created, err = s.d.Mirror.PutMember(ctx, corpID, *u); err == nil {
			code := "contact_member_updated"
			if created {
				code = "contact_member_added"
			}
			return []usererr.Message{usererr.Msg(code, usererr.Args{"userid": userID, "name": u.Name})}
		}
	}
	return []usererr.Message{usererr.Msg("contact_read_skipped", usererr.Args{"what": userID, "detail": err.Error()})}
}

func (s *Service) readDepartment(ctx context.Context, corpID, id int64) []usererr.Message {
	what := strconv.FormatInt(id, 10)
	client, cred, err := s.d.Reader(ctx, corpID)
	if err != nil {
		return []usererr.Message{usererr.Msg("contact_read_skipped", usererr.Args{"what": what, "detail": err.Error()})}
	}
	d, err := client.GetDepartment(ctx, cred, id)
	if err == nil {
		if err = s.d.Mirror.PutDepartment(ctx, corpID, *d); err == nil {
			return []usererr.Message{usererr.Msg("contact_dept_updated", usererr.Args{"id": id, "name": d.Name})}
		}
	}
	return []usererr.Message{usererr.Msg("contact_read_skipped", usererr.Args{"what": what, "detail": err.Error()})}
}

func (s *Service) quiet() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.d.Quiet
}

// schedule (re)starts the corp's quiet period; when it ends, Plan runs.
func (s *Service) schedule(corpID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ctx.Err() != nil {
		return
	}
	if t, ok := s.timers[corpID]; ok {
		t.Stop()
	}
	s.timers[corpID] = time.AfterFunc(s.d.Quiet, func() {
		s.mu.Lock()
		delete(s.timers, corpID)
		if s.ctx.Err() != nil {
			s.mu.Unlock()
			return
		}
		s.wg.Add(1)
		s.mu.Unlock()
		defer s.wg.Done()
		if err := s.d.Plan(s.ctx, corpID); err != nil && !errors.Is(err, context.Canceled) {
			s.d.Log.Warn("contact callback: incremental sync did not run", "corp", corpID, "err", err)
		}
	})
}

// touched is what a corp's next rematch covers: the members changed since
// the last one, or the whole corp.
type touched struct {
	all   bool
	users map[string]bool
}

func (t *touched) add(users []string) {
	if users == nil {
		t.all = true
		return
	}
	for _, u := range users {
		if u = strings.TrimSpace(u); u != "" {
			t.users[u] = true
		}
	}
}

// rematch runs what t covers.
func (s *Service) rematch(ctx context.Context, corpID int64, t *touched) error {
	if t.all || s.d.RematchTouched == nil {
		return s.d.Rematch(ctx, corpID)
	}
	users := make([]string, 0, len(t.users))
	for u := range t.users {
		users = append(users, u)
	}
	slices.Sort(users)
	return s.d.RematchTouched(ctx, corpID, users)
}

// rematchSoon rematches the touched members (users; nil: the whole corp)
// now, or right after the rematch running for the corp, so bindings follow
// within about two rematch times however many events arrive.
func (s *Service) rematchSoon(corpID int64, users []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ctx.Err() != nil {
		return
	}
	t := s.dirty[corpID]
	if t == nil {
		t = &touched{users: map[string]bool{}}
		s.dirty[corpID] = t
	}
	t.add(users)
	if s.rematches[corpID] {
		return
	}
	s.rematches[corpID] = true
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			s.mu.Lock()
			t := s.dirty[corpID]
			if t == nil || s.ctx.Err() != nil {
				delete(s.rematches, corpID)
				delete(s.dirty, corpID)
				s.mu.Unlock()
				return
			}
			delete(s.dirty, corpID)
			s.mu.Unlock()
			if err := s.rematch(s.ctx, corpID, t); err != nil && !errors.Is(err, context.Canceled) {
				s.d.Log.Warn("contact callback: rematch failed; the next change or pull rematches", "corp", corpID, "err", err)
			}
			// A burst of events rematches at most every rematchGap, so the
			// receiver's writes are not queued behind back-to-back rematches.
			select {
			case <-s.ctx.Done():
			case <-time.After(rematchGap):
			}
		}
	}()
}
