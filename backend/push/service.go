package push

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/wecom"
)

// Clients gives the WeCom client of a corp and the credentials of its apps.
// The lead wires it to the corp package.
type Clients interface {
	Client(ctx context.Context, corpID int64) (*wecom.Client, []wecom.Credential, error)
}

// Recipients maps the sender's names to WeCom ids of a corp.
type Recipients interface {
	// UserIDs maps accounts to userids through confirmed bindings only;
	// accounts missing from the answer are unbound.
	UserIDs(ctx context.Context, corpID int64, accounts []string) (map[string]string, error)
	// DepartmentIDs maps department paths such as "总部/研发中心" to WeCom ids;
	// paths missing from the answer are unknown.
	DepartmentIDs(ctx context.Context, corpID int64, paths []string) (map[string]int64, error)
	// AdminUserID is the admin's own bound userid, for SendTest.
	AdminUserID(ctx context.Context, corpID int64) (string, error)
}

// Clock is the service's time source; tests share the simulator's.
type Clock interface{ Now() time.Time }

type wallClock struct{}

func (wallClock) Now() time.Time { return time.Now() }

// EventChanged is emitted (throttled) when push log rows change, so the UI can refresh.
const EventChanged = "push:changed"

// Service is the push feature. It is safe for concurrent use.
type Service struct {
	st         *store.Store
	clients    Clients
	recipients Recipients
	clock      Clock
	loc        *time.Location
	log        *slog.Logger
	emitter    events.Emitter

	concurrency  int
	pollInterval time.Duration
	retryBase    time.Duration
	retryMax     time.Duration
	maxAttempts  int
	dupInterval  int // seconds, WeCom's duplicate_check_interval
	countCap     int // ListLogs counts up to here (CountCap; tests lower it)
	pruneSize    int // messages per prune transaction (pruneBatchSize)

	writeMu   sync.Mutex // serialises this service's write transactions (see beginWrite)
	workerMu  sync.Mutex // queues the worker's writers before writeMu (see beginWorkerWrite)
	limits    *memberLimits
	keys      keyCache
	stmts     stmtCache
	ruleCache ruleCache
	setCache  settingsCache
	rates     keyRates
	actor     string // who changes settings and keys, for the configuration audit

	// afterSend, when set (tests), runs after a chunk's call returned and
	// before its result is journalled; a crash there is what the duplicate
	// check covers.
	afterSend func(deliveryID int64, seq int)

	runMu    sync.Mutex
	cancel   context.CancelFunc
	done     sync.WaitGroup
	wake     chan struct{}
	inflight inflightSet
	changed  changeNotifier
	cards    cardSupport // card clicks and their webhooks (card_clicks.go, webhook_*.go)
}

// Option configures New.
type Option func(*Service)

// WithClock replaces the wall clock (retry backoff, member windows, recall window, retention).
func WithClock(c Clock) Option {
	return func(s *Service) {
		if c != nil {
			s.clock = c
		}
	}
}

// WithLocation sets the time zone of per-day stats (default time.Local).
func WithLocation(loc *time.Location) Option {
	return func(s *Service) {
		if loc != nil {
			s.loc = loc
		}
	}
}

// WithLogger sets the logger. API keys and secrets are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(s *Service) {
		if l != nil {
			s.log = l
		}
	}
}

// WithActor names who acts through this service in the configuration audit
// (default "app").
func WithActor(actor string) Option {
	return func(s *Service) {
		if actor != "" {
			s.actor = actor
		}
	}
}

// WithEmitter sends EventChanged to e.
func WithEmitter(e events.Emitter) Option {
	return func(s *Service) {
		if e != nil {
			s.emitter = e
		}
	}
}

// WithConcurrency sets how many messages the worker sends at once (default 4).
func WithConcurrency(n int) Option {
	return func(s *Service) {
		if n > 0 {
			s.concurrency = n
		}
	}
}

// WithPollInterval sets how often the worker looks for due messages besides
// being woken by the intake (default 1 s).
func WithPollInterval(d time.Duration) Option {
	return func(s *Service) {
		if d > 0 {
			s.pollInterval = d
		}
	}
}

// WithRetry sets the backoff of a chunk whose send failed after the client's
// own retries (-1, 45009, network), and the attempts before it fails
// (defaults 5 s doubling to 5 min, 8 attempts).
func WithRetry(base, max time.Duration, attempts int) Option {
	return func(s *Service) {
		if base > 0 {
			s.retryBase = base
		}
		if max >= base && max > 0 {
			s.retryMax = max
		}
		if attempts > 0 {
			s.maxAttempts = attempts
		}
	}
}

// New builds the service over st. clients and recipients come from other
// packages; Start runs the worker and the daily prune.
func New(st *store.Store, clients Clients, recipients Recipients, opts ...Option) *Service {
	s := &Service{
		st: st, clients: clients, recipients: recipients,
		clock: wallClock{}, log: slog.Default(), emitter: events.Discard{}, actor: "app",
		concurrency: 4, pollInterval: time.Second,
		retryBase: 5 * time.Second, retryMax: 5 * time.Minute, maxAttempts: 8,
		dupInterval: defaultDupInterval, countCap: CountCap, pruneSize: pruneBatchSize,
		wake: make(chan struct{}, 1),
	}
	for _, o := range opts {
		o(s)
	}
	if s.recipients == nil {
		s.recipients = noRecipients{}
	}
	s.limits = newMemberLimits()
	s.inflight.init()
	s.cards.init()
	return s
}

// defaultDupInterval is WeCom's default duplicate_check_interval (30 min):
// a chunk resent after a crash within it is not delivered twice. Identical
// messages to the same people within it are also delivered once.
const defaultDupInterval = 1800

func (s *Service) now() time.Time { return s.clock.Now() }

func (s *Service) location() *time.Location {
	if s.loc == nil {
		return time.Local
	}
	return s.loc
}

// ms converts a time to the stored unix milliseconds.
func ms(t time.Time) int64 { return t.UnixMilli() }

// fromMS converts stored unix milliseconds back to a time.
func fromMS(v int64) time.Time { return time.UnixMilli(v) }

// fromNullMS converts a nullable stored time.
func fromNullMS(v *int64) *time.Time {
	if v == nil {
		return nil
	}
	t := fromMS(*v)
	return &t
}

// noRecipients stands in until the lead wires Recipients: every account is
// unbound and every department unknown, so nothing is sent by guesswork.
type noRecipients struct{}

func (noRecipients) UserIDs(context.Context, int64, []string) (map[string]string, error) {
	return map[string]string{}, nil
}

func (noRecipients) DepartmentIDs(context.Context, int64, []string) (map[string]int64, error) {
	return map[string]int64{}, nil
}

func (noRecipients) AdminUserID(context.Context, int64) (string, error) {
	return "", errors.New("no binding lookup is wired into the push service")
}
