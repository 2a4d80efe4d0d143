package corp

import (
	"net"
	"net/http"
	"net/url"
	"testing"

	"wecom-bridge/backend/wecom/wecomsim"
)

func TestDemoSurvivesRestartAndIsRemovedInOneCall(t *testing.T) {
	e := newEnv(t)
	c, err := e.svc.StartDemo(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Demo || !c.Active || c.Name != DemoName || len(c.Apps) != 2 || c.ContactPermission != PermissionWrite {
		t.Fatalf("demo corp = %+v", c)
	}
	sim := e.svc.DemoSim()
	if sim == nil || c.CorpID != sim.CorpID() {
		t.Fatal("demo simulator not running for the demo corp")
	}
	if again, err := e.svc.StartDemo(e.ctx); err != nil || again.ID != c.ID {
		t.Fatalf("StartDemo twice must return the same corp: %v %v", again, err)
	}
	if res := e.check(c.ID); !res.Passed {
		t.Fatalf("demo check: %v", stepKeys(res))
	}

	// Keep the old port busy, so the restarted simulator must move.
	old, _ := url.Parse(c.APIBaseURL)
	e.svc.Close()
	hold, err := net.Listen("tcp", old.Host)
	if err != nil {
		t.Fatalf("hold old port: %v", err)
	}
	defer hold.Close()
	e.restart()

	c2, err := e.svc.Get(e.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c2.APIBaseURL == c.APIBaseURL || e.svc.DemoSim() == nil {
		t.Fatalf("after restart the corp must point at the new simulator: %s (was %s)", c2.APIBaseURL, c.APIBaseURL)
	}
	if e.svc.DemoSim().CorpID() != c.CorpID || len(e.svc.DemoSim().Org().Users) != len(sim.Org().Users) {
		t.Fatal("the restarted simulator must serve the same org (same seed)")
	}
	if res := e.check(c.ID); !res.Passed {
		t.Fatalf("check after restart: %v", stepKeys(res))
	}

	// A plain restart keeps the port (and so the URL).
	hold.Close()
	e.restart()
	c3, _ := e.svc.Get(e.ctx, c.ID)
	if c3.APIBaseURL != c2.APIBaseURL {
		t.Fatalf("restart without a port clash moved the simulator: %s → %s", c2.APIBaseURL, c3.APIBaseURL)
	}

	e.addApp(c.ID, "额外应用", "1000004", wecomsim.DemoOrg().Apps[2].Secret) // something depending on it
	if err := e.svc.RemoveDemo(e.ctx); err != nil {
		t.Fatal(err)
	}
	if list, _ := e.svc.List(e.ctx); len(list) != 0 {
		t.Fatalf("corps left after RemoveDemo: %v", list)
	}
	if e.svc.DemoSim() != nil {
		t.Fatal("simulator still registered")
	}
	if resp, err := http.Get(c3.APIBaseURL + "/cgi-bin/gettoken"); err == nil {
		resp.Body.Close()
		t.Fatal("simulator still answering after RemoveDemo")
	}
	e.restart()
	if e.svc.DemoSim() != nil {
		t.Fatal("no demo corp: nothing to restart")
	}
}
