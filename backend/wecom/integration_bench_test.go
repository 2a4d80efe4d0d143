package wecom_test

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"testing"
	"time"

	"wecom-bridge/backend/bench"
	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

const (
	overheadCalls  = 20000
	overheadRounds = 4 // (a) and (b) alternate in rounds, so load on the machine hits both alike
)

// TestBenchClientOverhead measures what the client adds to one call: the same
// department/get calls made (a) with net/http and a JSON decode, and (b)
// through the client with its token cached and a limiter that never waits.
// Both use their own transport of the same configuration, one goroutine, and
// the simulator on 127.0.0.1 with its rate limit off.
func TestBenchClientOverhead(t *testing.T) {
	bench.Require(t)
	ctx := t.Context()
	org := wecomsim.GenerateOrg(wecomsim.GenerateOptions{Seed: 7, Users: 120, Departments: 12})
	sim := wecomsim.New(org, wecomsim.WithRateLimit(0))
	srv, err := sim.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()

	var cred wecom.Credential
	for _, a := range org.Apps {
		if a.AgentID == wecomsim.AgentAll {
			cred = wecom.Credential{Name: a.Name, AgentID: int64(a.AgentID), Secret: a.Secret}
		}
	}
	c := wecom.New(org.CorpID, wecom.WithBaseURL(srv.URL),
		wecom.WithHTTPClient(&http.Client{Transport: newTransport()}),
		wecom.WithLimiter(wecom.NewLimiter(1<<30)))
	token, err := c.AccessToken(ctx, cred)
	if err != nil {
		t.Fatal(err)
	}
	raw := rawDepartmentGetter(srv.URL, token)
	viaClient := func() error { _, err := c.GetDepartment(ctx, cred, 1); return err }

	for _, warm := range []func() error{raw, viaClient} {
		if err := repeat(warm, 1000); err != nil {
			t.Fatal(err)
		}
	}
	var rawTotal, clientTotal time.Duration
	for range overheadRounds {
		d, err := timed(raw, overheadCalls/overheadRounds)
		if err != nil {
			t.Fatal(err)
		}
		rawTotal += d
		if d, err = timed(viaClient, overheadCalls/overheadRounds); err != nil {
			t.Fatal(err)
		}
		clientTotal += d
	}
	if n := sim.Stats()["gettoken"]; n != 1 {
		t.Errorf("gettoken called %d times; the token should stay cached", n)
	}

	perCall := float64(clientTotal-rawTotal) / overheadCalls / float64(time.Microsecond)
	note := fmt.Sprintf("%d department/get calls, one goroutine: net/http+json %v, client %v", overheadCalls,
		rawTotal.Round(time.Millisecond), clientTotal.Round(time.Millisecond))
	bench.Report(bench.Figure{Name: "wecom_client_overhead_per_call_us", Value: round2(perCall), Unit: "µs", Note: note})
	bench.Report(bench.Figure{Name: "wecom_client_calls_per_sec", Value: round2(overheadCalls / clientTotal.Seconds()),
		Unit: "calls/s", Note: "through the client, sequential, simulator on 127.0.0.1"})
}

// rawDepartmentGetter returns one department/get made with net/http alone.
func rawDepartmentGetter(base, token string) func() error {
	hc := &http.Client{Transport: newTransport()}
	url := base + "/cgi-bin/department/get?access_token=" + token + "&id=1"
	return func() error {
		resp, err := hc.Get(url)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			return err
		}
		var out struct {
			ErrCode    int              `json:"errcode"`
			ErrMsg     string           `json:"errmsg"`
			Department wecom.Department `json:"department"`
		}
		if err := json.Unmarshal(body, &out); err != nil {
			return err
		}
		if out.ErrCode != 0 {
			return fmt.Errorf("errcode %d: %s", out.ErrCode, out.ErrMsg)
		}
		return nil
	}
}

func repeat(fn func() error, n int) error {
	for range n {
		if err := fn(); err != nil {
			return err
		}
	}
	return nil
}

func timed(fn func() error, n int) (time.Duration, error) {
	start := time.Now()
	err := repeat(fn, n)
	return time.Since(start), err
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
