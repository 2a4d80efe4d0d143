package push

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom/wecomsim"
)

// addCorp adds a second corp with the simulator's apps (push targets
// reference apps); the env's client cannot send into it.
func (e *env) addCorp(name string) int64 {
	e.t.Helper()
	res, err := e.st.DB.Exec(`INSERT INTO corps(corp_key, name, corp_id) VALUES(?, ?, ?)`, "k-"+name, name, "ww-"+name)
	if err != nil {
		e.t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	for _, a := range e.org.Apps {
		if _, err := e.st.DB.Exec(`INSERT INTO apps(corp_ref, name, agent_id) VALUES(?, ?, ?)`, id, a.Name, a.AgentID); err != nil {
			e.t.Fatal(err)
		}
	}
	return id
}

// resolveCorp finds a corp by name, as the services' resolver does for the CLI.
func (e *env) resolveCorp(ctx context.Context, name string) (int64, error) {
	var id int64
	if err := e.st.DB.GetContext(ctx, &id, `SELECT id FROM corps WHERE name = ?`, name); err != nil {
		return 0, errors.New("no such corp")
	}
	return id, nil
}

// TestAPIKeyIsCreatedForOneCorp: a key needs an existing corp, is listed
// with it, and the list filters by corp (an empty list, not nil).
func TestAPIKeyIsCreatedForOneCorp(t *testing.T) {
	e := newEnv(t, envConfig{})
	var ue *usererr.Error
	if _, _, err := e.svc.CreateAPIKey(e.ctx, 0, "oa", KeyPermissions{}); !errors.As(err, &ue) || ue.Code != "push_key_corp_required" {
		t.Fatalf("no corp: %v", err)
	}
	if _, _, err := e.svc.CreateAPIKey(e.ctx, 999, "oa", KeyPermissions{}); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("missing corp: %v", err)
	}
	other := e.addCorp("云帆")
	k, _, err := e.svc.CreateAPIKey(e.ctx, e.corpID, "oa", KeyPermissions{})
	if err != nil || k.CorpID != e.corpID || k.CorpName != "星河科技" {
		t.Fatalf("created %+v %v", k, err)
	}
	keys, err := e.svc.ListAPIKeys(e.ctx, 0)
	if err != nil || len(keys) != 1 || keys[0].CorpID != e.corpID || keys[0].CorpName != "星河科技" || keys[0].Note != nil {
		t.Fatalf("list %+v %v", keys, err)
	}
	if keys, err := e.svc.ListAPIKeys(e.ctx, other); err != nil || keys == nil || len(keys) != 0 {
		t.Fatalf("list of the other corp %#v %v", keys, err)
	}
	if n, _ := e.svc.CountAPIKeysForCorp(e.ctx, e.corpID); n != 1 {
		t.Fatalf("dependents count %d", n)
	}
}

// TestAPIKeyRefusedForAnotherCorp: a message whose rules send only into
// another corp is refused with 403 wrong_corp naming both corps (nothing
// is queued); rules with a target in the key's corp accept it, and the
// target in the other corp is logged as failed, never sent.
func TestAPIKeyRefusedForAnotherCorp(t *testing.T) {
	e := newEnv(t, envConfig{})
	other := e.addCorp("云帆")
	e.rule("hr", TypeText, func(t *Target) { t.CorpID = other })
	api := e.intake() // a key of 星河科技
	to := e.activeUserIDs(1)
	var ae apiError
	resp := api.do("POST", "/api/v1/messages", Input{Source: "hr", Title: "t", To: To{UserIDs: to}}, &ae)
	if resp.StatusCode != http.StatusForbidden || ae.Error.Code != "wrong_corp" || ae.Error.Field != "source" || ae.Error.Detail == nil ||
		ae.Error.Detail.Code != "push_key_wrong_corp" || !strings.Contains(ae.Error.Message, "“云帆”") || !strings.Contains(ae.Error.Message, "“星河科技”") ||
		!strings.Contains(ae.Error.Detail.ZH, "设置 → 集成接口") {
		t.Fatalf("POST for another corp = %d %+v", resp.StatusCode, ae.Error)
	}
	if n, _ := store.Count(e.ctx, e.st.DB, `SELECT COUNT(*) FROM push_messages`); n != 0 {
		t.Fatalf("%d messages queued", n)
	}

	// A rule into both corps: the key's corp gets it, the other does not.
	r := e.rule("both", TypeText, nil)
	r.Targets = append(r.Targets, Target{CorpID: other, AgentID: wecomsim.AgentAll, MsgType: TypeText})
	if _, err := e.svc.UpdateRule(e.ctx, r); err != nil {
		t.Fatal(err)
	}
	var acc Accepted
	if resp := api.do("POST", "/api/v1/messages", Input{Source: "both", Title: "t", To: To{UserIDs: to}}, &acc); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("POST for both corps = %d", resp.StatusCode)
	}
	e.start()
	m := e.waitDone(acc.ID)
	if m.Status != StatusPartial || len(m.Deliveries) != 2 || e.calls("message/send") != 1 {
		t.Fatalf("message %+v, %d sends", m, e.calls("message/send"))
	}
	for _, d := range m.Deliveries {
		switch d.CorpID {
		case e.corpID:
			if d.Status != StatusSent {
				t.Errorf("delivery into the key's corp %+v", d)
			}
		case other:
			if d.Status != StatusFailed || d.Error == nil || d.Error.Code != "push_key_wrong_corp_delivery" || !strings.Contains(d.Error.ZH, "云帆") ||
				d.Fix == nil || d.Fix.Code != "push_fix_key_corp" {
				t.Errorf("delivery into the other corp %+v", d)
			}
		}
	}
}

// TestQueuedMessageNeverSentIntoAnotherCorp: a message accepted for the
// key's corp whose rule is moved to another corp before it is planned
// fails with a message and is not sent; a key whose corp is deleted is
// revoked with a note (401 says why, the list shows it, the audit has it)
// and its queued messages fail the same way.
func TestQueuedMessageNeverSentIntoAnotherCorp(t *testing.T) {
	e := newEnv(t, envConfig{})
	other := e.addCorp("云帆")
	r := e.rule("oa", TypeText, nil)
	api := e.intake()
	to := e.activeUserIDs(1)
	var acc Accepted
	if resp := api.do("POST", "/api/v1/messages", Input{Source: "oa", Title: "t", To: To{UserIDs: to}}, &acc); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("POST = %d", resp.StatusCode)
	}
	r.Targets[0].CorpID = other
	if _, err := e.svc.UpdateRule(e.ctx, r); err != nil {
		t.Fatal(err)
	}

	// A key of 海川, a message into both corps, then 海川 is deleted.
	goneCorp := e.addCorp("海川")
	_, key2, err := e.svc.CreateAPIKey(e.ctx, goneCorp, "海川 OA", KeyPermissions{})
	if err != nil {
		t.Fatal(err)
	}
	both := e.rule("both", TypeText, nil)
	both.Targets = append(both.Targets, Target{CorpID: goneCorp, AgentID: wecomsim.AgentAll, MsgType: TypeText})
	if _, err := e.svc.UpdateRule(e.ctx, both); err != nil {
		t.Fatal(err)
	}
	api2 := &intake{t: t, url: api.url, key: key2}
	var acc2 Accepted
	if resp := api2.do("POST", "/api/v1/messages", Input{Source: "both", Title: "t", To: To{UserIDs: to}}, &acc2); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("POST with the 海川 key = %d", resp.StatusCode)
	}
	if _, err := e.st.DB.Exec(`DELETE FROM corps WHERE id = ?`, goneCorp); err != nil {
		t.Fatal(err)
	}
	e.svc.keys.forget()
	e.svc.ruleCache.invalidate() // as a restart would; deleting a corp does not reach the push rule cache

	e.start()
	m := e.waitDone(acc.ID)
	if m.Status != StatusFailed || len(m.Deliveries) != 1 || m.Deliveries[0].Error == nil || m.Deliveries[0].Error.Code != "push_key_wrong_corp_delivery" {
		t.Fatalf("moved rule: %+v", m)
	}
	m2 := e.waitDone(acc2.ID)
	if m2.Status != StatusFailed || len(m2.Deliveries) != 1 || m2.Deliveries[0].Error == nil || m2.Deliveries[0].Error.Code != "push_key_corp_gone_delivery" {
		t.Fatalf("key of a deleted corp: %+v", m2)
	}
	if n := e.calls("message/send"); n != 0 {
		t.Fatalf("%d messages sent", n)
	}

	var ae apiError
	if resp := api2.do("POST", "/api/v1/messages", Input{Source: "both", Title: "t", To: To{UserIDs: to}}, &ae); resp.StatusCode != http.StatusUnauthorized ||
		!strings.Contains(ae.Error.Message, "“海川” was deleted") {
		t.Fatalf("key of a deleted corp = %d %+v", resp.StatusCode, ae.Error)
	}
	keys, _ := e.svc.ListAPIKeys(e.ctx, 0)
	var gone *APIKey
	for i := range keys {
		if keys[i].Name == "海川 OA" {
			gone = &keys[i]
		}
	}
	if gone == nil || gone.RevokedAt == nil || gone.CorpID != 0 || gone.Note == nil || gone.Note.Code != "push_key_revoked_corp_deleted" || !strings.Contains(gone.Note.ZH, "海川") {
		t.Fatalf("key of the deleted corp listed as %+v", gone)
	}
	if n, _ := store.Count(e.ctx, e.st.DB, `SELECT COUNT(*) FROM config_audit WHERE subject = ? AND action = 'api_key_revoked'`, "push.apikey:"+strconv.FormatInt(gone.ID, 10)); n != 1 {
		t.Fatalf("%d audit rows for the revoked key", n)
	}
}
