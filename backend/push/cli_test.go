package push

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"wecom-bridge/backend/wecom/wecomsim"
)

func TestAPIKeyCLI(t *testing.T) {
	e := newEnv(t, envConfig{})
	resolve := e.resolveCorp
	var out bytes.Buffer
	if err := RunAPIKeyCLI(e.ctx, e.svc, resolve, []string{"apikey", "create", "OA", "系统"}, &out); err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`wbk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}`).FindString(out.String())
	if key == "" || !strings.Contains(out.String(), "cannot be shown again") {
		t.Fatalf("create printed %q", out.String())
	}
	if _, err := e.svc.authenticate(e.ctx, "Bearer "+key); err != nil {
		t.Errorf("the printed key does not work: %v", err)
	}
	out.Reset()
	if err := RunAPIKeyCLI(e.ctx, e.svc, resolve, []string{"list"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "OA 系统") || !strings.Contains(out.String(), "active") || strings.Contains(out.String(), key) {
		t.Errorf("list printed %q", out.String())
	}
	out.Reset()
	if err := RunAPIKeyCLI(e.ctx, e.svc, resolve, []string{"revoke", "1"}, &out); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.authenticate(e.ctx, "Bearer "+key); err == nil {
		t.Error("a revoked key still works")
	}
	for _, args := range [][]string{{}, {"create"}, {"revoke", "x"}, {"revoke", "99"}, {"frob"}} {
		if err := RunAPIKeyCLI(e.ctx, e.svc, resolve, args, &out); err == nil {
			t.Errorf("apikey %v succeeded", args)
		}
	}
	// With two corps, --corp is required and names the key's corp.
	e.addCorp("云帆")
	if err := RunAPIKeyCLI(e.ctx, e.svc, resolve, []string{"create", "hr"}, &out); err == nil || !strings.Contains(err.Error(), "--corp") {
		t.Fatalf("create without --corp among two corps: %v", err)
	}
	out.Reset()
	if err := RunAPIKeyCLI(e.ctx, e.svc, resolve, []string{"create", "--corp", "云帆", "hr"}, &out); err != nil || !strings.Contains(out.String(), "corp 云帆") {
		t.Fatalf("create --corp: %v %q", err, out.String())
	}
	out.Reset()
	if err := RunAPIKeyCLI(e.ctx, e.svc, resolve, []string{"list", "--corp", "云帆"}, &out); err != nil || !strings.Contains(out.String(), "hr") || strings.Contains(out.String(), "OA 系统") {
		t.Fatalf("list --corp: %v %q", err, out.String())
	}
	if err := RunAPIKeyCLI(e.ctx, e.svc, resolve, []string{"create", "--corp", "nowhere", "x"}, &out); err == nil || !strings.Contains(err.Error(), "nowhere") {
		t.Fatalf("create --corp for a missing corp: %v", err)
	}
}

func TestRuleCLI(t *testing.T) {
	e := newEnv(t, envConfig{})
	resolve := func(_ context.Context, name string) (int64, error) {
		if name == "星河科技" {
			return e.corpID, nil
		}
		return 0, errors.New("no such corp")
	}
	var out bytes.Buffer
	args := []string{"push", "rule", "add", "--source", "日报", "--corp", "星河科技", "--agent", "1000002", "--type", "textcard",
		"--title", "{{source}}：{{title}}", "--btn", "查看"}
	if err := RunRuleCLI(e.ctx, e.svc, resolve, args, &out); err != nil {
		t.Fatalf("add: %v (%s)", err, out.String())
	}
	rules, _ := e.svc.ListRules(e.ctx)
	if len(rules) != 1 || rules[0].Source != "日报" || rules[0].Targets[0].Title != "{{source}}：{{title}}" || rules[0].Targets[0].AgentID != wecomsim.AgentAll {
		t.Fatalf("rules = %+v", rules)
	}
	out.Reset()
	RunRuleCLI(e.ctx, e.svc, resolve, []string{"list"}, &out)
	if !strings.Contains(out.String(), "日报") || !strings.Contains(out.String(), "app 1000002 textcard") {
		t.Errorf("list printed %q", out.String())
	}
	for _, bad := range [][]string{
		{"add", "--source", "x", "--corp", "nope", "--agent", "1000002"},
		{"add", "--source", "x", "--corp", "星河科技", "--agent", "1000002", "--type", "voice"},
		{"add", "--source", "x"},
		{"remove", "abc"},
	} {
		if err := RunRuleCLI(e.ctx, e.svc, resolve, bad, &out); err == nil {
			t.Errorf("rule %v succeeded", bad)
		}
	}
	if err := RunRuleCLI(e.ctx, e.svc, resolve, []string{"disable", "1"}, &out); err != nil {
		t.Fatal(err)
	}
	if err := RunRuleCLI(e.ctx, e.svc, resolve, []string{"remove", "1"}, &out); err != nil {
		t.Fatal(err)
	}
	if rules, _ := e.svc.ListRules(e.ctx); len(rules) != 0 {
		t.Errorf("rules after remove = %+v", rules)
	}
}
