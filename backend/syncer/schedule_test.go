package syncer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"wecom-bridge/backend/usererr"
)

type recNotifier struct {
	mu      sync.Mutex
	reasons []string
	plans   []*Plan
}

func (n *recNotifier) NeedsReview(_ context.Context, _ int64, _ Direction, p *Plan, reason usererr.Message) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.reasons, n.plans = append(n.reasons, reason.EN), append(n.plans, p)
	return nil
}

func (n *recNotifier) count() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return len(n.reasons)
}

// A scheduled sync applies on its own only when it is safe; otherwise it
// stays a preview and the admins are told.
func TestScheduledRunAppliesOnlyWhenSafe(t *testing.T) {
	e := newEnv(t, orgWithMembers(4))
	e.bindAll(4)
	e.local.add("newbie", "新人", "13800000009", testRoot+"/研发部")
	var fulls []bool
	planner := func(_ context.Context, corp int64, d Direction, full bool) (Inputs, Targets, error) {
		fulls = append(fulls, full)
		return e.inputs(), e.targets(), nil
	}
	n := &recNotifier{}
	sc := NewScheduler(e.svc, planner, n, nil)

	plan, run, err := sc.RunOnce(e.ctx, e.corpID, ToWeCom, true, TriggerSchedule)
	if err != nil || run == nil || run.Status != RunDone || run.Trigger != TriggerSchedule || plan.CreatedBy != "system:schedule" {
		t.Fatalf("a safe plan applies: %v %+v", err, run)
	}
	if e.simUser("newbie") == nil || n.count() != 0 || !fulls[0] {
		t.Fatal("newbie should be created without a notice")
	}

	for i := 1; i <= 3; i++ {
		e.local.resign(fmt.Sprintf("a%02d", i))
	}
	plan, run, err = sc.RunOnce(e.ctx, e.corpID, ToWeCom, false, TriggerCallback)
	if err != nil || run != nil || !plan.Blocked || n.count() != 1 || n.plans[0].ID != plan.ID {
		t.Fatalf("a blocked plan waits for review: %v %+v %+v", err, run, plan)
	}
	if e.simUser("u01").Status != 1 {
		t.Fatal("nothing may be disabled by a blocked scheduled plan")
	}
	hist, _ := e.svc.Runs(e.ctx, e.corpID, HistoryQuery{Kind: "preview"})
	if hist.Total != 1 || hist.Entries[0].Trigger != TriggerCallback || !hist.Entries[0].Blocked {
		t.Fatalf("history: %+v", hist.Entries)
	}
}

func TestSchedulerRegistersAndFires(t *testing.T) {
	e := newEnv(t, testOrg())
	defer func(m time.Duration) { MinScheduleInterval = m }(MinScheduleInterval)
	MinScheduleInterval = time.Second // lets @every 1s fire within the test
	fired := make(chan bool, 4)
	planner := func(_ context.Context, _ int64, _ Direction, full bool) (Inputs, Targets, error) {
		select {
		case fired <- full:
		default:
		}
		return Inputs{}, Targets{}, errors.New("not needed by this test")
	}
	o := e.options(ToWeCom, func(o *Options) { o.Schedule = Schedule{Cron: "0 2 * * *", ForceCron: "@every 1s"} })
	if err := e.svc.SetOptions(e.ctx, e.corpID, ToWeCom, o); err != nil {
		t.Fatal(err)
	}
	sc := NewScheduler(e.svc, planner, nil, nil)
	if err := sc.Start(e.ctx); err != nil {
		t.Fatal(err)
	}
	defer sc.Stop()
	if es := sc.Entries(); len(es) != 2 || es[0].Spec != "0 2 * * *" || es[0].Full || !es[1].Full {
		t.Fatalf("entries: %+v", es)
	}
	select {
	case full := <-fired:
		if !full {
			t.Fatal("the @every 1s entry is the forced full sync")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the schedule did not fire")
	}
	o.Schedule = Schedule{}
	e.svc.SetOptions(e.ctx, e.corpID, ToWeCom, o)
	if err := sc.Reload(e.ctx); err != nil || len(sc.Entries()) != 0 {
		t.Fatalf("reload: %v %+v", err, sc.Entries())
	}
}

// Schedules that fire more often than every five minutes are refused, in
// both languages, whether written as @every or as a 5-field expression.
func TestScheduleRefusesIntervalsUnderFiveMinutes(t *testing.T) {
	e := newEnv(t, testOrg())
	for _, spec := range []string{"@every 1s", "@every 4m59s", "* * * * *", "*/2 * * * *", "0,1 2 * * *", "1,58 2,3 * * *"} {
		o := e.options(ToWeCom, func(o *Options) { o.Schedule = Schedule{ForceCron: spec} })
		err := e.svc.SetOptions(e.ctx, e.corpID, ToWeCom, o)
		if !usererr.Is(err, "schedule_too_often") || !strings.Contains(usererr.ZH(err), "最小间隔") || !strings.Contains(err.Error(), "minimum of 5m0s") {
			t.Errorf("%q must be refused with a bilingual error, got %v", spec, err)
		}
	}
	for _, spec := range []string{"@every 5m", "*/5 * * * *", "0 2 * * *", "@hourly", "@daily", "0,30 * * * *", "58 2,4 * * *"} {
		o := e.options(ToWeCom, func(o *Options) { o.Schedule = Schedule{Cron: spec} })
		if err := e.svc.SetOptions(e.ctx, e.corpID, ToWeCom, o); err != nil {
			t.Errorf("%q runs at most every 5 minutes and is accepted: %v", spec, err)
		}
	}
}
