package syncer

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom/wecomsim"
)

// orgWithMembers is the test org with n active members u01…, all in 研发部 (id 2).
func orgWithMembers(n int) *wecomsim.Org {
	org := testOrg()
	org.Departments = append(org.Departments, wecomsim.Department{ID: 2, Name: "研发部", ParentID: 1})
	for i := 1; i <= n; i++ {
		org.Users = append(org.Users, wecomsim.User{UserID: fmt.Sprintf("u%02d", i), Name: fmt.Sprintf("成员%02d", i),
			Department: []int{2}, Mobile: fmt.Sprintf("1390000%04d", i), Status: 1, Enable: 1})
	}
	return org
}

// bindAll gives the local directory accounts a01… bound to members u01…
// for the first n members.
func (e *env) bindAll(n int) {
	for i := 1; i <= n; i++ {
		acc := fmt.Sprintf("a%02d", i)
		e.local.add(acc, fmt.Sprintf("成员%02d", i), fmt.Sprintf("1390000%04d", i), testRoot+"/研发部")
		e.bindings[acc] = fmt.Sprintf("u%02d", i)
	}
}

// 用户范围（排除）的优先级高于 用户范围（包含）; a bound member that falls out
// of scope is planned as a removal, not dropped silently.
func TestExclusionBeatsInclusion(t *testing.T) {
	e := newEnv(t, orgWithMembers(2))
	e.bindAll(2)
	e.local.add("newbie", "新人", "13800000009", testRoot+"/研发部")
	opt := e.options(ToWeCom, func(o *Options) {
		o.Scope.IncludeUsers = []string{"a01", "A02", "newbie"}
		o.Scope.ExcludeUsers = []string{"a02", "NEWBIE"}
		o.Safety = Safety{}
	})
	p, _ := e.planApply(ToWeCom, opt)
	if countOps(p, OpCreateUser) != 0 {
		t.Fatalf("an excluded new account must not be created: %s", p.Summary)
	}
	dis := opsOf(p, OpDisableUser)
	if len(dis) != 1 || dis[0].Target != "u02" || dis[0].Reason != ReasonOutOfScope {
		t.Fatalf("the bound, excluded a02 must be listed as a removal: %+v", p.Ops)
	}
	if u := e.simUser("u02"); u.Status != 2 {
		t.Fatal("u02 should be disabled")
	}
	if u := e.simUser("u01"); u.Status != 1 {
		t.Fatal("u01 is included and stays")
	}
}

func TestSafetyBlockAndConfirm(t *testing.T) {
	e := newEnv(t, orgWithMembers(10))
	e.bindAll(10)
	for i := 5; i <= 10; i++ {
		e.local.resign(fmt.Sprintf("a%02d", i))
	}
	opt := e.options(ToWeCom, func(o *Options) { o.Safety = Safety{MaxRemovals: 3} })
	p, in := e.plan(ToWeCom, opt)
	if !p.Blocked || p.HardBlocked || p.Summary.Removals != 6 || p.Reasons[0].Code != "removals_count" {
		t.Fatalf("6 removals > 3 must block: %+v", p.Verdict)
	}
	for _, c := range []int{NoConfirm, 0, 5} {
		if _, err := e.svc.Apply(e.ctx, p.ID, in, e.targets(), c, "tester"); !errors.Is(err, ErrBlocked) || !strings.Contains(err.Error(), "--confirm 6") {
			t.Fatalf("confirm %d: want ErrBlocked naming the count, got %v", c, err)
		}
	}
	run, err := e.svc.Apply(e.ctx, p.ID, in, e.targets(), 6, "tester")
	if err != nil || run.Done != 6 {
		t.Fatalf("confirmed apply: %v %+v", err, run)
	}

	// Percent and drop thresholds.
	e2 := newEnv(t, orgWithMembers(10))
	e2.bindAll(10)
	e2.local.resign("a01")
	e2.local.resign("a02")
	p, _ = e2.plan(ToWeCom, e2.options(ToWeCom, func(o *Options) { o.Safety = Safety{MaxRemovalPercent: 15} }))
	if !p.Blocked || p.Reasons[0].Code != "removals_percent" {
		t.Fatalf("20%% > 15%% must block: %+v", p.Verdict)
	}
	in2 := e2.inputs()
	in2.LastRunUserCount = 12
	p, err = e2.svc.Plan(e2.ctx, e2.corpID, ToWeCom, in2, e2.options(ToWeCom, func(o *Options) { o.Safety = Safety{MaxUserDrop: 3} }), "t", TriggerManual)
	if err != nil || !p.Blocked || p.Reasons[0].Code != "user_drop" || p.Summary.UsersAfter != 8 {
		t.Fatalf("12 → 8 users is a drop of 4 > 3: %v %+v %+v", err, p.Verdict, p.Summary)
	}
	in2.SourceErrors = []string{"department 7: errcode -1"}
	p, _ = e2.svc.Plan(e2.ctx, e2.corpID, ToWeCom, in2, e2.options(ToWeCom, func(o *Options) { o.Safety = Safety{} }), "t", TriggerManual)
	if !p.Blocked || p.Reasons[0].Code != "source_errors" {
		t.Fatalf("a read with errors must block: %+v", p.Verdict)
	}
}

// An empty or broken import must never wipe WeCom, thresholds or not.
func TestEmptyLocalDirectoryNeverEmptiesWeCom(t *testing.T) {
	e := newEnv(t, orgWithMembers(5))
	for i := 1; i <= 5; i++ {
		e.bindings[fmt.Sprintf("a%02d", i)] = fmt.Sprintf("u%02d", i)
	}
	e.local.ensure(testRoot + "/研发部") // departments survived, accounts did not
	opt := e.options(ToWeCom, func(o *Options) { o.Safety = Safety{}; o.Leavers = LeaversDelete })
	p, in := e.plan(ToWeCom, opt)
	if p.Summary.Removals != 5 || !p.HardBlocked || p.Reasons[0].Code != "empty_source" {
		t.Fatalf("want a hard block: %+v %+v", p.Summary, p.Verdict)
	}
	if _, err := e.svc.Apply(e.ctx, p.ID, in, e.targets(), 5, "tester"); !errors.Is(err, ErrBlocked) {
		t.Fatalf("even a confirmed apply must be refused: %v", err)
	}
	if len(e.sim.Org().Users) != 5 {
		t.Fatal("WeCom lost members")
	}
}

func TestStalePlanIsRefused(t *testing.T) {
	e := newEnv(t, testOrg())
	e.local.add("alice", "张三", "13800000001", testRoot+"/研发部")
	opt := e.options(ToWeCom, nil)
	p1, in1 := e.plan(ToWeCom, opt)
	p2, _ := e.plan(ToWeCom, opt)
	if p1.Fingerprint != p2.Fingerprint {
		t.Fatal("the same inputs must give the same fingerprint")
	}
	e.local.add("bob", "李四", "13800000002", testRoot+"/研发部")
	_, err := e.svc.Apply(e.ctx, p1.ID, e.inputs(), e.targets(), NoConfirm, "tester")
	if !errors.Is(err, ErrStalePlan) || !strings.Contains(usererr.ZH(err), "请重新预览") {
		t.Fatalf("want ErrStalePlan, got %v", err)
	}
	// Applying a plan supersedes the older previews.
	p3, in3 := e.plan(ToWeCom, opt)
	if _, err := e.svc.Apply(e.ctx, p3.ID, in3, e.targets(), NoConfirm, "tester"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Apply(e.ctx, p1.ID, in1, e.targets(), NoConfirm, "tester"); !errors.Is(err, ErrStalePlan) {
		t.Fatalf("a superseded plan must be refused: %v", err)
	}
	if _, err := e.svc.Apply(e.ctx, p3.ID, in3, e.targets(), NoConfirm, "tester"); err == nil {
		t.Fatal("a plan applies once")
	}
}

// Housekeeping removes superseded plans older than the retention, with
// their operations; applied plans, fresh ones and other previews stay.
func TestDeleteSupersededBefore(t *testing.T) {
	e := newEnv(t, testOrg())
	e.local.add("alice", "张三", "13800000001", testRoot)
	opt := e.options(ToWeCom, nil)
	old, _ := e.plan(ToWeCom, opt)
	e.advance(10 * 24 * time.Hour)
	fresh, _ := e.plan(ToWeCom, opt)
	applied, _ := e.planApply(ToWeCom, opt)
	n, err := e.svc.DeleteSupersededBefore(e.ctx, e.clock().Add(-7*24*time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("removed %d: %v", n, err)
	}
	if _, err := e.svc.GetPlan(e.ctx, old.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("the old superseded plan stays: %v", err)
	}
	var ops int
	e.st.DB.Get(&ops, `SELECT COUNT(*) FROM sync_ops WHERE plan_id = ?`, old.ID)
	if ops != 0 {
		t.Fatal("its operations stay")
	}
	for _, id := range []int64{fresh.ID, applied.ID} {
		if _, err := e.svc.GetPlan(e.ctx, id); err != nil {
			t.Fatalf("plan %d must stay: %v", id, err)
		}
	}
}

// History is in time order: a run is listed at the time it started, above
// previews made before it, even when its plan is older.
func TestHistoryNewestFirst(t *testing.T) {
	e := newEnv(t, testOrg())
	e.local.add("alice", "张三", "13800000001", testRoot)
	opt := e.options(ToWeCom, nil)
	first, in := e.plan(ToWeCom, opt)
	e.advance(time.Minute)
	second, _ := e.plan(ToWeCom, opt)
	e.advance(time.Minute)
	if _, err := e.svc.Apply(e.ctx, first.ID, in, e.targets(), NoConfirm, "tester"); err != nil {
		t.Fatal(err)
	}
	page, err := e.svc.Runs(e.ctx, e.corpID, HistoryQuery{})
	if err != nil || len(page.Entries) != 2 {
		t.Fatalf("history: %v %+v", err, page)
	}
	if page.Entries[0].PlanID != first.ID || page.Entries[0].Kind != "run" || page.Entries[1].PlanID != second.ID {
		t.Fatalf("order: %+v", page.Entries)
	}
}
