package wecomsim

import (
	"strings"
	"testing"
)

func TestContactSecretCannotSendMessages(t *testing.T) {
	e := newEnv(t)
	a := e.api("message/send", e.contactToken(), nil, map[string]any{
		"touser": e.activeUsers(1)[0], "msgtype": "text", "agentid": AgentAll, "text": map[string]string{"content": "hi"}})
	wantCode(t, a, 48002)
}

func TestAppSecretCannotWriteContacts(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	wantCode(t, e.api("user/create", tok, nil, map[string]any{"userid": "newbie", "name": "新人", "department": []int{1}, "mobile": "13800000001"}), 48002)
	wantCode(t, e.api("department/create", tok, nil, map[string]any{"name": "新部门", "parentid": 1}), 48002)
	wantCode(t, e.api("user/delete", tok, q("userid", e.activeUsers(1)[0]), nil), 48002)
	wantCode(t, e.api("user/list_id", tok, nil, map[string]any{"limit": 10}), 48002)
}

func TestScopedAppSeesOnlyItsScope(t *testing.T) {
	e := newEnv(t)
	var scoped App
	for _, a := range e.org.Apps {
		if a.AgentID == AgentScoped {
			scoped = a
		}
	}
	tok := e.token(scoped.Secret)
	inside := e.userIn(scoped.AllowParty[0])
	wantCode(t, e.api("user/get", tok, q("userid", inside.UserID), nil), 0)
	wantCode(t, e.api("user/get", tok, q("userid", scoped.AllowUser[0]), nil), 0) // allow_user

	outsideDept := 6 // 大连分公司, not under 研发中心
	outside := e.userIn(outsideDept)
	for _, u := range scoped.AllowUser {
		if strings.EqualFold(u, outside.UserID) {
			t.Fatalf("test needs a member outside the scope")
		}
	}
	wantCode(t, e.api("user/get", tok, q("userid", outside.UserID), nil), 60011)
	wantCode(t, e.api("user/list", tok, q("department_id", "6"), nil), 60011)
	wantCode(t, e.api("user/simplelist", tok, q("department_id", "6"), nil), 60011)
	wantCode(t, e.api("department/get", tok, q("id", "6"), nil), 60011)

	// A deeper department under 研发中心 is visible (allow_party is recursive).
	wantCode(t, e.api("department/get", tok, q("id", "5"), nil), 0)
	list := e.api("department/list", tok, nil, nil).list("department")
	if len(list) == 0 || len(list) >= len(e.org.Departments) {
		t.Fatalf("scoped department/list returned %d of %d departments", len(list), len(e.org.Departments))
	}
	for _, d := range list {
		if id := int(d.(map[string]any)["id"].(float64)); id == 1 || id == 6 {
			t.Fatalf("department %d is outside the scope but listed", id)
		}
	}
}

func TestPrivacyRestrictedAppGetsNoSensitiveFields(t *testing.T) {
	e := newEnv(t)
	u := e.userIn(3)
	full := e.api("user/get", e.appToken(AgentAll), q("userid", u.UserID), nil)
	wantCode(t, full, 0)
	if full.str("mobile") != u.Mobile || full.str("avatar") == "" {
		t.Fatalf("whole-corp app should see mobile and avatar: %v", full)
	}
	restricted := e.api("user/get", e.appToken(AgentRestricted), q("userid", u.UserID), nil)
	wantCode(t, restricted, 0)
	for _, k := range []string{"mobile", "email", "biz_mail", "avatar", "thumb_avatar", "qr_code", "address"} {
		if _, ok := restricted[k]; ok {
			t.Errorf("privacy-restricted app got %s", k)
		}
	}
	if restricted.str("name") != u.Name || restricted.str("gender") != "0" {
		t.Errorf("restricted answer: name %q gender %q", restricted.str("name"), restricted.str("gender"))
	}
	list := e.api("user/list", e.appToken(AgentRestricted), q("department_id", "3"), nil).list("userlist")
	for _, x := range list {
		if _, ok := x.(map[string]any)["mobile"]; ok {
			t.Fatal("user/list leaked mobile to a privacy-restricted app")
		}
	}
}

func TestTrustedIPSwitch(t *testing.T) {
	e := newEnv(t)
	appTok, contactTok := e.appToken(AgentAll), e.contactToken()
	e.sim.SetTrustedIPOnly(AgentAll) // new app, no 可信IP configured
	a := e.api("department/simplelist", appTok, nil, nil)
	wantCode(t, a, 60020)
	if !strings.HasPrefix(a.str("errmsg"), "not allow to access from your ip, hint: [") ||
		!strings.Contains(a.str("errmsg"), "from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=60020") {
		t.Fatalf("errmsg = %q", a.str("errmsg"))
	}
	wantCode(t, e.api("department/simplelist", contactTok, nil, nil), 0)

	e.sim.SetTrustedIPOnly(AgentAll, "127.0.0.0/8")
	wantCode(t, e.api("department/simplelist", appTok, nil, nil), 0)

	e.sim.SetTrustedIPOnly(AgentCorp, "10.1.2.3")
	wantCode(t, e.api("department/simplelist", contactTok, nil, nil), 60020)
	e.sim.ClearTrustedIPOnly(AgentCorp)
	e.sim.ClearTrustedIPOnly(AgentAll)
	wantCode(t, e.api("department/simplelist", appTok, nil, nil), 0)
}

func TestContactDetailReadsBlockedFromNewIP(t *testing.T) {
	e := newEnv(t)
	tok := e.contactToken()
	u := e.activeUsers(1)[0]
	e.sim.SetContactDetailBlocked(true)
	wantCode(t, e.api("user/get", tok, q("userid", u), nil), 48009)
	wantCode(t, e.api("user/list", tok, q("department_id", "1"), nil), 48009)
	wantCode(t, e.api("user/simplelist", tok, q("department_id", "1"), nil), 48009)
	wantCode(t, e.api("department/list", tok, nil, nil), 48009)
	wantCode(t, e.api("department/get", tok, q("id", "1"), nil), 48009)
	// The recommended replacements and writes still work.
	wantCode(t, e.api("department/simplelist", tok, nil, nil), 0)
	wantCode(t, e.api("user/list_id", tok, nil, map[string]any{"limit": 5}), 0)
	// App secrets are not affected.
	wantCode(t, e.api("user/get", e.appToken(AgentAll), q("userid", u), nil), 0)
	e.sim.SetContactDetailBlocked(false)
	wantCode(t, e.api("user/get", tok, q("userid", u), nil), 0)
}
