package syncer

import (
	"slices"
	"testing"

	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

func fromOrg() *wecomsim.Org {
	org := testOrg()
	org.Departments = append(org.Departments,
		wecomsim.Department{ID: 2, Name: "研发部", ParentID: 1},
		wecomsim.Department{ID: 3, Name: "后端组", ParentID: 2},
		wecomsim.Department{ID: 4, Name: "市场部", ParentID: 1})
	org.Users = []wecomsim.User{
		{UserID: "zhangsan", Name: "张三", Department: []int{3}, Position: "工程师", Mobile: "13900000001", Status: 1, Enable: 1},
		{UserID: "lisi", Name: "李四", Department: []int{4, 2}, Position: "经理", Mobile: "13900000002", Status: 1, Enable: 1},
		{UserID: "wangwu", Name: "王五", Department: []int{2}, Mobile: "13900000003", Status: 1, Enable: 1},
	}
	return org
}

// 以企业微信为准: WeCom is the truth and the local directory follows.
func TestFromWeComEndToEnd(t *testing.T) {
	e := newEnv(t, fromOrg())
	e.local.add("lisi", "李四(旧)", "13900000002", testRoot+"/市场部") // confirmed: same userid
	e.local.add("wang", "王五", "13900000003", testRoot)
	e.bindings["lisi"] = "lisi"
	e.bindings["wang"] = "wangwu"
	opt := e.options(FromWeCom, func(o *Options) {
		o.CreateAccounts, o.SyncDepartments, o.ResignLeavers = true, true, true
		o.Safety = Safety{}
	})
	p, run := e.planApply(FromWeCom, opt)
	if countOps(p, OpLocalCreateDepartment) != 2 || countOps(p, OpLocalCreateAccount) != 1 || countOps(p, OpLocalUpdateAccount) != 2 {
		t.Fatalf("first plan: %s", p.Summary)
	}
	assertOrder(t, p.Ops)
	if run.Status != RunDone {
		t.Fatalf("run: %+v", run)
	}
	zs := e.local.acct("zhangsan")
	if zs == nil || zs.Name != "张三" || zs.Position != "工程师" || e.local.path(zs.DeptIDs[0]) != testRoot+"/研发部/后端组" {
		t.Fatalf("zhangsan: %+v", zs)
	}
	ls := e.local.acct("lisi")
	if ls.Name != "李四" || len(ls.DeptIDs) != 2 || e.local.path(ls.DeptIDs[0]) != testRoot+"/市场部" {
		t.Fatalf("lisi follows WeCom (name, both departments, main first): %+v", ls)
	}
	if w := e.local.acct("wang"); e.local.path(w.DeptIDs[0]) != testRoot+"/研发部" {
		t.Fatal("the bound account wang moves to 研发部")
	}
	if p2, _ := e.plan(FromWeCom, opt); p2.Summary.Total != 0 {
		t.Fatalf("converged: %s", p2.Summary)
	}

	// WeCom renames 研发部, moves 后端组 under 市场部, disables wangwu and
	// changes zhangsan's position.
	cred := e.cred()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(e.client.UpdateDepartment(e.ctx, cred, wecom.DepartmentUpdate{ID: 2, Name: wecom.Ptr("研发中心")}))
	must(e.client.UpdateDepartment(e.ctx, cred, wecom.DepartmentUpdate{ID: 3, ParentID: wecom.Ptr(int64(4))}))
	must(e.client.UpdateUser(e.ctx, cred, wecom.UserWrite{UserID: "wangwu", Enable: wecom.Ptr(0)}))
	must(e.client.UpdateUser(e.ctx, cred, wecom.UserWrite{UserID: "zhangsan", Position: wecom.Ptr("架构师")}))
	backendID := zs.DeptIDs[0]
	p, _ = e.planApply(FromWeCom, opt)
	if countOps(p, OpLocalUpdateDepartment) != 1 || countOps(p, OpLocalMoveDepartment) != 1 ||
		countOps(p, OpLocalResignAccount) != 1 || countOps(p, OpLocalUpdateAccount) != 1 {
		t.Fatalf("second plan: %s", p.Summary)
	}
	if e.local.path(backendID) != testRoot+"/市场部/后端组" {
		t.Fatalf("后端组 should move in place: %s", e.local.path(backendID))
	}
	if !e.local.acct("wang").resigned || e.local.acct("zhangsan").Position != "架构师" {
		t.Fatal("wang resigns, zhangsan gets the new position")
	}
	if e.local.path(e.local.acct("wang").DeptIDs[0]) != testRoot+"/研发中心" {
		t.Fatal("研发部 is renamed in place")
	}
	if e.local.calls["CreateDepartment"] != 2 {
		t.Fatalf("no department may be created twice: %v", e.local.calls)
	}
}

func TestFromWeComDefaultsOnlyUpdateBoundAccounts(t *testing.T) {
	e := newEnv(t, fromOrg())
	e.local.add("lisi", "李四(旧)", "13900000002", testRoot+"/市场部")
	e.bindings["lisi"] = "lisi"
	p, _ := e.plan(FromWeCom, e.options(FromWeCom, nil))
	// Creating accounts, mirroring departments and resigning are all off by default.
	if p.Summary.Total != 1 || countOps(p, OpLocalUpdateAccount) != 1 || p.Summary.NotCreated != 2 {
		t.Fatalf("plan: %s %+v", p.Summary, p.Ops)
	}
	// 研发部 has no local counterpart (departments are not mirrored): lisi keeps 市场部.
	if after := p.Ops[0].After; after.Name == nil || *after.Name != "李四" || *after.Position != "经理" || after.Departments != nil {
		t.Fatalf("lisi's update: %+v", after)
	}

	// The tree counts equal the operations under each node: lisi's update
	// is counted where the account is.
	counted := 0
	for _, n := range p.Nodes {
		counted += n.Added + n.Updated + n.Removed
	}
	if counted != p.Summary.Total {
		t.Fatalf("tree counts %d, operations %d", counted, p.Summary.Total)
	}

	// The WeCom root is the local root by default, whatever they are
	// called: a differently named local root does not stop the plan.
	e.local.rename(testRoot, "别的公司")
	p, err := e.svc.Plan(e.ctx, e.corpID, FromWeCom, e.inputs(), e.options(FromWeCom, nil), "t", TriggerManual)
	if err != nil || p.Summary.Total != 1 {
		t.Fatalf("want the same plan under the renamed root, got %v %+v", err, p)
	}
	// An empty WeCom never resigns everyone.
	in := e.inputs()
	in.WeComUsers = nil
	in.Bindings = map[string]string{"lisi": "lisi"}
	p, err = e.svc.Plan(e.ctx, e.corpID, FromWeCom, in, e.options(FromWeCom, func(o *Options) {
		o.ResignLeavers, o.TopDepartment, o.Safety = true, 1, Safety{}
	}), "t", TriggerManual)
	if err != nil || !p.HardBlocked || !slices.ContainsFunc(p.Reasons, func(w Warning) bool { return w.Code == "empty_source" }) {
		t.Fatalf("want a hard block: %v %+v", err, p.Verdict)
	}
}
