package syncer

import (
	"strings"
	"testing"
)

// savePlan turns CHECK constraints off for its bulk rows; the connection it
// used must have them back, whether the save succeeded or failed.
func TestSavePlanRestoresCheckConstraints(t *testing.T) {
	e := newEnv(t, nil)
	e.st.DB.SetMaxOpenConns(1) // every statement below runs on the connection savePlan used
	e.local.add("alice", "张三", "13800000001", testRoot)
	ld, lu := e.local.inputs()
	in := Inputs{LocalDepts: ld, LocalUsers: lu, WeComDepts: []WeComDept{{ID: 1, Name: testRoot}}}
	checked := func(when string) {
		t.Helper()
		_, err := e.st.DB.Exec(`INSERT INTO sync_ops(id, plan_id, seq, type, phase, target, reason) VALUES (1, 1, 0, 'x', 1, 'x', 'x')`)
		if err == nil || !strings.Contains(err.Error(), "CHECK") {
			t.Fatalf("%s: a row with seq 0 must fail its CHECK constraint, got %v", when, err)
		}
	}
	p := e.planIn(ToWeCom, in, nil)
	checked("after a save")

	// The next plan's first operation id is taken, so its save fails half-way.
	if _, err := e.st.DB.Exec(`INSERT INTO sync_ops(id, plan_id, seq, type, phase, target, reason) VALUES (?, ?, 1, 'x', 1, 'x', 'x')`,
		opID(p.ID+1, 1), p.ID+1); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Plan(e.ctx, e.corpID, ToWeCom, in, DefaultOptions(ToWeCom), "tester", TriggerManual); err == nil {
		t.Fatal("the save must fail on the taken operation id")
	}
	checked("after a failed save")
	var n int
	e.st.DB.Get(&n, `SELECT COUNT(*) FROM sync_plans`)
	if n != 1 {
		t.Fatalf("the failed save must store nothing: %d plans", n)
	}
}
