package review

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/usererr"
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
	if clean := e.find(StateConfirmed, "b1", "b1"); clean.Conflicts == nil || len(clean.Conflicts) != 0 {
		t.Fatalf("b1 conflicts = %#v, want an empty list (and auto-confirmed)", clean.Conflicts)
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
// masked mobile; a candidate bound elsewhere says to whom. A List page
// carries only their ids: the picker reads the details with Candidates.
func TestCandidateDetails(t *testing.T) {
	l1 := loc("zw1", "张伟", "总部/研发部")
	l1.Position, l1.Mobile = "工程师", "13800138001"
	l1.DeptPaths = append(l1.DeptPaths, []string{"总部", "质量部"})
	l2 := loc("zw2", "张伟", "总部/研发部")
	e := newEnv(t, []LocalRecord{l1, l2}, []MemberRecord{mem("zwa", "张伟", "某某科技/采购部")})
	e.rematch()
	row := e.list(Query{Filter: FilterAmbiguous}).Rows[0]
	if got := row.Candidates[0]; got != (Candidate{Account: "zw1"}) {
		t.Fatalf("page candidate = %+v, want its account only", got)
	}
	list, err := e.svc.Candidates(bg, e.corp, row.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := list.Candidates[0]
	if list.RowID != row.ID || len(list.Candidates) != 2 || list.More != 0 || c.Account != "zw1" || c.Name != "张伟" ||
		c.Method != "name" || c.Position != "工程师" || c.MainDept != "总部/研发部" || c.Dept != "总部/研发部; 总部/质量部" ||
		c.Mobile != "138****8001" || c.BoundTo != "" {
		t.Fatalf("candidates = %+v", list)
	}
	// Bound elsewhere: a stale candidate list (as a concurrent screen would
	// see it) names the binding that now holds the record.
	if _, err := e.st.DB.Exec(`INSERT INTO bind_rows(corp_id, state, method, account, userid) VALUES(?, 'proposed', 'manual', 'zw1', 'other')`, e.corp); err != nil {
		t.Fatal(err)
	}
	if list, err := e.svc.Candidates(bg, e.corp, row.ID); err != nil || list.Candidates[0].BoundTo != "other" || list.Candidates[1].BoundTo != "" {
		t.Fatalf("candidates with one bound elsewhere = %+v %v, want zw1 boundTo other", list, err)
	}
}

// Candidates answers for an ambiguous row of the corp only, and names the
// row and the next step otherwise.
func TestCandidatesRefusals(t *testing.T) {
	e := fixtureEnv(t)
	amb := e.list(Query{Filter: FilterAmbiguous}).Rows[0]
	pair := e.list(Query{Filter: FilterReview}).Rows[0]
	other := e.addCorp("other")
	cases := []struct {
		corp, row int64
		code      string
	}{
		{e.corp, pair.ID, "binding_not_ambiguous"},
		{e.corp, 1 << 40, "binding_row_gone"},
		{other, amb.ID, "binding_row_gone"}, // another corp's row
	}
	for _, c := range cases {
		_, err := e.svc.Candidates(bg, c.corp, c.row)
		if m, ok := usererr.As(err); !ok || m.Code != c.code || !strings.Contains(m.ZH, fmt.Sprint(c.row)) {
			t.Errorf("Candidates(%d, %d) = %v, want %s naming the row", c.corp, c.row, err, c.code)
		}
	}
	if _, err := e.svc.Candidates(bg, other, amb.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("another corp's row: %v, want ErrNotFound", err)
	}
}
