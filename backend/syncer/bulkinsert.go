package syncer

import (
	"context"
	"database/sql"
	"strings"

	"github.com/jmoiron/sqlx"
)

// rowsPerInsert is how many rows one prepared INSERT carries: a statement
// per row would spend most of a 100,000-operation plan crossing
// database/sql; 64 rows × 14 columns stays far below SQLite's 32,766 parameters.
const rowsPerInsert = 64

// bulkInsert feeds rows to a prepared multi-row INSERT inside tx and sends
// the remainder with a statement sized for it.
type bulkInsert struct {
	tx     *sqlx.Tx
	head   string // "INSERT INTO t(a, b) VALUES "
	cols   int
	full   *sql.Stmt
	args   []any
	queued int
}

func newBulkInsert(ctx context.Context, tx *sqlx.Tx, head string, cols int) (*bulkInsert, error) {
	b := &bulkInsert{tx: tx, head: head, cols: cols, args: make([]any, 0, cols*rowsPerInsert)}
	var err error
	b.full, err = tx.PrepareContext(ctx, b.query(rowsPerInsert))
	return b, err
}

func (b *bulkInsert) query(rows int) string {
	one := "(" + strings.Repeat("?,", b.cols-1) + "?)"
	return b.head + strings.Repeat(one+",", rows-1) + one
}

// add queues one row (exactly cols values) and sends a full batch.
func (b *bulkInsert) add(ctx context.Context, vals ...any) error {
	b.args = append(b.args, vals...)
	b.queued++
	if b.queued < rowsPerInsert {
		return nil
	}
	_, err := b.full.ExecContext(ctx, b.args...)
	clear(b.args)
	b.args, b.queued = b.args[:0], 0
	return err
}

// flush sends the queued rows and closes the prepared statement.
func (b *bulkInsert) flush(ctx context.Context) error {
	defer b.full.Close()
	if b.queued == 0 {
		return nil
	}
	_, err := b.tx.ExecContext(ctx, b.query(b.queued), b.args...)
	b.args, b.queued = b.args[:0], 0
	return err
}
