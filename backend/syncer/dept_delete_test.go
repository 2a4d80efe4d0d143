package syncer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// A department removed locally is deleted in WeCom once empty, children
// first; the run's created members are listed for the binding review.
func TestDepartmentDeleteCreatedUsersAndExport(t *testing.T) {
	e := newEnv(t, testOrg())
	e.local.add("xu", "徐一", "13800000011", testRoot+"/甲/甲一")
	e.local.add("yan", "严二", "13800000012", testRoot+"/乙")
	opt := e.options(ToWeCom, nil)
	_, run := e.planApply(ToWeCom, opt)
	created, err := e.svc.CreatedUsers(e.ctx, run.ID)
	if err != nil || len(created) != 2 || created["xu"] != "xu" {
		t.Fatalf("created users: %v %v", err, created)
	}
	jia := e.simDeptByPath(testRoot + "/甲")

	e.local.setDepts("xu", testRoot+"/乙")
	e.local.removeDept(testRoot + "/甲")
	p, in := e.plan(ToWeCom, opt)
	dels := opsOf(p, OpDeleteDepartment)
	if len(dels) != 2 || dels[0].Target != "甲一" || dels[1].Target != "甲" || dels[1].Deps[0] != dels[0].Key || countOps(p, OpMoveUser) != 1 {
		t.Fatalf("plan: %s %+v", p.Summary, dels)
	}
	assertOrder(t, p.Ops)

	var js bytes.Buffer
	if err := e.svc.ExportPlan(e.ctx, p.ID, &js, FormatJSON, "en"); err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Plan       Plan  `json:"plan"`
		Operations []*Op `json:"operations"`
	}
	if err := json.Unmarshal(js.Bytes(), &exp); err != nil || exp.Plan.ID != p.ID || len(exp.Operations) != 3 || exp.Operations[2].Why.EN == "" {
		t.Fatalf("json export: %v %s", err, js.String())
	}
	// The XLSX is in the admin's language: sheet and column names, types,
	// states and values translated, no raw type codes or JSON.
	for lang, want := range map[string][]string{"en": {"Operations", "Type", "Delete department", "Pending", "Name: 甲一"},
		"zh-CN": {"操作", "类型", "删除部门", "待执行", "名称: 甲一"}} {
		var xl bytes.Buffer
		if err := e.svc.ExportPlan(e.ctx, p.ID, &xl, FormatXLSX, lang); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&xl)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(want[0])
		f.Close()
		if len(rows) != 4 || rows[0][1] != want[1] || rows[3][1] != want[2] || rows[3][7] != want[3] || !strings.Contains(fmt.Sprint(rows), want[4]) {
			t.Fatalf("xlsx export in %s: %q", lang, rows)
		}
		if all := fmt.Sprint(rows); strings.Contains(all, "{") || strings.Contains(all, string(OpDeleteDepartment)) {
			t.Fatalf("xlsx export in %s shows raw JSON or type codes: %q", lang, rows)
		}
	}
	if err := e.svc.ExportPlan(e.ctx, p.ID, &bytes.Buffer{}, "csv", "en"); !usererr.Is(err, "export_format") {
		t.Fatalf("csv is not an export format: %v", err)
	}

	if _, err := e.svc.Apply(e.ctx, p.ID, in, e.targets(), NoConfirm, "tester"); err != nil {
		t.Fatalf("apply: %v\n%s", err, e.failures(p.ID))
	}
	if e.simDeptByPath(testRoot+"/甲") != nil || e.simDeptByPath(testRoot+"/甲/甲一") != nil {
		t.Fatal("甲 and 甲一 should be deleted")
	}
	var links int
	e.st.DB.Get(&links, `SELECT COUNT(*) FROM sync_dept_links WHERE wecom_id = ?`, jia.ID)
	if links != 0 {
		t.Fatal("a deleted department must lose its link")
	}
}

// A 60008 adopts the existing department even when department/list is
// refused to the 通讯录同步 secret (48009): simplelist finds the one child
// the plan does not know.
func TestDepartmentConflictWithoutDetailReads(t *testing.T) {
	e := newEnv(t, testOrg())
	e.local.add("xu", "徐一", "13800000011", testRoot+"/丙")
	p, in := e.plan(ToWeCom, e.options(ToWeCom, nil))
	id, err := e.client.CreateDepartment(e.ctx, e.cred(), wecom.DepartmentCreate{Name: "丙", ParentID: 1})
	if err != nil {
		t.Fatal(err)
	}
	e.sim.SetContactDetailBlocked(true)
	run, err := e.svc.Apply(e.ctx, p.ID, in, e.targets(), NoConfirm, "tester")
	if err != nil || run.Done != 2 {
		t.Fatalf("apply: %v %+v\n%s", err, run, e.failures(p.ID))
	}
	e.sim.SetContactDetailBlocked(false)
	if u := e.simUser("xu"); len(u.Department) != 1 || int64(u.Department[0]) != id {
		t.Fatalf("xu should be in the adopted department %d: %+v", id, u)
	}
}
