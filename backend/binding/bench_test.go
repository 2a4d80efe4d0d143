package binding

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"wecom-bridge/backend/bench"
)

// TestBenchMatch100k measures Match on 100,000 local accounts against
// 100,000 WeCom members (see synthetic). Run with
//
//	WECOM_BENCH=1 go test -run TestBenchMatch100k -v ./backend/binding/
//
// Targets: ≤ 1 s and ≤ 400 MB peak heap on the 2-core reference machine.
// The figures are reported, never asserted.
func TestBenchMatch100k(t *testing.T) {
	bench.Require(t)
	members, locals, existing, truth := synthetic(100_000, 1)
	policy := Policy{KeyPairs: []KeyPair{{WeCom: FieldUserID, Local: FieldAccount}, {WeCom: FieldUserID, Local: FieldEmployeeNo}}}

	runtime.GC()
	inputMB := bench.PeakHeapMB()

	// Sample HeapInuse every 10 ms while Match runs; keep the max.
	var (
		mu   sync.Mutex
		peak = inputMB
		stop = make(chan struct{})
		done = make(chan struct{})
	)
	sample := func() {
		v := bench.PeakHeapMB()
		mu.Lock()
		peak = max(peak, v)
		mu.Unlock()
	}
	go func() {
		defer close(done)
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				sample()
			}
		}
	}()

	start := time.Now()
	r := Match(members, locals, existing, policy)
	elapsed := time.Since(start)
	sample() // the result is still live here
	close(stop)
	<-done

	s := r.Stats
	wrong := map[Method]int{}
	for _, p := range r.Proposals {
		if p.State != StateAmbiguous && truth[foldID(p.UserID)] != p.Account {
			wrong[p.Method]++
		}
	}
	note := fmt.Sprintf("%d locals x %d members; %d rows; bindings %v, wrong %v; ambiguous %d (key conflicts %d, namesake groups %d); unbound %d local, %d WeCom",
		s.Locals, s.Members, len(r.Proposals), s.ByMethod, wrong, s.ByState[StateAmbiguous], s.KeyConflicts, s.NamesakeGroups,
		len(r.UnboundLocal), len(r.UnboundMembers))
	bench.Report(bench.Figure{Name: "binding_match_100k_seconds", Value: elapsed.Seconds(), Unit: "s", Target: "<= 1 s", Note: note})
	bench.Report(bench.Figure{Name: "binding_match_100k_peak_mb", Value: peak, Unit: "MB", Target: "<= 400 MB",
		Note: fmt.Sprintf("max HeapInuse sampled every 10 ms during Match, including %.0f MB of input", inputMB)})
	t.Log(note)

	// Not timings: the result must still be sound at this size.
	checkOneToOne(t, r)
	if bound := s.ByState[StateProposed] + s.ByState[StateConfirmed]; bound < s.Locals*8/10 {
		t.Errorf("only %d of %d locals bound", bound, s.Locals)
	}
}
