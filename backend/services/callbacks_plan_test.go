package services

import (
	"context"
	"testing"

	"wecom-bridge/backend/syncer"
)

// TestContactChangeKeepsPlanPendingWhenAutoApplyIsOff: with a to-wecom
// schedule and 自动执行定时计划 off, the plan a contact callback queues is
// kept as a pending preview (trigger callback, why: auto-apply off) and
// nothing is written to WeCom; once discarded it no longer waits.
func TestContactChangeKeepsPlanPendingWhenAutoApplyIsOff(t *testing.T) {
	s, c, sim := callbackEnv(t)
	ctx := context.Background()
	o := syncer.DefaultOptions(syncer.ToWeCom)
	o.TopDepartment, o.Safety, o.Schedule = 1, syncer.Safety{}, syncer.Schedule{Cron: "0 2 * * *", AutoApply: false}
	if err := s.SetSyncOptions(ctx, c.ID, syncer.ToWeCom, o); err != nil {
		t.Fatal(err)
	}
	members := len(sim.Org().Users)
	m := anyMember(t, s, c.ID)
	changePosition(t, s, c.ID, m.UserID, "待审核岗")
	var pending []syncer.PendingPreview
	eventually(t, "a pending preview", func() bool {
		pending, _ = s.Sync.PendingPreviews(ctx, 0)
		return len(pending) == 1
	})
	p := pending[0]
	if p.CorpID != c.ID || p.Trigger != syncer.TriggerCallback || p.Why.Code != "sync_schedule_manual" || p.Total == 0 {
		t.Fatalf("pending: %+v", p)
	}
	if len(sim.Org().Users) != members {
		t.Fatal("a plan kept for review wrote to WeCom")
	}
	if err := s.Sync.DiscardPreview(ctx, p.PlanID, "admin"); err != nil {
		t.Fatal(err)
	}
	if left, _ := s.Sync.PendingPreviews(ctx, c.ID); len(left) != 0 {
		t.Fatalf("discarded: %+v", left)
	}
}
