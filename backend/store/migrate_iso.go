package store

import (
	"database/sql/driver"
	"strings"
	"time"

	"modernc.org/sqlite"
)

// isoLayouts are the ways older code wrote a time into the TEXT columns of
// migrations 0001–0023: strftime('%Y-%m-%dT%H:%M:%fZ') and the old
// FormatTime (milliseconds, Z), RFC 3339 with or without fractional seconds
// and with a zone offset, the driver's text for a bound time.Time
// ("2006-01-02 15:04:05.999999999-07:00") and SQLite's datetime() (no zone: UTC).
var isoLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999 -0700 MST",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999",
}

// isoMillis reads an old text time as Unix milliseconds (truncating any
// sub-millisecond digits, as time.UnixMilli does). ok is false for "" and for
// text no old writer produced.
func isoMillis(s string) (ms int64, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	for _, l := range isoLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UnixMilli(), true
		}
	}
	return 0, false
}

// The migration that converts the text times (0024_times_ms.sql) calls
// wb_iso_ms(column): NULL for NULL, "" and unreadable text (the old readers
// gave the zero time for those), the milliseconds otherwise; an integer is
// kept. Registered for every connection of the driver.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction("wb_iso_ms", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		switch v := args[0].(type) {
		case int64:
			return v, nil
		case string:
			if ms, ok := isoMillis(v); ok {
				return ms, nil
			}
		case []byte:
			if ms, ok := isoMillis(string(v)); ok {
				return ms, nil
			}
		}
		return nil, nil
	})
}
