package corp

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/logging"
	"wecom-bridge/backend/secrets"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// testEnv is a service over a real SQLite file in a temp dir.
type testEnv struct {
	t      *testing.T
	ctx    context.Context
	dir    string
	st     *store.Store
	svc    *Service
	rec    *events.Recorder
	log    *slog.Logger
	logs   interface{ String() string }
	faster wecom.Option
}

func newEnv(t *testing.T) *testEnv {
	t.Helper()
	e := &testEnv{t: t, ctx: context.Background(), dir: t.TempDir(), rec: &events.Recorder{}}
	e.log, e.logs = captureLog()
	e.faster = wecom.WithRetryBackoff(time.Millisecond, 5*time.Millisecond)
	e.open()
	return e
}

func captureLog() (*slog.Logger, interface{ String() string }) {
	l, b := logging.Capture()
	return l, b
}

// open (re)opens the store and the service on the same data directory, as an app restart does.
func (e *testEnv) open() {
	e.t.Helper()
	st, err := store.Open(e.ctx, e.dir)
	if err != nil {
		e.t.Fatal(err)
	}
	svc, err := Open(e.ctx, st, WithKeyOptions(secrets.Options{Backend: secrets.BackendFile}),
		WithLogger(e.log), WithEmitter(e.rec), WithClientOptions(e.faster))
	if err != nil {
		e.t.Fatal(err)
	}
	e.st, e.svc = st, svc
	e.t.Cleanup(func() { svc.Close(); st.Close() })
}

// restart closes the service and store and opens new ones on the same directory.
func (e *testEnv) restart() {
	e.t.Helper()
	e.svc.Close()
	e.st.Close()
	e.open()
}

// startSim serves org over real HTTP; wrap may intercept requests first.
func startSim(t *testing.T, org *wecomsim.Org, wrap func(http.Handler) http.Handler, opts ...wecomsim.Option) (*wecomsim.Sim, string) {
	t.Helper()
	sim := wecomsim.New(org, opts...)
	var h http.Handler = sim.Handler()
	if wrap != nil {
		h = wrap(h)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return sim, srv.URL
}

// addSimCorp configures a corp against a simulator: its contact secret and
// the given apps (all apps when none are named).
func (e *testEnv) addSimCorp(org *wecomsim.Org, url string, agents ...int) *Corp {
	e.t.Helper()
	res, err := e.svc.SaveCorp(e.ctx, CorpInput{Name: "星河科技", CorpID: org.CorpID, APIBaseURL: url,
		ContactSecret: org.ContactSecret, ContactPermission: PermissionWrite})
	if err != nil || !res.OK {
		e.t.Fatalf("SaveCorp: %v %+v", err, res.Errors)
	}
	for _, a := range org.Apps {
		if len(agents) > 0 && !containsInt(agents, a.AgentID) {
			continue
		}
		e.addApp(res.ID, a.Name, strconv.Itoa(a.AgentID), a.Secret)
	}
	c, err := e.svc.Get(e.ctx, res.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

func (e *testEnv) addApp(corpRef int64, name, agent, secret string) SaveResult {
	e.t.Helper()
	r, err := e.svc.SaveApp(e.ctx, AppInput{CorpRef: corpRef, Name: name, AgentID: agent, Secret: secret})
	if err != nil || !r.OK {
		e.t.Fatalf("SaveApp: %v %+v", err, r.Errors)
	}
	return r
}

func (e *testEnv) check(id int64) *CheckResult {
	e.t.Helper()
	res, err := e.svc.Check(e.ctx, id)
	if err != nil {
		e.t.Fatal(err)
	}
	return res
}

// step returns the step with key, failing the test when it is missing.
func step(t *testing.T, res *CheckResult, key string) CheckStep {
	t.Helper()
	for _, s := range res.Steps {
		if s.Key == key {
			return s
		}
	}
	t.Fatalf("no step %q in %v", key, stepKeys(res))
	return CheckStep{}
}

func stepKeys(res *CheckResult) []string {
	var out []string
	for _, s := range res.Steps {
		out = append(out, s.Key+"="+s.Status)
	}
	return out
}
