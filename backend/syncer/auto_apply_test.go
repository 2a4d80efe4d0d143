package syncer

import (
	"context"
	"testing"
)

// scheduler runs RunOnce over the env's inputs and writers.
func (e *env) scheduler(n Notifier) *Scheduler {
	planner := func(context.Context, int64, Direction, bool) (Inputs, Targets, error) {
		return e.inputs(), e.targets(), nil
	}
	return NewScheduler(e.svc, planner, n, nil)
}

func (e *env) saveOptions(d Direction, edit func(*Options)) {
	e.t.Helper()
	if err := e.svc.SetOptions(e.ctx, e.corpID, d, e.options(d, edit)); err != nil {
		e.t.Fatal(err)
	}
}

// pendingOne returns the corp's only pending preview, failing otherwise.
func (e *env) pendingOne(why string) PendingPreview {
	e.t.Helper()
	for _, corp := range []int64{e.corpID, 0} {
		list, err := e.svc.PendingPreviews(e.ctx, corp)
		if err != nil || len(list) != 1 {
			e.t.Fatalf("pending previews of %d: %v %+v", corp, err, list)
		}
		if list[0].Why.Code != why || list[0].CorpName != "测试企业" || list[0].CorpDemo || list[0].Total == 0 {
			e.t.Fatalf("pending preview: %+v", list[0])
		}
	}
	list, _ := e.svc.PendingPreviews(e.ctx, e.corpID)
	return list[0]
}

func (e *env) noPending() {
	e.t.Helper()
	if list, err := e.svc.PendingPreviews(e.ctx, 0); err != nil || len(list) != 0 {
		e.t.Fatalf("want no pending preview: %v %+v", err, list)
	}
}

// With "apply scheduled plans" off, a callback's plan is kept as a pending
// preview (until discarded or applied); on, it applies, and the rejected
// pair is left exactly as it was.
func TestAutoApplySetting(t *testing.T) {
	e := newEnv(t, reviewOrg())
	reviewLocal(e)
	e.rejected = []Pair{{Account: "wangfang", UserID: "wangfang"}}
	e.bindings["lisi"] = "lisi"
	n := &recNotifier{}
	sc := e.scheduler(n)
	e.saveOptions(ToWeCom, func(o *Options) { o.Safety, o.Schedule.AutoApply = Safety{}, false })

	plan, run, err := sc.RunOnce(e.ctx, e.corpID, ToWeCom, false, TriggerCallback)
	if err != nil || run != nil || plan.Status != PlanPreview || plan.Summary.Total == 0 {
		t.Fatalf("auto-apply off keeps the plan: %v %+v %+v", err, run, plan)
	}
	if e.simUser("lisi").Position != "经理" || n.count() != 1 {
		t.Fatalf("nothing applied, the admins told once: %+v %v", e.simUser("lisi"), n.reasons)
	}
	p := e.pendingOne("sync_schedule_manual")
	if p.PlanID != plan.ID || p.Direction != ToWeCom || p.Trigger != TriggerCallback || p.Blocked {
		t.Fatalf("pending: %+v", p)
	}
	if len(e.rec.Named(PendingEvent)) == 0 {
		t.Fatal("the UI is told about the pending preview")
	}

	if err := e.svc.DiscardPreview(e.ctx, plan.ID, "admin"); err != nil {
		t.Fatal(err)
	}
	e.noPending()
	if again, _ := e.svc.GetPlan(e.ctx, plan.ID); again.Status != PlanPreview {
		t.Fatalf("a discarded preview stays in the history: %+v", again)
	}
	plan2, _, _ := sc.RunOnce(e.ctx, e.corpID, ToWeCom, false, TriggerCallback)
	if p := e.pendingOne("sync_schedule_manual"); p.PlanID != plan2.ID {
		t.Fatalf("the next plan waits again: %+v", p)
	}

	e.saveOptions(ToWeCom, func(o *Options) { o.Safety, o.Schedule.AutoApply = Safety{}, true })
	_, run, err = sc.RunOnce(e.ctx, e.corpID, ToWeCom, false, TriggerCallback)
	if err != nil || run == nil || run.Status != RunDone {
		t.Fatalf("auto-apply on applies: %v %+v", err, run)
	}
	if e.simUser("lisi").Position != "总监" {
		t.Fatalf("the confirmed pair is synced: %+v", e.simUser("lisi"))
	}
	if m := e.simUser("wangfang"); m.Position != "外部顾问" || m.Email != "wf@other.example" {
		t.Fatalf("the rejected pair is untouched: %+v", m)
	}
	e.noPending()
	if err := e.svc.DiscardPreview(e.ctx, plan2.ID, "admin"); err == nil {
		t.Fatal("a superseded plan is not a preview to discard")
	}
}

// A plan the safety checks block waits, whatever auto-apply says.
func TestAutoApplyKeepsBlockedPlanPending(t *testing.T) {
	e := newEnv(t, orgWithMembers(4))
	e.bindAll(4)
	for _, acc := range []string{"a01", "a02", "a03"} {
		e.local.resign(acc)
	}
	e.saveOptions(ToWeCom, func(o *Options) { o.Safety = Safety{MaxRemovals: 1} })
	_, run, err := e.scheduler(&recNotifier{}).RunOnce(e.ctx, e.corpID, ToWeCom, false, TriggerCallback)
	if err != nil || run != nil {
		t.Fatalf("blocked: %v %+v", err, run)
	}
	if p := e.pendingOne("sync_schedule_blocked"); !p.Blocked || p.Removals != 3 {
		t.Fatalf("pending: %+v", p)
	}
	if e.simUser("u01").Status != 1 {
		t.Fatal("nobody disabled")
	}
}

// A plan that manages a key match nobody confirmed (ManageKeyMatches) is
// never applied unattended; once the pair is confirmed it is.
func TestAutoApplyNeedsConfirmedPairs(t *testing.T) {
	e := newEnv(t, reviewOrg())
	reviewLocal(e)
	e.rejected = []Pair{{Account: "wangfang", UserID: "wangfang"}}
	e.pending = []PendingPair{{State: "proposed", Method: "userid", Account: "lisi", UserID: "lisi"}}
	e.saveOptions(ToWeCom, func(o *Options) { o.Safety, o.ManageKeyMatches = Safety{}, true })
	sc := e.scheduler(&recNotifier{})
	plan, run, err := sc.RunOnce(e.ctx, e.corpID, ToWeCom, false, TriggerCallback)
	if err != nil || run != nil || plan.Summary.Unconfirmed != 1 {
		t.Fatalf("unconfirmed: %v %+v %s %d", err, run, plan.Summary, plan.Summary.Unconfirmed)
	}
	e.pendingOne("sync_schedule_unconfirmed")
	if e.simUser("lisi").Position != "经理" {
		t.Fatal("the unconfirmed pair is untouched")
	}

	e.pending, e.bindings["lisi"] = nil, "lisi"
	plan, run, err = sc.RunOnce(e.ctx, e.corpID, ToWeCom, false, TriggerSchedule)
	if err != nil || run == nil || plan.Summary.Unconfirmed != 0 || e.simUser("lisi").Position != "总监" {
		t.Fatalf("confirmed: %v %+v", err, run)
	}
	e.noPending()
}
