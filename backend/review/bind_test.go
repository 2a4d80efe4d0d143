package review

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/usererr"
)

func TestBindManualTwoUnboundRecords(t *testing.T) {
	e := fixtureEnv(t)
	if err := e.svc.BindManual(bg, e.corp, "U5", "WX_ZHAO", "boss", false); err != nil {
		t.Fatal(err)
	}
	r := e.find(StateConfirmed, "u5", "wx_zhao") // stored spelling, whatever was typed
	if r.Method != "manual" || r.Confidence != 1 || r.Reason != "bound by hand by boss" || r.LocalName != "王五" || r.WeComName != "赵六" {
		t.Fatalf("manual row: %+v", r)
	}
	if e.count(StateUnboundLocal, "", "") != 0 || e.count(StateUnboundWeCom, "", "") != 0 {
		t.Fatalf("unbound rows left:\n%s", dump(e.all()))
	}
	if got := auditLines(e.audit()); !reflect.DeepEqual(got, []string{"boss bind_manual u5↔wx_zhao unbound/→confirmed/manual"}) {
		t.Fatalf("audit %q", got)
	}
	// Again: nothing to do.
	if err := e.svc.BindManual(bg, e.corp, "u5", "wx_zhao", "boss", false); err != nil || len(e.audit()) != 1 {
		t.Fatalf("bind twice: %v, %d entries", err, len(e.audit()))
	}
	// Survives a rematch as a decision.
	e.rematch()
	e.find(StateConfirmed, "u5", "wx_zhao")
}

func TestBindManualUnknownSides(t *testing.T) {
	e := fixtureEnv(t)
	err := e.svc.BindManual(bg, e.corp, "nobody", "wx_zhao", admin, false)
	if !errors.Is(err, ErrNotFound) || !usererr.Is(err, "binding_account_not_in_match") || !strings.Contains(err.Error(), "nobody") {
		t.Fatalf("unknown account: %v", err)
	}
	err = e.svc.BindManual(bg, e.corp, "u5", "ghost", admin, false)
	if !errors.Is(err, ErrNotFound) || !usererr.Is(err, "binding_userid_not_in_match") || !strings.Contains(err.Error(), "ghost") {
		t.Fatalf("unknown userid: %v", err)
	}
}

func TestBindManualEnforcesOneToOne(t *testing.T) {
	e := fixtureEnv(t)
	u1 := e.find(StateProposed, "u1", "u1")
	e.svc.Confirm(bg, e.corp, []int64{u1.ID}, admin)

	// Local side taken.
	err := e.svc.BindManual(bg, e.corp, "u1", "wx_zhao", admin, false)
	var ce *ConflictError
	if !errors.As(err, &ce) || !errors.Is(err, ErrConflict) || ce.Side != "local" || ce.BoundUserID != "u1" || ce.RowID != u1.ID {
		t.Fatalf("local conflict: %#v", err)
	}
	if !strings.Contains(err.Error(), "Account u1 is already bound to WeCom userid u1 (confirmed, method userid") {
		t.Fatalf("message: %v", err)
	}
	// WeCom side taken.
	err = e.svc.BindManual(bg, e.corp, "u5", "u1", admin, false)
	if !errors.As(err, &ce) || ce.Side != "wecom" || ce.BoundAccount != "u1" ||
		!strings.Contains(err.Error(), "WeCom userid u1 is already bound to account u1") {
		t.Fatalf("wecom conflict: %v", err)
	}
	e.find(StateConfirmed, "u1", "u1")
	if len(e.audit()) != 1 {
		t.Fatal("a refused bind changed something")
	}

	// Forced: the old binding is unbound (audited), its other side released.
	if err := e.svc.BindManual(bg, e.corp, "u5", "u1", admin, true); err != nil {
		t.Fatal(err)
	}
	e.find(StateConfirmed, "u5", "u1")
	e.find(StateUnboundLocal, "u1", "")
	if e.count(StateUnboundLocal, "u5", "") != 0 {
		t.Fatalf("u5 still unbound:\n%s", dump(e.all()))
	}
	want := []string{
		admin + " confirm u1↔u1 proposed/userid→confirmed/userid",
		admin + " unbind u1↔u1 confirmed/userid→unbound/",
		admin + " bind_manual u5↔u1 unbound/→confirmed/manual",
	}
	got := e.audit()
	if !reflect.DeepEqual(auditLines(got), want) || got[1].Note.EN != "Forced by binding u5 ↔ u1 by hand" ||
		got[1].Note.ZH != "因手动绑定 u5 ↔ u1 而解除" {
		t.Fatalf("audit %q, note %q", auditLines(got), got[1].Note)
	}
	if pairs, _ := e.svc.ConfirmedPairs(bg, e.corp); !reflect.DeepEqual(pairs, map[string]string{"u5": "u1"}) {
		t.Fatalf("pairs %v", pairs)
	}
	e.checkInvariant()
}

func TestBindManualReplacesProposalAndOverturnsRejection(t *testing.T) {
	e := fixtureEnv(t)
	// u2 is proposed with wx_li; binding u2 to wx_zhao replaces the proposal.
	if err := e.svc.BindManual(bg, e.corp, "u2", "wx_zhao", admin, false); err != nil {
		t.Fatal(err)
	}
	e.find(StateConfirmed, "u2", "wx_zhao")
	e.find(StateUnboundWeCom, "", "wx_li")
	if e.count(StateProposed, "u2", "") != 0 {
		t.Fatal("proposal kept")
	}
	// Reject u1↔u1, then bind it by hand: the rejection is overturned.
	e.svc.Reject(bg, e.corp, []int64{e.find(StateProposed, "u1", "u1").ID}, admin)
	if err := e.svc.BindManual(bg, e.corp, "u1", "u1", admin, false); err != nil {
		t.Fatal(err)
	}
	e.find(StateConfirmed, "u1", "u1")
	if n := e.count(StateRejected, "", "") + e.count(StateUnboundLocal, "u1", "") + e.count(StateUnboundWeCom, "", "u1"); n != 0 {
		t.Fatalf("rejected or unbound rows left:\n%s", dump(e.all()))
	}
	want := []string{
		admin + " replace_proposal u2↔wx_li proposed/name→unbound/",
		admin + " bind_manual u2↔wx_zhao unbound/→confirmed/manual",
		admin + " reject u1↔u1 proposed/userid→rejected/userid",
		admin + " bind_manual u1↔u1 rejected/userid→confirmed/manual",
	}
	if got := auditLines(e.audit()); !reflect.DeepEqual(got, want) {
		t.Fatalf("audit %q", got)
	}
	// Binding a proposed pair by hand confirms it as manual.
	if err := e.svc.BindManual(bg, e.corp, "u9", "sun7", admin, false); err != nil {
		t.Fatal(err)
	}
	if r := e.find(StateConfirmed, "u9", "sun7"); r.Method != "manual" {
		t.Fatalf("method %q", r.Method)
	}
	e.rematch()
	if sum, _ := e.svc.Summary(bg, e.corp); sum.Confirmed != 3 || sum.Rejected != 0 {
		t.Fatalf("after rematch: %+v", sum)
	}
}

// Three local 张伟 against two WeCom 张伟: two ambiguous rows anchored on the
// members, each listing the three accounts.
func TestResolveAmbiguousNamesakes(t *testing.T) {
	e := fixtureEnv(t)
	a := e.find(StateAmbiguous, "", "zhangwei_a")
	b := e.find(StateAmbiguous, "", "zhangwei_b")

	if err := e.svc.ResolveAmbiguous(bg, e.corp, a.ID, "u5", admin); !errors.Is(err, ErrInvalid) ||
		!strings.Contains(err.Error(), "choose one of zw1, zw2, zw3") || !usererr.Is(err, "binding_not_candidate") {
		t.Fatalf("not a candidate: %v", err)
	}
	if err := e.svc.ResolveAmbiguous(bg, e.corp, e.find(StateProposed, "u1", "u1").ID, "u1", admin); !errors.Is(err, ErrInvalid) {
		t.Fatalf("not ambiguous: %v", err)
	}

	if err := e.svc.ResolveAmbiguous(bg, e.corp, a.ID, "ZW2", admin); err != nil {
		t.Fatal(err)
	}
	// One scale: the chosen pair has its candidate's method and that
	// method's confidence, the number the picker showed for it.
	r := e.find(StateConfirmed, "zw2", "zhangwei_a")
	if r.Method != "name" || r.Confidence != binding.Confidence(binding.MethodName) || !strings.HasPrefix(r.Reason, "chosen by "+admin+" among 3 candidates") {
		t.Fatalf("resolved row: %+v", r)
	}
	// zw2 is gone from zhangwei_b's candidates; zw1 and zw3 are still held there.
	b = e.find(StateAmbiguous, "", "zhangwei_b")
	if !reflect.DeepEqual(candIDs(b), []string{"zw1", "zw3"}) || e.count(StateUnboundLocal, "", "") != 1 {
		t.Fatalf("after first resolve:\n%s", dump(e.all()))
	}
	if got := ids(e.list(Query{Search: "zw2"})); !reflect.DeepEqual(got, []string{"zw2/zhangwei_a"}) {
		t.Fatalf("search text not updated: %v", got)
	}

	if err := e.svc.ResolveAmbiguous(bg, e.corp, b.ID, "zw3", admin); err != nil {
		t.Fatal(err)
	}
	e.find(StateConfirmed, "zw3", "zhangwei_b")
	e.find(StateUnboundLocal, "zw1", "") // held by no row any more
	if e.count(StateAmbiguous, "", "") != 0 {
		t.Fatalf("ambiguous rows left:\n%s", dump(e.all()))
	}
	want := []string{
		admin + " resolve zw2↔zhangwei_a ambiguous/name→confirmed/name",
		admin + " resolve zw3↔zhangwei_b ambiguous/name→confirmed/name",
	}
	if got := auditLines(e.audit()); !reflect.DeepEqual(got, want) {
		t.Fatalf("audit %q", got)
	}
	// The choices are decisions: a rematch keeps them and leaves zw1 unbound.
	sum := e.rematch()
	if sum.Confirmed != 2 || sum.Ambiguous != 0 || sum.UnboundLocal != 2 {
		t.Fatalf("after rematch: %+v\n%s", sum, dump(e.all()))
	}
	if err := e.svc.ResolveAmbiguous(bg, e.corp, b.ID, "zw1", admin); !errors.Is(err, ErrNotFound) {
		t.Fatalf("stale row id: %v", err)
	}
	e.checkInvariant()
}

func TestBindManualTakesACandidateOutOfAmbiguousRows(t *testing.T) {
	e := fixtureEnv(t)
	// zw1 is held by both ambiguous rows; bind it to the unbound 赵六.
	if err := e.svc.BindManual(bg, e.corp, "zw1", "wx_zhao", admin, false); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"zhangwei_a", "zhangwei_b"} {
		if got := candIDs(e.find(StateAmbiguous, "", u)); !reflect.DeepEqual(got, []string{"zw2", "zw3"}) {
			t.Fatalf("%s candidates %v", u, got)
		}
	}
	want := []string{admin + " bind_manual zw1↔wx_zhao ambiguous/name→confirmed/manual"}
	if got := auditLines(e.audit()); !reflect.DeepEqual(got, want) {
		t.Fatalf("audit %q", got)
	}
	// Binding an ambiguous anchor by hand removes its row and frees what it
	// alone held.
	e2 := newEnv(t, []LocalRecord{loc("a1", "李娜", "总部/一部"), loc("a2", "李娜", "总部/二部"), loc("x", "无关", "")},
		[]MemberRecord{mem("lina", "李娜", "公司/其他"), mem("other", "别人", "")})
	e2.rematch()
	e2.find(StateAmbiguous, "", "lina")
	if err := e2.svc.BindManual(bg, e2.corp, "x", "lina", admin, false); err != nil {
		t.Fatal(err)
	}
	e2.find(StateConfirmed, "x", "lina")
	e2.find(StateUnboundLocal, "a1", "")
	e2.find(StateUnboundLocal, "a2", "")
	if e2.count("", "", "") != 4 {
		t.Fatalf("rows:\n%s", dump(e2.all()))
	}
}

func TestPickers(t *testing.T) {
	e := fixtureEnv(t)
	e.svc.Confirm(bg, e.corp, []int64{e.find(StateProposed, "u2", "wx_li").ID}, admin)
	got, err := e.svc.SearchLocals(bg, e.corp, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, p := range got {
		order = append(order, p.Account+":"+p.State+":"+p.BoundTo)
	}
	// Unbound first, then held or ambiguous, then proposed, then confirmed;
	// by name (code point order: 刘 < 孙 < 张) and account within.
	want := []string{"u5:unbound_local:", "zw1:held:", "zw2:held:", "zw3:held:",
		"u7:proposed:liuyang1", "u8:proposed:liuyang2", "u9:proposed:sun7", "u1:proposed:u1", "u2:confirmed:wx_li"}
	if !reflect.DeepEqual(order, want) {
		t.Fatalf("locals %v\nwant %v", order, want)
	}
	if got[0].Mobile != "139****1111" || got[0].Dept != "总部/研发部" || got[0].Name != "王五" {
		t.Fatalf("picker entry: %+v", got[0])
	}
	ms, _ := e.svc.SearchMembers(bg, e.corp, "张伟", 1)
	if len(ms) != 1 || ms[0].UserID != "zhangwei_a" || ms[0].State != StateAmbiguous || ms[0].RowID == 0 {
		t.Fatalf("members: %+v", ms)
	}
	ms, _ = e.svc.SearchMembers(bg, e.corp, "138 0013 8001", 10)
	if len(ms) != 1 || ms[0].UserID != "u1" || ms[0].BoundTo != "u1" {
		t.Fatalf("by mobile: %+v", ms)
	}
	if _, err := e.svc.SearchLocals(bg, e.corp, "", 1000); !errors.Is(err, ErrInvalid) {
		t.Fatalf("limit: %v", err)
	}
}

// Issue 11 item 5: a row left with one candidate after a choice elsewhere is
// not "ambiguous" (an ambiguous row always offers two or more): it becomes a
// proposal of that pair, at its method's confidence, audited.
func TestResolveLeavesNoSingleCandidateRow(t *testing.T) {
	e := newEnv(t,
		[]LocalRecord{loc("l1", "张伟", "公司/研发"), loc("l2", "张伟", "公司/研发")},
		[]MemberRecord{mem("m1", "张伟", "公司/研发"), mem("m2", "张伟", "公司/研发")})
	e.rematch()
	a := e.find(StateAmbiguous, "l1", "")
	if err := e.svc.ResolveAmbiguous(bg, e.corp, a.ID, "m1", admin); err != nil {
		t.Fatal(err)
	}
	if n := e.count(StateAmbiguous, "", ""); n != 0 {
		t.Fatalf("%d ambiguous rows left:\n%s", n, dump(e.all()))
	}
	r := e.find(StateProposed, "l2", "m2")
	if r.Method != "name" || r.Confidence != binding.Confidence(binding.MethodName) || r.ReasonCode != ReasonLastCandidate {
		t.Errorf("last candidate row %+v", r)
	}
	found := false
	for _, got := range e.audit() {
		if got.Action == ActionLastCandidate {
			found = got.Account == "l2" && got.UserID == "m2" && got.FromState == StateAmbiguous && got.ToState == StateProposed
		}
	}
	if !found {
		t.Errorf("no last_candidate audit entry for l2 ↔ m2: %v", auditLines(e.audit()))
	}
}
