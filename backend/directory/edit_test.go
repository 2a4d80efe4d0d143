package directory

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestManualAccountEdits(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	hq, _ := s.AddDepartment(ctx, 0, "总部")
	rd, _ := s.AddDepartment(ctx, hq.ID, "研发中心")
	pd, _ := s.AddDepartment(ctx, hq.ID, "产品部")

	a, err := s.AddAccount(ctx, AccountInput{Account: " zhangwei ", Name: " 张伟 ", Mobile: "+86 138-0013-8000",
		Email: "zw@example.com", DeptIDs: []int64{rd.ID, pd.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if a.Account != "zhangwei" || a.Name != "张伟" || a.Mobile != "13800138000" || a.Status != StatusActive ||
		paths(a.DeptPaths) != "总部/研发中心;总部/产品部" || a.CreatedAt.IsZero() {
		t.Fatalf("added = %+v", a)
	}

	bad := []struct {
		in            AccountInput
		field, substr string
	}{
		{AccountInput{Name: "李娜"}, "account", "account is empty"},
		{AccountInput{Account: "li na", Name: "李娜"}, "account", "contains a space"},
		{AccountInput{Account: "ZhangWei", Name: "张伟2"}, "account", "ZhangWei is already the account of 张伟 (zhangwei)"},
		{AccountInput{Account: "lina"}, "name", "name is empty"},
		{AccountInput{Account: "lina", Name: "李娜", Mobile: "12345"}, "mobile", "Mobile “12345” is not a valid mobile number"},
		{AccountInput{Account: "lina", Name: "李娜", Email: "lina@"}, "email", "Email “lina@” is not a valid address"},
		{AccountInput{Account: "lina", Name: "李娜", DeptIDs: []int64{999}}, "department", "Department 999 does not exist"},
		{AccountInput{Account: "lina", Name: "李娜", DeptIDs: []int64{rd.ID, rd.ID}}, "department", "is listed twice"},
	}
	for _, b := range bad {
		_, err := s.AddAccount(ctx, b.in)
		wantFieldError(t, err, b.field, b.substr)
	}

	// Edit: rename the account's letter case, move it to one department.
	a, err = s.UpdateAccount(ctx, a.ID, AccountInput{Account: "ZhangWei", Name: "张伟", Position: "经理", DeptIDs: []int64{pd.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if a.Account != "ZhangWei" || a.Position != "经理" || a.Mobile != "" || paths(a.DeptPaths) != "总部/产品部" {
		t.Fatalf("edited = %+v", a)
	}
	other, _ := s.AddAccount(ctx, AccountInput{Account: "lina", Name: "李娜"})
	_, err = s.UpdateAccount(ctx, other.ID, AccountInput{Account: "zhangwei", Name: "李娜"})
	wantFieldError(t, err, "account", "already the account of 张伟")
	if _, err := s.UpdateAccount(ctx, 999, AccountInput{Account: "x", Name: "x"}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("update missing: %v", err)
	}

	// Resign and reinstate.
	a, err = s.ResignAccount(ctx, a.ID)
	if err != nil || a.Status != StatusResigned || a.ResignedAt == nil {
		t.Fatalf("resign: %+v %v", a, err)
	}
	_, err = s.ResignAccount(ctx, a.ID)
	wantFieldError(t, err, "status", "already resigned")
	a, err = s.ReinstateAccount(ctx, a.ID)
	if err != nil || a.Status != StatusActive || a.ResignedAt != nil {
		t.Fatalf("reinstate: %+v %v", a, err)
	}
	_, err = s.ReinstateAccount(ctx, a.ID)
	wantFieldError(t, err, "status", "already active")
	if _, err := s.ResignAccount(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Fatalf("resign missing: %v", err)
	}

	audit, err := s.Audit(ctx, 3)
	if err != nil || len(audit) != 3 || audit[0].Action != "reinstate account" || audit[1].Action != "resign account" {
		t.Fatalf("audit = %+v %v", audit, err)
	}
}

func TestManualDepartmentEdits(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	hq, err := s.AddDepartment(ctx, 0, " 总部 ")
	if err != nil || hq.Name != "总部" || hq.ParentID != 0 || joinPath(hq.Path) != "总部" {
		t.Fatalf("hq = %+v %v", hq, err)
	}
	rd, _ := s.AddDepartment(ctx, hq.ID, "研发中心")
	be, _ := s.AddDepartment(ctx, rd.ID, "后端组")
	pd, _ := s.AddDepartment(ctx, hq.ID, "产品部")
	if rd.SortOrder != 0 || pd.SortOrder != 1 || joinPath(be.Path) != "总部/研发中心/后端组" {
		t.Fatalf("rd %+v pd %+v be %+v", rd, pd, be)
	}

	_, err = s.AddDepartment(ctx, hq.ID, "研发中心")
	wantFieldError(t, err, "name", "A department named 研发中心 already exists under 总部")
	_, err = s.AddDepartment(ctx, 0, "总部")
	wantFieldError(t, err, "name", "already exists at the top level")
	_, err = s.AddDepartment(ctx, hq.ID, "研发/后端")
	wantFieldError(t, err, "name", "contains “/”")
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Code != ProblemDeptNameForbidden || fe.Args["char"] != "/" || fe.Args["value"] != "研发/后端" {
		t.Fatalf("field error %+v: want its code and arguments", fe)
	}
	_, err = s.AddDepartment(ctx, hq.ID, "  ")
	wantFieldError(t, err, "name", "department name is empty")
	_, err = s.AddDepartment(ctx, 999, "x")
	wantFieldError(t, err, "parent", "Department 999 does not exist")

	// Moves: no cycles.
	_, err = s.MoveDepartment(ctx, rd.ID, be.ID)
	wantFieldError(t, err, "parent", "cannot move 总部/研发中心 under 总部/研发中心/后端组, which is inside it")
	_, err = s.MoveDepartment(ctx, rd.ID, rd.ID)
	wantFieldError(t, err, "parent", "cannot move 总部/研发中心 under itself")
	_, err = s.MoveDepartment(ctx, hq.ID, be.ID)
	wantFieldError(t, err, "parent", "which is inside it")
	moved, err := s.MoveDepartment(ctx, be.ID, pd.ID)
	if err != nil || joinPath(moved.Path) != "总部/产品部/后端组" {
		t.Fatalf("moved = %+v %v", moved, err)
	}
	root, err := s.MoveDepartment(ctx, rd.ID, 0)
	if err != nil || joinPath(root.Path) != "研发中心" || root.ParentID != 0 {
		t.Fatalf("to root = %+v %v", root, err)
	}
	// A move into a parent that already has a child of that name is refused.
	dup, _ := s.AddDepartment(ctx, hq.ID, "后端组")
	_, err = s.MoveDepartment(ctx, dup.ID, pd.ID)
	wantFieldError(t, err, "name", "a department named 后端组 already exists under 总部/产品部")

	renamed, err := s.RenameDepartment(ctx, pd.ID, "产品与设计部")
	if err != nil || joinPath(renamed.Path) != "总部/产品与设计部" {
		t.Fatalf("renamed = %+v %v", renamed, err)
	}
	_, err = s.RenameDepartment(ctx, dup.ID, "产品与设计部")
	wantFieldError(t, err, "name", "already exists under 总部")
	if _, err := s.RenameDepartment(ctx, 999, "x"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("rename missing: %v", err)
	}
	reordered, err := s.SetDepartmentSortOrder(ctx, dup.ID, -1)
	if err != nil || reordered.SortOrder != -1 {
		t.Fatalf("reorder: %+v %v", reordered, err)
	}

	// Delete: only empty departments.
	acc, _ := s.AddAccount(ctx, AccountInput{Account: "a1", Name: "甲", DeptIDs: []int64{be.ID}})
	err = s.DeleteDepartment(ctx, pd.ID)
	wantFieldError(t, err, "department", "总部/产品与设计部 still has 0 accounts and 1 sub-departments")
	err = s.DeleteDepartment(ctx, be.ID)
	wantFieldError(t, err, "department", "still has 1 accounts and 0 sub-departments")
	// A resigned member still belongs to it.
	s.ResignAccount(ctx, acc.ID)
	wantFieldError(t, s.DeleteDepartment(ctx, be.ID), "department", "still has 1 accounts")
	if _, err := s.UpdateAccount(ctx, acc.ID, AccountInput{Account: "a1", Name: "甲"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDepartment(ctx, be.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDepartment(ctx, be.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("delete twice: %v", err)
	}
	depts, _ := s.AllDepartments(ctx)
	var names []string
	for _, d := range depts {
		names = append(names, joinPath(d.Path))
	}
	if got := strings.Join(names, ";"); got != "总部;总部/后端组;总部/产品与设计部;研发中心" {
		t.Fatalf("departments = %s", got)
	}
}

func TestEditsMakeEarlierPreviewsStale(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	pv := mustPreview(t, s, csvLines("account,name", "a1,甲"), ImportOptions{})
	if _, err := s.AddAccount(ctx, AccountInput{Account: "a2", Name: "乙"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(ctx, pv.ID, 0); !errors.Is(err, ErrStalePreview) {
		t.Fatalf("err = %v", err)
	}
	// A failed edit changes nothing, not even the version.
	v, _ := s.Version(ctx)
	pv = mustPreview(t, s, csvLines("account,name", "a1,甲"), ImportOptions{})
	if _, err := s.AddAccount(ctx, AccountInput{Account: "a2", Name: "乙"}); err == nil {
		t.Fatal("duplicate account accepted")
	}
	if v2, _ := s.Version(ctx); v2 != v {
		t.Fatalf("version moved %d → %d on a failed edit", v, v2)
	}
	if _, err := s.Apply(ctx, pv.ID, 0); err != nil {
		t.Fatal(err)
	}
}
