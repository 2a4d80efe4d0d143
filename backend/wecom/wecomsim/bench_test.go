package wecomsim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"wecom-bridge/backend/bench"
)

// TestBenchSimThroughput drives the simulator with concurrent keep-alive
// clients on loopback for about 3 s and reports requests per second. The mix
// is mostly reads (user/get, user/list of one department, simplelist) with
// some message/send.
func TestBenchSimThroughput(t *testing.T) {
	bench.Require(t)
	org := DemoOrg()
	sim := New(org, WithRateLimit(0), WithMemberMessageLimit(0, 0))
	srv, err := sim.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()

	const workers = 16
	tr := &http.Transport{MaxIdleConns: workers, MaxIdleConnsPerHost: workers}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	var tok string
	{
		resp, err := client.Get(srv.URL + "/cgi-bin/gettoken?corpid=" + org.CorpID + "&corpsecret=" + org.Apps[0].Secret)
		if err != nil {
			t.Fatal(err)
		}
		var a struct {
			AccessToken string `json:"access_token"`
		}
		json.NewDecoder(resp.Body).Decode(&a)
		resp.Body.Close()
		tok = a.AccessToken
	}
	base := srv.URL + "/cgi-bin/"
	users := make([]string, 0, len(org.Users))
	for _, u := range org.Users {
		users = append(users, u.UserID)
	}
	send, _ := json.Marshal(map[string]any{"touser": users[1], "msgtype": "text", "agentid": AgentAll,
		"text": map[string]string{"content": "throughput"}})

	var total, failed atomic.Int64
	deadline := time.Now().Add(3 * time.Second)
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				var resp *http.Response
				var err error
				switch i % 10 {
				case 0:
					resp, err = client.Post(base+"message/send?access_token="+tok, "application/json", bytes.NewReader(send))
				case 1, 2:
					resp, err = client.Get(fmt.Sprintf("%suser/list?access_token=%s&department_id=%d", base, tok, 2+(w+i)%39))
				case 3:
					resp, err = client.Get(base + "department/simplelist?access_token=" + tok)
				default:
					resp, err = client.Get(base + "user/get?access_token=" + tok + "&userid=" + users[(w*7919+i)%len(users)])
				}
				total.Add(1)
				if err != nil {
					failed.Add(1)
					continue
				}
				var a struct {
					Errcode int `json:"errcode"`
				}
				if json.NewDecoder(resp.Body).Decode(&a) != nil || a.Errcode != 0 {
					failed.Add(1)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}(w)
	}
	wg.Wait()
	elapsed := time.Since(start).Seconds()
	if f := failed.Load(); f > 0 {
		t.Fatalf("%d of %d requests failed", f, total.Load())
	}
	bench.Report(bench.Figure{Name: "sim_requests_per_sec", Value: float64(total.Load()) / elapsed, Unit: "req/s",
		Target: ">= 5000", Note: fmt.Sprintf("%d keep-alive clients, mixed reads and message/send, %d requests", workers, total.Load())})
}
