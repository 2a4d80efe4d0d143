package directory

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
)

// Service is the local directory. It is safe for concurrent use: SQLite
// serialises the writers, and every write bumps the directory version.
type Service struct {
	db  *sqlx.DB
	now func() time.Time // replaceable in tests
}

// New returns the directory kept in st.
func New(st *store.Store) *Service {
	return &Service{db: st.DB, now: time.Now}
}

// Version returns the directory version: it grows with every change, so a
// preview (or a sync plan) can tell whether what it was computed from is
// still current.
func (s *Service) Version(ctx context.Context) (int64, error) {
	return readVersion(ctx, s.db)
}

func readVersion(ctx context.Context, q sqlx.QueryerContext) (int64, error) {
	var v int64
	err := sqlx.GetContext(ctx, q, &v, `SELECT version FROM dir_state WHERE id = 1`)
	if err != nil {
		return 0, fmt.Errorf("read the directory version: %w", err)
	}
	return v, nil
}

// write runs fn in one write transaction (BEGIN IMMEDIATE, set by the store),
// bumps the directory version and records an audit line, all or nothing.
func (s *Service) write(ctx context.Context, action, target string, fn func(tx *sqlx.Tx) (detail any, err error)) error {
	return s.writeOn(ctx, s.db, action, target, fn)
}

// bulkWrite is write for large imports, on a connection set up for them
// (store.BulkConn).
func (s *Service) bulkWrite(ctx context.Context, action, target string, fn func(tx *sqlx.Tx) (detail any, err error)) error {
	return store.BulkConn(ctx, s.db, func(conn *sqlx.Conn) error {
		return s.writeOn(ctx, conn, action, target, fn)
	})
}

func (s *Service) writeOn(ctx context.Context, db store.TxBeginner, action, target string, fn func(tx *sqlx.Tx) (detail any, err error)) error {
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("start a directory change: %w", err)
	}
	defer tx.Rollback()
	detail, err := fn(tx)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE dir_state SET version = version + 1 WHERE id = 1`); err != nil {
		return err
	}
	text := ""
	if detail != nil {
		b, _ := json.Marshal(detail)
		text = string(b)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO dir_audit(at, action, target, detail) VALUES(?,?,?,?)`,
		store.TimeOf(s.now()), action, target, text); err != nil {
		return err
	}
	return tx.Commit()
}

// readTx runs fn in a read-only (deferred) transaction: one consistent
// snapshot under WAL, without taking the write lock.
func (s *Service) readTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

const accountColumns = `a.id, a.account, a.name, a.employee_no, a.mobile, a.email, a.position, a.status,
	a.resigned_at, a.created_at, a.updated_at, a.wecom_userid`

func scanAccount(rows *sqlx.Rows, a *Account) error {
	var resigned, created, updated store.Time
	var status string
	if err := rows.Scan(&a.ID, &a.Account, &a.Name, &a.EmployeeNo, &a.Mobile, &a.Email, &a.Position,
		&status, &resigned, &created, &updated, &a.WeComUserID); err != nil {
		return err
	}
	a.Status = Status(status)
	if !resigned.IsZero() {
		t := resigned.Time()
		a.ResignedAt = &t
	}
	a.CreatedAt, a.UpdatedAt = created.Time(), updated.Time()
	return nil
}

// loadAccounts reads accounts matching where (on alias a) with their
// departments, ordered by account.
func loadAccounts(ctx context.Context, q sqlx.QueryerContext, tree *deptTree, where string, args ...any) ([]Account, error) {
	if where == "" {
		where = "1"
	}
	rows, err := q.QueryxContext(ctx, `SELECT `+accountColumns+` FROM dir_accounts a WHERE `+where+` ORDER BY a.account`, args...)
	if err != nil {
		return nil, err
	}
	var out []Account
	index := map[int64]int{}
	for rows.Next() {
		var a Account
		if err := scanAccount(rows, &a); err != nil {
			rows.Close()
			return nil, err
		}
		index[a.ID] = len(out)
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	linksQuery := `SELECT l.account_id, l.dept_id FROM dir_account_departments l
		JOIN dir_accounts a ON a.id = l.account_id WHERE ` + where + ` ORDER BY l.account_id, l.ord`
	if where == "1" { // everyone: no join needed
		linksQuery = `SELECT account_id, dept_id FROM dir_account_departments ORDER BY account_id, ord`
	}
	links, err := q.QueryxContext(ctx, linksQuery, args...)
	if err != nil {
		return nil, err
	}
	defer links.Close()
	for links.Next() {
		var accountID, deptID int64
		if err := links.Scan(&accountID, &deptID); err != nil {
			return nil, err
		}
		if i, ok := index[accountID]; ok {
			out[i].DeptIDs = append(out[i].DeptIDs, deptID)
		}
	}
	if err := links.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		out[i].DeptPaths = tree.paths(out[i].DeptIDs)
	}
	return out, nil
}

// AllAccounts returns every account, resigned ones included, ordered by
// account, each with its department paths (root → leaf, main first). It is
// the plain read for the binding engine and the sync planner.
func (s *Service) AllAccounts(ctx context.Context) ([]Account, error) {
	var out []Account
	err := s.readTx(ctx, func(tx *sqlx.Tx) error {
		tree, err := loadDeptTree(ctx, tx)
		if err != nil {
			return err
		}
		out, err = loadAccounts(ctx, tx, tree, "")
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read the directory accounts: %w", err)
	}
	return out, nil
}

// AllDepartments returns every department with its path, parents before
// children and siblings in sort order.
func (s *Service) AllDepartments(ctx context.Context) ([]Department, error) {
	tree, err := loadDeptTree(ctx, s.db)
	if err != nil {
		return nil, fmt.Errorf("read the directory departments: %w", err)
	}
	return tree.ordered(), nil
}

// GetAccount returns one account by ID.
func (s *Service) GetAccount(ctx context.Context, id int64) (Account, error) {
	var out []Account
	err := s.readTx(ctx, func(tx *sqlx.Tx) error {
		tree, err := loadDeptTree(ctx, tx)
		if err != nil {
			return err
		}
		out, err = loadAccounts(ctx, tx, tree, "a.id = ?", id)
		return err
	})
	if err != nil {
		return Account{}, err
	}
	if len(out) == 0 {
		return Account{}, fmt.Errorf("account %d: %w (it may have been deleted; reload the list)", id, ErrNotFound)
	}
	return out[0], nil
}

// AuditEntry is one line of the directory's change log.
type AuditEntry struct {
	ID     int64     `json:"id"`
	At     time.Time `json:"at"`
	Action string    `json:"action"`
	Target string    `json:"target"`
	Detail string    `json:"detail"` // JSON
}

// Audit returns the latest limit changes, newest first.
func (s *Service) Audit(ctx context.Context, limit int) ([]AuditEntry, error) {
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	rows, err := s.db.QueryxContext(ctx, `SELECT id, at, action, target, detail FROM dir_audit ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at store.Time
		if err := rows.Scan(&e.ID, &at, &e.Action, &e.Target, &e.Detail); err != nil {
			return nil, err
		}
		e.At = at.Time()
		out = append(out, e)
	}
	return out, rows.Err()
}

// accountKey is how accounts are compared: WeCom userids ignore case, and
// the dir_accounts.account column is COLLATE NOCASE (ASCII folding) to match.
func accountKey(account string) string { return asciiLower(account) }

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
