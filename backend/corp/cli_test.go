package corp

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"wecom-bridge/backend/wecom/wecomsim"
)

func (e *testEnv) cli(stdin string, args ...string) (string, error) {
	var out bytes.Buffer
	err := RunCLI(e.ctx, e.svc, args, strings.NewReader(stdin), &out)
	return out.String(), err
}

func TestCLIAddListCheckRemove(t *testing.T) {
	t.Setenv("LC_ALL", "zh_CN.UTF-8") // the CLI speaks the terminal's language
	e := newEnv(t)
	org := smallOrg()
	sim, url := startSim(t, org, nil)
	all, restricted := org.Apps[0], org.Apps[1]

	t.Setenv("WECOM_CONTACT_SECRET", org.ContactSecret)
	t.Setenv("WECOM_APP_SECRET_1000002", all.Secret+" \n") // pasted with junk
	stdin := fmt.Sprintf("# secrets for the restricted app\nWECOM_APP_SECRET_1000003=%s\n", restricted.Secret)
	out, err := e.cli(stdin, "corp", "add", "--name", "星河", "--corp-id", org.CorpID, "--api-base", url,
		"--permission", "write", "--app", "全员应用=1000002", "--app", "隐私应用=1000003", "--secrets-stdin", "--generate-callback-keys")
	if err != nil {
		t.Fatalf("add: %v\n%s", err, out)
	}
	for _, want := range []string{"已添加", "AgentId 1000002", "AgentId 1000003", "Token=", "corp check"} {
		if !strings.Contains(out, want) {
			t.Errorf("add output lacks %q:\n%s", want, out)
		}
	}
	c, err := e.svc.Find(e.ctx, org.CorpID)
	if err != nil || len(c.Apps) != 2 || !c.CallbackToken.HasSecret || !c.Apps[0].CallbackToken.HasSecret {
		t.Fatalf("stored corp: %+v %v", c, err)
	}

	out, err = e.cli("", "list")
	if err != nil || !strings.Contains(out, "星河") || !strings.Contains(out, "••••") {
		t.Fatalf("list: %v\n%s", err, out)
	}
	for _, s := range []string{org.ContactSecret, all.Secret, restricted.Secret} {
		if strings.Contains(out, s) {
			t.Fatal("list prints a secret")
		}
	}
	if out, err := e.cli("", "list", "--json"); err != nil || !strings.Contains(out, `"secretMask"`) {
		t.Fatalf("list --json: %v\n%s", err, out)
	}

	out, err = e.cli("", "check")
	if err != nil || !strings.Contains(out, "✓") || !strings.Contains(out, "全部通过") {
		t.Fatalf("check (active corp): %v\n%s", err, out)
	}

	sim.SetTrustedIPOnly(wecomsim.AgentContact, "10.9.9.9")
	out, err = e.cli("", "check", "星河")
	if err == nil || !strings.Contains(out, "✗") || !strings.Contains(out, "errcode: 60020") || !strings.Contains(out, "127.0.0.1") {
		t.Fatalf("failing check must print ✗ with the fix and return an error: %v\n%s", err, out)
	}

	// Running add again updates; secrets not given are kept.
	t.Setenv("WECOM_CONTACT_SECRET", "")
	t.Setenv("WECOM_APP_SECRET_1000002", "")
	if out, err := e.cli("", "add", "--name", "星河2", "--corp-id", org.CorpID); err != nil || !strings.Contains(out, "已更新") {
		t.Fatalf("re-add: %v\n%s", err, out)
	}
	if c2, _ := e.svc.Find(e.ctx, org.CorpID); c2.Name != "星河2" || c2.ContactSecret.SecretMask != c.ContactSecret.SecretMask || c2.ID != c.ID ||
		c2.APIBaseURL != url || c2.ContactPermission != PermissionWrite {
		t.Fatalf("update lost something: %+v", c2)
	}

	out, err = e.cli("yes\n", "remove", org.CorpID)
	if err == nil || !strings.Contains(out, "自建应用 2 个") {
		t.Fatalf("remove without confirmation: %v\n%s", err, out)
	}
	if _, err := e.svc.Find(e.ctx, org.CorpID); err != nil {
		t.Fatal("removed without confirmation")
	}
	if _, err := e.cli("", "remove", org.CorpID, "--confirm", "星河"); err == nil {
		t.Fatal("--confirm with another name removed the corp")
	}
	if out, err := e.cli("星河2\n", "remove", org.CorpID); err != nil || !strings.Contains(out, "已删除") {
		t.Fatalf("remove confirmed by typing the name on stdin: %v\n%s", err, out)
	}
}

func TestCLIRefusesBadInputAndSecretsInArgs(t *testing.T) {
	t.Setenv("LC_ALL", "zh_CN.UTF-8")
	e := newEnv(t)
	out, err := e.cli("", "add", "--name", "x", "--corp-id", "ww12", "--app", "OA=abc")
	if err == nil || !strings.Contains(out, "corp.corpId") || !strings.Contains(out, "我的企业 → 企业信息 → 企业ID") {
		t.Fatalf("invalid corp ID: %v\n%s", err, out)
	}
	if _, err := e.cli("", "add", "--name", "x", "--corp-id", goodCorpID, secretA); err == nil || !strings.Contains(err.Error(), "never in arguments") {
		t.Fatalf("a positional secret must be refused: %v", err)
	}
	out, err = e.cli("", "add", "--name", "x", "--corp-id", goodCorpID, "--app", "OA=abc")
	if err == nil || !strings.Contains(out, "AgentId 必须是整数，例如 1000002") {
		t.Fatalf("bad AgentId: %v\n%s", err, out)
	}
	if _, err := e.cli("", "frobnicate"); err == nil {
		t.Fatal("unknown command accepted")
	}
	if _, err := e.cli("", "check"); err == nil || !strings.Contains(err.Error(), "no corp") && !strings.Contains(err.Error(), "corp") {
		t.Fatalf("check with no corp: %v", err)
	}
}

func TestCLIRemoveDemo(t *testing.T) {
	e := newEnv(t)
	if _, err := e.svc.StartDemo(e.ctx); err != nil {
		t.Fatal(err)
	}
	if out, err := e.cli("", "remove", "--demo"); err != nil || !strings.Contains(out, "demo") {
		t.Fatalf("remove --demo: %v\n%s", err, out)
	}
	if list, _ := e.svc.List(e.ctx); len(list) != 0 {
		t.Fatal("demo corp left")
	}
}
