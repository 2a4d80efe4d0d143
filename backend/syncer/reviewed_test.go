package syncer

import (
	"strings"
	"testing"

	"wecom-bridge/backend/wecom/wecomsim"
)

// reviewOrg has a WeCom member wangfang who is not the local wangfang, and
// a member lisi whose binding to the local lisi awaits review.
func reviewOrg() *wecomsim.Org {
	org := testOrg()
	org.Departments = append(org.Departments, wecomsim.Department{ID: 2, Name: "研发部", ParentID: 1})
	org.Users = []wecomsim.User{
		{UserID: "wangfang", Name: "王芳", Department: []int{2}, Position: "外部顾问", Email: "wf@other.example", Status: 1, Enable: 1},
		{UserID: "lisi", Name: "李四", Department: []int{2}, Position: "经理", Mobile: "13900000002", Status: 1, Enable: 1},
	}
	return org
}

func reviewLocal(e *env) {
	e.local.add("wangfang", "王芳", "13900000001", testRoot+"/研发部")
	e.local.accts["wangfang"].Position = "工程师"
	e.local.accts["wangfang"].Email = "wangfang@example.com"
	e.local.add("lisi", "李四", "13900000002", testRoot)
	e.local.accts["lisi"].Position = "总监"
}

func opsFor(p *Plan, target string) []*Op {
	var out []*Op
	for _, op := range p.Ops {
		if strings.EqualFold(op.Target, target) || op.After != nil && strings.EqualFold(op.After.UserID, target) {
			out = append(out, op)
		}
	}
	return out
}

func hasWarning(p *Plan, code, subject string) bool {
	for _, w := range p.Warnings {
		if w.Code == code && (subject == "" || w.Subject == subject) {
			return true
		}
	}
	return false
}

// A rejected pair is never touched, in either direction, and the account is
// not created under the taken userid: the plan warns and names both sides.
func TestRejectedPairUntouchedBothDirections(t *testing.T) {
	e := newEnv(t, reviewOrg())
	reviewLocal(e)
	e.rejected = []Pair{{Account: "wangfang", UserID: "wangfang"}}
	e.bindings["lisi"] = "lisi"

	to, _ := e.plan(ToWeCom, e.options(ToWeCom, func(o *Options) { o.Safety = Safety{} }))
	if ops := opsFor(to, "wangfang"); len(ops) != 0 {
		t.Fatalf("to-wecom touches the rejected member: %+v", ops[0])
	}
	if len(to.Untouched) != 1 || to.Untouched[0].State != "rejected" || to.Summary.Untouched != 0 {
		t.Fatalf("the rejected pair is listed, not counted as awaiting review: %+v", to.Untouched)
	}
	if !hasWarning(to, "userid_collision", "wangfang") {
		t.Fatalf("want a userid_collision warning: %+v", to.Warnings)
	}
	w := to.Warnings[0]
	if !strings.Contains(w.ZH, "王芳") || !strings.Contains(w.EN, "WeCom member wangfang") || !strings.Contains(w.EN, "Local account wangfang") {
		t.Fatalf("the warning names both sides: %+v", w)
	}
	if len(opsFor(to, "lisi")) != 1 {
		t.Fatalf("the confirmed pair is synced: %s", to.Summary)
	}

	from, _ := e.plan(FromWeCom, e.options(FromWeCom, func(o *Options) {
		o.CreateAccounts, o.ResignLeavers, o.SyncDepartments, o.TopDepartment, o.Safety = true, true, true, 1, Safety{}
	}))
	if ops := opsFor(from, "wangfang"); len(ops) != 0 {
		t.Fatalf("from-wecom touches the rejected account: %+v", ops[0])
	}
	if !hasWarning(from, "account_collision", "wangfang") {
		t.Fatalf("want an account_collision warning: %+v", from.Warnings)
	}

	// Applying the to-wecom plan leaves the member exactly as it was.
	to, _ = e.planApply(ToWeCom, e.options(ToWeCom, func(o *Options) { o.Safety = Safety{} }))
	if m := e.simUser("wangfang"); m.Position != "外部顾问" || m.Email != "wf@other.example" || m.Department[0] != 2 {
		t.Fatalf("the rejected member changed: %+v", m)
	}

	// With another WeCom userid the account becomes a new member.
	e.local.accts["wangfang"].wecomUserID = "wangfang2"
	p, _ := e.planApply(ToWeCom, e.options(ToWeCom, func(o *Options) { o.Safety = Safety{} }))
	if c := opsOf(p, OpCreateUser); len(c) != 1 || c[0].Target != "wangfang2" || hasWarning(p, "userid_collision", "") {
		t.Fatalf("wecom_userid: %s %+v", p.Summary, p.Warnings)
	}
	if m := e.simUser("wangfang2"); m == nil || m.Position != "工程师" {
		t.Fatalf("wangfang2: %+v", m)
	}
	// The created member is managed from now on (recorded by the apply).
	e.local.accts["wangfang"].Position = "高级工程师"
	p, _ = e.plan(ToWeCom, e.options(ToWeCom, nil))
	if u := opsOf(p, OpUpdateUser); len(u) != 1 || u[0].Target != "wangfang2" {
		t.Fatalf("the created member follows its account: %s", p.Summary)
	}
}

// A proposed pair is left alone by default and counted as untouched; with
// ManageKeyMatches a key proposal is managed, a name proposal never.
func TestProposedPairUntouchedUnlessKeyMatchesManaged(t *testing.T) {
	e := newEnv(t, reviewOrg())
	reviewLocal(e)
	e.rejected = []Pair{{Account: "wangfang", UserID: "wangfang"}}
	e.pending = []PendingPair{{State: "proposed", Method: "userid", Account: "lisi", UserID: "lisi"}}

	for _, d := range []Direction{ToWeCom, FromWeCom} {
		p, _ := e.plan(d, e.options(d, func(o *Options) { o.CreateAccounts, o.TopDepartment, o.Safety = true, 1, Safety{} }))
		if ops := opsFor(p, "lisi"); len(ops) != 0 {
			t.Fatalf("%s: the proposed pair is touched: %+v", d, ops[0])
		}
		if p.Summary.Untouched != 1 || len(p.Untouched) != 2 || p.Untouched[1].Account != "lisi" || p.Untouched[1].UserID != "lisi" {
			t.Fatalf("%s: untouched %d %+v", d, p.Summary.Untouched, p.Untouched)
		}
		stored, _ := e.svc.GetPlan(e.ctx, p.ID)
		if len(stored.Untouched) != 2 || stored.Summary.Untouched != 1 {
			t.Fatalf("%s: stored untouched %+v", d, stored.Untouched)
		}
	}

	on := func(o *Options) { o.ManageKeyMatches, o.Safety = true, Safety{} }
	p, _ := e.plan(ToWeCom, e.options(ToWeCom, on))
	if ops := opsFor(p, "lisi"); len(ops) != 1 || ops[0].Type != OpMoveUser || p.Summary.Untouched != 0 {
		t.Fatalf("a key match is managed with the option on: %s %+v", p.Summary, ops)
	}
	p, _ = e.plan(FromWeCom, e.options(FromWeCom, on))
	if ops := opsFor(p, "lisi"); len(ops) != 1 || *ops[0].After.Position != "经理" {
		t.Fatalf("from-wecom with the option: %+v", ops)
	}

	e.pending = []PendingPair{{State: "proposed", Method: "name", Account: "lisi", UserID: "lisi"}}
	p, _ = e.plan(ToWeCom, e.options(ToWeCom, on))
	if ops := opsFor(p, "lisi"); len(ops) != 0 || p.Summary.Untouched != 1 {
		t.Fatalf("a name match is never managed unconfirmed: %+v", ops)
	}

	// An ambiguous row anchored on a local account: neither the account
	// nor any candidate is touched, and the account is not created.
	e.pending = []PendingPair{{State: "ambiguous", Method: "name", Account: "zhao", Candidates: []string{"lisi"}}}
	e.local.add("zhao", "赵六", "13900000009", testRoot)
	p, _ = e.plan(ToWeCom, e.options(ToWeCom, on))
	if len(opsFor(p, "zhao")) != 0 || len(opsFor(p, "lisi")) != 0 || p.Summary.Untouched != 1 {
		t.Fatalf("ambiguous row: %s %+v", p.Summary, p.Ops)
	}
}
