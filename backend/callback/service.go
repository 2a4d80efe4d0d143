package callback

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// Kinds of callback endpoint.
const (
	KindContact = "contact" // /callback/contact/<key>
	KindApp     = "app"     // /callback/app/<key>/<agentid>
)

// States of a logged event.
const (
	StateReceived  = "received"  // persisted, not processed yet
	StateProcessed = "processed" // its processor ran without error
	StateDuplicate = "duplicate" // a WeCom retry of an event already received; never processed
	StateFailed    = "failed"    // its processor failed; replay runs it again
)

// Processor handles a persisted event asynchronously, once (a replay runs
// it again). Effects say what the event did, for the 回调 page.
type Processor interface {
	Process(ctx context.Context, ev Event) (effects []usererr.Message, err error)
}

// AppHandler handles the app callbacks' events.
type AppHandler interface {
	Processor
	// Reply runs inside the POST, after the event is persisted, also for
	// WeCom's retries of it: the passive reply's plaintext XML, or nil for
	// an empty 200. It must have no side effects and be quick (< 1 s).
	Reply(ctx context.Context, ev Event) ([]byte, error)
}

// Configs finds an endpoint's Token/EncodingAESKey (corp.Service).
type Configs interface {
	CallbackConfig(ctx context.Context, corpKey string, agentID int64) (*corp.CallbackConfig, error)
}

// Clock is the time source (tests may move it).
type Clock interface{ Now() time.Time }

type wallClock struct{}

func (wallClock) Now() time.Time { return time.Now() }

// Config wires the service. Contact and App may be nil: their events are
// then only logged (processed with no effect).
type Config struct {
	Store   *store.Store
	Configs Configs
	Contact Processor  // change_contact, batch_job_result, change_external_contact
	App     AppHandler // every app callback event
	Log     *slog.Logger
	Clock   Clock
}

// Service is the receiver and its event log.
type Service struct {
	st      *store.Store
	configs Configs
	contact Processor
	app     AppHandler
	log     *slog.Logger
	clock   Clock

	w       *writer                  // the log's group-commit writer
	epCache endpointCache            // POSTs' endpoint configs, briefly (endpoints.go)
	wake    map[string]chan struct{} // per kind: contact and app events have a worker each
	runMu   sync.Mutex
	cancel  context.CancelFunc
	done    sync.WaitGroup
}

// New builds the service; Start runs its worker.
func New(cfg Config) *Service {
	s := &Service{st: cfg.Store, w: &writer{db: cfg.Store.DB}, configs: cfg.Configs, contact: cfg.Contact, app: cfg.App, log: cfg.Log, clock: cfg.Clock,
		wake: map[string]chan struct{}{KindContact: make(chan struct{}, 1), KindApp: make(chan struct{}, 1)}}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.clock == nil {
		s.clock = wallClock{}
	}
	return s
}

func (s *Service) now() time.Time { return s.clock.Now() }

// Start runs the worker that processes the log (events left received by a
// previous process included) until Stop or ctx ends.
func (s *Service) Start(ctx context.Context) {
	s.runMu.Lock()
	defer s.runMu.Unlock()
	if s.cancel != nil {
		return
	}
	ctx, s.cancel = context.WithCancel(ctx)
	for kind := range s.wake {
		s.done.Add(1)
		go func() {
			defer s.done.Done()
			s.work(ctx, kind)
		}()
	}
}

// Stop stops the worker and waits for it; events not processed stay
// received and are processed on the next Start.
func (s *Service) Stop() {
	s.runMu.Lock()
	cancel := s.cancel
	s.cancel = nil
	s.runMu.Unlock()
	if cancel != nil {
		cancel()
		s.done.Wait()
	}
}

func (s *Service) kick(kind string) {
	select {
	case s.wake[kind] <- struct{}{}:
	default:
	}
}
