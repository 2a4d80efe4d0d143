package review

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/store"
)

var bg = context.Background()

const admin = "admin@corp"

// env is one store with one corp and an in-memory Sources.
type env struct {
	t    *testing.T
	st   *store.Store
	svc  *Service
	src  *StaticSources
	corp int64
}

func newEnv(t *testing.T, locals []LocalRecord, members []MemberRecord) *env {
	t.Helper()
	st := openStore(t)
	e := &env{t: t, st: st}
	e.corp = e.addCorp("某某科技")
	e.src = &StaticSources{LocalRecords: locals, MemberRecords: map[int64][]MemberRecord{e.corp: members}}
	e.svc = New(st, e.src)
	return e
}

var corpSeq atomic.Int64 // parallel tests add corps

func (e *env) addCorp(name string) int64 {
	e.t.Helper()
	seq := corpSeq.Add(1)
	res, err := e.st.DB.Exec(`INSERT INTO corps(corp_key, name, corp_id) VALUES(?, ?, ?)`,
		fmt.Sprintf("key%d", seq), name, fmt.Sprintf("ww%016x", seq))
	if err != nil {
		e.t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	return id
}

func (e *env) rematch() Summary {
	e.t.Helper()
	return e.rematchWith(binding.DefaultPolicy())
}

func (e *env) rematchWith(p binding.Policy) Summary {
	e.t.Helper()
	sum, err := e.svc.Rematch(bg, e.corp, p, admin)
	if err != nil {
		e.t.Fatal(err)
	}
	return sum
}

// all returns every row of the corp in id order, whole (every candidate,
// the English reason), read through the query the export and the CLI use:
// a List page leaves parts of a row out (pageView; see list_test.go).
func (e *env) all() []Row {
	e.t.Helper()
	cur, err := e.svc.cursor(bg, e.corp, Query{})
	if err != nil {
		e.t.Fatal(err)
	}
	defer cur.close()
	var out []Row
	for {
		r, err := cur.next()
		if err != nil {
			e.t.Fatal(err)
		}
		if r == nil {
			return out
		}
		out = append(out, r.view())
	}
}

// find returns the one row in state for account and/or userid ("" = any).
func (e *env) find(state, account, userid string) Row {
	e.t.Helper()
	var hits []Row
	for _, r := range e.all() {
		if r.State == state && (account == "" || r.Account == account) && (userid == "" || r.UserID == userid) {
			hits = append(hits, r)
		}
	}
	if len(hits) != 1 {
		e.t.Fatalf("want one %s row for %q/%q, got %d:\n%s", state, account, userid, len(hits), dump(e.all()))
	}
	return hits[0]
}

// count returns how many rows of the corp are in state (all when "").
func (e *env) count(state, account, userid string) int {
	n := 0
	for _, r := range e.all() {
		if (state == "" || r.State == state) && (account == "" || r.Account == account) && (userid == "" || r.UserID == userid) {
			n++
		}
	}
	return n
}

// audit returns the corp's audit entries, oldest first.
func (e *env) audit() []AuditEntry {
	e.t.Helper()
	p, err := e.svc.Audit(bg, e.corp, AuditQuery{Limit: MaxPage})
	if err != nil {
		e.t.Fatal(err)
	}
	out := make([]AuditEntry, len(p.Entries))
	for i, a := range p.Entries {
		out[len(out)-1-i] = a
	}
	return out
}

// auditLine is an entry without id and time, for exact comparisons.
func auditLine(a AuditEntry) string {
	return fmt.Sprintf("%s %s %s↔%s %s/%s→%s/%s", a.Actor, a.Action, a.Account, a.UserID, a.FromState, a.FromMethod,
		a.ToState, a.ToMethod)
}

func auditLines(as []AuditEntry) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = auditLine(a)
	}
	return out
}

func dump(rows []Row) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "  #%d %s %s ↔ %s (%s %.2f) %v\n", r.ID, r.State, r.Account, r.UserID, r.Method, r.Confidence, candIDs(r))
	}
	return b.String()
}

func candIDs(r Row) []string {
	var out []string
	for _, c := range r.Candidates {
		out = append(out, c.Account+c.UserID)
	}
	return out
}

// Builders: departments are "a/b/c".

func loc(account, name, dept string) LocalRecord {
	return LocalRecord{Local: binding.Local{Account: account, Name: name, DeptPaths: paths(dept)}}
}

func mem(userid, name, dept string) MemberRecord {
	return MemberRecord{Member: binding.Member{UserID: userid, Name: name, DeptPaths: paths(dept), Active: true}}
}

func paths(d string) [][]string {
	if d == "" {
		return nil
	}
	return [][]string{strings.Split(d, "/")}
}

// fixture is a small organisation with one row of every kind:
//
//	u1–u1            userid           proposed 0.99
//	u2–wx_li         name             proposed 0.60
//	u7–liuyang1      name+department  proposed 0.80
//	u8–liuyang2      name+department  proposed 0.80
//	u9–sun7          email            proposed 0.95
//	张伟 ×3 local, ×2 WeCom: 2 ambiguous rows anchored on the members
//	u5               unbound_local
//	wx_zhao          unbound_wecom
func fixture() ([]LocalRecord, []MemberRecord) {
	u1 := loc("u1", "张三", "总部/研发部")
	u1.Mobile, u1.EmployeeNo, u1.Position = "138-0013-8001", "E001", "工程师"
	u9 := loc("u9", "孙七", "总部/研发部")
	u9.Email = "sun@corp.example"
	u5 := loc("u5", "王五", "总部/研发部")
	u5.Mobile, u5.EmployeeNo, u5.Email = "13900001111", "E005", "wang5@corp.example"
	locals := []LocalRecord{
		u1,
		loc("u2", "李四", "总部/市场部"),
		loc("zw1", "张伟", "总部/研发部"),
		loc("zw2", "张伟", "总部/市场部"),
		loc("zw3", "张伟", "总部/财务部"),
		u5,
		loc("u7", "刘洋", "总部/研发部/后端组"),
		loc("u8", "刘洋", "总部/市场部"),
		u9,
	}
	m1 := mem("u1", "张三", "某某科技/研发部")
	m1.Mobile = "+86 138 0013 8001"
	sun := mem("sun7", "孙七", "某某科技/研发部")
	sun.Email = "SUN@corp.example"
	members := []MemberRecord{
		m1,
		mem("wx_li", "李四", "某某科技/市场部"),
		mem("zhangwei_a", "张伟", "某某科技/质量部"),
		mem("zhangwei_b", "张伟", "某某科技/采购部"),
		mem("wx_zhao", "赵六", "某某科技/行政部"),
		mem("liuyang1", "刘洋", "某某科技/研发部/后端组"),
		mem("liuyang2", "刘洋", "某某科技/市场部"),
		sun,
	}
	return locals, members
}

func fixtureEnv(t *testing.T) *env {
	t.Helper()
	l, m := fixture()
	e := newEnv(t, l, m)
	e.rematch()
	return e
}
