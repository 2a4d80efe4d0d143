package jobs

import "wecom-bridge/backend/events"

// Handle is a running job as its work sees it. It is the events.Emitter the
// job's context carries: progress emitted through it is tagged with the
// job's id, corp, plan and run, recorded on the job, forwarded under its own
// name and mirrored as a "job:update" event.
type Handle struct {
	r *Registry
	e *entry
}

// ID is the job's id.
func (h *Handle) ID() string { return h.e.job.ID }

// SetPlan records the plan the job works on, once it is known.
func (h *Handle) SetPlan(planID int64) {
	h.r.mu.Lock()
	h.e.job.PlanID = planID
	h.r.mu.Unlock()
}

// SetCorp records the corp the job works on, once it is known.
func (h *Handle) SetCorp(corpID int64) {
	h.r.mu.Lock()
	h.e.job.CorpID = corpID
	h.r.mu.Unlock()
}

// Emit tags a progress payload with the job and records it; other payloads
// (a sync run's batches of finished operations, which carry their run id)
// pass through unchanged.
func (h *Handle) Emit(name string, payload any) {
	p, ok := payload.(events.Progress)
	if !ok {
		h.r.em.Emit(name, payload)
		return
	}
	h.r.mu.Lock()
	j := &h.e.job
	if p.RunID != 0 {
		j.RunID = p.RunID
	}
	if j.State == Running && !p.Final { // the job's own end comes when its work returns
		if p.Phase != "" {
			j.Phase = p.Phase
		}
		j.Done, j.Failed, j.Total = p.Done, p.Failed, p.Total
	} else if p.Final {
		j.Done, j.Failed, j.Total = p.Done, p.Failed, p.Total
	}
	p.Job, p.CorpID, p.PlanID, p.RunID = j.ID, j.CorpID, j.PlanID, j.RunID
	snap := *j
	h.r.mu.Unlock()
	h.r.em.Emit(name, p)
	h.r.em.Emit(events.JobUpdate, snap)
}

// Progress records and emits progress under the job's own "job:update" only
// (for work that has no progress event of its own).
func (h *Handle) Progress(phase string, done, total int) {
	h.r.mu.Lock()
	j := &h.e.job
	j.Phase, j.Done, j.Total = phase, done, total
	snap := *j
	h.r.mu.Unlock()
	h.r.em.Emit(events.JobUpdate, snap)
}
