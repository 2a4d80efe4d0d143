package push

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"wecom-bridge/backend/bench"
)

// TestBenchPushLogQuery1M: 1,000,000 log rows over 180 days (20 sources,
// realistic titles, two recipients each) by bulk insert; then pages of the
// log as the UI asks for them, each with its capped count. The figure is a
// filtered and searched page: one source, status sent, the last 30 days,
// title containing 报销.
func TestBenchPushLogQuery1M(t *testing.T) {
	bench.Require(t)
	const n = 1_000_000
	e := newEnv(t, envConfig{wall: true})
	now := time.Now()
	sources := make([]string, 20)
	for i := range sources {
		sources[i] = fmt.Sprintf("src%02d", i)
	}
	sources[0] = "oa"
	t0 := time.Now()
	seedLogs(t, e.svc, logSeed{n: n, newest: now, step: 180 * 24 * time.Hour / n, sources: sources})
	seeded := time.Since(t0)
	e.st.DB.Exec(`ANALYZE`)
	shapes := []struct {
		name string
		q    Query
	}{
		{"filtered+searched", Query{Source: "oa", Status: StatusSent, From: now.Add(-30 * 24 * time.Hour), Search: "报销"}},
		{"unfiltered", Query{}},
		{"search only", Query{Search: "告警"}},
		{"search latin", Query{Search: "deploy"}},
		{"recipient", Query{Recipient: "acc-u0042"}},
		{"failed last 7 days", Query{Status: StatusFailed, From: now.Add(-7 * 24 * time.Hour)}},
		{"source page 20", Query{Source: "src07", Offset: 1000, Limit: 50}},
	}
	var notes []string
	var figure float64
	for i, s := range shapes {
		var runs []float64
		var page Page
		for range 5 {
			t0 := time.Now()
			var err error
			if page, err = e.svc.ListLogs(e.ctx, s.q); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			runs = append(runs, float64(time.Since(t0).Microseconds())/1000)
		}
		first := runs[0]
		slices.Sort(runs)
		med := runs[len(runs)/2]
		if i == 0 {
			figure = med
		}
		total := fmt.Sprint(page.Total)
		if page.TotalCapped {
			total += "+"
		}
		notes = append(notes, fmt.Sprintf("%s %.1f ms (first %.1f, %s rows)", s.name, med, first, total))
		if len(page.Rows) == 0 {
			t.Errorf("%s: no rows", s.name)
		}
	}
	t0 = time.Now()
	if _, err := e.svc.Stats(e.ctx, now.Add(-180*24*time.Hour), now, "day"); err != nil {
		t.Fatal(err)
	}
	notes = append(notes, fmt.Sprintf("stats 180 days by day %.0f ms", float64(time.Since(t0).Milliseconds())))
	bench.Report(bench.Figure{Name: "push_log_query_1m_ms", Value: figure, Unit: "ms", Target: "<= 200 ms",
		Note: fmt.Sprintf("median of 5; %d rows seeded in %.0fs, db %.0f MiB; %s", n, seeded.Seconds(),
			float64(e.st.SizeBytes())/(1<<20), strings.Join(notes, "; "))})
}
