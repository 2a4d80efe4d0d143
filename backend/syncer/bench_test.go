package syncer

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"wecom-bridge/backend/bench"
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
	in := Inputs{LocalDepts: ld, LocalUsers: lu, WeComDepts: []WeComDept{{ID: 1, Name: testRoot}}}
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
	note := fmt.Sprintf("to-wecom into an empty WeCom: %d operations and %d tree nodes, computed and stored in SQLite", plan.Summary.Total, len(plan.Nodes))
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
	for i := 1; i <= 2000; i++ {
		e.local.add(fmt.Sprintf("m%04d", i), fmt.Sprintf("成员%04d", i), fmt.Sprintf("1370000%04d", i), fmt.Sprintf("%s/部门%02d", testRoot, i%20))
	}
	p, in := e.plan(ToWeCom, e.options(ToWeCom, nil))
	e.sim.ResetCounters()
	start := time.Now()
	run, err := e.svc.Apply(e.ctx, p.ID, in, e.targets(), NoConfirm, "bench")
	elapsed := time.Since(start)
	if err != nil || run.Done != 2020 {
		t.Fatalf("apply: %v %+v", err, run)
	}
	c := e.sim.Counters()
	bench.Report(bench.Figure{Name: "sync_apply_2000_creates_seconds", Value: elapsed.Seconds(), Unit: "s", Target: "<= 25 s",
		Note: "2,000 create_user + 20 create_department; simulator and client limiter at 6,000/min"})
	bench.Report(bench.Figure{Name: "sync_apply_2000_creates_45009", Value: float64(c.Errcodes[45009]), Unit: "count", Target: "0"})
}
