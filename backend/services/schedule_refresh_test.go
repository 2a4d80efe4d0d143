package services

import (
	"context"
	"testing"

	"wecom-bridge/backend/syncer"
)

// A scheduled sync pulls WeCom first only when the mirror is older than the
// direction's RefreshMinutes, as a preview does; a forced full sync always
// pulls (the scheduler used to ignore RefreshMinutes: it pulled on every
// to-WeCom tick and never before a from-WeCom one).
func TestScheduledSyncPullsWhenTheMirrorIsOlderThanRefreshMinutes(t *testing.T) {
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	s := openTest(t)
	ctx := context.Background()
	c, err := s.StartDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Pull(ctx, c.ID, 0, "manual", "test"); err != nil {
		t.Fatal(err)
	}
	pulls := func() int {
		runs, err := s.Mirror.Runs(ctx, c.ID, 100)
		if err != nil {
			t.Fatal(err)
		}
		return len(runs)
	}
	refresh := func(d syncer.Direction, minutes int) {
		o, _ := s.Sync.GetOptions(ctx, c.ID, d)
		o.RefreshMinutes = minutes
		if err := s.SetSyncOptions(ctx, c.ID, d, o); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []syncer.Direction{syncer.ToWeCom, syncer.FromWeCom} {
		refresh(d, 60)
		before := pulls()
		if _, _, err := s.planner(ctx, c.ID, d, false); err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		if n := pulls(); n != before {
			t.Errorf("%s: a mirror pulled just now was pulled again (%d pulls, was %d)", d, n, before)
		}
		if _, _, err := s.planner(ctx, c.ID, d, true); err != nil {
			t.Fatal(err)
		}
		if n := pulls(); n != before+1 {
			t.Errorf("%s: a forced full sync did not pull (%d pulls, was %d)", d, n, before)
		}
		refresh(d, 0)
		if _, _, err := s.planner(ctx, c.ID, d, false); err != nil {
			t.Fatal(err)
		}
		if n := pulls(); n != before+2 {
			t.Errorf("%s: RefreshMinutes 0 did not pull before the sync (%d pulls, was %d)", d, n, before+1)
		}
	}
}
