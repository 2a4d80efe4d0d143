package review

import (
	"reflect"
	"testing"

	"wecom-bridge/backend/binding"
)

// A 0.99 userid match whose sides disagree on mobile, department and
// position is flagged with those fields, found by the conflicts filter, and
// never confirmed by the policy; a field one side lacks is no conflict.
func TestConflictFlag(t *testing.T) {
	a := loc("a1", "张三", "总部/研发部")
	a.Mobile, a.Email, a.Position = "13800138001", "a1@corp.example", "工程师"
	ma := mem("a1", "张三", "某某科技/市场部")
	ma.Mobile, ma.Position = "+86 139 0000 0001", "销售" // no email: WeCom withholds it
	b := loc("b1", "李四", "总部/研发部")
	b.Mobile, b.Position = "13800138002", "工程师"
	mb := mem("b1", "李四", "某某科技/研发部")
	mb.Mobile, mb.Position = "138-0013-8002", " 工程师 " // same after normalising
	e := newEnv(t, []LocalRecord{a, b}, []MemberRecord{ma, mb})
	e.rematchWith(binding.Policy{KeyPairs: binding.DefaultPolicy().KeyPairs, AutoConfirmKeys: true})

	flagged := e.find(StateProposed, "a1", "a1")
	if want := []string{ConflictMobile, ConflictDepartment, ConflictPosition}; !reflect.DeepEqual(flagged.Conflicts, want) {
		t.Fatalf("a1 conflicts = %v, want %v", flagged.Conflicts, want)
	}
	if clean := e.find(StateConfirmed, "b1", "b1"); clean.Conflicts != nil {
		t.Fatalf("b1 conflicts = %v, want none (and auto-confirmed)", clean.Conflicts)
	}
	if sum, _ := e.svc.Summary(bg, e.corp); sum.Conflicts != 1 {
		t.Fatalf("summary conflicts = %d, want 1", sum.Conflicts)
	}
	page := e.list(Query{Filter: FilterConflicts})
	if page.Total != 1 || page.Rows[0].Account != "a1" || len(page.Rows[0].Conflicts) != 3 {
		t.Fatalf("conflicts filter: %s", dump(page.Rows))
	}
	for _, a := range e.audit() {
		if a.Account == "a1" && a.Action == ActionAutoConfirm {
			t.Fatalf("a flagged pair was auto-confirmed: %s", auditLine(a))
		}
	}
	// Nor by the bulk confirmation of high-confidence rows: a person looks at it.
	if n, err := e.svc.ConfirmHighConfidence(bg, e.corp, 0.95, admin); err != nil || n != 0 {
		t.Fatalf("bulk confirm of a flagged pair: %d, %v", n, err)
	}
	e.find(StateProposed, "a1", "a1")
}

func TestConflictsOf(t *testing.T) {
	side := func(mobile, email, dept, pos string) *sideRec {
		return &sideRec{Mobile: mobile, Email: email, DeptPaths: paths(dept), Position: pos}
	}
	cases := []struct {
		name string
		l, w *sideRec
		want []string
	}{
		{"all agree", side("1", "e", "a/b", "p"), side("1", "e", "x/b", "p"), nil},
		{"one side unknown", side("1", "e", "a/b", "p"), side("", "", "", ""), nil},
		{"all differ", side("1", "e", "a/b", "p"), side("2", "f", "a/c", "q"), []string{"mobile", "email", "department", "position"}},
		{"leaf compared as a name", side("", "", "a/研发 部", "Dev"), side("", "", "x/研发部", "dev"), nil},
	}
	for _, c := range cases {
		if got := conflictsOf(c.l, c.w); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: conflictsOf = %v, want %v", c.name, got, c.want)
		}
	}
}

// The namesake picker's candidates carry position, main department path and
// masked mobile; a candidate bound elsewhere says to whom.
func TestCandidateDetails(t *testing.T) {
	l1 := loc("zw1", "张伟", "总部/研发部")
	l1.Position, l1.Mobile = "工程师", "13800138001"
	l1.DeptPaths = append(l1.DeptPaths, []string{"总部", "质量部"})
	l2 := loc("zw2", "张伟", "总部/研发部")
	e := newEnv(t, []LocalRecord{l1, l2}, []MemberRecord{mem("zwa", "张伟", "某某科技/采购部")})
	e.rematch()
	row := e.list(Query{Filter: FilterAmbiguous}).Rows[0]
	c := row.Candidates[0]
	if c.Account != "zw1" || c.Position != "工程师" || c.MainDept != "总部/研发部" || c.Mobile != "138****8001" || c.BoundTo != "" {
		t.Fatalf("candidate = %+v", c)
	}
	// Bound elsewhere: a stale candidate list (as a concurrent screen would
	// see it) names the binding that now holds the record.
	if _, err := e.st.DB.Exec(`INSERT INTO bind_rows(corp_id, state, method, account, userid) VALUES(?, 'proposed', 'manual', 'zw1', 'other')`, e.corp); err != nil {
		t.Fatal(err)
	}
	if c := e.list(Query{Filter: FilterAmbiguous}).Rows[0].Candidates[0]; c.BoundTo != "other" {
		t.Fatalf("candidate bound elsewhere = %+v, want boundTo other", c)
	}
}
