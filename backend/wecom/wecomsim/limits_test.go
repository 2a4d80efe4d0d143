package wecomsim

import (
	"net/http"
	"testing"
	"time"
)

func TestPerMinuteLimitAnswers45009UntilNextMinute(t *testing.T) {
	e := newEnv(t, WithRateLimit(20))
	tok := e.contactToken() // gettoken has its own window
	for i := 0; i < 20; i++ {
		wantCode(t, e.api("department/simplelist", tok, nil, nil), 0)
	}
	wantCode(t, e.api("department/simplelist", tok, nil, nil), 45009)
	wantCode(t, e.api("user/list_id", tok, nil, map[string]any{"limit": 1}), 0) // per API

	e.sim.Clock().Advance(59 * time.Second) // still the same calendar minute
	wantCode(t, e.api("department/simplelist", tok, nil, nil), 45009)
	e.sim.Clock().Advance(time.Second)
	wantCode(t, e.api("department/simplelist", tok, nil, nil), 0)
	if n := e.sim.Counters().RateLimited; n != 2 {
		t.Fatalf("rate_limited = %d, want 2", n)
	}
}

func TestPerAPIRateLimitOverride(t *testing.T) {
	e := newEnv(t)
	tok := e.contactToken()
	if !e.sim.SetRateLimit("user/get", 2) || e.sim.SetRateLimit("no/such", 1) {
		t.Fatal("SetRateLimit result")
	}
	u := e.activeUsers(1)[0]
	wantCode(t, e.api("user/get", tok, q("userid", u), nil), 0)
	wantCode(t, e.api("user/get", tok, q("userid", u), nil), 0)
	wantCode(t, e.api("user/get", tok, q("userid", u), nil), 45009)
	wantCode(t, e.api("department/simplelist", tok, nil, nil), 0)
	e.sim.ResetCounters()
	wantCode(t, e.api("user/get", tok, q("userid", u), nil), 0)
}

func TestPostOnlyAPIRejectsGET(t *testing.T) {
	e := newEnv(t)
	a := e.do(http.MethodGet, "/cgi-bin/user/create", q("access_token", e.contactToken()), nil)
	wantCode(t, a, 40058)
}
