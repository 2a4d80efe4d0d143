package store

import (
	"context"
	"strings"

	"github.com/jmoiron/sqlx"
)

// rowsPerInsert is how many rows one INSERT carries. A statement per row
// spends most of a 100,000-row write crossing database/sql and the driver;
// 64 rows × up to 500 columns stays below SQLite's 32,766 parameters.
const rowsPerInsert = 64

// BulkInsert feeds rows to a prepared multi-row INSERT inside a transaction
// and sends the remainder with a statement sized for it. Mirror swaps and
// sync plans write 100,000 rows through it.
type BulkInsert struct {
	head   string // "INSERT INTO t(a, b) VALUES "
	cols   int
	args   []any
	queued int
	// send executes the queued rows: the prepared statement when they are
	// rowsPerInsert, else query(rows).
	send  func(ctx context.Context, rows int) error
	close func() error // closes the prepared statement
}

func newBulkInsert(head string, cols int) *BulkInsert {
	return &BulkInsert{head: head, cols: cols, args: make([]any, 0, cols*rowsPerInsert)}
}

// NewBulkInsert prepares the full-batch statement for head with cols columns.
func NewBulkInsert(ctx context.Context, tx *sqlx.Tx, head string, cols int) (*BulkInsert, error) {
	b := newBulkInsert(head, cols)
	full, err := tx.PrepareContext(ctx, b.query(rowsPerInsert))
	if err != nil {
		return b, err
	}
	b.close = full.Close
	b.send = func(ctx context.Context, rows int) (err error) {
		if rows == rowsPerInsert {
			_, err = full.ExecContext(ctx, b.args...)
		} else {
			_, err = tx.ExecContext(ctx, b.query(rows), b.args...)
		}
		return err
	}
	return b, nil
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
	return b.sendQueued(ctx)
}

// Flush sends the queued rows and closes the prepared statement.
func (b *BulkInsert) Flush(ctx context.Context) error {
	defer b.close()
	if b.queued == 0 {
		return nil
	}
	return b.sendQueued(ctx)
}

func (b *BulkInsert) sendQueued(ctx context.Context) error {
	err := b.send(ctx, b.queued)
	clear(b.args) // drop references to the sent values
	b.args, b.queued = b.args[:0], 0
	return err
}
