package mirror

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
)

// MaxPageSize caps Query.Limit.
const MaxPageSize = 200

// Query selects a page of members for a picker.
type Query struct {
	Search string `json:"search"` // matched case-insensitively in userid, name, alias, position, mobile, email
	DeptID int64  `json:"deptId"` // 0 = all; else members directly in this department
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"` // 1..200; 0 means 50
}

// Page is one page of members and how many match in all.
type Page struct {
	Users []User `json:"users"`
	Total int    `json:"total"`
}

// ListUsers returns a page of the corp's mirrored members, ordered by name.
func (s *Service) ListUsers(ctx context.Context, corpID int64, q Query) (*Page, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	if q.Limit > MaxPageSize {
		return nil, fmt.Errorf("page size %d is over the limit of %d: ask for fewer members per page", q.Limit, MaxPageSize)
	}
	q.Offset = max(q.Offset, 0)
	from, where, args := "mirror_users u", []string{"u.corp_id = ?"}, []any{corpID}
	if q.DeptID != 0 {
		// CROSS JOIN fixes the loop order: walk the department's members and
		// look each up, rather than scan every member in name order.
		from = "mirror_user_departments d CROSS JOIN mirror_users u"
		where = []string{"d.corp_id = ?", "d.dept_id = ?", "u.corp_id = d.corp_id", "u.userid = d.userid"}
		args = []any{corpID, q.DeptID}
	}
	term := strings.ToLower(strings.TrimSpace(q.Search))
	if term != "" {
		where = append(where, "instr(u.search_text, ?) > 0")
		args = append(args, term)
	}
	cond := from + " WHERE " + strings.Join(where, " AND ")

	page := &Page{}
	err := s.read(ctx, func(tx *sqlx.Tx) error {
		var err error
		if term == "" {
			// The name index serves the page without a sort; the count is a
			// cheap scan of the corp's keys.
			if err := tx.GetContext(ctx, &page.Total, `SELECT COUNT(*) FROM `+cond, args...); err != nil {
				return err
			}
			page.Users, err = queryUsers(ctx, tx, `SELECT `+prefixed("u.", userColumns)+` FROM `+cond+
				` ORDER BY u.name, u.userid LIMIT ? OFFSET ?`, append(args, q.Limit, q.Offset), q.Limit, nil)
		} else {
			// A search reads every row anyway, so the count rides along in
			// the same scan. "+" keeps the name index out: walking it would
			// add a lookup per member, twice as slow at 100,000.
			page.Users, err = queryUsers(ctx, tx, `SELECT `+prefixed("u.", userColumns)+`, COUNT(*) OVER () FROM `+cond+
				` ORDER BY +u.name, u.userid LIMIT ? OFFSET ?`, append(args, q.Limit, q.Offset), q.Limit, &page.Total)
			if err == nil && len(page.Users) == 0 && q.Offset > 0 { // past the end: no row carried the count
				err = tx.GetContext(ctx, &page.Total, `SELECT COUNT(*) FROM `+cond, args...)
			}
		}
		if err != nil {
			return err
		}
		return withPaths(ctx, tx, corpID, page.Users, false)
	})
	if err != nil {
		return nil, fmt.Errorf("list mirrored members of corp %d: %w", corpID, err)
	}
	return page, nil
}

// queryUsers runs a query of userColumns (and total, when not nil, as one more column).
func queryUsers(ctx context.Context, q sqlx.QueryerContext, query string, args []any, capHint int, total *int) ([]User, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	if total != nil {
		return scanUsers(rows, capHint, total)
	}
	return scanUsers(rows, capHint)
}

// prefixed qualifies each column of a comma-separated list with p.
func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}
