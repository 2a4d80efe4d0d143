package review

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"

	"wecom-bridge/backend/binding"
)

// randomOrg is a small organisation where names, mobiles and emails repeat
// across people (namesakes, shared keys), some accounts equal a userid, some
// people are inactive: every kind of evidence and conflict the engine knows.
func randomOrg(r *rand.Rand) ([]LocalRecord, []MemberRecord) {
	names := []string{"张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊"}
	depts := []string{"总部/研发部", "总部/市场部", "总部/财务部", "分公司/研发部"}
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	maybe := func(p float64, v string) string {
		if r.Float64() < p {
			return v
		}
		return ""
	}
	var locals []LocalRecord
	for i := range 30 {
		l := loc(fmt.Sprintf("a%02d", i), pick(names), pick(depts))
		l.Mobile = maybe(0.3, fmt.Sprintf("1380000%04d", r.IntN(12)))
		l.Email = maybe(0.2, fmt.Sprintf("p%d@corp.example", r.IntN(8)))
		l.EmployeeNo = maybe(0.2, fmt.Sprintf("E%02d", r.IntN(40)))
		l.Resigned = r.Float64() < 0.1
		locals = append(locals, l)
	}
	var members []MemberRecord
	for i := range 30 {
		members = append(members, randomMember(r, i, names, depts))
	}
	return locals, members
}

func randomMember(r *rand.Rand, i int, names, depts []string) MemberRecord {
	id := fmt.Sprintf("u%02d", i)
	switch r.IntN(4) {
	case 0:
		id = fmt.Sprintf("a%02d", r.IntN(30)) // the account's own userid
	case 1:
		id = fmt.Sprintf("E%02d", r.IntN(40)) // an employee number
	}
	m := mem(id, names[r.IntN(len(names))], depts[r.IntN(len(depts))])
	if r.Float64() < 0.3 {
		m.Mobile = fmt.Sprintf("+86 138-0000-%04d", r.IntN(12))
	}
	if r.Float64() < 0.2 {
		m.Email = fmt.Sprintf("P%d@Corp.example", r.IntN(8))
	}
	m.Active = r.Float64() > 0.1
	return m
}

var decidedAt = regexp.MustCompile(`\d{4}-\d\d-\d\dT[\d:.]+Z`)

// state is everything a rematch decides, without row ids and times.
func (e *env) state() string {
	e.t.Helper()
	var rows []string
	for _, row := range e.all() {
		row.ID = 0
		b, _ := json.Marshal(row)
		rows = append(rows, decidedAt.ReplaceAllString(string(b), "<at>")) // the two corps decided at other times
	}
	slices.Sort(rows)
	var sides []string
	if err := e.st.DB.Select(&sides, `SELECT side || ' ' || key || ' ' || name || ' ' || mobile || ' ' || email || ' ' || dept_paths ||
		' ' || inactive || ' ' || search_text FROM bind_sides WHERE corp_id = ? ORDER BY side, key`, e.corp); err != nil {
		e.t.Fatal(err)
	}
	var ds []string
	if err := e.st.DB.Select(&ds, `SELECT account || ' ' || userid || ' ' || state || ' ' || method FROM bind_decisions
		WHERE corp_id = ? ORDER BY account, userid`, e.corp); err != nil {
		e.t.Fatal(err)
	}
	audit := auditLines(e.audit())
	slices.Sort(audit)
	sum, err := e.svc.Summary(bg, e.corp)
	if err != nil {
		e.t.Fatal(err)
	}
	return fmt.Sprintf("rows:\n%s\nsides:\n%s\ndecisions:\n%s\naudit:\n%s\nstale %d", join(rows), join(sides), join(ds), join(audit),
		sum.StaleDecisions)
}

func join(list []string) string {
	out := ""
	for _, s := range list {
		out += "  " + s + "\n"
	}
	return out
}

// A rematch of the touched members gives exactly what the whole corp's
// rematch gives, on random organisations with decisions, after random
// changes of one to three members (name, mobile, email, new, gone,
// renamed userid, inactive).
func TestRematchTouchedEqualsFullRematch(t *testing.T) {
	for seed := range uint64(40) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel() // each seed has its own stores
			policy := binding.DefaultPolicy()
			if seed%3 == 1 {
				policy.AutoConfirmKeys = true
			}
			if seed%4 == 2 {
				policy.KeyPairs = append(policy.KeyPairs, binding.KeyPair{WeCom: binding.FieldUserID, Local: binding.FieldEmployeeNo})
			}
			// Two identical corps (same seed): one rematched by touch, one whole.
			var envs [2]*env
			var changed [2][]string
			for k := range envs {
				r := rand.New(rand.NewPCG(seed, 7))
				locals, members := randomOrg(r)
				e := newEnv(t, locals, members)
				e.rematchWith(policy)
				decide(e, r)
				changed[k] = mutate(e, r)
				envs[k] = e
			}
			res, err := envs[0].svc.RematchTouched(bg, envs[0].corp, admin, changed[0], nil)
			if err != nil || res.Full {
				t.Fatalf("touched: %v %+v", err, res)
			}
			envs[1].rematchWith(policy)
			if a, b := envs[0].state(), envs[1].state(); a != b {
				t.Fatalf("changed %v: touched rematch differs from the full one\n--- touched\n%s\n--- full\n%s", changed[0], a, b)
			}
		})
	}
}

// decide confirms and rejects a few rows, as a reviewer would.
func decide(e *env, r *rand.Rand) {
	e.t.Helper()
	for _, row := range e.all() {
		if row.State != StateProposed {
			continue
		}
		switch r.IntN(3) {
		case 0:
			if _, err := e.svc.Confirm(bg, e.corp, []int64{row.ID}, admin); err != nil {
				e.t.Fatal(err)
			}
		case 1:
			if _, err := e.svc.Reject(bg, e.corp, []int64{row.ID}, admin); err != nil {
				e.t.Fatal(err)
			}
		}
	}
}

// mutate changes one to three members of the corp's mirror and returns
// their userids (old and new), as contact callbacks would report them.
func mutate(e *env, r *rand.Rand) []string {
	names := []string{"张伟", "王芳", "李娜", "刘洋", "新人"}
	ms := slices.Clone(e.src.MemberRecords[e.corp])
	var touched []string
	for range 1 + r.IntN(3) {
		i := r.IntN(len(ms))
		touched = append(touched, ms[i].UserID)
		switch r.IntN(7) {
		case 0:
			ms[i].Name = names[r.IntN(len(names))]
		case 1:
			ms[i].Mobile = fmt.Sprintf("1380000%04d", r.IntN(12))
		case 2:
			ms[i].Email = fmt.Sprintf("p%d@corp.example", r.IntN(8))
		case 3:
			ms = slices.Delete(ms, i, i+1)
		case 4:
			nm := randomMember(r, 100+r.IntN(50), names, []string{"总部/研发部", "总部/市场部"})
			ms = append(ms, nm)
			touched = append(touched, nm.UserID)
		case 5:
			old, renamed := ms[i].UserID, ms[i].UserID+"_new"
			if _, err := e.svc.RenameUserID(bg, e.corp, old, renamed, admin); err != nil {
				e.t.Fatal(err)
			}
			ms[i].UserID = renamed
			touched = append(touched, renamed)
		case 6:
			ms[i].Active = !ms[i].Active
			ms[i].DeptPaths = paths("分公司/研发部")
		}
	}
	e.src.MemberRecords[e.corp] = ms
	return touched
}

// Rows outside the touched group keep their ids; the group's rows are
// rewritten; nothing is audited for them.
func TestRematchTouchedLeavesOtherRowsAlone(t *testing.T) {
	e := fixtureEnv(t)
	before := map[int64]Row{}
	for _, r := range e.all() {
		before[r.ID] = r
	}
	audits := len(e.audit())
	var sides int
	e.st.DB.Get(&sides, `SELECT COUNT(*) FROM bind_sides WHERE corp_id = ?`, e.corp)

	// wx_zhao (unbound) is renamed 王五 in WeCom: it pairs with the local u5.
	ms := e.src.MemberRecords[e.corp]
	for i := range ms {
		if ms[i].UserID == "wx_zhao" {
			ms[i].Name = "王五"
		}
	}
	res, err := e.svc.RematchTouched(bg, e.corp, admin, []string{"wx_zhao"}, nil)
	if err != nil || res.Full || res.Records != 2 || res.Rows != 1 {
		t.Fatalf("touched: %v %+v", err, res)
	}
	pair := e.find(StateProposed, "u5", "wx_zhao")
	if pair.Method != "name" || before[pair.ID].ID != 0 {
		t.Fatalf("the new pair is a new row: %+v", pair)
	}
	kept := 0
	for _, r := range e.all() {
		if r.Account == "u5" || r.UserID == "wx_zhao" {
			continue
		}
		old, ok := before[r.ID]
		if !ok || old.State != r.State || old.Account != r.Account || old.UserID != r.UserID {
			t.Fatalf("row %d outside the group changed: %+v → %+v", r.ID, old, r)
		}
		kept++
	}
	if kept != len(before)-2 || e.count("", "", "") != len(before)-1 {
		t.Fatalf("rows: kept %d of %d, now %d", kept, len(before), e.count("", "", ""))
	}
	if len(e.audit()) != audits {
		t.Fatalf("a proposal is not audited: %v", auditLines(e.audit()))
	}
	var after int
	e.st.DB.Get(&after, `SELECT COUNT(*) FROM bind_sides WHERE corp_id = ?`, e.corp)
	if after != sides {
		t.Fatalf("sides %d → %d", sides, after)
	}
	if res, err := e.svc.RematchTouched(bg, e.corp, "", []string{"wx_zhao"}, nil); err == nil {
		t.Fatalf("an actor is required: %+v", res)
	}
}

// A namesake renamed away: the ambiguous row it shared with another member
// is matched again as a whole (the row links them, the names no longer do).
func TestRematchTouchedFollowsTheRowsItLeaves(t *testing.T) {
	e := newEnv(t, []LocalRecord{loc("zw", "张伟", "总部/研发部"), loc("ll", "李雷", "总部")},
		[]MemberRecord{mem("zw_a", "张伟", "某某科技/质量部"), mem("zw_b", "张伟", "某某科技/采购部"), mem("li", "李雷", "某某科技")})
	e.rematch()
	amb := e.find(StateAmbiguous, "zw", "")
	other := e.find(StateProposed, "ll", "li")
	e.src.MemberRecords[e.corp][0].Name = "张伟伟"
	if res, err := e.svc.RematchTouched(bg, e.corp, admin, []string{"zw_a"}, nil); err != nil || res.Records != 3 {
		t.Fatalf("touched: %v %+v", err, res)
	}
	if p := e.find(StateProposed, "zw", "zw_b"); p.Method != "name" || p.ID == amb.ID {
		t.Fatalf("the namesake left behind pairs by name: %+v", p)
	}
	e.find("unbound_wecom", "", "zw_a")
	if e.find(StateProposed, "ll", "li").ID != other.ID || e.count("", "", "") != 3 {
		t.Fatalf("rows:\n%s", dump(e.all()))
	}
}
