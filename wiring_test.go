package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/events"
	"wecom-bridge/backend/jobs"
	"wecom-bridge/backend/server"
	"wecom-bridge/backend/services"
	"wecom-bridge/backend/syncer"
	"wecom-bridge/backend/wecom/wecomsim"
)

// These tests go through the wiring production uses: services.Open, the
// bound App (what Wails binds) and serve mode's RPC handler over real HTTP,
// with corps on real simulators.

const wiringToken = "wiring-test-token-0123456789abcdef0123"

type wired struct {
	svc *services.Services
	app *App
	rec *events.Recorder
	srv *httptest.Server
}

func openWired(t *testing.T) *wired {
	t.Helper()
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	svc, err := services.Open(context.Background(), t.TempDir(), services.ModeServe, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	hub, rec := events.NewHub(), &events.Recorder{}
	svc.Events.Set(events.Multi{hub, rec})
	bound, _ := bindApp(svc)
	srv := httptest.NewServer(server.New(server.Config{Bound: bound, Hub: hub, Token: server.Token{Value: wiringToken}}))
	t.Cleanup(srv.Close)
	return &wired{svc: svc, app: bound.(*App), rec: rec, srv: srv}
}

// rpc calls a bound method over serve mode's HTTP bridge and decodes its result into out.
func (w *wired) rpc(t *testing.T, method string, out any, args ...any) error {
	t.Helper()
	if args == nil {
		args = []any{}
	}
	body, _ := json.Marshal(args)
	req, _ := http.NewRequest("POST", w.srv.URL+"/api/rpc/"+method, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+wiringToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var env struct {
		Result json.RawMessage `json:"result"`
		Error  *struct{ Code, Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		t.Fatalf("%s: decode: %v", method, err)
	}
	if env.Error != nil {
		return fmt.Errorf("%s: %s (%s)", method, env.Error.Message, env.Error.Code)
	}
	if out != nil {
		if err := json.Unmarshal(env.Result, out); err != nil {
			t.Fatalf("%s: decode result %s: %v", method, env.Result, err)
		}
	}
	return nil
}

// waitJob polls GetJob over RPC (as a page that reopens would) until the job ends.
func (w *wired) waitJob(t *testing.T, id string) jobs.Job {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if _, err := w.svc.Jobs.Wait(ctx, id); err != nil {
		t.Fatalf("job %s: %v", id, err)
	}
	var j jobs.Job
	if err := w.rpc(t, "GetJob", &j, id); err != nil {
		t.Fatal(err)
	}
	return j
}

// simCorp adds a corp backed by its own simulator (a generated org), with
// its first app, and returns the corp and the simulator.
func simCorp(t *testing.T, w *wired, name string, seed int64) (*corp.Corp, *wecomsim.Sim) {
	t.Helper()
	sim := wecomsim.New(wecomsim.GenerateOrg(wecomsim.GenerateOptions{Seed: seed, Users: 40, Departments: 6, CorpName: name}))
	srv, err := sim.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	org := sim.Org()
	ctx := context.Background()
	res, err := w.svc.Corps.SaveCorp(ctx, corp.CorpInput{Name: name, CorpID: org.CorpID, APIBaseURL: srv.URL,
		ContactPermission: corp.PermissionWrite, ContactSecret: org.ContactSecret})
	if err != nil || !res.OK {
		t.Fatalf("save corp %s: %+v %v", name, res, err)
	}
	for _, a := range org.Apps {
		if a.AgentID != wecomsim.AgentAll {
			continue
		}
		r, err := w.svc.Corps.SaveApp(ctx, corp.AppInput{CorpRef: res.ID, Name: a.Name, AgentID: fmt.Sprint(a.AgentID), Secret: a.Secret})
		if err != nil || !r.OK {
			t.Fatalf("save app: %+v %v", r, err)
		}
	}
	c, err := w.svc.Corps.Get(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	return c, sim
}

// hang makes one API of a simulator answer only after an hour.
func hang(sim *wecomsim.Sim, api string) {
	sim.SetFaults(wecomsim.Faults{PerAPI: map[string]wecomsim.Fault{api: {Latency: time.Hour}}})
}

// progressOf returns the recorded progress events of one event name.
func progressOf(rec *events.Recorder, name string) []events.Progress {
	var out []events.Progress
	for _, p := range rec.Named(name) {
		if pr, ok := p.(events.Progress); ok {
			out = append(out, pr)
		}
	}
	return out
}

// TestPullJobsOnTwoCorps: two pulls started through the RPC bridge each
// return a job id at once; one hangs on WeCom, the other finishes; CancelJob
// names the hung one and stops it only; every progress event carries its
// own job and corp; ListJobs finds the running job for a page that reopens.
func TestPullJobsOnTwoCorps(t *testing.T) {
	w := openWired(t)
	a, simA := simCorp(t, w, "甲公司", 11)
	b, _ := simCorp(t, w, "乙公司", 12)
	hang(simA, "user/list")

	var ja, jb jobs.Started
	if err := w.rpc(t, "PullCorp", &ja, a.ID, 0); err != nil || ja.JobID == "" {
		t.Fatalf("pull a: %+v %v", ja, err)
	}
	if err := w.rpc(t, "PullCorp", &jb, b.ID, 0); err != nil || jb.JobID == "" || jb.JobID == ja.JobID {
		t.Fatalf("pull b: %+v %v", jb, err)
	}
	// A second pull of the same corp is refused while the first runs.
	if err := w.rpc(t, "PullCorp", nil, a.ID, 0); err == nil {
		t.Fatal("a second pull of corp a must be refused while its first runs")
	}
	doneB := w.waitJob(t, jb.JobID)
	if doneB.State != jobs.Done || doneB.CorpID != b.ID {
		t.Fatalf("job b: %+v", doneB)
	}
	var running []jobs.Job
	if err := w.rpc(t, "ListJobs", &running, jobs.Filter{CorpID: a.ID, RunningOnly: true}); err != nil || len(running) != 1 || running[0].ID != ja.JobID {
		t.Fatalf("a page that reopens must find corp a's running pull: %+v %v", running, err)
	}
	if err := w.rpc(t, "CancelJob", nil, ja.JobID); err != nil {
		t.Fatal(err)
	}
	doneA := w.waitJob(t, ja.JobID)
	if doneA.State != jobs.Cancelled || doneA.Error == nil {
		t.Fatalf("job a: %+v", doneA)
	}
	if err := w.rpc(t, "CancelJob", nil, jb.JobID); err == nil {
		t.Fatal("cancelling a finished job must say it has ended")
	}
	for _, p := range progressOf(w.rec, "pull:progress") {
		switch p.Job {
		case ja.JobID:
			if p.CorpID != a.ID {
				t.Fatalf("job a's event names corp %d", p.CorpID)
			}
		case jb.JobID:
			if p.CorpID != b.ID {
				t.Fatalf("job b's event names corp %d", p.CorpID)
			}
		default:
			t.Fatalf("a pull event without its job: %+v", p)
		}
	}
	// The rematch job's result is the review summary of its corp.
	var jr jobs.Started
	if err := w.rpc(t, "RematchBindings", &jr, b.ID); err != nil {
		t.Fatal(err)
	}
	if j := w.waitJob(t, jr.JobID); j.State != jobs.Done || j.Kind != jobs.KindRematch || j.Result.(map[string]any)["membersPulled"] != float64(40) {
		t.Fatalf("rematch job: %+v", j)
	}
}

// planToWeCom imports nothing (the caller did), pulls the corp, matches and
// previews a to-WeCom sync that creates the directory's accounts under the
// WeCom root.
func planToWeCom(t *testing.T, w *wired, corpID int64) *syncer.Plan {
	t.Helper()
	ctx := context.Background()
	o, err := w.svc.Sync.GetOptions(ctx, corpID, syncer.ToWeCom)
	if err != nil {
		t.Fatal(err)
	}
	o.TopDepartment, o.CreateUsers = 1, true
	if err := w.svc.SetSyncOptions(ctx, corpID, syncer.ToWeCom, o); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.Pull(ctx, corpID, 0, "manual", "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.Rematch(ctx, corpID, "test"); err != nil {
		t.Fatal(err)
	}
	plan, err := w.svc.PlanSync(ctx, corpID, syncer.ToWeCom, "test")
	if err != nil {
		t.Fatal(err)
	}
	if plan.Summary.Total == 0 {
		t.Fatalf("corp %d: empty plan %+v", corpID, plan.Summary)
	}
	return plan
}

func importSample(t *testing.T, w *wired) {
	t.Helper()
	ctx := context.Background()
	csv, err := os.ReadFile("docs/samples/directory-sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := w.svc.Transfer.PutUpload(bytes.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	prev, err := w.svc.PreviewDirectoryImport(ctx, id, "directory-sample.csv", false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.Directory.Apply(ctx, prev.Preview.ID, 0); err != nil {
		t.Fatal(err)
	}
}

// TestTwoConcurrentAppliesOnTwoCorps: two applies started through the RPC
// bridge on two corps run at once. Corp a's WeCom never answers its writes,
// corp b's does. Each job's events name its own corp, plan and run only;
// a page that reopens finds corp a's running apply by asking; CancelJob of
// a's job stops a's run only (cancelled, resumable) while b's ends done.
func TestTwoConcurrentAppliesOnTwoCorps(t *testing.T) {
	w := openWired(t)
	importSample(t, w)
	a, simA := simCorp(t, w, "甲公司", 21)
	b, simB := simCorp(t, w, "乙公司", 22)
	planA, planB := planToWeCom(t, w, a.ID), planToWeCom(t, w, b.ID)
	simA.SetFaults(wecomsim.Faults{PerAPI: map[string]wecomsim.Fault{
		"department/create": {Latency: time.Hour}, "user/create": {Latency: time.Hour}}})

	var ja, jb jobs.Started
	if err := w.rpc(t, "ApplySync", &ja, planA.ID, planA.Summary.Removals, planA.Summary.Creates()); err != nil {
		t.Fatal(err)
	}
	if err := w.rpc(t, "ApplySync", &jb, planB.ID, planB.Summary.Removals, planB.Summary.Creates()); err != nil {
		t.Fatal(err)
	}
	endB := w.waitJob(t, jb.JobID)
	if endB.State != jobs.Done || endB.CorpID != b.ID || endB.PlanID != planB.ID || endB.RunID == 0 {
		t.Fatalf("job b: %+v", endB)
	}
	var running []jobs.Job
	if err := w.rpc(t, "ListJobs", &running, jobs.Filter{CorpID: a.ID, Kind: jobs.KindApply, RunningOnly: true}); err != nil ||
		len(running) != 1 || running[0].ID != ja.JobID || running[0].PlanID != planA.ID {
		t.Fatalf("a page that reopens must find corp a's running apply: %+v %v", running, err)
	}
	if err := w.rpc(t, "CancelJob", nil, ja.JobID); err != nil {
		t.Fatal(err)
	}
	endA := w.waitJob(t, ja.JobID)
	if endA.State != jobs.Cancelled || endA.RunID == 0 || endA.RunID == endB.RunID {
		t.Fatalf("job a: %+v", endA)
	}
	ctx := context.Background()
	runA, _ := w.svc.Sync.GetRun(ctx, endA.RunID)
	runB, _ := w.svc.Sync.GetRun(ctx, endB.RunID)
	if runA.Status != syncer.RunCancelled || !runA.Resumable() || runA.PlanID != planA.ID {
		t.Fatalf("run a: %+v", runA)
	}
	if runB.Status != syncer.RunDone || runB.Done != planB.Summary.Total || runB.PlanID != planB.ID {
		t.Fatalf("run b: %+v", runB)
	}
	if len(simB.Org().Users) <= 40 {
		t.Fatal("corp b's WeCom got none of the accounts")
	}
	// Every progress event names its job, and a job's events its own corp, plan and run.
	own := map[string]jobs.Job{ja.JobID: endA, jb.JobID: endB}
	seen := map[string]int{}
	for _, p := range progressOf(w.rec, "sync:progress") {
		j, ok := own[p.Job]
		if !ok {
			t.Fatalf("a sync event without its job: %+v", p)
		}
		if p.CorpID != j.CorpID || p.PlanID != j.PlanID || p.RunID != j.RunID {
			t.Fatalf("job %s's event names corp %d plan %d run %d", p.Job, p.CorpID, p.PlanID, p.RunID)
		}
		seen[p.Job]++
	}
	if seen[ja.JobID] == 0 || seen[jb.JobID] == 0 {
		t.Fatalf("each job reports its own progress: %v", seen)
	}
	for _, u := range w.rec.Named(events.JobUpdate) {
		j := u.(jobs.Job)
		if want := own[j.ID]; j.Kind == jobs.KindApply && j.RunID != 0 && j.RunID != want.RunID {
			t.Fatalf("job %s's update names run %d, want %d", j.ID, j.RunID, want.RunID)
		}
	}
	// The cancelled run resumes as a job of its own, on corp a only.
	simA.SetFaults(wecomsim.Faults{})
	var jr jobs.Started
	if err := w.rpc(t, "ResumeSyncRun", &jr, endA.RunID); err != nil {
		t.Fatal(err)
	}
	if j := w.waitJob(t, jr.JobID); j.State != jobs.Done || j.Kind != jobs.KindResume || j.RunID != endA.RunID || j.CorpID != a.ID {
		t.Fatalf("resume job: %+v", j)
	}
}

// TestImportsAndExportsAreJobs: a directory import applied and files
// exported through the RPC bridge each return a job id at once; the job's
// result is what the import changed, or the file to download.
func TestImportsAndExportsAreJobs(t *testing.T) {
	w := openWired(t)
	csv, err := os.ReadFile("docs/samples/directory-sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	upload, _, err := w.svc.Transfer.PutUpload(bytes.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	var prev struct {
		Preview struct{ ID int64 } `json:"preview"`
	}
	if err := w.rpc(t, "PreviewDirectoryImport", &prev, upload, "directory-sample.csv", false); err != nil {
		t.Fatal(err)
	}
	var started jobs.Started
	if err := w.rpc(t, "ApplyDirectoryImport", &started, prev.Preview.ID, 0); err != nil {
		t.Fatal(err)
	}
	j := w.waitJob(t, started.JobID)
	if res, _ := j.Result.(map[string]any); j.State != jobs.Done || j.Kind != jobs.KindDirectoryImport || res["added"] != float64(20) {
		t.Fatalf("import job: %+v", j)
	}
	// The same preview applied twice is refused through the job's error, with its code.
	if err := w.rpc(t, "ApplyDirectoryImport", &started, prev.Preview.ID, 0); err != nil {
		t.Fatal(err)
	}
	if j := w.waitJob(t, started.JobID); j.State != jobs.Failed || j.Error == nil || j.Error.Code == "" {
		t.Fatalf("second apply of one preview: %+v", j)
	}
	if err := w.rpc(t, "ExportDirectory", &started, "csv", "zh"); err != nil {
		t.Fatal(err)
	}
	j = w.waitJob(t, started.JobID)
	file, _ := j.Result.(map[string]any)
	if j.State != jobs.Done || j.Kind != jobs.KindExport || file["bytes"] == float64(0) || file["name"] == "" {
		t.Fatalf("export job: %+v", j)
	}
}
