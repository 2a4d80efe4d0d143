package wecom_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// TestIntegrationUntrustedIPNamesTheIPAndTheFix: with the trusted-IP rule on
// for the app, the call fails at once with 60020; the error's hint quotes the
// caller's IP from WeCom's errmsg and says to add it to 企业可信IP. Adding
// exactly that IP makes the same call succeed.
func TestIntegrationUntrustedIPNamesTheIPAndTheFix(t *testing.T) {
	env := newSimEnv(t)
	ctx := t.Context()
	cred := env.app(wecomsim.AgentAll)
	c := env.client()
	env.sim.SetTrustedIPOnly(wecomsim.AgentAll) // no IPs configured yet: everyone refused

	_, err := c.GetDepartment(ctx, cred, 1)
	var apiErr *wecom.Error
	if !errors.As(err, &apiErr) || apiErr.Code != wecom.CodeUntrustedIP {
		t.Fatalf("err = %v, want *wecom.Error 60020", err)
	}
	if n := env.calls("department/get"); n != 1 {
		t.Errorf("simulator saw %d calls, want 1 (60020 is never retried)", n)
	}
	if n := logLines(env.logs.String(), "wecom: retrying"); n != 0 {
		t.Errorf("%d retry log lines, want 0", n)
	}

	ip := wecom.IPFromErrMsg(apiErr.Msg)
	if ip != "127.0.0.1" {
		t.Fatalf("IP from errmsg %q = %q, want 127.0.0.1", apiErr.Msg, ip)
	}
	for _, h := range []wecom.ErrorHint{apiErr.Hint(), wecom.Hint(wecom.ErrCode(err), apiErr.Msg)} {
		if !strings.Contains(h.Fix.ZH, "127.0.0.1") || !strings.Contains(h.Fix.ZH, "企业可信IP") {
			t.Errorf("hint fix %q should quote 127.0.0.1 and name 企业可信IP", h.Fix.ZH)
		}
		if !strings.Contains(h.Fix.EN, "127.0.0.1") {
			t.Errorf("English fix %q should quote 127.0.0.1", h.Fix.EN)
		}
	}
	env.assertNoSecretIn("60020 error", err.Error())

	env.sim.SetTrustedIPOnly(wecomsim.AgentAll, ip) // what the hint says to do
	if _, err := c.GetDepartment(ctx, cred, 1); err != nil {
		t.Errorf("after adding %s to the trusted IPs: %v", ip, err)
	}
}

// TestIntegrationWrongSecretOrCorpIsNotRetriedNorLogged: a secret the corp
// does not know (40001) and a wrong corp ID (40013) fail at gettoken, once
// each, and the wrong secret shows up in neither the error nor the logs.
func TestIntegrationWrongSecretOrCorpIsNotRetriedNorLogged(t *testing.T) {
	env := newSimEnv(t)
	ctx := t.Context()
	wrong := wecom.Credential{Name: "typo", AgentID: wecomsim.AgentAll, Secret: "Wr0ngSecretWr0ngSecretWr0ngSecretWr0ngSecr"}

	_, err := env.client().GetDepartment(ctx, wrong, 1)
	if wecom.ErrCode(err) != wecom.CodeInvalidSecret {
		t.Fatalf("wrong secret: err = %v, want 40001", err)
	}
	otherCorp := wecom.New("wwnotthiscorp0001", wecom.WithBaseURL(env.url), wecom.WithLogger(env.log),
		wecom.WithHTTPClient(&http.Client{Transport: env.wire}))
	if _, err := otherCorp.GetDepartment(ctx, env.app(wecomsim.AgentAll), 1); wecom.ErrCode(err) != 40013 {
		t.Fatalf("wrong corp ID: err = %v, want 40013", err)
	}
	if n := env.calls("gettoken"); n != 2 {
		t.Errorf("simulator saw %d gettoken calls, want 2 (neither retried)", n)
	}
	if n := env.calls("department/get"); n != 0 {
		t.Errorf("simulator saw %d department/get calls, want 0", n)
	}
	if strings.Contains(err.Error(), wrong.Secret) || strings.Contains(env.logs.String(), wrong.Secret) {
		t.Error("the wrong secret appears in the error or the logs")
	}
}

// TestIntegrationCancelStopsASlowCall: the simulator answers department/get
// after 2 s; the caller cancels 50 ms in. The call returns context.Canceled
// well before the answer, and nothing is retried after the cancel.
func TestIntegrationCancelStopsASlowCall(t *testing.T) {
	const latency = 2 * time.Second
	env := newSimEnv(t, wecomsim.WithFaults(wecomsim.Faults{
		PerAPI: map[string]wecomsim.Fault{"department/get": {Latency: latency}},
	}))
	cred := env.app(wecomsim.AgentAll)
	c := env.client()
	if _, err := c.AccessToken(t.Context(), cred); err != nil { // gettoken is not slowed
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		_, err := c.GetDepartment(ctx, cred, 1)
		done <- err
	}()
	waitFor(t, func() bool { return env.calls("department/get") == 1 }) // in flight at the simulator
	time.Sleep(50*time.Millisecond - time.Since(start))
	cancel()
	cancelled := time.Now()

	var err error
	select {
	case err = <-done:
	case <-time.After(latency + time.Second):
		t.Fatal("the call did not return after its context was cancelled")
	}
	stopped := time.Since(cancelled)
	t.Logf("cancel to return: %v (call lasted %v)", stopped, time.Since(start))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if stopped >= time.Second { // generous bound; the real figure is logged above
		t.Errorf("the call took %v to stop after cancel", stopped)
	}

	time.Sleep(200 * time.Millisecond) // a retry after the cancel would show up by now
	if n := env.calls("department/get"); n != 1 {
		t.Errorf("simulator saw %d department/get calls, want 1 (no retry after cancel)", n)
	}
	if n := env.wire.sent("department/get"); n != 1 {
		t.Errorf("client sent %d department/get requests, want 1", n)
	}
}

// waitFor polls cond for up to 5 s.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5 s")
		}
	}
}

// TestIntegrationHungHostCostsOneAttemptTimeoutPerAttempt: a host that takes
// the request and never answers (the simulator's latency fault set to an
// hour) fails each attempt after the attempt timeout, is retried like a broken
// connection, and the call ends on its own with an error naming the timeout,
// while the caller's context is still alive.
func TestIntegrationHungHostCostsOneAttemptTimeoutPerAttempt(t *testing.T) {
	env := newSimEnv(t)
	cred := env.app(wecomsim.AgentAll)
	c := env.client(wecom.WithAttemptTimeout(50 * time.Millisecond))
	if _, err := c.AccessToken(t.Context(), cred); err != nil {
		t.Fatal(err)
	}
	env.sim.SetFaults(wecomsim.Faults{PerAPI: map[string]wecomsim.Fault{"department/get": {Latency: time.Hour}}})

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	_, err := c.GetDepartment(ctx, cred, 1)
	var te *wecom.AttemptTimeoutError
	if !errors.As(err, &te) || te.API != "department/get" || !strings.Contains(err.Error(), "no answer within 50ms") {
		t.Fatalf("err = %v, want an AttemptTimeoutError for department/get", err)
	}
	if ctx.Err() != nil {
		t.Fatal("the call must end by its attempt timeout, not by the caller's context")
	}
	if n := env.calls("department/get"); n != 4 {
		t.Errorf("simulator saw %d attempts, want 4 (first + 3 retries)", n)
	}
}

// TestIntegrationCancelStopsAHungCall: cancelling the caller's context ends a
// call waiting on a hung host at once, without further retries.
func TestIntegrationCancelStopsAHungCall(t *testing.T) {
	env := newSimEnv(t)
	cred := env.app(wecomsim.AgentAll)
	c := env.client() // the default 15 s attempt timeout: only the cancel can end it early
	if _, err := c.AccessToken(t.Context(), cred); err != nil {
		t.Fatal(err)
	}
	env.sim.SetFaults(wecomsim.Faults{PerAPI: map[string]wecomsim.Fault{"department/get": {Latency: time.Hour}}})
	ctx, cancel := context.WithCancel(t.Context())
	go func() {
		for env.calls("department/get") == 0 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	_, err := c.GetDepartment(ctx, cred, 1)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n := env.calls("department/get"); n != 1 {
		t.Errorf("simulator saw %d attempts, want 1 (no retry after cancel)", n)
	}
}
