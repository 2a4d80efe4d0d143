package syncer

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"testing"
	"time"
)

// goldenInputs mix every kind of operation, both directions' fields and
// names that need JSON escaping, so the golden digests below cover the
// planner, the hand-written JSON and the stored rows.
func goldenInputs() Inputs {
	const odd = "奇\"怪<&>\\名\t"
	ld, lu := bigLocal(40, 300)
	// bigLocal's ids are 1..40; these hang off the root and division 3.
	ld = append(ld,
		LocalDept{ID: 41, ParentID: 1, Name: "改名后", Path: []string{testRoot, "改名后"}},
		LocalDept{ID: 42, ParentID: 3, Name: "移动的", Path: []string{testRoot, "部门00003", "移动的"}},
		LocalDept{ID: 43, ParentID: 1, Name: odd, Path: []string{testRoot, odd}},
		LocalDept{ID: 44, ParentID: 1, Name: "坏/名", Path: []string{testRoot, "坏/名"}})
	lu[0].Name = odd                                       // user000000: name and department change
	lu[1].DeptPaths = [][]string{{testRoot, "移动的"}}        // user000001: unknown path
	lu[2].DeptPaths = append(lu[2].DeptPaths, ld[40].Path) // user000002: part-time
	lu[3].Resigned, lu[3].ResignedAt = true, time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	lu[4].Mobile, lu[4].Email = "", "u4@example.com"
	lu[5].Mobile = ""                                          // no mobile, no email
	lu[6].Account = "Bad Name"                                 // not a userid
	lu[7].Account = "USER000008"                               // duplicate of user000008
	lu[9].DeptPaths = [][]string{{testRoot, "部门00003", "移动的"}} // moved department
	lu = append(lu, LocalUser{Account: "bound", Name: "绑定", Mobile: "13700000000", Position: odd, DeptPaths: [][]string{ld[42].Path}})
	wd := []WeComDept{{ID: 1, Name: testRoot}, {ID: 2, ParentID: 1, Name: "部门00002", Order: 5}, {ID: 3, ParentID: 1, Name: "部门00003", Order: 9},
		{ID: 7, ParentID: 1, Name: "改名前"}, {ID: 9, ParentID: 2, Name: "移动的"}, {ID: 10, ParentID: 1, Name: "旧部门"},
		{ID: 11, ParentID: 1, Name: "已禁用用户"}, {ID: 12, ParentID: 3, Name: "部门00025"}}
	wu := []WeComUser{
		{UserID: "user000000", Name: "成员000000", Mobile: "13000000000", Position: "工程师", Departments: []int64{12}, MainDepartment: 12, Status: 1},
		{UserID: "user000009", Name: "成员000009", Mobile: "13000000009", Position: "工程师", Departments: []int64{9, 3}, MainDepartment: 9, Status: 1},
		{UserID: "user000010", Name: "成员000010", Mobile: "13000000010", Position: "工程师", Departments: []int64{2}, MainDepartment: 2, Status: 2},
		{UserID: "user000039", Name: "成员000039", Mobile: "13000000039", Position: "经理", Departments: []int64{2}, MainDepartment: 2, Status: 1},
		{UserID: "user000003", Name: "成员000003", Mobile: "13000000003", Departments: []int64{2}, MainDepartment: 2, Status: 1},
		{UserID: "gone", Name: "离开", Mobile: "13100000000", Departments: []int64{10}, MainDepartment: 10, Status: 1},
		{UserID: "old", Name: "早已禁用", Departments: []int64{11}, MainDepartment: 11, Status: 2},
		{UserID: "quit", Name: "退出", Departments: []int64{2}, MainDepartment: 2, Status: 5},
		{UserID: "bound_w", Name: "绑定", Mobile: "13700000000", Alias: "a", Departments: []int64{1, 3}, MainDepartment: 3, Status: 1,
			ExtAttrs: map[string]string{"工号": "E1"}},
	}
	return Inputs{LocalDepts: ld, LocalUsers: lu, WeComDepts: wd, WeComUsers: wu,
		Bindings: map[string]string{"bound": "bound_w", "gone": "gone", "old": "old", "user000003": "user000003",
			"user000000": "user000000", "user000009": "user000009", "user000010": "user000010"},
		Rejected: []Pair{{Account: "user000039", UserID: "user000039"}},
		Pending: []PendingPair{{State: "proposed", Method: "name", Account: "user000011", UserID: "quit"},
			{State: "ambiguous", Method: "name", Account: "user000012", Candidates: []string{"x1", "x2"}}},
		LastRunUserCount: 7}
}

// TestPlanGolden pins the fingerprint and everything a plan stores and
// returns, so a speed-up cannot change either. When a change is meant to
// alter plans, update the digests from the failure message.
func TestPlanGolden(t *testing.T) {
	e := newEnv(t, nil)
	for _, q := range []string{
		`INSERT INTO sync_dept_links(corp_id, local_id, wecom_id, updated_at) VALUES (?, 41, 7, 0), (?, 42, 9, 0), (?, 900, 10, 0)`,
		`INSERT INTO sync_disabled_users(corp_id, userid, disabled_at) VALUES (?, 'old', 1735689600000), (?, 'x', 0), (?, 'y', 0)`,
	} {
		if _, err := e.st.DB.Exec(q, e.corpID, e.corpID, e.corpID); err != nil {
			t.Fatal(err)
		}
	}
	in := goldenInputs()
	for _, c := range []struct {
		name        string
		d           Direction
		edit        func(*Options)
		fingerprint string
		stored      string
	}{
		{"to-wecom", ToWeCom, func(o *Options) {
			o.Safety, o.IncludePartTime, o.MoveDisabled, o.Invite = Safety{}, true, true, true
			o.Fields["employee_no"] = "extattr:工号"
		}, "83731ced925d8a9d24bf9f2a6fb642e6037c5e1a1e80e73fb84bf8e86c513fcf", "7c251e2205f03d88"},
		{"to-wecom delete", ToWeCom, func(o *Options) { o.Leavers, o.DeleteAfterDays, o.DeptAuthority = LeaversDelete, 30, false }, "9fe2246dc8772983c21cd31576b57beb733b4ef7069453cfc1644912a6eb4dea", "246f571c2fa5f17b"},
		{"from-wecom", FromWeCom, func(o *Options) {
			o.CreateAccounts, o.SyncDepartments, o.ResignLeavers = true, true, true
		}, "0506a0febc48cc339cd633e3265374f67bc7aca4f0a57ba1159fb798e31dc0fd", "cdd15d19220f4ad5"},
	} {
		opt := e.options(c.d, c.edit)
		p, err := e.svc.Plan(e.ctx, e.corpID, c.d, in, opt, "tester", TriggerManual)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		ops, _ := json.Marshal(p.Ops)
		nodes, _ := json.Marshal(p.Nodes)
		stored := digest(string(ops), string(nodes), e.storedPlan(p.ID))
		if p.Fingerprint != c.fingerprint || stored != c.stored {
			t.Errorf("%s (%s): fingerprint %s, stored %s; want %s, %s", c.name, p.Summary, p.Fingerprint, stored, c.fingerprint, c.stored)
		}
	}
}

// storedPlan is every stored value, with its type, of a plan, its
// operations and tree nodes, but the plan's timing.
func (e *env) storedPlan(id int64) string {
	e.t.Helper()
	var out []any
	for _, q := range []string{
		`SELECT id, corp_id, direction, status, fingerprint, options, summary, blocked, hard_blocked, block_reasons, warnings,
			stop, total_ops, removals, trigger, created_by FROM sync_plans WHERE id = ?`,
		`SELECT * FROM sync_ops WHERE plan_id = ? ORDER BY id`,
		`SELECT * FROM sync_plan_nodes WHERE plan_id = ? ORDER BY seq`,
	} {
		rows, err := e.st.DB.Queryx(q, id)
		if err != nil {
			e.t.Fatal(err)
		}
		for rows.Next() {
			row, err := rows.SliceScan()
			if err != nil {
				e.t.Fatal(err)
			}
			for i, v := range row { // the type too: TEXT and BLOB differ
				row[i] = fmt.Sprintf("%T:%s", v, v)
			}
			out = append(out, row)
		}
		rows.Close()
	}
	return fmt.Sprintf("%q", out)
}

func digest(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// TestFingerprintGoldenLarge pins a fingerprint whose input spans many of
// the writer's hash blocks.
func TestFingerprintGoldenLarge(t *testing.T) {
	ld, lu := bigLocal(2000, 20000)
	in := goldenInputs()
	in.LocalDepts, in.LocalUsers = append(in.LocalDepts, ld[100:]...), append(in.LocalUsers, lu[500:]...)
	const want = "75d4a28efad3f5b0cee63d4f7f25de766e82948b9ac02491d177508d1b6fcaf4"
	if fp := Fingerprint(ToWeCom, &in, DefaultOptions(ToWeCom)); fp != want {
		t.Fatalf("fingerprint %s, want %s", fp, want)
	}
}
