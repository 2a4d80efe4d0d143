package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/jmoiron/sqlx"
)

// rowsPerInsert is how many rows one INSERT carries. A statement per row
// spends most of a 100,000-row write crossing database/sql and the driver;
// 64 rows × up to 500 columns stays below SQLite's 32,766 parameters.
const rowsPerInsert = 64

// BulkInsert feeds rows to a prepared multi-row INSERT inside tx and sends
// the remainder with a statement sized for it. Mirror swaps and sync plans
// write 100,000 rows through it.
type BulkInsert struct {
	tx     *sqlx.Tx
	head   string // "INSERT INTO t(a, b) VALUES "
	cols   int
	full   *sql.Stmt
	args   []any
	queued int
}

// NewBulkInsert prepares the full-batch statement for head with cols columns.
func NewBulkInsert(ctx context.Context, tx *sqlx.Tx, head string, cols int) (*BulkInsert, error) {
	b := &BulkInsert{tx: tx, head: head, cols: cols, args: make([]any, 0, cols*rowsPerInsert)}
	var err error
	b.full, err = tx.PrepareContext(ctx, b.query(rowsPerInsert))
	return b, err
}

func (b *BulkInsert) query(rows int) string {
	one := "(" + strings.Repeat("?,", b.cols-1) + "?)"
	return b.head + strings.Repeat(one+",", rows-1) + one
}

// Add queues one row (exactly cols values) and sends a full batch.
func (b *BulkInsert) Add(ctx context.Context, vals ...any) error {
	b.args = append(b.args, vals...)
	b.queued++
	if b.queued < rowsPerInsert {
		return nil
	}
	_, err := b.full.ExecContext(ctx, b.args...)
	clear(b.args) // drop references to the sent values
	b.args, b.queued = b.args[:0], 0
	return err
}

// Flush sends the queued rows and closes the prepared statement.
func (b *BulkInsert) Flush(ctx context.Context) error {
	defer b.full.Close()
	if b.queued == 0 {
		return nil
	}
	_, err := b.tx.ExecContext(ctx, b.query(b.queued), b.args...)
	b.args, b.queued = b.args[:0], 0
	return err
}
