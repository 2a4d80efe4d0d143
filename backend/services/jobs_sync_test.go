package services

import (
	"context"
	"testing"
	"time"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/jobs"
	"wecom-bridge/backend/syncer"
	"wecom-bridge/backend/wecom/wecomsim"
)

func waitJob(t *testing.T, s *Services, id string) jobs.Job {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	j, err := s.Jobs.Wait(ctx, id)
	if err != nil {
		t.Fatalf("job %s: %v", id, err)
	}
	return j
}

// waitRunning waits until the corp has a running job of kind and returns it.
func waitRunning(t *testing.T, s *Services, corpID int64, kind jobs.Kind) jobs.Job {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if js := s.Jobs.List(jobs.Filter{CorpID: corpID, Kind: kind, RunningOnly: true}); len(js) > 0 {
			return js[0]
		}
		if time.Now().After(deadline) {
			t.Fatalf("no running %s job of corp %d", kind, corpID)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestSyncPreviewIsAJobWithPhases: a preview returns a job id at once; the
// job refreshes the mirror (a pull's phases), then plans; its result is the
// stored plan and the job names its corp and plan.
func TestSyncPreviewIsAJobWithPhases(t *testing.T) {
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	s := openTest(t)
	rec := &events.Recorder{}
	s.Events.Set(rec)
	importSample(t, s)
	c, err := s.StartDemo(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	started, err := s.StartPlanSync(c.ID, syncer.ToWeCom, "test")
	if err != nil || started.JobID == "" {
		t.Fatalf("start: %+v %v", started, err)
	}
	if _, err := s.StartPlanSync(c.ID, "sideways", "test"); err == nil {
		t.Fatal("an unknown direction must be refused before a job starts")
	}
	j := waitJob(t, s, started.JobID)
	plan, ok := j.Result.(*syncer.Plan)
	if j.State != jobs.Done || j.Kind != jobs.KindPlan || j.CorpID != c.ID || !ok || plan.ID == 0 || j.PlanID != plan.ID {
		t.Fatalf("preview job: %+v", j)
	}
	var phases []string
	for _, u := range rec.Named(events.JobUpdate) {
		if u := u.(jobs.Job); u.ID == started.JobID && u.State == jobs.Running && u.Phase != "" && (len(phases) == 0 || phases[len(phases)-1] != u.Phase) {
			phases = append(phases, u.Phase)
		}
	}
	if len(phases) < 3 || phases[0] != PhaseRefreshing || phases[len(phases)-1] != PhasePlanning {
		t.Fatalf("phases: %v (want refreshing, the pull's, planning)", phases)
	}
}

// TestScheduledSyncAndItsPullAreJobs: a schedule's tick runs as a job
// (started by system:schedule, listed with its corp) whose pull is a pull
// job of its own; cancelling the scheduled job by its id stops both, and a
// tick while one runs starts no second one.
func TestScheduledSyncAndItsPullAreJobs(t *testing.T) {
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	s := openTest(t)
	c, err := s.StartDemo(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.scheduler = syncer.NewScheduler(s.Sync, s.planner, wecomNotifier{s}, s.Log)
	s.Corps.DemoSim().SetFaults(wecomsim.Faults{PerAPI: map[string]wecomsim.Fault{"user/list": {Latency: time.Hour}}})

	entry := syncer.ScheduleEntry{CorpID: c.ID, Direction: syncer.ToWeCom, Spec: "@daily", Full: true}
	s.launchScheduled(entry)
	sched := waitRunning(t, s, c.ID, jobs.KindScheduledSync)
	pull := waitRunning(t, s, c.ID, jobs.KindPull)
	if sched.StartedBy != "system:schedule" || pull.StartedBy != "system:schedule" {
		t.Fatalf("started by: %q, %q", sched.StartedBy, pull.StartedBy)
	}
	s.launchScheduled(entry) // the same schedule again while it runs: skipped
	if n := len(s.Jobs.List(jobs.Filter{CorpID: c.ID, Kind: jobs.KindScheduledSync})); n != 1 {
		t.Fatalf("%d scheduled jobs, want 1", n)
	}
	if err := s.Jobs.Cancel(sched.ID); err != nil {
		t.Fatal(err)
	}
	if j := waitJob(t, s, sched.ID); j.State != jobs.Cancelled {
		t.Fatalf("scheduled job after cancel: %+v", j)
	}
	if j := waitJob(t, s, pull.ID); j.State != jobs.Cancelled {
		t.Fatalf("its pull job: %+v", j)
	}
	if got := s.Jobs.List(jobs.Filter{CorpID: c.ID, RunningOnly: true}); len(got) != 0 {
		t.Fatalf("still running: %+v", got)
	}
}
