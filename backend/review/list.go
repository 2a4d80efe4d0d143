package review

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// Filters of the review list.
const (
	FilterAll          = "all"
	FilterReview       = "review" // proposed bindings awaiting a person (待确认)
	FilterAmbiguous    = "ambiguous"
	FilterConfirmed    = "confirmed"
	FilterRejected     = "rejected"
	FilterUnboundLocal = "unbound_local"
	FilterUnboundWeCom = "unbound_wecom"
	// FilterConflicts shows bindings (proposed or confirmed) whose sides
	// disagree on a field both know (conflicts.go).
	FilterConflicts = "conflicts"
)

// filterState maps each filter to the one row state it shows ("" for all).
var filterState = map[string]string{
	"": "", FilterAll: "",
	FilterReview: StateProposed, FilterAmbiguous: StateAmbiguous, FilterConfirmed: StateConfirmed,
	FilterRejected: StateRejected, FilterUnboundLocal: StateUnboundLocal, FilterUnboundWeCom: StateUnboundWeCom,
	FilterConflicts: "",
}

// Sort orders of the review list; each ends with the row id, so pages are
// stable. "" is the engine's order: local accounts' rows in directory order,
// then member-anchored ambiguous rows, then unbound and rejected rows.
var sortOrder = map[string]string{
	"":            "id",
	"account":     "account = '', account, id",
	"userid":      "userid = '', userid, id",
	"name":        "COALESCE(NULLIF(local_name, ''), wecom_name), id",
	"confidence":  "confidence, id",
	"-confidence": "confidence DESC, id",
	"method":      "method, id",
	"state":       "state, id",
}

// knownMethods are the values Query.Method accepts.
var knownMethods = []binding.Method{
	binding.MethodExisting, binding.MethodUserID, binding.MethodEmployeeNo, binding.MethodMobileLookup,
	binding.MethodEmailLookup, binding.MethodMobile, binding.MethodEmail, binding.MethodName, binding.MethodNameDept, binding.MethodManual, binding.MethodImport,
}

// Query selects a page of review rows.
type Query struct {
	Filter string `json:"filter"` // all (or ""), review, ambiguous, confirmed, rejected, unbound_local, unbound_wecom, conflicts
	// Search matches, case-insensitively, every whitespace-separated term
	// anywhere in: both names, account, userid, both department paths,
	// mobile digits (full numbers, though the screen shows them masked),
	// email, employee number, and an ambiguous row's candidates.
	Search string `json:"search"`
	Method string `json:"method"` // one binding method, or "" for any
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"` // 0 means 50; at most 200
	Sort   string `json:"sort"`  // "", account, userid, name, confidence, -confidence, method, state
}

// Page is one page of rows and the number of rows matching the query.
type Page struct {
	Total int   `json:"total"`
	Rows  []Row `json:"rows"`
}

// MaxCandidatesInPage is how many candidates' ids a List row carries; the
// rest are counted in Row.MoreCandidates, so a page of namesakes stays small.
const MaxCandidatesInPage = 5

// List returns one page of the corp's review rows.
//
// With a search, one pass over the rows finds the page and the total
// together (a window COUNT over the matching ids only): reading every row's
// search text twice would be most of the cost at 100,000 rows. Without one,
// the count comes from the index and the page stops at its last row. The
// page's rows are then read by id.
func (s *Service) List(ctx context.Context, corpID int64, q Query) (Page, error) {
	limit, err := pageLimit(q.Offset, q.Limit)
	if err != nil {
		return Page{}, err
	}
	from, where, args, order, err := q.sql(corpID)
	if err != nil {
		return Page{}, err
	}
	var hits []struct {
		ID    int64 `db:"id"`
		Total int   `db:"total"`
	}
	windowed := len(searchTerms(q.Search)) > 0
	total := "0"
	if windowed {
		total = "COUNT(*) OVER ()"
	}
	if err := s.st.DB.SelectContext(ctx, &hits, `SELECT id, `+total+` AS total FROM `+from+` WHERE `+where+
		` ORDER BY `+order+` LIMIT ? OFFSET ?`, append(args, limit, q.Offset)...); err != nil {
		return Page{}, err
	}
	page := Page{Rows: make([]Row, 0, len(hits))}
	switch {
	case windowed && len(hits) > 0:
		page.Total = hits[0].Total
	case windowed && q.Offset == 0: // nothing matches
	default: // no window, or past the end where the window saw no row
		err := s.st.DB.GetContext(ctx, &page.Total, `SELECT COUNT(*) FROM bind_rows WHERE `+where, args...)
		if err != nil {
			return Page{}, err
		}
	}
	if len(hits) == 0 {
		return page, nil
	}
	ids := make([]any, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	var recs []rowRec
	if err := s.st.DB.SelectContext(ctx, &recs, selectRow+`WHERE id IN (`+inClause(len(ids))+`)`, ids...); err != nil {
		return Page{}, err
	}
	byID := make(map[int64]*rowRec, len(recs))
	for i := range recs {
		byID[recs[i].ID] = &recs[i]
	}
	for _, h := range hits {
		if r, ok := byID[h.ID]; ok { // a row deleted in between is simply left out
			page.Rows = append(page.Rows, r.pageView())
		}
	}
	return page, nil
}

// sql turns the query into a FROM, a WHERE clause, its arguments and an
// ORDER BY. A state filter is served by the (corp_id, state, id) index, which
// visits rows in id order. Without one, the table is scanned in id order
// (NOT INDEXED): any index on corp_id alone would visit the rows in random
// order and sort them afterwards, several times slower at 100,000 rows.
func (q Query) sql(corpID int64) (from, where string, args []any, order string, err error) {
	state, ok := filterState[q.Filter]
	if !ok {
		return "", "", nil, "", invalidMsg("review_bad_filter", usererr.Args{"value": q.Filter, "choices": strings.Join(sortedKeys(filterState), ", ")})
	}
	order, ok = sortOrder[q.Sort]
	if !ok {
		return "", "", nil, "", invalidMsg("review_bad_sort", usererr.Args{"value": q.Sort, "choices": strings.Join(sortedKeys(sortOrder), ", ")})
	}
	conds := []string{"corp_id = ?"}
	args = []any{corpID}
	from = "bind_rows NOT INDEXED"
	if state != "" {
		from = "bind_rows"
		conds, args = append(conds, "state = ?"), append(args, state)
	}
	if q.Filter == FilterConflicts {
		from = "bind_rows INDEXED BY bind_rows_conflicts"
		conds = append(conds, "conflicts <> ''", "state IN ('proposed', 'confirmed')")
	}
	if q.Method != "" {
		if !slices.Contains(knownMethods, binding.Method(q.Method)) {
			return "", "", nil, "", invalidMsg("review_bad_method", usererr.Args{"value": q.Method, "choices": methodChoices()})
		}
		conds, args = append(conds, "method = ?"), append(args, q.Method)
	}
	for _, t := range searchTerms(q.Search) {
		c, a := termCond("search_text", t)
		conds, args = append(conds, c), append(args, a)
	}
	return from, strings.Join(conds, " AND "), args, order, nil
}

// methodChoices lists the methods Query.Method accepts, for a refusal.
func methodChoices() string {
	names := make([]string, len(knownMethods))
	for i, m := range knownMethods {
		names[i] = string(m)
	}
	return strings.Join(names, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		if k != "" {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// rowCursor streams the rows of a query: a 100,000-row export or CLI dump
// never holds them all in memory.
type rowCursor struct{ rows *sqlx.Rows }

// cursor opens a cursor over every row matching q (paging ignored), in q's
// order.
func (s *Service) cursor(ctx context.Context, corpID int64, q Query) (*rowCursor, error) {
	from, where, args, order, err := q.sql(corpID)
	if err != nil {
		return nil, err
	}
	if err := store.CheckCorp(ctx, s.st.DB, corpID); err != nil {
		return nil, err
	}
	rows, err := s.st.DB.QueryxContext(ctx, `SELECT id, `+rowCols+` FROM `+from+` WHERE `+where+` ORDER BY `+order, args...)
	if err != nil {
		return nil, err
	}
	return &rowCursor{rows: rows}, nil
}

// next returns the next row, or nil at the end.
func (c *rowCursor) next() (*rowRec, error) {
	if !c.rows.Next() {
		return nil, c.rows.Err()
	}
	var r rowRec
	if err := c.rows.StructScan(&r); err != nil {
		return nil, err
	}
	return &r, nil
}

func (c *rowCursor) close() { c.rows.Close() }
