package wecomsim

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestTokenExpiresOnTheSimulatorClock(t *testing.T) {
	e := newEnv(t, WithTokenTTL(10*time.Minute))
	tok := e.contactToken()
	wantCode(t, e.api("department/simplelist", tok, nil, nil), 0)

	if again := e.contactToken(); again != tok {
		t.Fatalf("gettoken within the TTL gave a new token")
	}
	e.sim.Clock().Advance(10*time.Minute + time.Second)
	a := e.api("department/simplelist", tok, nil, nil)
	wantCode(t, a, 42001)

	fresh := e.contactToken()
	if fresh == tok {
		t.Fatal("gettoken after expiry returned the expired token")
	}
	wantCode(t, e.api("department/simplelist", fresh, nil, nil), 0)
}

func TestTokenErrors(t *testing.T) {
	e := newEnv(t)
	corp, secret := e.org.CorpID, e.org.ContactSecret
	cases := []struct {
		name string
		q    []string
		want int
	}{
		{"wrong corpid", []string{"corpid", "ww0000000000000000", "corpsecret", secret}, 40013},
		{"wrong secret", []string{"corpid", corp, "corpsecret", strings.Repeat("x", 43)}, 40001},
		{"missing corpid", []string{"corpsecret", secret}, 41002},
		{"missing secret", []string{"corpid", corp}, 41004},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantCode(t, e.api("gettoken", "", q(c.q...), nil), c.want)
		})
	}
	wantCode(t, e.api("user/get", "", q("userid", "x"), nil), 41001)
	wantCode(t, e.api("user/get", "not-a-token", q("userid", "x"), nil), 40014)
}

func TestErrmsgLooksLikeWeCom(t *testing.T) {
	e := newEnv(t)
	a := e.api("user/get", "bogus", q("userid", "x"), nil)
	re := regexp.MustCompile(`^invalid credential, access_token is invalid or not latest, hint: \[\d+_\d+_[0-9a-z]+\], from ip: 127\.0\.0\.1, more info at https://open\.work\.weixin\.qq\.com/devtool/query\?e=40014$`)
	if !re.MatchString(a.str("errmsg")) {
		t.Fatalf("errmsg = %q", a.str("errmsg"))
	}
}

func TestRevokedTokenIsInvalid(t *testing.T) {
	e := newEnv(t)
	tok := e.contactToken()
	e.sim.RevokeTokens()
	wantCode(t, e.api("department/simplelist", tok, nil, nil), 40014)
	wantCode(t, e.api("department/simplelist", e.contactToken(), nil, nil), 0)
}

func TestExpiresInCountsDown(t *testing.T) {
	e := newEnv(t)
	first := e.api("gettoken", "", q("corpid", e.org.CorpID, "corpsecret", e.org.ContactSecret), nil)
	e.sim.Clock().Advance(100 * time.Second)
	second := e.api("gettoken", "", q("corpid", e.org.CorpID, "corpsecret", e.org.ContactSecret), nil)
	if first["expires_in"].(float64) != 7200 || second["expires_in"].(float64) != 7100 {
		t.Fatalf("expires_in = %v then %v, want 7200 then 7100", first["expires_in"], second["expires_in"])
	}
}
