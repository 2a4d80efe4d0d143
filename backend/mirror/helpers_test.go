package mirror

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// env is a real store in t.TempDir(), a corp row, and the simulator over real HTTP.
type env struct {
	t      *testing.T
	st     *store.Store
	svc    *Service
	rec    *events.Recorder
	corpID int64
	org    *wecomsim.Org
	sim    *wecomsim.Sim
	url    string
}

func newEnv(t *testing.T, org *wecomsim.Org, wrap func(http.Handler) http.Handler, opts ...wecomsim.Option) *env {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := &env{t: t, st: st, rec: &events.Recorder{}, org: org}
	e.svc = New(st, e.rec)
	e.corpID = e.addCorp("测试企业", org.CorpID)
	e.sim = wecomsim.New(org, opts...)
	h := e.sim.Handler()
	if wrap != nil {
		h = wrap(h)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	e.url = srv.URL
	return e
}

func (e *env) addCorp(name, wecomCorpID string) int64 {
	e.t.Helper()
	res, err := e.st.DB.Exec(`INSERT INTO corps(corp_key, name, corp_id) VALUES (?,?,?)`,
		"key-"+wecomCorpID, name, wecomCorpID)
	if err != nil {
		e.t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	return id
}

// client is a fresh client: a cold token, quick retries.
func (e *env) client() *wecom.Client {
	return wecom.New(e.org.CorpID, wecom.WithBaseURL(e.url),
		wecom.WithRetryBackoff(time.Millisecond, 5*time.Millisecond))
}

func (e *env) contactCred() wecom.Credential {
	return wecom.Credential{Name: "通讯录同步", Secret: e.org.ContactSecret}
}

func (e *env) appCred(agentID int) wecom.Credential {
	for _, a := range e.org.Apps {
		if a.AgentID == agentID {
			return wecom.Credential{Name: a.Name, AgentID: int64(a.AgentID), Secret: a.Secret}
		}
	}
	e.t.Fatalf("no app %d", agentID)
	return wecom.Credential{}
}

func (e *env) pull(cred wecom.Credential) (*Run, error) {
	return e.svc.Pull(context.Background(), e.corpID, e.client(), cred, TriggerManual, "test")
}

func (e *env) mustPull(cred wecom.Credential) *Run {
	e.t.Helper()
	run, err := e.pull(cred)
	if err != nil {
		e.t.Fatalf("pull: %v", err)
	}
	return run
}

func (e *env) users() []User {
	e.t.Helper()
	us, err := e.svc.Users(context.Background(), e.corpID)
	if err != nil {
		e.t.Fatal(err)
	}
	return us
}

// orgPaths returns each department's path (names root → leaf) in org.
func orgPaths(org *wecomsim.Org) map[int64][]string {
	byID := map[int]wecomsim.Department{}
	for _, d := range org.Departments {
		byID[d.ID] = d
	}
	out := map[int64][]string{}
	for _, d := range org.Departments {
		var p []string
		for cur, ok := d, true; ok; cur, ok = byID[cur.ParentID] {
			p = append(p, cur.Name)
		}
		slices.Reverse(p)
		out[int64(d.ID)] = p
	}
	return out
}

// failDepartments wraps the simulator: while on is set, user/list of the
// departments in codes answers that errcode, or that HTTP status when the
// code is negative (-502 → HTTP 502).
func failDepartments(on *atomic.Bool, codes map[int]int) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			id, _ := strconv.Atoi(r.URL.Query().Get("department_id"))
			code, fail := codes[id]
			if !on.Load() || !fail || !strings.HasSuffix(r.URL.Path, "/user/list") {
				next.ServeHTTP(w, r)
				return
			}
			if code < 0 {
				w.WriteHeader(-code)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"errcode":` + strconv.Itoa(code) + `,"errmsg":"simulated failure, hint: [test]"}`))
		})
	}
}
