package syncer

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"wecom-bridge/backend/store"
)

// HistoryQuery filters the history (同步记录).
type HistoryQuery struct {
	Direction Direction `json:"direction"` // "" = both
	Kind      string    `json:"kind"`      // "" = all, "preview" = not applied, "run" = applied
	Offset    int       `json:"offset"`
	Limit     int       `json:"limit"` // 1..200; 0 means 50
}

// HistoryEntry is one preview, with its run when it was applied.
type HistoryEntry struct {
	PlanID      int64     `json:"planId"`
	RunID       int64     `json:"runId,omitempty"`
	CorpID      int64     `json:"corpId"`
	Direction   Direction `json:"direction"`
	Kind        string    `json:"kind"`   // preview or run
	Status      string    `json:"status"` // the plan's status, or the run's
	Trigger     Trigger   `json:"trigger"`
	StartedBy   string    `json:"startedBy"`
	StartedAt   time.Time `json:"startedAt"`
	DurationMS  int64     `json:"durationMs"`
	Summary     Summary   `json:"summary"`
	Blocked     bool      `json:"blocked"`
	HardBlocked bool      `json:"hardBlocked"`
	Total       int       `json:"total"`
	Done        int       `json:"done"`
	Failed      int       `json:"failed"`
}

// HistoryPage is one page of the history, newest first.
type HistoryPage struct {
	Entries []HistoryEntry `json:"entries"`
	Total   int            `json:"total"`
}

// Runs returns the corp's sync history in time order, newest first: every
// preview at the time it was made, and for applied ones the run at the time
// it started (who started it, how, how long, counts, failures), in one list.
func (s *Service) Runs(ctx context.Context, corpID int64, q HistoryQuery) (*HistoryPage, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	if q.Limit > MaxPageSize {
		return nil, fmt.Errorf("page size %d is over the limit of %d", q.Limit, MaxPageSize)
	}
	where, args := []string{"p.corp_id = ?"}, []any{corpID}
	if q.Direction != "" {
		where, args = append(where, "p.direction = ?"), append(args, q.Direction)
	}
	switch q.Kind {
	case "":
	case "preview":
		where = append(where, "r.id IS NULL")
	case "run":
		where = append(where, "r.id IS NOT NULL")
	default:
		return nil, fmt.Errorf("history kind %q: use preview, run or leave it empty", q.Kind)
	}
	from := ` FROM sync_plans p LEFT JOIN sync_runs r ON r.plan_id = p.id WHERE ` + strings.Join(where, " AND ")
	page := &HistoryPage{Entries: []HistoryEntry{}}
	if err := s.db.GetContext(ctx, &page.Total, `SELECT COUNT(*)`+from, args...); err != nil {
		return nil, fmt.Errorf("read sync history: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, COALESCE(r.id, 0), p.corp_id, p.direction, p.status, COALESCE(r.status, ''),
		COALESCE(r.trigger, p.trigger), COALESCE(r.started_by, p.created_by), COALESCE(r.started_at, p.created_at),
		COALESCE(r.duration_ms, p.duration_ms), p.summary, p.blocked, p.hard_blocked, COALESCE(r.total, p.total_ops),
		COALESCE(r.done, 0), COALESCE(r.failed, 0)`+from+`
		ORDER BY COALESCE(r.started_at, p.created_at) DESC, p.id DESC LIMIT ? OFFSET ?`, append(args, q.Limit, max(q.Offset, 0))...)
	if err != nil {
		return nil, fmt.Errorf("read sync history: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e HistoryEntry
		var dir, planStatus, runStatus, trig, sum string
		var started store.Time
		if err := rows.Scan(&e.PlanID, &e.RunID, &e.CorpID, &dir, &planStatus, &runStatus, &trig, &e.StartedBy, &started,
			&e.DurationMS, &sum, &e.Blocked, &e.HardBlocked, &e.Total, &e.Done, &e.Failed); err != nil {
			return nil, err
		}
		e.Direction, e.Trigger, e.StartedAt = Direction(dir), Trigger(trig), started.Time()
		e.Kind, e.Status = "preview", planStatus
		if e.RunID != 0 {
			e.Kind, e.Status = "run", runStatus
		}
		json.Unmarshal([]byte(sum), &e.Summary)
		page.Entries = append(page.Entries, e)
	}
	return page, rows.Err()
}

// CreatedUsers returns the members a to-wecom run created (or found
// existing and updated), local account → userid, so the caller can record
// the bindings.
func (s *Service) CreatedUsers(ctx context.Context, runID int64) (map[string]string, error) {
	run, err := s.GetRun(ctx, runID)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT target, after FROM sync_ops WHERE id BETWEEN ? AND ? AND type = 'create_user' AND state = 'done'`, opLo(run.PlanID), opHi(run.PlanID))
	if err != nil {
		return nil, fmt.Errorf("read created members of run %d: %w", runID, err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var uid, after string
		if err := rows.Scan(&uid, &after); err != nil {
			return nil, err
		}
		if v, err := parseValues(after); err == nil && v != nil && v.Account != "" {
			out[v.Account] = uid
		}
	}
	return out, rows.Err()
}

// DeleteSupersededBefore removes superseded plans (previews another apply
// made stale; they can never be applied) created before the time, with
// their operations and tree, for the housekeeping (retention_days). It
// returns how many it removed.
func (s *Service) DeleteSupersededBefore(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM sync_plans WHERE status = 'superseded' AND created_at < ?
		AND NOT EXISTS (SELECT 1 FROM sync_runs r WHERE r.plan_id = sync_plans.id)`, store.TimeOf(before))
	if err != nil {
		return 0, fmt.Errorf("remove superseded sync plans: %w", err)
	}
	return res.RowsAffected()
}
