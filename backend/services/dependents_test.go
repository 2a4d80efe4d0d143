package services

import (
	"context"
	"slices"
	"strings"
	"testing"

	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/push"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/syncer"
)

// TestDemoCorpDependentsThroughProductionWiring builds the services the way
// launch does (Open), gives the demo corp members, bindings, a plan, a
// schedule and a push rule, and checks deleting the corp lists every one of
// them, deleting its app lists the rule, and a confirmed app delete takes the
// rule's target along (push_targets references apps).
func TestDemoCorpDependentsThroughProductionWiring(t *testing.T) {
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
	importSample(t, s)
	member := s.Corps.DemoSim().Org().Users[0]
	if _, err := s.Directory.AddAccount(ctx, directory.AccountInput{Account: "bound", Name: member.Name, Email: "b@example.com"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Rematch(ctx, c.ID, "test"); err != nil {
		t.Fatal(err)
	}
	if err := s.Review.BindManual(ctx, c.ID, "bound", member.UserID, "test", true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PlanSync(ctx, c.ID, syncer.ToWeCom, "test"); err != nil {
		t.Fatal(err)
	}
	o, err := s.Sync.GetOptions(ctx, c.ID, syncer.ToWeCom)
	if err != nil {
		t.Fatal(err)
	}
	o.Schedule.Cron = "0 2 * * *"
	if err := s.SetSyncOptions(ctx, c.ID, syncer.ToWeCom, o); err != nil {
		t.Fatal(err)
	}
	app := c.Apps[0]
	agent := app.AgentID
	rule, err := s.Push.CreateRule(ctx, push.Rule{Name: "审批", Source: "approval", Enabled: true,
		Targets: []push.Target{{CorpID: c.ID, AgentID: agent, MsgType: "textcard"}}})
	if err != nil {
		t.Fatal(err)
	}

	key, _, err := s.Push.CreateAPIKey(ctx, c.ID, "oa-system", push.KeyPermissions{})
	if err != nil {
		t.Fatal(err)
	}

	corpKeys, appKeys := s.Corps.DependentKeys()
	d, err := s.Corps.DeleteCorp(ctx, c.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]int{}
	for _, it := range d.Items {
		listed[it.Key] = it.Count
	}
	for _, key := range []string{"apps", "members", "bindings", "proposals", "plans", "schedules", "pushRules", "apiKeys"} {
		if listed[key] == 0 {
			t.Errorf("deleting the demo corp does not list %s: %+v", key, d.Items)
		}
	}
	for _, key := range corpKeys {
		if key != "queuedPushes" && listed[key] == 0 {
			t.Errorf("registered dependent %s not listed for the demo corp", key)
		}
	}
	if !d.NeedsConfirm || d.Deleted || listed["members"] < 400 || listed["apiKeys"] != 1 {
		t.Fatalf("dependents %+v", d)
	}
	if !strings.Contains(d.Message.EN, "1 API key (revoked, not deleted)") || !strings.Contains(d.Message.ZH, "API 密钥 1 个（吊销而不删除）") {
		t.Fatalf("the confirmation does not list the API key: %+v", d.Message)
	}
	if !slices.Equal(appKeys, []string{"pushRules"}) {
		t.Fatalf("app dependents wired: %v", appKeys)
	}
	ad, err := s.Corps.DeleteApp(ctx, app.ID, "")
	if err != nil || !ad.NeedsConfirm || len(ad.Items) != 1 || ad.Items[0].Key != "pushRules" || ad.Items[0].Count != 1 || ad.Items[0].Label.EN != "1 push rule" {
		t.Fatalf("app dependents %+v %v", ad, err)
	}
	if ad, err = s.Corps.DeleteApp(ctx, app.ID, app.Name); err != nil || !ad.Deleted {
		t.Fatalf("confirmed app delete %+v %v", ad, err)
	}
	if n, _ := store.Count(ctx, s.Store.DB, `SELECT COUNT(*) FROM push_targets WHERE corp_id = ? AND agent_id = ?`, c.ID, agent); n != 0 {
		t.Fatalf("%d push targets still send as the deleted app", n)
	}
	// The rule that sent as the app is off, and says why.
	if r, err := s.Push.GetRule(ctx, rule.ID); err != nil || r.Enabled || r.Note == nil || !strings.Contains(r.Note.ZH, app.Name) || !strings.Contains(r.Note.EN, "disabled") {
		t.Fatalf("rule after its app was deleted: %+v %v", r, err)
	}
	if err := s.Push.SetRuleEnabled(ctx, rule.ID, true); err != nil {
		t.Fatal(err)
	}
	if r, _ := s.Push.GetRule(ctx, rule.ID); r.Note != nil {
		t.Fatalf("enabling the rule again keeps the note %+v", r.Note)
	}
	if d, err = s.Corps.DeleteCorp(ctx, c.ID, c.Name); err != nil || !d.Deleted {
		t.Fatalf("confirmed corp delete %+v %v", d, err)
	}
	// Its API key stays listed, revoked, saying why.
	keys, err := s.Push.ListAPIKeys(ctx, 0)
	if err != nil || len(keys) != 1 || keys[0].ID != key.ID || keys[0].RevokedAt == nil || keys[0].CorpID != 0 ||
		keys[0].Note == nil || keys[0].Note.Code != "push_key_revoked_corp_deleted" || !strings.Contains(keys[0].Note.ZH, c.Name) {
		t.Fatalf("API key after its corp was deleted: %+v %v", keys, err)
	}
}
