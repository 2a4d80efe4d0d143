package callback

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// Retention is how long the event log and the refusal counts are kept.
const Retention = 90 * 24 * time.Hour

// pruneBatch bounds one delete, so receipts never wait long behind it.
const pruneBatch = 2000

// Prune deletes events received before before (and refusal counts of older
// days), a batch at a time; it returns how many events went.
func (s *Service) Prune(ctx context.Context, before time.Time) (int64, error) {
	var total int64
	for ctx.Err() == nil {
		var n int64
		err := s.w.write(func(ctx context.Context, tx *sqlx.Tx) error {
			res, err := tx.ExecContext(ctx, `DELETE FROM callback_events WHERE id IN
				(SELECT id FROM callback_events WHERE received_at < ? ORDER BY id LIMIT ?)`, before.UnixMilli(), pruneBatch)
			if err == nil {
				n, _ = res.RowsAffected()
			}
			return err
		})
		if err != nil {
			return total, fmt.Errorf("prune the callback log: %w", err)
		}
		total += n
		if n < pruneBatch {
			break
		}
	}
	if err := s.exec(`DELETE FROM callback_rejections WHERE day < ?`, before.UTC().Format("2006-01-02")); err != nil {
		return total, fmt.Errorf("prune the callback refusal counts: %w", err)
	}
	return total, ctx.Err()
}
