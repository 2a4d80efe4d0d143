package review

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"wecom-bridge/backend/usererr"
)

func TestConfirm(t *testing.T) {
	e := fixtureEnv(t)
	li := e.find(StateProposed, "u2", "wx_li")
	n, err := e.svc.Confirm(bg, e.corp, []int64{li.ID, li.ID}, admin)
	if err != nil || n != 1 {
		t.Fatalf("confirm: %d %v", n, err)
	}
	r := e.find(StateConfirmed, "u2", "wx_li")
	if r.ID != li.ID || r.Method != "name" || r.Confidence != 0.6 {
		t.Fatalf("confirmed row: %+v", r)
	}
	// Confirming again changes nothing and audits nothing.
	if n, err := e.svc.Confirm(bg, e.corp, []int64{li.ID}, admin); err != nil || n != 0 {
		t.Fatalf("confirm twice: %d %v", n, err)
	}
	want := []string{admin + " confirm u2↔wx_li proposed/name→confirmed/name"}
	if got := auditLines(e.audit()); !reflect.DeepEqual(got, want) {
		t.Fatalf("audit %q", got)
	}
	if pairs, _ := e.svc.ConfirmedPairs(bg, e.corp); !reflect.DeepEqual(pairs, map[string]string{"u2": "wx_li"}) {
		t.Fatalf("pairs %v", pairs)
	}
}

func TestConfirmRefusesNonBindingsAndChangesNothing(t *testing.T) {
	e := fixtureEnv(t)
	u1 := e.find(StateProposed, "u1", "u1")
	amb := e.find(StateAmbiguous, "", "zhangwei_a")
	u5 := e.find(StateUnboundLocal, "u5", "")
	for _, c := range []struct {
		ids  []int64
		want string
	}{
		{[]int64{u1.ID, amb.ID}, "is ambiguous and cannot be confirmed: choose one of its 3 candidates"},
		{[]int64{u5.ID}, "has one side only and cannot be confirmed"},
		{[]int64{u1.ID, 9999}, "row 9999 of corp"},
		{nil, "No rows given"},
	} {
		_, err := e.svc.Confirm(bg, e.corp, c.ids, admin)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("confirm %v: %v; want %q", c.ids, err, c.want)
		}
	}
	if e.find(StateProposed, "u1", "u1"); len(e.audit()) != 0 {
		t.Fatal("a refused batch changed something")
	}
	if _, err := e.svc.Confirm(bg, e.corp, []int64{u1.ID}, ""); !errors.Is(err, ErrInvalid) {
		t.Fatalf("no actor: %v", err)
	}
	other := e.addCorp("另一家")
	if _, err := e.svc.Confirm(bg, other, []int64{u1.ID}, admin); !errors.Is(err, ErrNotFound) {
		t.Fatalf("row of another corp: %v", err)
	}
}

func TestReject(t *testing.T) {
	e := fixtureEnv(t)
	u1 := e.find(StateProposed, "u1", "u1")
	li := e.find(StateProposed, "u2", "wx_li")
	e.svc.Confirm(bg, e.corp, []int64{li.ID}, admin)
	n, err := e.svc.Reject(bg, e.corp, []int64{u1.ID, li.ID}, "boss")
	if err != nil || n != 2 {
		t.Fatalf("reject: %d %v", n, err)
	}
	for _, p := range [][2]string{{"u1", "u1"}, {"u2", "wx_li"}} {
		r := e.find(StateRejected, p[0], p[1])
		if r.Reason != "rejected by boss; never proposed again" {
			t.Fatalf("reason %q", r.Reason)
		}
		e.find(StateUnboundLocal, p[0], "")
		e.find(StateUnboundWeCom, "", p[1])
	}
	want := []string{
		admin + " confirm u2↔wx_li proposed/name→confirmed/name",
		"boss reject u1↔u1 proposed/userid→rejected/userid",
		"boss reject u2↔wx_li confirmed/name→rejected/name",
	}
	if got := auditLines(e.audit()); !reflect.DeepEqual(got, want) {
		t.Fatalf("audit %q", got)
	}
	if n, err := e.svc.Reject(bg, e.corp, []int64{u1.ID}, admin); err != nil || n != 0 {
		t.Fatalf("reject twice: %d %v", n, err)
	}
	if _, err := e.svc.Reject(bg, e.corp, []int64{e.find(StateAmbiguous, "", "zhangwei_b").ID}, admin); !errors.Is(err, ErrInvalid) {
		t.Fatalf("reject ambiguous: %v", err)
	}
	if pairs, _ := e.svc.ConfirmedPairs(bg, e.corp); len(pairs) != 0 {
		t.Fatalf("pairs %v", pairs)
	}
}

func TestConfirmHighConfidence(t *testing.T) {
	e := fixtureEnv(t)
	// The page says what it will confirm before it runs: the same rows.
	c, err := e.svc.CountHighConfidence(bg, e.corp, 0.96)
	if err != nil || c.Total != 1 || len(c.ByMethod) != 1 || c.ByMethod[0] != (MethodCount{"userid", 1}) {
		t.Fatalf("count ≥0.96: %+v %v", c, err)
	}
	if c, _ := e.svc.CountHighConfidence(bg, e.corp, 0.8); c.Total != 4 {
		t.Fatalf("count ≥0.8: %+v", c)
	}
	if _, err := e.svc.CountHighConfidence(bg, e.corp, 2); !errors.Is(err, ErrInvalid) {
		t.Fatalf("count over 1: %v", err)
	}
	n, err := e.svc.ConfirmHighConfidence(bg, e.corp, 0.96, admin)
	if err != nil || n != 1 {
		t.Fatalf("≥0.96: %d %v", n, err)
	}
	e.find(StateConfirmed, "u1", "u1")
	n, err = e.svc.ConfirmHighConfidence(bg, e.corp, 0.8, admin)
	if err != nil || n != 3 {
		t.Fatalf("≥0.8: %d %v", n, err)
	}
	// name (0.60) is never bulk-confirmed, even with a threshold of 0;
	// ambiguous rows are never touched.
	if n, _ := e.svc.ConfirmHighConfidence(bg, e.corp, 0, admin); n != 0 {
		t.Fatalf("≥0: %d", n)
	}
	e.find(StateProposed, "u2", "wx_li")
	if got := e.count(StateAmbiguous, "", ""); got != 2 {
		t.Fatalf("ambiguous rows %d", got)
	}
	want := []string{
		admin + " confirm u1↔u1 proposed/userid→confirmed/userid",
		admin + " confirm u7↔liuyang1 proposed/name+department→confirmed/name+department",
		admin + " confirm u8↔liuyang2 proposed/name+department→confirmed/name+department",
		admin + " confirm u9↔sun7 proposed/email→confirmed/email",
	}
	got := e.audit()
	// The note is a catalogue message, read in the admin's language.
	if note := got[1].Note; !reflect.DeepEqual(auditLines(got), want) || note.Code != "binding_note_bulk_confirm" ||
		note.EN != "Bulk confirmation, confidence ≥ 0.80" || note.ZH != "批量确认高置信度绑定（置信度 ≥ 0.80）" {
		t.Fatalf("audit %q %+v", auditLines(got), note)
	}
	// A note stored as plain text before notes were messages stays readable.
	if _, err := e.svc.st.DB.Exec(`UPDATE bind_audit SET note = 'bulk confirm, confidence ≥ 0.80' WHERE corp_id = ?`, e.corp); err != nil {
		t.Fatal(err)
	}
	if old := e.audit()[1].Note; old.Code != usererr.CodeText || old.ZH != "bulk confirm, confidence ≥ 0.80" || old.EN != old.ZH {
		t.Fatalf("old note %+v", old)
	}
	if _, err := e.svc.ConfirmHighConfidence(bg, e.corp, 1.5, admin); !errors.Is(err, ErrInvalid) {
		t.Fatalf("1.5: %v", err)
	}
}

func TestUnbind(t *testing.T) {
	e := fixtureEnv(t)
	u1 := e.find(StateProposed, "u1", "u1")
	u7 := e.find(StateProposed, "u7", "liuyang1")
	e.svc.Confirm(bg, e.corp, []int64{u1.ID, u7.ID}, admin)

	_, err := e.svc.Unbind(bg, e.corp, []int64{u1.ID, u7.ID}, admin, 0)
	if !errors.Is(err, ErrNeedsConfirmation) || !strings.Contains(err.Error(), "confirmCount 2") {
		t.Fatalf("batch without confirmation: %v", err)
	}
	if _, err := e.svc.Unbind(bg, e.corp, []int64{u1.ID, u7.ID}, admin, 3); !errors.Is(err, ErrNeedsConfirmation) {
		t.Fatalf("wrong count: %v", err)
	}
	e.find(StateConfirmed, "u1", "u1")

	n, err := e.svc.Unbind(bg, e.corp, []int64{u1.ID, u7.ID}, admin, 2)
	if err != nil || n != 2 {
		t.Fatalf("batch unbind: %d %v", n, err)
	}
	// A single row needs no count; a proposal may be unbound too.
	if n, err := e.svc.Unbind(bg, e.corp, []int64{e.find(StateProposed, "u2", "wx_li").ID}, admin, 0); err != nil || n != 1 {
		t.Fatalf("single unbind: %d %v", n, err)
	}
	for _, p := range [][2]string{{"u1", "u1"}, {"u7", "liuyang1"}, {"u2", "wx_li"}} {
		e.find(StateUnboundLocal, p[0], "")
		e.find(StateUnboundWeCom, "", p[1])
	}
	want := []string{
		admin + " confirm u1↔u1 proposed/userid→confirmed/userid",
		admin + " confirm u7↔liuyang1 proposed/name+department→confirmed/name+department",
		admin + " unbind u1↔u1 confirmed/userid→unbound/",
		admin + " unbind u7↔liuyang1 confirmed/name+department→unbound/",
		admin + " unbind u2↔wx_li proposed/name→unbound/",
	}
	if got := auditLines(e.audit()); !reflect.DeepEqual(got, want) {
		t.Fatalf("audit %q", got)
	}
	if pairs, _ := e.svc.ConfirmedPairs(bg, e.corp); len(pairs) != 0 {
		t.Fatalf("pairs %v", pairs)
	}
	// Unbinding forgets the decision without rejecting: a rematch proposes again.
	e.rematch()
	e.find(StateProposed, "u1", "u1")
	if _, err := e.svc.Unbind(bg, e.corp, []int64{e.find(StateUnboundLocal, "u5", "").ID}, admin, 1); !errors.Is(err, ErrInvalid) {
		t.Fatalf("unbind an unbound row: %v", err)
	}
}

func TestAuditFilters(t *testing.T) {
	e := fixtureEnv(t)
	e.svc.ConfirmHighConfidence(bg, e.corp, 0.8, admin)
	p, err := e.svc.Audit(bg, e.corp, AuditQuery{Account: "u7"})
	if err != nil || p.Total != 1 || p.Entries[0].UserID != "liuyang1" || p.Entries[0].At == "" {
		t.Fatalf("by account: %+v %v", p, err)
	}
	if p, _ := e.svc.Audit(bg, e.corp, AuditQuery{UserID: "SUN7"}); p.Total != 1 {
		t.Fatalf("by userid, any case: %+v", p)
	}
	p, _ = e.svc.Audit(bg, e.corp, AuditQuery{Limit: 2, Offset: 1})
	if p.Total != 4 || len(p.Entries) != 2 || p.Entries[0].Account != "u8" || p.Entries[1].Account != "u7" {
		t.Fatalf("page: %+v", p)
	}
	if _, err := e.svc.Audit(bg, e.corp, AuditQuery{Limit: 500}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("limit: %v", err)
	}
}
