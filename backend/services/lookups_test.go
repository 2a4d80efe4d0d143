package services

import (
	"context"
	"strings"
	"testing"

	"wecom-bridge/backend/corp"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/review"
	"wecom-bridge/backend/wecom/wecomsim"
)

// The privacy-restricted demo app sees names only, so the lookup sample's
// namesakes (four 张伟 on each side, accounts that are staff numbers) are
// name guesses; the rematch asks WeCom, through the demo corp's 通讯录同步
// secret and the simulator over HTTP, who owns each unsettled account's
// mobile or email, and binds them at 0.98. A second rematch asks nothing.
func TestLookupsBindThePrivacyRestrictedAppsNamesakes(t *testing.T) {
	s, c := demoWithLookupSample(t)
	ctx := context.Background()
	if _, err := s.Pull(ctx, c.ID, wecomsim.AgentRestricted, "manual", "test"); err != nil {
		t.Fatal(err)
	}
	sum, err := s.Rematch(ctx, c.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	// Asked: the four 张伟 (three mobiles, one email) and 林一 (no owner);
	// not helitao (userid = account), nor the 王芳 (nothing to ask).
	lk := sum.Lookups
	if want := (review.LookupStats{Via: "contact", Wanted: 5, Calls: 5, Found: 4, Failed: 1}); lk.Stopped != nil || lk != want {
		t.Fatalf("lookups %+v, want %+v", lk, want)
	}
	page, err := s.Review.List(ctx, c.ID, review.Query{Search: "张伟", Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	byLookup := 0
	for _, r := range page.Rows {
		if r.Method == string(binding.MethodMobileLookup) {
			byLookup++
			if r.Confidence != 0.98 || r.ReasonCode != "key_mobile_lookup" || r.ReasonArgs["userid"] != r.UserID {
				t.Errorf("lookup row %+v", r)
			}
		}
		if r.Method == string(binding.MethodEmailLookup) {
			byLookup += 10
		}
		if r.State == review.StateAmbiguous {
			t.Errorf("a 张伟 is still ambiguous after the lookups: %+v", r)
		}
	}
	if byLookup != 13 { // three by mobile, one by email
		t.Fatalf("no 张伟 bound by lookup: %+v", page.Rows)
	}
	// The evidence the page shows beside them: helitao's userid match
	// disagrees on the position; the 王芳 stay namesakes to choose.
	hl, err := s.Review.List(ctx, c.ID, review.Query{Search: "helitao", Limit: 5})
	if err != nil || len(hl.Rows) != 1 || strings.Join(hl.Rows[0].Conflicts, ",") != "position" {
		t.Errorf("helitao rows %+v %v, want one flagged position (the app sees no mobile)", hl.Rows, err)
	}
	wf, err := s.Review.List(ctx, c.ID, review.Query{Filter: "ambiguous", Search: "王芳", Limit: 5})
	if err != nil || len(wf.Rows) == 0 || len(wf.Rows[0].Candidates) < 2 {
		t.Errorf("王芳 rows %+v %v, want namesakes", wf.Rows, err)
	} else if picker, err := s.Review.Candidates(ctx, c.ID, wf.Rows[0].ID); err != nil || len(picker.Candidates) < 2 ||
		picker.Candidates[0].Position == "" || picker.Candidates[0].MainDept == "" {
		t.Errorf("王芳 picker %+v %v, want namesakes with positions and main departments", picker, err)
	}
	// The connectivity check proves a lookup with the directory's first mobile.
	if step := lookupStep(t, s, c.ID); step.Status != corp.StatusOK || step.API != "user/getuserid" ||
		!strings.Contains(step.Detail.ZH, "196****4020 属于 zhangwei") || !strings.Contains(step.Detail.ZH, "通讯录同步") {
		t.Errorf("lookup check step %+v", step)
	}
	calls := lk.Calls
	sum, err = s.Rematch(ctx, c.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Lookups.Calls != 0 || sum.Lookups.Cached == 0 {
		t.Errorf("second rematch lookups %+v (first made %d calls), want all from the cache", sum.Lookups, calls)
	}
}

// The connectivity check's lookup shares the rematches' answers: what it
// learns about the directory's first mobile (asked of the simulator over
// HTTP) is not asked again by the rematch that follows.
func TestCheckLookupIsKeptForTheRematch(t *testing.T) {
	s, c := demoWithLookupSample(t)
	ctx := context.Background()
	if st := lookupStep(t, s, c.ID); st.Status != corp.StatusOK || !strings.Contains(st.Detail.ZH, "196****4020 属于 zhangwei") {
		t.Fatalf("lookup step %+v", st)
	}
	if _, err := s.Pull(ctx, c.ID, wecomsim.AgentRestricted, "manual", "test"); err != nil {
		t.Fatal(err)
	}
	sum, err := s.Rematch(ctx, c.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	// e1001 is bound by the check's answer in the first match; the other
	// three 张伟 and 林一 are asked.
	if want := (review.LookupStats{Via: "contact", Wanted: 4, Calls: 4, Found: 3, Failed: 1}); sum.Lookups.Stopped != nil || sum.Lookups != want {
		t.Fatalf("lookups %+v, want %+v", sum.Lookups, want)
	}
	page, err := s.Review.List(ctx, c.ID, review.Query{Search: "e1001", Limit: 5})
	if err != nil || len(page.Rows) != 1 || page.Rows[0].Method != "mobile_lookup" || page.Rows[0].UserID != "zhangwei" {
		t.Fatalf("e1001 rows %+v %v, want bound to zhangwei by the check's lookup", page.Rows, err)
	}
}

// demoWithLookupSample is the demo corp with the lookup sample imported.
func demoWithLookupSample(t *testing.T) (*Services, *corp.Corp) {
	t.Helper()
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	s := openTest(t)
	c, err := s.StartDemo(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	importFile(t, s, "../../docs/samples/directory-lookup-sample.csv")
	return s, c
}

// lookupStep runs the corp's connectivity check and returns its lookup step.
func lookupStep(t *testing.T, s *Services, corpID int64) *corp.CheckStep {
	t.Helper()
	res, err := s.CheckCorp(context.Background(), corpID)
	if err != nil {
		t.Fatal(err)
	}
	for i := range res.Steps {
		if res.Steps[i].Key == "lookup" {
			return &res.Steps[i]
		}
	}
	t.Fatal("the check has no lookup step")
	return nil
}
