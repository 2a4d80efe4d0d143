package directory

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// MaxPageSize is the largest page ListAccounts returns.
const MaxPageSize = 200

// Query selects a page of accounts for the list screen.
type Query struct {
	Search          string `json:"search"` // substring of account, name, employee_no, mobile or email
	DeptID          int64  `json:"deptId"` // 0: all departments
	IncludeSubDepts bool   `json:"includeSubDepts"`
	Status          string `json:"status"` // "", active or resigned
	Offset          int    `json:"offset"`
	Limit           int    `json:"limit"` // 1..200; 0 means 50
	// Sort is a column (account, name, employee_no, mobile, email, position,
	// status, created_at, updated_at), "-" in front for descending. Default account.
	Sort string `json:"sort"`
}

// AccountRow is one row of the list screen.
type AccountRow struct {
	ID          int64    `json:"id"`
	Account     string   `json:"account"`
	Name        string   `json:"name"`
	EmployeeNo  string   `json:"employeeNo"`
	Mobile      string   `json:"mobile"`
	Email       string   `json:"email"`
	Position    string   `json:"position"`
	WeComUserID string   `json:"wecomUserid"` // "" = the account
	Status      Status   `json:"status"`
	ResignedAt  string   `json:"resignedAt,omitempty"`
	DeptPaths   []string `json:"deptPaths"` // 总部/研发中心/后端组, main first
	UpdatedAt   string   `json:"updatedAt"`
}

// AccountPage is one page and the number of accounts matching in all.
type AccountPage struct {
	Total int          `json:"total"`
	Rows  []AccountRow `json:"rows"`
}

var sortColumns = map[string]string{
	"account": "a.account", "name": "a.name", "employee_no": "a.employee_no", "mobile": "a.mobile",
	"email": "a.email", "position": "a.position", "status": "a.status",
	"created_at": "a.created_at", "updated_at": "a.updated_at",
}

// ListAccounts returns one page of accounts, filtered and sorted in SQL.
func (s *Service) ListAccounts(ctx context.Context, q Query) (AccountPage, error) {
	page := AccountPage{Rows: []AccountRow{}}
	limit := q.Limit
	switch {
	case limit == 0:
		limit = 50
	case limit < 0 || limit > MaxPageSize:
		return page, fieldErr("limit", "directory_bad_limit", usererr.Args{"value": fmt.Sprint(q.Limit), "max": MaxPageSize})
	}
	if q.Offset < 0 {
		return page, fieldErr("offset", "directory_bad_offset", usererr.Args{"value": fmt.Sprint(q.Offset)})
	}
	col, desc := strings.CutPrefix(q.Sort, "-")
	if col == "" {
		col = "account"
	}
	order, ok := sortColumns[col]
	if !ok {
		return page, fieldErr("sort", "directory_bad_sort", usererr.Args{"value": fmt.Sprint(q.Sort)})
	}
	if desc {
		order += " DESC"
	}
	var where []string
	var args []any
	switch Status(q.Status) {
	case "":
	case StatusActive, StatusResigned:
		where, args = append(where, "a.status = ?"), append(args, q.Status)
	default:
		return page, fieldErr("status", "directory_bad_status", usererr.Args{"value": fmt.Sprint(q.Status)})
	}
	term := asciiLower(strings.TrimSpace(q.Search))
	if term != "" {
		// Numbers are stored without separators, so "138-1234" also finds 13812345678.
		if digits := strings.Map(dropPhoneSeparators, term); digits != term && digits != "" {
			where, args = append(where, "(instr(a.search_text, ?) > 0 OR instr(a.search_text, ?) > 0)"), append(args, term, digits)
		} else {
			where, args = append(where, "instr(a.search_text, ?) > 0"), append(args, term)
		}
	}
	err := s.readTx(ctx, func(tx *sqlx.Tx) error {
		tree, err := loadDeptTree(ctx, tx)
		if err != nil {
			return err
		}
		if q.DeptID != 0 {
			cond, arg, err := deptCondition(ctx, tx, tree, q.DeptID, q.IncludeSubDepts)
			if err != nil {
				return err
			}
			where, args = append(where, cond), append(args, arg)
		}
		cond := "1"
		if len(where) > 0 {
			cond = strings.Join(where, " AND ")
			// Sparse first: one scan collects up to scanSortMax+1 matches,
			// sorts and counts them. Most filters (a name, a small
			// department) match a few rows, and this is their only pass.
			rows, total, err := queryPage(ctx, tx, `SELECT id, account, name, employee_no, mobile, email, position, wecom_userid,
				status, resigned_at, updated_at, COUNT(*) OVER () FROM (SELECT `+accountColumns+`
				FROM dir_accounts a NOT INDEXED WHERE `+cond+` LIMIT `+strconv.Itoa(scanSortMax+1)+`) a
				ORDER BY `+order+`, a.id LIMIT ? OFFSET ?`, append(args, limit, q.Offset)...)
			if err != nil {
				return err
			}
			if (total > 0 && total <= scanSortMax) || (len(rows) == 0 && q.Offset == 0) {
				page.Rows, page.Total = rows, total
				return fillDeptPaths(ctx, tx, tree, page.Rows)
			}
		}
		// Dense matches (or none beyond the offset): count them, then walk
		// the sort column's index, which stops after offset+limit matches.
		if err := tx.GetContext(ctx, &page.Total, `SELECT COUNT(*) FROM dir_accounts a WHERE `+cond, args...); err != nil {
			return err
		}
		if page.Total <= q.Offset {
			return nil
		}
		page.Rows, _, err = queryPage(ctx, tx, `SELECT a.id, a.account, a.name, a.employee_no, a.mobile, a.email, a.position, a.wecom_userid,
			a.status, a.resigned_at, a.updated_at, 0 FROM dir_accounts a WHERE `+cond+
			` ORDER BY `+order+`, a.id LIMIT ? OFFSET ?`, append(args, limit, q.Offset)...)
		if err != nil {
			return err
		}
		return fillDeptPaths(ctx, tx, tree, page.Rows)
	})
	if err != nil {
		return AccountPage{Rows: []AccountRow{}}, fmt.Errorf("list accounts: %w", err)
	}
	return page, nil
}

// Plan thresholds; variables so that tests can force each plan.
var (
	// scanSortMax is the number of matches up to which a filtered page is
	// found by scanning the table and sorting the matches (see ListAccounts).
	scanSortMax = 5000
	// smallDeptLinks is the number of memberships up to which a department
	// filter goes through the department index, building a set of those
	// accounts. Above it (a subtree holding much of the organisation), each
	// account looks up its own memberships instead: about 2 µs per account,
	// against 5 µs per member for building the set for the count and the page.
	smallDeptLinks = 20000
)

func deptCondition(ctx context.Context, tx *sqlx.Tx, tree *deptTree, deptID int64, subDepts bool) (string, any, error) {
	if _, ok := tree.byID[deptID]; !ok {
		return "", nil, fmt.Errorf("department %d: %w (it may have been deleted; reload the tree)", deptID, ErrNotFound)
	}
	ids := []int64{deptID}
	if subDepts {
		ids = tree.subtree(deptID)
	}
	idsJSON, _ := json.Marshal(ids)
	var links int
	if err := tx.GetContext(ctx, &links, `SELECT COUNT(*) FROM dir_account_departments
		WHERE dept_id IN (SELECT value FROM json_each(?))`, string(idsJSON)); err != nil {
		return "", nil, err
	}
	if links <= smallDeptLinks {
		return `a.id IN (SELECT account_id FROM dir_account_departments WHERE dept_id IN (SELECT value FROM json_each(?)))`,
			string(idsJSON), nil
	}
	// The unary + keeps the planner from driving this by the department index
	// (once per department per account); it looks up the account's own rows.
	return `EXISTS (SELECT 1 FROM dir_account_departments l WHERE l.account_id = a.id
		AND +l.dept_id IN (SELECT value FROM json_each(?)))`, string(idsJSON), nil
}

func dropPhoneSeparators(r rune) rune {
	if r == ' ' || r == '-' {
		return -1
	}
	return r
}

// queryPage reads account rows whose last column is a total (0 when the
// query does not count).
func queryPage(ctx context.Context, tx *sqlx.Tx, query string, args ...any) ([]AccountRow, int, error) {
	rows, err := tx.QueryxContext(ctx, query, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := []AccountRow{}
	total := 0
	for rows.Next() {
		r := AccountRow{DeptPaths: []string{}}
		var resigned, updated store.Time
		if err := rows.Scan(&r.ID, &r.Account, &r.Name, &r.EmployeeNo, &r.Mobile, &r.Email, &r.Position, &r.WeComUserID,
			&r.Status, &resigned, &updated, &total); err != nil {
			return nil, 0, err
		}
		r.ResignedAt, r.UpdatedAt = resigned.String(), updated.String()
		out = append(out, r)
	}
	return out, total, rows.Err()
}

func fillDeptPaths(ctx context.Context, tx *sqlx.Tx, tree *deptTree, rows []AccountRow) error {
	if len(rows) == 0 {
		return nil
	}
	index := make(map[int64]int, len(rows))
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
		index[r.ID] = i
	}
	idsJSON, _ := json.Marshal(ids)
	links, err := tx.QueryxContext(ctx, `SELECT account_id, dept_id FROM dir_account_departments
		WHERE account_id IN (SELECT value FROM json_each(?)) ORDER BY account_id, ord`, string(idsJSON))
	if err != nil {
		return err
	}
	defer links.Close()
	for links.Next() {
		var accountID, deptID int64
		if err := links.Scan(&accountID, &deptID); err != nil {
			return err
		}
		if d, ok := tree.byID[deptID]; ok {
			i := index[accountID]
			rows[i].DeptPaths = append(rows[i].DeptPaths, joinPath(d.Path))
		}
	}
	return links.Err()
}
