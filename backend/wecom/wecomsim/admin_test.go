package wecomsim

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

func (e *testEnv) admin(method, path, body string) map[string]any {
	e.t.Helper()
	req, _ := http.NewRequest(method, e.url+path, strings.NewReader(body))
	if body == "" {
		req.Body = http.NoBody
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	if resp.StatusCode != http.StatusOK {
		e.t.Fatalf("%s %s: HTTP %d %v", method, path, resp.StatusCode, out)
	}
	return out
}

func TestAdminAPI(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	u := e.activeUsers(1)[0]
	e.api("message/send", tok, nil, textTo(u, "管理接口"))

	stats := e.admin("GET", "/sim/stats", "")
	calls := stats["calls"].(map[string]any)
	if calls["gettoken"].(float64) != 1 || calls["message/send"].(float64) != 1 {
		t.Fatalf("stats %v", stats)
	}
	msgs := e.admin("GET", "/sim/messages?userid="+u, "")["messages"].([]any)
	if len(msgs) != 1 || msgs[0].(map[string]any)["text"] != "管理接口" {
		t.Fatalf("messages %v", msgs)
	}
	if n := len(e.admin("GET", "/sim/messages?userid=nobody", "")["messages"].([]any)); n != 0 {
		t.Fatalf("filter by userid: %d", n)
	}

	before := e.sim.Clock().Now()
	e.admin("POST", "/sim/clock/advance", `{"seconds":3600}`)
	if got := e.sim.Clock().Now().Sub(before); got != time.Hour {
		t.Fatalf("clock moved %v", got)
	}
	e.admin("POST", "/sim/clock/advance?d=30m", "")
	e.admin("POST", "/sim/clock/set", `{"now":"2025-01-01T00:00:00+08:00"}`)
	if !e.sim.Clock().Now().Equal(time.Date(2025, 1, 1, 0, 0, 0, 0, chinaTime)) {
		t.Fatalf("clock/set: %v", e.sim.Clock().Now())
	}

	f := e.admin("POST", "/sim/faults", `{"default":{"error_rate":1,"latency_ms":1},"seed":3}`)
	if f["default"].(map[string]any)["error_rate"].(float64) != 1 {
		t.Fatalf("faults %v", f)
	}
	wantCode(t, e.api("gettoken", "", q("corpid", e.org.CorpID, "corpsecret", e.org.ContactSecret), nil), -1)
	e.admin("POST", "/sim/faults", `{}`)

	e.admin("POST", "/sim/trusted-ip", `{"agentid":1000002,"enabled":true,"ips":["10.0.0.1"]}`)
	tok = e.appToken(AgentAll)
	wantCode(t, e.api("department/simplelist", tok, nil, nil), 60020)
	e.admin("POST", "/sim/trusted-ip", `{"agentid":1000002,"enabled":false}`)
	wantCode(t, e.api("department/simplelist", tok, nil, nil), 0)

	e.admin("POST", "/sim/contact-detail-block", `{"blocked":true}`)
	wantCode(t, e.api("user/get", e.contactToken(), q("userid", u), nil), 48009)
	e.admin("POST", "/sim/contact-detail-block", `{"blocked":false}`)

	e.admin("POST", "/sim/rate-limit", `{"api":"user/get","per_minute":1}`)
	e.admin("POST", "/sim/reset-counters", "")
	if calls := e.admin("GET", "/sim/stats", "")["calls"].(map[string]any); len(calls) != 0 {
		t.Fatalf("after reset: %v", calls)
	}
	code := e.admin("POST", "/sim/oauth/code", `{"agentid":1000002,"userid":"`+u+`"}`)["code"].(string)
	if a := e.api("auth/getuserinfo", tok, q("code", code), nil); a.str("userid") != u {
		t.Fatalf("getuserinfo %v", a)
	}
	e.admin("POST", "/sim/tokens/revoke", "")
	wantCode(t, e.api("department/simplelist", tok, nil, nil), 40014)

	org := e.admin("GET", "/sim/org", "")
	if org["corp_id"] != e.org.CorpID || len(org["users"].([]any)) != len(e.org.Users) {
		t.Fatalf("org dump: corp %v, %d users", org["corp_id"], len(org["users"].([]any)))
	}
	info := e.admin("GET", "/sim/info", "")
	if info["contact_secret"] != e.org.ContactSecret {
		t.Fatalf("info %v", info)
	}
	e.admin("DELETE", "/sim/messages", "")
	if len(e.sim.Messages()) != 0 {
		t.Fatal("messages not cleared")
	}
	if idx := e.admin("GET", "/sim/", ""); len(idx["endpoints"].([]any)) == 0 {
		t.Fatal("no index")
	}
}
