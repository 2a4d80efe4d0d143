package wecom_test

import (
	"errors"
	"io"
	"net/http"
	"syscall"
	"testing"

	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

const (
	faultyAPI   = "department/get"
	faultyCalls = 200
	maxAttempts = 4 // the first try and 3 retries
)

// callOutcome is one client call seen from the client's side of the wire.
type callOutcome struct {
	err      error
	attempts int // requests the client sent for it
}

// runFaultyCalls makes faultyCalls sequential department/get calls (in order,
// so the simulator's seeded fault sequence is the same on every run) and
// counts each call's attempts on the wire.
func runFaultyCalls(t *testing.T, env *simEnv, c *wecom.Client) []callOutcome {
	t.Helper()
	ctx := t.Context()
	cred := env.app(wecomsim.AgentAll)
	if _, err := c.AccessToken(ctx, cred); err != nil { // gettoken itself is not faulty
		t.Fatal(err)
	}
	out := make([]callOutcome, faultyCalls)
	for i := range out {
		before := env.wire.sent(faultyAPI)
		_, err := c.GetDepartment(ctx, cred, 1)
		out[i] = callOutcome{err: err, attempts: env.wire.sent(faultyAPI) - before}
		if err != nil {
			env.assertNoSecretIn("error", err.Error())
		}
	}
	return out
}

// tally checks every call either succeeded within maxAttempts or failed
// after exactly maxAttempts with an error isFault accepts, and returns the
// successes and the total attempts.
func tally(t *testing.T, out []callOutcome, isFault func(error) bool) (ok, attempts int) {
	t.Helper()
	for i, o := range out {
		attempts += o.attempts
		switch {
		case o.err == nil && o.attempts >= 1 && o.attempts <= maxAttempts:
			ok++
		case o.err == nil:
			t.Errorf("call %d succeeded after %d attempts, want 1..%d", i, o.attempts, maxAttempts)
		case !isFault(o.err):
			t.Errorf("call %d failed with an unexpected error: %v", i, o.err)
		case o.attempts != maxAttempts:
			t.Errorf("call %d gave up after %d attempts, want %d (3 retries)", i, o.attempts, maxAttempts)
		}
	}
	if ok == 0 || ok == len(out) {
		t.Errorf("%d of %d calls succeeded; the fault rate should give both outcomes", ok, len(out))
	}
	return ok, attempts
}

// TestIntegrationSystemBusyRetried: at 50% errcode -1 on one API (fixed seed)
// every call succeeds within 3 retries or returns the -1 error after 3; the
// simulator's counts, the wire's counts and the retry log lines all agree.
func TestIntegrationSystemBusyRetried(t *testing.T) {
	env := newSimEnv(t, wecomsim.WithFaults(wecomsim.Faults{
		Seed:   42,
		PerAPI: map[string]wecomsim.Fault{faultyAPI: {ErrorRate: 0.5}},
	}))
	out := runFaultyCalls(t, env, env.client())
	ok, attempts := tally(t, out, func(err error) bool { return wecom.ErrCode(err) == wecom.CodeSystemBusy })

	busy := attempts - ok // every attempt that did not succeed was answered -1
	if n := env.calls(faultyAPI); n != int64(attempts) {
		t.Errorf("simulator saw %d calls, client sent %d", n, attempts)
	}
	if n := env.sim.Counters().Faults.Errors; n != int64(busy) {
		t.Errorf("simulator injected %d × -1, client saw %d", n, busy)
	}
	if n := env.errcodes(wecom.CodeSystemBusy); n != int64(busy) {
		t.Errorf("simulator answered -1 %d times, want %d", n, busy)
	}
	if n := logLines(env.logs.String(), "wecom: retrying", `reason="system busy"`); n != attempts-len(out) {
		t.Errorf("%d retry log lines, want %d (attempts − calls)", n, attempts-len(out))
	}
	t.Logf("%d calls: %d ok, %d gave up; %d attempts, %d × -1", len(out), ok, len(out)-ok, attempts, busy)
}

// TestIntegrationGatewayFaultsRetried: HTTP 502s and connections closed
// without an answer are retried like -1. Keep-alive is off so each attempt
// has its own connection: on a reused connection Go's transport replays an
// idempotent GET by itself, and the simulator would count attempts the
// client never made.
func TestIntegrationGatewayFaultsRetried(t *testing.T) {
	env := newSimEnv(t, wecomsim.WithFaults(wecomsim.Faults{
		Seed:   11,
		PerAPI: map[string]wecomsim.Fault{faultyAPI: {HTTP502Rate: 0.3, DropRate: 0.25}},
	}))
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DisableKeepAlives = true
	env.wire.next = tr
	out := runFaultyCalls(t, env, env.client())
	ok, attempts := tally(t, out, func(err error) bool {
		var he *wecom.HTTPError
		return (errors.As(err, &he) && he.StatusCode == http.StatusBadGateway) ||
			errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET)
	})

	f := env.sim.Counters().Faults
	if n := env.calls(faultyAPI); n != int64(attempts) {
		t.Errorf("simulator saw %d calls, client sent %d", n, attempts)
	}
	if f.HTTP502+f.Drops != int64(attempts-ok) || f.HTTP502 == 0 || f.Drops == 0 {
		t.Errorf("simulator injected %d × 502 and %d drops, client saw %d failed attempts", f.HTTP502, f.Drops, attempts-ok)
	}
	logs := env.logs.String()
	retries := logLines(logs, "wecom: retrying", `reason="http 5xx"`) + logLines(logs, "wecom: retrying", "reason=connection")
	if retries != attempts-len(out) {
		t.Errorf("%d retry log lines, want %d", retries, attempts-len(out))
	}
	t.Logf("%d calls: %d ok, %d gave up; %d attempts, %d × 502, %d drops", len(out), ok, len(out)-ok, attempts, f.HTTP502, f.Drops)
}
