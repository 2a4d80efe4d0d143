package directory

import (
	"context"
	"strings"
	"testing"

	"wecom-bridge/backend/usererr"
)

// A refused edit reaches the UI as the admin's message in both languages,
// not as an internal error: both the catalogue's own refusals and the import
// problems an edit shares.
func TestEditRefusalsAreAdminMessages(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	if _, err := s.AddDepartment(ctx, 0, "总部"); err != nil {
		t.Fatal(err)
	}
	_, err := s.AddDepartment(ctx, 0, "总部")
	m := usererr.ForUI("AddDirectoryDepartment", err)
	if m.Code != "directory_department_name_taken" || !strings.Contains(m.ZH, "顶级已有名为 总部 的部门") ||
		!strings.Contains(m.EN, "already exists at the top level") {
		t.Fatalf("name taken = %+v", m)
	}

	_, err = s.AddDepartment(ctx, 0, "研发/后端")
	m = usererr.ForUI("AddDirectoryDepartment", err)
	if m.Code != "directory_problem_dept_name_forbidden" || !strings.Contains(m.ZH, "部门名称“研发/后端”含“/”") ||
		!strings.Contains(m.EN, "Department name “研发/后端” contains “/”") {
		t.Fatalf("forbidden character = %+v", m)
	}

	// A problem naming a column names it in each language (directory_column_*).
	m = (&FieldError{Field: "employee_no", Code: ProblemTooLong,
		Args: map[string]string{"field": "employee_no", "value": "x", "length": "70", "limit": "64"}}).UserMessage()
	if m.ZH != "工号“x”有 70 个字符，企业微信最多允许 64 个：请缩短" ||
		m.EN != "Employee no. “x” is 70 characters long; WeCom allows at most 64: shorten it" {
		t.Fatalf("too long = %+v", m)
	}

	_, err = s.RenameDepartment(ctx, 999, "x")
	m = usererr.ForUI("RenameDirectoryDepartment", err)
	if m.Code != "directory_department_not_found" || !strings.Contains(m.ZH, "部门 999 不存在") {
		t.Fatalf("not found = %+v", m)
	}
}
