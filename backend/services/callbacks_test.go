package services

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"wecom-bridge/backend/callback"
	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/mirror"
	"wecom-bridge/backend/review"
	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// callbackEnv is the demo corp with the sample directory imported, pulled and
// matched, its contact callback keys saved, the production route table on a
// real HTTP server and the simulator sending contact callbacks to it.
func callbackEnv(t *testing.T) (*Services, *corp.Corp, *wecomsim.Sim) {
	s, c, sim, _ := callbackEnvWith(t, func(h http.Handler) http.Handler { return h })
	return s, c, sim
}

// callbackEnvWith is callbackEnv with the server's handler wrapped.
func callbackEnvWith(t *testing.T, wrap func(http.Handler) http.Handler) (*Services, *corp.Corp, *wecomsim.Sim, string) {
	t.Helper()
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	s := openTest(t)
	ctx := context.Background()
	c, err := s.StartDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	importSample(t, s)
	if _, err := s.Pull(ctx, c.ID, 0, "manual", "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Rematch(ctx, c.ID, "test"); err != nil {
		t.Fatal(err)
	}
	keys := corp.GenerateCallbackKeys()
	res, err := s.Corps.SaveCorp(ctx, corp.CorpInput{ID: c.ID, Name: c.Name, CorpID: c.CorpID, APIBaseURL: c.APIBaseURL,
		ProxyURL: c.ProxyURL, ContactPermission: c.ContactPermission, CallbackToken: keys.Token, CallbackAESKey: keys.EncodingAESKey})
	if err != nil || !res.OK {
		t.Fatalf("save callback keys: %v %+v", err, res.Errors)
	}
	s.ContactSync.SetQuiet(50 * time.Millisecond)
	if err := s.StartBackground(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(wrap(s.IntegrationRoutes().Mux()))
	t.Cleanup(srv.Close)
	sim := s.Corps.DemoSim()
	if err := sim.SetCallback(wecomsim.CallbackTarget{URL: srv.URL + "/callback/contact/" + c.Key, Token: keys.Token,
		EncodingAESKey: keys.EncodingAESKey}); err != nil {
		t.Fatal(err)
	}
	return s, c, sim, srv.URL
}

// eventually polls cond for up to 10 s.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 10 s", what)
		}
	}
}

// TestContactCallbacksUpdateMirrorAndBindings: a member created in WeCom (the
// simulator, through its API) reaches the mirror and 账号绑定 as a pair for
// the local account with the same account name, with no pull; after the pair
// is confirmed, renaming the userid in WeCom keeps the binding.
func TestContactCallbacksUpdateMirrorAndBindings(t *testing.T) {
	s, c, sim := callbackEnv(t)
	ctx := context.Background()
	page, err := s.Review.List(ctx, c.ID, review.Query{Filter: review.FilterUnboundLocal, Limit: 1})
	if err != nil || len(page.Rows) == 0 {
		t.Fatalf("no unbound local account to pair: %v", err)
	}
	local := page.Rows[0]
	client, creds, err := s.Corps.Client(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	email := local.Account + "@callback.example.com"
	if err := client.CreateUser(ctx, creds.Contact, wecom.UserWrite{UserID: local.Account, Name: &local.LocalName,
		Email: &email, Department: []int64{1}}); err != nil {
		t.Fatal(err)
	}
	var row review.Row
	eventually(t, "the new member's pair in 账号绑定", func() bool {
		p, err := s.Review.List(ctx, c.ID, review.Query{Search: local.Account, Limit: 10})
		for _, r := range p.Rows {
			if err == nil && strings.EqualFold(r.UserID, local.Account) && strings.EqualFold(r.Account, local.Account) {
				row = r
				return true
			}
		}
		return false
	})
	if users, _ := s.Mirror.Users(ctx, c.ID); !hasUser(users, local.Account) {
		t.Fatal("the member is not in the mirror")
	}
	if row.State != "confirmed" {
		if _, err := s.Review.Confirm(ctx, c.ID, []int64{row.ID}, "test"); err != nil {
			t.Fatal(err)
		}
	}
	renamed := local.Account + "x2"
	if err := sim.RenameUser(local.Account, renamed); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the binding following the rename", func() bool {
		pairs, err := s.Review.ConfirmedPairs(ctx, c.ID)
		return err == nil && strings.EqualFold(pairs[local.Account], renamed)
	})
	users, _ := s.Mirror.Users(ctx, c.ID)
	if !hasUser(users, renamed) || hasUser(users, local.Account) {
		t.Fatal("the mirror did not follow the rename")
	}
	evs, err := s.Callbacks.List(ctx, callback.Filter{CorpRef: c.ID, Type: "change_contact"})
	if err != nil || len(evs) < 2 {
		t.Fatalf("events %d, %v", len(evs), err)
	}
	for _, ev := range evs {
		if ev.State != callback.StateProcessed || len(ev.Effects) == 0 {
			t.Errorf("event %d (%s) = %s %+v", ev.ID, ev.ChangeType, ev.State, ev.Effects)
		}
	}
}

func hasUser(users []mirror.User, id string) bool {
	for _, u := range users {
		if strings.EqualFold(u.UserID, id) {
			return true
		}
	}
	return false
}

// contactEvents lists the corp's change_contact events, oldest first.
func contactEvents(t *testing.T, s *Services, corpRef int64) []callback.Event {
	t.Helper()
	evs, err := s.Callbacks.List(context.Background(), callback.Filter{CorpRef: corpRef, Type: "change_contact"})
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(evs)
	return evs
}

// changePosition updates a member's position in WeCom through the API.
func changePosition(t *testing.T, s *Services, corpRef int64, userID, pos string) {
	t.Helper()
	ctx := context.Background()
	client, creds, err := s.Corps.Client(ctx, corpRef)
	if err != nil {
		t.Fatal(err)
	}
	if err := client.UpdateUser(ctx, creds.Contact, wecom.UserWrite{UserID: userID, Position: &pos}); err != nil {
		t.Fatal(err)
	}
}

func anyMember(t *testing.T, s *Services, corpRef int64) mirror.User {
	t.Helper()
	users, err := s.Mirror.Users(context.Background(), corpRef)
	if err != nil || len(users) == 0 {
		t.Fatalf("no mirrored member: %v", err)
	}
	return users[len(users)/2]
}

// TestSlowReceiverGetsRetriesAndProcessesOnce: the receiver persists the
// first delivery but answers after the simulator's timeout (WeCom: 5 s; here
// shortened), so the simulator sends it again; the repeat is logged as a
// duplicate, the change is processed once and reaches the mirror.
func TestSlowReceiverGetsRetriesAndProcessesOnce(t *testing.T) {
	var first atomic.Bool
	s, c, sim, _ := callbackEnvWith(t, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h.ServeHTTP(w, r)
			if r.Method == http.MethodPost && first.CompareAndSwap(false, true) {
				time.Sleep(1500 * time.Millisecond) // held past the simulator's timeout
			}
		})
	})
	sim.SetCallbackTimeout(500 * time.Millisecond)
	m := anyMember(t, s, c.ID)
	changePosition(t, s, c.ID, m.UserID, "回调测试岗")
	eventually(t, "the mirror updated", func() bool {
		users, _ := s.Mirror.Users(context.Background(), c.ID)
		for _, u := range users {
			if u.UserID == m.UserID {
				return u.Position == "回调测试岗"
			}
		}
		return false
	})
	eventually(t, "the simulator's retry", func() bool {
		log := sim.CallbackLog()
		return len(log) > 0 && log[len(log)-1].Attempts >= 2 && log[len(log)-1].Status == http.StatusOK
	})
	var orig, dups int
	for _, ev := range contactEvents(t, s, c.ID) {
		switch ev.State {
		case callback.StateDuplicate:
			dups++
		case callback.StateProcessed:
			orig++
			if ev.Attempts != 1 {
				t.Errorf("event %d processed %d times", ev.ID, ev.Attempts)
			}
		default:
			t.Errorf("event %d is %s", ev.ID, ev.State)
		}
	}
	if orig != 1 || dups < 1 {
		t.Fatalf("%d original(s), %d duplicate(s); want 1 and at least 1", orig, dups)
	}
}

// TestRepeatedCallbackProcessedOnce: the same encrypted event delivered twice
// (a replay) is processed once.
func TestRepeatedCallbackProcessedOnce(t *testing.T) {
	s, c, sim := callbackEnv(t)
	m := anyMember(t, s, c.ID)
	plain := "<xml><ToUserName><![CDATA[" + sim.CorpID() + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>" +
		"<CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event>" +
		"<ChangeType>update_user</ChangeType><UserID><![CDATA[" + m.UserID + "]]></UserID></xml>"
	for range 2 {
		d, err := sim.SendCallback(context.Background(), 0, "change_contact", []byte(plain))
		if err != nil || d.Status != http.StatusOK {
			t.Fatalf("delivery %+v, %v", d, err)
		}
	}
	eventually(t, "the event processed", func() bool {
		evs := contactEvents(t, s, c.ID)
		return len(evs) == 2 && evs[0].State == callback.StateProcessed
	})
	evs := contactEvents(t, s, c.ID)
	if evs[0].Attempts != 1 || evs[1].State != callback.StateDuplicate || evs[1].DupOf != evs[0].ID {
		t.Fatalf("events %+v", evs)
	}
}

// TestBadSignatureRefusedThroughTheSimulator: a simulator signing with
// another Token is refused (403), counted, and nothing is logged or processed.
func TestBadSignatureRefusedThroughTheSimulator(t *testing.T) {
	s, c, sim := callbackEnv(t)
	targets := sim.CallbackTargets()
	other := corp.GenerateCallbackKeys()
	if err := sim.SetCallback(wecomsim.CallbackTarget{URL: targets[0].URL, Token: other.Token, EncodingAESKey: other.EncodingAESKey}); err != nil {
		t.Fatal(err)
	}
	m := anyMember(t, s, c.ID)
	changePosition(t, s, c.ID, m.UserID, "不该生效")
	eventually(t, "the refused delivery", func() bool {
		log := sim.CallbackLog()
		return len(log) > 0 && log[len(log)-1].Status == http.StatusForbidden
	})
	if evs := contactEvents(t, s, c.ID); len(evs) != 0 {
		t.Fatalf("a refused callback was logged: %+v", evs)
	}
	rej, err := s.Callbacks.Rejections(context.Background(), c.ID, 1)
	if err != nil || len(rej) != 1 || rej[0].Reason != "bad_signature" || rej[0].Count != 1 {
		t.Fatalf("refusals %+v, %v", rej, err)
	}
	users, _ := s.Mirror.Users(context.Background(), c.ID)
	for _, u := range users {
		if u.UserID == m.UserID && u.Position == "不该生效" {
			t.Fatal("a refused callback changed the mirror")
		}
	}
}

// TestDepartmentAndDeleteCallbacksReachTheMirror: a department created,
// renamed and deleted in WeCom, and a member deleted, reach the mirror
// through the contact callback alone.
func TestDepartmentAndDeleteCallbacksReachTheMirror(t *testing.T) {
	s, c, _ := callbackEnv(t)
	ctx := context.Background()
	client, creds, err := s.Corps.Client(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	dept := func(id int64) *mirror.Department {
		ds, _ := s.Mirror.Departments(ctx, c.ID)
		for i := range ds {
			if ds[i].ID == id {
				return &ds[i]
			}
		}
		return nil
	}
	id, err := client.CreateDepartment(ctx, creds.Contact, wecom.DepartmentCreate{Name: "回调测试部", ParentID: 1})
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "the new department in the mirror", func() bool { d := dept(id); return d != nil && d.Name == "回调测试部" })
	name := "回调测试二部"
	if err := client.UpdateDepartment(ctx, creds.Contact, wecom.DepartmentUpdate{ID: id, Name: &name}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the renamed department", func() bool {
		d := dept(id)
		return d != nil && d.Name == name && len(d.Path) > 0 && d.Path[len(d.Path)-1] == name
	})
	if err := client.DeleteDepartment(ctx, creds.Contact, id); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the department gone", func() bool { return dept(id) == nil })
	m := anyMember(t, s, c.ID)
	if err := client.DeleteUser(ctx, creds.Contact, m.UserID); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the member gone", func() bool {
		users, _ := s.Mirror.Users(ctx, c.ID)
		return !hasUser(users, m.UserID)
	})
}
