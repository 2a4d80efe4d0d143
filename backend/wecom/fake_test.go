package wecom

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Test credentials. The secret and the tokens are distinctive so a leak test
// can search every log line and error text for them.
const (
	testCorpID = "wwTESTCORP0001"
	testSecret = "SeCrEt-Do-Not-Leak-0123456789abcdef"
)

var testCred = Credential{Name: "测试应用", AgentID: 1000002, Secret: testSecret}

// fakeWeCom is a minimal WeCom server for the client's tests: it issues
// tokens, checks them, records requests and answers per API.
type fakeWeCom struct {
	t   *testing.T
	srv *httptest.Server

	mu        sync.Mutex
	issued    []string // tokens handed out, in order
	revoked   map[string]bool
	expiresIn int
	calls     map[string]int // by API (path after /cgi-bin/)
	last      map[string]recorded
	handlers  map[string]http.HandlerFunc
}

type recorded struct {
	Method string
	Query  map[string][]string
	Body   []byte
}

func newFake(t *testing.T) *fakeWeCom {
	t.Helper()
	f := &fakeWeCom{
		t: t, revoked: map[string]bool{}, expiresIn: 7200,
		calls: map[string]int{}, last: map[string]recorded{}, handlers: map[string]http.HandlerFunc{},
	}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeWeCom) serve(w http.ResponseWriter, r *http.Request) {
	api := strings.TrimPrefix(r.URL.Path, "/cgi-bin/")
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	f.mu.Lock()
	f.calls[api]++
	f.last[api] = recorded{Method: r.Method, Query: r.URL.Query(), Body: body}
	h := f.handlers[api]
	f.mu.Unlock()

	if api == "gettoken" && h == nil {
		f.gettoken(w, r)
		return
	}
	if api != "gettoken" && !f.tokenOK(r.URL.Query().Get("access_token")) {
		writeJSON(w, `{"errcode":40014,"errmsg":"invalid access_token"}`)
		return
	}
	if h == nil {
		writeJSON(w, `{"errcode":0,"errmsg":"ok"}`)
		return
	}
	h(w, r)
}

func (f *fakeWeCom) gettoken(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("corpid") != testCorpID {
		writeJSON(w, `{"errcode":40013,"errmsg":"invalid corpid"}`)
		return
	}
	if q.Get("corpsecret") != testSecret {
		writeJSON(w, `{"errcode":40001,"errmsg":"invalid credential"}`)
		return
	}
	f.mu.Lock()
	tok := fmt.Sprintf("TOKEN-%04d-mustNeverBeLogged", len(f.issued)+1)
	f.issued = append(f.issued, tok)
	exp := f.expiresIn
	f.mu.Unlock()
	writeJSON(w, fmt.Sprintf(`{"errcode":0,"errmsg":"ok","access_token":%q,"expires_in":%d}`, tok, exp))
}

func (f *fakeWeCom) tokenOK(tok string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, t := range f.issued {
		if t == tok {
			return !f.revoked[tok]
		}
	}
	return false
}

// on sets the handler of an API (token checking stays in front of it).
func (f *fakeWeCom) on(api string, h http.HandlerFunc) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.handlers[api] = h
}

// reply makes api answer with a fixed body.
func (f *fakeWeCom) reply(api, body string) {
	f.on(api, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, body) })
}

// replyFile makes api answer with testdata/<file>.
func (f *fakeWeCom) replyFile(api, file string) {
	f.reply(api, string(readTestdata(f.t, file)))
}

// sequence makes api answer with bodies in turn, repeating the last one.
func (f *fakeWeCom) sequence(api string, bodies ...string) {
	var mu sync.Mutex
	i := 0
	f.on(api, func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		b := bodies[min(i, len(bodies)-1)]
		i++
		mu.Unlock()
		writeJSON(w, b)
	})
}

func (f *fakeWeCom) count(api string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[api]
}

func (f *fakeWeCom) lastRequest(api string) recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.last[api]
}

func (f *fakeWeCom) tokens() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.issued...)
}

// issue registers a token handed out by a custom gettoken handler.
func (f *fakeWeCom) issue(tok string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.issued = append(f.issued, tok)
}

func (f *fakeWeCom) revokeAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, t := range f.issued {
		f.revoked[t] = true
	}
}

func writeJSON(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	io.WriteString(w, body)
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fakeClock moves only when someone waits on it: After advances time by d at
// once, so minutes of rate limiting run instantly and deterministically.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock(t time.Time) *fakeClock { return &fakeClock{now: t} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	c.now = c.now.Add(d)
	t := c.now
	c.mu.Unlock()
	ch := make(chan time.Time, 1)
	ch <- t
	return ch
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// logBuffer collects log output safely from many goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newTestClient returns a client on f with a fake clock, tiny backoff and a
// debug logger writing into the returned buffer.
func newTestClient(t *testing.T, f *fakeWeCom, opts ...Option) (*Client, *fakeClock, *logBuffer) {
	t.Helper()
	clk := newFakeClock(time.Date(2024, 3, 1, 10, 0, 30, 0, time.UTC))
	logs := &logBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	base := []Option{WithBaseURL(f.srv.URL), WithClock(clk), WithLogger(logger),
		WithRetryBackoff(time.Millisecond, 4*time.Millisecond)}
	return New(testCorpID, append(base, opts...)...), clk, logs
}

// assertJSONEqual compares two JSON documents as values (key order and
// spacing aside, every key and value must match).
func assertJSONEqual(t *testing.T, want, got []byte) {
	t.Helper()
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("golden is not JSON: %v", err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("request is not JSON: %v\n%s", err, got)
	}
	wn, _ := json.Marshal(w)
	gn, _ := json.Marshal(g)
	if !bytes.Equal(wn, gn) {
		t.Errorf("request JSON differs\nwant %s\ngot  %s", wn, gn)
	}
}
