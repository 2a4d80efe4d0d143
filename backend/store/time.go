package store

import (
	"database/sql/driver"
	"fmt"
	"time"
)

// Time is the one way the database holds a time: INTEGER Unix milliseconds,
// UTC. 0 (or NULL in a nullable column) is "no time". It scans from and
// binds as an integer, so a struct field of type Time reads a time column
// directly; numbers sort, subtract and bucket without parsing.
// docs/storage.md explains the format and migration 0024 that converted the
// older ISO-text columns.
type Time int64

// TimeOf is t as stored; the zero time is 0.
func TimeOf(t time.Time) Time {
	if t.IsZero() {
		return 0
	}
	return Time(t.UnixMilli())
}

// Time is the stored time as a time.Time in UTC; 0 is the zero time.
func (t Time) Time() time.Time {
	if t == 0 {
		return time.Time{}
	}
	return time.UnixMilli(int64(t)).UTC()
}

// IsZero reports "no time".
func (t Time) IsZero() bool { return t == 0 }

// textLayout is how a time reaches the UI in the string fields that carried
// the old ISO text (unchanged JSON for the frontend).
const textLayout = "2006-01-02T15:04:05.000Z"

// String is the time as the UI's string time fields carry it: UTC with
// milliseconds ("2026-12-07T05:49:01.000Z"), "" for no time.
func (t Time) String() string {
	if t == 0 {
		return ""
	}
	return t.Time().Format(textLayout)
}

// Scan reads an INTEGER time column; NULL is 0.
func (t *Time) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*t = 0
	case int64:
		*t = Time(v)
	case float64:
		*t = Time(v)
	default:
		return fmt.Errorf("store.Time: cannot read %T (the column is not integer milliseconds)", src)
	}
	return nil
}

// Value binds the time as its integer milliseconds.
func (t Time) Value() (driver.Value, error) { return int64(t), nil }
