package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// TxBeginner is the store's pool (*sqlx.DB) or one connection of it
// (*sqlx.Conn, as BulkConn gives).
type TxBeginner interface {
	BeginTxx(ctx context.Context, opts *sql.TxOptions) (*sqlx.Tx, error)
}

// BulkConn runs fn on one pinned connection set up for a large write
// transaction: a 64 MiB page cache (the default 2 MiB makes SQLite spill
// dirty pages to the WAL mid-transaction and write them twice) and statement
// journals in memory (a multi-row INSERT journals the pages it touches, to a
// temporary file by default). Both settings are restored afterwards; when
// they cannot be, the connection is closed instead of going back to the pool.
func BulkConn(ctx context.Context, db *sqlx.DB, fn func(conn *sqlx.Conn) error) error {
	conn, err := db.Connx(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var cacheSize, tempStore int64
	if err := conn.GetContext(ctx, &cacheSize, `PRAGMA cache_size`); err != nil {
		return err
	}
	if err := conn.GetContext(ctx, &tempStore, `PRAGMA temp_store`); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY`); err != nil {
		return err
	}
	defer func() {
		restore := fmt.Sprintf(`PRAGMA cache_size = %d; PRAGMA temp_store = %d`, cacheSize, tempStore)
		if _, err := conn.ExecContext(context.WithoutCancel(ctx), restore); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn }) // database/sql closes it
		}
	}()
	return fn(conn)
}
