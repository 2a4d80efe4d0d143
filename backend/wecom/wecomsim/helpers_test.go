package wecomsim

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"
)

// testStart is a Monday, on a minute boundary, on the simulator clock.
var testStart = time.Date(2024, 5, 6, 10, 0, 0, 0, chinaTime)

// testEnv is a simulator serving DemoOrg over real HTTP with a fixed clock.
type testEnv struct {
	t   *testing.T
	sim *Sim
	org *Org
	url string
}

func newEnv(t *testing.T, opts ...Option) *testEnv {
	t.Helper()
	return newEnvOrg(t, DemoOrg(), opts...)
}

func newEnvOrg(t *testing.T, org *Org, opts ...Option) *testEnv {
	t.Helper()
	opts = append([]Option{WithClock(NewFixedClock(testStart))}, opts...)
	sim := New(org, opts...)
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	return &testEnv{t: t, sim: sim, org: org, url: srv.URL}
}

// answer is a decoded WeCom JSON answer.
type answer map[string]any

func (a answer) code() int {
	f, _ := a["errcode"].(float64)
	return int(f)
}

func (a answer) str(k string) string { s, _ := a[k].(string); return s }

func (a answer) list(k string) []any { l, _ := a[k].([]any); return l }

func (e *testEnv) do(method, path string, q url.Values, body any) answer {
	e.t.Helper()
	var rd io.Reader
	if body != nil {
		b, ok := body.([]byte)
		if !ok {
			var err error
			if b, err = json.Marshal(body); err != nil {
				e.t.Fatal(err)
			}
		}
		rd = bytes.NewReader(b)
	}
	u := e.url + path
	if q != nil {
		u += "?" + q.Encode()
	}
	req, err := http.NewRequest(method, u, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var a answer
	if err := json.Unmarshal(raw, &a); err != nil {
		e.t.Fatalf("%s %s: HTTP %d, not JSON: %s", method, path, resp.StatusCode, raw)
	}
	return a
}

// api calls /cgi-bin/<api> with token; body nil means GET.
func (e *testEnv) api(api, token string, q url.Values, body any) answer {
	e.t.Helper()
	if q == nil {
		q = url.Values{}
	}
	if token != "" {
		q.Set("access_token", token)
	}
	if body == nil {
		return e.do(http.MethodGet, "/cgi-bin/"+api, q, nil)
	}
	return e.do(http.MethodPost, "/cgi-bin/"+api, q, body)
}

func (e *testEnv) token(secret string) string {
	e.t.Helper()
	a := e.api("gettoken", "", url.Values{"corpid": {e.org.CorpID}, "corpsecret": {secret}}, nil)
	if a.code() != 0 {
		e.t.Fatalf("gettoken: %v", a)
	}
	return a.str("access_token")
}

func (e *testEnv) contactToken() string { return e.token(e.org.ContactSecret) }

func (e *testEnv) appToken(agent int) string {
	for _, a := range e.org.Apps {
		if a.AgentID == agent {
			return e.token(a.Secret)
		}
	}
	e.t.Fatalf("no app %d", agent)
	return ""
}

func q(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

func wantCode(t *testing.T, a answer, code int) {
	t.Helper()
	if a.code() != code {
		t.Fatalf("errcode = %d, want %d (answer %v)", a.code(), code, a)
	}
}

// userIn returns a member of the demo org in department d (first department).
func (e *testEnv) userIn(d int) User {
	for _, u := range e.org.Users {
		if u.Department[0] == d && u.Status == 1 {
			return u
		}
	}
	e.t.Fatalf("no active user in department %d", d)
	return User{}
}

func (e *testEnv) activeUsers(n int) []string {
	var out []string
	for _, u := range e.org.Users {
		if u.Status == 1 && len(out) < n {
			out = append(out, u.UserID)
		}
	}
	return out
}
