package services

import (
	"context"
	"fmt"
	"testing"

	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// WeCom's daily block of the userid lookups (45009, the simulator's rule:
// failures of the day past 20 % of the headcount) is met by one call of one
// rematch; the rematches after it that day ask the simulator nothing and
// say why in the summary.
func TestLookupsBlockedForTheDayAreNotAskedAgain(t *testing.T) {
	s, c := demoWithLookupSample(t)
	ctx := context.Background()
	if _, err := s.Pull(ctx, c.ID, wecomsim.AgentRestricted, "manual", "test"); err != nil {
		t.Fatal(err)
	}
	// Someone else's failed lookups (another tool with the same secret)
	// spend WeCom's day.
	sim := s.Corps.DemoSim()
	client, creds, err := s.Corps.Client(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		_, err := client.GetUserIDByMobile(ctx, creds.Contact, fmt.Sprintf("1370000%04d", i))
		if wecom.ErrCode(err) == wecom.CodeAPIFreqOutOfLimit {
			break
		}
		if i > len(sim.Org().Users) {
			t.Fatalf("no block after %d failed lookups: %v", i, err)
		}
	}
	lookupCalls := func() int64 { st := sim.Stats(); return st["user/getuserid"] + st["user/get_userid_by_email"] }
	before := lookupCalls()
	sum, err := s.Rematch(ctx, c.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	if lk := sum.Lookups; lk.Calls != 1 || lk.Stopped == nil || lk.Stopped.Code != "lookup_blocked" || lk.Skipped != lk.Wanted-lk.Cached {
		t.Fatalf("first rematch lookups %+v, want one call meeting the block", lk)
	}
	if n := lookupCalls() - before; n != 1 {
		t.Fatalf("the simulator answered %d lookups, want 1", n)
	}
	for range 2 {
		sum, err = s.Rematch(ctx, c.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		if lk := sum.Lookups; lk.Calls != 0 || lk.Stopped == nil || lk.Stopped.Code != "lookup_blocked" || lk.Skipped == 0 {
			t.Errorf("later rematch lookups %+v, want no call and the block said", lk)
		}
	}
	if n := lookupCalls() - before; n != 1 {
		t.Errorf("the simulator answered %d lookups after three rematches, want 1", n)
	}
}
