package mirror

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

func genOrg(users, depts int) *wecomsim.Org {
	return wecomsim.GenerateOrg(wecomsim.GenerateOptions{Seed: 7, Users: users, Departments: depts})
}

func TestPullGeneratedOrg(t *testing.T) {
	org := genOrg(600, 60)
	e := newEnv(t, org, nil)
	run := e.mustPull(e.contactCred())

	if run.Status != StatusOK || run.Departments != 60 || run.Users != 600 || run.ID == 0 {
		t.Fatalf("run = %+v, want ok with 60 departments and 600 users", run)
	}
	stats := e.sim.Stats()
	var calls int64
	for _, n := range stats {
		calls += n
	}
	if calls != 60+2 || stats["gettoken"] != 1 || stats["department/list"] != 1 || stats["user/list"] != 60 {
		t.Errorf("API calls = %v (total %d), want gettoken 1 + department/list 1 + user/list 60 = 62", stats, calls)
	}
	if run.APICalls != 61 {
		t.Errorf("run.APICalls = %d, want 61 (department/list + 60 user/list)", run.APICalls)
	}

	paths := orgPaths(org)
	got := map[string]User{}
	for _, u := range e.users() {
		if _, dup := got[u.UserID]; dup {
			t.Fatalf("member %s appears twice", u.UserID)
		}
		got[u.UserID] = u
	}
	if len(got) != len(org.Users) {
		t.Fatalf("mirror has %d members, org %d", len(got), len(org.Users))
	}
	multi := 0
	for _, ou := range org.Users {
		u, ok := got[ou.UserID]
		if !ok {
			t.Fatalf("member %s missing", ou.UserID)
		}
		want := make([]int64, len(ou.Department))
		for i, d := range ou.Department {
			want[i] = int64(d)
		}
		if !slices.Equal(u.Departments, want) {
			t.Errorf("%s departments = %v, want %v", ou.UserID, u.Departments, want)
		}
		if len(want) > 1 {
			multi++
		}
		if u.MainDepartment != want[0] {
			t.Errorf("%s main department = %d, want %d", ou.UserID, u.MainDepartment, want[0])
		}
		if len(u.DeptPaths) != len(want) {
			t.Fatalf("%s has %d paths, want %d", ou.UserID, len(u.DeptPaths), len(want))
		}
		for i, d := range want {
			if !slices.Equal(u.DeptPaths[i], paths[d]) {
				t.Errorf("%s path %d = %v, want %v", ou.UserID, i, u.DeptPaths[i], paths[d])
			}
		}
		if u.Name != ou.Name || u.Mobile != ou.Mobile || u.Email != ou.Email || u.Position != ou.Position ||
			u.Status != ou.Status || u.Enable != (ou.Enable == 1) {
			t.Errorf("%s = %+v, org has %+v", ou.UserID, u, ou)
		}
	}
	if multi == 0 {
		t.Fatal("the generated org has no member in several departments; the test proves nothing")
	}

	depts, err := e.svc.Departments(context.Background(), e.corpID)
	if err != nil {
		t.Fatal(err)
	}
	if len(depts) != 60 {
		t.Fatalf("%d departments, want 60", len(depts))
	}
	seen := map[int64]bool{0: true}
	for _, d := range depts {
		if !seen[d.ParentID] {
			t.Errorf("department %d listed before its parent %d", d.ID, d.ParentID)
		}
		seen[d.ID] = true
		if !slices.Equal(d.Path, paths[d.ID]) {
			t.Errorf("department %d path = %v, want %v", d.ID, d.Path, paths[d.ID])
		}
	}

	sum, err := e.svc.Summary(context.Background(), e.corpID)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.HasMirror || sum.Users != 600 || sum.Departments != 60 || sum.PrivacyRestricted ||
		sum.PulledAt == nil || sum.RunID != run.ID || sum.LastRun == nil || sum.LastRun.Status != StatusOK || sum.Running {
		t.Errorf("summary = %+v", sum)
	}

	prog := e.rec.Named(ProgressEvent)
	if len(prog) == 0 {
		t.Fatal("no progress events")
	}
	last := prog[len(prog)-1].(events.Progress)
	if !last.Final || last.Done != 60 || last.Total != 60 || last.Phase != StatusOK {
		t.Errorf("final progress = %+v", last)
	}
}

func TestPullPrivacyRestrictedApp(t *testing.T) {
	e := newEnv(t, genOrg(200, 20), nil)
	run := e.mustPull(e.appCred(wecomsim.AgentRestricted))
	if !run.PrivacyRestricted || run.Users != 200 {
		t.Fatalf("run = %+v, want privacy restricted with 200 members", run)
	}
	var withContact int
	if err := e.st.DB.Get(&withContact, `SELECT COUNT(*) FROM mirror_users WHERE mobile <> '' OR email <> '' OR biz_mail <> ''`); err != nil {
		t.Fatal(err)
	}
	if withContact != 0 {
		t.Errorf("%d stored members have a mobile or email from a privacy-restricted app", withContact)
	}
	sum, _ := e.svc.Summary(context.Background(), e.corpID)
	if !sum.PrivacyRestricted {
		t.Error("summary does not say mobile and email were withheld")
	}

	// The same corp pulled with the contact secret gets them back.
	run = e.mustPull(e.contactCred())
	if run.PrivacyRestricted {
		t.Error("contact-secret pull marked privacy restricted")
	}
}

func TestPullScopedAppGetsOnlyItsScope(t *testing.T) {
	org := genOrg(300, 40)
	e := newEnv(t, org, nil)
	scope := int64(org.Apps[2].AllowParty[0])
	parent := map[int64]int64{}
	for _, d := range org.Departments {
		parent[int64(d.ID)] = int64(d.ParentID)
	}
	inScope := func(id int64) bool {
		for cur := id; cur != 0; cur = parent[cur] {
			if cur == scope {
				return true
			}
		}
		return false
	}
	wantDepts := 0
	for _, d := range org.Departments {
		if inScope(int64(d.ID)) {
			wantDepts++
		}
	}
	wantUsers := map[string]bool{}
	for _, u := range org.Users {
		for _, d := range u.Department {
			if inScope(int64(d)) {
				wantUsers[u.UserID] = true
			}
		}
	}
	if scope == 1 || wantDepts < 2 || len(wantUsers) == 0 {
		t.Fatalf("scope %d with %d departments, %d members: pick another seed", scope, wantDepts, len(wantUsers))
	}

	run := e.mustPull(e.appCred(wecomsim.AgentScoped))
	if run.Departments != wantDepts || run.Users != len(wantUsers) {
		t.Fatalf("run has %d departments and %d members, want %d and %d", run.Departments, run.Users, wantDepts, len(wantUsers))
	}
	if n := e.sim.Stats()["user/list"]; n != int64(wantDepts) {
		t.Errorf("user/list called %d times, want %d", n, wantDepts)
	}
	depts, _ := e.svc.Departments(context.Background(), e.corpID)
	for _, d := range depts {
		if !inScope(d.ID) {
			t.Errorf("department %d (%s) is outside the app's scope", d.ID, d.Name)
		}
		if d.ID == scope && len(d.Path) != 1 {
			t.Errorf("scope root path = %v, want it to start at the topmost visible department", d.Path)
		}
	}
	for _, u := range e.users() {
		if !wantUsers[u.UserID] {
			t.Errorf("member %s is outside the app's scope", u.UserID)
		}
		if len(u.DeptPaths) == 0 {
			t.Errorf("member %s has no department path", u.UserID)
		}
	}
}

func TestPullPartialKeepsPreviousMirror(t *testing.T) {
	org := genOrg(300, 30)
	var failing atomic.Bool
	// 60011 is not retried; HTTP 502 is, and still fails.
	e := newEnv(t, org, failDepartments(&failing, map[int]int{3: 60011, 5: 60011, 7: -502}))
	first := e.mustPull(e.contactCred())
	before := e.users()

	failing.Store(true)
	run, err := e.pull(e.contactCred())
	if !errors.Is(err, ErrPartial) || run == nil || run.Status != StatusPartial {
		t.Fatalf("pull with failing departments: run %+v, err %v; want partial and ErrPartial", run, err)
	}
	names := map[int64]string{}
	for _, d := range org.Departments {
		names[int64(d.ID)] = d.Name
	}
	var failedIDs []int64
	for _, f := range run.FailedDepartments {
		failedIDs = append(failedIDs, f.ID)
		if f.Name != names[f.ID] || f.Fix.ZH == "" || f.Fix.EN == "" || f.Errmsg == "" {
			t.Errorf("failed department %+v: want its name, errmsg and a fix", f)
		}
		if wantCode := map[int64]int{3: 60011, 5: 60011, 7: 0}[f.ID]; f.Errcode != wantCode {
			t.Errorf("department %d errcode = %d, want %d", f.ID, f.Errcode, wantCode)
		}
	}
	if !slices.Equal(failedIDs, []int64{3, 5, 7}) {
		t.Errorf("failed departments = %v, want [3 5 7]", failedIDs)
	}
	if !strings.Contains(err.Error(), names[3]) || !strings.Contains(err.Error(), "60011") ||
		!strings.Contains(err.Error(), "previous mirror is kept") {
		t.Errorf("error %q should name the department, errcode and that the mirror is kept", err)
	}
	if after := e.users(); !slices.EqualFunc(before, after, usersEqual) {
		t.Error("a partial pull changed the mirror")
	}
	sum, _ := e.svc.Summary(context.Background(), e.corpID)
	if sum.RunID != first.ID || sum.LastRun.ID != run.ID || sum.LastRun.Status != StatusPartial {
		t.Errorf("summary = %+v; want the mirror of run %d and last run %d partial", sum, first.ID, run.ID)
	}
	runs, err := e.svc.Runs(context.Background(), e.corpID, 10)
	if err != nil || len(runs) != 2 || runs[0].Status != StatusPartial || runs[1].Status != StatusOK ||
		len(runs[0].FailedDepartments) != 3 || runs[0].FailedDepartments[0].Fix.EN == "" {
		t.Errorf("runs = %+v, %v", runs, err)
	}
}

func TestPullSimFaultsOnUserList(t *testing.T) {
	e := newEnv(t, genOrg(100, 12), nil)
	e.mustPull(e.contactCred())
	before := e.users()

	for _, f := range []wecomsim.Fault{{HTTP502Rate: 1}, {ErrorRate: 1}} {
		e.sim.SetFaults(wecomsim.Faults{PerAPI: map[string]wecomsim.Fault{"user/list": f}})
		run, err := e.pull(e.contactCred())
		if err == nil || run.Status != StatusPartial || len(run.FailedDepartments) != 12 {
			t.Fatalf("fault %+v: run %+v, err %v; want partial with all 12 departments failed", f, run, err)
		}
		wantCode := 0
		if f.ErrorRate > 0 {
			wantCode = -1
		}
		if c := run.FailedDepartments[0].Errcode; c != wantCode {
			t.Errorf("fault %+v: errcode %d, want %d", f, c, wantCode)
		}
		if after := e.users(); !slices.EqualFunc(before, after, usersEqual) {
			t.Errorf("fault %+v: the mirror changed", f)
		}
	}
}

func TestPullFailsOnBadSecret(t *testing.T) {
	e := newEnv(t, genOrg(50, 10), nil)
	e.mustPull(e.contactCred())
	run, err := e.pull(wecom.Credential{Name: "通讯录同步", Secret: "wrong-secret"})
	if err == nil || run == nil || run.Status != StatusFailed {
		t.Fatalf("run %+v, err %v; want failed", run, err)
	}
	if wecom.ErrCode(err) != wecom.CodeInvalidSecret || !strings.Contains(err.Error(), "Fix:") {
		t.Errorf("error %q: want errcode 40001 and a fix", err)
	}
	if len(e.users()) != 50 {
		t.Error("a failed pull changed the mirror")
	}
}

func TestPullCancelKeepsMirror(t *testing.T) {
	e := newEnv(t, genOrg(200, 80), nil)
	e.mustPull(e.contactCred())
	before := e.users()

	e.sim.SetFaults(wecomsim.Faults{PerAPI: map[string]wecomsim.Fault{"user/list": {Latency: 200 * time.Millisecond}}})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	run, err := e.svc.Pull(ctx, e.corpID, e.client(), e.contactCred(), TriggerManual, "test")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("cancelled pull took %v to return", took)
	}
	if run == nil || run.Status != StatusCancelled {
		t.Fatalf("run = %+v, want cancelled", run)
	}
	runs, _ := e.svc.Runs(context.Background(), e.corpID, 1)
	if len(runs) != 1 || runs[0].Status != StatusCancelled || runs[0].ID != run.ID {
		t.Errorf("latest run = %+v, want the cancelled one", runs)
	}
	if after := e.users(); !slices.EqualFunc(before, after, usersEqual) {
		t.Error("a cancelled pull changed the mirror")
	}
}

func TestPullConcurrentRefused(t *testing.T) {
	e := newEnv(t, genOrg(100, 20), nil)
	// The first pull's member reads are held long enough for the second to
	// find it running even on a loaded machine (50 ms was not), then let go.
	e.sim.SetFaults(wecomsim.Faults{PerAPI: map[string]wecomsim.Fault{"user/list": {Latency: 3 * time.Second}}})
	done := make(chan error, 1)
	go func() {
		_, err := e.pull(e.contactCred())
		done <- err
	}()
	for deadline := time.Now().Add(5 * time.Second); !e.svc.running(e.corpID); {
		if time.Now().After(deadline) {
			t.Fatal("the first pull never started")
		}
		time.Sleep(time.Millisecond)
	}
	_, err := e.pull(e.contactCred())
	if !errors.Is(err, ErrPullRunning) || !strings.Contains(err.Error(), "a pull for this corp is already running") {
		t.Errorf("second pull: err = %v, want ErrPullRunning", err)
	}
	e.sim.SetFaults(wecomsim.Faults{})
	// Another corp is not blocked.
	other := e.addCorp("另一个企业", "wwother0000000000")
	if _, err := e.svc.Pull(context.Background(), other, e.client(), e.contactCred(), TriggerSchedule, "test"); err != nil {
		t.Errorf("pull of another corp: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("first pull: %v", err)
	}
	if _, err := e.pull(e.contactCred()); err != nil {
		t.Errorf("pull after the first finished: %v", err)
	}
}

func TestPullRejectsBadInput(t *testing.T) {
	e := newEnv(t, genOrg(20, 5), nil)
	ctx := context.Background()
	if _, err := e.svc.Pull(ctx, e.corpID, e.client(), e.contactCred(), "cron", ""); err == nil {
		t.Error("trigger cron accepted")
	}
	if _, err := e.svc.Pull(ctx, e.corpID+100, e.client(), e.contactCred(), TriggerManual, ""); err == nil ||
		!strings.Contains(err.Error(), "does not exist") {
		t.Errorf("pull of a missing corp: err = %v", err)
	}
	if _, err := e.svc.Pull(ctx, e.corpID, nil, e.contactCred(), TriggerManual, ""); err == nil {
		t.Error("pull without a client accepted")
	}
	if n := e.sim.Stats()["gettoken"]; n != 0 {
		t.Errorf("refused pulls still called WeCom (%d gettoken)", n)
	}
}

func TestPullTimeoutIsRecorded(t *testing.T) {
	e := newEnv(t, genOrg(50, 20), nil)
	e.sim.SetFaults(wecomsim.Faults{PerAPI: map[string]wecomsim.Fault{"user/list": {Latency: 100 * time.Millisecond}}})
	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
	defer cancel()
	run, err := e.svc.Pull(ctx, e.corpID, e.client(), e.contactCred(), TriggerSchedule, "scheduler")
	if !errors.Is(err, context.DeadlineExceeded) || run == nil || run.Status != StatusCancelled ||
		run.Error == nil || !strings.Contains(run.Error.EN, "timed out") {
		t.Fatalf("run %+v, err %v; want a cancelled run that says it timed out", run, err)
	}
	if sum, _ := e.svc.Summary(context.Background(), e.corpID); sum.HasMirror || sum.LastRun.Trigger != TriggerSchedule {
		t.Errorf("summary = %+v", sum)
	}
}

func usersEqual(a, b User) bool {
	return a.UserID == b.UserID && a.Name == b.Name && a.Mobile == b.Mobile && a.Email == b.Email &&
		a.Status == b.Status && a.MainDepartment == b.MainDepartment && slices.Equal(a.Departments, b.Departments) &&
		slices.EqualFunc(a.DeptPaths, b.DeptPaths, slices.Equal)
}

// Cancel stops a pull stuck on a WeCom call that never answers (the
// simulator's latency fault set to an hour): the pull ends cancelled and
// recorded, and the mirror is kept.
func TestCancelStopsAHungPull(t *testing.T) {
	e := newEnv(t, genOrg(50, 10), nil)
	e.mustPull(e.contactCred())
	before := e.users()
	if err := e.svc.Cancel(e.corpID); !errors.Is(err, ErrNoPull) {
		t.Fatalf("cancel without a pull: %v, want ErrNoPull", err)
	}
	e.sim.SetFaults(wecomsim.Faults{PerAPI: map[string]wecomsim.Fault{"user/list": {Latency: time.Hour}}})
	calls := e.sim.Stats()["user/list"] // the first pull's
	type result struct {
		run *Run
		err error
	}
	done := make(chan result, 1)
	go func() {
		run, err := e.svc.Pull(context.Background(), e.corpID, e.client(), e.contactCred(), TriggerManual, "test")
		done <- result{run, err}
	}()
	for deadline := time.Now().Add(30 * time.Second); e.sim.Stats()["user/list"] == calls; {
		if time.Now().After(deadline) {
			t.Fatal("the pull never reached user/list")
		}
		time.Sleep(time.Millisecond)
	}
	if err := e.svc.Cancel(e.corpID); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if !errors.Is(r.err, context.Canceled) || r.run == nil || r.run.Status != StatusCancelled {
		t.Fatalf("run %+v, err %v; want a cancelled run", r.run, r.err)
	}
	runs, _ := e.svc.Runs(context.Background(), e.corpID, 1)
	if len(runs) != 1 || runs[0].ID != r.run.ID {
		t.Fatalf("the cancelled pull must be in the history: %+v", runs)
	}
	if after := e.users(); !slices.EqualFunc(before, after, usersEqual) {
		t.Error("a cancelled pull changed the mirror")
	}
	if n, err := e.svc.RecordInterrupted(context.Background()); n != 0 || err != nil {
		t.Fatalf("a finished pull must leave nothing to record as interrupted: %d %v", n, err)
	}
}

// A pull marked running by a process that died is recorded as interrupted
// once, at the next start.
func TestRecordInterruptedPull(t *testing.T) {
	e := newEnv(t, genOrg(20, 5), nil)
	started := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := markActive(context.Background(), e.st.DB, e.corpID, started, TriggerSchedule, "system:schedule"); err != nil {
		t.Fatal(err)
	}
	n, err := e.svc.RecordInterrupted(context.Background())
	if err != nil || n != 1 {
		t.Fatalf("recorded %d, %v; want 1", n, err)
	}
	runs, _ := e.svc.Runs(context.Background(), e.corpID, 5)
	if len(runs) != 1 || runs[0].Status != StatusInterrupted || !runs[0].StartedAt.Equal(started) ||
		runs[0].Trigger != TriggerSchedule || runs[0].Error == nil || !strings.Contains(runs[0].Error.EN, "Pull again") {
		t.Fatalf("runs = %+v", runs)
	}
	if n, _ := e.svc.RecordInterrupted(context.Background()); n != 0 {
		t.Fatalf("recorded again: %d", n)
	}
	if _, err := e.pull(e.contactCred()); err != nil {
		t.Fatalf("a pull after an interrupted one: %v", err)
	}
}
