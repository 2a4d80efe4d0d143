package corp

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

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
	probe := &fakeProbe{mobile: u.Mobile}
	e.svc.SetLookupProbe(probe)
	st := step(t, e.check(c.ID), "lookup")
	want := fmt.Sprintf("通过通讯录同步 Secret 查找成功：%s****%s 属于 %s", u.Mobile[:3], u.Mobile[len(u.Mobile)-4:], u.UserID)
	if st.Status != StatusOK || st.API != "user/getuserid" || !strings.Contains(st.Detail.ZH, want) {
		t.Fatalf("found: %+v, want %q", st, want)
	}
	if want := []string{u.Mobile + "=" + u.UserID + ":0"}; !reflect.DeepEqual(probe.kept, want) {
		t.Errorf("kept %q, want %q", probe.kept, want)
	}
	probe.mobile, probe.kept = "13999999999", nil
	if st := step(t, e.check(c.ID), "lookup"); st.Status != StatusOK || !strings.Contains(st.Detail.ZH, "没有可见的成员") {
		t.Fatalf("no owner: %+v", st)
	}
	if want := []string{"13999999999=:46004"}; !reflect.DeepEqual(probe.kept, want) {
		t.Errorf("kept %q, want the miss %q", probe.kept, want)
	}
	// Every directory value missed within the day: not asked again.
	probe.mobile, probe.recent, probe.kept = "", 3, nil
	if st := step(t, e.check(c.ID), "lookup"); st.Status != StatusNA || st.API != "" || !strings.Contains(st.Detail.ZH, "3 个手机号/邮箱在 24 小时内都没有查到") {
		t.Fatalf("recent misses: %+v", st)
	}
	probe.mobile, probe.recent = u.Mobile, 0
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
	probe.kept = nil
	if st := step(t, e.check(c.ID), "lookup"); st.Status != StatusFailed || st.Errcode != 45009 ||
		!strings.Contains(st.Detail.EN, "until 2026-12-09 00:00 (UTC+08:00)") || !strings.Contains(st.Detail.ZH, "暂停至 2026-12-09 00:00 (UTC+08:00)") {
		t.Fatalf("blocked: %+v", st)
	}
	if probe.blocks != 1 {
		t.Errorf("the block was kept %d times, want once", probe.blocks)
	}
	if len(probe.kept) != 0 {
		t.Errorf("a blocked lookup kept %q: it says nothing about the value", probe.kept)
	}
}

// fakeProbe gives the check a value and records what it keeps
// (value=userid:errcode). The real one (services) reads the directory and
// the review's answers.
type fakeProbe struct {
	mobile string
	recent int
	kept   []string
	blocks int // RecordBlock calls
}

func (p *fakeProbe) Sample(context.Context, int64) (string, string, int, error) {
	return p.mobile, "", p.recent, nil
}

func (p *fakeProbe) RecordBlock(context.Context, int64) (time.Time, error) {
	p.blocks++
	return time.Date(2026, 12, 9, 0, 0, 0, 0, time.FixedZone("CST", 8*3600)), nil
}

func (p *fakeProbe) Record(_ context.Context, _ int64, mobile, email, userid string, errcode int) error {
	p.kept = append(p.kept, fmt.Sprintf("%s%s=%s:%d", mobile, email, userid, errcode))
	return nil
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
