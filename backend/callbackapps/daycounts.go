package callbackapps

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

// DayCount is one day of a corp's callback log (UTC days): events by state
// and requests refused (bad signature, wrong corp, undecryptable, too large).
type DayCount struct {
	Day       string `json:"day" db:"day"` // YYYY-MM-DD
	Received  int    `json:"received" db:"received"`
	Processed int    `json:"processed" db:"processed"`
	Failed    int    `json:"failed" db:"failed"`
	Duplicate int    `json:"duplicate" db:"duplicate"`
	Refused   int    `json:"refused" db:"refused"`
}

// MaxDays bounds the per-day counts.
const MaxDays = 90

// DayCounts counts the corp's callback events per day over the last days
// (≤ MaxDays), newest first, days without events left out. It reads the
// receiver's tables (backend/callback) without writing them.
func DayCounts(ctx context.Context, db *sqlx.DB, corpRef int64, days int, now time.Time) ([]DayCount, error) {
	if days <= 0 || days > MaxDays {
		days = MaxDays
	}
	from := now.UTC().AddDate(0, 0, -days+1).Truncate(24 * time.Hour)
	out := []DayCount{}
	err := db.SelectContext(ctx, &out, `WITH ev AS (
		  SELECT strftime('%Y-%m-%d', received_at / 1000, 'unixepoch') AS day, state FROM callback_events
		  WHERE corp_ref = ? AND received_at >= ?),
		days AS (
		  SELECT day FROM ev UNION SELECT day FROM callback_rejections WHERE corp_ref = ? AND day >= ?)
		SELECT d.day,
		  (SELECT count(*) FROM ev WHERE ev.day = d.day) AS received,
		  (SELECT count(*) FROM ev WHERE ev.day = d.day AND state = 'processed') AS processed,
		  (SELECT count(*) FROM ev WHERE ev.day = d.day AND state = 'failed') AS failed,
		  (SELECT count(*) FROM ev WHERE ev.day = d.day AND state = 'duplicate') AS duplicate,
		  (SELECT COALESCE(sum(count), 0) FROM callback_rejections r WHERE r.corp_ref = ? AND r.day = d.day) AS refused
		FROM days d ORDER BY d.day DESC`,
		corpRef, from.UnixMilli(), corpRef, from.Format("2006-01-02"), corpRef)
	return out, err
}
