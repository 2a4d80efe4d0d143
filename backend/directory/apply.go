package directory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
)

// Apply applies exactly the stored preview, in one transaction: all of it or
// nothing. It refuses a preview that was already applied or that is stale
// (the directory changed after it was made). A preview with a ResignWarning
// needs confirmResignCount equal to its ResignCount; otherwise the number is
// ignored.
func (s *Service) Apply(ctx context.Context, previewID int64, confirmResignCount int) (*ApplyResult, error) {
	var pv struct {
		FileName      string `db:"file_name"`
		DirVersion    int64  `db:"dir_version"`
		ResignCount   int    `db:"resign_count"`
		ResignWarning string `db:"resign_warning"`
		Status        string `db:"status"`
		Ops           string `db:"ops"`
	}
	err := s.db.GetContext(ctx, &pv, `SELECT file_name, dir_version, resign_count, resign_warning, status, ops
		FROM import_previews WHERE id = ?`, previewID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("import preview %d: %w (only the last %d previews are kept; preview the file again)", previewID, ErrNotFound, keepPreviews)
	}
	if err != nil {
		return nil, err
	}
	if pv.Status != "pending" {
		return nil, fmt.Errorf("import preview %d was already applied; preview the file again to import it once more", previewID)
	}
	if pv.ResignWarning != "" && confirmResignCount != pv.ResignCount {
		return nil, fmt.Errorf("%w: %s; to apply it anyway, confirm the number %d", ErrResignNotConfirmed, pv.ResignWarning, pv.ResignCount)
	}
	ops, err := decodeOps(pv.Ops)
	if err != nil {
		return nil, fmt.Errorf("import preview %d is damaged (%v); preview the file again", previewID, err)
	}
	res := &ApplyResult{PreviewID: previewID}
	err = s.bulkWrite(ctx, "import", pv.FileName, func(tx *sqlx.Tx) (any, error) {
		var status string
		if err := tx.GetContext(ctx, &status, `SELECT status FROM import_previews WHERE id = ?`, previewID); err != nil {
			return nil, fmt.Errorf("import preview %d: %w", previewID, err)
		}
		if status != "pending" {
			return nil, fmt.Errorf("import preview %d was already applied; preview the file again to import it once more", previewID)
		}
		version, err := readVersion(ctx, tx)
		if err != nil {
			return nil, err
		}
		if version != pv.DirVersion {
			return nil, fmt.Errorf("%w (preview %d was made at directory version %d, it is now at version %d); preview the file again and apply the new preview",
				ErrStalePreview, previewID, pv.DirVersion, version)
		}
		if err := s.applyOps(ctx, tx, ops, res); err != nil {
			return nil, fmt.Errorf("apply import preview %d (nothing was changed): %w", previewID, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE import_previews SET status = 'applied', applied_at = ? WHERE id = ?`,
			store.TimeOf(s.now()), previewID); err != nil {
			return nil, err
		}
		return map[string]any{"preview": previewID, "added": res.Added, "updated": res.Updated,
			"resigned": res.Resigned, "departmentsCreated": res.DepartmentsCreated}, nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

func (s *Service) applyOps(ctx context.Context, tx *sqlx.Tx, ops *applyOps, res *ApplyResult) error {
	now := store.TimeOf(s.now())
	tree, err := loadDeptTree(ctx, tx)
	if err != nil {
		return err
	}
	deptCreator, err := newDeptCreator(ctx, tx, tree, now)
	if err != nil {
		return err
	}
	defer deptCreator.close()
	// decodeOps shares the paths of equal department cells, so resolving
	// each distinct cell once is enough.
	resolved := map[*[]string][]int64{}
	deptIDs := func(paths [][]string) ([]int64, error) {
		if len(paths) == 0 {
			return nil, nil
		}
		if ids, ok := resolved[&paths[0]]; ok {
			return ids, nil
		}
		ids := make([]int64, 0, len(paths))
		for _, p := range paths {
			id, err := deptCreator.ensure(p)
			if err != nil {
				return nil, err
			}
			ids = append(ids, id)
		}
		resolved[&paths[0]] = ids
		return ids, nil
	}
	accounts, err := newBatchInserter(ctx, tx, `INSERT INTO dir_accounts(id, account, name, employee_no, mobile, email,
		position, status, resigned_at, created_at, updated_at, wecom_userid) VALUES `, 12, 1000)
	if err != nil {
		return err
	}
	links, err := newBatchInserter(ctx, tx, `INSERT INTO dir_account_departments(account_id, dept_id, ord) VALUES `, 3, 3000)
	if err != nil {
		return err
	}
	var nextID int64
	if err := tx.GetContext(ctx, &nextID, `SELECT COALESCE(MAX(id), 0) + 1 FROM dir_accounts`); err != nil {
		return err
	}
	newLinks := make([][3]int64, 0, len(ops.adds))
	for _, r := range ops.adds {
		ids, err := deptIDs(r.DeptPaths)
		if err != nil {
			return err
		}
		var resignedAt any
		if r.Status == StatusResigned {
			resignedAt = now
		}
		if err := accounts.add(nextID, r.Account, r.Name, r.EmployeeNo, r.Mobile, r.Email, r.Position,
			string(r.Status), resignedAt, now, now, r.WeComUserID); err != nil {
			return fmt.Errorf("add account %s (line %d): %w", r.Account, r.Line, err)
		}
		for ord, d := range ids {
			newLinks = append(newLinks, [3]int64{nextID, d, int64(ord)})
		}
		nextID++
	}
	if err := accounts.flush(); err != nil {
		return fmt.Errorf("add accounts: %w", err)
	}
	// Links go in after their accounts: the batches flush at different times.
	for _, l := range newLinks {
		if err := links.add(l[0], l[1], l[2]); err != nil {
			return err
		}
	}
	res.Added = len(ops.adds)

	update, err := tx.PrepareContext(ctx, `UPDATE dir_accounts SET account = ?, name = ?, employee_no = ?, mobile = ?,
		email = ?, position = ?, wecom_userid = ?,
		resigned_at = CASE WHEN status = ? THEN resigned_at WHEN ? = 'resigned' THEN ? ELSE NULL END,
		status = ?, updated_at = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer update.Close()
	unlink, err := tx.PrepareContext(ctx, `DELETE FROM dir_account_departments WHERE account_id = ?`)
	if err != nil {
		return err
	}
	defer unlink.Close()
	for _, u := range ops.updates {
		a := u.after
		st := string(a.Status)
		if err := execOne(ctx, update, a.Account, a.Name, a.EmployeeNo, a.Mobile, a.Email, a.Position, a.WeComUserID,
			st, st, now, st, now, u.accountID); err != nil {
			return fmt.Errorf("update account %s (line %d): %w", a.Account, a.Line, err)
		}
		if !u.deptChanged {
			continue
		}
		ids, err := deptIDs(a.DeptPaths)
		if err != nil {
			return err
		}
		if _, err := unlink.ExecContext(ctx, u.accountID); err != nil {
			return err
		}
		for ord, d := range ids {
			if err := links.add(u.accountID, d, ord); err != nil {
				return err
			}
		}
	}
	res.Updated = len(ops.updates)
	if err := links.flush(); err != nil {
		return fmt.Errorf("link accounts to departments: %w", err)
	}

	resign, err := tx.PrepareContext(ctx, `UPDATE dir_accounts SET status = 'resigned', resigned_at = ?, updated_at = ?
		WHERE id = ? AND status = 'active'`)
	if err != nil {
		return err
	}
	defer resign.Close()
	for _, r := range ops.resigns {
		if err := execOne(ctx, resign, now, now, r.AccountID); err != nil {
			return fmt.Errorf("mark %s resigned: %w", r.Account, err)
		}
	}
	res.Resigned = len(ops.resigns)
	res.DepartmentsCreated = deptCreator.created
	return nil
}

// execOne runs stmt and insists it changed exactly one row: the version
// check makes any other outcome a bug worth stopping for.
func execOne(ctx context.Context, stmt *sql.Stmt, args ...any) error {
	r, err := stmt.ExecContext(ctx, args...)
	if err != nil {
		return err
	}
	if n, err := r.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("expected to change 1 row, changed %d (%v)", n, err)
	}
	return nil
}

func changesField(changes []FieldChange, c column) bool {
	for _, ch := range changes {
		if ch.Field == c.String() {
			return true
		}
	}
	return false
}

// deptCreator resolves department paths to IDs, creating what is missing,
// parents first, each placed after its existing siblings.
type deptCreator struct {
	ctx     context.Context
	tree    *deptTree
	insert  *sql.Stmt
	now     store.Time
	created int
}

func newDeptCreator(ctx context.Context, tx *sqlx.Tx, tree *deptTree, now store.Time) (*deptCreator, error) {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO dir_departments(parent_id, name, sort_order, created_at, updated_at)
		VALUES(?,?,?,?,?)`)
	if err != nil {
		return nil, err
	}
	return &deptCreator{ctx: ctx, tree: tree, insert: stmt, now: now}, nil
}

func (c *deptCreator) close() { c.insert.Close() }

func (c *deptCreator) ensure(path []string) (int64, error) {
	if id, ok := c.tree.byPath[pathKey(path)]; ok {
		return id, nil
	}
	var parent int64
	if len(path) > 1 {
		var err error
		if parent, err = c.ensure(path[:len(path)-1]); err != nil {
			return 0, err
		}
	}
	var parentArg any
	if parent != 0 {
		parentArg = parent
	}
	order := c.tree.nextSortOrder(parent)
	r, err := c.insert.ExecContext(c.ctx, parentArg, path[len(path)-1], order, c.now, c.now)
	if err != nil {
		return 0, fmt.Errorf("create department %s: %w", joinPath(path), err)
	}
	id, err := r.LastInsertId()
	if err != nil {
		return 0, err
	}
	c.tree.add(Department{ID: id, ParentID: parent, Name: path[len(path)-1], SortOrder: order,
		Path: append([]string(nil), path...)})
	c.created++
	return id, nil
}
