package mirror

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestListUsersPages(t *testing.T) {
	org := genOrg(300, 30)
	e := newEnv(t, org, nil)
	e.mustPull(e.contactCred())
	ctx := context.Background()

	// Paging walks every member once, ordered by name.
	var all []User
	for off := 0; ; off += 70 {
		p, err := e.svc.ListUsers(ctx, e.corpID, Query{Offset: off, Limit: 70})
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != 300 {
			t.Fatalf("total = %d, want 300", p.Total)
		}
		all = append(all, p.Users...)
		if len(p.Users) < 70 {
			break
		}
	}
	if len(all) != 300 {
		t.Fatalf("paged %d members, want 300", len(all))
	}
	if !slices.IsSortedFunc(all, func(a, b User) int { return strings.Compare(a.Name, b.Name) }) {
		t.Error("pages are not ordered by name")
	}

	// Members directly in one department.
	var dept int64
	want := map[string]bool{}
	for _, u := range org.Users {
		if len(u.Department) > 1 {
			dept = int64(u.Department[1])
			break
		}
	}
	for _, u := range org.Users {
		if slices.Contains(u.Department, int(dept)) {
			want[u.UserID] = true
		}
	}
	p, err := e.svc.ListUsers(ctx, e.corpID, Query{DeptID: dept, Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != len(want) || len(p.Users) != len(want) {
		t.Fatalf("department %d: %d members (total %d), want %d", dept, len(p.Users), p.Total, len(want))
	}
	for _, u := range p.Users {
		if !want[u.UserID] {
			t.Errorf("member %s is not in department %d", u.UserID, dept)
		}
	}

	// Search by name, userid (any case) and mobile.
	target := org.Users[42]
	for _, term := range []string{target.Name, strings.ToUpper(target.UserID), target.Mobile} {
		if term == "" {
			continue
		}
		p, err := e.svc.ListUsers(ctx, e.corpID, Query{Search: term})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(p.Users, func(u User) bool { return u.UserID == target.UserID }) {
			t.Errorf("search %q did not find %s", term, target.UserID)
		}
	}
	// A search page past the end still knows the total; a search within a department.
	p, err = e.svc.ListUsers(ctx, e.corpID, Query{Search: target.Name, Offset: 1000})
	if err != nil || len(p.Users) != 0 || p.Total == 0 {
		t.Errorf("search past the end: %+v, %v; want no members and the total", p, err)
	}
	p, err = e.svc.ListUsers(ctx, e.corpID, Query{Search: target.Name, DeptID: int64(target.Department[0])})
	if err != nil || !slices.ContainsFunc(p.Users, func(u User) bool { return u.UserID == target.UserID }) ||
		p.Total != len(p.Users) || len(p.Users[0].DeptPaths) == 0 {
		t.Errorf("search in department: %+v, %v", p, err)
	}
	p, _ = e.svc.ListUsers(ctx, e.corpID, Query{Search: "no-such-member-xyz"})
	if p.Total != 0 || len(p.Users) != 0 {
		t.Errorf("search for nothing found %d", p.Total)
	}

	if _, err := e.svc.ListUsers(ctx, e.corpID, Query{Limit: MaxPageSize + 1}); err == nil {
		t.Error("a page of 201 was accepted")
	}
	if p, _ := e.svc.ListUsers(ctx, e.corpID, Query{}); len(p.Users) != 50 {
		t.Errorf("default page = %d members, want 50", len(p.Users))
	}
}

func TestEmptyMirror(t *testing.T) {
	e := newEnv(t, genOrg(10, 3), nil)
	ctx := context.Background()
	sum, err := e.svc.Summary(ctx, e.corpID)
	if err != nil || sum.HasMirror || sum.PulledAt != nil || sum.LastRun != nil {
		t.Errorf("summary of a corp never pulled = %+v, %v", sum, err)
	}
	if us, err := e.svc.Users(ctx, e.corpID); err != nil || len(us) != 0 {
		t.Errorf("users = %v, %v", us, err)
	}
	if ds, err := e.svc.Departments(ctx, e.corpID); err != nil || len(ds) != 0 {
		t.Errorf("departments = %v, %v", ds, err)
	}
	if rs, err := e.svc.Runs(ctx, e.corpID, 0); err != nil || len(rs) != 0 {
		t.Errorf("runs = %v, %v", rs, err)
	}
}

func TestDeletingCorpRemovesMirror(t *testing.T) {
	e := newEnv(t, genOrg(30, 5), nil)
	e.mustPull(e.contactCred())
	if _, err := e.st.DB.Exec(`DELETE FROM corps WHERE id = ?`, e.corpID); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"mirror_users", "mirror_user_departments", "mirror_departments", "mirror_state", "pull_runs"} {
		var n int
		if err := e.st.DB.Get(&n, `SELECT COUNT(*) FROM `+table); err != nil || n != 0 {
			t.Errorf("%s keeps %d rows after the corp was deleted (%v)", table, n, err)
		}
	}
}

func TestReadsDoNotWaitForAWriter(t *testing.T) {
	e := newEnv(t, genOrg(50, 8), nil)
	e.mustPull(e.contactCred())
	ctx := context.Background()
	// A swap in progress holds the write lock (BEGIN IMMEDIATE).
	tx, err := e.st.DB.BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`DELETE FROM mirror_users WHERE corp_id = ?`, e.corpID); err != nil {
		t.Fatal(err)
	}
	rctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	us, err := e.svc.Users(rctx, e.corpID)
	if err != nil || len(us) != 50 {
		t.Fatalf("Users during a write: %d members, %v; want the committed 50 at once", len(us), err)
	}
	if _, err := e.svc.ListUsers(rctx, e.corpID, Query{Search: "a"}); err != nil {
		t.Errorf("ListUsers during a write: %v", err)
	}
	if _, err := e.svc.Summary(rctx, e.corpID); err != nil {
		t.Errorf("Summary during a write: %v", err)
	}
}
