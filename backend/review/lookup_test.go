package review

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/usererr"
)

// fakeLookup answers from owners; every other value is a miss (46004). It
// counts the calls per value. The integration test (services) asks the
// simulator over HTTP; this one holds the budget's arithmetic.
type fakeLookup struct {
	owners  map[string]string
	calls   map[string]int
	blockAt int   // the call (1-based) from which WeCom answers 45009; 0 never
	err     error // returned by every call when set
	n       int
}

func (f *fakeLookup) Via() string { return "contact" }

func (f *fakeLookup) ask(v string) (string, error) {
	f.n++
	f.calls[v]++
	switch {
	case f.err != nil:
		return "", f.err
	case f.blockAt > 0 && f.n >= f.blockAt:
		return "", ErrLookupBlocked
	}
	if u, ok := f.owners[v]; ok {
		return u, nil
	}
	return "", &MissError{Code: 46004}
}

func (f *fakeLookup) UserIDByMobile(_ context.Context, m string) (string, error) { return f.ask(m) }
func (f *fakeLookup) UserIDByEmail(_ context.Context, e string) (string, error)  { return f.ask(e) }

func withLookups(e *env, f *fakeLookup) {
	if f.calls == nil {
		f.calls = map[string]int{}
	}
	e.svc.SetLookups(func(context.Context, int64) (Lookup, error) { return f, nil })
}

func withMobile(r LocalRecord, m string) LocalRecord { r.Mobile = m; return r }
func withEmail(r LocalRecord, m string) LocalRecord  { r.Email = m; return r }

// Two 韩梅梅 on each side (the app sees names only): the lookups bind both
// at 0.98 with WeCom's answer as the reason; a rematch asks nothing again.
func TestLookupsBindNameOnlyAccounts(t *testing.T) {
	locals := []LocalRecord{
		withEmail(withMobile(loc("hmm1", "韩梅梅", "公司/研发"), "138 0013 8000"), "hmm1@corp.example"), // found by mobile: email not asked
		withMobile(loc("hmm2", "韩梅梅", "公司/研发"), "13800138001"),
		withMobile(loc("lilei", "李雷", "公司/研发"), "13800138002"), // settled by userid: never asked
		withMobile(loc("x", "某人", "公司"), "13800138003"),        // unbound, no owner in WeCom
	}
	members := []MemberRecord{mem("HanMeimei", "韩梅梅", "公司/研发"), mem("hanmm2", "韩梅梅", "公司/研发"), mem("lilei", "李雷", "公司/研发")}
	e := newEnv(t, locals, members)
	f := &fakeLookup{owners: map[string]string{"13800138000": "HanMeimei", "13800138001": "hanmm2"}}
	withLookups(e, f)

	// The phases, as a job's progress shows them: the lookups between a
	// first match and the match with their answers.
	var phases []string
	sum, err := e.svc.RematchProgress(bg, e.corp, binding.DefaultPolicy(), admin, func(phase string, done, total int) {
		phases = append(phases, fmt.Sprintf("%s %d/%d", phase, done, total))
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"read 0/0", "match 0/0", "lookup 0/4", "lookup 1/4", "lookup 3/4", "lookup 4/4", "match 0/0", "save 0/0"}; !reflect.DeepEqual(phases, want) {
		t.Errorf("phases = %q, want %q", phases, want)
	}
	r := e.find(StateProposed, "hmm1", "HanMeimei")
	if r.Method != string(binding.MethodMobileLookup) || r.Confidence != 0.98 || r.ReasonCode != "key_mobile_lookup" ||
		r.ReasonArgs["mobile"] != "138****8000" || r.ReasonArgs["userid"] != "HanMeimei" {
		t.Errorf("row = %+v", r)
	}
	e.find(StateProposed, "hmm2", "hanmm2")
	if f.calls["13800138002"] != 0 {
		t.Errorf("a userid-settled account was looked up")
	}
	if f.calls["hmm1@corp.example"] != 0 {
		t.Errorf("the email of an account whose mobile found its owner was asked")
	}
	want := LookupStats{Via: "contact", Wanted: 4, Calls: 3, Found: 2, Failed: 1}
	if got := sum.Lookups; got.Stopped != nil || got != want {
		t.Errorf("lookups = %+v, want %+v", got, want)
	}

	// A rematch asks nothing: owners and the fresh miss come from the cache.
	sum = e.rematch()
	if f.n != 3 {
		t.Errorf("calls after a rematch = %d, want still 3", f.n)
	}
	if got := sum.Lookups; got.Calls != 0 || got.Cached != 1 || got.Wanted != 1 {
		t.Errorf("second run lookups = %+v, want 1 wanted (x), answered by the cache", got)
	}
	e.find(StateProposed, "hmm1", "HanMeimei")
}

// A value that failed is not asked again within 24 hours, and is after.
func TestLookupsNeverRetryWithinADay(t *testing.T) {
	e := newEnv(t, []LocalRecord{withMobile(loc("x", "某人", "公司"), "13800138003")}, []MemberRecord{mem("u1", "别人", "公司")})
	f := &fakeLookup{}
	withLookups(e, f)
	now := time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)
	e.svc.now = func() time.Time { return now }
	e.rematch()
	now = now.Add(23 * time.Hour)
	sum := e.rematch()
	if f.calls["13800138003"] != 1 {
		t.Fatalf("asked %d times within 24 h, want 1", f.calls["13800138003"])
	}
	// The miss of 23 h ago still counts against the budget: 1 of 1 member
	// is over 10 %, so nothing is asked and the summary says why.
	if sum.Lookups.Cached != 1 {
		t.Errorf("lookups = %+v, want the value answered by the cache", sum.Lookups)
	}
	now = now.Add(2 * time.Hour)
	e.rematch()
	if f.calls["13800138003"] != 2 {
		t.Errorf("asked %d times after 25 h, want 2", f.calls["13800138003"])
	}
}

// A run stops once the failures reach 10 % of the members, says so, and
// asks the rest at a later run only when the failures have aged out.
func TestLookupsStopAtTenPercent(t *testing.T) {
	var members []MemberRecord
	for i := range 50 {
		members = append(members, mem(fmt.Sprintf("u%02d", i), fmt.Sprintf("成员%02d", i), "公司"))
	}
	var locals []LocalRecord
	for i := range 20 {
		locals = append(locals, withMobile(loc(fmt.Sprintf("a%02d", i), fmt.Sprintf("本地%02d", i), "公司"), fmt.Sprintf("139000000%02d", i)))
	}
	e := newEnv(t, locals, members)
	f := &fakeLookup{}
	withLookups(e, f)
	sum := e.rematch()
	// 10 % of 50 members is 5 failures.
	if f.n != 5 || sum.Lookups.Failed != 5 || sum.Lookups.Skipped != 15 || sum.Lookups.Stopped == nil || sum.Lookups.Stopped.Code != "lookup_budget" {
		t.Fatalf("calls %d, lookups %+v, want 5 calls then a stop at the budget", f.n, sum.Lookups)
	}
	if m := sum.Lookups.Stopped; fmt.Sprint(m.Args["members"]) != "50" || fmt.Sprint(m.Args["skipped"]) != "15" || m.ZH == "" {
		t.Errorf("stop message args = %v", m.Args)
	}
	// The next run within the day asks nothing: the budget is spent.
	sum = e.rematch()
	if f.n != 5 || sum.Lookups.Stopped == nil || sum.Lookups.Stopped.Code != "lookup_budget" {
		t.Errorf("second run: calls %d, lookups %+v", f.n, sum.Lookups)
	}
}

// WeCom's 45009 stops the run at once and no rematch asks again before
// WeCom's next day (China time); other errors stop it with the admin's
// message; a rejected or confirmed row is never looked up.
func TestLookupsStopAndRespectDecisions(t *testing.T) {
	locals := []LocalRecord{
		withMobile(loc("a", "张伟", "公司"), "13900000001"),
		withMobile(loc("b", "王芳", "公司"), "13900000002"),
		withMobile(loc("c", "赵六", "公司"), "13900000003"),
	}
	members := []MemberRecord{mem("zw", "张伟", "公司"), mem("wf", "王芳", "公司")}
	e := newEnv(t, locals, members)
	e.rematch()
	if _, err := e.svc.Reject(bg, e.corp, []int64{e.find(StateProposed, "a", "zw").ID}, admin); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Confirm(bg, e.corp, []int64{e.find(StateProposed, "b", "wf").ID}, admin); err != nil {
		t.Fatal(err)
	}
	f := &fakeLookup{blockAt: 1}
	withLookups(e, f)
	// 23:00 in WeCom's day (China time).
	now := time.Date(2026, 12, 7, 15, 0, 0, 0, time.UTC)
	e.svc.now = func() time.Time { return now }
	sum := e.rematch()
	// a (rejected pair, now unbound) and c (unbound) are asked; b is decided.
	if f.calls["13900000002"] != 0 {
		t.Errorf("a confirmed account was looked up")
	}
	if f.n != 1 || sum.Lookups.Stopped == nil || sum.Lookups.Stopped.Code != "lookup_blocked" || sum.Lookups.Skipped != 2 {
		t.Errorf("calls %d, lookups %+v, want a stop at the first 45009", f.n, sum.Lookups)
	}
	// WeCom's block is remembered: a rematch later that day asks nothing
	// and says why.
	now = now.Add(59 * time.Minute)
	sum = e.rematch()
	if f.n != 1 || sum.Lookups.Calls != 0 || sum.Lookups.Stopped == nil || sum.Lookups.Stopped.Code != "lookup_blocked" || sum.Lookups.Skipped != 2 {
		t.Errorf("calls %d, lookups %+v, want no call into the day's block", f.n, sum.Lookups)
	}
	// A blocked value is not a failure of the value: asked again once
	// WeCom's next day began.
	now = now.Add(time.Minute)
	f.blockAt, f.err = 0, usererr.New("lookup_error_text", usererr.Args{"text": "boom"})
	sum = e.rematch()
	if f.n != 2 || sum.Lookups.Stopped == nil || sum.Lookups.Stopped.Code != "lookup_failed" {
		t.Errorf("calls %d, lookups %+v, want a stop with the error", f.n, sum.Lookups)
	}
	// No secret to ask with: nothing is asked, and the summary says so.
	e.svc.SetLookups(func(context.Context, int64) (Lookup, error) { return nil, nil })
	if sum = e.rematch(); sum.Lookups.Stopped == nil || sum.Lookups.Stopped.Code != "lookup_unavailable" {
		t.Errorf("lookups = %+v, want lookup_unavailable", sum.Lookups)
	}
	if errors.Is(f.err, ErrLookupMiss) {
		t.Fatal("unreachable")
	}
}

// WeCom's daily block ends at the next midnight of China time, never more
// than a day after it began.
func TestLookupBlockEndsAtWeComsNextDay(t *testing.T) {
	for _, c := range []struct{ at, ends string }{
		{"2026-12-07T15:59:59Z", "2026-12-07T16:00:00Z"}, // 23:59:59 in Beijing
		{"2026-12-07T16:00:00Z", "2026-12-08T16:00:00Z"}, // 00:00 in Beijing: a whole day
		{"2026-12-07T02:00:00Z", "2026-12-07T16:00:00Z"},
	} {
		at, _ := time.Parse(time.RFC3339, c.at)
		if got := lookupBlockEnds(at).UTC().Format(time.RFC3339); got != c.ends {
			t.Errorf("block at %s ends %s, want %s", c.at, got, c.ends)
		}
	}
}
