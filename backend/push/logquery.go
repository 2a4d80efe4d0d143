package push

import (
	"context"
	"strings"
	"time"
)

// Query filters the push log. Zero fields do not filter.
type Query struct {
	From      time.Time `json:"from"` // inclusive
	To        time.Time `json:"to"`   // exclusive
	Source    string    `json:"source"`
	Status    string    `json:"status"`    // queued, sent, partial, failed, recalled, no_rule
	Recipient string    `json:"recipient"` // an account, userid or department as named, or a resolved userid
	Search    string    `json:"search"`    // words of the title, any substring of Chinese text
	Webhook   string    `json:"webhook"`   // the rows whose card-click webhook is delivered, pending or failed
	Offset    int       `json:"offset"`
	Limit     int       `json:"limit"` // default 50, at most 200
}

// Page is one page of the push log, newest first.
type Page struct {
	// Total is the number of matching rows, counted up to CountCap: with
	// TotalCapped set there are more ("10000+"), so a page never counts a
	// million rows.
	Total       int      `json:"total"`
	TotalCapped bool     `json:"total_capped"`
	Rows        []LogRow `json:"rows"`
}

// CountCap is where ListLogs stops counting.
const CountCap = 10000

const (
	defaultPageSize = 50
	maxPageSize     = 200
)

var logStatuses = []string{StatusQueued, StatusSent, StatusPartial, StatusFailed, StatusRecalled, StatusNoRule}

// ListLogs returns a page of the push log, newest first. Without a search,
// time, source and status use the deliveries' indexes and the recipient its
// indexed child table. With one, the FTS index drives: it yields matching
// ids newest first (delivery ids follow message order, see savePlan), the
// time range narrows it as an id range, and the other filters check only
// the rows it yields. The count stops at CountCap either way.
func (s *Service) ListLogs(ctx context.Context, q Query) (Page, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultPageSize
	}
	if limit > maxPageSize {
		return Page{}, invalid("invalid_query", "limit", "is %d; ask for at most %d rows a page", limit, maxPageSize)
	}
	if q.Offset < 0 {
		return Page{}, invalid("invalid_query", "offset", "must not be negative")
	}
	conds, args, err := q.filters()
	if err != nil {
		return Page{}, err
	}
	from, order := `push_deliveries d`, ` ORDER BY d.created_at DESC, d.id DESC`
	countFrom := from
	if m := matchQuery(q.Search); m != "" {
		lo, hi, err := s.idRange(ctx, q.From, q.To)
		if err != nil {
			return Page{}, err
		}
		search := []string{`push_log_fts MATCH ?`, `f.rowid >= ?`, `f.rowid < ?`}
		sargs := []any{m, lo, hi}
		// CROSS JOIN keeps the FTS table outside: its rowid order is the page order.
		from, order = `push_log_fts f CROSS JOIN push_deliveries d ON d.id = f.rowid`, ` ORDER BY f.rowid DESC`
		countFrom = from
		if len(conds) == 0 { // nothing to check on the deliveries: count in the index alone
			countFrom = `push_log_fts f`
		}
		conds, args = append(search, conds...), append(sargs, args...)
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	var total int
	if err := s.get(ctx, nil, &total, `SELECT COUNT(*) FROM (SELECT 1 FROM `+countFrom+where+` LIMIT ?)`,
		append(args, s.countCap+1)...); err != nil {
		return Page{}, err
	}
	page := Page{Total: min(total, s.countCap), TotalCapped: total > s.countCap}
	page.Rows, err = s.logRowsFrom(ctx, from, where+order+` LIMIT ? OFFSET ?`, append(args, limit, q.Offset)...)
	return page, err
}

// filters are the conditions on push_deliveries d.
func (q Query) filters() ([]string, []any, error) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	if !q.From.IsZero() {
		add(`d.created_at >= ?`, ms(q.From))
	}
	if !q.To.IsZero() {
		add(`d.created_at < ?`, ms(q.To))
	}
	if src := strings.TrimSpace(q.Source); src != "" {
		add(`d.source = ?`, src)
	}
	if st := strings.TrimSpace(q.Status); st != "" {
		known := false
		for _, x := range logStatuses {
			known = known || x == st
		}
		if !known {
			return nil, nil, invalid("invalid_query", "status", "%q is not a status; use one of %s", st, strings.Join(logStatuses, ", "))
		}
		add(`d.status = ?`, st)
	}
	if wh := strings.TrimSpace(q.Webhook); wh != "" {
		cond, err := webhookFilter(wh)
		if err != nil {
			return nil, nil, err
		}
		add(cond)
	}
	if r := strings.TrimSpace(q.Recipient); r != "" {
		add(`d.id IN (SELECT delivery_id FROM push_recipients WHERE name = ? COLLATE NOCASE
			UNION SELECT delivery_id FROM push_recipients WHERE userid = ? COLLATE NOCASE)`, r, r)
	}
	return conds, args, nil
}

// idRange is the range of delivery ids [lo, hi) whose messages were accepted
// in [from, to): message ids grow with acceptance time and a delivery id is
// its message id << deliveryIDShift. The time conditions still apply to the
// rows, so a clock that stepped back only costs rows, never adds wrong ones.
func (s *Service) idRange(ctx context.Context, from, to time.Time) (int64, int64, error) {
	lo, hi := int64(0), int64(1)<<62
	first := func(t time.Time) (int64, error) {
		var ids []int64
		err := s.sel(ctx, nil, &ids, `SELECT id FROM push_messages WHERE created_at >= ? ORDER BY created_at, id LIMIT 1`, ms(t))
		if err != nil || len(ids) == 0 {
			return hi >> deliveryIDShift, err
		}
		return ids[0], nil
	}
	if !from.IsZero() {
		m, err := first(from)
		if err != nil {
			return 0, 0, err
		}
		lo = m << deliveryIDShift
	}
	if !to.IsZero() {
		m, err := first(to)
		if err != nil {
			return 0, 0, err
		}
		hi = m << deliveryIDShift
	}
	return lo, hi, nil
}
