package callback

import (
	"context"
	"fmt"
	"time"
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
		s.writeMu.Lock()
		res, err := s.st.DB.ExecContext(ctx, `DELETE FROM callback_events WHERE id IN
			(SELECT id FROM callback_events WHERE received_at < ? ORDER BY id LIMIT ?)`, before.UnixMilli(), pruneBatch)
		s.writeMu.Unlock()
		if err != nil {
			return total, fmt.Errorf("prune the callback log: %w", err)
		}
		n, _ := res.RowsAffected()
		total += n
		if n < pruneBatch {
			break
		}
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if _, err := s.st.DB.ExecContext(ctx, `DELETE FROM callback_rejections WHERE day < ?`, before.UTC().Format("2006-01-02")); err != nil {
		return total, fmt.Errorf("prune the callback refusal counts: %w", err)
	}
	return total, ctx.Err()
}
