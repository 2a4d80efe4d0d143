package push

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"wecom-bridge/backend/configaudit"
)

// withKey is another caller of the same intake server with a key of perms.
func (c *intake) withKey(e *env, perms KeyPermissions) *intake {
	c.t.Helper()
	_, key, err := e.svc.CreateAPIKey(e.ctx, e.corpID, "key with permissions", perms)
	if err != nil {
		c.t.Fatal(err)
	}
	return &intake{t: c.t, url: c.url, key: key}
}

func queued(t *testing.T, e *env) int {
	t.Helper()
	var n int
	if err := e.st.DB.Get(&n, `SELECT COUNT(*) FROM push_messages`); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestIntakeAllNeedsPermission: "@all" from a key without the permission is
// 403 and nothing is queued or sent; a key created with it reaches everyone,
// and the log says @all instead of counting the one name it was given.
func TestIntakeAllNeedsPermission(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.rule("oa", TypeText, nil)
	api := e.intake()
	in := Input{Source: "oa", Title: "全员通知", MsgType: TypeText, To: To{UserIDs: []string{"@all"}}}
	var refused apiError
	if resp := api.do("POST", "/api/v1/messages", in, &refused); resp.StatusCode != http.StatusForbidden ||
		refused.Error.Code != "forbidden_all" || refused.Error.Field != "to.userids[0]" {
		t.Fatalf("@all without permission = %d %+v, want 403 forbidden_all", resp.StatusCode, refused)
	}
	if n := queued(t, e); n != 0 {
		t.Fatalf("%d messages queued after a refusal", n)
	}
	// Case does not get around it, nor does hiding it among other names.
	in.To.UserIDs = []string{"u1", "@ALL"}
	if resp := api.do("POST", "/api/v1/messages", in, &refused); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("@ALL among others = %d, want 403", resp.StatusCode)
	}

	all := api.withKey(e, KeyPermissions{All: true})
	if resp := all.do("POST", "/api/v1/messages", in, &refused); resp.StatusCode != http.StatusBadRequest || refused.Error.Code != "all_with_others" {
		t.Fatalf("@all with others = %d %+v, want 400 all_with_others", resp.StatusCode, refused)
	}
	in.To.UserIDs = []string{"@all"}
	var acc Accepted
	if resp := all.do("POST", "/api/v1/messages", in, &acc); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("@all with permission = %d, want 202", resp.StatusCode)
	}
	e.start()
	m := e.waitDone(acc.ID)
	d := m.Deliveries[0]
	sent, ok := e.sim.Message(d.MsgIDs[0])
	if !ok || sent.ToUser != "@all" || len(sent.Delivered) < 2 {
		t.Fatalf("sim recorded %+v", sent)
	}
	if !d.ToAll || d.Recipients != 0 || d.Status != StatusSent {
		t.Errorf("log row: to_all %v recipients %d status %s; want to_all, no invented count, sent", d.ToAll, d.Recipients, d.Status)
	}
}

// TestIntakeDepartmentsNeedPermission: whole departments likewise.
func TestIntakeDepartmentsNeedPermission(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.rule("oa", TypeText, nil)
	api := e.intake()
	dept := e.org.Departments[1]
	in := Input{Source: "oa", Title: "部门通知", MsgType: TypeText, To: To{Departments: []string{dept.Name}}}
	var refused apiError
	if resp := api.do("POST", "/api/v1/messages", in, &refused); resp.StatusCode != http.StatusForbidden || refused.Error.Code != "forbidden_departments" {
		t.Fatalf("departments without permission = %d %+v, want 403", resp.StatusCode, refused)
	}
	var acc Accepted
	if resp := api.withKey(e, KeyPermissions{Departments: true}).do("POST", "/api/v1/messages", in, &acc); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("departments with permission = %d, want 202", resp.StatusCode)
	}
	e.start()
	if m := e.waitDone(acc.ID); m.Status != StatusSent || m.Deliveries[0].Recipients != 1 {
		t.Errorf("message = %+v, want sent to 1 department", m)
	}
	keys, _ := e.svc.ListAPIKeys(e.ctx, 0)
	if !keys[0].Permissions.Departments || keys[0].Permissions.All || keys[1].Permissions != (KeyPermissions{}) {
		t.Errorf("listed permissions = %+v / %+v", keys[0].Permissions, keys[1].Permissions)
	}
}

// TestIntakeRateLimit: past the burst a key gets 429 with Retry-After, while
// another key is unaffected. The service clock is fixed, so no token comes back.
func TestIntakeRateLimit(t *testing.T) {
	e := newEnv(t, envConfig{})
	set, _ := e.svc.Settings(e.ctx)
	set.RatePerSecond, set.RateBurst = 2, 3
	if err := e.svc.SaveSettings(e.ctx, set); err != nil {
		t.Fatal(err)
	}
	api := e.intake()
	in := Input{Source: "oa", Title: "t", URL: "https://x.example/1", To: To{UserIDs: []string{"u1"}}}
	for i := range 3 {
		if resp := api.do("POST", "/api/v1/messages", in, nil); resp.StatusCode != http.StatusAccepted {
			t.Fatalf("request %d = %d, want 202 within the burst", i+1, resp.StatusCode)
		}
	}
	var limited apiError
	resp := api.do("POST", "/api/v1/messages", in, &limited)
	if resp.StatusCode != http.StatusTooManyRequests || limited.Error.Code != "rate_limited" {
		t.Fatalf("request 4 = %d %+v, want 429 rate_limited", resp.StatusCode, limited)
	}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err != nil || s < 1 {
		t.Errorf("Retry-After = %q, want whole seconds ≥ 1", resp.Header.Get("Retry-After"))
	}
	if n := queued(t, e); n != 3 {
		t.Errorf("%d messages queued, want 3", n)
	}
	if resp := api.withKey(e, KeyPermissions{}).do("POST", "/api/v1/messages", in, nil); resp.StatusCode != http.StatusAccepted {
		t.Errorf("another key = %d, want 202", resp.StatusCode)
	}
}

// TestIntakeRecipientCap: 60,000 userids (finding 8) are refused before
// anything is queued or sent; the cap follows the settings.
func TestIntakeRecipientCap(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.rule("oa", TypeText, nil)
	e.start()
	api := e.intake()
	ids := make([]string, 60000)
	for i := range ids {
		ids[i] = "u" + strconv.Itoa(i)
	}
	in := Input{Source: "oa", Title: "t", MsgType: TypeText, To: To{UserIDs: ids}}
	var refused apiError
	if resp := api.do("POST", "/api/v1/messages", in, &refused); resp.StatusCode != http.StatusBadRequest ||
		refused.Error.Code != "too_many_recipients" || !strings.Contains(refused.Error.Message, "60000") {
		t.Fatalf("60,000 userids = %d %+v, want 400 too_many_recipients", resp.StatusCode, refused)
	}
	in.To.UserIDs = ids[:1001]
	if resp := api.do("POST", "/api/v1/messages", in, &refused); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("1,001 userids = %d, want 400 (default cap 1,000)", resp.StatusCode)
	}
	in.To.UserIDs = ids[:1000]
	if resp := api.do("POST", "/api/v1/messages", in, nil); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("1,000 userids = %d, want 202", resp.StatusCode)
	}
	set, _ := e.svc.Settings(e.ctx)
	set.MaxUsers, set.MaxDepartments = 5, 1
	if err := e.svc.SaveSettings(e.ctx, set); err != nil {
		t.Fatal(err)
	}
	in.To.UserIDs = ids[:6]
	if resp := api.do("POST", "/api/v1/messages", in, &refused); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("6 userids with a cap of 5 = %d, want 400", resp.StatusCode)
	}
	in.To = To{Departments: []string{"a", "b"}}
	if resp := api.withKey(e, KeyPermissions{Departments: true}).do("POST", "/api/v1/messages", in, &refused); resp.StatusCode != http.StatusBadRequest ||
		refused.Error.Code != "too_many_departments" {
		t.Fatalf("2 departments with a cap of 1 = %d %+v, want 400 too_many_departments", resp.StatusCode, refused)
	}
	if n := queued(t, e); n != 1 {
		t.Errorf("%d messages queued, want only the 1,000-recipient one", n)
	}
	for _, bad := range []Settings{{MaxUsers: maxMaxUsers + 1}, {RatePerSecond: -1}, {RateBurst: maxRateBurst + 1}} {
		bad.IntakeAddr, bad.RetentionDays = DefaultIntakeAddr, 30
		if err := e.svc.SaveSettings(e.ctx, bad); err == nil {
			t.Errorf("SaveSettings(%+v) accepted an out-of-range limit", bad)
		}
	}
}

// TestIntakeLogCountsWhatWeComTook: the log's count is what WeCom accepted,
// not what the sender named: userids it answered invalid or unlicensed are not counted.
func TestIntakeLogCountsWhatWeComTook(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.rule("oa", TypeText, nil)
	api := e.intake()
	to := e.activeUserIDs(4)
	e.sim.SetUnlicensed(to[3])
	var acc Accepted
	api.do("POST", "/api/v1/messages", Input{Source: "oa", Title: "t", MsgType: TypeText,
		To: To{UserIDs: append(to, "Ghost.One", "ghost.two")}}, &acc)
	e.start()
	d := e.waitDone(acc.ID).Deliveries[0]
	sent, _ := e.sim.Message(d.MsgIDs[0])
	if len(d.UnlicensedUsers) != 1 || !contains(d.UnlicensedUsers, to[3]) {
		t.Errorf("unlicensed = %v, want %s", d.UnlicensedUsers, to[3])
	}
	if d.Recipients != 3 || d.Recipients != len(sent.Delivered) || d.InvalidCount != 3 || d.Status != StatusPartial {
		t.Errorf("log: recipients %d invalid %d status %s; WeCom delivered to %d", d.Recipients, d.InvalidCount, d.Status, len(sent.Delivered))
	}
}

// TestIntakeSettingsAndKeysAreAudited: changed settings and a key's
// permissions are in the configuration audit, by name and without values.
func TestIntakeSettingsAndKeysAreAudited(t *testing.T) {
	e := newEnv(t, envConfig{})
	set, _ := e.svc.Settings(e.ctx)
	set.RatePerSecond, set.IntakeAddr = 7, "127.0.0.1:18751"
	if err := e.svc.SaveSettings(e.ctx, set); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.svc.CreateAPIKey(e.ctx, e.corpID, "crm", KeyPermissions{All: true}); err != nil {
		t.Fatal(err)
	}
	entries, err := configaudit.List(e.ctx, e.st.DB, "push.", 0)
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]bool{}
	for _, en := range entries {
		fields[en.Field] = true
		for _, v := range []string{"7", "18751", "127.0.0.1"} {
			if strings.Contains(en.Note, v) || strings.Contains(en.Field, v) {
				t.Errorf("audit entry %+v carries the value %q", en, v)
			}
		}
		if en.Actor == "" {
			t.Errorf("audit entry %+v has no actor", en)
		}
	}
	if len(entries) != 3 || !fields["rate_per_second"] || !fields["intake_addr"] || !fields["all"] {
		t.Errorf("audit = %+v, want rate_per_second, intake_addr and the key's @all permission", entries)
	}
}
