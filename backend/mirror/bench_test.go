package mirror

import (
	"context"
	"fmt"
	"testing"
	"time"

	"wecom-bridge/backend/bench"
	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// TestBenchFullRead100k reads a 100,000-member, 2,000-department corp from
// the simulator (5 ms added to every call) with a production-default client,
// then pulls it again through the service (fetch + swap into SQLite).
func TestBenchFullRead100k(t *testing.T) {
	bench.Require(t)
	const users, depts = 100_000, 2_000
	org := wecomsim.GenerateOrg(wecomsim.GenerateOptions{Seed: 1, Users: users, Departments: depts})
	e := newEnv(t, org, nil, wecomsim.WithFaults(wecomsim.Faults{Default: wecomsim.Fault{Latency: 5 * time.Millisecond}}))
	ctx := context.Background()
	// Production defaults: the default limiter and backoff, a cold token.
	newClient := func() *wecom.Client { return wecom.New(org.CorpID, wecom.WithBaseURL(e.url)) }

	start := time.Now()
	snap, err := Fetch(ctx, newClient(), e.contactCred(), nil)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Users) != users || len(snap.Departments) != depts || len(snap.FailedDepartments) != 0 {
		t.Fatalf("fetched %d members, %d departments, %d failed", len(snap.Users), len(snap.Departments), len(snap.FailedDepartments))
	}
	var calls int64
	for _, n := range e.sim.Stats() {
		calls += n
	}
	bench.Report(bench.Figure{Name: "wecom_full_read_100k_seconds", Value: took.Seconds(), Unit: "s", Target: "<= 10 s",
		Note: "department/list + 2,000 user/list, 16 workers, 5 ms simulated latency, default client limiter " +
			"(bursts 5,000 calls, then ~80/s)"})
	bench.Report(bench.Figure{Name: "wecom_full_read_100k_api_calls", Value: float64(calls), Unit: "calls",
		Target: fmt.Sprintf("= departments + 2 = %d", depts+2), Note: fmt.Sprintf("%v", e.sim.Stats())})

	// The same read without the client's limiter: what the fetch itself
	// costs, so the limiter's share of the figure above is visible.
	e.sim.ResetCounters()
	start = time.Now()
	if _, err := Fetch(ctx, wecom.New(org.CorpID, wecom.WithBaseURL(e.url), wecom.WithLimiter(noLimiter{})), e.contactCred(), nil); err != nil {
		t.Fatal(err)
	}
	bench.Report(bench.Figure{Name: "wecom_full_read_100k_unthrottled_seconds", Value: time.Since(start).Seconds(), Unit: "s",
		Note: "as wecom_full_read_100k_seconds with a no-op client limiter (diagnostic only)"})

	// A new minute for the simulator's per-API limit, then the whole pull.
	e.sim.ResetCounters()
	start = time.Now()
	run, err := e.svc.Pull(ctx, e.corpID, newClient(), e.contactCred(), TriggerManual, "bench")
	took = time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	bench.Report(bench.Figure{Name: "mirror_pull_100k_seconds", Value: took.Seconds(), Unit: "s",
		Note: fmt.Sprintf("fetch + swap into SQLite: %d departments, %d members", run.Departments, run.Users)})

	start = time.Now()
	all, err := e.svc.Users(ctx, e.corpID)
	if err != nil || len(all) != users {
		t.Fatalf("read back %d members: %v", len(all), err)
	}
	bench.Report(bench.Figure{Name: "mirror_users_read_100k_seconds", Value: time.Since(start).Seconds(), Unit: "s",
		Note: "Service.Users: the whole mirror, for matching"})

	// The picker: a search over every member, then one department's members.
	start = time.Now()
	page, err := e.svc.ListUsers(ctx, e.corpID, Query{Search: all[len(all)/2].Name, Limit: 50})
	if err != nil || page.Total == 0 {
		t.Fatalf("search: %+v, %v", page, err)
	}
	searchMS := float64(time.Since(start).Microseconds()) / 1000
	start = time.Now()
	if _, err := e.svc.ListUsers(ctx, e.corpID, Query{DeptID: all[0].MainDepartment, Limit: 50}); err != nil {
		t.Fatal(err)
	}
	bench.Report(bench.Figure{Name: "mirror_list_users_100k_ms", Value: searchMS, Unit: "ms",
		Note: fmt.Sprintf("ListUsers search page over 100,000 members; a department page took %.1f ms",
			float64(time.Since(start).Microseconds())/1000)})
}

// noLimiter lets every call through at once.
type noLimiter struct{}

func (noLimiter) Wait(ctx context.Context, _ string) error { return ctx.Err() }
func (noLimiter) Penalize(string, time.Time)               {}
