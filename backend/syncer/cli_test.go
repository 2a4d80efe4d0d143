package syncer

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

func (e *env) cliDeps() CLIDeps {
	return CLIDeps{
		ResolveCorp: func(_ context.Context, name string) (int64, error) {
			if name != "测试企业" {
				return 0, fmt.Errorf("no corp named %q", name)
			}
			return e.corpID, nil
		},
		Gather:  func(context.Context, int64, Direction) (Inputs, error) { return e.inputs(), nil },
		Targets: func(context.Context, int64, Direction) (Targets, error) { return e.targets(), nil },
	}
}

func (e *env) cli(svc *Service, args ...string) (string, error) {
	var out bytes.Buffer
	err := RunCLI(e.ctx, svc, e.cliDeps(), args, &out)
	return out.String(), err
}

func TestCLIPlanApplyOptionsHistoryReport(t *testing.T) {
	e := newEnv(t, orgWithMembers(3))
	e.bindAll(3)
	e.local.resign("a03")
	e.local.add("newbie", "新人", "13800000009", testRoot+"/研发部")

	out, err := e.cli(e.svc, "options", "--corp", "测试企业", "--direction", "to-wecom", "--threshold-count", "0",
		"--threshold-percent", "0", "--exclude-user", "a02", "--exclude-user", "nobody", "--leavers", "disable",
		"--disabled-dept", "离职人员", "--delete-after-days", "30", "--map", "name=name", "--map", "mobile=mobile", "--show")
	if err != nil {
		t.Fatalf("options: %v\n%s", err, out)
	}
	var shown Options
	if err := json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &shown); err != nil || !shown.MoveDisabled ||
		shown.DisabledDept != "离职人员" || len(shown.Scope.ExcludeUsers) != 2 || shown.Safety.MaxRemovals != 0 || len(shown.Fields) != 2 {
		t.Fatalf("options shown: %v %+v", err, shown)
	}
	if _, err := e.cli(e.svc, "options", "--corp", "测试企业", "--direction", "to-wecom", "--leavers", "erase"); err == nil {
		t.Fatal("a bad leavers value must fail")
	}

	out, err = e.cli(e.svc, "plan", "--corp", "测试企业", "--direction", "to-wecom", "--json")
	if err != nil {
		t.Fatalf("plan: %v\n%s", err, out)
	}
	var pj struct {
		ID         int64 `json:"id"`
		Blocked    bool  `json:"blocked"`
		Summary    Summary
		Operations []struct {
			Type   string `json:"type"`
			Target string `json:"target"`
		} `json:"operations"`
	}
	if err := json.Unmarshal([]byte(out), &pj); err != nil || pj.ID == 0 || pj.Blocked {
		t.Fatalf("plan json: %v\n%s", err, out)
	}
	types := map[string]int{}
	for _, op := range pj.Operations {
		types[op.Type]++
	}
	// newbie created; a02 (excluded) and a03 (resigned) disabled into 离职人员 (created).
	if types["create_user"] != 1 || types["disable_user"] != 2 || types["create_department"] != 1 {
		t.Fatalf("operations: %v", types)
	}

	out, err = e.cli(e.svc, "apply", fmt.Sprint(pj.ID), "--by", "admin")
	if err != nil || !strings.Contains(out, "done") {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	out, err = e.cli(e.svc, "apply", fmt.Sprint(pj.ID))
	if err != nil || !strings.Contains(out, "already applied") {
		t.Fatalf("apply again: %v\n%s", err, out)
	}

	out, err = e.cli(e.svc, "history", "--corp", "测试企业")
	if err != nil || !strings.Contains(out, "run done by admin") {
		t.Fatalf("history: %v\n%s", err, out)
	}
	var runID int64
	e.st.DB.Get(&runID, `SELECT id FROM sync_runs WHERE plan_id = ?`, pj.ID)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "r.xlsx")
	t.Setenv("LC_ALL", "en_US.UTF-8") // the report is in the terminal's language
	if out, err = e.cli(e.svc, "report", fmt.Sprint(runID), "--format", "xlsx", "--out", xlsx); err != nil {
		t.Fatalf("report: %v %s", err, out)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Operations")
	f.Close()
	if len(rows) != 5 || rows[1][7] != "Done" {
		t.Fatalf("xlsx operations: %v", rows)
	}
	out, err = e.cli(e.svc, "report", fmt.Sprint(runID))
	var rep struct {
		Run        Run   `json:"run"`
		Operations []*Op `json:"operations"`
	}
	if err != nil || json.Unmarshal([]byte(out), &rep) != nil || rep.Run.Done != 4 || len(rep.Operations) != 4 {
		t.Fatalf("json report: %v\n%s", err, out)
	}
}

// `sync apply` of a plan whose run was interrupted resumes it from a fresh
// process on the same data directory; a blocked plan needs --confirm.
func TestCLIApplyResumesInterruptedRun(t *testing.T) {
	e := newEnv(t, testOrg())
	e.addMany(60)
	p, in := e.plan(ToWeCom, e.options(ToWeCom, nil))

	crashed, stopCrashed := context.WithCancel(e.ctx)
	bw := &blockingWriter{WeComWriter: BindClient(e.client, e.cred()), after: 20, workers: 8, allHung: make(chan struct{})}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		e.svc.Apply(crashed, p.ID, in, Targets{WeCom: bw}, NoConfirm, "tester")
	}()
	t.Cleanup(func() { stopCrashed(); wg.Wait() })
	<-bw.allHung

	fresh := e.newService()
	out, err := e.cli(fresh, "apply", fmt.Sprint(p.ID))
	if err != nil || !strings.Contains(out, "resuming run") || !strings.Contains(out, "done") {
		t.Fatalf("apply on an interrupted run: %v\n%s", err, out)
	}
	if n := len(e.sim.Org().Users); n != 60 {
		t.Fatalf("want 60 members, have %d", n)
	}

	// A blocked plan: --confirm with the right number.
	for i := 1; i <= 3; i++ {
		e.local.resign(fmt.Sprintf("m%04d", i))
	}
	fresh.SetOptions(e.ctx, e.corpID, ToWeCom, e.options(ToWeCom, func(o *Options) { o.Safety = Safety{MaxRemovals: 1} }))
	out, err = e.cli(fresh, "plan", "--corp", "测试企业", "--direction", "to-wecom")
	if err != nil || !strings.Contains(out, "BLOCKED") || !strings.Contains(out, "--confirm 3") {
		t.Fatalf("blocked plan: %v\n%s", err, out)
	}
	id := strings.Fields(out)[1]
	if out, err = e.cli(fresh, "apply", id); err == nil {
		t.Fatalf("a blocked plan without --confirm must fail:\n%s", out)
	}
	if out, err = e.cli(fresh, "apply", id, "--confirm", "3"); err != nil {
		t.Fatalf("confirmed: %v\n%s", err, out)
	}
	if e.simUser("m0001").Status != 2 {
		t.Fatal("m0001 should be disabled")
	}
	if _, err := e.cli(fresh, "report", "999"); err == nil {
		t.Fatal("an unknown run must fail")
	}
	if _, err := e.cli(fresh, "frobnicate"); err == nil {
		t.Fatal("an unknown command must fail")
	}
}

// The first sync into an almost empty corp: 2,000 creates are blocked by
// the growth thresholds until `sync apply ID --confirm-creates 2000`.
func TestCLIConfirmCreates(t *testing.T) {
	e := newEnv(t, testOrg())
	for i := 0; i < 2000; i++ {
		e.local.add(fmt.Sprintf("n%04d", i), "新人", fmt.Sprintf("137%08d", i), testRoot+"/研发部")
	}
	out, err := e.cli(e.svc, "plan", "--corp", "测试企业", "--direction", "to-wecom", "--json", "--no-pull")
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	var pj struct {
		ID             int64           `json:"id"`
		Blocked        bool            `json:"blocked"`
		ConfirmCreates bool            `json:"confirmCreates"`
		Reasons        []Warning       `json:"reasons"`
		Untouched      []PendingPair   `json:"untouched"`
		ReadAt         *string         `json:"wecomReadAt"`
		Summary        json.RawMessage `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &pj); err != nil || !pj.Blocked || !pj.ConfirmCreates || len(pj.Reasons) != 2 || pj.Untouched == nil {
		t.Fatalf("plan JSON: %v %+v", err, pj)
	}
	if pj.Reasons[0].Code != "creates_count" || pj.Reasons[1].Code != "growth_percent" {
		t.Fatalf("reasons: %+v", pj.Reasons)
	}
	id := fmt.Sprint(pj.ID)
	for _, args := range [][]string{{"apply", id}, {"apply", id, "--confirm-creates", "1999"}, {"apply", id, "--confirm", "2000"}} {
		if out, err := e.cli(e.svc, args...); err == nil || !strings.Contains(err.Error(), "--confirm-creates 2000") {
			t.Fatalf("%v must be refused: %v\n%s", args, err, out)
		}
	}
	out, err = e.cli(e.svc, "apply", id, "--confirm-creates", "2000")
	if err != nil || !strings.Contains(out, "2001/2001 done") {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	if n := len(e.sim.Org().Users); n != 2000 {
		t.Fatalf("WeCom has %d members", n)
	}
}
