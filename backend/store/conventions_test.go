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

func TestTimeTextRoundTripsAndSorts(t *testing.T) {
	at := time.Date(2026, 12, 7, 5, 49, 1, 234_567_890, time.FixedZone("CST", 8*3600))
	text := FormatTime(at)
	if text != "2026-12-06T21:49:01.234Z" {
		t.Fatalf("FormatTime = %q", text)
	}
	if got := ParseTime(text); !got.Equal(at.Truncate(time.Millisecond)) {
		t.Fatalf("ParseTime(%q) = %v", text, got)
	}
	if got := ParseTime("2026-12-06T21:49:01+08:00"); got.IsZero() {
		t.Fatal("RFC 3339 text from older code is not read")
	}
	if !ParseTime("").IsZero() || !ParseTime("yesterday").IsZero() {
		t.Fatal("empty or unreadable text must give the zero time")
	}
	if !(FormatTime(at) < FormatTime(at.Add(time.Millisecond))) {
		t.Fatal("text order is not time order")
	}
}
