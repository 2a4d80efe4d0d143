package launch

import (
	"bytes"
	"context"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"wecom-bridge/backend/services"
)

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

type noMethods struct{}

func bindNothing(*services.Services) (any, func(context.Context)) { return noMethods{}, nil }

// runServe starts `serve args…` and returns what it printed once it is up.
func runServe(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	errc := make(chan error, 1)
	// The data directory's cleanup is registered before the one that stops
	// serve, so it runs after it (cleanups run last-in first-out).
	dir := t.TempDir()
	go func() {
		errc <- Serve(ctx, dir, args, fstest.MapFS{"index.html": {Data: []byte("<html><head></head></html>")}}, bindNothing, out)
	}()
	t.Cleanup(func() {
		cancel()
		<-errc
	})
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), "Data:") {
		select {
		case err := <-errc:
			t.Fatalf("serve ended: %v\n%s", err, out.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	return out.String()
}

func TestServePrintsTheTokenInTheFragment(t *testing.T) {
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	t.Setenv("WECOM_BRIDGE_TOKEN", "")
	out := runServe(t, "--addr", "127.0.0.1:0")
	m := regexp.MustCompile(`Open: (http://127\.0\.0\.1:\d+)/#token=([0-9a-f]{64})\n`).FindStringSubmatch(out)
	if m == nil || strings.Contains(out, "?token=") || strings.Contains(out, "WARNING") {
		t.Fatalf("want the URL with #token= and no warning on loopback:\n%s", out)
	}
	resp, err := http.Get(m[1] + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("X-Frame-Options") != "DENY" || len(resp.Header.Values("Set-Cookie")) != 0 {
		t.Fatalf("the served page: %v", resp.Header)
	}
}

func TestServeWarnsOffLoopbackAndPointsToTLS(t *testing.T) {
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	t.Setenv("WECOM_BRIDGE_TOKEN", strings.Repeat("t", 40))
	out := runServe(t, "--addr", "0.0.0.0:0", "--allowed-host", "bridge.example.com")
	if !strings.Contains(out, "WARNING") || !strings.Contains(out, "TLS") || !strings.Contains(out, "警告") {
		t.Fatalf("want a warning in both languages pointing to TLS:\n%s", out)
	}
}

func TestServeRefusesAShortToken(t *testing.T) {
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	t.Setenv("WECOM_BRIDGE_TOKEN", "x")
	err := Serve(context.Background(), t.TempDir(), []string{"--addr", "127.0.0.1:0"}, fstest.MapFS{}, bindNothing, &syncBuffer{})
	if err == nil || !strings.Contains(err.Error(), "at least 32") {
		t.Fatalf("a 1-character token must stop serve: %v", err)
	}
}
