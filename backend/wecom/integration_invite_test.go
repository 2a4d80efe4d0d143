package wecom_test

import (
	"context"
	"strings"
	"testing"

	"wecom-bridge/backend/wecom"
)

func TestJoinQRCodeAndBatchInviteAgainstSimulator(t *testing.T) {
	e := newSimEnv(t)
	c := e.client()
	ctx := context.Background()
	contact := wecom.Credential{Name: "通讯录同步", Secret: e.org.ContactSecret}
	for size := 1; size <= 4; size++ {
		u, err := c.GetJoinQRCode(ctx, contact, size)
		if err != nil || !strings.HasPrefix(u, "https://") {
			t.Fatalf("size %d: %q %v", size, u, err)
		}
	}
	if _, err := c.GetJoinQRCode(ctx, contact, 5); err == nil {
		t.Fatal("size 5 accepted")
	}
	if _, err := c.GetJoinQRCode(ctx, e.app(1000002), 1); wecom.ErrCode(err) != 48002 {
		t.Fatalf("an app's token: %v", err)
	}

	var pending string
	for _, u := range e.org.Users {
		if u.Status == 4 {
			pending = u.UserID
			break
		}
	}
	res, err := c.BatchInvite(ctx, contact, wecom.Invite{User: []string{pending, "nobody"}, Tag: []int64{424242}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.InvalidUser) != 1 || res.InvalidUser[0] != "nobody" || len(res.InvalidTag) != 1 || len(res.InvalidParty) != 0 {
		t.Fatalf("invite result %+v", res)
	}
	if got := e.sim.Invited(); len(got) != 1 || got[0] != pending {
		t.Fatalf("simulator invited %v", got)
	}
	if _, err := c.BatchInvite(ctx, contact, wecom.Invite{}); err == nil {
		t.Fatal("an empty invitation was sent")
	}
	if _, err := c.BatchInvite(ctx, contact, wecom.Invite{User: make([]string, 1001)}); err == nil {
		t.Fatal("1001 members accepted")
	}
}
