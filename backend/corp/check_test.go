package corp

import (
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"

	"wecom-bridge/backend/wecom/wecomsim"
)

// smallOrg is a deterministic org with the three standard apps.
func smallOrg() *wecomsim.Org {
	return wecomsim.GenerateOrg(wecomsim.GenerateOptions{Seed: 7, Users: 60, Departments: 8})
}

func wantFailed(t *testing.T, res *CheckResult, key string, errcode int, fixParts ...string) CheckStep {
	t.Helper()
	st := step(t, res, key)
	if st.Status != StatusFailed || st.OK || st.Errcode != errcode {
		t.Fatalf("step %s = %+v; want failed with errcode %d", key, st, errcode)
	}
	for _, p := range fixParts {
		if st.Fix == nil || !strings.Contains(st.Fix.ZH, p) {
			t.Errorf("step %s fix %v lacks %q", key, st.Fix, p)
		}
	}
	if st.Fix == nil || st.Fix.EN == "" {
		t.Errorf("step %s has no English fix", key)
	}
	if res.Passed || res.Failed == 0 {
		t.Errorf("result must not pass: %+v", stepKeys(res))
	}
	return st
}

func TestCheckAllPass(t *testing.T) {
	e := newEnv(t)
	org := smallOrg()
	_, url := startSim(t, org, nil)
	c := e.addSimCorp(org, url)
	res := e.check(c.ID)
	if !res.Passed || res.Failed != 0 {
		t.Fatalf("want all pass, got %v", stepKeys(res))
	}
	for _, st := range res.Steps {
		if !st.OK {
			t.Errorf("step %s not OK: %+v", st.Key, st)
		}
	}
	if st := step(t, res, "tls"); st.Status != StatusNA || !st.Skipped || !strings.Contains(st.Detail.EN, "Not used (http") {
		t.Fatalf("tls over http: %+v", st)
	}
	all := step(t, res, fmt.Sprintf("app:%d:scope", wecomsim.AgentAll))
	if !strings.Contains(all.Detail.ZH, "8 个部门") || !strings.Contains(all.Detail.ZH, "60 名成员") {
		t.Fatalf("whole-corp scope detail: %q", all.Detail)
	}
	scoped := step(t, res, fmt.Sprintf("app:%d:scope", wecomsim.AgentScoped))
	if strings.Contains(scoped.Detail.ZH, "60 名成员") {
		t.Fatalf("a scoped app sees fewer members: %q", scoped.Detail)
	}
	if st := step(t, res, "customer:token"); st.Status != StatusNA {
		t.Fatalf("unconfigured customer secret: %+v", st)
	}
	if len(res.APIIPs) == 0 || !strings.Contains(step(t, res, "api_ips").Detail.ZH, res.APIIPs[0]) {
		t.Fatalf("API IP list: %v", res.APIIPs)
	}
	// One progress event per step, then the final one.
	evs := e.rec.Named(CheckEvent)
	if len(evs) != len(res.Steps)+1 {
		t.Fatalf("%d events for %d steps", len(evs), len(res.Steps))
	}
	last := evs[len(evs)-1].(CheckProgress)
	first := evs[0].(CheckProgress)
	if !last.Final || !last.Passed || first.Step == nil || first.Step.Key != "dns" || first.Total != len(res.Steps) {
		t.Fatalf("events: first %+v last %+v", first, last)
	}
}

func TestCheckWrongAppSecret(t *testing.T) {
	e := newEnv(t)
	org := smallOrg()
	_, url := startSim(t, org, nil)
	c := e.addSimCorp(org, url, wecomsim.AgentAll)
	e.svc.SaveApp(e.ctx, AppInput{ID: c.Apps[0].ID, Name: c.Apps[0].Name, AgentID: "1000002", Secret: secretC})
	res := e.check(c.ID)
	wantFailed(t, res, "app:1000002:token", 40001, "Secret 不对", "应用管理 → 自建 → 全员应用 → Secret")
	for _, k := range []string{"app:1000002:agent", "app:1000002:scope"} {
		if st := step(t, res, k); st.Status != StatusSkipped || !strings.Contains(st.Detail.ZH, "未检查") {
			t.Fatalf("%s after a failed token: %+v", k, st)
		}
	}
	if st := step(t, res, "contact:departments"); !st.OK {
		t.Fatalf("the contact secret is fine and must pass: %+v", st)
	}
}

func TestCheckWrongCorpID(t *testing.T) {
	e := newEnv(t)
	org := smallOrg()
	_, url := startSim(t, org, nil)
	wrong := *org
	wrong.CorpID = "ww00000000000000ff"
	c := e.addSimCorp(&wrong, url, wecomsim.AgentAll)
	res := e.check(c.ID)
	wantFailed(t, res, "app:1000002:token", 40013, "企业ID 不对", "我的企业 → 企业信息 → 企业ID", "ww00000000000000ff")
	wantFailed(t, res, "contact:token", 40013, "企业ID")
	if st := step(t, res, "api_ips"); st.Status != StatusSkipped {
		t.Fatalf("no working credential: %+v", st)
	}
}

func TestCheckAgentIDFromAnotherApp(t *testing.T) {
	e := newEnv(t)
	org := smallOrg()
	_, url := startSim(t, org, nil)
	c := e.addSimCorp(org, url, 0)
	// AgentId of 新版应用 with the Secret of 全员应用.
	e.addApp(c.ID, "拼错的应用", fmt.Sprint(wecomsim.AgentRestricted), org.Apps[0].Secret)
	res := e.check(c.ID)
	if st := step(t, res, "app:1000003:token"); !st.OK {
		t.Fatalf("the secret itself is valid: %+v", st)
	}
	wantFailed(t, res, "app:1000003:agent", 301002, "AgentId 和 Secret 必须来自同一个应用")
}

func TestCheckUntrustedIPQuotesTheIP(t *testing.T) {
	e := newEnv(t)
	org := smallOrg()
	sim, url := startSim(t, org, nil)
	sim.SetTrustedIPOnly(wecomsim.AgentContact, "10.1.2.3")
	c := e.addSimCorp(org, url, wecomsim.AgentAll)
	res := e.check(c.ID)
	wantFailed(t, res, "contact:departments", 60020, "127.0.0.1", "企业可信IP")
	if res.EgressIP != "127.0.0.1" {
		t.Fatalf("egress IP = %q", res.EgressIP)
	}
	if st := step(t, res, "app:1000002:scope"); !st.OK {
		t.Fatalf("the app is not under the IP rule: %+v", st)
	}
}

// no60011 answers department/simplelist as WeCom does for an app whose
// visible scope holds no department (the simulator answers an empty list).
func no60011(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/cgi-bin/department/simplelist" {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"errcode":60011,"errmsg":"no privilege to access/modify contact/party/agent , hint: [1700000000_1_x], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=60011"}`)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func TestCheckNoScope60011(t *testing.T) {
	e := newEnv(t)
	org := smallOrg()
	_, url := startSim(t, org, no60011)
	c := e.addSimCorp(org, url, wecomsim.AgentAll)
	res := e.check(c.ID)
	wantFailed(t, res, "app:1000002:scope", 60011, "可见范围", "应用管理 → 自建 → 全员应用 → 可见范围")
}

func TestCheckEmptyScope(t *testing.T) {
	e := newEnv(t)
	org := smallOrg()
	org.Apps = append(org.Apps, wecomsim.App{AgentID: 1000009, Secret: strings.Repeat("z", 43), Name: "空范围应用",
		AllowParty: []int{}, AllowUser: []string{}})
	_, url := startSim(t, org, nil)
	c := e.addSimCorp(org, url, 1000009)
	res := e.check(c.ID)
	st := wantFailed(t, res, "app:1000009:scope", 0, "可见范围", "添加部门")
	if !strings.Contains(st.Detail.ZH, "可见范围为空") {
		t.Fatalf("detail: %q", st.Detail)
	}
}

// Decision: the client retries -1 (up to 3 times). A -1 that clears within
// the retries leaves the step green, since WeCom was only briefly busy; one
// that persists fails the step with errcode -1 and the advice to retry later.
func TestCheckSystemBusy(t *testing.T) {
	t.Run("persistent", func(t *testing.T) {
		e := newEnv(t)
		org := smallOrg()
		sim, url := startSim(t, org, nil)
		sim.SetFaults(wecomsim.Faults{Seed: 1, PerAPI: map[string]wecomsim.Fault{"agent/get": {ErrorRate: 1}}})
		c := e.addSimCorp(org, url, wecomsim.AgentAll)
		res := e.check(c.ID)
		wantFailed(t, res, "app:1000002:agent", -1, "稍候重试", "已自动重试")
		if n := sim.Counters().Faults.Errors; n != 4 {
			t.Fatalf("want 1 call + 3 retries, sim injected %d errors", n)
		}
		if st := step(t, res, "app:1000002:scope"); st.Status != StatusSkipped {
			t.Fatalf("scope after a failed agent step: %+v", st)
		}
	})
	t.Run("transient", func(t *testing.T) {
		e := newEnv(t)
		org := smallOrg()
		sim, url := startSim(t, org, nil)
		// Seed 3 makes the first agent/get fail and a retry succeed.
		sim.SetFaults(wecomsim.Faults{Seed: 3, PerAPI: map[string]wecomsim.Fault{"agent/get": {ErrorRate: 0.5}}})
		c := e.addSimCorp(org, url, wecomsim.AgentAll)
		res := e.check(c.ID)
		if n := sim.Counters().Faults.Errors; n == 0 {
			t.Fatal("seed must inject at least one -1")
		}
		if st := step(t, res, "app:1000002:agent"); !st.OK || st.Errcode != 0 {
			t.Fatalf("a -1 cleared by a retry must pass: %+v", st)
		}
		if !res.Passed {
			t.Fatalf("check: %v", stepKeys(res))
		}
	})
}

func TestCheckUnreachableSkipsWeComSteps(t *testing.T) {
	e := newEnv(t)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	org := smallOrg()
	c := e.addSimCorp(org, "http://"+addr, wecomsim.AgentAll)
	res := e.check(c.ID)
	st := wantFailed(t, res, "tcp", 0, "放行")
	if st.Fix == nil || !strings.Contains(st.Fix.ZH, addr) {
		t.Fatalf("fix should name %s: %q", addr, st.Fix)
	}
	for _, k := range []string{"app:1000002:token", "contact:token", "api_ips"} {
		if s := step(t, res, k); s.Status != StatusSkipped {
			t.Fatalf("%s must be skipped when the host is unreachable: %+v", k, s)
		}
	}
	if res.Failed != 1 {
		t.Fatalf("only the TCP step failed; skipped steps are not failures: %v", stepKeys(res))
	}
}

func TestCheckNoApps(t *testing.T) {
	e := newEnv(t)
	org := smallOrg()
	_, url := startSim(t, org, nil)
	c := e.addSimCorp(org, url, 0)
	res := e.check(c.ID)
	wantFailed(t, res, "apps", 0, "添加至少一个自建应用")
	if st := step(t, res, "contact:departments"); !st.OK {
		t.Fatalf("contact steps still run: %+v", st)
	}
}

// newIP48009 answers department/simplelist as WeCom does for the 通讯录同步
// secret from a new IP (the simulator applies the rule to detail reads only).
func newIP48009(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/cgi-bin/department/simplelist" {
			fmt.Fprint(w, `{"errcode":48009,"errmsg":"api forbidden, hint: [1_2_x], from ip: 203.0.113.7, more info at https://open.work.weixin.qq.com/devtool/query?e=48009"}`)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func TestCheckContactNewIP48009(t *testing.T) {
	e := newEnv(t)
	org := smallOrg()
	_, url := startSim(t, org, newIP48009)
	c := e.addSimCorp(org, url, 0)
	res := e.check(c.ID)
	wantFailed(t, res, "contact:departments", 48009, "203.0.113.7", "新增IP", "user/list_id")
	if res.EgressIP != "203.0.113.7" {
		t.Fatalf("egress IP = %q", res.EgressIP)
	}
}
