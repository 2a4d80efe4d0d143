package syncer

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// addMany adds n accounts m0001… spread over 10 departments.
func (e *env) addMany(n int) {
	for i := 1; i <= n; i++ {
		e.local.add(fmt.Sprintf("m%04d", i), fmt.Sprintf("成员%04d", i), fmt.Sprintf("1370000%04d", i),
			fmt.Sprintf("%s/事业部%d/组%d", testRoot, i%3, i%10))
	}
}

// 5% of calls answer -1 (系统繁忙): the client and the apply retry, and every
// operation ends done.
func TestInjectedFaultsStillComplete(t *testing.T) {
	e := newEnv(t, testOrg())
	e.addMany(200)
	p, in := e.plan(ToWeCom, e.options(ToWeCom, nil))
	e.sim.SetFaults(wecomsim.Faults{Default: wecomsim.Fault{ErrorRate: 0.05}, Seed: 7})
	run, err := e.svc.Apply(e.ctx, p.ID, in, e.targets(), NoConfirm, "tester")
	if err != nil || run.Status != RunDone || run.Done != p.Summary.Total || run.Failed != 0 {
		t.Fatalf("apply under faults: %v %+v\n%s", err, run, e.failures(p.ID))
	}
	c := e.sim.Counters()
	if c.Faults.Errors == 0 {
		t.Fatal("no fault was injected")
	}
	e.sim.SetFaults(wecomsim.Faults{})
	if len(e.sim.Org().Users) != 200 {
		t.Fatalf("want 200 members, have %d", len(e.sim.Org().Users))
	}
	if p2, _ := e.plan(ToWeCom, e.options(ToWeCom, nil)); p2.Summary.Total != 0 {
		t.Fatalf("after a faulty apply nothing may be left: %s", p2.Summary)
	}
}

// 60102 on create becomes an update; 60111 on delete counts as done; 60008
// on a department create adopts the existing department.
func TestApplyIsIdempotent(t *testing.T) {
	e := newEnv(t, orgWithMembers(1))
	e.local.add("alice", "张三", "13800000001", testRoot+"/新部门")
	e.bindings["gone"] = "u01" // bound, no account any more: a removal
	opt := e.options(ToWeCom, func(o *Options) { o.Leavers = LeaversDelete; o.Safety = Safety{} })
	p, in := e.plan(ToWeCom, opt)
	if countOps(p, OpCreateDepartment) != 1 || countOps(p, OpCreateUser) != 1 || countOps(p, OpDeleteUser) != 1 {
		t.Fatalf("plan: %s", p.Summary)
	}
	// Meanwhile someone else does all three.
	cred := e.cred()
	deptID, err := e.client.CreateDepartment(e.ctx, cred, wecom.DepartmentCreate{Name: "新部门", ParentID: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.client.CreateUser(e.ctx, cred, wecom.UserWrite{UserID: "alice", Name: wecom.Ptr("旧名字"),
		Mobile: wecom.Ptr("13800000001"), Department: []int64{1}}); err != nil {
		t.Fatal(err)
	}
	if err := e.client.DeleteUser(e.ctx, cred, "u01"); err != nil {
		t.Fatal(err)
	}
	e.sim.ResetCounters()
	run, err := e.svc.Apply(e.ctx, p.ID, in, e.targets(), NoConfirm, "tester")
	if err != nil || run.Done != 3 {
		t.Fatalf("apply: %v %+v\n%s", err, run, e.failures(p.ID))
	}
	page, _ := e.svc.PlanOps(e.ctx, p.ID, OpQuery{Limit: 10})
	notes := map[OpType]string{}
	for _, op := range page.Ops {
		if op.Note != nil {
			notes[op.Type] = op.Note.EN + " " + op.Note.ZH
		}
	}
	if !strings.Contains(notes[OpCreateDepartment], "60008") || !strings.Contains(notes[OpCreateUser], "60102") ||
		!strings.Contains(notes[OpDeleteUser], "60111") {
		t.Fatalf("notes: %+v", notes)
	}
	u := e.simUser("alice")
	if u.Name != "张三" || len(u.Department) != 1 || int64(u.Department[0]) != deptID {
		t.Fatalf("alice should be updated into the adopted department %d: %+v", deptID, u)
	}
	c := e.sim.Counters()
	if c.Calls["user/create"] != 1 || c.Calls["user/update"] != 1 || c.Calls["department/create"] != 1 {
		t.Fatalf("calls: %v", c.Calls)
	}
	var links int
	e.st.DB.Get(&links, `SELECT COUNT(*) FROM sync_dept_links WHERE wecom_id = ?`, deptID)
	if links != 1 {
		t.Fatal("the adopted department must be linked")
	}
}

// blockingWriter lets `after` creates through, then lets each further
// create reach WeCom and never return: the process "dies" with those
// operations journaled running although WeCom did them. allHung closes
// once `workers` calls hang, so nothing moves any more.
type blockingWriter struct {
	WeComWriter
	mu      sync.Mutex
	after   int
	calls   int
	hung    int
	workers int
	allHung chan struct{}
}

func (b *blockingWriter) CreateUser(ctx context.Context, u wecom.UserWrite) error {
	b.mu.Lock()
	b.calls++
	pass := b.calls <= b.after
	b.mu.Unlock()
	err := b.WeComWriter.CreateUser(ctx, u)
	if pass || err != nil {
		return err
	}
	b.mu.Lock()
	if b.hung++; b.hung == b.workers {
		close(b.allHung)
	}
	b.mu.Unlock()
	<-ctx.Done()
	return ctx.Err()
}

// A crash mid-apply, then a new process: the run shows interrupted, Resume
// finishes it, nothing is created twice and nothing is lost.
func TestResumeAfterCrash(t *testing.T) {
	e := newEnv(t, testOrg())
	e.addMany(120)
	p, in := e.plan(ToWeCom, e.options(ToWeCom, nil))
	e.sim.ResetCounters()

	crashed, stopCrashed := context.WithCancel(e.ctx)
	bw := &blockingWriter{WeComWriter: BindClient(e.client, e.cred()), after: 40, workers: 8, allHung: make(chan struct{})}
	first := e.svc
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		first.Apply(crashed, p.ID, in, Targets{WeCom: bw}, NoConfirm, "tester")
	}()
	t.Cleanup(func() { stopCrashed(); wg.Wait() })
	<-bw.allHung
	var running int
	e.st.DB.Get(&running, `SELECT COUNT(*) FROM sync_ops WHERE plan_id = ? AND state = 'running'`, p.ID)
	if running != 8 {
		t.Fatalf("the crash should leave the 8 hung operations running, not %d", running)
	}

	// The restarted process.
	second := e.newService()
	if n, err := second.MarkInterrupted(e.ctx); err != nil || n != 1 {
		t.Fatalf("mark interrupted: %d %v", n, err)
	}
	plan, _ := second.GetPlan(e.ctx, p.ID)
	r, _ := second.GetRun(e.ctx, plan.RunID)
	if r.Status != RunInterrupted || !r.Resumable() {
		t.Fatalf("run: %+v", r)
	}
	run, err := second.Resume(e.ctx, r.ID, e.targets())
	if err != nil || run.Status != RunDone || run.Done != p.Summary.Total || run.Resumes != 1 {
		t.Fatalf("resume: %v %+v\n%s", err, run, e.failures(p.ID))
	}
	if n := len(e.sim.Org().Users); n != 120 {
		t.Fatalf("want 120 members, have %d", n)
	}
	c := e.sim.Counters()
	// Every create reached WeCom once, except the ones that hung: WeCom did
	// them, and their re-run got 60102 and became an update.
	if created := c.Calls["user/create"] - c.Errcodes[wecom.CodeUserIDExists]; created != 120 {
		t.Fatalf("successful creates: %d (calls %d, 60102 %d)", created, c.Calls["user/create"], c.Errcodes[wecom.CodeUserIDExists])
	}
	if c.Errcodes[wecom.CodeUserIDExists] != int64(running) || c.Calls["user/update"] != int64(running) {
		t.Fatalf("the %d hung creates should be re-run as updates: %v %v", running, c.Calls, c.Errcodes)
	}
	if p2, _ := e.plan(ToWeCom, e.options(ToWeCom, nil)); p2.Summary.Total != 0 {
		t.Fatalf("after the resume nothing may be left: %s", p2.Summary)
	}
}

// Cancel stops a run between operations; Resume finishes it.
func TestCancelThenResume(t *testing.T) {
	e := newEnv(t, testOrg(), wecomsim.WithFaults(wecomsim.Faults{Default: wecomsim.Fault{Latency: 3 * time.Millisecond}}))
	e.addMany(150)
	p, in := e.plan(ToWeCom, e.options(ToWeCom, nil))
	done := make(chan *Run)
	go func() {
		run, _ := e.svc.Apply(e.ctx, p.ID, in, e.targets(), NoConfirm, "tester")
		done <- run
	}()
	var runID int64
	for deadline := time.Now().Add(10 * time.Second); ; {
		var n int
		e.st.DB.Get(&n, `SELECT COUNT(*) FROM sync_ops WHERE plan_id = ? AND state = 'done'`, p.ID)
		e.st.DB.Get(&runID, `SELECT id FROM sync_runs WHERE plan_id = ?`, p.ID)
		if n >= 30 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the apply did not progress")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := e.svc.Cancel(runID); err != nil {
		t.Fatal(err)
	}
	run := <-done
	if run.Status != RunCancelled || run.Done >= run.Total {
		t.Fatalf("cancelled run: %+v", run)
	}
	run, err := e.svc.Resume(e.ctx, runID, e.targets())
	if err != nil || run.Status != RunDone {
		t.Fatalf("resume: %v %+v", err, run)
	}
	if n := len(e.sim.Org().Users); n != 150 {
		t.Fatalf("want 150 members, have %d", n)
	}
	prog := e.rec.Named(ProgressEvent)
	if last := prog[len(prog)-1].(events.Progress); !last.Final || last.Done != run.Total {
		t.Fatalf("final progress: %+v", last)
	}
	var rows int
	for _, b := range e.rec.Named(OpRowsEvent) {
		rows += len(b.([]OpEvent))
	}
	if rows != run.Total {
		t.Fatalf("live rows: %d of %d", rows, run.Total)
	}
}

// A failed department create fails its members with a message naming it,
// and Resume retries the failures once the cause is fixed.
func TestDependencyFailureAndRetry(t *testing.T) {
	e := newEnv(t, testOrg())
	e.local.add("alice", "张三", "13800000001", testRoot+"/研发部")
	p, in := e.plan(ToWeCom, e.options(ToWeCom, nil))
	e.sim.SetRateLimit("department/create", -1)
	e.sim.SetFaults(wecomsim.Faults{PerAPI: map[string]wecomsim.Fault{"department/create": {ErrorRate: 1}}})
	run, err := e.svc.Apply(e.ctx, p.ID, in, e.targets(), NoConfirm, "tester")
	if err == nil || run.Status != RunFailed || run.Failed != 2 {
		t.Fatalf("want 2 failures: %v %+v", err, run)
	}
	page, _ := e.svc.PlanOps(e.ctx, p.ID, OpQuery{State: StateFailed})
	if page.Ops[0].Errcode != -1 || page.Ops[0].Fix == nil || !strings.Contains(page.Ops[1].Errmsg, "create_department 研发部") {
		t.Fatalf("failures: %+v %+v", page.Ops[0], page.Ops[1])
	}
	e.sim.SetFaults(wecomsim.Faults{})
	if run, err = e.svc.Resume(e.ctx, run.ID, e.targets()); err != nil || run.Status != RunDone || run.Failed != 0 {
		t.Fatalf("resume: %v %+v", err, run)
	}
	if e.svc.Cancel(run.ID) == nil {
		t.Fatal("cancel of a finished run must fail")
	}
}
