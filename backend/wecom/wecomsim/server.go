package wecomsim

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Sim is one simulated corp served over HTTP. All methods are safe for concurrent use.
type Sim struct {
	clock         *Clock
	corpID        string
	contactSecret string
	cfg           config

	mu      sync.RWMutex // guards dir, apps, tags, menus and external contacts
	dir     *directory
	apps    map[int]*app
	secrets map[string]*app
	tags    map[int]*tag
	ext     *externalData   // seeded on first use
	ignored map[string]bool // user/update fields silently ignored (IgnoreUserFields)
	nolicen map[string]bool // lower-cased userids without a 基础接口许可 (SetUnlicensed)
	extOnce sync.Once
	lookups lookupBlock // daily block of the userid lookups

	tokens  tokenStore
	tickets ticketStore
	policy  atomic.Pointer[accessPolicy]
	limits  limiter
	faults  faultInjector
	msgs    messageLog
	cb      callbackOut // callbacks the simulator sends (callback_out.go)
	oauth   oauthStore
	invites inviteLog
	routes  map[string]*route

	hintSeq  atomic.Uint64
	errMu    sync.Mutex
	errCount map[int]int64
}

type config struct {
	clock            *Clock
	tokenTTL         time.Duration
	rateLimit        int
	memberPerMinute  int
	memberPerHour    int
	activeMobileLock bool
	faults           *Faults
}

// Option configures New.
type Option func(*config)

// WithTokenTTL sets access_token lifetime (default 7200 s).
func WithTokenTTL(d time.Duration) Option { return func(c *config) { c.tokenTTL = d } }

// WithRateLimit sets the per-corp, per-API calls per calendar minute
// (default 10,000); 0 or less turns the limit off.
func WithRateLimit(perMinute int) Option { return func(c *config) { c.rateLimit = perMinute } }

// WithClock makes the simulator read time from c (default: a wall clock).
func WithClock(c *Clock) Option { return func(cfg *config) { cfg.clock = c } }

// WithFaults starts the simulator with fault injection on.
func WithFaults(f Faults) Option { return func(c *config) { c.faults = &f } }

// WithMemberMessageLimit sets how many messages one app may deliver to one
// member per minute and per hour before WeCom silently drops the rest
// (default 30 and 1000; 0 means no limit).
func WithMemberMessageLimit(perMinute, perHour int) Option {
	return func(c *config) { c.memberPerMinute, c.memberPerHour = perMinute, perHour }
}

// WithActiveMobileLock chooses whether user/update silently ignores a new
// mobile for an activated member (status 1), as WeCom does (default true).
func WithActiveMobileLock(on bool) Option { return func(c *config) { c.activeMobileLock = on } }

// New builds a simulator serving org, which must be valid (see Org.Validate);
// New panics otherwise. The simulator keeps its own copy of org.
func New(org *Org, opts ...Option) *Sim {
	if err := org.Validate(); err != nil {
		panic("wecomsim: " + err.Error())
	}
	cfg := config{tokenTTL: 7200 * time.Second, rateLimit: 10000,
		memberPerMinute: 30, memberPerHour: 1000, activeMobileLock: true}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.clock == nil {
		cfg.clock = NewClock()
	}
	s := &Sim{
		clock: cfg.clock, corpID: org.CorpID, contactSecret: org.ContactSecret, cfg: cfg,
		dir: newDirectory(org), apps: map[int]*app{}, secrets: map[string]*app{},
		tags: map[int]*tag{}, errCount: map[int]int64{},
	}
	for _, a := range org.Apps {
		x := newApp(a)
		s.apps[a.AgentID] = x
		s.secrets[a.Secret] = x
	}
	for _, t := range org.Tags {
		s.tags[t.ID] = newTag(t)
	}
	s.tokens.init()
	s.policy.Store(&accessPolicy{})
	s.limits.init(cfg.rateLimit)
	s.msgs.init()
	s.oauth.init()
	s.routes = s.buildRoutes()
	if cfg.faults != nil {
		s.SetFaults(*cfg.faults)
	}
	return s
}

// Clock returns the simulator clock; tests move it with Advance or Set.
func (s *Sim) Clock() *Clock { return s.clock }

// SetNow moves the simulator clock to t.
func (s *Sim) SetNow(t time.Time) { s.clock.Set(t) }

// CorpID returns the simulated corp ID.
func (s *Sim) CorpID() string { return s.corpID }

// Handler serves the WeCom API under /cgi-bin/, the simulated OAuth pages and
// the admin API under /sim/.
func (s *Sim) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

func (s *Sim) serveHTTP(w http.ResponseWriter, r *http.Request) {
	switch p := r.URL.Path; {
	case strings.HasPrefix(p, "/cgi-bin/"):
		s.serveAPI(w, r)
	case p == "/sim" || strings.HasPrefix(p, "/sim/"):
		s.serveAdmin(w, r)
	case p == "/connect/oauth2/authorize" || p == "/wwlogin/sso/login" || p == "/wwopen/sso/qrConnect":
		s.serveAuthorize(w, r)
	default:
		http.NotFound(w, r)
	}
}

// call is one API request on its way through a handler.
type call struct {
	s     *Sim
	r     *http.Request
	query map[string][]string
	ip    string
	now   time.Time
	body  []byte
	agent int  // token's agentid; 0 = 通讯录同步 secret
	app   *app // nil for the contact secret
}

func (c *call) param(name string) string {
	if v := c.query[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// intParam parses a query integer; ok is false when absent or malformed.
func (c *call) intParam(name string) (int, bool) {
	n, err := strconv.Atoi(c.param(name))
	return n, err == nil
}

// decode reads the JSON body into v; malformed JSON or wrong types give 40058.
func (c *call) decode(v any) *apiError {
	if len(c.body) == 0 {
		return apiErrf(40058, "invalid Parameter, request body is empty")
	}
	if err := json.Unmarshal(c.body, v); err != nil {
		return apiErrf(40058, "invalid Parameter, %s", jsonProblem(err))
	}
	return nil
}

func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %s must be %s", te.Field, te.Type)
	}
	return "invalid json format"
}

// status is the errcode/errmsg pair every answer starts with.
type status struct {
	Errcode int    `json:"errcode"`
	Errmsg  string `json:"errmsg"`
}

var (
	statusOK      = status{0, "ok"}
	statusCreated = status{0, "created"}
	statusUpdated = status{0, "updated"}
	statusDeleted = status{0, "deleted"}
)

const maxBody = 4 << 20

func (s *Sim) serveAPI(w http.ResponseWriter, r *http.Request) {
	rt := s.routes[strings.TrimPrefix(r.URL.Path, "/cgi-bin/")]
	if rt == nil {
		http.NotFound(w, r)
		return
	}
	rt.calls.Add(1)
	ip := clientIP(r)
	if done, busy := s.faults.inject(w, r, rt.api); done {
		return
	} else if busy {
		s.writeError(w, ip, apiErr(-1))
		return
	}
	now := s.clock.Now()
	if !s.limits.allow(rt, now) {
		s.writeError(w, ip, apiErr(45009))
		return
	}
	c := &call{s: s, r: r, query: r.URL.Query(), ip: ip, now: now}
	if err := s.authorize(c, rt); err != nil {
		s.writeError(w, ip, err)
		return
	}
	if rt.post {
		if r.Method != http.MethodPost {
			s.writeError(w, ip, apiErrf(40058, "invalid Parameter, %s requires POST", rt.api))
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			s.writeError(w, ip, apiErrf(40058, "invalid Parameter, request body too large"))
			return
		}
		c.body = body
	}
	res, aerr := rt.fn(c)
	if aerr != nil {
		s.writeError(w, ip, aerr)
		return
	}
	if res == nil {
		res = statusOK
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Sim) writeError(w http.ResponseWriter, ip string, e *apiError) {
	s.errMu.Lock()
	s.errCount[e.code]++
	s.errMu.Unlock()
	writeJSON(w, http.StatusOK, status{e.code, errmsg(e, s.hint(), ip)})
}

// hint mimics WeCom's per-request hint, e.g. "1700000000_12_abc".
func (s *Sim) hint() string {
	n := s.hintSeq.Add(1)
	return fmt.Sprintf("%d_%d_%s", s.clock.Now().Unix(), n, strconv.FormatUint((n*2654435761)%46656+1296, 36))
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=UTF-8")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(code)
	w.Write(b)
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// Server is a running simulator listener.
type Server struct {
	URL  string // base URL, e.g. http://127.0.0.1:41234
	Addr string
	srv  *http.Server
}

// Start listens on addr ("127.0.0.1:0" picks a free port) and serves Handler.
func (s *Sim) Start(addr string) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	a := ln.Addr().String()
	return &Server{URL: "http://" + a, Addr: a, srv: srv}, nil
}

// Close stops the listener and closes open connections.
func (v *Server) Close() error { return v.srv.Close() }

// Shutdown stops gracefully, waiting for requests in flight until ctx ends.
func (v *Server) Shutdown(ctx context.Context) error { return v.srv.Shutdown(ctx) }
