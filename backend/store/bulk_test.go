package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"testing"

	"github.com/jmoiron/sqlx"
)

type label string // a named string type: converted like database/sql does

// Both bulk inserts write full batches and the remainder, with the values
// database/sql would write.
func TestBulkInsertBothWays(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if _, err := s.DB.Exec(`CREATE TABLE bulk_t(id INTEGER PRIMARY KEY, name TEXT, flag INTEGER, note TEXT, raw BLOB)`); err != nil {
		t.Fatal(err)
	}
	const n = 2*rowsPerInsert + 22
	add := func(b *BulkInsert, from int) {
		for i := from; i < from+n; i++ {
			var note any
			if i%3 == 0 {
				note = label(fmt.Sprint("note ", i))
			}
			if err := b.Add(ctx, i, fmt.Sprint("名", i), i%2 == 0, note, []byte{byte(i)}); err != nil {
				t.Fatal(err)
			}
		}
		if err := b.Flush(ctx); err != nil {
			t.Fatal(err)
		}
	}
	const head = `INSERT INTO bulk_t(id, name, flag, note, raw) VALUES `

	tx, err := s.DB.BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewBulkInsert(ctx, tx, head, 5)
	if err != nil {
		t.Fatal(err)
	}
	add(b, 0)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}

	conn, err := s.DB.Connx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		tx, err := dc.(driver.ConnBeginTx).BeginTx(ctx, driver.TxOptions{})
		if err != nil {
			return err
		}
		b, err := NewDriverBulkInsert(ctx, dc.(driver.Conn), head, 5)
		if err != nil {
			return err
		}
		add(b, 1000)
		return tx.Commit()
	})
	if err != nil {
		t.Fatal(err)
	}

	type row struct {
		ID   int64
		Name string
		Flag bool
		Note *string
		Raw  []byte
	}
	for _, from := range []int{0, 1000} {
		var rows []row
		if err := sqlx.SelectContext(ctx, s.DB, &rows, `SELECT id, name, flag, note, raw FROM bulk_t WHERE id BETWEEN ? AND ? ORDER BY id`, from, from+n); err != nil {
			t.Fatal(err)
		}
		if len(rows) != n {
			t.Fatalf("from %d: %d rows, want %d", from, len(rows), n)
		}
		for k, r := range rows {
			i := from + k
			noteOK := (i%3 == 0) == (r.Note != nil) && (r.Note == nil || *r.Note == fmt.Sprint("note ", i))
			if r.ID != int64(i) || r.Name != fmt.Sprint("名", i) || r.Flag != (i%2 == 0) || !noteOK || len(r.Raw) != 1 || r.Raw[0] != byte(i) {
				t.Fatalf("row %d: %+v", i, r)
			}
		}
	}
	var types string
	s.DB.Get(&types, `SELECT group_concat(DISTINCT typeof(id) || typeof(name) || typeof(flag) || typeof(raw)) FROM bulk_t`)
	if types != "integertextintegerblob" {
		t.Fatalf("column types: %s", types)
	}
}
