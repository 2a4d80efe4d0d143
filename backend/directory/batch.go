package directory

import (
	"context"
	"database/sql"
	"strings"

	"github.com/jmoiron/sqlx"
)

// batchInserter inserts rows with multi-row INSERT statements: one prepared
// statement for full batches and a one-off for the remainder. Per-statement
// overhead, not SQLite's b-tree work, dominates single-row inserts from Go,
// so this is what keeps a 100,000-row import within seconds.
//
// It is not store.BulkInsert on purpose: the import's batches are sized per
// table (1,000 accounts, 3,000 links), and store.BulkInsert's fixed 64-row
// batches measured about 1.5× slower on the 100,000-row apply.
type batchInserter struct {
	ctx   context.Context
	tx    *sqlx.Tx
	head  string // INSERT INTO t(a,b) VALUES
	tuple string // (?,?)
	width int
	size  int
	full  *sql.Stmt
	args  []any
}

func newBatchInserter(ctx context.Context, tx *sqlx.Tx, head string, width, size int) (*batchInserter, error) {
	b := &batchInserter{ctx: ctx, tx: tx, head: head, width: width, size: size,
		tuple: "(" + strings.TrimSuffix(strings.Repeat("?,", width), ",") + ")"}
	stmt, err := tx.PrepareContext(ctx, b.sql(size))
	if err != nil {
		return nil, err
	}
	b.full = stmt
	b.args = make([]any, 0, width*size)
	return b, nil
}

func (b *batchInserter) sql(rows int) string {
	var sb strings.Builder
	sb.Grow(len(b.head) + rows*(len(b.tuple)+1))
	sb.WriteString(b.head)
	for i := 0; i < rows; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(b.tuple)
	}
	return sb.String()
}

// add queues one row of exactly width values.
func (b *batchInserter) add(vals ...any) error {
	b.args = append(b.args, vals...)
	if len(b.args) == b.width*b.size {
		if _, err := b.full.ExecContext(b.ctx, b.args...); err != nil {
			return err
		}
		b.args = b.args[:0]
	}
	return nil
}

// flush inserts the queued remainder and releases the statement.
func (b *batchInserter) flush() error {
	defer b.full.Close()
	if len(b.args) == 0 {
		return nil
	}
	_, err := b.tx.ExecContext(b.ctx, b.sql(len(b.args)/b.width), b.args...)
	b.args = b.args[:0]
	return err
}
