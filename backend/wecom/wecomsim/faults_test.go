package wecomsim

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

// rawGet returns the HTTP status (0 when the connection dropped) and errcode.
func rawGet(t *testing.T, client *http.Client, u string) (int, int) {
	t.Helper()
	resp, err := client.Get(u)
	if err != nil {
		return 0, 0
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return resp.StatusCode, 0
	}
	var a answer
	if err := json.Unmarshal(body, &a); err != nil {
		t.Fatalf("bad body %s", body)
	}
	return resp.StatusCode, a.code()
}

func faultRun(t *testing.T, f Faults, n int) (busy, bad, dropped, ok int) {
	e := newEnv(t, WithRateLimit(0))
	tok := e.contactToken()
	e.sim.SetFaults(f)
	client := &http.Client{}
	u := e.url + "/cgi-bin/department/simplelist?access_token=" + tok
	for i := 0; i < n; i++ {
		status, code := rawGet(t, client, u)
		switch {
		case status == 0:
			dropped++
		case status == http.StatusBadGateway:
			bad++
		case code == -1:
			busy++
		case code == 0:
			ok++
		default:
			t.Fatalf("unexpected errcode %d", code)
		}
	}
	return
}

func TestFaultRatiosAreApproximateAndDeterministic(t *testing.T) {
	f := Faults{Seed: 42, Default: Fault{ErrorRate: 0.2, HTTP502Rate: 0.1, DropRate: 0.05}}
	busy, bad, dropped, ok := faultRun(t, f, 1000)
	near := func(name string, got int, want float64) {
		if g := float64(got) / 1000; g < want-0.05 || g > want+0.05 {
			t.Errorf("%s share %.3f, want about %.2f", name, g, want)
		}
	}
	near("-1", busy, 0.2)
	near("502", bad, 0.1)
	near("dropped", dropped, 0.05)
	near("ok", ok, 0.65)

	b2, bad2, d2, ok2 := faultRun(t, f, 1000)
	if b2 != busy || bad2 != bad || d2 != dropped || ok2 != ok {
		t.Fatalf("same seed, different faults: %v vs %v", []int{busy, bad, dropped, ok}, []int{b2, bad2, d2, ok2})
	}
}

func TestFaultsPerAPI(t *testing.T) {
	e := newEnv(t)
	tok := e.contactToken()
	e.sim.SetFaults(Faults{PerAPI: map[string]Fault{"user/get": {ErrorRate: 1}}})
	wantCode(t, e.api("user/get", tok, q("userid", e.activeUsers(1)[0]), nil), -1)
	wantCode(t, e.api("department/simplelist", tok, nil, nil), 0)
	if c := e.sim.Counters(); c.Faults.Errors != 1 || c.Errcodes[-1] != 1 {
		t.Fatalf("counters %+v", c)
	}
	e.sim.SetFaults(Faults{})
	wantCode(t, e.api("user/get", tok, q("userid", e.activeUsers(1)[0]), nil), 0)
}

func TestDroppedConnectionIsAnError(t *testing.T) {
	e := newEnv(t)
	e.sim.SetFaults(Faults{Default: Fault{DropRate: 1}})
	_, err := http.Get(e.url + "/cgi-bin/gettoken")
	if err == nil {
		t.Fatal("a dropped connection must surface as a transport error")
	}
	if c := e.sim.Counters(); c.Faults.Drops != 1 {
		t.Fatalf("drops = %d", c.Faults.Drops)
	}
}
