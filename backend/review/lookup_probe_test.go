package review

import (
	"testing"
	"time"
)

// The connectivity check's value: one WeCom already attributed first (the
// call cannot add a failure), else the first value without a miss in the
// last 24 hours; none when every value missed within the day. Its answer is
// kept, so a rematch neither asks it again nor forgets it in the budget.
func TestProbeValueSparesWeComsFailureBudget(t *testing.T) {
	e := newEnv(t, []LocalRecord{withMobile(loc("x", "某人", "公司"), "13800138003")}, []MemberRecord{mem("u1", "别人", "公司")})
	now := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
	e.svc.now = func() time.Time { return now }
	a, b, c := LookupValue{Mobile: "13800138001"}, LookupValue{Mobile: "13800138002"}, LookupValue{Email: "c@corp.example"}

	pick := func(values ...LookupValue) (LookupValue, int, bool) {
		t.Helper()
		v, recent, ok, err := e.svc.ProbeValue(bg, e.corp, values)
		if err != nil {
			t.Fatal(err)
		}
		return v, recent, ok
	}
	if v, _, ok := pick(a, b, c); !ok || v != a {
		t.Fatalf("nothing known: picked %+v %v, want the first value", v, ok)
	}
	// a found no owner: not asked again within the day; c has an owner.
	if err := e.svc.RecordProbe(bg, e.corp, a, "", 46004); err != nil {
		t.Fatal(err)
	}
	if v, _, ok := pick(a, b); !ok || v != b {
		t.Errorf("after a's miss: picked %+v %v, want b", v, ok)
	}
	if err := e.svc.RecordProbe(bg, e.corp, c, "cc", 0); err != nil {
		t.Fatal(err)
	}
	if v, _, ok := pick(a, b, c); !ok || v != c {
		t.Errorf("with c's owner known: picked %+v %v, want c", v, ok)
	}
	if v, recent, ok := pick(a); ok || recent != 1 {
		t.Errorf("only a recent miss: picked %+v %v, recent %d; want none, 1 recent", v, ok, recent)
	}
	if _, recent, ok := pick(); ok || recent != 0 {
		t.Errorf("no value: ok %v recent %d", ok, recent)
	}
	now = now.Add(25 * time.Hour)
	if v, _, ok := pick(a); !ok || v != a {
		t.Errorf("a day later: picked %+v %v, want a again", v, ok)
	}

	// A rematch counts the check's miss in its budget (1 of 1 member is
	// over 10 %) and asks nothing.
	now = now.Add(-25 * time.Hour)
	if err := e.svc.RecordProbe(bg, e.corp, LookupValue{Mobile: "13800138003"}, "", 46004); err != nil {
		t.Fatal(err)
	}
	f := &fakeLookup{}
	withLookups(e, f)
	sum := e.rematch()
	if f.n != 0 || sum.Lookups.Cached != 1 {
		t.Errorf("rematch after the check's miss: %d calls, lookups %+v; want none, answered by the check", f.n, sum.Lookups)
	}
	if err := e.svc.RecordProbe(bg, 999, a, "", 46004); err == nil {
		t.Error("a corp that does not exist: want an error")
	}
}
