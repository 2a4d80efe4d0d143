package mirror

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// Run statuses.
const (
	StatusOK        = "ok"        // the mirror was replaced
	StatusPartial   = "partial"   // some departments failed; the previous mirror is kept
	StatusFailed    = "failed"    // nothing usable was read (or saving failed); the previous mirror is kept
	StatusCancelled = "cancelled" // stopped by the admin or a deadline; the previous mirror is kept
	// StatusInterrupted: the process died during the pull (kill -9, power
	// loss); recorded at the next start. The previous mirror is kept.
	StatusInterrupted = "interrupted"
)

// Triggers: what started a pull.
const (
	TriggerManual   = "manual"
	TriggerSchedule = "schedule"
	TriggerCallback = "callback"
)

// Run is one pull, as History shows it.
type Run struct {
	ID                int64            `json:"id"`
	CorpID            int64            `json:"corpId"`
	StartedAt         time.Time        `json:"startedAt"`
	FinishedAt        time.Time        `json:"finishedAt"`
	DurationMS        int64            `json:"durationMs"`
	Status            string           `json:"status"`
	Departments       int              `json:"departments"`
	Users             int              `json:"users"`
	APICalls          int              `json:"apiCalls"`
	PrivacyRestricted bool             `json:"privacyRestricted"`
	Error             *usererr.Message `json:"error,omitempty"` // why it failed, stopped or is partial
	FailedDepartments []FailedDept     `json:"failedDepartments"`
	Trigger           string           `json:"trigger"`
	StartedBy         string           `json:"startedBy"`
}

// insertRun records r, sets r.ID and clears the corp's pull_active marker
// (on the same executor, so a successful swap does both in its transaction).
func insertRun(ctx context.Context, x sqlx.ExecerContext, r *Run) error {
	failed := r.FailedDepartments
	if failed == nil {
		failed = []FailedDept{}
	}
	fj, err := json.Marshal(failed)
	if err != nil {
		return err
	}
	res, err := x.ExecContext(ctx, `INSERT INTO pull_runs(corp_id, started_at, finished_at, duration_ms, status,
		departments, users, api_calls, privacy_restricted, error, failed_departments, trigger, started_by)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.CorpID, store.TimeOf(r.StartedAt), store.TimeOf(r.FinishedAt), r.DurationMS, r.Status,
		r.Departments, r.Users, r.APICalls, r.PrivacyRestricted, storedError(r.Error), string(fj), r.Trigger, r.StartedBy)
	if err != nil {
		return fmt.Errorf("record the pull run of corp %d: %w", r.CorpID, err)
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return clearActive(ctx, x, r.CorpID)
}

func storedError(m *usererr.Message) string {
	if m == nil {
		return ""
	}
	return m.Stored()
}

type runRow struct {
	ID                int64      `db:"id"`
	CorpID            int64      `db:"corp_id"`
	StartedAt         store.Time `db:"started_at"`
	FinishedAt        store.Time `db:"finished_at"`
	DurationMS        int64      `db:"duration_ms"`
	Status            string     `db:"status"`
	Departments       int        `db:"departments"`
	Users             int        `db:"users"`
	APICalls          int        `db:"api_calls"`
	PrivacyRestricted bool       `db:"privacy_restricted"`
	Error             string     `db:"error"`
	FailedDepartments string     `db:"failed_departments"`
	Trigger           string     `db:"trigger"`
	StartedBy         string     `db:"started_by"`
}

const runColumns = `id, corp_id, started_at, finished_at, duration_ms, status, departments, users, api_calls,
	privacy_restricted, error, failed_departments, trigger, started_by`

func (row runRow) run() (Run, error) {
	r := Run{ID: row.ID, CorpID: row.CorpID, StartedAt: row.StartedAt.Time(), FinishedAt: row.FinishedAt.Time(),
		DurationMS: row.DurationMS, Status: row.Status, Departments: row.Departments, Users: row.Users,
		APICalls: row.APICalls, PrivacyRestricted: row.PrivacyRestricted, Error: usererr.FromStored(row.Error).Ptr(),
		Trigger: row.Trigger, StartedBy: row.StartedBy}
	if err := json.Unmarshal([]byte(row.FailedDepartments), &r.FailedDepartments); err != nil {
		return r, fmt.Errorf("pull run %d: failed departments are not readable JSON: %w", row.ID, err)
	}
	return r, nil
}

// Runs returns the corp's latest pulls, newest first (limit ≤ 0 means 50).
func (s *Service) Runs(ctx context.Context, corpID int64, limit int) ([]Run, error) {
	out, err := runs(ctx, s.db, corpID, limit)
	if err != nil {
		return nil, fmt.Errorf("read the pull history of corp %d: %w", corpID, err)
	}
	return out, nil
}

func runs(ctx context.Context, q sqlx.QueryerContext, corpID int64, limit int) ([]Run, error) {
	if limit <= 0 {
		limit = 50
	}
	var rows []runRow
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT `+runColumns+` FROM pull_runs
		WHERE corp_id = ? ORDER BY id DESC LIMIT ?`, corpID, limit); err != nil {
		return nil, err
	}
	out := make([]Run, 0, len(rows))
	for _, row := range rows {
		r, err := row.run()
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}
