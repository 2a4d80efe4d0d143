package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/usererr"
)

// ErrNotFound is the one "no such row" sentinel: repositories wrap it, and
// callers test errors.Is(err, store.ErrNotFound). Packages that re-export it
// (corp, directory, review, syncer) re-export this value.
var ErrNotFound = errors.New("not found")

// TimeLayout is how the TEXT time columns of migrations 0001–0006 hold a time:
// UTC with milliseconds, the same text their DEFAULT
// strftime('%Y-%m-%dT%H:%M:%fZ','now') writes, so text order is time order.
// (The push tables of 0007 hold integer Unix milliseconds; docs/storage.md.)
const TimeLayout = "2006-01-02T15:04:05.000Z"

// FormatTime writes t as TimeLayout text.
func FormatTime(t time.Time) string { return t.UTC().Format(TimeLayout) }

// ParseTime reads TimeLayout text (or any RFC 3339 time written by older
// code); "" and unreadable text give the zero time.
func ParseTime(s string) time.Time {
	t, err := time.Parse(TimeLayout, s)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, s)
	}
	return t
}

// CheckCorp is the one "does this corp exist" check: nil when it does, the
// admin's message corp_not_found (wrapping ErrNotFound) when it does not.
// q is the database or a transaction.
func CheckCorp(ctx context.Context, q sqlx.QueryerContext, corpID int64) error {
	var ok bool
	if err := sqlx.GetContext(ctx, q, &ok, `SELECT EXISTS (SELECT 1 FROM corps WHERE id = ?)`, corpID); err != nil {
		return fmt.Errorf("look up corp %d: %w", corpID, err)
	}
	if !ok {
		return usererr.Wrap(ErrNotFound, "corp_not_found", usererr.Args{"id": corpID})
	}
	return nil
}
