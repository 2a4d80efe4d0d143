// Package jobs is the registry of long jobs (sync previews, applies,
// resumes, scheduled syncs, pulls, rematches, imports, exports). Starting a
// job returns its id at once; the work runs in the background under a
// context its Cancel ends. Every event the work
// emits is tagged with the job id, corp and plan, and a "job:update" event
// carries the job's state, so a page follows exactly the job it started and
// a page that reopens finds the running job by asking (List, Get).
//
// The registry is built once, in backend/services, and lives as long as the
// process; it is not persisted (a sync run's journal is what survives a
// restart, and History shows it).
package jobs

import (
	"time"

	"wecom-bridge/backend/usererr"
)

// Kind says what a job does.
type Kind string

// The kinds of long jobs.
const (
	KindPlan            Kind = "plan"             // compute a sync preview (refresh, gather, plan)
	KindApply           Kind = "apply"            // apply a sync plan
	KindScheduledSync   Kind = "scheduled-sync"   // a schedule's sync: pull, plan, apply when safe
	KindResume          Kind = "resume"           // resume a sync run
	KindPull            Kind = "pull"             // pull a corp's WeCom contacts
	KindRematch         Kind = "rematch"          // recompute binding proposals
	KindDirectoryImport Kind = "directory-import" // apply a reviewed directory import
	KindBindingImport   Kind = "binding-import"   // apply a reviewed bindings import
	KindExport          Kind = "export"           // write a file for download
	KindBackup          Kind = "backup"           // write a backup archive of the data directory
)

// State is where a job stands.
type State string

// Job states. A job ends once, in done, failed or cancelled.
const (
	Running   State = "running"
	Done      State = "done"
	Failed    State = "failed"
	Cancelled State = "cancelled"
)

// Job is what the UI sees of one job.
type Job struct {
	ID        string    `json:"id"`
	Kind      Kind      `json:"kind"`
	CorpID    int64     `json:"corpId"`
	PlanID    int64     `json:"planId"`
	RunID     int64     `json:"runId"` // the sync run an apply or resume is on, once it has one
	State     State     `json:"state"`
	Phase     string    `json:"phase"`
	Done      int       `json:"done"`
	Failed    int       `json:"failed"`
	Total     int       `json:"total"`
	StartedBy string    `json:"startedBy"`
	StartedAt time.Time `json:"startedAt"`
	// FinishedAt is zero while the job runs.
	FinishedAt time.Time `json:"finishedAt"`
	// Result is what the work returned (a sync run, a pull run, a summary, an
	// export…), also when it ended with an error: a run with failed
	// operations is still a run to show.
	Result any `json:"result"`
	// Error says why the job did not end done; nil when it did.
	Error *usererr.Message `json:"error"`
}

// Finished reports whether the job has ended.
func (j Job) Finished() bool { return j.State != Running }

// failureOf is why a job failed or stopped, as the admin reads it: the
// error's message, or an internal error whose details are logged with its
// reference (usererr.ForUI).
func failureOf(err error) *usererr.Message {
	if err == nil {
		return nil
	}
	m := usererr.ForUI("job", err)
	return &m
}

// Started is what starting a job returns at once.
type Started struct {
	JobID string `json:"jobId"`
}

// Filter selects jobs for List. Zero fields match every job.
type Filter struct {
	CorpID      int64 `json:"corpId"`
	Kind        Kind  `json:"kind"`
	RunningOnly bool  `json:"runningOnly"`
}

func (f Filter) match(j *Job) bool {
	return (f.CorpID == 0 || j.CorpID == f.CorpID) && (f.Kind == "" || j.Kind == f.Kind) &&
		(!f.RunningOnly || j.State == Running)
}

// Spec describes a job to start.
type Spec struct {
	Kind      Kind
	CorpID    int64
	PlanID    int64
	RunID     int64
	StartedBy string
	// Exclusive, when set, refuses the job while another running job has
	// the same key (one pull per corp, one apply per corp and direction).
	Exclusive string
}

// ErrNotFound is returned for a job id the registry does not know (never
// started in this process, or finished long enough ago to be forgotten).
var ErrNotFound = usererr.New("job_not_found", nil)

// ErrFinished is returned by Cancel for a job that has already ended.
var ErrFinished = usererr.New("job_finished", nil)

// busy refuses a job while another with the same exclusive key runs; the
// message names the running job, and ListJobs finds it.
func busy(running Job) error {
	return usererr.New("job_running", usererr.Args{"job": running.ID})
}
