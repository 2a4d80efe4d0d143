package review

import (
	"bytes"
	"reflect"
	"slices"
	"testing"
	"time"

	"wecom-bridge/backend/binding"
)

// skipEnv is the fixture, matched, with a rematch of nothing changed
// proven skipped (the engine did not run, nothing was written).
func skipEnv(t *testing.T) *env {
	t.Helper()
	e := fixtureEnv(t)
	before, sum := contents(e.all()), e.summary()
	rows, sides := e.storedIDs()
	n := e.svc.matches.Load()
	again := e.rematch()
	if e.svc.matches.Load() != n {
		t.Fatal("a rematch of the same inputs ran the engine")
	}
	rows2, sides2 := e.storedIDs()
	if !reflect.DeepEqual(rows, rows2) || !reflect.DeepEqual(sides, sides2) || !reflect.DeepEqual(contents(e.all()), before) {
		t.Fatal("a skipped rematch changed rows or sides")
	}
	again.MatchedAt, sum.MatchedAt = "", ""
	if !reflect.DeepEqual(again, sum) {
		t.Fatalf("skipped rematch summary %+v, want %+v", again, sum)
	}
	return e
}

func (e *env) summary() Summary {
	e.t.Helper()
	s, err := e.svc.Summary(bg, e.corp)
	if err != nil {
		e.t.Fatal(err)
	}
	return s
}

// rematchRuns rematches, fails unless the engine ran, and returns the rows,
// which must be those of a rematch into an empty review.
func (e *env) rematchRuns(what string) []Row {
	e.t.Helper()
	n := e.svc.matches.Load()
	e.rematch()
	if e.svc.matches.Load() == n {
		e.t.Fatalf("after %s the rematch was skipped", what)
	}
	got := e.all()
	if scratch := e.rewrittenFromScratch(); !reflect.DeepEqual(contents(got), contents(scratch)) {
		e.t.Fatalf("after %s the rematch left\n%s\nnot what a full rewrite makes:\n%s", what, dump(got), dump(scratch))
	}
	return got
}

// Every input of a rematch, changed, makes the next rematch run: a local
// account, a WeCom member, a decision, a lookup answer (recorded, or aging
// out), the policy.
func TestRematchRunsWhenAnInputChanged(t *testing.T) {
	t.Run("local account", func(t *testing.T) {
		e := skipEnv(t)
		e.src.LocalRecords[1].Position = "经理" // u2
		if r := findIn(e.rematchRuns("a local edit"), "u2", "wx_li"); r == nil || r.LocalPosition != "经理" {
			t.Fatalf("u2 row %+v", r)
		}
	})
	t.Run("WeCom member", func(t *testing.T) {
		e := skipEnv(t)
		e.src.MemberRecords[e.corp][1].Name = "李斯" // wx_li: no longer 李四's namesake
		if r := findIn(e.rematchRuns("a member edit"), "u2", "wx_li"); r != nil {
			t.Fatalf("u2 still proposed to wx_li: %+v", r)
		}
	})
	t.Run("decision", func(t *testing.T) {
		e := skipEnv(t)
		if _, err := e.svc.Reject(bg, e.corp, []int64{e.find(StateProposed, "u2", "wx_li").ID}, admin); err != nil {
			t.Fatal(err)
		}
		if r := findIn(e.rematchRuns("a rejection"), "u2", "wx_li"); r == nil || r.State != StateRejected {
			t.Fatalf("u2 row %+v", r)
		}
	})
	t.Run("lookup answer", func(t *testing.T) {
		e := skipEnv(t)
		now := time.Now()
		e.svc.now = func() time.Time { return now }
		if err := e.svc.RecordProbe(bg, e.corp, LookupValue{Mobile: "13900001111"}, "wx_zhao", 0); err != nil {
			t.Fatal(err)
		}
		if r := findIn(e.rematchRuns("a lookup answer"), "u5", "wx_zhao"); r == nil || r.Method != string(binding.MethodMobileLookup) {
			t.Fatalf("u5 row %+v", r)
		}
		// The answer ages out after a week: the rematch runs again.
		e.rematch()
		now = now.Add(lookupKeep + time.Hour)
		if r := findIn(e.rematchRuns("an answer aging out"), "u5", "wx_zhao"); r != nil {
			t.Fatalf("u5 still bound by an expired answer: %+v", r)
		}
	})
	t.Run("policy", func(t *testing.T) {
		e := skipEnv(t)
		n := e.svc.matches.Load()
		p := binding.DefaultPolicy()
		p.AutoConfirmKeys = true
		e.rematchWith(p)
		if e.svc.matches.Load() == n {
			t.Fatal("a new policy was not matched")
		}
		if r := e.find(StateConfirmed, "u1", "u1"); r.Method != string(binding.MethodUserID) {
			t.Fatalf("u1 row %+v", r)
		}
		// It auto-confirmed: the next rematch runs (and confirms nothing
		// more), then the one after is skipped again.
		e.rematchWith(p)
		n = e.svc.matches.Load()
		e.rematchWith(p)
		if e.svc.matches.Load() != n {
			t.Fatal("a rematch of the same inputs ran the engine")
		}
	})
}

// With lookups wired, a rematch after one that asked WeCom everything it
// wanted is skipped and reports the answers as cached; one that left values
// to ask (stopped by WeCom's block) runs again.
func TestRematchSkipReportsTheLookupsAsCached(t *testing.T) {
	e := fixtureEnv(t)
	f := &fakeLookup{owners: map[string]string{"13900001111": "wx_zhao"}}
	withLookups(e, f)
	first := e.rematch()
	if first.Lookups.Calls == 0 {
		t.Fatalf("lookups %+v, want calls", first.Lookups)
	}
	e.rematch() // matched with the answers now stored
	n, calls := e.svc.matches.Load(), f.n
	sum := e.rematch()
	if e.svc.matches.Load() != n || f.n != calls {
		t.Fatalf("rematch of the same inputs ran (%d calls)", f.n-calls)
	}
	if l := sum.Lookups; l.Calls != 0 || l.Cached != l.Wanted || l.Stopped != nil {
		t.Errorf("skipped rematch lookups %+v, want every value answered by the cache", l)
	}

	e2 := fixtureEnv(t)
	withLookups(e2, &fakeLookup{blockAt: 1})
	e2.rematch()
	n = e2.svc.matches.Load()
	if sum := e2.rematch(); e2.svc.matches.Load() == n || sum.Lookups.Stopped == nil {
		t.Fatalf("a rematch with values left to ask was skipped: %+v", sum.Lookups)
	}
}

func findIn(rows []Row, account, userid string) *Row {
	for i := range rows {
		if rows[i].Account == account && rows[i].UserID == userid {
			return &rows[i]
		}
	}
	return nil
}

// Every field of a local account and of a member is an input: changing any
// one changes the digest (a field added to the records fails here until
// inputsBase digests it).
func TestInputsDigestCoversEveryField(t *testing.T) {
	l, m := fixture()
	base := inputsBase(1, hashRecords(l, m), "", false)
	for side, rec := range map[string]reflect.Value{"local": reflect.ValueOf(&l[0]).Elem(), "member": reflect.ValueOf(&m[0]).Elem()} {
		for _, f := range leafFields(rec) {
			saved := reflect.New(f.v.Type()).Elem()
			saved.Set(f.v)
			switch f.v.Kind() {
			case reflect.String:
				f.v.SetString(f.v.String() + "x")
			case reflect.Bool:
				f.v.SetBool(!f.v.Bool())
			case reflect.Slice: // [][]string department paths
				f.v.Set(reflect.ValueOf([][]string{{"另一个部门"}}))
			default:
				t.Fatalf("%s field %s of kind %s: teach this test and inputsBase about it", side, f.name, f.v.Kind())
			}
			if bytes.Equal(inputsBase(1, hashRecords(l, m), "", false), base) {
				t.Errorf("changing the %s field %s leaves the inputs digest as it was", side, f.name)
			}
			f.v.Set(saved)
		}
	}
	for name, d := range map[string][]byte{
		"corp":    inputsBase(2, hashRecords(l, m), "", false),
		"policy":  inputsBase(1, hashRecords(l, m), `{"autoConfirmKeys":true}`, false),
		"lookups": inputsBase(1, hashRecords(l, m), "", true),
		"order":   inputsBase(1, hashRecords(swapped(l), m), "", false), // the first of a duplicate account wins
	} {
		if bytes.Equal(d, base) {
			t.Errorf("another %s leaves the inputs digest as it was", name)
		}
	}
}

func swapped(l []LocalRecord) []LocalRecord {
	l = slices.Clone(l)
	l[0], l[1] = l[1], l[0]
	return l
}

type leafField struct {
	name string
	v    reflect.Value
}

// leafFields lists the settable fields of a struct, embedded structs flattened.
func leafFields(v reflect.Value) []leafField {
	var out []leafField
	for i := range v.NumField() {
		f, sf := v.Field(i), v.Type().Field(i)
		if sf.Anonymous && f.Kind() == reflect.Struct {
			out = append(out, leafFields(f)...)
			continue
		}
		out = append(out, leafField{sf.Name, f})
	}
	return out
}
