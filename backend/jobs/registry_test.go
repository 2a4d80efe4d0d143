package jobs

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/usererr"
)

func waitJob(t *testing.T, r *Registry, id string) Job {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	j, err := r.Wait(ctx, id)
	if err != nil {
		t.Fatalf("wait %s: %v", id, err)
	}
	return j
}

// blocked is work that reports progress once, then waits for release or its cancellation.
func blocked(release <-chan struct{}, started chan<- string) Func {
	return func(ctx context.Context, h *Handle) (any, error) {
		events.From(ctx, nil).Emit("x:progress", events.Progress{Phase: "working", Done: 1, Total: 2, RunID: 77})
		started <- h.ID()
		select {
		case <-release:
			return "result", nil
		case <-ctx.Done():
			return "partial", fmt.Errorf("stopped: %w", ctx.Err())
		}
	}
}

func TestStartReturnsAtOnceAndEventsCarryTheJob(t *testing.T) {
	rec := &events.Recorder{}
	r := New(rec, nil)
	defer r.Close()
	release, started := make(chan struct{}), make(chan string, 1)
	s, err := r.Start(Spec{Kind: KindApply, CorpID: 3, PlanID: 9}, blocked(release, started))
	if err != nil || s.JobID == "" {
		t.Fatalf("start: %+v %v", s, err)
	}
	<-started
	j, err := r.Get(s.JobID)
	if err != nil || j.State != Running || j.Phase != "working" || j.Done != 1 || j.RunID != 77 {
		t.Fatalf("running job: %+v %v", j, err)
	}
	if got := r.List(Filter{CorpID: 3, RunningOnly: true}); len(got) != 1 || got[0].ID != s.JobID {
		t.Fatalf("a page that reopens must find the running job: %+v", got)
	}
	if got := r.List(Filter{CorpID: 4}); len(got) != 0 {
		t.Fatalf("another corp's list: %+v", got)
	}
	close(release)
	j = waitJob(t, r, s.JobID)
	if j.State != Done || j.Result != "result" || j.Error != nil || j.FinishedAt.IsZero() {
		t.Fatalf("finished job: %+v", j)
	}
	p := rec.Named("x:progress")
	if len(p) != 1 {
		t.Fatalf("progress events: %v", p)
	}
	if got := p[0].(events.Progress); got.Job != s.JobID || got.CorpID != 3 || got.PlanID != 9 || got.RunID != 77 {
		t.Fatalf("progress not tagged with the job: %+v", got)
	}
	ups := rec.Named(events.JobUpdate)
	if last := ups[len(ups)-1].(Job); last.ID != s.JobID || last.State != Done {
		t.Fatalf("last job:update: %+v", last)
	}
}

func TestCancelStopsOnlyItsOwnJob(t *testing.T) {
	r := New(nil, nil)
	defer r.Close()
	release, started := make(chan struct{}), make(chan string, 2)
	a, _ := r.Start(Spec{Kind: KindPull, CorpID: 1}, blocked(release, started))
	b, _ := r.Start(Spec{Kind: KindPull, CorpID: 2}, blocked(release, started))
	<-started
	<-started
	if err := r.Cancel(a.JobID); err != nil {
		t.Fatal(err)
	}
	ja := waitJob(t, r, a.JobID)
	if ja.State != Cancelled || ja.Result != "partial" || ja.Error == nil {
		t.Fatalf("cancelled job: %+v", ja)
	}
	if jb, _ := r.Get(b.JobID); jb.State != Running {
		t.Fatalf("the other job must run on: %+v", jb)
	}
	close(release)
	if jb := waitJob(t, r, b.JobID); jb.State != Done {
		t.Fatalf("other job: %+v", jb)
	}
	if err := r.Cancel(a.JobID); !errors.Is(err, ErrFinished) {
		t.Fatalf("cancel a finished job: %v", err)
	}
	if err := r.Cancel("job-nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("cancel an unknown job: %v", err)
	}
}

func TestExclusiveKeyRefusesASecondJob(t *testing.T) {
	r := New(nil, nil)
	defer r.Close()
	release, started := make(chan struct{}), make(chan string, 2)
	a, _ := r.Start(Spec{Kind: KindPull, CorpID: 1, Exclusive: "pull:1"}, blocked(release, started))
	<-started
	if _, err := r.Start(Spec{Kind: KindPull, CorpID: 1, Exclusive: "pull:1"}, blocked(release, started)); !usererr.Is(err, "job_running") {
		t.Fatalf("second pull of the same corp: %v", err)
	}
	if _, err := r.Start(Spec{Kind: KindPull, CorpID: 2, Exclusive: "pull:2"}, blocked(release, started)); err != nil {
		t.Fatalf("another corp's pull: %v", err)
	}
	<-started
	close(release)
	waitJob(t, r, a.JobID)
	if _, err := r.Start(Spec{Kind: KindPull, CorpID: 1, Exclusive: "pull:1"}, func(context.Context, *Handle) (any, error) { return nil, nil }); err != nil {
		t.Fatalf("after the first ended: %v", err)
	}
}

func TestFailureCodesPanicsAndRetention(t *testing.T) {
	r := New(nil, nil)
	defer r.Close()
	coded, _ := r.Start(Spec{Kind: KindRematch}, func(context.Context, *Handle) (any, error) {
		return nil, usererr.New("not_pulled", nil)
	})
	if j := waitJob(t, r, coded.JobID); j.State != Failed || j.Error.Code != "not_pulled" {
		t.Fatalf("coded failure: %+v", j)
	}
	// An error that ends in context.Canceled without Cancel (the work's own
	// deadline, say) is a failure, not a cancellation the admin asked for.
	own, _ := r.Start(Spec{Kind: KindRematch}, func(context.Context, *Handle) (any, error) { return nil, context.Canceled })
	if j := waitJob(t, r, own.JobID); j.State != Failed || j.Error.Code != "internal" {
		t.Fatalf("unasked cancellation: %+v", j)
	}
	p, _ := r.Start(Spec{Kind: KindExport}, func(context.Context, *Handle) (any, error) { panic("boom") })
	if j := waitJob(t, r, p.JobID); j.State != Failed || j.Error == nil {
		t.Fatalf("panic: %+v", j)
	}
	var first string
	for i := range Keep + 5 {
		s, _ := r.Start(Spec{Kind: KindExport}, func(context.Context, *Handle) (any, error) { return i, nil })
		waitJob(t, r, s.JobID)
		if i == 0 {
			first = s.JobID
		}
	}
	if n := len(r.List(Filter{})); n != Keep {
		t.Fatalf("kept %d finished jobs, want %d", n, Keep)
	}
	if _, err := r.Get(first); !errors.Is(err, ErrNotFound) {
		t.Fatalf("the oldest finished job should be forgotten: %v", err)
	}
}

func TestCloseCancelsRunningJobs(t *testing.T) {
	r := New(nil, nil)
	release, started := make(chan struct{}), make(chan string, 1)
	a, _ := r.Start(Spec{Kind: KindApply}, blocked(release, started))
	<-started
	r.Close()
	if j, _ := r.Get(a.JobID); j.State != Cancelled {
		t.Fatalf("after Close: %+v", j)
	}
	if _, err := r.Start(Spec{Kind: KindApply}, blocked(release, started)); err == nil {
		t.Fatal("no job may start after Close")
	}
}
