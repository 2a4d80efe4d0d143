package login_test

import (
	"strings"
	"testing"

	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

func TestJoinQRCodeAndInviteThroughTheCorp(t *testing.T) {
	e := newEnv(t)
	q, err := e.svc.JoinQRCode(e.ctx, e.corp.ID, 4)
	if err != nil || q.Pixels != 2052 || !strings.Contains(q.URL, "qr_size=4") {
		t.Fatalf("%+v %v", q, err)
	}
	if _, err := e.svc.JoinQRCode(e.ctx, e.corp.ID, 0); !usererr.Is(err, "login_bad_join_size") {
		t.Fatal(err)
	}
	var pending string
	for _, u := range e.org.Users {
		if u.Status == 4 {
			pending = u.UserID
			break
		}
	}
	res, err := e.svc.Invite(e.ctx, e.corp.ID, wecom.Invite{User: []string{pending, "ghost"}})
	if err != nil || len(res.InvalidUser) != 1 || res.InvalidUser[0] != "ghost" {
		t.Fatalf("%+v %v", res, err)
	}
	if _, err := e.svc.Invite(e.ctx, e.corp.ID, wecom.Invite{}); !usererr.Is(err, "login_invite_empty") {
		t.Fatal(err)
	}
	if _, err := e.svc.Invite(e.ctx, e.corp.ID, wecom.Invite{Tag: make([]int64, 101)}); !usererr.Is(err, "login_invite_too_many") {
		t.Fatal(err)
	}
}
