package wecomsim

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to read while RunCLI writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestRunCLIServesAndPrintsSecrets(t *testing.T) {
	dump := filepath.Join(t.TempDir(), "org.json")
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- RunCLI(ctx, []string{"--addr", "127.0.0.1:0", "--users", "200", "--departments", "20", "--seed", "4", "--dump", dump}, out)
	}()
	re := regexp.MustCompile(`listening on (http://127\.0\.0\.1:\d+)`)
	var base string
	for i := 0; i < 200 && base == ""; i++ {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		} else {
			time.Sleep(10 * time.Millisecond)
		}
	}
	if base == "" {
		cancel()
		t.Fatalf("no URL printed: %s", out.String())
	}
	org := GenerateOrg(GenerateOptions{Seed: 4, Users: 200, Departments: 20})
	text := out.String()
	for _, want := range []string{org.CorpID, org.ContactSecret, org.Apps[0].Secret, "1000002"} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	resp, err := http.Get(base + "/cgi-bin/gettoken?corpid=" + org.CorpID + "&corpsecret=" + org.ContactSecret)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `"access_token"`) {
		t.Fatalf("gettoken: %s", body)
	}
	if loaded, err := LoadOrg(dump); err != nil || loaded.CorpID != org.CorpID {
		t.Fatalf("dump: %v", err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("RunCLI did not stop after cancel")
	}
}

func TestRunCLIRejectsBadFlags(t *testing.T) {
	ctx := context.Background()
	if err := RunCLI(ctx, []string{"--org", "x.json", "--users", "5"}, io.Discard); err == nil {
		t.Error("--org with --users accepted")
	}
	if err := RunCLI(ctx, []string{"--org", filepath.Join(os.TempDir(), "does-not-exist.json")}, io.Discard); err == nil {
		t.Error("missing org file accepted")
	}
	if err := RunCLI(ctx, []string{"--fault-rate", "2"}, io.Discard); err == nil {
		t.Error("fault rate 2 accepted")
	}
}
