package logging

import (
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRedactURLCutsTokenAndSecret(t *testing.T) {
	cases := map[string]string{
		"https://qyapi.weixin.qq.com/cgi-bin/user/get?access_token=AbC123xyz&userid=zhangsan": "access_token=[REDACTED]&userid=zhangsan",
		"GET /cgi-bin/gettoken?corpid=ww1&corpsecret=S3cr3tValue-_x":                          "corpsecret=[REDACTED]",
		`{"secret":"abcdefghijk","name":"x"}`:                                                 `"secret":"[REDACTED]"`,
		"encoding_aes_key=jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C":                        "encoding_aes_key=[REDACTED]",
	}
	for in, want := range cases {
		got := RedactURL(in)
		if !strings.Contains(got, want) {
			t.Errorf("RedactURL(%q) = %q, want it to contain %q", in, got, want)
		}
	}
}

func TestRegisteredSecretRemovedFromEveryLine(t *testing.T) {
	r := &Redactor{}
	const secret = "Zq9-very_secret_app_secret_value_43chars_xx"
	r.AddSecret(secret)
	r.AddSecret("abc") // too short: must not mangle text
	out := r.String("failed with secret " + secret + " and abc")
	if strings.Contains(out, secret) || !strings.Contains(out, "abc") {
		t.Fatalf("got %q", out)
	}
}

func TestHandlerRedactsAttributesAndMessages(t *testing.T) {
	const secret = "ThisIsTheCorpSecretThatMustNotLeak_12345"
	AddSecret(secret)
	logger, buf := Capture()
	logger.Info("calling https://x/cgi-bin/gettoken?corpid=ww&corpsecret="+secret, "secret_attr", secret,
		"url", "https://x/cgi-bin/user/list?access_token=TOKENVALUE123&department_id=1")
	out := buf.String()
	if strings.Contains(out, secret) || strings.Contains(out, "TOKENVALUE123") {
		t.Fatalf("secret leaked into log line: %s", out)
	}
	if !strings.Contains(out, "department_id=1") {
		t.Fatalf("non-secret parts should stay: %s", out)
	}
}

func TestSetupWritesRedactedFileAndRotates(t *testing.T) {
	dir := t.TempDir()
	logger, closer, err := Setup(dir, slog.LevelInfo)
	if err != nil {
		t.Fatal(err)
	}
	defer slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	logger.Info("hello", "u", "?access_token=SHOULDNOTAPPEAR")
	closer.Close()
	b, err := os.ReadFile(filepath.Join(dir, "logs", "wecom-bridge.log"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "hello") || strings.Contains(string(b), "SHOULDNOTAPPEAR") {
		t.Fatalf("log file content: %s", b)
	}

	rf, err := openRotating(t.TempDir(), 100, 2)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10; i++ {
		rf.Write([]byte(strings.Repeat("x", 40) + "\n"))
	}
	rf.Close()
	if _, err := os.Stat(rf.path + ".1"); err != nil {
		t.Fatal("expected a rotated file")
	}
	if _, err := os.Stat(rf.path + ".3"); err == nil {
		t.Fatal("keep=2 must not leave a .3")
	}
	if fi, _ := os.Stat(rf.path); fi.Size() > 100 {
		t.Fatalf("current log over cap: %d", fi.Size())
	}
}
