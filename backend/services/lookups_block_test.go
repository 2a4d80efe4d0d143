package services

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"wecom-bridge/backend/corp"

	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// WeCom's daily block of the userid lookups (45009, the simulator's rule:
// failures of the day past 20 % of the headcount) is met by one call of one
// rematch; the rematches after it that day ask the simulator nothing and
// say why in the summary.
func TestLookupsBlockedForTheDayAreNotAskedAgain(t *testing.T) {
	s, c, lookupCalls := blockedDemo(t)
	ctx := context.Background()
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

// The check that meets WeCom's block keeps it as a rematch would: its step
// says until when (WeCom's next midnight, China time) and what to do, and
// the rematches after it ask the simulator nothing that day.
func TestCheckMeetingTheLookupBlockKeepsItForTheRematches(t *testing.T) {
	s, c, lookupCalls := blockedDemo(t)
	ctx := context.Background()
	before := lookupCalls()
	// WeCom's next midnight, China time (the review's clock is the wall clock).
	nextMidnight := func() string {
		return time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, 1).Format("2006-01-02") + " 00:00 (UTC+08:00)"
	}
	until := nextMidnight()
	step := lookupStep(t, s, c.ID)
	if step.Status != corp.StatusFailed || step.Errcode != wecom.CodeAPIFreqOutOfLimit || step.Detail.Code != "lookup_check_blocked_until" {
		t.Fatalf("check step %+v, want blocked until a time", step)
	}
	if until == nextMidnight() && (!strings.Contains(step.Detail.EN, "until "+until) || !strings.Contains(step.Detail.ZH, "暂停至 "+until)) {
		t.Fatalf("check step says %q / %q, want blocked until %s", step.Detail.ZH, step.Detail.EN, until)
	}
	if n := lookupCalls() - before; n != 1 {
		t.Fatalf("the check asked the simulator %d times, want 1", n)
	}
	sum, err := s.Rematch(ctx, c.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	if lk := sum.Lookups; lk.Calls != 0 || lk.Stopped == nil || lk.Stopped.Code != "lookup_blocked" || lk.Skipped == 0 {
		t.Errorf("rematch after the check: lookups %+v, want no call and the block said", lk)
	}
	if n := lookupCalls() - before; n != 1 {
		t.Errorf("the simulator answered %d lookups after the check and a rematch, want 1 (the check's)", n)
	}
}

// blockedDemo is the demo corp with the lookup sample, pulled through the
// privacy-restricted app, whose WeCom day someone else's failed lookups
// (another tool with the same secret) spent: the simulator answers 45009.
// lookupCalls counts the lookups the simulator answered.
func blockedDemo(t *testing.T) (s *Services, c *corp.Corp, lookupCalls func() int64) {
	t.Helper()
	s, c = demoWithLookupSample(t)
	ctx := context.Background()
	if _, err := s.Pull(ctx, c.ID, wecomsim.AgentRestricted, "manual", "test"); err != nil {
		t.Fatal(err)
	}
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
	return s, c, func() int64 { st := sim.Stats(); return st["user/getuserid"] + st["user/get_userid_by_email"] }
}
