package review

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// checkInvariant asserts what every action must keep: each local account and
// WeCom member of the last match is in exactly one place (a binding, the
// anchor of an ambiguous row, a candidate of ambiguous rows, or an unbound
// row), and the confirmed and rejected rows are exactly the decisions whose
// two sides are present.
func (e *env) checkInvariant() {
	e.t.Helper()
	var sides []struct {
		Side string `db:"side"`
		Key  string `db:"key"`
	}
	if err := e.st.DB.Select(&sides, `SELECT side, key FROM bind_sides WHERE corp_id = ?`, e.corp); err != nil {
		e.t.Fatal(err)
	}
	own, held := map[string]int{}, map[string]int{}
	rows := e.all()
	for _, r := range rows {
		switch r.State {
		case StateProposed, StateConfirmed:
			own["local:"+foldKey(r.Account)]++
			own["wecom:"+foldKey(r.UserID)]++
		case StateUnboundLocal:
			own["local:"+foldKey(r.Account)]++
		case StateUnboundWeCom:
			own["wecom:"+foldKey(r.UserID)]++
		case StateAmbiguous:
			all, err := e.rowCandidates(r.ID)
			if err != nil {
				e.t.Fatal(err)
			}
			if len(all) == 0 {
				e.t.Fatalf("ambiguous row %d has no candidates", r.ID)
			}
			if r.Anchor == sideLocal {
				own["local:"+foldKey(r.Account)]++
				for _, c := range all {
					held["wecom:"+foldKey(c.UserID)]++
				}
			} else {
				own["wecom:"+foldKey(r.UserID)]++
				for _, c := range all {
					held["local:"+foldKey(c.Account)]++
				}
			}
		}
	}
	for _, s := range sides {
		k := s.Side + ":" + foldKey(s.Key)
		if n := own[k]; n > 1 || (n == 1) == (held[k] > 0) {
			e.t.Fatalf("%s is in %d own rows and held by %d ambiguous rows:\n%s", k, n, held[k], dump(rows))
		}
	}
	var decided []struct {
		State   string `db:"state"`
		Account string `db:"account"`
		UserID  string `db:"userid"`
	}
	e.st.DB.Select(&decided, `SELECT d.state, d.account, d.userid FROM bind_decisions d
		JOIN bind_sides l ON l.corp_id = d.corp_id AND l.side = 'local' AND l.key = d.account
		JOIN bind_sides w ON w.corp_id = d.corp_id AND w.side = 'wecom' AND w.key = d.userid
		WHERE d.corp_id = ?`, e.corp)
	want := map[string]bool{}
	for _, d := range decided {
		want[fmt.Sprint(d.State, foldKey(d.Account), foldKey(d.UserID))] = true
	}
	got := map[string]bool{}
	for _, r := range rows {
		if r.State == StateConfirmed || r.State == StateRejected {
			got[fmt.Sprint(r.State, foldKey(r.Account), foldKey(r.UserID))] = true
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		e.t.Fatalf("confirmed/rejected rows %v\n!= decisions %v", got, want)
	}
}

// rowCandidates reads every candidate of a row (List trims them to 5).
func (e *env) rowCandidates(id int64) ([]Candidate, error) {
	var r rowRec
	if err := e.st.DB.Get(&r, selectRow+`WHERE id = ?`, id); err != nil {
		return nil, err
	}
	return r.candidates(), nil
}

// TestRandomActionsKeepInvariant drives a namesake-heavy organisation
// through random actions and rematches, checking the invariant after each.
func TestRandomActionsKeepInvariant(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	names := []string{"张伟", "王芳", "李娜", "刘洋"}
	depts := []string{"研发部", "市场部", "财务部"}
	var locals []LocalRecord
	var members []MemberRecord
	for i := 0; i < 40; i++ {
		n, d := names[rng.IntN(len(names))], depts[rng.IntN(len(depts))]
		if rng.IntN(5) > 0 {
			locals = append(locals, loc(fmt.Sprintf("a%02d", i), n, "总部/"+d))
		}
		if rng.IntN(5) > 0 {
			id := fmt.Sprintf("w%02d", i)
			if rng.IntN(3) == 0 {
				id = fmt.Sprintf("a%02d", i) // userid = account
			}
			members = append(members, mem(id, n, "公司/"+depts[rng.IntN(len(depts))]))
		}
	}
	e := newEnv(t, locals, members)
	e.rematch()
	e.checkInvariant()
	pick := func(states ...string) *Row {
		var hits []Row
		for _, r := range e.all() {
			for _, s := range states {
				if r.State == s {
					hits = append(hits, r)
				}
			}
		}
		if len(hits) == 0 {
			return nil
		}
		return &hits[rng.IntN(len(hits))]
	}
	for step := 0; step < 120; step++ {
		var err error
		switch op := rng.IntN(7); op {
		case 0:
			if r := pick(StateProposed); r != nil {
				_, err = e.svc.Confirm(bg, e.corp, []int64{r.ID}, admin)
			}
		case 1:
			if r := pick(StateProposed, StateConfirmed); r != nil {
				_, err = e.svc.Reject(bg, e.corp, []int64{r.ID}, admin)
			}
		case 2:
			if r := pick(StateProposed, StateConfirmed); r != nil {
				_, err = e.svc.Unbind(bg, e.corp, []int64{r.ID}, admin, 1)
			}
		case 3:
			if r := pick(StateAmbiguous); r != nil {
				all, _ := e.rowCandidates(r.ID)
				c := all[rng.IntN(len(all))]
				err = e.svc.ResolveAmbiguous(bg, e.corp, r.ID, c.Account+c.UserID, admin)
			}
		case 4, 5:
			l := locals[rng.IntN(len(locals))].Account
			m := members[rng.IntN(len(members))].UserID
			err = e.svc.BindManual(bg, e.corp, l, m, admin, rng.IntN(2) == 0)
			if _, conflict := err.(*ConflictError); conflict {
				err = nil
			}
		case 6:
			if rng.IntN(4) == 0 {
				e.rematch()
			}
		}
		if err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		e.checkInvariant()
	}
}
