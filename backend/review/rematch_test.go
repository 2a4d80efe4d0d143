package review

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"wecom-bridge/backend/binding"
)

func TestRematchPersistsEveryRow(t *testing.T) {
	e := fixtureEnv(t)
	got := e.all()
	type key struct{ state, account, userid, method string }
	var keys []key
	for _, r := range got {
		keys = append(keys, key{r.State, r.Account, r.UserID, r.Method})
	}
	want := []key{
		{"proposed", "u1", "u1", "userid"},
		{"proposed", "u2", "wx_li", "name"},
		{"proposed", "u7", "liuyang1", "name+department"},
		{"proposed", "u8", "liuyang2", "name+department"},
		{"proposed", "u9", "sun7", "email"},
		{"ambiguous", "", "zhangwei_a", "name"},
		{"ambiguous", "", "zhangwei_b", "name"},
		{"unbound_local", "u5", "", ""},
		{"unbound_wecom", "", "wx_zhao", ""},
	}
	if !reflect.DeepEqual(keys, want) {
		t.Fatalf("rows:\n%s\nwant %v", dump(got), want)
	}

	u1 := got[0]
	if u1.Confidence != 0.99 || u1.LocalName != "张三" || u1.LocalDept != "总部/研发部" || u1.LocalMobile != "138****8001" ||
		u1.LocalPosition != "工程师" || u1.WeComName != "张三" || u1.WeComDept != "某某科技/研发部" || u1.WeComMobile != "138****8001" ||
		u1.Reason != "WeCom userid u1 = account u1" {
		t.Fatalf("u1 row not denormalised as expected: %+v", u1)
	}
	if got[1].Confidence != 0.6 || got[2].Confidence != 0.8 || got[4].Confidence != 0.95 {
		t.Fatalf("confidences: %v %v %v", got[1].Confidence, got[2].Confidence, got[4].Confidence)
	}
	amb := got[5]
	if amb.Anchor != "wecom" || amb.Confidence != binding.ConfidenceAmbiguousName ||
		!reflect.DeepEqual(candIDs(amb), []string{"zw1", "zw2", "zw3"}) || amb.Candidates[1].Dept != "总部/市场部" ||
		amb.Candidates[0].Name != "张伟" || amb.Candidates[0].Method != "name" {
		t.Fatalf("ambiguous row: %+v", amb)
	}
	if c := e.list(Query{Filter: FilterAmbiguous}).Rows[0].Candidates[0]; c.Account != "zw1" || c.Name != "" || c.Method != "" {
		t.Fatalf("ambiguous row's candidate in a page: %+v (name and method as the row's: left out)", c)
	}
	if u5 := got[7]; u5.LocalMobile != "139****1111" || u5.Confidence != 0 || u5.UserID != "" {
		t.Fatalf("unbound local row: %+v", u5)
	}
}

func TestSummaryCountsLikeTheSyncBox(t *testing.T) {
	e := fixtureEnv(t)
	sum, err := e.svc.Summary(bg, e.corp)
	if err != nil {
		t.Fatal(err)
	}
	// The UI gets the same text the old ISO column held (store.Time.String).
	if at, err := time.Parse("2006-01-02T15:04:05.000Z", sum.MatchedAt); err != nil || time.Since(at) > time.Hour || sum.MatchedBy != admin {
		t.Fatalf("matched at/by: %q %q", sum.MatchedAt, sum.MatchedBy)
	}
	sum.MatchedAt = ""
	want := Summary{MembersPulled: 8, LocalAccounts: 9, ToConfirm: 5, Ambiguous: 2, UnboundLocal: 1, UnboundWeCom: 1,
		ToCreate: 1, MatchedBy: admin}
	if sum != want {
		t.Fatalf("summary\n got %+v\nwant %+v", sum, want)
	}
	toCreate, err := e.svc.UnboundMembersToCreate(bg, e.corp)
	if err != nil {
		t.Fatal(err)
	}
	wantCreate := []MemberToCreate{{Account: "wx_zhao", UserID: "wx_zhao", Name: "赵六", DeptPaths: [][]string{{"某某科技", "行政部"}}}}
	if !reflect.DeepEqual(toCreate, wantCreate) {
		t.Fatalf("to create: %+v", toCreate)
	}
}

func TestToCreateSkipsInactiveAndTakenAccounts(t *testing.T) {
	ghost := mem("ghost", "幽灵", "某某科技")
	ghost.Active = false
	old := loc("taken", "老员工", "总部")
	old.Resigned = true // a resigned account is never proposed for an active member
	e := newEnv(t, []LocalRecord{old}, []MemberRecord{ghost, mem("taken", "新员工", "某某科技"), mem("fresh", "新人", "某某科技")})
	sum := e.rematch()
	if sum.UnboundWeCom != 3 || sum.ToCreate != 1 {
		t.Fatalf("unbound %d, to create %d; want 3 and 1", sum.UnboundWeCom, sum.ToCreate)
	}
	got, _ := e.svc.UnboundMembersToCreate(bg, e.corp)
	if len(got) != 1 || got[0].UserID != "fresh" {
		t.Fatalf("to create: %+v", got)
	}
}

func TestDecisionsSurviveRematch(t *testing.T) {
	e := fixtureEnv(t)
	li := e.find(StateProposed, "u2", "wx_li")
	u1 := e.find(StateProposed, "u1", "u1")
	if _, err := e.svc.Confirm(bg, e.corp, []int64{li.ID}, admin); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Reject(bg, e.corp, []int64{u1.ID}, admin); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		sum := e.rematch()
		if sum.Confirmed != 1 || sum.Rejected != 1 || sum.ToConfirm != 3 {
			t.Fatalf("rematch %d: %+v", i, sum)
		}
		if r := e.find(StateConfirmed, "u2", "wx_li"); r.Method != "name" || r.Reason != "confirmed earlier (matched by name)" {
			t.Fatalf("confirmed row after rematch: %+v", r)
		}
		// The rejected pair is shown as rejected and nowhere proposed; the
		// userid key and the mobile would both have proposed it again.
		e.find(StateRejected, "u1", "u1")
		e.find(StateUnboundLocal, "u1", "")
		e.find(StateUnboundWeCom, "", "u1")
		if n := e.count(StateProposed, "u1", "") + e.count(StateProposed, "", "u1"); n != 0 {
			t.Fatalf("rejected pair proposed again:\n%s", dump(e.all()))
		}
	}
	pairs, err := e.svc.ConfirmedPairs(bg, e.corp)
	if err != nil || !reflect.DeepEqual(pairs, map[string]string{"u2": "wx_li"}) {
		t.Fatalf("confirmed pairs %v %v", pairs, err)
	}
}

func TestAutoConfirmedBindingsBecomeDecisionsAuditedOnce(t *testing.T) {
	l, m := fixture()
	e := newEnv(t, l, m)
	p := binding.DefaultPolicy()
	p.AutoConfirmKeys = true
	sum := e.rematchWith(p)
	if sum.Confirmed != 2 || sum.ToConfirm != 3 {
		t.Fatalf("auto-confirm: %+v", sum)
	}
	want := []string{
		admin + " auto_confirm u1↔u1 /→confirmed/userid",
		admin + " auto_confirm u9↔sun7 /→confirmed/email",
	}
	if got := auditLines(e.audit()); !reflect.DeepEqual(got, want) {
		t.Fatalf("audit %q\nwant %q", got, want)
	}
	// The policy is saved; a second rematch, even with auto-confirm off,
	// keeps the confirmations without auditing them again.
	if got, _ := e.svc.GetPolicy(bg, e.corp); !got.AutoConfirmKeys {
		t.Fatalf("policy not saved: %+v", got)
	}
	if sum := e.rematch(); sum.Confirmed != 2 || len(e.audit()) != 2 {
		t.Fatalf("second rematch: %+v, %d audit entries", sum, len(e.audit()))
	}
}

func TestPolicyValidatedAndPersisted(t *testing.T) {
	e := fixtureEnv(t)
	if p, _ := e.svc.GetPolicy(bg, e.addCorp("新企业")); !reflect.DeepEqual(p, binding.DefaultPolicy()) {
		t.Fatalf("default policy: %+v", p)
	}
	bad := binding.Policy{KeyPairs: []binding.KeyPair{{WeCom: "mobile", Local: "account"}}}
	if err := e.svc.SetPolicy(bg, e.corp, bad); !errors.Is(err, ErrInvalid) {
		t.Fatalf("invalid policy saved: %v", err)
	}
	if _, err := e.svc.Rematch(bg, e.corp, bad, admin); !errors.Is(err, ErrInvalid) {
		t.Fatalf("rematch with invalid policy: %v", err)
	}
	good := binding.Policy{KeyPairs: []binding.KeyPair{{WeCom: "userid", Local: "employee_no"}}, AutoConfirmNames: true}
	if err := e.svc.SetPolicy(bg, e.corp, good); err != nil {
		t.Fatal(err)
	}
	if p, _ := e.svc.GetPolicy(bg, e.corp); !reflect.DeepEqual(p, good) {
		t.Fatalf("policy round trip: %+v", p)
	}
}

func TestRematchRefusals(t *testing.T) {
	e := fixtureEnv(t)
	if _, err := e.svc.Rematch(bg, 999, binding.DefaultPolicy(), admin); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown corp: %v", err)
	}
	if _, err := e.svc.Rematch(bg, e.corp, binding.DefaultPolicy(), " "); !errors.Is(err, ErrInvalid) {
		t.Fatalf("no actor: %v", err)
	}
	e.src.Err = errors.New("directory offline")
	if _, err := e.svc.Rematch(bg, e.corp, binding.DefaultPolicy(), admin); err == nil {
		t.Fatal("source error swallowed")
	}
	e.src.Err = nil
	if n := len(e.all()); n != 9 {
		t.Fatalf("a failed rematch changed the rows: %d", n)
	}
}

func TestStaleDecisionKeptButNotInConfirmedPairs(t *testing.T) {
	e := fixtureEnv(t)
	if err := e.svc.BindManual(bg, e.corp, "u5", "wx_zhao", admin, false); err != nil {
		t.Fatal(err)
	}
	// wx_zhao leaves WeCom: the decision cannot be applied, but is kept.
	ms := e.src.MemberRecords[e.corp]
	e.src.MemberRecords[e.corp] = ms[:4:4]
	e.src.MemberRecords[e.corp] = append(e.src.MemberRecords[e.corp], ms[5:]...)
	sum := e.rematch()
	if sum.StaleDecisions != 1 || sum.Confirmed != 0 {
		t.Fatalf("summary %+v", sum)
	}
	if pairs, _ := e.svc.ConfirmedPairs(bg, e.corp); len(pairs) != 0 {
		t.Fatalf("stale pair handed to sync: %v", pairs)
	}
	// It comes back.
	e.src.MemberRecords[e.corp] = ms
	if sum := e.rematch(); sum.Confirmed != 1 || sum.StaleDecisions != 0 {
		t.Fatalf("summary %+v", sum)
	}
}

func TestDuplicateInputsSkippedCaseInsensitively(t *testing.T) {
	e := newEnv(t, []LocalRecord{loc("A1", "甲", ""), loc("a1", "乙", ""), loc(" ", "空", "")},
		[]MemberRecord{mem("A1", "甲", ""), mem("a1", "乙", "")})
	sum := e.rematch()
	if sum.SkippedLocals != 2 || sum.SkippedMembers != 1 || sum.LocalAccounts != 1 || sum.MembersPulled != 1 {
		t.Fatalf("summary %+v", sum)
	}
	e.find(StateProposed, "A1", "A1")
}
