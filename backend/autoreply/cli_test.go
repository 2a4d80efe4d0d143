package autoreply

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestCLIAddListRemove(t *testing.T) {
	e := newEnv(t)
	find := func(_ context.Context, ref string) (int64, error) { return e.corp, nil }
	run := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := e.svc.RunCLI(e.ctx, find, args, &out)
		return out.String(), err
	}
	if _, err := run("add", "--corp", "星河科技", "--agent", "1000002", "--match", "prefix", "--keyword", "帮助", "--reply", `访问门户\n或拨 8000`, "--priority", "3"); err != nil {
		t.Fatal(err)
	}
	if _, err := run("add", "--corp", "星河科技", "--agent", "1000002", "--match", "hosted", "--reply", "x", "--priority", "1.5"); code(err) != "autoreply_priority_text" {
		t.Fatalf("decimal priority: %v", err)
	}
	if _, err := run("add", "--corp", "星河科技", "--agent", "42", "--match", "hosted", "--reply", "x"); code(err) != "autoreply_agent_not_found" {
		t.Fatalf("unknown agent: %v", err)
	}
	if _, err := run("add", "--corp", "星河科技", "--agent", "1000002", "--match", "contains", "--reply", "x"); code(err) != "autoreply_keyword_missing" {
		t.Fatalf("no keyword: %v", err)
	}
	out, err := run("list", "--corp", "星河科技")
	if err != nil || !strings.Contains(out, "帮助") || !strings.Contains(out, `访问门户\n或拨 8000`) {
		t.Fatalf("list: %v\n%s", err, out)
	}
	rules, _ := e.svc.List(e.ctx, Filter{CorpRef: e.corp})
	if len(rules) != 1 || rules[0].Reply != "访问门户\n或拨 8000" || rules[0].Priority != 3 || rules[0].Name != "帮助" {
		t.Fatalf("saved %+v", rules)
	}
	if _, err := run("remove", "--corp", "星河科技", "999"); code(err) != "autoreply_rule_not_found" {
		t.Fatalf("remove unknown: %v", err)
	}
	if out, err := run("remove", "--corp", "星河科技", strings.TrimSpace(strings.Fields(strings.Split(out, "\n")[1])[0])); err != nil || !strings.Contains(out, "1 rules removed") {
		t.Fatalf("remove: %v %s", err, out)
	}
}
