package syncer

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// wecomState is a small WeCom side for planning tests: 星河科技(1) /
// 研发部(2) / 后端组(3), 星河科技 / 旧部门(4, linked to local 900, gone locally).
func wecomState() ([]WeComDept, []WeComUser) {
	return []WeComDept{{ID: 1, Name: testRoot}, {ID: 2, ParentID: 1, Name: "研发部"}, {ID: 3, ParentID: 2, Name: "后端组"},
			{ID: 4, ParentID: 1, Name: "旧部门"}, {ID: 8, ParentID: 1, Name: "外包"}},
		[]WeComUser{
			{UserID: "alice", Name: "张三", Departments: []int64{3}, MainDepartment: 3, Status: 1, Mobile: "13800000001"},
			{UserID: "bob", Name: "李四", Departments: []int64{2, 8}, MainDepartment: 2, Status: 1, Mobile: "13800000002"},
			{UserID: "dave", Name: "赵六", Departments: []int64{4}, MainDepartment: 4, Status: 1, Mobile: "13800000004"},
		}
}

func (e *env) planIn(d Direction, in Inputs, edit func(*Options)) *Plan {
	e.t.Helper()
	p, err := e.svc.Plan(e.ctx, e.corpID, d, in, e.options(d, edit), "tester", TriggerManual)
	if err != nil {
		e.t.Fatalf("plan: %v", err)
	}
	return p
}

func TestPlanTreeOpsAndWarnings(t *testing.T) {
	e := newEnv(t, nil)
	e.st.DB.Exec(`INSERT INTO sync_dept_links(corp_id, local_id, wecom_id, updated_at) VALUES (?, 900, 4, 0)`, e.corpID)
	e.local.add("alice", "张三", "13800000001", testRoot+"/研发部/后端组")
	e.local.add("bob", "李四", "13800000002", testRoot+"/研发部", testRoot+"/新部门")
	e.local.add("Bad Name", "坏账号", "13800000005", testRoot+"/新部门")
	e.local.add("nophone", "无联系方式", "", testRoot+"/新部门")
	e.local.add("erin", "钱七", "13800000006", testRoot+"/新部门/子部门")
	ld, lu := e.local.inputs()
	wd, wu := wecomState()
	in := Inputs{LocalDepts: ld, LocalUsers: lu, WeComDepts: wd, WeComUsers: wu, Bindings: map[string]string{"dave": "dave", "alice": "alice", "bob": "bob"}}

	p := e.planIn(ToWeCom, in, func(o *Options) { o.Safety = Safety{}; o.IncludePartTime = true; o.MoveDisabled = true })
	assertOrder(t, p.Ops)
	codes := map[string]bool{}
	for _, w := range p.Warnings {
		codes[w.Code] = true
	}
	if !codes["bad_userid"] || !codes["no_mobile_or_email"] {
		t.Fatalf("warnings: %+v", p.Warnings)
	}
	// 新部门, 新部门/子部门 and 已禁用用户 are created; dave is disabled into
	// 已禁用用户; 旧部门 (linked, gone, empty after the move) is deleted last.
	if countOps(p, OpCreateDepartment) != 3 || countOps(p, OpDisableUser) != 1 || countOps(p, OpDeleteDepartment) != 1 {
		t.Fatalf("plan: %s", p.Summary)
	}
	last := p.Ops[len(p.Ops)-1]
	if last.Type != OpDeleteDepartment || last.Before.ID != 4 {
		t.Fatalf("deletes come last: %+v", last)
	}
	dis := opsOf(p, OpDisableUser)[0]
	if dis.After.Departments[0].Key != "dept:disabled" || dis.Deps[0] != "dept:disabled" {
		t.Fatalf("disable moves into the new 已禁用用户: %+v", dis.After)
	}
	// bob: part-time on, department authority on → 研发部 + 新部门, 外包 dropped.
	bob := opsOf(p, OpMoveUser)[0]
	if bob.Target != "bob" || len(bob.After.Departments) != 2 || bob.After.Departments[1].Key == "" {
		t.Fatalf("bob: %+v", bob.After.Departments)
	}

	// Tree: 星河科技 on top; under it 研发部 (matched), 新部门 (new), 旧部门 (removed).
	top, err := e.svc.PlanTree(e.ctx, p.ID, "")
	if err != nil || len(top) != 1 || top[0].Name != testRoot {
		t.Fatalf("top: %v %+v", err, top)
	}
	kids, _ := e.svc.PlanTree(e.ctx, p.ID, top[0].Key)
	states := map[string]string{}
	for _, k := range kids {
		states[k.Name] = k.State
	}
	if states["研发部"] != NodeMatched || states["新部门"] != NodeNew || states["旧部门"] != NodeRemoved || states["已禁用用户"] != NodeNew {
		t.Fatalf("children: %+v", states)
	}
	grand, _ := e.svc.PlanTree(e.ctx, p.ID, kids[0].Key)
	if len(grand) != 1 || grand[0].Name != "后端组" || grand[0].State != NodeUnchanged {
		t.Fatalf("后端组 has no change and is folded: %+v", grand)
	}

	// The operation list: paging, type filter, search.
	page, err := e.svc.PlanOps(e.ctx, p.ID, OpQuery{Limit: 2})
	if err != nil || page.Total != p.Summary.Total || len(page.Ops) != 2 || page.Ops[0].Why.ZH == "" {
		t.Fatalf("page: %v %+v", err, page)
	}
	page, _ = e.svc.PlanOps(e.ctx, p.ID, OpQuery{Type: OpCreateUser})
	if page.Total != 1 || page.Ops[0].Target != "erin" {
		t.Fatalf("create_user: %+v", page.Ops)
	}
	page, _ = e.svc.PlanOps(e.ctx, p.ID, OpQuery{Search: "子部门"})
	if page.Total != 2 {
		t.Fatalf("search: %d", page.Total)
	}
	if _, err := e.svc.PlanOps(e.ctx, p.ID, OpQuery{Limit: 201}); err == nil {
		t.Fatal("limit 201 must be refused")
	}

	// Department authority off keeps bob's WeCom-only 外包.
	p = e.planIn(ToWeCom, in, func(o *Options) { o.Safety = Safety{}; o.DeptAuthority = false })
	for _, op := range opsOf(p, OpMoveUser) {
		t.Fatalf("bob keeps 研发部 + 外包, nothing moves: %+v", op.After)
	}
}

func TestFingerprintIsCanonical(t *testing.T) {
	wd, wu := wecomState()
	e := newEnv(t, nil)
	e.local.add("alice", "张三", "13800000001", testRoot+"/研发部/后端组")
	e.local.add("bob", "李四", "13800000002", testRoot+"/研发部")
	ld, lu := e.local.inputs()
	in := Inputs{LocalDepts: ld, LocalUsers: lu, WeComDepts: wd, WeComUsers: wu, Bindings: map[string]string{"a": "b", "c": "d"}}
	opt := DefaultOptions(ToWeCom)
	fp := Fingerprint(ToWeCom, &in, opt)
	shuffled := in
	r := rand.New(rand.NewPCG(1, 2))
	shuffled.LocalDepts, shuffled.LocalUsers = slices.Clone(in.LocalDepts), slices.Clone(in.LocalUsers)
	shuffled.WeComDepts, shuffled.WeComUsers = slices.Clone(in.WeComDepts), slices.Clone(in.WeComUsers)
	r.Shuffle(len(shuffled.LocalDepts), func(i, j int) {
		shuffled.LocalDepts[i], shuffled.LocalDepts[j] = shuffled.LocalDepts[j], shuffled.LocalDepts[i]
	})
	r.Shuffle(len(shuffled.WeComUsers), func(i, j int) {
		shuffled.WeComUsers[i], shuffled.WeComUsers[j] = shuffled.WeComUsers[j], shuffled.WeComUsers[i]
	})
	slices.Reverse(shuffled.LocalUsers)
	slices.Reverse(shuffled.WeComDepts)
	if Fingerprint(ToWeCom, &shuffled, opt) != fp {
		t.Fatal("row order must not change the fingerprint")
	}
	for name, change := range map[string]func(*Inputs, *Options){
		"name":     func(i *Inputs, _ *Options) { i.LocalUsers = slices.Clone(i.LocalUsers); i.LocalUsers[0].Name = "x" },
		"binding":  func(i *Inputs, _ *Options) { i.Bindings = map[string]string{"a": "b"} },
		"option":   func(_ *Inputs, o *Options) { o.Leavers = LeaversDelete },
		"errors":   func(i *Inputs, _ *Options) { i.SourceErrors = []string{"x"} },
		"last run": func(i *Inputs, _ *Options) { i.LastRunUserCount = 3 },
		"main dept": func(i *Inputs, _ *Options) {
			i.WeComUsers = slices.Clone(i.WeComUsers)
			i.WeComUsers[1].MainDepartment = 8
		},
	} {
		in2, opt2 := in, opt
		change(&in2, &opt2)
		if Fingerprint(ToWeCom, &in2, opt2) == fp {
			t.Fatalf("%s: a change must change the fingerprint", name)
		}
	}
	if Fingerprint(FromWeCom, &in, opt) == fp {
		t.Fatal("the direction is part of the fingerprint")
	}
}

func TestScopeByDepartment(t *testing.T) {
	e := newEnv(t, nil)
	e.local.add("alice", "张三", "13800000001", testRoot+"/研发部/后端组")
	e.local.add("carl", "孙八", "13800000007", testRoot+"/市场部")
	e.local.add("root", "根成员", "13800000008", testRoot)
	ld, lu := e.local.inputs()
	in := Inputs{LocalDepts: ld, LocalUsers: lu, WeComDepts: []WeComDept{{ID: 1, Name: testRoot}}}
	p := e.planIn(ToWeCom, in, func(o *Options) { o.Scope.Departments = []string{testRoot + "/研发部/"} })
	var created []string
	for _, op := range p.Ops {
		created = append(created, string(op.Type)+":"+op.Target)
	}
	want := []string{"create_department:研发部", "create_department:后端组", "create_user:alice"}
	if !slices.Equal(created, want) {
		t.Fatalf("only the 研发部 subtree (and its ancestors as structure) is synced:\n got %v\nwant %v", created, want)
	}
}

func TestOptionsValidateAndStore(t *testing.T) {
	e := newEnv(t, nil)
	bad := []func(*Options){
		func(o *Options) { o.Leavers = "remove" },
		func(o *Options) { o.DeleteAfterDays = -1 },
		func(o *Options) { o.DisabledDept = "a:b" },
		func(o *Options) { o.Safety.MaxRemovalPercent = 101 },
		func(o *Options) { o.Fields = FieldMapping{"employee_no": "nickname"} },
		func(o *Options) { o.Fields = FieldMapping{"name": "alias", "employee_no": "alias"} },
		func(o *Options) { o.Schedule.Cron = "every day" },
	}
	for i, edit := range bad {
		o := DefaultOptions(ToWeCom)
		edit(&o)
		if err := e.svc.SetOptions(e.ctx, e.corpID, ToWeCom, o); err == nil {
			t.Fatalf("bad option %d accepted", i)
		}
	}
	o, err := e.svc.GetOptions(e.ctx, e.corpID, ToWeCom)
	if err != nil || !o.CreateUsers || o.Leavers != LeaversDisable || o.Safety.MaxRemovals != 50 {
		t.Fatalf("defaults: %v %+v", err, o)
	}
	o.Fields = FieldMapping{"name": "name", "employee_no": "extattr:工号"}
	o.Schedule.Cron = "@every 6h"
	o.Scope.ExcludeUsers = []string{" bob ", "bob", ""}
	if err := e.svc.SetOptions(e.ctx, e.corpID, ToWeCom, o); err != nil {
		t.Fatal(err)
	}
	got, _ := e.svc.GetOptions(e.ctx, e.corpID, ToWeCom)
	if got.Fields["employee_no"] != "extattr:工号" || !slices.Equal(got.Scope.ExcludeUsers, []string{"bob"}) || got.Schedule.Cron != "@every 6h" {
		t.Fatalf("stored: %+v", got)
	}
	if f, _ := e.svc.GetOptions(e.ctx, e.corpID, FromWeCom); f.Fields["mobile"] != "" {
		t.Fatal("each direction has its own settings and defaults")
	}
}

// Employee numbers go to an extattr: written on create, and (as the inputs
// carry no extattrs) sent along with any other update.
func TestFieldMappingExtAttr(t *testing.T) {
	e := newEnv(t, nil)
	e.local.add("alice", "张三", "13800000001", testRoot)
	e.local.accts["alice"].EmployeeNo = "E001"
	e.local.accts["alice"].Position = "工程师"
	ld, lu := e.local.inputs()
	in := Inputs{LocalDepts: ld, LocalUsers: lu, WeComDepts: []WeComDept{{ID: 1, Name: testRoot}},
		WeComUsers: []WeComUser{{UserID: "alice", Name: "张三", Departments: []int64{1}, MainDepartment: 1, Status: 1}},
		Bindings:   map[string]string{"alice": "alice"}}
	p := e.planIn(ToWeCom, in, func(o *Options) { o.Fields["employee_no"] = "extattr:工号" })
	if len(p.Ops) != 1 || p.Ops[0].After.ExtAttrs["工号"] != "E001" || *p.Ops[0].After.Position != "工程师" ||
		!strings.Contains(p.Ops[0].Detail, "position") {
		t.Fatalf("update: %+v", p.Ops)
	}
}

func TestValuesJSONMatchesEncodingJSON(t *testing.T) {
	for _, v := range []*Values{
		{},
		{ID: 7, Name: strp(`a"b\c` + "\n\t\x01<>&中文"), Parent: &Ref{ID: 3, Path: "总部/研发"}, Path: "p"},
		{UserID: "u", Account: "A", Position: strp(""), Mobile: strp("1"), Email: strp("e@x"), Alias: strp("al"), EmployeeNo: strp("E1"),
			ExtAttrs: map[string]string{"b": "2", "a": "1"}, Departments: []Ref{{Key: "dept:L1", Path: "x"}, {ID: 2}},
			Enable: intp(0), Status: 2, ToInvite: boolp(false), Resigned: boolp(true), DisabledAt: "2025-01-01"},
		{Name: strp("bad \xff utf8")},
	} {
		var mine, std Values
		if err := json.Unmarshal([]byte(valuesJSON(v)), &mine); err != nil {
			t.Fatalf("%s: %v", valuesJSON(v), err)
		}
		b, _ := json.Marshal(v)
		json.Unmarshal(b, &std)
		if !reflect.DeepEqual(mine, std) {
			t.Fatalf("mine %+v\n std %+v", mine, std)
		}
	}
}

// Removing a corp removes its plans, and a trigger their operations.
func TestCorpRemovalCascades(t *testing.T) {
	e := newEnv(t, nil)
	e.local.add("alice", "张三", "13800000001", testRoot)
	ld, lu := e.local.inputs()
	p := e.planIn(ToWeCom, Inputs{LocalDepts: ld, LocalUsers: lu, WeComDepts: []WeComDept{{ID: 1, Name: testRoot}}}, nil)
	var n int
	e.st.DB.Get(&n, `SELECT COUNT(*) FROM sync_ops WHERE plan_id = ?`, p.ID)
	if n != 1 {
		t.Fatalf("ops: %d", n)
	}
	if _, err := e.st.DB.Exec(`DELETE FROM corps WHERE id = ?`, e.corpID); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"sync_plans", "sync_ops", "sync_plan_nodes"} {
		e.st.DB.Get(&n, `SELECT COUNT(*) FROM `+table)
		if n != 0 {
			t.Fatalf("%s keeps %d rows", table, n)
		}
	}
}
