package wecom_test

import (
	"slices"
	"strings"
	"testing"

	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// busiestDept is the department with the most direct members who have both
// a mobile and an email in the organisation file.
func busiestDept(org *wecomsim.Org) int {
	count := map[int]int{}
	for _, u := range org.Users {
		if u.Mobile != "" && u.Email != "" {
			count[u.Department[0]]++
		}
	}
	best := 1
	for d, n := range count {
		if n > count[best] || (n == count[best] && d < best) {
			best = d
		}
	}
	return best
}

// orgUser finds a user of the organisation file by userid.
func orgUser(org *wecomsim.Org, userID string) (wecomsim.User, bool) {
	i := slices.IndexFunc(org.Users, func(u wecomsim.User) bool { return strings.EqualFold(u.UserID, userID) })
	if i < 0 {
		return wecomsim.User{}, false
	}
	return org.Users[i], true
}

// TestIntegrationPrivacyRestrictedAppGetsNoContactDetails: user/list and
// user/get through the privacy-restricted app (created after 2022-06-20)
// return no mobile, email or avatar; through the whole-corp app they are the
// organisation's values.
func TestIntegrationPrivacyRestrictedAppGetsNoContactDetails(t *testing.T) {
	env := newSimEnv(t)
	ctx := t.Context()
	c := env.client()
	dept := int64(busiestDept(env.org))

	restricted, err := c.ListUsers(ctx, env.app(wecomsim.AgentRestricted), dept)
	if err != nil {
		t.Fatal(err)
	}
	full, err := c.ListUsers(ctx, env.app(wecomsim.AgentAll), dept)
	if err != nil {
		t.Fatal(err)
	}
	if len(restricted) == 0 || len(restricted) != len(full) {
		t.Fatalf("department %d: %d members through the restricted app, %d through the full one", dept, len(restricted), len(full))
	}
	withDetails := 0
	for i, u := range restricted {
		if u.Mobile != "" || u.Email != "" || u.Avatar != "" || u.ThumbAvatar != "" || u.BizMail != "" {
			t.Errorf("restricted user/list %s: mobile %q email %q avatar %q", u.UserID, u.Mobile, u.Email, u.Avatar)
		}
		f := full[i]
		want, ok := orgUser(env.org, f.UserID)
		if !ok || f.Mobile != want.Mobile || f.Email != want.Email || f.Avatar == "" {
			t.Errorf("full user/list %s: mobile %q email %q avatar %q, want the org's %q %q and an avatar",
				f.UserID, f.Mobile, f.Email, f.Avatar, want.Mobile, want.Email)
		}
		if f.Mobile != "" && f.Email != "" {
			withDetails++
		}
	}
	if withDetails == 0 {
		t.Fatalf("department %d has no member with a mobile and an email; the test proves nothing", dept)
	}

	id := full[0].UserID
	u, err := c.GetUser(ctx, env.app(wecomsim.AgentRestricted), id)
	if err != nil {
		t.Fatal(err)
	}
	if u.Name == "" || u.Mobile != "" || u.Email != "" || u.Avatar != "" {
		t.Errorf("restricted user/get %s: name %q mobile %q email %q avatar %q", id, u.Name, u.Mobile, u.Email, u.Avatar)
	}
	u, err = c.GetUser(ctx, env.app(wecomsim.AgentAll), id)
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := orgUser(env.org, id); u.Mobile != want.Mobile || u.Email != want.Email || u.Avatar == "" {
		t.Errorf("full user/get %s: mobile %q email %q avatar %q", id, u.Mobile, u.Email, u.Avatar)
	}
}

// scopeOf splits the organisation's users into those the scoped app sees
// (its departments and below, plus its extra users) and those it does not.
func scopeOf(org *wecomsim.Org, agentID int) (inside, outside []wecomsim.User, outsideDept int) {
	parent := map[int]int{}
	for _, d := range org.Departments {
		parent[d.ID] = d.ParentID
	}
	var app wecomsim.App
	for _, a := range org.Apps {
		if a.AgentID == agentID {
			app = a
		}
	}
	seesDept := func(d int) bool {
		for ; d != 0; d = parent[d] {
			if slices.Contains(app.AllowParty, d) {
				return true
			}
		}
		return false
	}
	for _, u := range org.Users {
		if slices.ContainsFunc(u.Department, seesDept) || slices.ContainsFunc(app.AllowUser, func(x string) bool { return strings.EqualFold(x, u.UserID) }) {
			inside = append(inside, u)
		} else {
			outside = append(outside, u)
			if outsideDept == 0 && !seesDept(u.Department[0]) {
				outsideDept = u.Department[0]
			}
		}
	}
	return inside, outside, outsideDept
}

// TestIntegrationScopedAppIsRefusedOutsideItsScope: the scoped app (研发助手)
// reads members inside its 可见范围 and gets 60011, not retried, outside it.
func TestIntegrationScopedAppIsRefusedOutsideItsScope(t *testing.T) {
	env := newSimEnv(t)
	ctx := t.Context()
	c := env.client()
	cred := env.app(wecomsim.AgentScoped)
	inside, outside, outsideDept := scopeOf(env.org, wecomsim.AgentScoped)
	if len(inside) == 0 || len(outside) == 0 || outsideDept == 0 {
		t.Fatalf("the scoped app sees %d users and misses %d; need both", len(inside), len(outside))
	}

	if _, err := c.GetUser(ctx, cred, inside[0].UserID); err != nil {
		t.Errorf("user/get %s inside the scope: %v", inside[0].UserID, err)
	}
	if _, err := c.GetUser(ctx, cred, outside[0].UserID); wecom.ErrCode(err) != 60011 {
		t.Errorf("user/get %s outside the scope: err = %v, want 60011", outside[0].UserID, err)
	}
	if _, err := c.ListUsers(ctx, cred, int64(outsideDept)); wecom.ErrCode(err) != 60011 {
		t.Errorf("user/list of department %d outside the scope: err = %v, want 60011", outsideDept, err)
	}
	if n := env.calls("user/get"); n != 2 {
		t.Errorf("simulator saw %d user/get calls, want 2 (60011 is not retried)", n)
	}
	if n := env.calls("user/list"); n != 1 {
		t.Errorf("simulator saw %d user/list calls, want 1", n)
	}
	if n := env.errcodes(60011); n != 2 {
		t.Errorf("simulator answered 60011 %d times, want 2", n)
	}
}
