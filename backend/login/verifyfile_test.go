package login_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"wecom-bridge/backend/login"
	"wecom-bridge/backend/usererr"
)

func TestVerifyFileServedAtItsExactPath(t *testing.T) {
	e := newEnv(t)
	srv := httptest.NewServer(e.svc.VerifyFileHandler())
	defer srv.Close()
	get := func(path string) (int, string, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
	}
	if code, _, _ := get("/WW_verify_abc123.txt"); code != 404 {
		t.Fatalf("served before upload: %d", code)
	}
	if _, err := e.svc.SetVerifyFile(e.ctx, `C:\Users\me\Downloads\WW_verify_abc123.txt`, []byte("abc123")); err != nil {
		t.Fatal(err)
	}
	code, ctype, body := get("/WW_verify_abc123.txt")
	if code != 200 || ctype != "text/plain; charset=utf-8" || body != "abc123" {
		t.Fatalf("%d %q %q", code, ctype, body)
	}
	for _, p := range []string{"/WW_verify_other.txt", "/ww_verify_abc123.txt", "/WW_verify_abc123.txt/", "/x/WW_verify_abc123.txt"} {
		if code, _, _ := get(p); code != 404 {
			t.Errorf("%s: %d", p, code)
		}
	}
	for _, bad := range []struct {
		name, content, code string
	}{
		{"verify.txt", "abc", "login_bad_verify_name"},
		{"WW_verify_../../x.txt", "abc", "login_bad_verify_name"},
		{"WW_verify_abc.txt", "", "login_bad_verify_content"},
		{"WW_verify_abc.txt", string(make([]byte, 300)), "login_bad_verify_content"},
		{"WW_verify_abc.txt", "a\x00b", "login_bad_verify_content"},
	} {
		if _, err := e.svc.SetVerifyFile(e.ctx, bad.name, []byte(bad.content)); !usererr.Is(err, bad.code) {
			t.Errorf("%q: %v", bad.name, err)
		}
	}
	if _, err := e.svc.SetVerifyFile(e.ctx, "", nil); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := get("/WW_verify_abc123.txt"); code != 404 {
		t.Fatalf("served after removal: %d", code)
	}
}

func TestSignInLog(t *testing.T) {
	e := newEnv(t)
	for _, r := range []string{login.ResultOK, login.ResultUnbound} {
		if err := e.svc.RecordSignIn(e.ctx, login.SignIn{CorpID: e.corp.ID, Via: "grafana", UserID: "zhangsan", Result: r}); err != nil {
			t.Fatal(err)
		}
	}
	p, err := e.svc.SignIns(e.ctx, 0, 10)
	if err != nil || p.Total != 2 || len(p.Rows) != 2 || p.Rows[0].Result != login.ResultUnbound || p.Rows[0].At == "" {
		t.Fatalf("%+v %v", p, err)
	}
}
