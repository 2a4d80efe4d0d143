package review

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"wecom-bridge/backend/bench"
	"wecom-bridge/backend/binding"
)

// TestBenchRematchTouched100k measures what a contact callback's rematch
// costs at 100,000 × 100,000: one member renamed (to a common name, so its
// group holds namesakes), rematched by touch, against the whole corp's
// rematch of the same change. Run with
//
//	WECOM_BENCH=1 go test -run TestBenchRematchTouched100k -v ./backend/review/
func TestBenchRematchTouched100k(t *testing.T) {
	bench.Require(t)
	locals, members := syntheticOrg(100_000, 3)
	e := newEnv(t, locals, members)
	policy := binding.Policy{KeyPairs: []binding.KeyPair{{WeCom: binding.FieldUserID, Local: binding.FieldAccount}}}
	e.rematchWith(policy)

	var times []float64
	var records int
	ms := e.src.MemberRecords[e.corp]
	for i := range 5 {
		m := &ms[(i+1)*15_000]
		m.Name = "张伟"
		start := time.Now()
		res, err := e.svc.RematchTouched(bg, e.corp, admin, []string{m.UserID}, nil)
		if err != nil || res.Full {
			t.Fatalf("%v %+v", err, res)
		}
		times = append(times, float64(time.Since(start).Microseconds())/1000)
		records = max(records, res.Records)
	}
	slices.Sort(times)
	ms[90_000].Name = "王芳"
	start := time.Now()
	e.rematchWith(policy)
	full := time.Since(start)
	bench.Report(bench.Figure{Name: "bindings_rematch_touched_100k_ms", Value: times[len(times)/2], Unit: "ms",
		Note: fmt.Sprintf("median of 5 single-member renames to a common name, groups up to %d records; the whole corp's rematch of one change: %.0f ms",
			records, float64(full.Microseconds())/1000)})
}
