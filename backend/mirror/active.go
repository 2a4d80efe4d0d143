package mirror

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// A running pull is marked in pull_active; insertRun clears the mark. A mark
// left by a process that died becomes an interrupted run at the next start.

func markActive(ctx context.Context, x sqlx.ExecerContext, corpID int64, start time.Time, trigger, by string) error {
	_, err := x.ExecContext(ctx, `INSERT INTO pull_active(corp_id, started_at, trigger, started_by) VALUES (?,?,?,?)
		ON CONFLICT(corp_id) DO UPDATE SET started_at = excluded.started_at, trigger = excluded.trigger, started_by = excluded.started_by`,
		corpID, store.TimeOf(start), trigger, by)
	if err != nil {
		return fmt.Errorf("record the start of the pull of corp %d: %w", corpID, err)
	}
	return nil
}

func clearActive(ctx context.Context, x sqlx.ExecerContext, corpID int64) error {
	if _, err := x.ExecContext(ctx, `DELETE FROM pull_active WHERE corp_id = ?`, corpID); err != nil {
		return fmt.Errorf("record the end of the pull of corp %d: %w", corpID, err)
	}
	return nil
}

// interruptedMessage is the run's error for a pull its process did not finish.
var interruptedMessage = usererr.Msg("pull_interrupted", nil)

// RecordInterrupted turns the pulls a dead process left marked as running
// into interrupted runs, so History shows them. Call it once at start, while
// holding the data-directory lock (no other process can be pulling). It
// returns how many it recorded.
func (s *Service) RecordInterrupted(ctx context.Context) (int, error) {
	var rows []struct {
		CorpID    int64      `db:"corp_id"`
		StartedAt store.Time `db:"started_at"`
		Trigger   string     `db:"trigger"`
		StartedBy string     `db:"started_by"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, `SELECT corp_id, started_at, trigger, started_by FROM pull_active`); err != nil {
		return 0, fmt.Errorf("read unfinished pulls: %w", err)
	}
	for _, row := range rows {
		start := row.StartedAt.Time() // when it ended is unknown: no finish time or duration is made up
		run := &Run{CorpID: row.CorpID, StartedAt: start, FinishedAt: start, Status: StatusInterrupted,
			Error: &interruptedMessage, Trigger: row.Trigger, StartedBy: row.StartedBy}
		if err := insertRun(ctx, s.db, run); err != nil {
			return 0, err
		}
	}
	return len(rows), nil
}
