package corp

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// The check's lookup step asks the simulator, over HTTP, who owns a value
// of the local directory: found, no owner, WeCom's daily block, or no value
// to try; through the 通讯录同步 secret, else an app.
func TestCheckLookupStep(t *testing.T) {
	e := newEnv(t)
	org := smallOrg()
	_, url := startSim(t, org, nil)
	c := e.addSimCorp(org, url, wecomsim.AgentAll)
	u := org.Users[1]

	if st := step(t, e.check(c.ID), "lookup"); st.Status != StatusNA || !strings.Contains(st.Detail.ZH, "本地通讯录中还没有手机号或邮箱") {
		t.Fatalf("no directory value: %+v", st)
	}
	sample := u.Mobile
	e.svc.SetLookupSample(func(context.Context) (string, string, error) { return sample, "", nil })
	st := step(t, e.check(c.ID), "lookup")
	want := fmt.Sprintf("通过通讯录同步 Secret 查找成功：%s****%s 属于 %s", u.Mobile[:3], u.Mobile[len(u.Mobile)-4:], u.UserID)
	if st.Status != StatusOK || st.API != "user/getuserid" || !strings.Contains(st.Detail.ZH, want) {
		t.Fatalf("found: %+v, want %q", st, want)
	}
	sample = "13999999999"
	if st := step(t, e.check(c.ID), "lookup"); st.Status != StatusOK || !strings.Contains(st.Detail.ZH, "没有可见的成员") {
		t.Fatalf("no owner: %+v", st)
	}
	// Past 20 % of the headcount in failures WeCom blocks the lookups for
	// the day; the client returns its 45009 at once instead of waiting.
	client, creds, err := e.svc.Client(e.ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i <= len(org.Users)/5; i++ {
		_, err := client.GetUserIDByMobile(e.ctx, creds.Contact, fmt.Sprintf("1370000%04d", i))
		if wecom.ErrCode(err) == wecom.CodeAPIFreqOutOfLimit {
			break
		}
	}
	if st := step(t, e.check(c.ID), "lookup"); st.Status != StatusFailed || st.Errcode != 45009 || !strings.Contains(st.Detail.ZH, "暂停") {
		t.Fatalf("blocked: %+v", st)
	}
}

// Without the 通讯录同步 secret the lookups go through the first app.
func TestLookupCredentialPrefersTheContactSecret(t *testing.T) {
	app := wecom.Credential{Name: "全员应用", AgentID: 1000002, Secret: "s"}
	contact := wecom.Credential{Name: "通讯录同步", Secret: "c"}
	if got, ok := (Credentials{Contact: contact, Apps: []wecom.Credential{app}}).LookupCredential(); !ok || got != contact || LookupVia(got) != "contact" {
		t.Errorf("with the contact secret: %v %v", got, ok)
	}
	if got, ok := (Credentials{Apps: []wecom.Credential{app}}).LookupCredential(); !ok || got != app || LookupVia(got) != "app:1000002" {
		t.Errorf("apps only: %v %v", got, ok)
	}
	if _, ok := (Credentials{}).LookupCredential(); ok {
		t.Error("no secret: want none")
	}
}
