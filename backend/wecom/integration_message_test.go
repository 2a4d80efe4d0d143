package wecom_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

func textCard(to []string) wecom.Message {
	return wecom.Message{
		ToUser: wecom.JoinIDs(to),
		TextCard: &wecom.TextCard{
			Title: "审批通过", Description: "你的报销单已通过", URL: "https://example.com/approve/1", BtnTxt: "详情",
		},
	}
}

// activeUserIDs returns up to n userids of active members.
func activeUserIDs(org *wecomsim.Org, n int) []string {
	var ids []string
	for _, u := range org.Users {
		if u.Status == 1 && u.Enable == 1 && len(ids) < n {
			ids = append(ids, u.UserID)
		}
	}
	return ids
}

// TestIntegrationSendToMoreThan1000UsersIsRefused: splitting recipients into
// chunks is the push package's job; one send with 1,001 userids is answered
// 40032 by WeCom, surfaced as is and not retried.
func TestIntegrationSendToMoreThan1000UsersIsRefused(t *testing.T) {
	env := newSimEnv(t)
	c := env.client()
	to := make([]string, wecomsim.MaxToUser+1)
	for i := range to {
		to[i] = fmt.Sprintf("user%04d", i)
	}
	_, err := c.SendMessage(t.Context(), env.app(wecomsim.AgentAll), textCard(to))
	if wecom.ErrCode(err) != 40032 {
		t.Fatalf("err = %v, want errcode 40032", err)
	}
	if n := env.calls("message/send"); n != 1 {
		t.Errorf("simulator saw %d message/send calls, want 1", n)
	}
	if n := len(env.sim.Messages()); n != 0 {
		t.Errorf("simulator recorded %d messages, want none", n)
	}
}

// TestIntegrationSendReportsInvalidUsersOnSuccess: unknown userids come back
// in invaliduser with errcode 0; the message went to the others.
func TestIntegrationSendReportsInvalidUsersOnSuccess(t *testing.T) {
	env := newSimEnv(t)
	c := env.client()
	valid := activeUserIDs(env.org, 2)
	to := append(slices.Clone(valid), "nobody_here", "Ghost.User")

	res, err := c.SendMessage(t.Context(), env.app(wecomsim.AgentAll), textCard(to))
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	if got, want := res.InvalidUsers(), []string{"nobody_here", "ghost.user"}; !slices.Equal(got, want) {
		t.Errorf("invalid users = %q, want %q (lower-cased, as WeCom answers)", got, want)
	}
	if res.MsgID == "" {
		t.Fatal("no msgid")
	}
	m, ok := env.sim.Message(res.MsgID)
	if !ok || !slices.Equal(m.Delivered, valid) || m.MsgType != wecom.MsgTextCard {
		t.Errorf("simulator recorded %+v, want a textcard delivered to %q", m, valid)
	}
}

// TestIntegrationRecallWithin24Hours: a message can be recalled within 24 h;
// after 25 h on the simulator clock the recall is answered 42052. The client
// keeps wall time, so its token expires on the simulator too: it refreshes
// once and the recall's own errcode is what surfaces.
func TestIntegrationRecallWithin24Hours(t *testing.T) {
	env := newSimEnv(t)
	ctx := t.Context()
	c := env.client()
	cred := env.app(wecomsim.AgentAll)
	to := activeUserIDs(env.org, 3)

	first, err := c.SendMessage(ctx, cred, textCard(to))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.RecallMessage(ctx, cred, first.MsgID); err != nil {
		t.Errorf("recall at once: %v", err)
	}
	if m, _ := env.sim.Message(first.MsgID); m.RecalledAt == nil {
		t.Error("simulator did not record the recall")
	}

	late, err := c.SendMessage(ctx, cred, textCard(to))
	if err != nil {
		t.Fatal(err)
	}
	env.sim.Clock().Advance(25 * time.Hour)
	err = c.RecallMessage(ctx, cred, late.MsgID)
	if wecom.ErrCode(err) != 42052 {
		t.Fatalf("recall after 25 h: err = %v, want errcode 42052", err)
	}
	if m, _ := env.sim.Message(late.MsgID); m.RecalledAt != nil {
		t.Error("simulator recalled a message older than 24 h")
	}
	if n := env.calls("message/recall"); n != 3 {
		t.Errorf("simulator saw %d recalls, want 3 (ok; 42001 then 42052 after one refresh)", n)
	}
}
