package push

import (
	"context"
	"sort"
	"time"
)

// StatsBucket is one bar of the push chart: a day ("2006-01-02", in the
// service's time zone) or a source.
type StatsBucket struct {
	Key      string `json:"key"`
	Sent     int    `json:"sent"`     // sent and partial: something went out and stays
	Recalled int    `json:"recalled"` // went out, then recalled
	Failed   int    `json:"failed"`   // nothing went out
	NoRule   int    `json:"no_rule"`
}

// maxStatsDays bounds a per-day chart.
const maxStatsDays = 400

const (
	hourMS = int64(time.Hour / time.Millisecond)
	dayMS  = 24 * hourMS
)

// statCount is a count of deliveries by status at an hour or day, or of a source.
type statCount struct {
	At     int64  `db:"at"`
	Source string `db:"source"`
	Status string `db:"status"`
	N      int    `db:"n"`
}

// Stats counts deliveries accepted in [from, to) per day (groupBy "day",
// every day of the range present, days in the service's time zone) or per
// source (groupBy "source", busiest first). Whole hours and days come from
// the rollups the triggers keep; only the ragged edges of the range are
// counted in the log.
func (s *Service) Stats(ctx context.Context, from, to time.Time, groupBy string) ([]StatsBucket, error) {
	if !to.After(from) {
		return nil, invalid("invalid_query", "to", "the range is empty: to must be after from")
	}
	lo, hi := ms(from), ms(to)
	switch groupBy {
	case "day":
		if to.Sub(from) > maxStatsDays*24*time.Hour {
			return nil, invalid("invalid_query", "from", "a per-day chart covers at most %d days", maxStatsDays)
		}
		counts, err := s.rolledUp(ctx, lo, hi, hourMS, `SELECT hour AS at, '' AS source, status, n FROM push_stats_hourly
			WHERE hour >= ? AND hour < ? AND n > 0`)
		if err != nil {
			return nil, err
		}
		// Days are cut at local midnight: shift by the zone's offset (China
		// has no daylight saving time; elsewhere the offset at from is used).
		_, off := from.In(s.location()).Zone()
		offMS := int64(off) * 1000
		first, last := (lo+offMS)/dayMS, (hi-1+offMS)/dayMS
		out := make([]StatsBucket, 0, last-first+1)
		for d := first; d <= last; d++ {
			out = append(out, StatsBucket{Key: time.UnixMilli(d * dayMS).UTC().Format("2006-01-02")})
		}
		for _, c := range counts {
			if i := (c.At+offMS)/dayMS - first; i >= 0 && i < int64(len(out)) {
				out[i].add(c.Status, c.N)
			}
		}
		return out, nil
	case "source":
		counts, err := s.rolledUp(ctx, lo, hi, dayMS, `SELECT day AS at, source, status, n FROM push_stats_daily
			WHERE day >= ? AND day < ? AND n > 0`)
		if err != nil {
			return nil, err
		}
		buckets := map[string]*StatsBucket{}
		for _, c := range counts {
			b := buckets[c.Source]
			if b == nil {
				b = &StatsBucket{Key: c.Source}
				buckets[c.Source] = b
			}
			b.add(c.Status, c.N)
		}
		out := make([]StatsBucket, 0, len(buckets))
		for _, b := range buckets {
			out = append(out, *b)
		}
		sort.Slice(out, func(i, j int) bool {
			if ti, tj := out[i].total(), out[j].total(); ti != tj {
				return ti > tj
			}
			return out[i].Key < out[j].Key
		})
		return out, nil
	}
	return nil, invalid("invalid_query", "group_by", "%q: group by \"day\" or \"source\"", groupBy)
}

// rolledUp returns the counts in [lo, hi) ms: the whole units (hours or
// days) from the rollup query, the partial units at either end from the
// log. At is the unit's start in ms.
func (s *Service) rolledUp(ctx context.Context, lo, hi, unit int64, rollup string) ([]statCount, error) {
	firstUnit, endUnit := (lo+unit-1)/unit, hi/unit // whole units: [firstUnit, endUnit)
	var out []statCount
	edge := func(a, b int64) error {
		if a >= b {
			return nil
		}
		var cs []statCount
		err := s.sel(ctx, nil, &cs, `SELECT ? AS at, source, status, COUNT(*) AS n FROM push_deliveries
			WHERE created_at >= ? AND created_at < ? GROUP BY source, status`, a/unit*unit, a, b)
		out = append(out, cs...)
		return err
	}
	if firstUnit >= endUnit { // the range is inside one unit
		return out, edge(lo, hi)
	}
	if err := edge(lo, firstUnit*unit); err != nil {
		return nil, err
	}
	if err := edge(endUnit*unit, hi); err != nil {
		return nil, err
	}
	var cs []statCount
	if err := s.sel(ctx, nil, &cs, rollup, firstUnit, endUnit); err != nil {
		return nil, err
	}
	for i := range cs {
		cs[i].At *= unit
	}
	return append(out, cs...), nil
}

func (b *StatsBucket) add(status string, n int) {
	switch status {
	case StatusSent, StatusPartial:
		b.Sent += n
	case StatusRecalled:
		b.Recalled += n
	case StatusFailed:
		b.Failed += n
	case StatusNoRule:
		b.NoRule += n
	}
}

func (b StatsBucket) total() int { return b.Sent + b.Recalled + b.Failed + b.NoRule }
