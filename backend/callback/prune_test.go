package callback

import (
	"testing"
	"time"
)

// TestPruneKeepsRecentEvents: events received before the cut go, newer stay,
// and old refusal counts go with them.
func TestPruneKeepsRecentEvents(t *testing.T) {
	e := newEnv(t)
	a := loadVectors(t)[0]
	c := e.addCorp(a, "218")
	path := "/callback/app/" + c.Key + "/218" + query(a.Post.Sig, a.Post.TS, a.Post.Nonce)
	e.do("POST", path, a.Post.Body)
	e.do("POST", path, a.Post.Body)
	e.do("POST", path+"x", a.Post.Body) // a refusal (bad signature)
	evs, _ := e.svc.List(e.ctx, Filter{})
	if len(evs) != 2 {
		t.Fatalf("%d events", len(evs))
	}
	e.st.DB.Exec(`UPDATE callback_events SET received_at = ? WHERE id = ?`, time.Now().Add(-100*24*time.Hour).UnixMilli(), evs[1].ID)
	e.st.DB.Exec(`UPDATE callback_rejections SET day = '2000-01-01'`)
	n, err := e.svc.Prune(e.ctx, time.Now().Add(-Retention))
	if err != nil || n != 1 {
		t.Fatalf("pruned %d, %v", n, err)
	}
	left, _ := e.svc.List(e.ctx, Filter{})
	if len(left) != 1 || left[0].ID != evs[0].ID {
		t.Fatalf("left %+v", left)
	}
	if rej, _ := e.svc.Rejections(e.ctx, 0, 366); len(rej) != 0 {
		t.Fatalf("old refusal counts kept: %+v", rej)
	}
}
