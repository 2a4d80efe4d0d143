package review

import (
	"context"
	"strings"

	"github.com/jmoiron/sqlx"
)

// batchRows is how many rows one multi-row INSERT carries: each statement
// execution costs a round of Go↔SQLite work, so 100,000 rows go in as ~1,600
// executions of one prepared statement instead of 100,000.
const batchRows = 64

// bulkInserter inserts rows through a prepared multi-row statement, with a
// second one-row statement for the tail.
type bulkInserter struct {
	cols int
	full *sqlx.Stmt // batchRows rows
	one  *sqlx.Stmt // one row
	buf  []any
	rows int // rows in buf
}

func newBulkInserter(ctx context.Context, tx *sqlx.Tx, table, cols string, n int) (*bulkInserter, error) {
	b := &bulkInserter{cols: n}
	head := "INSERT INTO " + table + "(" + cols + ") VALUES "
	var err error
	if b.full, err = tx.PreparexContext(ctx, head+values(n, batchRows)); err != nil {
		return nil, err
	}
	if b.one, err = tx.PreparexContext(ctx, head+values(n, 1)); err != nil {
		b.full.Close()
		return nil, err
	}
	b.buf = make([]any, 0, n*batchRows)
	return b, nil
}

func values(cols, rows int) string {
	one := "(" + inClause(cols) + ")"
	return strings.TrimSuffix(strings.Repeat(one+",", rows), ",")
}

func (b *bulkInserter) add(ctx context.Context, args ...any) error {
	b.buf = append(b.buf, args...)
	b.rows++
	if b.rows < batchRows {
		return nil
	}
	_, err := b.full.ExecContext(ctx, b.buf...)
	b.buf, b.rows = b.buf[:0], 0
	return err
}

// flush writes the tail and closes the statements.
func (b *bulkInserter) flush(ctx context.Context) error {
	defer b.full.Close()
	defer b.one.Close()
	for i := 0; i < b.rows; i++ {
		if _, err := b.one.ExecContext(ctx, b.buf[i*b.cols:(i+1)*b.cols]...); err != nil {
			return err
		}
	}
	b.buf, b.rows = b.buf[:0], 0
	return nil
}
