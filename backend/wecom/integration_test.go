package wecom_test

// Integration tests: the real client against the real simulator over real
// HTTP on 127.0.0.1. This file holds the shared harness; the tests are in
// integration_*_test.go. Every harness checks, when its test ends, that no
// captured log line holds a secret or an access_token.

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"wecom-bridge/backend/logging"
	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// simStart is a minute boundary on the simulator clock (Asia/Shanghai).
var simStart = time.Date(2024, 5, 6, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

// simEnv is one simulated corp served on a real port, plus what the tests
// need to watch the wire and the client's logs.
type simEnv struct {
	t    *testing.T
	org  *wecomsim.Org
	sim  *wecomsim.Sim
	url  string
	wire *wireRecorder
	log  *slog.Logger
	logs *bytes.Buffer // written by log; read only after the calls are done

	quiet bool // log at Info: the per-request Debug lines are not expected
}

// newSimEnv starts a simulator on 127.0.0.1:0 with a fixed clock at simStart
// (simOpts may replace it) serving a small generated organisation.
func newSimEnv(t *testing.T, simOpts ...wecomsim.Option) *simEnv {
	t.Helper()
	org := wecomsim.GenerateOrg(wecomsim.GenerateOptions{Seed: 7, Users: 120, Departments: 12})
	opts := append([]wecomsim.Option{wecomsim.WithClock(wecomsim.NewFixedClock(simStart))}, simOpts...)
	sim := wecomsim.New(org, opts...)
	srv, err := sim.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	logger, logs := logging.Capture()
	e := &simEnv{t: t, org: org, sim: sim, url: srv.URL, wire: newWireRecorder(newTransport()), log: logger, logs: logs}
	// Cleanups run last-in first-out: the server closes before the logs are read.
	t.Cleanup(e.assertLogsHoldNoSecrets)
	t.Cleanup(func() { srv.Close() })
	return e
}

// newTransport keeps enough idle connections for the concurrent tests
// (http.DefaultTransport keeps 2 per host and would redial for the rest).
func newTransport() *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 32
	return tr
}

// client returns a client on the simulator that logs into e.logs, sends
// through e.wire and backs off briefly; opts come last and win.
func (e *simEnv) client(opts ...wecom.Option) *wecom.Client {
	base := []wecom.Option{
		wecom.WithBaseURL(e.url + "/cgi-bin/"), // pasted with the path, as admins do
		wecom.WithHTTPClient(&http.Client{Transport: e.wire}),
		wecom.WithLogger(e.log),
		wecom.WithRetryBackoff(time.Millisecond, 4*time.Millisecond),
	}
	return wecom.New(e.org.CorpID, append(base, opts...)...)
}

// logAtInfo makes the clients created afterwards log at Info into the same
// buffer (call it before creating any client), redacted the same way, for tests that make tens of thousands of calls: redacting
// two Debug lines per call would be most of their run time. Warnings
// (retries, refreshes) and Info lines are still checked for secrets.
func (e *simEnv) logAtInfo() {
	e.quiet = true
	e.log = slog.New(logging.NewRedactingHandler(e.logs, logging.Default, slog.LevelInfo))
}

// app returns the credential of one of the generated apps.
func (e *simEnv) app(agentID int) wecom.Credential {
	e.t.Helper()
	for _, a := range e.org.Apps {
		if a.AgentID == agentID {
			return wecom.Credential{Name: a.Name, AgentID: int64(a.AgentID), Secret: a.Secret}
		}
	}
	e.t.Fatalf("org has no app %d", agentID)
	return wecom.Credential{}
}

// calls is how many requests the simulator received for api (faults included).
func (e *simEnv) calls(api string) int64 { return e.sim.Stats()[api] }

// errcodes is how many error answers with code the simulator gave.
func (e *simEnv) errcodes(code int) int64 { return e.sim.Counters().Errcodes[code] }

// secrets are the values no log line may contain, by what they are: every
// secret of the corp and every access_token the client put on the wire.
func (e *simEnv) secrets() map[string]string {
	s := map[string]string{e.org.ContactSecret: "the 通讯录同步 secret"}
	for _, a := range e.org.Apps {
		s[a.Secret] = fmt.Sprintf("the secret of app %d", a.AgentID)
	}
	for i, tok := range e.wire.tokens() {
		s[tok] = fmt.Sprintf("access_token #%d", i+1)
	}
	return s
}

var unredactedToken = regexp.MustCompile(`(?i)(access_token|corpsecret)=([^\[&\s"][^&\s"]*)`)

func (e *simEnv) assertLogsHoldNoSecrets() {
	t := e.t
	logs := e.logs.String()
	if !e.quiet && e.wire.total() > 0 && !strings.Contains(logs, "wecom request") {
		t.Errorf("no request was logged; the secrecy check would prove nothing")
	}
	for s, what := range e.secrets() {
		if strings.Contains(logs, s) {
			t.Errorf("a log line holds %s", what)
		}
	}
	if m := unredactedToken.FindStringSubmatch(logs); m != nil {
		t.Errorf("a log line holds an unredacted %s", m[1])
	}
	if !e.quiet && len(e.wire.tokens()) > 0 && !strings.Contains(logs, "access_token=[REDACTED]") {
		t.Errorf("requests with a token were never logged redacted; the check would prove nothing")
	}
}

// assertNoSecretIn fails when text (an error message, say) holds a secret or token.
func (e *simEnv) assertNoSecretIn(what, text string) {
	e.t.Helper()
	for s, which := range e.secrets() {
		if strings.Contains(text, s) {
			e.t.Errorf("%s holds %s", what, which)
		}
	}
}

// wireRecorder is the client's transport: it counts requests per API and
// remembers every access_token sent, so tests can count attempts from the
// client's side of the wire and check the logs for tokens.
type wireRecorder struct {
	next      http.RoundTripper
	onRequest func(*http.Request) // optional; set before the first call

	mu     sync.Mutex
	perAPI map[string]int
	seen   map[string]bool
}

func newWireRecorder(next http.RoundTripper) *wireRecorder {
	return &wireRecorder{next: next, perAPI: map[string]int{}, seen: map[string]bool{}}
}

func (w *wireRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	api := strings.TrimPrefix(r.URL.Path, "/cgi-bin/")
	w.mu.Lock()
	w.perAPI[api]++
	if tok := r.URL.Query().Get("access_token"); tok != "" {
		w.seen[tok] = true
	}
	w.mu.Unlock()
	if w.onRequest != nil {
		w.onRequest(r)
	}
	return w.next.RoundTrip(r)
}

// sent is how many requests for api left the client.
func (w *wireRecorder) sent(api string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.perAPI[api]
}

func (w *wireRecorder) total() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, c := range w.perAPI {
		n += c
	}
	return n
}

func (w *wireRecorder) tokens() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]string, 0, len(w.seen))
	for t := range w.seen {
		out = append(out, t)
	}
	return out
}

// sharedClock gives the client the simulator's clock, so both ends agree on
// what minute it is. After moves that one clock forward by d and fires at
// once: a limiter wait or a 45009 back-off of a minute costs no real time,
// and the simulator judges every call on the same time line the client
// waited on. Time never moves unless the client waits (or a test advances it).
type sharedClock struct {
	mu  sync.Mutex // serialises moves; Now needs no lock
	sim *wecomsim.Clock
}

func (c *sharedClock) Now() time.Time { return c.sim.Now() }

func (c *sharedClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	c.sim.Advance(d)
	now := c.sim.Now()
	c.mu.Unlock()
	ch := make(chan time.Time, 1)
	ch <- now
	return ch
}

// logLines counts captured log lines containing all of parts.
func logLines(logs string, parts ...string) int {
	n := 0
	for line := range strings.Lines(logs) {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			n++
		}
	}
	return n
}
