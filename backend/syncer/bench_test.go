package syncer

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"wecom-bridge/backend/bench"
	"wecom-bridge/backend/mirror"
	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// bigLocal is a local directory of users accounts in depts departments: a
// root, 20 divisions, the rest spread below them three levels deep.
func bigLocal(depts, users int) ([]LocalDept, []LocalUser) {
	ld := make([]LocalDept, 0, depts)
	ld = append(ld, LocalDept{ID: 1, Name: testRoot, Path: []string{testRoot}})
	for i := 2; i <= depts; i++ {
		parent := int64(1)
		if i > 21 {
			parent = int64(2 + (i-22)/8) // 8 children each, breadth-first
		}
		p := ld[parent-1]
		name := fmt.Sprintf("部门%05d", i)
		ld = append(ld, LocalDept{ID: int64(i), ParentID: parent, Name: name, Path: append(append([]string(nil), p.Path...), name)})
	}
	lu := make([]LocalUser, users)
	for i := range lu {
		d := ld[1+i%(depts-1)]
		lu[i] = LocalUser{Account: fmt.Sprintf("user%06d", i), Name: fmt.Sprintf("成员%06d", i), Mobile: fmt.Sprintf("13%09d", i),
			Position: "工程师", DeptPaths: [][]string{d.Path}}
	}
	return ld, lu
}

// peakHeap samples the heap while fn runs and returns the highest sample.
func peakHeap(fn func()) float64 {
	runtime.GC()
	var peak float64
	var mu sync.Mutex
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			mb := bench.PeakHeapMB()
			mu.Lock()
			peak = max(peak, mb)
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	close(stop)
	wg.Wait()
	return max(peak, bench.PeakHeapMB())
}

func TestBenchSyncPlan100k(t *testing.T) {
	bench.Require(t)
	e := newEnv(t, nil)
	ld, lu := bigLocal(10000, 100000)
	// The review is resolved for every account: half are confirmed bindings,
	// half were created by an earlier apply (sync_created_users), and 10,000
	// review rows await a decision for accounts of neither half.
	in := Inputs{LocalDepts: ld, LocalUsers: lu, WeComDepts: []WeComDept{{ID: 1, Name: testRoot}}, Bindings: map[string]string{}}
	for i := 0; i < 50000; i++ {
		in.Bindings[lu[i].Account] = lu[i].Account
	}
	tx := e.st.DB.MustBegin()
	for i := 50000; i < 100000; i++ {
		tx.MustExec(`INSERT INTO sync_created_users(corp_id, userid, account, created_at) VALUES (?,?,?,0)`, e.corpID, lu[i].Account, lu[i].Account)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10000; i++ {
		in.Pending = append(in.Pending, PendingPair{State: "proposed", Method: "name", Account: fmt.Sprintf("other%05d", i), UserID: fmt.Sprintf("w%05d", i)})
	}
	plan100k := func() *Plan {
		plan, err := e.svc.Plan(e.ctx, e.corpID, ToWeCom, in, DefaultOptions(ToWeCom), "bench", TriggerManual)
		if err != nil {
			t.Fatal(err)
		}
		if plan.Summary.Counts[OpCreateUser] != 100000 || plan.Summary.Counts[OpCreateDepartment] != 9999 {
			t.Fatalf("plan: %s", plan.Summary)
		}
		return plan
	}
	// Timed without the heap sampler: ReadMemStats stops the world.
	runtime.GC()
	start := time.Now()
	plan := plan100k()
	elapsed := time.Since(start)
	note := fmt.Sprintf("to-wecom into an empty WeCom: %d operations and %d tree nodes, computed and stored in SQLite; 50,000 confirmed bindings, 50,000 created records, 10,000 rows awaiting review resolved", plan.Summary.Total, len(plan.Nodes))
	// plan is not used below, so the first plan is garbage while the second
	// one is sampled: the peak is one plan's, not two.
	peak := peakHeap(func() { plan100k() })
	bench.Report(bench.Figure{Name: "sync_plan_100k_seconds", Value: elapsed.Seconds(), Unit: "s", Target: "<= 2 s", Note: note})
	bench.Report(bench.Figure{Name: "sync_plan_100k_peak_mb", Value: peak, Unit: "MB", Target: "<= 500 MB",
		Note: "Go heap in use during a second plan, sampled every 20 ms; the inputs (100,000 users) included"})
}

func TestBenchSyncApply2000Creates(t *testing.T) {
	bench.Require(t)
	e := newEnv(t, testOrg(), wecomsim.WithRateLimit(6000))
	e.client = wecom.New(e.org.CorpID, wecom.WithBaseURL(e.url), wecom.WithLimiter(wecom.NewLimiter(6000)))
	me := &mirrorEnv{env: e, m: mirror.New(e.st, nil)}
	e.svc = e.newService(WithMirror(me.m))
	me.pull()
	for i := 1; i <= 2000; i++ {
		e.local.add(fmt.Sprintf("m%04d", i), fmt.Sprintf("成员%04d", i), fmt.Sprintf("1370000%04d", i), fmt.Sprintf("%s/部门%02d", testRoot, i%20))
	}
	e.sim.ResetCounters()
	start := time.Now()
	_, run := me.apply(e.options(ToWeCom, nil), true)
	elapsed := time.Since(start)
	if run.Done != 2020 || run.ReadBack == nil || run.ReadBack.NotApplied != 0 || run.ReadBack.Drift != 0 {
		t.Fatalf("apply: %+v %+v", run, run.ReadBack)
	}
	c := e.sim.Counters()
	readBack := c.Calls["department/list"] + c.Calls["user/list"]
	bench.Report(bench.Figure{Name: "sync_apply_2000_creates_seconds", Value: elapsed.Seconds(), Unit: "s", Target: "<= 25 s",
		Note: "2,000 create_user + 20 create_department, each written through to the mirror in its journal transaction, then the read-back pull; simulator and client limiter at 6,000/min"})
	bench.Report(bench.Figure{Name: "sync_apply_2000_creates_45009", Value: float64(c.Errcodes[45009]), Unit: "count", Target: "0"})
	bench.Report(bench.Figure{Name: "sync_apply_read_back_api_calls", Value: float64(run.ReadBack.APICalls), Unit: "calls", Target: "D+2 (with gettoken)",
		Note: fmt.Sprintf("one department/list + one user/list per department (21 departments here; %d seen by the simulator), plus gettoken when the token is new: 10,002 at 10,000 departments, whatever the number of operations", readBack)})
}
