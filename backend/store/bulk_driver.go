package store

import (
	"context"
	"database/sql/driver"
	"fmt"
)

// NewDriverBulkInsert is NewBulkInsert on a driver connection, inside a
// transaction begun on it (see sql.Conn.Raw). For every Exec, database/sql
// copies and converts each value into a fresh argument list: on a
// 100,000-row insert that is a large share of the Go-side time and
// garbage, which this path skips.
func NewDriverBulkInsert(ctx context.Context, conn driver.Conn, head string, cols int) (*BulkInsert, error) {
	dc, err := asDriverConn(conn)
	if err != nil {
		return nil, err
	}
	b := newBulkInsert(head, cols)
	stmt, err := dc.PrepareContext(ctx, b.query(rowsPerInsert))
	if err != nil {
		return nil, err
	}
	full, ok := stmt.(driver.StmtExecContext)
	if !ok {
		stmt.Close()
		return nil, fmt.Errorf("bulk insert: the driver statement %T has no ExecContext", stmt)
	}
	named := make([]driver.NamedValue, 0, cols*rowsPerInsert)
	b.close = stmt.Close
	b.send = func(ctx context.Context, rows int) error {
		var err error
		if named, err = namedValues(named[:0], b.args); err == nil {
			if rows == rowsPerInsert {
				_, err = full.ExecContext(ctx, named)
			} else {
				_, err = dc.ExecContext(ctx, b.query(rows), named)
			}
		}
		clear(named)
		return err
	}
	return b, nil
}

// DriverExec runs one statement on a driver connection, converting args
// the way database/sql does.
func DriverExec(ctx context.Context, conn driver.Conn, query string, args ...any) (driver.Result, error) {
	dc, err := asDriverConn(conn)
	if err != nil {
		return nil, err
	}
	named, err := namedValues(nil, args)
	if err != nil {
		return nil, err
	}
	return dc.ExecContext(ctx, query, named)
}

type driverConn interface {
	driver.ConnPrepareContext
	driver.ExecerContext
}

func asDriverConn(conn driver.Conn) (driverConn, error) {
	dc, ok := conn.(driverConn)
	if !ok {
		return nil, fmt.Errorf("bulk insert: the driver connection %T cannot prepare or execute with a context", conn)
	}
	return dc, nil
}

// namedValues appends args to dst as driver values, converted like
// database/sql converts them for a driver without its own checker
// (sqlite's): int to int64, named string types to string, Valuers called.
func namedValues(dst []driver.NamedValue, args []any) ([]driver.NamedValue, error) {
	for i, a := range args {
		v, err := driverValue(a)
		if err != nil {
			return dst, fmt.Errorf("argument %d: %w", i+1, err)
		}
		dst = append(dst, driver.NamedValue{Ordinal: i + 1, Value: v})
	}
	return dst, nil
}

func driverValue(a any) (driver.Value, error) {
	switch v := a.(type) {
	case string, int64, nil, []byte, bool:
		return v, nil
	case int:
		return int64(v), nil
	}
	return driver.DefaultParameterConverter.ConvertValue(a)
}
