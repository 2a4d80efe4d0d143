package push

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// pruneBatchSize is how many messages one prune transaction deletes, so
// the intake never waits long behind it for the write lock.
const pruneBatchSize = 500

// Prune deletes the push log older than the retention setting (default 180
// days) as of now: messages accepted before the cutoff, with their
// deliveries, chunks, recipients and search terms. Messages still queued or
// sending are kept. It returns how many log rows (deliveries) were deleted.
func (s *Service) Prune(ctx context.Context, now time.Time) (int, error) {
	set, err := s.Settings(ctx)
	if err != nil {
		return 0, err
	}
	cutoff := ms(now.Add(-time.Duration(set.RetentionDays) * 24 * time.Hour))
	total := 0
	for {
		n, more, err := s.pruneBatch(ctx, cutoff)
		total += n
		if err != nil {
			return total, err
		}
		if !more {
			break
		}
	}
	if total > 0 {
		// Rollup rows the deletes brought to zero.
		for _, q := range []string{`DELETE FROM push_stats_hourly WHERE n <= 0`, `DELETE FROM push_stats_daily WHERE n <= 0`} {
			if _, err := s.writeExec(ctx, q); err != nil {
				return total, err
			}
		}
		s.log.Info("push: pruned the log", "rows", total, "retention_days", set.RetentionDays)
		s.changed.mark()
	}
	return total, nil
}

// pruneBatch deletes up to pruneSize messages older than cutoff in one transaction.
func (s *Service) pruneBatch(ctx context.Context, cutoff int64) (deleted int, more bool, err error) {
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return 0, false, err
	}
	defer done()
	var ids []int64
	if err := tx.SelectContext(ctx, &ids, `SELECT id FROM push_messages WHERE created_at < ? AND state = 'done'
		ORDER BY created_at LIMIT ?`, cutoff, s.pruneSize); err != nil || len(ids) == 0 {
		return 0, false, err
	}
	q, args, err := sqlx.In(`SELECT COUNT(*) FROM push_deliveries WHERE message_id IN (?)`, ids)
	if err != nil {
		return 0, false, err
	}
	if err := tx.GetContext(ctx, &deleted, q, args...); err != nil {
		return 0, false, err
	}
	// Deliveries, chunks and recipients go by ON DELETE CASCADE, the search
	// terms by the push_deliveries_fts_delete trigger.
	q, args, _ = sqlx.In(`DELETE FROM push_messages WHERE id IN (?)`, ids)
	if _, err := tx.ExecContext(ctx, q, args...); err != nil {
		return 0, false, err
	}
	return deleted, len(ids) == s.pruneSize, tx.Commit()
}

// pruneLoop prunes at start and then once a day.
func (s *Service) pruneLoop(ctx context.Context) {
	t := time.NewTicker(24 * time.Hour)
	defer t.Stop()
	for {
		if _, err := s.Prune(ctx, s.now()); err != nil && ctx.Err() == nil {
			s.log.Error("push: prune the log", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
