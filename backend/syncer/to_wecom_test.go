package syncer

import (
	"errors"
	"slices"
	"testing"
	"time"

	"wecom-bridge/backend/wecom/wecomsim"
)

// A whole to-wecom life: create, converge, rename, move, disable a leaver,
// delete it N days later.
func TestToWeComEndToEnd(t *testing.T) {
	e := newEnv(t, testOrg())
	e.local.add("alice", "张三", "13800000001", testRoot+"/研发部/后端组")
	e.local.add("bob", "李四", "13800000002", testRoot+"/市场部", testRoot+"/研发部")
	e.local.add("carol", "王五", "13800000003", testRoot+"/研发部")
	opt := e.options(ToWeCom, func(o *Options) { o.DeleteAfterDays = 7; o.Safety = Safety{} })

	p, run := e.planApply(ToWeCom, opt)
	if countOps(p, OpCreateDepartment) != 3 || countOps(p, OpCreateUser) != 3 || p.Summary.Total != 6 {
		t.Fatalf("first plan: %s", p.Summary)
	}
	assertOrder(t, p.Ops)
	if run.Status != RunDone || run.Done != 6 {
		t.Fatalf("run: %+v", run)
	}
	backend := e.simDeptByPath(testRoot + "/研发部/后端组")
	alice := e.simUser("alice")
	if backend == nil || alice == nil || !slices.Equal(alice.Department, []int{backend.ID}) || alice.Name != "张三" {
		t.Fatalf("alice not created in 后端组: %+v %+v", alice, backend)
	}
	if bob := e.simUser("bob"); len(bob.Department) != 1 || bob.Department[0] != e.simDeptByPath(testRoot+"/市场部").ID {
		t.Fatalf("part-time departments are off by default: bob in %v", bob.Department)
	}

	// The same inputs again: nothing to do.
	if p2, _ := e.plan(ToWeCom, opt); p2.Summary.Total != 0 {
		t.Fatalf("a converged sync should plan nothing: %s %+v", p2.Summary, p2.Ops[0])
	}

	// A rename keeps the department (and its members): update_department, no create/delete.
	e.local.rename(testRoot+"/市场部", "市场中心")
	p, _ = e.planApply(ToWeCom, opt)
	if countOps(p, OpUpdateDepartment) != 1 || p.Summary.Total != 1 {
		t.Fatalf("rename plan: %s", p.Summary)
	}
	if d := e.simDeptByPath(testRoot + "/市场中心"); d == nil || e.simUser("bob").Department[0] != d.ID {
		t.Fatal("市场部 was not renamed in place")
	}

	// A move: 后端组 goes under 市场中心.
	e.local.move(testRoot+"/研发部/后端组", testRoot+"/市场中心")
	p, _ = e.planApply(ToWeCom, opt)
	if countOps(p, OpMoveDepartment) != 1 || p.Summary.Total != 1 {
		t.Fatalf("move plan: %s", p.Summary)
	}
	moved := e.simDeptByPath(testRoot + "/市场中心/后端组")
	if moved == nil || moved.ID != backend.ID {
		t.Fatalf("后端组 should keep id %d under 市场中心: %+v", backend.ID, moved)
	}
	nodes, err := e.svc.PlanTree(e.ctx, p.ID, "")
	if err != nil || len(nodes) != 1 {
		t.Fatalf("tree root: %v %+v", err, nodes)
	}

	// A leaver is disabled, not deleted…
	e.local.resign("carol")
	p, _ = e.planApply(ToWeCom, opt)
	if countOps(p, OpDisableUser) != 1 || p.Summary.Total != 1 {
		t.Fatalf("leaver plan: %s", p.Summary)
	}
	if u := e.simUser("carol"); u == nil || u.Status != 2 || u.Enable != 0 {
		t.Fatalf("carol should be disabled: %+v", u)
	}
	// …nothing more while fewer than 7 days passed…
	e.advance(6 * 24 * time.Hour)
	if p, _ = e.plan(ToWeCom, opt); p.Summary.Total != 0 {
		t.Fatalf("day 6: %s", p.Summary)
	}
	// …and deleted once 7 days passed.
	e.advance(24 * time.Hour)
	p, _ = e.planApply(ToWeCom, opt)
	if ops := opsOf(p, OpDeleteUser); len(ops) != 1 || ops[0].Reason != ReasonDisabledNDays {
		t.Fatalf("day 7: %s", p.Summary)
	}
	if e.simUser("carol") != nil {
		t.Fatal("carol should be deleted after 7 days")
	}
	var left int
	e.st.DB.Get(&left, `SELECT COUNT(*) FROM sync_disabled_users`)
	if left != 0 {
		t.Fatal("a deleted member must leave the disabled list")
	}
	if n, _ := e.svc.LastRunUserCount(e.ctx, e.corpID, ToWeCom); n != 2 {
		t.Fatalf("last run user count: %d", n)
	}
}

// assertOrder checks the plan's order rules: phases never go back, every
// dependency comes earlier, parents are created before children.
func assertOrder(t *testing.T, ops []*Op) {
	t.Helper()
	seqOfKey := map[string]int{}
	phase := 0
	for i, op := range ops {
		if op.Seq != i+1 {
			t.Fatalf("op %d has seq %d", i, op.Seq)
		}
		if op.Phase < phase {
			t.Fatalf("op #%d %s goes back to phase %d", op.Seq, op.Type, op.Phase)
		}
		phase = op.Phase
		for _, d := range op.Deps {
			s, ok := seqOfKey[d]
			if !ok || s >= op.Seq {
				t.Fatalf("op #%d %s depends on %s, which does not come before it", op.Seq, op.Type, d)
			}
		}
		if op.Key != "" {
			seqOfKey[op.Key] = op.Seq
		}
	}
}

func TestRootNameMismatchStopsThePlan(t *testing.T) {
	e := newEnv(t, testOrg())
	e.local.add("alice", "张三", "13800000001", "Re部门/A")
	in := e.inputs()
	p, err := e.svc.Plan(e.ctx, e.corpID, ToWeCom, in, DefaultOptions(ToWeCom), "tester", TriggerManual)
	var stop *StopError
	if !errors.Is(err, ErrPlanStopped) || !errors.As(err, &stop) || stop.Code != "root_name_mismatch" {
		t.Fatalf("want a stopped plan, got %v", err)
	}
	if p == nil || p.Status != PlanStopped || p.Summary.Total != 0 {
		t.Fatalf("stopped plan: %+v", p)
	}
	if _, err := e.svc.Apply(e.ctx, p.ID, in, e.targets(), NoConfirm, "tester"); err == nil {
		t.Fatal("a stopped plan must not apply")
	}
	hist, _ := e.svc.Runs(e.ctx, e.corpID, HistoryQuery{})
	if hist.Total != 1 || hist.Entries[0].Status != PlanStopped {
		t.Fatalf("the stopped preview belongs in the history: %+v", hist)
	}
}

// 设置了顶级部门: the local tree goes under the chosen WeCom department.
func TestTopDepartmentMounting(t *testing.T) {
	org := testOrg()
	org.Departments = append(org.Departments, wecomsim.Department{ID: 5, Name: "其他部门", ParentID: 1},
		wecomsim.Department{ID: 6, Name: "部门A", ParentID: 5})
	e := newEnv(t, org)
	e.local.add("alice", "张三", "13800000001", "Re部门/部门A")
	e.local.add("bob", "李四", "13800000002", "Re部门")
	opt := e.options(ToWeCom, func(o *Options) { o.TopDepartment = 5 })
	p, _ := e.planApply(ToWeCom, opt)
	if countOps(p, OpCreateDepartment) != 2 {
		t.Fatalf("Re部门 and Re部门/部门A are new under 其他部门: %s", p.Summary)
	}
	re := e.simDeptByPath(testRoot + "/其他部门/Re部门")
	a := e.simDeptByPath(testRoot + "/其他部门/Re部门/部门A")
	if re == nil || re.ParentID != 5 || a == nil || a.ID == 6 {
		t.Fatalf("mounting: %+v %+v", re, a)
	}
	if u := e.simUser("alice"); u.Department[0] != a.ID {
		t.Fatalf("alice in %v, want %d", u.Department, a.ID)
	}
	top, _ := e.svc.PlanTree(e.ctx, p.ID, "")
	if len(top) != 1 || top[0].WeComID != 5 || top[0].Children != 1 {
		t.Fatalf("the tree starts at the top department: %+v", top)
	}
	kids, _ := e.svc.PlanTree(e.ctx, p.ID, top[0].Key)
	if len(kids) != 1 || kids[0].State != NodeNew || kids[0].Added != 1 {
		t.Fatalf("Re部门 is new with one member: %+v", kids[0])
	}
}
