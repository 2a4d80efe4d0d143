package directory

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"wecom-bridge/backend/usererr"
)

func TestRejectionsNameTheLineAndTheReason(t *testing.T) {
	s := newTestService(t)
	data := csvLines(
		"账号,姓名,手机,邮箱,状态,部门",                      // line 1
		"ok1,张伟,13800138000,a@example.com,在职,总部", // 2
		",李娜,,,,",                 // 3 missing account
		"badmobile,王芳,12345,,,",   // 4
		"bademail,刘洋,,liuyang@,,", // 5
		"badstatus,陈静,,,在岗,",      // 6
		"",                        // 7 blank: skipped, not rejected
		"noname,,,,,",             // 8
		"two problems,杨敏,999,x,,", // 9 space in account, mobile, email
		"baddept,黄磊,,,,总部//研发",    // 10
	)
	pv := mustPreview(t, s, data, ImportOptions{})
	if pv.DataRows != 8 || len(pv.Adds) != 1 || pv.Adds[0].Account != "ok1" {
		t.Fatalf("data rows %d, adds %+v", pv.DataRows, pv.Adds)
	}
	type want struct {
		line    int
		account string
		fields  string
		text    string
		codes   string
		args    map[string]string // of the first problem
	}
	wants := []want{
		{3, "", "account", "Account is empty: fill in the account column", "account_empty", nil},
		{4, "badmobile", "mobile", "Mobile “12345” is not a valid mobile number", "mobile_invalid", map[string]string{"value": "12345"}},
		{5, "bademail", "email", "Email “liuyang@” is not a valid address", "email_invalid", map[string]string{"value": "liuyang@"}},
		{6, "badstatus", "status", "Status “在岗” is not known: use active/在职/正常/1 or resigned/离职/0", "status_unknown",
			map[string]string{"value": "在岗"}},
		{8, "noname", "name", "Name is empty", "name_empty", nil},
		{9, "two problems", "account,mobile,email", "Account “two problems” contains a space",
			"account_space,mobile_invalid,email_invalid", map[string]string{"value": "two problems"}},
		{10, "baddept", "department", "Department “总部//研发” has an empty level", "dept_empty_level",
			map[string]string{"value": "总部//研发"}},
	}
	if len(pv.Rejected) != len(wants) {
		t.Fatalf("rejected = %+v", pv.Rejected)
	}
	for i, w := range wants {
		r := pv.Rejected[i]
		var fields, codes []string
		for _, p := range r.Problems {
			fields = append(fields, p.Field)
			codes = append(codes, p.Code)
		}
		if r.Line != w.line || r.Account != w.account || strings.Join(fields, ",") != w.fields ||
			!strings.Contains(r.Problems[0].Message, w.text) {
			t.Errorf("rejection %d = %+v, want line %d account %q fields %s text %q", i, r, w.line, w.account, w.fields, w.text)
		}
		if strings.Join(codes, ",") != w.codes || !reflect.DeepEqual(r.Problems[0].Args, w.args) {
			t.Errorf("rejection %d codes %v args %v, want %s %v", i, codes, r.Problems[0].Args, w.codes, w.args)
		}
	}
	if got := pv.Rejected[0].String(); !strings.HasPrefix(got, "line 3: Account is empty") {
		t.Errorf("String() = %q", got)
	}
}

func TestControlCharactersAndMultiLineCells(t *testing.T) {
	s := newTestService(t)
	// Line 2's quoted position spans lines 2–3, so the next row starts on line 4.
	data := []byte("account,name,position\na1,甲,\"高级\n工程师\"\na2,乙,经理\na3,\"丙\x1f\",\n")
	pv := mustPreview(t, s, data, ImportOptions{})
	if len(pv.Adds) != 1 || pv.Adds[0].Account != "a2" || pv.Adds[0].Line != 4 {
		t.Fatalf("adds = %+v", pv.Adds)
	}
	if len(pv.Rejected) != 2 || pv.Rejected[0].Line != 2 || pv.Rejected[0].Problems[0].Field != "position" ||
		!strings.Contains(pv.Rejected[0].Problems[0].Message, "contains a line break") ||
		pv.Rejected[1].Line != 5 || pv.Rejected[1].Problems[0].Field != "name" {
		t.Fatalf("rejected = %+v", pv.Rejected)
	}
	if p := pv.Rejected[0].Problems[0]; p.Code != ProblemControlChar ||
		!reflect.DeepEqual(p.Args, map[string]string{"field": "position", "value": `高级\n工程师`, "char": "U+000A"}) {
		t.Fatalf("control character problem = %+v", p)
	}
}

func TestDuplicateAccountsRejectEveryLineAndNameThem(t *testing.T) {
	s := newTestService(t)
	data := csvLines("account,name",
		"zhangwei,张伟",  // 2
		"lina,李娜",      // 3
		"ZhangWei,张伟2", // 4: same account, other case
		"wangfang,王芳",  // 5
		"zhangwei,张伟3", // 6
	)
	pv := mustPreview(t, s, data, ImportOptions{})
	if len(pv.Adds) != 2 || pv.Adds[0].Account != "lina" || pv.Adds[1].Account != "wangfang" {
		t.Fatalf("adds = %+v", pv.Adds)
	}
	if len(pv.Rejected) != 3 {
		t.Fatalf("rejected = %+v", pv.Rejected)
	}
	for i, line := range []int{2, 4, 6} {
		r := pv.Rejected[i]
		if r.Line != line || r.Problems[0].Field != "account" ||
			!strings.Contains(r.Problems[0].Message, "is on 3 lines; the other lines include") {
			t.Errorf("rejection %d = %+v", i, r)
		}
		others := map[int]string{2: "4, 6", 4: "2, 6", 6: "2, 4"}[line]
		if p := r.Problems[0]; p.Code != ProblemAccountDuplicate || !reflect.DeepEqual(p.Args,
			map[string]string{"account": r.Account, "first": "2", "count": "3", "others": others}) {
			t.Errorf("rejection %d code %s args %v", i, p.Code, p.Args)
		}
	}
	// A duplicate row with another problem lists both, the duplicate first.
	pv = mustPreview(t, s, csvLines("account,name,mobile", "a1,甲,1", "a1,甲,"), ImportOptions{})
	if len(pv.Rejected) != 2 || len(pv.Rejected[0].Problems) != 2 || pv.Rejected[0].Problems[1].Field != "mobile" ||
		!strings.Contains(pv.Rejected[0].Problems[0].Message, "is on 2 lines; the other lines include 3:") || len(pv.Rejected[1].Problems) != 1 {
		t.Fatalf("rejected = %+v", pv.Rejected)
	}
}

func TestPreviewChangesNothingAndApplyAppliesExactlyIt(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	mustImport(t, s, csvLines("账号,姓名,手机,部门,职位",
		"zhangwei,张伟,13800138000,总部/研发中心,工程师",
		"lina,李娜,13800138001,总部/产品部,经理",
	), ImportOptions{})
	before := accountsByName(t, s)
	v0, _ := s.Version(ctx)

	data := csvLines("账号,姓名,手机,部门,职位",
		"zhangwei,张伟,139 0000 0000,总部/研发中心/后端组;总部/产品部,高级工程师", // mobile, departments, position
		"lina,李娜,13800138001,总部/产品部,经理",                      // unchanged
		"wangfang,王芳,,总部/产品部/设计组,设计师",                        // new
	)
	pv := mustPreview(t, s, data, ImportOptions{})
	if after := accountsByName(t, s); !reflect.DeepEqual(before, after) {
		t.Fatal("Preview changed the directory")
	}
	if v, _ := s.Version(ctx); v != v0 || pv.DirVersion != v0 {
		t.Fatalf("version %d → %d, preview says %d", v0, v, pv.DirVersion)
	}
	if len(pv.Adds) != 1 || len(pv.Updates) != 1 || pv.Unchanged != 1 || len(pv.Resigns) != 0 {
		t.Fatalf("summary: %s", pv.Summary())
	}
	wantChanges := []FieldChange{
		{"mobile", "13800138000", "13900000000"},
		{"department", "总部/研发中心", "总部/研发中心/后端组;总部/产品部"},
		{"position", "工程师", "高级工程师"},
	}
	if u := pv.Updates[0]; u.After.Account != "zhangwei" || !reflect.DeepEqual(u.Changes, wantChanges) {
		t.Fatalf("update = %+v", u)
	}
	if got := pv.NewDepartments; len(got) != 2 || joinPaths(got) != "总部/研发中心/后端组;总部/产品部/设计组" {
		t.Fatalf("new departments = %v", got)
	}

	// The stored preview is what Apply applies: reading it back gives the same.
	stored, err := s.LoadPreview(ctx, pv.ID)
	if err != nil {
		t.Fatal(err)
	}
	stored.Status, pv.Status = "", ""
	if !reflect.DeepEqual(stored.Adds, pv.Adds) || !reflect.DeepEqual(stored.Updates, pv.Updates) || stored.Unchanged != 1 {
		t.Fatalf("stored preview differs:\n%+v\n%+v", stored, pv)
	}

	res, err := s.Apply(ctx, pv.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if *res != (ApplyResult{PreviewID: pv.ID, Added: 1, Updated: 1, DepartmentsCreated: 2}) {
		t.Fatalf("result = %+v", res)
	}
	got := accountsByName(t, s)
	zw := got["zhangwei"]
	if zw.Mobile != "13900000000" || zw.Position != "高级工程师" || paths(zw.DeptPaths) != "总部/研发中心/后端组;总部/产品部" {
		t.Fatalf("zhangwei = %+v", zw)
	}
	if !reflect.DeepEqual(got["lina"], before["lina"]) {
		t.Fatalf("unchanged account was touched: %+v", got["lina"])
	}
	if wf := got["wangfang"]; wf.Name != "王芳" || wf.Status != StatusActive || paths(wf.DeptPaths) != "总部/产品部/设计组" {
		t.Fatalf("wangfang = %+v", wf)
	}
	if v, _ := s.Version(ctx); v != v0+1 {
		t.Fatalf("version after apply = %d, want %d", v, v0+1)
	}
	if stored, _ := s.LoadPreview(ctx, pv.ID); stored.Status != "applied" {
		t.Fatalf("preview status = %q", stored.Status)
	}
	// Applying twice is refused.
	if _, err := s.Apply(ctx, pv.ID, 0); err == nil || !strings.Contains(err.Error(), "was already applied") {
		t.Fatalf("second apply: %v", err)
	}
}

func TestApplyRefusesAStalePreview(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	mustImport(t, s, csvLines("account,name", "zhangwei,张伟"), ImportOptions{})
	pv := mustPreview(t, s, csvLines("account,name", "lina,李娜"), ImportOptions{})
	// Someone edits the directory after the preview.
	if _, err := s.AddDepartment(ctx, 0, "总部"); err != nil {
		t.Fatal(err)
	}
	_, err := s.Apply(ctx, pv.ID, 0)
	if !errors.Is(err, ErrStalePreview) || !strings.Contains(err.Error(), "preview the file again") {
		t.Fatalf("err = %v", err)
	}
	if _, ok := accountsByName(t, s)["lina"]; ok {
		t.Fatal("a stale preview was applied")
	}
	// A fresh preview of the same file applies.
	pv = mustPreview(t, s, csvLines("account,name", "lina,李娜"), ImportOptions{})
	if _, err := s.Apply(ctx, pv.ID, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(ctx, 9999, 0); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown preview: %v", err)
	}
}

func TestEmptyFileNeverWipes(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	mustImport(t, s, csvLines("account,name", "zhangwei,张伟", "lina,李娜"), ImportOptions{})
	for name, data := range map[string]string{
		"header only":        "账号,姓名\n",
		"header and blanks":  "账号,姓名\n,\n  ,  \n\n",
		"utf-8 bom + header": "\ufeffaccount,name\r\n",
	} {
		_, err := s.Preview(ctx, []byte(data), ImportOptions{FullSnapshot: true})
		if !errors.Is(err, ErrNoDataRows) || err.Error() != "the file has no data rows; nothing was changed" {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	if _, err := s.Preview(ctx, nil, ImportOptions{FullSnapshot: true}); err == nil || !usererr.Is(err, "directory_file_empty") {
		t.Errorf("zero bytes: err = %v", err)
	}
	if n := len(accountsByName(t, s)); n != 2 {
		t.Fatalf("%d accounts left", n)
	}
}

func TestFullSnapshotResignsAbsentAccountsPartialLeavesThem(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	mustImport(t, s, csvLines("account,name,status",
		"a1,甲,在职", "a2,乙,在职", "a3,丙,在职", "a4,丁,离职", "a5,戊,在职"), ImportOptions{})
	// a2 is absent; a3 is on a rejected row (still in the file); a4 is already resigned.
	file := csvLines("account,name,mobile", "a1,甲,", "a3,丙,123", "a5,戊,")

	partial := mustPreview(t, s, file, ImportOptions{FullSnapshot: false})
	if len(partial.Resigns) != 0 || partial.ResignCount != 0 || partial.Unchanged != 2 || len(partial.Rejected) != 1 {
		t.Fatalf("partial: %s", partial.Summary())
	}

	full := mustPreview(t, s, file, ImportOptions{FullSnapshot: true, Threshold: &ResignThreshold{Percent: 100, Count: 100}})
	if len(full.Resigns) != 1 || full.Resigns[0].Account != "a2" || full.ResignCount != 1 || full.ResignWarning != nil {
		t.Fatalf("full: %+v", full.Resigns)
	}
	if _, err := s.Apply(ctx, full.ID, 0); err != nil {
		t.Fatal(err)
	}
	got := accountsByName(t, s)
	if got["a2"].Status != StatusResigned || got["a2"].ResignedAt == nil {
		t.Fatalf("a2 = %+v", got["a2"])
	}
	for _, acc := range []string{"a1", "a3", "a5"} {
		if got[acc].Status != StatusActive {
			t.Fatalf("%s = %+v", acc, got[acc])
		}
	}

	// A full snapshot whose every row is rejected says nothing about who left.
	allBad := mustPreview(t, s, csvLines("account,name,mobile", "zzz,某人,1"), ImportOptions{FullSnapshot: true})
	if len(allBad.Resigns) != 0 || len(allBad.Rejected) != 1 {
		t.Fatalf("all rejected: %s", allBad.Summary())
	}
}

func TestResignThresholdFlagsAndNeedsTheNumber(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	lines := []string{"account,name"}
	for i := 0; i < 20; i++ {
		lines = append(lines, "u"+string(rune('a'+i))+",人")
	}
	mustImport(t, s, csvLines(lines...), ImportOptions{})

	// 2 of 20 = 10 %: not more than 10 %, not more than 50 → not flagged.
	pv := mustPreview(t, s, csvLines(lines[:19]...), ImportOptions{FullSnapshot: true})
	if pv.ResignCount != 2 || pv.ResignWarning != nil {
		t.Fatalf("2 of 20: count %d warning %+v", pv.ResignCount, pv.ResignWarning)
	}

	// 3 of 20 = 15 % > 10 %: flagged. The file also resigns one explicitly, which counts.
	file := append(append([]string{"account,name,status"}, withStatus(lines[1:17])...), "ut,人,离职")
	pv = mustPreview(t, s, csvLines(file...), ImportOptions{FullSnapshot: true})
	w := pv.ResignWarning
	if pv.ResignCount != 4 || len(pv.Resigns) != 3 || w == nil || w.Count != 4 || w.Active != 20 || w.Percent != 20 ||
		w.Threshold != DefaultResignThreshold {
		t.Fatalf("flagged: count %d resigns %d warning %+v", pv.ResignCount, len(pv.Resigns), w)
	}
	if !strings.Contains(w.String(), "marks 4 of 20 active accounts resigned (20.0 %)") {
		t.Fatalf("warning text = %q", w)
	}
	for _, n := range []int{0, 3, 5} {
		if _, err := s.Apply(ctx, pv.ID, n); !errors.Is(err, ErrResignNotConfirmed) || !strings.Contains(err.Error(), "confirm the number 4") {
			t.Fatalf("confirm %d: %v", n, err)
		}
	}
	if stored, _ := s.LoadPreview(ctx, pv.ID); stored.Status != "pending" || stored.ResignWarning == nil {
		t.Fatalf("stored = %+v", stored)
	}
	res, err := s.Apply(ctx, pv.ID, 4)
	if err != nil {
		t.Fatal(err)
	}
	if res.Resigned != 3 || res.Updated != 1 {
		t.Fatalf("result = %+v", res)
	}
	active := 0
	for _, a := range accountsByName(t, s) {
		if a.Status == StatusActive {
			active++
		}
	}
	if active != 16 {
		t.Fatalf("active = %d, want 16", active)
	}

	// The count threshold alone also flags: 3 > 2 although 3 of 16 is under 50 %.
	pv = mustPreview(t, s, csvLines(lines[:14]...), ImportOptions{FullSnapshot: true, Threshold: &ResignThreshold{Percent: 50, Count: 2}})
	if pv.ResignWarning == nil || pv.ResignWarning.Count != 3 {
		t.Fatalf("count threshold: %+v", pv.ResignWarning)
	}
}

func withStatus(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l + ",在职"
	}
	return out
}

func TestDepartmentsCreatedFromPathsMainFirst(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	mustImport(t, s, csvLines("account,name,department",
		"a1,甲,总部/研发中心/后端组;香港分公司/业务部；总部/产品部",
		"a2,乙,总部/研发中心/后端组",
		"a3,丙,",
	), ImportOptions{})
	got := accountsByName(t, s)
	if p := paths(got["a1"].DeptPaths); p != "总部/研发中心/后端组;香港分公司/业务部;总部/产品部" {
		t.Fatalf("a1 paths = %s", p)
	}
	if got["a1"].DeptIDs[0] != got["a2"].DeptIDs[0] || len(got["a3"].DeptIDs) != 0 {
		t.Fatalf("ids: %v %v %v", got["a1"].DeptIDs, got["a2"].DeptIDs, got["a3"].DeptIDs)
	}
	depts, err := s.AllDepartments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var list []string
	for _, d := range depts {
		list = append(list, joinPath(d.Path))
	}
	want := "总部;总部/研发中心;总部/研发中心/后端组;总部/产品部;香港分公司;香港分公司/业务部"
	if strings.Join(list, ";") != want {
		t.Fatalf("departments = %s", strings.Join(list, ";"))
	}
	// Changing the main department is an update; the order is kept.
	pv, _ := mustImport(t, s, csvLines("account,name,department", "a1,甲,总部/产品部;总部/研发中心/后端组"), ImportOptions{})
	if len(pv.Updates) != 1 || pv.Updates[0].Changes[0].Field != "department" || len(pv.NewDepartments) != 0 {
		t.Fatalf("update = %+v", pv.Updates)
	}
	if p := paths(accountsByName(t, s)["a1"].DeptPaths); p != "总部/产品部;总部/研发中心/后端组" {
		t.Fatalf("a1 paths = %s", p)
	}
}

func TestAbsentColumnsKeepValuesEmptyCellsClearThem(t *testing.T) {
	s := newTestService(t)
	mustImport(t, s, csvLines("account,name,mobile,email,department,position,status",
		"a1,甲,13800138000,a1@example.com,总部,经理,离职"), ImportOptions{})
	// No mobile/department/status columns: those stay. Empty email cell: cleared.
	pv, _ := mustImport(t, s, csvLines("account,name,email,position", "A1,甲,,总监"), ImportOptions{})
	want := []FieldChange{{"account", "a1", "A1"}, {"email", "a1@example.com", ""}, {"position", "经理", "总监"}}
	if len(pv.Updates) != 1 || !reflect.DeepEqual(pv.Updates[0].Changes, want) {
		t.Fatalf("changes = %+v", pv.Updates)
	}
	a := accountsByName(t, s)["A1"]
	if a.Mobile != "13800138000" || a.Email != "" || paths(a.DeptPaths) != "总部" || a.Status != StatusResigned || a.Position != "总监" {
		t.Fatalf("account = %+v", a)
	}
	// An empty status cell means active: the account is reinstated.
	pv, _ = mustImport(t, s, csvLines("account,name,status", "a1,甲,"), ImportOptions{})
	if len(pv.Updates) != 1 || pv.Updates[0].Changes[1] != (FieldChange{"status", "resigned", "active"}) {
		t.Fatalf("changes = %+v", pv.Updates[0].Changes)
	}
	if a := accountsByName(t, s)["a1"]; a.Status != StatusActive || a.ResignedAt != nil {
		t.Fatalf("account = %+v", a)
	}
}
