package services

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/push"

	"wecom-bridge/backend/review"
	"wecom-bridge/backend/syncer"
	"wecom-bridge/backend/usererr"
)

// TestDemoFlowImportPullMatch walks the admin's first three steps on the demo
// corp: connect (demo), import the sample directory, pull, match — and checks
// the getting-started status follows.
func TestDemoFlowImportPullMatch(t *testing.T) {
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	s := openTest(t)
	ctx := context.Background()
	c, err := s.StartDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	csv, err := os.ReadFile("../../docs/samples/directory-sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := s.Transfer.PutUpload(strings.NewReader(string(csv)))
	if err != nil {
		t.Fatal(err)
	}
	prev, err := s.PreviewDirectoryImport(ctx, id, "directory-sample.csv", false)
	if err != nil || prev.AddCount != 20 {
		t.Fatalf("preview: %+v %v", prev, err)
	}
	if _, err := s.Directory.Apply(ctx, prev.Preview.ID, 0); err != nil {
		t.Fatal(err)
	}
	run, err := s.Pull(ctx, c.ID, 0, "manual", "test")
	if err != nil || run.Users < 400 {
		t.Fatalf("pull: %+v %v", run, err)
	}
	sum, err := s.Rematch(ctx, c.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	if sum.MembersPulled != run.Users || sum.LocalAccounts != 20 || sum.UnboundWeCom == 0 {
		t.Fatalf("summary %+v", sum)
	}
	page, err := s.Review.List(ctx, c.ID, review.Query{Filter: "unbound_wecom", Limit: 5})
	if err != nil || page.Total != sum.UnboundWeCom {
		t.Fatalf("list: %d vs %d, %v", page.Total, sum.UnboundWeCom, err)
	}
	// Step 1 is done once a check passed, not because a corp exists; step 3
	// not while pairs wait for a person.
	st, err := s.StartStatus(ctx)
	if err != nil || st.Steps[0].Done || st.Steps[2].Done {
		t.Fatalf("before any check, or with pairs to confirm, steps 1 and 3 are not done: %+v", st)
	}
	if res, err := s.CheckCorp(ctx, c.ID); err != nil || !res.Passed {
		t.Fatalf("check: %+v %v", res, err)
	}
	st, err = s.StartStatus(ctx)
	if err != nil || !st.Steps[0].Done || !st.Steps[1].Done || st.ActiveCorp == nil || !st.ActiveCorp.Demo || st.Steps[0].Facts["checked"] != 1 {
		t.Fatalf("start status %+v", st)
	}
	// The facts behind each detail, for the screen to word in its language;
	// the bind step tells its backlog even before anything is confirmed.
	if f := st.Steps[0].Facts; f["corps"] != 1 || f["demo"] != 1 {
		t.Fatalf("connect facts %v", f)
	}
	if f := st.Steps[1].Facts; f["active"] == 0 || f["active"] != st.Steps[1].Count {
		t.Fatalf("import facts %v", f)
	}
	if f := st.Steps[2].Facts; f["confirmed"] != sum.Confirmed || f["toReview"] != sum.ToConfirm || f["ambiguous"] != sum.Ambiguous || st.Steps[2].Detail == "" {
		t.Fatalf("bind step %+v, summary %+v", st.Steps[2], sum)
	}
	if st.Steps[3].Facts != nil || st.Steps[3].Detail != "" {
		t.Fatalf("nothing previewed, yet the preview step says %+v", st.Steps[3])
	}
	created, err := s.CreateLocalAccountsForUnbound(ctx, c.ID, "test")
	if err != nil || created != sum.ToCreate {
		t.Fatalf("created %d (want %d): %v", created, sum.ToCreate, err)
	}
	after, _ := s.Review.Summary(ctx, c.ID)
	if after.Confirmed < created || after.ToCreate != 0 {
		t.Fatalf("after create: %+v", after)
	}
}

// TestDemoFlowSyncToWeCom previews a to-WeCom sync of the sample directory on
// the demo corp, applies it, and checks WeCom (the simulator) now has the
// accounts and the run is kept in history.
func TestDemoFlowSyncToWeCom(t *testing.T) {
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	s := openTest(t)
	ctx := context.Background()
	c, err := s.StartDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	csv, _ := os.ReadFile("../../docs/samples/directory-sample.csv")
	id, _, _ := s.Transfer.PutUpload(strings.NewReader(string(csv)))
	prev, err := s.PreviewDirectoryImport(ctx, id, "directory-sample.csv", false)
	if err != nil {
		t.Fatal(err)
	}
	s.Directory.Apply(ctx, prev.Preview.ID, 0)
	if _, err := s.Pull(ctx, c.ID, 0, "manual", "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Rematch(ctx, c.ID, "test"); err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanSync(ctx, c.ID, syncer.ToWeCom, "test")
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	if plan.Summary.Total == 0 {
		t.Fatalf("empty plan: %+v", plan.Summary)
	}
	confirm := syncer.Confirm{Removals: plan.Summary.Removals, Creates: plan.Summary.Creates()}
	run, err := s.ApplySync(ctx, plan.ID, confirm, "test")
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	if run.Status != "done" || run.Failed != 0 {
		t.Fatalf("run %+v", run)
	}
	org := s.Corps.DemoSim().Org()
	found := false
	for _, u := range org.Users {
		if strings.EqualFold(u.UserID, "gaochao") {
			found = true
		}
	}
	if !found {
		t.Fatal("the sample account gaochao was not created in WeCom")
	}
	hist, err := s.Sync.Runs(ctx, c.ID, syncer.HistoryQuery{Limit: 10})
	if err != nil || hist.Total != 1 || hist.Entries[0].Kind != "run" || hist.Entries[0].Done != plan.Summary.Total {
		t.Fatalf("history: %+v %v", hist, err)
	}
	// The read-back saw every change, and the mirror the apply wrote
	// through was what WeCom holds.
	if rb := run.ReadBack; rb == nil || rb.Error != "" || rb.NotApplied != 0 || rb.Drift != 0 || rb.Checked != plan.Summary.Total || rb.APICalls == 0 {
		t.Fatalf("read-back: %+v", rb)
	}
	// A preview right after the apply, without a manual pull, plans nothing.
	again, err := s.PlanSync(ctx, c.ID, syncer.ToWeCom, "test")
	if err != nil || again.Summary.Total != 0 {
		t.Fatalf("the preview after the apply repeats it: %v %s", err, again.Summary)
	}
	// The same plan cannot be applied twice: its inputs changed.
	if _, err := s.ApplySync(ctx, plan.ID, confirm, "test"); err == nil {
		t.Fatal("re-applying a used plan must be refused")
	}
	// Asked through the UI's way in, that refusal is an outcome, not an error, and starts no job.
	if st, err := s.StartApply(plan.ID, confirm, "test"); err != nil || st.Outcome != syncer.OutcomeApplied || st.JobID != "" || st.Message == nil || st.Message.Code != "plan_applied" {
		t.Fatalf("start apply of an applied plan: %+v %v", st, err)
	}
}

// TestDemoFlowPushThroughIntake posts a message to the intake API of the
// running services (API key, rule, confirmed binding) and sees it delivered
// to the demo corp's simulator.
func TestDemoFlowPushThroughIntake(t *testing.T) {
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	s := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := s.StartBackground(ctx); err != nil {
		t.Fatal(err)
	}
	c, err := s.StartDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Pull(ctx, c.ID, 0, "manual", "test"); err != nil {
		t.Fatal(err)
	}
	member := s.Corps.DemoSim().Org().Users[0]
	if _, err := s.Directory.AddAccount(ctx, directory.AccountInput{Account: "pushme", Name: member.Name, Email: "p@example.com"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Rematch(ctx, c.ID, "test"); err != nil {
		t.Fatal(err)
	}
	if err := s.Review.BindManual(ctx, c.ID, "pushme", member.UserID, "test", true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Push.CreateRule(ctx, push.Rule{Name: "审批", Source: "approval", Enabled: true,
		Targets: []push.Target{{CorpID: c.ID, AgentID: 1000002, MsgType: "textcard"}}}); err != nil {
		t.Fatal(err)
	}
	_, key, err := s.Push.CreateAPIKey(ctx, c.ID, "oa", push.KeyPermissions{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.StripPrefix("", s.Push.IntakeHandler()))
	defer srv.Close()
	body := `{"source":"approval","title":"报销单待审批","content":"张三提交了报销单","url":"https://oa.example.com/1","to":{"accounts":["pushme","nobody"]}}`
	req, _ := http.NewRequest("POST", srv.URL+"/api/v1/messages", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusAccepted {
		t.Fatalf("intake: %v %v", resp.StatusCode, err)
	}
	var accepted struct{ ID int64 }
	json.NewDecoder(resp.Body).Decode(&accepted)
	deadline := time.Now().Add(15 * time.Second)
	for {
		st, err := s.Push.Message(ctx, accepted.ID)
		if err != nil {
			t.Fatal(err)
		}
		if st.Status != "queued" && st.Status != "sending" {
			if st.Status != "partial" { // "nobody" is unbound
				t.Fatalf("status %s: %+v", st.Status, st)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("still %s", st.Status)
		}
		time.Sleep(50 * time.Millisecond)
	}
	msgs := s.Corps.DemoSim().Messages()
	if len(msgs) != 1 || !strings.Contains(fmt.Sprint(msgs[0]), member.UserID) {
		t.Fatalf("simulator messages: %+v", msgs)
	}

	// Once the corp is deleted, its key is refused at once, saying why, and
	// the rule that sent into it takes nothing (no cached rule or key survives).
	if d, err := s.Corps.DeleteCorp(ctx, c.ID, c.Name); err != nil || !d.Deleted {
		t.Fatalf("delete corp %+v %v", d, err)
	}
	req, _ = http.NewRequest("POST", srv.URL+"/api/v1/messages", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+key)
	if resp, err = http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("intake with the deleted corp's key: %v %v", resp.StatusCode, err)
	}
	b, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(b), "was deleted") {
		t.Fatalf("401 body %s", b)
	}
	acc, err := s.Push.Submit(ctx, push.Input{Source: "approval", Title: "t", To: push.To{UserIDs: []string{member.UserID}}})
	if err != nil {
		t.Fatal(err)
	}
	deadline = time.Now().Add(15 * time.Second)
	for {
		st, err := s.Push.Message(ctx, acc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if st.Status != "queued" && st.Status != "sending" {
			if st.Status != push.StatusNoRule {
				t.Fatalf("message after the corp was deleted: %s %+v", st.Status, st)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("still %s", st.Status)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestScheduledSyncWaitingForReviewMessagesTheAdmins: the notifier sends the
// configured admins an app message naming the plan and the reason.
func TestScheduledSyncWaitingForReviewMessagesTheAdmins(t *testing.T) {
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	s := openTest(t)
	ctx := context.Background()
	c, err := s.StartDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	admin := s.Corps.DemoSim().Org().Users[1].UserID
	o, _ := s.Sync.GetOptions(ctx, c.ID, syncer.ToWeCom)
	o.Schedule.Notify = []string{admin}
	if err := s.SetSyncOptions(ctx, c.ID, syncer.ToWeCom, o); err != nil {
		t.Fatal(err)
	}
	plan := &syncer.Plan{ID: 42}
	plan.Summary.Total = 7
	if err := (wecomNotifier{s}).NeedsReview(ctx, c.ID, syncer.ToWeCom, plan, usererr.Message{Code: usererr.CodeText, ZH: "removals 60 exceed 50", EN: "removals 60 exceed 50"}); err != nil {
		t.Fatal(err)
	}
	msgs := s.Corps.DemoSim().Messages()
	if len(msgs) != 1 {
		t.Fatalf("want one message, got %d", len(msgs))
	}
	got := fmt.Sprint(msgs[0])
	if !strings.Contains(got, admin) || !strings.Contains(got, "#42") || !strings.Contains(got, "removals 60 exceed 50") ||
		!strings.Contains(got, "以本地为准") || !strings.Contains(got, "7 项操作") {
		t.Fatalf("message: %s", got)
	}
	// In the admin's UI language.
	if err := s.SetLanguage(ctx, "en"); err != nil {
		t.Fatal(err)
	}
	if err := (wecomNotifier{s}).NeedsReview(ctx, c.ID, syncer.ToWeCom, plan, usererr.Message{Code: usererr.CodeText, ZH: "删除 60 个", EN: "removals 60 exceed 50"}); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(s.Corps.DemoSim().Messages()[1]); !strings.Contains(got, "waits for review") || !strings.Contains(got, "7 operations") || strings.Contains(got, "定时同步") {
		t.Fatalf("English message: %s", got)
	}
}
