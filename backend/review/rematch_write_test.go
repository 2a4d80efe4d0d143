package review

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// storedIDs are the ids of the corp's rows and sides.
func (e *env) storedIDs() (rows, sides []int64) {
	e.t.Helper()
	if err := e.st.DB.Select(&rows, `SELECT id FROM bind_rows WHERE corp_id = ? ORDER BY id`, e.corp); err != nil {
		e.t.Fatal(err)
	}
	if err := e.st.DB.Select(&sides, `SELECT id FROM bind_sides WHERE corp_id = ? ORDER BY id`, e.corp); err != nil {
		e.t.Fatal(err)
	}
	return rows, sides
}

// contents are the rows without their ids, sorted: what a rematch must
// produce whether it rewrote everything or only what changed.
func contents(rows []Row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		r.ID = 0
		out[i] = fmt.Sprintf("%+v", r)
	}
	slices.Sort(out)
	return out
}

// rewrittenFromScratch is what a rematch writes into an empty review: the
// reference the incremental write is compared with.
func (e *env) rewrittenFromScratch() []Row {
	e.t.Helper()
	for _, q := range []string{`DELETE FROM bind_rows WHERE corp_id = ?`, `DELETE FROM bind_sides WHERE corp_id = ?`} {
		if _, err := e.st.DB.Exec(q, e.corp); err != nil {
			e.t.Fatal(err)
		}
	}
	e.bumpVersion()
	e.rematch()
	return e.all()
}

// bumpVersion does what writeOn does after every write of a corp's review,
// for a test writing bind_rows or bind_sides by hand: a rematch trusts its
// memory of what it stored only while the version is the one it left.
func (e *env) bumpVersion() {
	e.t.Helper()
	if _, err := e.st.DB.Exec(`UPDATE bind_corp_state SET version = version + 1 WHERE corp_id = ?`, e.corp); err != nil {
		e.t.Fatal(err)
	}
}

func TestRematchWithNothingChangedWritesNoRow(t *testing.T) {
	e := fixtureEnv(t)
	before := e.all()
	rows, sides := e.storedIDs()
	audits := len(e.audit())
	e.rematch()
	e.rematch()
	rows2, sides2 := e.storedIDs()
	if !reflect.DeepEqual(rows, rows2) || !reflect.DeepEqual(sides, sides2) {
		t.Fatalf("an unchanged rematch rewrote rows or sides: rows %v → %v, sides %v → %v", rows, rows2, sides, sides2)
	}
	if after := e.all(); !reflect.DeepEqual(before, after) {
		t.Fatalf("rows changed:\n%s\nthen\n%s", dump(before), dump(after))
	}
	if n := len(e.audit()); n != audits {
		t.Fatalf("an unchanged rematch audited %d entries", n-audits)
	}
	var zero int
	if err := e.st.DB.Get(&zero, `SELECT
		(SELECT COUNT(*) FROM bind_rows WHERE corp_id = ? AND digest = 0) +
		(SELECT COUNT(*) FROM bind_sides WHERE corp_id = ? AND digest = 0)`, e.corp, e.corp); err != nil || zero != 0 {
		t.Fatalf("%d rows or sides stored without a digest (%v)", zero, err)
	}
}

func TestRematchRewritesOnlyWhatChanged(t *testing.T) {
	e := fixtureEnv(t)
	keep := e.find(StateProposed, "u1", "u1")
	moved := e.find(StateProposed, "u9", "sun7")
	// 孙七 changes position in WeCom: the u9 row (its WeCom side) changes,
	// nothing else does.
	for i := range e.src.MemberRecords[e.corp] {
		if m := &e.src.MemberRecords[e.corp][i]; m.UserID == "sun7" {
			m.Position = "经理"
		}
	}
	e.rematch()
	if got := e.find(StateProposed, "u1", "u1"); got.ID != keep.ID {
		t.Fatalf("unchanged row u1 rewritten: id %d → %d", keep.ID, got.ID)
	}
	got := e.find(StateProposed, "u9", "sun7")
	if got.ID == moved.ID || got.WeComPosition != "经理" {
		t.Fatalf("changed row u9: id %d → %d, position %q", moved.ID, got.ID, got.WeComPosition)
	}
	incremental := contents(e.all())
	if scratch := contents(e.rewrittenFromScratch()); !reflect.DeepEqual(incremental, scratch) {
		t.Fatalf("incremental rematch differs from a full rewrite:\n%v\n%v", incremental, scratch)
	}
}

// After the admin's actions edit rows in place, a rematch leaves exactly
// what a full rewrite would: an UPDATE zeroes the row's digest (migration
// 0025's trigger or the statement itself), so no edited row is kept as if
// the rematch had made it.
func TestRematchAfterActionsEqualsFullRewrite(t *testing.T) {
	e := fixtureEnv(t)
	if _, err := e.svc.Confirm(bg, e.corp, []int64{e.find(StateProposed, "u1", "u1").ID}, admin); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Reject(bg, e.corp, []int64{e.find(StateProposed, "u2", "wx_li").ID}, admin); err != nil {
		t.Fatal(err)
	}
	amb := e.find(StateAmbiguous, "", "zhangwei_a")
	if err := e.svc.ResolveAmbiguous(bg, e.corp, amb.ID, "zw1", admin); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.ConfirmHighConfidence(bg, e.corp, 0.9, admin); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.BindManual(bg, e.corp, "u5", "wx_zhao", admin, false); err != nil {
		t.Fatal(err)
	}
	e.rematch()
	incremental := contents(e.all())
	if scratch := contents(e.rewrittenFromScratch()); !reflect.DeepEqual(incremental, scratch) {
		t.Fatalf("rematch after actions differs from a full rewrite:\n%v\n%v", incremental, scratch)
	}
}

// Binding a namesake by hand narrows the ambiguous rows that listed it (an
// UPDATE in place); unbinding it leaves them narrowed. The rematch must not
// keep them on their old digest: it gives the candidate back.
func TestRematchAfterUnbindGivesTheCandidateBack(t *testing.T) {
	e := fixtureEnv(t)
	want := contents(e.all())
	if err := e.svc.BindManual(bg, e.corp, "zw1", "wx_zhao", admin, false); err != nil {
		t.Fatal(err)
	}
	if got := candIDs(e.find(StateAmbiguous, "", "zhangwei_a")); !reflect.DeepEqual(got, []string{"zw2", "zw3"}) {
		t.Fatalf("candidates after binding zw1 by hand: %v", got)
	}
	if _, err := e.svc.Unbind(bg, e.corp, []int64{e.find(StateConfirmed, "zw1", "wx_zhao").ID}, admin, 1); err != nil {
		t.Fatal(err)
	}
	e.rematch()
	if got := contents(e.all()); !reflect.DeepEqual(got, want) {
		t.Fatalf("after bind, unbind and rematch:\n%s\nwant the first match's rows", dump(e.all()))
	}
}

func TestUpdatingARowForgetsItsDigest(t *testing.T) {
	e := fixtureEnv(t)
	id := e.find(StateProposed, "u7", "liuyang1").ID
	if _, err := e.st.DB.Exec(`UPDATE bind_rows SET reason = 'edited' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	e.bumpVersion()
	var d int64
	if err := e.st.DB.Get(&d, `SELECT digest FROM bind_rows WHERE id = ?`, id); err != nil || d != 0 {
		t.Fatalf("digest after an UPDATE: %d, %v; want 0", d, err)
	}
	e.rematch()
	if r := e.find(StateProposed, "u7", "liuyang1"); r.Reason == "edited" || r.ID == id {
		t.Fatalf("a rematch kept the edited row: %+v", r)
	}
}

func TestDigestTellsValuesApart(t *testing.T) {
	same := digestOf("a", "bc", int64(1), true, deptPaths{{"x", "y"}})
	for _, other := range [][]any{
		{"ab", "c", int64(1), true, deptPaths{{"x", "y"}}},   // a boundary moved
		{"a", "bc", int64(1), false, deptPaths{{"x", "y"}}},  // a flag
		{"a", "bc", 1.0, true, deptPaths{{"x", "y"}}},        // a type
		{"a", "bc", int64(1), true, deptPaths{{"x"}, {"y"}}}, // the paths' shape
		{"a", "bc", int64(1), true, deptPaths{{"xy"}}},
	} {
		if digestOf(other...) == same {
			t.Fatalf("%v digests like the original", other)
		}
	}
	if digestOf("a", "bc", int64(1), true, deptPaths{{"x", "y"}}) != same {
		t.Fatal("the same values digest differently")
	}
}

// The typed digests a rematch computes are digestOf the values it stores.
func TestTypedDigestsEqualTheStoredValues(t *testing.T) {
	e := fixtureEnv(t)
	l, m := fixture()
	in := prepareInput(l, m, nil)
	for i := range in.sides() {
		if s := in.side(i); s.digest(e.corp) != digestOf(s.values(e.corp)...) {
			t.Fatalf("side %s: typed digest differs", s.Key)
		}
	}
	var recs []rowRec
	if err := e.st.DB.Select(&recs, selectRow+`WHERE corp_id = ?`, e.corp); err != nil || len(recs) == 0 {
		t.Fatalf("rows: %d, %v", len(recs), err)
	}
	for _, r := range recs {
		if r.digest() != digestOf(r.content()...) || r.digest() != r.Digest {
			t.Fatalf("row %d: typed %d, of the values %d, stored %d", r.ID, r.digest(), digestOf(r.content()...), r.Digest)
		}
	}
}
