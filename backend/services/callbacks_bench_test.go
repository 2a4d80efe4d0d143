package services

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"wecom-bridge/backend/bench"
	"wecom-bridge/backend/callback"
)

// TestBenchCallbackReceipt: the simulator's encrypted change_contact events
// at 200 a second for 15 s, open loop, against the production route table
// over real HTTP, while the worker processes them (mirror reads, rematches):
// the time to answer WeCom.
func TestBenchCallbackReceipt(t *testing.T) {
	bench.Require(t)
	const rate, seconds = 200, 15
	var smu sync.Mutex
	var server []float64
	s, c, sim, _ := callbackEnvWith(t, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			t0 := time.Now()
			h.ServeHTTP(w, r)
			smu.Lock()
			server = append(server, float64(time.Since(t0).Microseconds())/1000)
			smu.Unlock()
		})
	})
	users, _ := s.Mirror.Users(context.Background(), c.ID)
	var mu sync.Mutex
	var lat []float64
	failed := 0
	var wg sync.WaitGroup
	tick := time.NewTicker(time.Second / rate)
	start := time.Now()
	for i := 0; i < rate*seconds; i++ {
		<-tick.C
		wg.Add(1)
		go func() {
			defer wg.Done()
			plain := fmt.Sprintf("<xml><ToUserName><![CDATA[%s]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>"+
				"<CreateTime>%d</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event>"+
				"<ChangeType>update_user</ChangeType><UserID><![CDATA[%s]]></UserID></xml>", sim.CorpID(), 1700000000+i, users[i%len(users)].UserID)
			t0 := time.Now()
			d, err := sim.SendCallback(context.Background(), 0, "change_contact", []byte(plain))
			el := float64(time.Since(t0).Microseconds()) / 1000
			mu.Lock()
			defer mu.Unlock()
			if err != nil || d.Status != http.StatusOK || d.Attempts != 1 {
				failed++
				return
			}
			lat = append(lat, el)
		}()
	}
	tick.Stop()
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(lat)
	slices.Sort(server)
	var done int
	s.Store.DB.Get(&done, `SELECT COUNT(*) FROM callback_events WHERE state <> 'received'`)
	note := fmt.Sprintf("%d callbacks in %.1fs (%d failed or retried), open loop at %d/s, encrypted by the simulator; processed %d meanwhile; in the handler p50 %.2f ms p99 %.2f ms; load average %s",
		len(lat)+failed, elapsed.Seconds(), failed, rate, done, bench.Percentile(server, .5), bench.Percentile(server, .99), bench.LoadAverage())
	bench.Report(bench.Figure{Name: "callback_receipt_p50_ms", Value: bench.Percentile(lat, .5), Unit: "ms", Note: note})
	bench.Report(bench.Figure{Name: "callback_receipt_p99_ms", Value: bench.Percentile(lat, .99), Unit: "ms", Target: "p99 <= 50 ms", Note: note})
	if failed > 0 {
		t.Errorf("%d callbacks failed or were retried", failed)
	}
}

// TestBenchContactChangeToMirror: a member's position changed in WeCom (the
// simulator, through its API) until the mirror shows it: callback, receipt,
// user/get, mirror write. 15 changes, one at a time, a second apart (events
// of one member in the same second that say the same thing merge: docs/callbacks.md).
func TestBenchContactChangeToMirror(t *testing.T) {
	bench.Require(t)
	s, c, _ := callbackEnv(t)
	ctx := context.Background()
	m := anyMember(t, s, c.ID)
	var took []float64
	for i := range 15 {
		time.Sleep(time.Second)
		pos := fmt.Sprintf("岗位%d", i)
		t0 := time.Now()
		changePosition(t, s, c.ID, m.UserID, pos)
		eventually(t, "the mirror updated", func() bool {
			var got string
			s.Store.DB.GetContext(ctx, &got, `SELECT position FROM mirror_users WHERE corp_id = ? AND userid = ?`, c.ID, m.UserID)
			return got == pos
		})
		took = append(took, float64(time.Since(t0).Microseconds())/1000)
	}
	slices.Sort(took)
	evs, _ := s.Callbacks.List(ctx, callback.Filter{CorpRef: c.ID})
	note := fmt.Sprintf("%d changes one at a time on a %d-member demo corp; %d events logged; max %.1f ms", len(took), len(mustUsers(t, s, c.ID)), len(evs), took[len(took)-1])
	bench.Report(bench.Figure{Name: "contact_change_to_mirror_p50_ms", Value: bench.Percentile(took, .5), Unit: "ms", Note: note})
	bench.Report(bench.Figure{Name: "contact_change_to_mirror_p95_ms", Value: bench.Percentile(took, .95), Unit: "ms", Target: "<= 2000 ms", Note: note})
}

func mustUsers(t *testing.T, s *Services, corpRef int64) []string {
	users, err := s.Mirror.Users(context.Background(), corpRef)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(users))
	for _, u := range users {
		out = append(out, u.UserID)
	}
	return out
}
