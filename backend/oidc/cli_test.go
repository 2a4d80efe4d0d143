package oidc_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCLIClientAddListRemoveAndLoginLink(t *testing.T) {
	e := newEnv(t)
	var out bytes.Buffer
	err := e.svc.OIDC.RunCLI(e.ctx, []string{"client", "add", "--corp", "星河科技", "--app", "1000002", "--name", "GitLab",
		"--redirect", "https://gitlab.example.com/users/auth/openid_connect/callback"}, &out)
	if err != nil || !strings.Contains(out.String(), "client_secret: ") || !strings.Contains(out.String(), "issuer:        "+e.bridge) {
		t.Fatalf("%v\n%s", err, out.String())
	}
	id := strings.Fields(strings.SplitN(out.String(), "\n", 2)[0])[1]
	secret := strings.Fields(strings.Split(out.String(), "\n")[1])[1]
	out.Reset()
	if err := e.svc.OIDC.RunCLI(e.ctx, []string{"client", "list"}, &out); err != nil || !strings.Contains(out.String(), id) || strings.Contains(out.String(), secret) {
		t.Fatalf("list %v\n%s", err, out.String())
	}
	out.Reset()
	if err := e.svc.OIDC.RunCLI(e.ctx, []string{"client", "remove", id}, &out); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.OIDC.RunCLI(e.ctx, []string{"client", "remove", id}, &out); err == nil {
		t.Fatal("removed twice")
	}
	if err := e.svc.OIDC.RunCLI(e.ctx, []string{"client", "add", "--corp", "星河科技", "--app", "1000002", "--name", "x"}, &out); err == nil {
		t.Fatal("a client without redirect URIs was added")
	}

	png := filepath.Join(t.TempDir(), "qr.png")
	out.Reset()
	if err := e.svc.Login.RunCLI(e.ctx, []string{"link", "--corp", "星河科技", "--app", "1000002", "--kind", "qr",
		"--to", e.bridge + "/oidc/wecom/return", "--png", png}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), e.simURL+"/wwlogin/sso/login?login_type=CorpApp") {
		t.Fatalf("link %s", out.String())
	}
	if b, err := os.ReadFile(png); err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Fatalf("png %v", err)
	}
}
