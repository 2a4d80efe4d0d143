package wecomsim

import (
	"net/http"
	"net/url"
	"testing"
	"time"
)

func TestAgentGetAndSet(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	a := e.api("agent/get", tok, q("agentid", "1000002"), nil)
	if a.str("name") != "全员应用" || a["allow_partys"].(map[string]any)["partyid"].([]any)[0].(float64) != 1 {
		t.Fatalf("agent/get %v", a)
	}
	wantCode(t, e.api("agent/get", tok, q("agentid", "1000003"), nil), 301002)
	wantCode(t, e.api("agent/get", e.contactToken(), q("agentid", "1000002"), nil), 48002)
	wantCode(t, e.api("agent/set", tok, nil, map[string]any{"agentid": AgentAll, "description": "短"}), 45004)
	wantCode(t, e.api("agent/set", tok, nil, map[string]any{"agentid": AgentAll, "name": ""}), 45022)
	wantCode(t, e.api("agent/set", tok, nil, map[string]any{"agentid": AgentAll, "name": "财经助手", "isreportenter": 1}), 0)
	if a := e.api("agent/get", tok, q("agentid", "1000002"), nil); a.str("name") != "财经助手" || a["isreportenter"].(float64) != 1 {
		t.Fatalf("after set %v", a)
	}
}

func TestMenu(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	agent := q("agentid", "1000002")
	wantCode(t, e.api("menu/get", tok, agent, nil), 46003)
	menu := map[string]any{"button": []any{
		map[string]any{"type": "click", "name": "今日歌曲", "key": "V1001_TODAY_MUSIC"},
		map[string]any{"name": "菜单", "sub_button": []any{map[string]any{"type": "view", "name": "搜索", "url": "http://www.soso.com/"}}},
	}}
	wantCode(t, e.api("menu/create", tok, agent, menu), 0)
	if got := e.api("menu/get", tok, agent, nil).list("button"); len(got) != 2 {
		t.Fatalf("menu/get %v", got)
	}
	four := map[string]any{"button": []any{menu["button"].([]any)[0], menu["button"].([]any)[0], menu["button"].([]any)[0], menu["button"].([]any)[0]}}
	wantCode(t, e.api("menu/create", tok, agent, four), 40016)
	wantCode(t, e.api("menu/create", tok, agent, map[string]any{"button": []any{map[string]any{"type": "bogus", "name": "x", "key": "k"}}}), 40017)
	wantCode(t, e.api("menu/create", tok, q("agentid", "1000003"), menu), 301002)
	wantCode(t, e.api("menu/delete", tok, agent, nil), 0)
	wantCode(t, e.api("menu/get", tok, agent, nil), 46003)
}

func TestOAuthCodesAndUserDetail(t *testing.T) {
	e := newEnv(t)
	u := e.userIn(3)
	tok := e.appToken(AgentRestricted)
	code := e.sim.IssueOAuthCode(AgentRestricted, u.UserID, "snsapi_privateinfo")
	a := e.api("auth/getuserinfo", tok, q("code", code), nil)
	if a.code() != 0 || a.str("userid") != u.UserID || a.str("user_ticket") == "" {
		t.Fatalf("getuserinfo %v", a)
	}
	wantCode(t, e.api("auth/getuserinfo", tok, q("code", code), nil), 40029) // single use
	d := e.api("auth/getuserdetail", tok, nil, map[string]string{"user_ticket": a.str("user_ticket")})
	if d.code() != 0 || d.str("mobile") != u.Mobile {
		t.Fatalf("getuserdetail %v", d)
	}
	wantCode(t, e.api("auth/getuserdetail", tok, nil, map[string]string{"user_ticket": "nope"}), 84015)

	stale := e.sim.IssueOAuthCode(AgentRestricted, u.UserID, "")
	e.sim.Clock().Advance(6 * time.Minute)
	wantCode(t, e.api("auth/getuserinfo", tok, q("code", stale), nil), 40029)
}

func TestAuthorizeRedirectCarriesCode(t *testing.T) {
	e := newEnv(t)
	u := e.userIn(3)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	v := url.Values{"appid": {e.org.CorpID}, "redirect_uri": {"https://bridge.example/sso/callback?x=1"},
		"response_type": {"code"}, "scope": {"snsapi_base"}, "state": {"abc"}, "agentid": {"1000002"}, "userid": {u.UserID}}
	resp, err := client.Get(e.url + "/connect/oauth2/authorize?" + v.Encode())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, _ := url.Parse(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusFound || loc.Host != "bridge.example" || loc.Query().Get("state") != "abc" || loc.Query().Get("x") != "1" {
		t.Fatalf("redirect %d %s", resp.StatusCode, loc)
	}
	a := e.api("auth/getuserinfo", e.appToken(AgentAll), q("code", loc.Query().Get("code")), nil)
	if a.str("userid") != u.UserID {
		t.Fatalf("getuserinfo %v", a)
	}
}

func TestCheckin(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	ids := e.activeUsers(3)
	start := testStart.AddDate(0, 0, -7).Unix()
	a := e.api("checkin/getcheckindata", tok, nil, map[string]any{"opencheckindatatype": 3, "starttime": start, "endtime": testStart.Unix(), "useridlist": ids})
	wantCode(t, a, 0)
	if n := len(a.list("checkindata")); n < 3*5*2 {
		t.Fatalf("%d records for 3 members over a week", n)
	}
	wantCode(t, e.api("checkin/getcheckindata", tok, nil, map[string]any{"opencheckindatatype": 3, "starttime": start, "endtime": start + 31*86400, "useridlist": ids}), 301024)
	wantCode(t, e.api("checkin/getcheckindata", tok, nil, map[string]any{"opencheckindatatype": 3, "starttime": start, "endtime": testStart.Unix(), "useridlist": []string{}}), 301023)
	o := e.api("checkin/getcheckinoption", tok, nil, map[string]any{"datetime": start, "useridlist": ids})
	if len(o.list("info")) != 3 {
		t.Fatalf("getcheckinoption %v", o)
	}
	wantCode(t, e.api("checkin/getcheckindata", e.contactToken(), nil, map[string]any{}), 48002)
}

func TestExternalContacts(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	follow := e.api("externalcontact/get_follow_user_list", tok, nil, nil).list("follow_user")
	if len(follow) < 50 {
		t.Fatalf("%d follow users", len(follow))
	}
	u := follow[0].(string)
	ids := e.api("externalcontact/list", tok, q("userid", u), nil).list("external_userid")
	if len(ids) == 0 {
		t.Fatal("no external contacts")
	}
	g := e.api("externalcontact/get", tok, q("external_userid", ids[0].(string)), nil)
	if g.code() != 0 || g["external_contact"].(map[string]any)["name"] == "" || len(g.list("follow_user")) == 0 {
		t.Fatalf("get %v", g)
	}
	wantCode(t, e.api("externalcontact/get", tok, q("external_userid", "wmNOPE"), nil), 40096)

	var users []string
	for _, f := range follow[:10] {
		users = append(users, f.(string))
	}
	total, cursor := 0, ""
	for pages := 0; ; pages++ {
		b := e.api("externalcontact/batch/get_by_user", tok, nil, map[string]any{"userid_list": users, "cursor": cursor, "limit": 3})
		wantCode(t, b, 0)
		if len(b.list("external_contact_list")) > 3 || pages > 100 {
			t.Fatal("limit not honoured")
		}
		total += len(b.list("external_contact_list"))
		if cursor = b.str("next_cursor"); cursor == "" {
			break
		}
	}
	want := 0
	for _, u := range users {
		want += len(e.api("externalcontact/list", tok, q("userid", u), nil).list("external_userid"))
	}
	if total != want {
		t.Fatalf("batch gave %d pairs, list gave %d", total, want)
	}
}

func TestIPRangesAndTickets(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	if len(e.api("get_api_domain_ip", tok, nil, nil).list("ip_list")) == 0 || len(e.api("getcallbackip", tok, nil, nil).list("ip_list")) == 0 {
		t.Fatal("empty ip lists")
	}
	a := e.api("get_jsapi_ticket", tok, nil, nil)
	b := e.api("get_jsapi_ticket", tok, nil, nil)
	if a.str("ticket") == "" || a.str("ticket") != b.str("ticket") || a["expires_in"].(float64) != 7200 {
		t.Fatalf("tickets %v %v", a, b)
	}
	c := e.api("ticket/get", tok, q("type", "agent_config"), nil)
	if c.str("ticket") == "" || c.str("ticket") == a.str("ticket") {
		t.Fatalf("agent ticket %v", c)
	}
}
