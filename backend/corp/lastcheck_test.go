package corp

import (
	"strings"
	"testing"

	"wecom-bridge/backend/wecom/wecomsim"
)

// A wrong secret is not saved silently: the corp card carries the last
// check's first failure (in both languages, read back from the store) until
// the corp or an app is saved again, and a passing check clears it.
func TestCorpCardShowsTheLastCheckFailure(t *testing.T) {
	e := newEnv(t)
	org := smallOrg()
	_, url := startSim(t, org, nil)
	c := e.addSimCorp(org, url, wecomsim.AgentAll)
	if c.LastCheck != "" || c.LastCheckFailure != nil {
		t.Fatalf("never checked: %q %v", c.LastCheck, c.LastCheckFailure)
	}
	e.svc.SaveApp(e.ctx, AppInput{ID: c.Apps[0].ID, Name: c.Apps[0].Name, AgentID: "1000002", Secret: secretC})
	e.check(c.ID)
	e.restart() // read back from the database, not from memory
	got, err := e.svc.Get(e.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	f := got.LastCheckFailure
	if got.LastCheck != CheckFailed || f == nil || !strings.Contains(f.ZH, "应用“全员应用”获取 access_token") ||
		!strings.Contains(f.ZH, "40001") || !strings.Contains(f.EN, "App “全员应用”: get access_token") || strings.Contains(f.EN, "获取") {
		t.Fatalf("last check = %q %+v", got.LastCheck, f)
	}
	if e.svc.LastCheckPassed(e.ctx, c.ID) {
		t.Fatal("a failed check counts as passed")
	}

	// Saving the right secret forgets the verdict: it has not been checked yet.
	e.svc.SaveApp(e.ctx, AppInput{ID: c.Apps[0].ID, Name: c.Apps[0].Name, AgentID: "1000002", Secret: org.Apps[0].Secret})
	if got, _ = e.svc.Get(e.ctx, c.ID); got.LastCheck != "" || got.LastCheckFailure != nil {
		t.Fatalf("after a save: %q %+v", got.LastCheck, got.LastCheckFailure)
	}
	e.check(c.ID)
	if got, _ = e.svc.Get(e.ctx, c.ID); got.LastCheck != CheckPassed || got.LastCheckFailure != nil || !e.svc.LastCheckPassed(e.ctx, c.ID) {
		t.Fatalf("after a passing check: %q %+v", got.LastCheck, got.LastCheckFailure)
	}
}
