package syncer

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// env is a real store in t.TempDir(), a corp row, the simulator over real
// HTTP with a real client, and an in-memory local directory.
type env struct {
	t        *testing.T
	ctx      context.Context
	st       *store.Store
	svc      *Service
	rec      *events.Recorder
	corpID   int64
	sim      *wecomsim.Sim
	url      string
	org      *wecomsim.Org
	client   *wecom.Client
	local    *memLocal
	bindings map[string]string
	rejected []Pair
	pending  []PendingPair

	clockMu sync.Mutex
	now     time.Time
}

const testRoot = "星河科技"

func testOrg() *wecomsim.Org {
	return &wecomsim.Org{CorpID: "ww00112233445566aa", ContactSecret: "contact-secret-for-tests",
		Departments: []wecomsim.Department{{ID: 1, Name: testRoot}}}
}

func newEnv(t *testing.T, org *wecomsim.Org, simOpts ...wecomsim.Option) *env {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := &env{t: t, ctx: ctx, st: st, rec: &events.Recorder{}, org: org, local: newMemLocal(), bindings: map[string]string{},
		now: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
	e.svc = e.newService()
	wwID := "ww00112233445566ff"
	if org != nil {
		wwID = org.CorpID
	}
	res, err := st.DB.Exec(`INSERT INTO corps(corp_key, name, corp_id) VALUES (?,?,?)`, "key-"+wwID, "测试企业", wwID)
	if err != nil {
		t.Fatal(err)
	}
	e.corpID, _ = res.LastInsertId()
	if org != nil {
		e.sim = wecomsim.New(org, simOpts...)
		srv := httptest.NewServer(e.sim.Handler())
		t.Cleanup(srv.Close)
		e.url = srv.URL
		e.client = wecom.New(org.CorpID, wecom.WithBaseURL(e.url), wecom.WithRetryBackoff(time.Millisecond, 5*time.Millisecond))
	}
	return e
}

// newService is a service on the same store: a restarted process.
func (e *env) newService(opts ...Option) *Service {
	opts = append([]Option{WithClock(e.clock), WithRetryBackoff(time.Millisecond)}, opts...)
	return New(e.st, e.rec, opts...)
}

func (e *env) clock() time.Time {
	e.clockMu.Lock()
	defer e.clockMu.Unlock()
	return e.now
}

func (e *env) advance(d time.Duration) {
	e.clockMu.Lock()
	e.now = e.now.Add(d)
	e.clockMu.Unlock()
}

func (e *env) cred() wecom.Credential {
	return wecom.Credential{Name: "通讯录同步", Secret: e.org.ContactSecret}
}

func (e *env) targets() Targets {
	return Targets{WeCom: BindClient(e.client, e.cred()), Local: e.local}
}

// readWeCom reads the corp like the mirror does: department/list, then user/list per department.
func (e *env) readWeCom() ([]WeComDept, []WeComUser) {
	e.t.Helper()
	depts, err := e.client.ListDepartments(e.ctx, e.cred(), 0)
	if err != nil {
		e.t.Fatal(err)
	}
	var wd []WeComDept
	var wu []WeComUser
	seen := map[string]bool{}
	for _, d := range depts {
		wd = append(wd, WeComDept{ID: d.ID, ParentID: d.ParentID, Name: d.Name, Order: d.Order})
		users, err := e.client.ListUsers(e.ctx, e.cred(), d.ID)
		if err != nil {
			e.t.Fatal(err)
		}
		for _, u := range users {
			if seen[strings.ToLower(u.UserID)] {
				continue
			}
			seen[strings.ToLower(u.UserID)] = true
			wu = append(wu, WeComUser{UserID: u.UserID, Name: u.Name, Mobile: u.Mobile, Email: u.Email, Position: u.Position,
				Departments: u.Department, MainDepartment: u.MainDepartment, Status: u.Status, Alias: u.Alias})
		}
	}
	return wd, wu
}

func (e *env) inputs() Inputs {
	wd, wu := e.readWeCom()
	ld, lu := e.local.inputs()
	b := map[string]string{}
	for k, v := range e.bindings {
		b[k] = v
	}
	return Inputs{LocalDepts: ld, LocalUsers: lu, WeComDepts: wd, WeComUsers: wu, Bindings: b,
		Rejected: e.rejected, Pending: e.pending}
}

func (e *env) options(d Direction, edit func(*Options)) Options {
	o := DefaultOptions(d)
	// Most tests fill an empty simulator: the growth thresholds have their own tests.
	o.Safety.MaxCreates, o.Safety.MaxGrowthPercent = 0, 0
	if edit != nil {
		edit(&o)
	}
	return o
}

func (e *env) plan(d Direction, opt Options) (*Plan, Inputs) {
	e.t.Helper()
	in := e.inputs()
	p, err := e.svc.Plan(e.ctx, e.corpID, d, in, opt, "tester", TriggerManual)
	if err != nil {
		e.t.Fatalf("plan: %v", err)
	}
	return p, in
}

// planApply previews and applies, failing the test on any error.
func (e *env) planApply(d Direction, opt Options) (*Plan, *Run) {
	e.t.Helper()
	p, in := e.plan(d, opt)
	run, err := e.svc.ApplyConfirmed(e.ctx, p.ID, in, e.targets(), Confirm{p.Summary.Removals, p.Summary.Creates()}, "tester")
	if err != nil {
		e.t.Fatalf("apply plan %d: %v\n%s", p.ID, err, e.failures(p.ID))
	}
	return p, run
}

func (e *env) failures(planID int64) string {
	page, _ := e.svc.PlanOps(e.ctx, planID, OpQuery{State: StateFailed, Limit: 200})
	var b strings.Builder
	if page != nil {
		for _, op := range page.Ops {
			fmt.Fprintf(&b, "  #%d %s %s: %d %s\n", op.Seq, op.Type, op.Target, op.Errcode, op.Errmsg)
		}
	}
	return b.String()
}

func countOps(p *Plan, t OpType) int { return p.Summary.Counts[t] }

func opsOf(p *Plan, t OpType) []*Op {
	var out []*Op
	for _, op := range p.Ops {
		if op.Type == t {
			out = append(out, op)
		}
	}
	return out
}

// simUser finds a member in the live simulator.
func (e *env) simUser(userid string) *wecomsim.User {
	for _, u := range e.sim.Org().Users {
		if strings.EqualFold(u.UserID, userid) {
			return &u
		}
	}
	return nil
}

func (e *env) simDeptByPath(path string) *wecomsim.Department {
	o := e.sim.Org()
	byID := map[int]wecomsim.Department{}
	for _, d := range o.Departments {
		byID[d.ID] = d
	}
	var pathOf func(id int) string
	pathOf = func(id int) string {
		d := byID[id]
		if d.ParentID == 0 {
			return d.Name
		}
		return pathOf(d.ParentID) + "/" + d.Name
	}
	for _, d := range o.Departments {
		if pathOf(d.ID) == path {
			return &d
		}
	}
	return nil
}
