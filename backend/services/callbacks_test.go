package services

import (
	"context"
	"net/http/httptest"
	"strings"
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
	srv := httptest.NewServer(s.IntegrationRoutes().Mux())
	t.Cleanup(srv.Close)
	sim := s.Corps.DemoSim()
	if err := sim.SetCallback(wecomsim.CallbackTarget{URL: srv.URL + "/callback/contact/" + c.Key, Token: keys.Token,
		EncodingAESKey: keys.EncodingAESKey}); err != nil {
		t.Fatal(err)
	}
	return s, c, sim
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
