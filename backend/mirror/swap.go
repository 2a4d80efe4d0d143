package mirror

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"wecom-bridge/backend/store"

	"github.com/jmoiron/sqlx"
)

// swap replaces the corp's mirror with snap and records run (setting its
// finish time and ID), all in one write transaction (BEGIN IMMEDIATE, set by
// the store): readers see the old mirror until the commit, and a failure
// anywhere leaves it untouched.
func (s *Service) swap(ctx context.Context, corpID int64, snap *Snapshot, run *Run) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("start saving the mirror of corp %d: %w", corpID, err)
	}
	defer tx.Rollback()
	for _, table := range []string{"mirror_user_departments", "mirror_users", "mirror_departments"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE corp_id = ?`, corpID); err != nil {
			return fmt.Errorf("clear the old mirror (%s) of corp %d: %w", table, corpID, err)
		}
	}
	if err := insertDepartments(ctx, tx, corpID, snap.Departments); err != nil {
		return err
	}
	if err := insertUsers(ctx, tx, corpID, snap.Users); err != nil {
		return err
	}
	finish(run) // the duration includes the save, all but the commit
	if err := insertRun(ctx, tx, run); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO mirror_state(corp_id, run_id, pulled_at, departments, users, privacy_restricted)
		VALUES (?,?,?,?,?,?)
		ON CONFLICT(corp_id) DO UPDATE SET run_id = excluded.run_id, pulled_at = excluded.pulled_at,
			departments = excluded.departments, users = excluded.users, privacy_restricted = excluded.privacy_restricted`,
		corpID, run.ID, store.TimeOf(snap.FetchedAt), len(snap.Departments), len(snap.Users), snap.PrivacyRestricted); err != nil {
		return fmt.Errorf("save the mirror state of corp %d: %w", corpID, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save the mirror of corp %d: %w", corpID, err)
	}
	return nil
}

func insertDepartments(ctx context.Context, tx *sqlx.Tx, corpID int64, depts []Department) error {
	ins, err := store.NewBulkInsert(ctx, tx, `INSERT INTO mirror_departments(corp_id, id, parent_id, seq, name, name_en,
		sort_order, leaders, path) VALUES `, 9)
	if err != nil {
		return fmt.Errorf("prepare the department insert: %w", err)
	}
	// In key order, so each insert appends to the B-tree instead of splitting pages.
	order := make([]int, len(depts))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(depts[a].ID, depts[b].ID) })
	for _, i := range order {
		d := &depts[i]
		if err := ins.Add(ctx, corpID, d.ID, d.ParentID, i, d.Name, d.NameEN, d.SortOrder,
			jsonText(d.Leaders), jsonText(d.Path)); err != nil {
			ins.Flush(ctx)
			return fmt.Errorf("save departments (up to %d %q): %w", d.ID, d.Name, err)
		}
	}
	if err := ins.Flush(ctx); err != nil {
		return fmt.Errorf("save departments: %w", err)
	}
	return nil
}

func insertUsers(ctx context.Context, tx *sqlx.Tx, corpID int64, users []User) error {
	ins, err := store.NewBulkInsert(ctx, tx, `INSERT INTO mirror_users(corp_id, userid, name, alias, position, mobile,
		email, biz_mail, telephone, gender, status, enable, main_department, departments, search_text) VALUES `, 15)
	if err != nil {
		return fmt.Errorf("prepare the member insert: %w", err)
	}
	// Key order (userid ignoring case, as the column collates) makes the
	// inserts appends; at 100,000 members that halves the swap.
	keys := make([]string, len(users))
	order := make([]int, len(users))
	memberships := 0
	for i := range users {
		keys[i], order[i] = strings.ToLower(users[i].UserID), i
		memberships += len(users[i].Departments)
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	type membership struct {
		dept int64
		user int // index into users
	}
	ms := make([]membership, 0, memberships)
	for _, i := range order {
		u := &users[i]
		if err := ins.Add(ctx, corpID, u.UserID, u.Name, u.Alias, u.Position, u.Mobile, u.Email,
			u.BizMail, u.Telephone, u.Gender, u.Status, u.Enable, u.MainDepartment, jsonText(u.Departments),
			searchText(u)); err != nil {
			ins.Flush(ctx)
			return fmt.Errorf("save members (up to %q %s): %w", u.UserID, u.Name, err)
		}
		for _, d := range u.Departments {
			ms = append(ms, membership{d, i})
		}
	}
	if err := ins.Flush(ctx); err != nil {
		return fmt.Errorf("save members: %w", err)
	}

	// Stable: within a department the members stay in userid order.
	slices.SortStableFunc(ms, func(a, b membership) int { return cmp.Compare(a.dept, b.dept) })
	ins, err = store.NewBulkInsert(ctx, tx, `INSERT OR IGNORE INTO mirror_user_departments(corp_id, dept_id, userid) VALUES `, 3)
	if err != nil {
		return fmt.Errorf("prepare the membership insert: %w", err)
	}
	for _, m := range ms {
		if err := ins.Add(ctx, corpID, m.dept, users[m.user].UserID); err != nil {
			ins.Flush(ctx)
			return fmt.Errorf("save the departments of members (up to %q): %w", users[m.user].UserID, err)
		}
	}
	if err := ins.Flush(ctx); err != nil {
		return fmt.Errorf("save the departments of members: %w", err)
	}
	return nil
}

// jsonText encodes ids and names (always encodable) as JSON text.
func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// searchText is the picker's haystack: one lower-cased string, so a search is
// a single instr() per row. The separator (unit separator) never occurs in a
// field, so a query cannot match across two of them.
func searchText(u *User) string {
	return strings.ToLower(strings.Join([]string{u.UserID, u.Name, u.Alias, u.Position, u.Mobile, u.Email, u.BizMail}, "\x1f"))
}
