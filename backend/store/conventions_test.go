package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"wecom-bridge/backend/usererr"
)

func TestCheckCorpIsTheOneExistsCheck(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.DB.ExecContext(ctx, `INSERT INTO corps(corp_key, name, corp_id) VALUES ('k1', '华东制造', 'ww0123456789abcdef')`)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	if err := CheckCorp(ctx, s.DB, id); err != nil {
		t.Fatalf("existing corp: %v", err)
	}
	err = CheckCorp(ctx, s.DB, id+41)
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing corp: %v does not wrap ErrNotFound", err)
	}
	var ue *usererr.Error
	if !errors.As(err, &ue) || ue.Code != "corp_not_found" || ue.ZH == "" || ue.EN == "" {
		t.Fatalf("missing corp is not the corp_not_found message in both languages: %#v", err)
	}
	tx, err := s.DB.BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := CheckCorp(ctx, tx, id); err != nil {
		t.Fatalf("inside a transaction: %v", err)
	}
}

func TestTimeIsIntegerMillisecondsAndScansFromTheDatabase(t *testing.T) {
	at := time.Date(2026, 12, 7, 5, 49, 1, 234_567_890, time.FixedZone("CST", 8*3600))
	st := TimeOf(at)
	if int64(st) != at.UnixMilli() {
		t.Fatalf("TimeOf = %d, want %d", st, at.UnixMilli())
	}
	if got := st.Time(); !got.Equal(at.Truncate(time.Millisecond)) || got.Location() != time.UTC {
		t.Fatalf("Time() = %v", got)
	}
	if st.String() != "2026-12-06T21:49:01.234Z" {
		t.Fatalf("String() = %q (the UI's string time fields)", st.String())
	}
	if TimeOf(time.Time{}) != 0 || !Time(0).Time().IsZero() || Time(0).String() != "" {
		t.Fatal("the zero time must be 0 and back")
	}
	ctx := context.Background()
	s, err := Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.DB.ExecContext(ctx, `INSERT INTO oidc_keys(kid, private_pem, created_at, retired_at) VALUES ('k', 'p', ?, NULL)`, st); err != nil {
		t.Fatal(err)
	}
	var row struct {
		Created Time   `db:"created_at"`
		Retired Time   `db:"retired_at"`
		Type    string `db:"t"`
	}
	if err := s.DB.GetContext(ctx, &row, `SELECT created_at, retired_at, typeof(created_at) AS t FROM oidc_keys`); err != nil {
		t.Fatal(err)
	}
	if row.Created != st || row.Retired != 0 || row.Type != "integer" {
		t.Fatalf("read back %+v", row)
	}
	var bad Time
	if err := bad.Scan("2026-12-07T05:49:01Z"); err == nil {
		t.Fatal("text in a time column must be an error, not a silent zero")
	}
}
