package push

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"wecom-bridge/backend/logging"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// simStart is a minute boundary on the simulator clock.
var simStart = time.Date(2024, 5, 6, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

// env is a push service over a real SQLite file, sending with a real WeCom
// client over real HTTP to the simulator. The service, the client and the
// simulator share one clock that only moves when a test (or a client's
// back-off) moves it.
type env struct {
	t      *testing.T
	ctx    context.Context
	dir    string
	st     *store.Store
	svc    *Service
	org    *wecomsim.Org
	sim    *wecomsim.Sim
	clock  *sharedClock
	client *wecom.Client
	corpID int64 // corps.id
	recips *fakeRecipients
	logs   *bytes.Buffer
	opts   []Option
	cancel context.CancelFunc
}

type envConfig struct {
	wall    bool // real time everywhere (benchmarks), instead of the shared fixed clock
	users   int
	wrap    func(http.Handler) http.Handler // intercepts the simulator's requests
	simOpts []wecomsim.Option
	opts    []Option
}

func newEnv(t *testing.T, cfg envConfig) *env {
	t.Helper()
	if cfg.users == 0 {
		cfg.users = 120
	}
	org := wecomsim.GenerateOrg(wecomsim.GenerateOptions{Seed: 7, Users: cfg.users, Departments: 12})
	simClock := wecomsim.NewFixedClock(simStart)
	if cfg.wall {
		simClock = wecomsim.NewClock()
	}
	sim := wecomsim.New(org, append([]wecomsim.Option{wecomsim.WithClock(simClock)}, cfg.simOpts...)...)
	var h http.Handler = sim.Handler()
	if cfg.wrap != nil {
		h = cfg.wrap(h)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	logger, logs := logging.Capture()
	clk := &sharedClock{sim: simClock}
	e := &env{t: t, ctx: context.Background(), dir: t.TempDir(), org: org, sim: sim, clock: clk, logs: logs,
		recips: newFakeRecipients(org)}
	clientOpts := []wecom.Option{wecom.WithBaseURL(srv.URL), wecom.WithLogger(logger),
		wecom.WithRetryBackoff(time.Millisecond, 4*time.Millisecond), wecom.WithHTTPClient(&http.Client{Transport: keepAlive()})}
	if !cfg.wall {
		clientOpts = append(clientOpts, wecom.WithClock(clk))
	}
	e.client = wecom.New(org.CorpID, clientOpts...)
	st, err := store.Open(e.ctx, e.dir)
	if err != nil {
		t.Fatal(err)
	}
	e.st = st
	res, err := st.DB.Exec(`INSERT INTO corps(corp_key, name, corp_id) VALUES('k1', '星河科技', ?)`, org.CorpID)
	if err != nil {
		t.Fatal(err)
	}
	e.corpID, _ = res.LastInsertId()
	for _, a := range org.Apps { // push_targets reference apps(corp_ref, agent_id)
		if _, err := st.DB.Exec(`INSERT INTO apps(corp_ref, name, agent_id) VALUES(?, ?, ?)`, e.corpID, a.Name, a.AgentID); err != nil {
			t.Fatal(err)
		}
	}
	e.opts = []Option{WithLogger(logger), WithPollInterval(5 * time.Millisecond),
		WithRetry(time.Second, 10*time.Second, 4), WithLocation(simStart.Location())}
	if !cfg.wall {
		e.opts = append(e.opts, WithClock(clk))
	}
	e.opts = append(e.opts, cfg.opts...)
	e.svc = New(st, e, e.recips, e.opts...)
	t.Cleanup(func() {
		e.stop()
		st.Close()
	})
	return e
}

// Client implements Clients with the simulator's apps.
// A corp a test added (addCorp) is the same simulated corp under another row.
func (e *env) Client(ctx context.Context, corpID int64) (*wecom.Client, []wecom.Credential, error) {
	if corpID != e.corpID && store.CheckCorp(ctx, e.st.DB, corpID) != nil {
		return nil, nil, fmt.Errorf("corp %d not found", corpID)
	}
	var creds []wecom.Credential
	for _, a := range e.org.Apps {
		creds = append(creds, wecom.Credential{Name: a.Name, AgentID: int64(a.AgentID), Secret: a.Secret})
	}
	return e.client, creds, nil
}

// start runs the worker.
func (e *env) start() {
	e.t.Helper()
	ctx, cancel := context.WithCancel(e.ctx)
	e.cancel = cancel
	if err := e.svc.Start(ctx); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) stop() {
	e.svc.Stop()
	if e.cancel != nil {
		e.cancel()
	}
}

// restart stops the service and starts a new one on the same store, as a
// restarted app would (in-memory state gone, the database kept).
func (e *env) restart(opts ...Option) {
	e.stop()
	e.svc = New(e.st, e, e.recips, append(append([]Option{}, e.opts...), opts...)...)
	e.start()
}

// rule saves a rule for source with one target; mutate may change the target.
func (e *env) rule(source string, msgtype string, mutate func(*Target)) Rule {
	e.t.Helper()
	t := Target{CorpID: e.corpID, AgentID: wecomsim.AgentAll, MsgType: msgtype}
	if mutate != nil {
		mutate(&t)
	}
	r, err := e.svc.CreateRule(e.ctx, Rule{Name: "rule " + source, Source: source, Enabled: true, Targets: []Target{t}})
	if err != nil {
		e.t.Fatal(err)
	}
	return r
}

// submit queues a message in-process.
func (e *env) submit(in Input) int64 {
	e.t.Helper()
	a, err := e.svc.Submit(e.ctx, in)
	if err != nil {
		e.t.Fatal(err)
	}
	return a.ID
}

// waitDone waits until message id is done and returns its status.
func (e *env) waitDone(id int64) MessageStatus {
	e.t.Helper()
	var m MessageStatus
	waitFor(e.t, fmt.Sprintf("message %d done", id), func() bool {
		var err error
		m, err = e.svc.Message(e.ctx, id)
		return err == nil && m.Status != stateQueued && m.Status != stateSending
	})
	return m
}

func (e *env) calls(api string) int64 { return e.sim.Stats()[api] }

// activeUserIDs returns n userids of active members.
func (e *env) activeUserIDs(n int) []string {
	var ids []string
	for _, u := range e.org.Users {
		if u.Status == 1 && u.Enable == 1 && len(ids) < n {
			ids = append(ids, u.UserID)
		}
	}
	if len(ids) < n {
		e.t.Fatalf("the org has %d active users, want %d", len(ids), n)
	}
	return ids
}

// keepAlive keeps enough idle connections for concurrent senders
// (http.DefaultTransport keeps 2 per host and would redial for the rest).
func keepAlive() *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 64
	return tr
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(3 * time.Millisecond)
	}
}

// fakeRecipients binds account "acc-<userid>" to each member of the org.
type fakeRecipients struct {
	mu      sync.Mutex
	users   map[string]string
	depts   map[string]int64
	admin   string
	lookups int
}

func newFakeRecipients(org *wecomsim.Org) *fakeRecipients {
	f := &fakeRecipients{users: map[string]string{}, depts: map[string]int64{}}
	for _, u := range org.Users {
		f.users["acc-"+u.UserID] = u.UserID
	}
	for _, d := range org.Departments {
		f.depts[d.Name] = int64(d.ID)
	}
	f.admin = org.Users[0].UserID
	return f
}

func (f *fakeRecipients) UserIDs(_ context.Context, _ int64, accounts []string) (map[string]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.lookups++
	out := map[string]string{}
	for _, a := range accounts {
		if u, ok := f.users[a]; ok {
			out[a] = u
		}
	}
	return out, nil
}

func (f *fakeRecipients) DepartmentIDs(_ context.Context, _ int64, paths []string) (map[string]int64, error) {
	out := map[string]int64{}
	for _, p := range paths {
		if id, ok := f.depts[p]; ok {
			out[p] = id
		}
	}
	return out, nil
}

func (f *fakeRecipients) AdminUserID(context.Context, int64) (string, error) { return f.admin, nil }

// sharedClock is the simulator's clock for the client and the service too.
// After moves it forward and fires at once, so a client's 45009 wait of a
// minute costs no real time and the simulator sees the minute pass.
type sharedClock struct {
	mu  sync.Mutex
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

func (c *sharedClock) Advance(d time.Duration) { c.sim.Advance(d) }

// intake serves the intake handler and returns a caller for it.
type intake struct {
	t   *testing.T
	url string
	key string
}

func (e *env) intake() *intake {
	e.t.Helper()
	srv := httptest.NewServer(e.svc.IntakeHandler())
	e.t.Cleanup(srv.Close)
	_, key, err := e.svc.CreateAPIKey(e.ctx, e.corpID, "oa-system", KeyPermissions{})
	if err != nil {
		e.t.Fatal(err)
	}
	return &intake{t: e.t, url: srv.URL, key: key}
}

// do sends a request with the API key and decodes the JSON answer into out.
func (c *intake) do(method, path string, body any, out any) *http.Response {
	c.t.Helper()
	var rd *bytes.Reader
	switch b := body.(type) {
	case nil:
		rd = bytes.NewReader(nil)
	case string:
		rd = bytes.NewReader([]byte(b))
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, _ := json.Marshal(b)
		rd = bytes.NewReader(raw)
	}
	req, _ := http.NewRequest(method, c.url+path, rd)
	if c.key != "" {
		req.Header.Set("Authorization", "Bearer "+c.key)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	if out != nil {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			c.t.Fatalf("%s %s: decode answer: %v", method, path, err)
		}
	}
	return resp
}

// apiError is the intake's error body.
type apiError struct {
	Error ValidationError `json:"error"`
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
