package syncer

import (
	"context"
	"strings"
	"testing"

	"wecom-bridge/backend/mirror"
	"wecom-bridge/backend/wecom/wecomsim"
)

// mirrorEnv is env with the real mirror: plans read WeCom from it, applies
// write through to it.
type mirrorEnv struct {
	*env
	m *mirror.Service
}

func newMirrorEnv(t *testing.T, org *wecomsim.Org) *mirrorEnv {
	e := newEnv(t, org)
	me := &mirrorEnv{env: e, m: mirror.New(e.st, nil)}
	e.svc = e.newService(WithMirror(me.m))
	me.pull()
	return me
}

func (me *mirrorEnv) pull() *mirror.Run {
	me.t.Helper()
	run, err := me.m.Pull(me.ctx, me.corpID, me.client, me.cred(), mirror.TriggerManual, "tester")
	if err != nil {
		me.t.Fatalf("pull: %v", err)
	}
	return run
}

// observed reads the mirror as a plan would.
func (me *mirrorEnv) observed() *Observed {
	me.t.Helper()
	depts, err := me.m.Departments(me.ctx, me.corpID)
	if err != nil {
		me.t.Fatal(err)
	}
	users, err := me.m.Users(me.ctx, me.corpID)
	if err != nil {
		me.t.Fatal(err)
	}
	o := &Observed{}
	for _, d := range depts {
		o.Depts = append(o.Depts, WeComDept{ID: d.ID, ParentID: d.ParentID, Name: d.Name, Order: d.SortOrder})
	}
	for _, u := range users {
		enable := 0
		if u.Enable {
			enable = 1
		}
		o.Users = append(o.Users, WeComUser{UserID: u.UserID, Name: u.Name, Mobile: u.Mobile, Email: u.Email, Position: u.Position,
			Departments: u.Departments, MainDepartment: u.MainDepartment, Status: u.Status, Enable: enable, Alias: u.Alias})
	}
	return o
}

// mirrorInputs are the inputs with WeCom read from the mirror, not from WeCom.
func (me *mirrorEnv) mirrorInputs() Inputs {
	in := me.inputs()
	o := me.observed()
	in.WeComDepts, in.WeComUsers = o.Depts, o.Users
	return in
}

func (me *mirrorEnv) apply(opt Options, readBack bool) (*Plan, *Run) {
	me.t.Helper()
	in := me.mirrorInputs()
	p, err := me.svc.Plan(me.ctx, me.corpID, ToWeCom, in, opt, "tester", TriggerManual)
	if err != nil {
		me.t.Fatal(err)
	}
	t := me.targets()
	if readBack {
		t.ReadBack = func(ctx context.Context) (*Observed, error) {
			before := me.observed()
			run := me.pull()
			after := me.observed()
			after.APICalls, after.Before = run.APICalls, before
			return after, nil
		}
	}
	run, err := me.svc.ApplyConfirmed(me.ctx, p.ID, in, t, Confirm{p.Summary.Removals, p.Summary.Creates()}, "tester")
	if err != nil {
		me.t.Fatalf("apply: %v\n%s", err, me.failures(p.ID))
	}
	return p, run
}

func writeOrg() *wecomsim.Org {
	org := testOrg()
	org.Departments = append(org.Departments, wecomsim.Department{ID: 2, Name: "研发部", ParentID: 1})
	org.Users = []wecomsim.User{
		{UserID: "lisi", Name: "李四", Department: []int{2}, Position: "经理", Mobile: "13900000002", Status: 1, Enable: 1},
		{UserID: "zhao", Name: "赵六", Department: []int{2}, Position: "工程师", Mobile: "13900000006", Status: 1, Enable: 1},
	}
	return org
}

// Every operation an apply finishes is written through to the mirror: a
// plan right after the apply, from the mirror and without a pull, is
// empty, and the mirror equals a fresh pull.
func TestWriteThroughMakesTheNextPlanEmpty(t *testing.T) {
	me := newMirrorEnv(t, writeOrg())
	me.local.add("lisi", "李四", "13900000002", testRoot+"/研发部/后端组")
	me.local.accts["lisi"].Position = "总监"
	me.local.add("zhao", "赵六", "13900000006", testRoot+"/研发部")
	me.local.resign("zhao")
	for i, acc := range []string{"a1", "a2", "a3"} {
		me.local.add(acc, "新人"+acc, "1370000000"+string(rune('1'+i)), testRoot+"/市场部")
	}
	me.bindings["lisi"], me.bindings["zhao"] = "lisi", "zhao"
	opt := me.options(ToWeCom, func(o *Options) { o.Safety = Safety{} })

	p, run := me.apply(opt, false)
	if run.Status != RunDone || countOps(p, OpCreateUser) != 3 || countOps(p, OpCreateDepartment) != 2 ||
		countOps(p, OpMoveUser) != 1 || countOps(p, OpDisableUser) != 1 {
		t.Fatalf("first apply: %s %+v", p.Summary, run)
	}
	again, err := me.svc.Plan(me.ctx, me.corpID, ToWeCom, me.mirrorInputs(), opt, "tester", TriggerManual)
	if err != nil || again.Summary.Total != 0 {
		t.Fatalf("a plan right after the apply repeats it: %v %s %+v", err, again.Summary, again.Ops)
	}
	written := me.observed()
	me.pull()
	if d := drift(written, me.observed()); d != 0 {
		t.Fatalf("the written-through mirror differs from a fresh pull in %d departments/members", d)
	}
}

// WeCom ignores the mobile of an activated member: the plan warns instead
// of planning it. A field the simulator is told to ignore is caught by the
// read-back and marked not_applied with the reason.
func TestIgnoredChangesAreWarningsAndNotApplied(t *testing.T) {
	me := newMirrorEnv(t, writeOrg())
	me.local.add("lisi", "李四", "13800000009", testRoot+"/研发部")
	me.local.accts["lisi"].Position = "总监"
	me.bindings["lisi"] = "lisi"
	opt := me.options(ToWeCom, func(o *Options) { o.Safety = Safety{} })

	me.sim.IgnoreUserFields("position")
	p, run := me.apply(opt, true)
	if len(p.Ops) != 1 || p.Ops[0].After.Mobile != nil || !hasWarning(p, "mobile_locked", "lisi") {
		t.Fatalf("the activated member's mobile must be a warning, never an operation: %+v %+v", p.Ops, p.Warnings)
	}
	if w := p.Warnings[0]; !strings.Contains(w.EN, "WeCom does not allow changing the mobile of the activated member") || strings.Contains(w.EN, "13800000009") {
		t.Fatalf("warning: %+v", w)
	}
	if run.NotApplied != 1 || run.Done != 0 || run.ReadBack == nil || run.ReadBack.Checked != 1 || run.ReadBack.APICalls == 0 {
		t.Fatalf("run: %+v %+v", run, run.ReadBack)
	}
	page, _ := me.svc.PlanOps(me.ctx, p.ID, OpQuery{State: StateNotApplied})
	if page.Total != 1 || !strings.Contains(page.Ops[0].Errmsg, `position is "经理", not "总监"`) || page.Ops[0].Fix == nil || page.Ops[0].Fix.EN == "" {
		t.Fatalf("not_applied op: %+v", page.Ops)
	}
	stored, _ := me.svc.GetRun(me.ctx, run.ID)
	if stored.NotApplied != 1 || stored.ReadBack.Drift != 1 {
		t.Fatalf("stored run: %+v %+v", stored, stored.ReadBack)
	}
	// A resume does not re-run what WeCom ignored.
	if r, err := me.svc.Resume(me.ctx, run.ID, me.targets()); err != nil || r.Status != RunDone {
		t.Fatalf("resume: %v %+v", err, r)
	}

	me.sim.IgnoreUserFields()
	p, run = me.apply(opt, true)
	if len(p.Ops) != 1 || run.NotApplied != 0 || run.Done != 1 || run.ReadBack.Drift != 0 {
		t.Fatalf("without the ignore rule: %s %+v %+v", p.Summary, run, run.ReadBack)
	}
}
