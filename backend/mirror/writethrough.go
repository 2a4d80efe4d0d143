package mirror

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/wecom"
)

// Write-through: a sync apply writes each WeCom change it finished into the
// mirror, in the transaction of the operation's journal entry, so a preview
// right after the apply starts from what WeCom now holds without a pull.
// The writes do what WeCom does with the same request (the simulator's
// rules); the read-back pull after the apply replaces the mirror with what
// WeCom really holds and counts any difference.

// CreateDepartment adds the department an apply created as id.
func (s *Service) CreateDepartment(ctx context.Context, tx *sqlx.Tx, corpID, id int64, d wecom.DepartmentCreate) error {
	path, err := deptPath(ctx, tx, corpID, d.ParentID)
	if err != nil {
		return err
	}
	var order int64
	if d.Order != nil {
		order = *d.Order
	}
	var exists bool
	if err := tx.GetContext(ctx, &exists, `SELECT EXISTS (SELECT 1 FROM mirror_departments WHERE corp_id = ? AND id = ?)`, corpID, id); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO mirror_departments(corp_id, id, parent_id, seq, name, name_en, sort_order, leaders, path)
		VALUES (?,?,?,(SELECT COALESCE(MAX(seq), 0) + 1 FROM mirror_departments WHERE corp_id = ?),?,?,?,'[]',?)
		ON CONFLICT(corp_id, id) DO UPDATE SET parent_id = excluded.parent_id, name = excluded.name, path = excluded.path`,
		corpID, id, d.ParentID, corpID, d.Name, d.NameEN, order, jsonText(append(path, d.Name)))
	if err != nil {
		return fmt.Errorf("write department %d through to the mirror: %w", id, err)
	}
	if exists {
		return nil
	}
	return bump(ctx, tx, corpID, 1, 0)
}

// UpdateDepartment renames or moves a mirrored department; the paths of its
// subtree follow.
func (s *Service) UpdateDepartment(ctx context.Context, tx *sqlx.Tx, corpID int64, d wecom.DepartmentUpdate) error {
	var cur struct {
		Parent int64  `db:"parent_id"`
		Name   string `db:"name"`
	}
	err := tx.GetContext(ctx, &cur, `SELECT parent_id, name FROM mirror_departments WHERE corp_id = ? AND id = ?`, corpID, d.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // not in the mirror's scope: the read-back pull brings it
	}
	if err != nil {
		return err
	}
	if d.Name != nil {
		cur.Name = *d.Name
	}
	if d.ParentID != nil {
		cur.Parent = *d.ParentID
	}
	if _, err := tx.ExecContext(ctx, `UPDATE mirror_departments SET name = ?, parent_id = ?, sort_order = COALESCE(?, sort_order)
		WHERE corp_id = ? AND id = ?`, cur.Name, cur.Parent, d.Order, corpID, d.ID); err != nil {
		return fmt.Errorf("write department %d through to the mirror: %w", d.ID, err)
	}
	return repath(ctx, tx, corpID, d.ID)
}

// DeleteDepartment removes a mirrored department.
func (s *Service) DeleteDepartment(ctx context.Context, tx *sqlx.Tx, corpID, id int64) error {
	res, err := tx.ExecContext(ctx, `DELETE FROM mirror_departments WHERE corp_id = ? AND id = ?`, corpID, id)
	if err != nil {
		return fmt.Errorf("delete department %d from the mirror: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mirror_user_departments WHERE corp_id = ? AND dept_id = ?`, corpID, id); err != nil {
		return err
	}
	n, _ := res.RowsAffected()
	return bump(ctx, tx, corpID, -n, 0)
}

// CreateUser adds a member an apply created (status 4: invited, not yet
// active, as WeCom has it), or updates it when the create found it existing.
func (s *Service) CreateUser(ctx context.Context, tx *sqlx.Tx, corpID int64, u wecom.UserWrite) error {
	m, err := mirroredUser(ctx, tx, corpID, u.UserID)
	if err != nil {
		return err
	}
	if m == nil {
		m = &User{UserID: u.UserID, Gender: "0", Status: wecom.UserInactive, Enable: true}
		if err := bump(ctx, tx, corpID, 0, 1); err != nil {
			return err
		}
	}
	return putUser(ctx, tx, corpID, m, u)
}

// UpdateUser applies an update to a mirrored member. An activated member's
// mobile stays as it was: WeCom ignores that change silently.
func (s *Service) UpdateUser(ctx context.Context, tx *sqlx.Tx, corpID int64, u wecom.UserWrite) error {
	m, err := mirroredUser(ctx, tx, corpID, u.UserID)
	if err != nil || m == nil {
		return err // not in the mirror's scope: the read-back pull brings it
	}
	if m.Status == wecom.UserActive {
		u.Mobile = nil
	}
	return putUser(ctx, tx, corpID, m, u)
}

// DeleteUser removes a mirrored member.
func (s *Service) DeleteUser(ctx context.Context, tx *sqlx.Tx, corpID int64, userID string) error {
	res, err := tx.ExecContext(ctx, `DELETE FROM mirror_users WHERE corp_id = ? AND userid = ?`, corpID, userID)
	if err != nil {
		return fmt.Errorf("delete member %s from the mirror: %w", userID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mirror_user_departments WHERE corp_id = ? AND userid = ?`, corpID, userID); err != nil {
		return err
	}
	n, _ := res.RowsAffected()
	return bump(ctx, tx, corpID, 0, -n)
}

func mirroredUser(ctx context.Context, tx *sqlx.Tx, corpID int64, userID string) (*User, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+userColumns+` FROM mirror_users WHERE corp_id = ? AND userid = ?`, corpID, userID)
	if err != nil {
		return nil, err
	}
	users, err := scanUsers(rows, 1)
	if err != nil || len(users) == 0 {
		return nil, err
	}
	return &users[0], nil
}

// putUser writes m with the given fields of u applied, as WeCom applies them.
func putUser(ctx context.Context, tx *sqlx.Tx, corpID int64, m *User, u wecom.UserWrite) error {
	for _, f := range []struct {
		dst *string
		src *string
	}{{&m.Name, u.Name}, {&m.Alias, u.Alias}, {&m.Position, u.Position}, {&m.Mobile, u.Mobile}, {&m.Email, u.Email},
		{&m.BizMail, u.BizMail}, {&m.Telephone, u.Telephone}, {&m.Gender, u.Gender}} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	if u.Department != nil {
		m.Departments = slices.Clone(u.Department)
		if !slices.Contains(m.Departments, m.MainDepartment) {
			m.MainDepartment = m.Departments[0]
		}
	}
	if u.MainDepartment != nil {
		m.MainDepartment = *u.MainDepartment
	}
	if u.Enable != nil {
		m.Enable = *u.Enable == 1
		switch {
		case !m.Enable:
			m.Status = wecom.UserDisabled
		case m.Status == wecom.UserDisabled:
			m.Status = wecom.UserActive
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mirror_user_departments WHERE corp_id = ? AND userid = ?`, corpID, m.UserID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO mirror_users(corp_id, userid, name, alias, position, mobile, email, biz_mail,
		telephone, gender, status, enable, main_department, departments, search_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(corp_id, userid) DO UPDATE SET name = excluded.name, alias = excluded.alias, position = excluded.position,
			mobile = excluded.mobile, email = excluded.email, biz_mail = excluded.biz_mail, telephone = excluded.telephone,
			gender = excluded.gender, status = excluded.status, enable = excluded.enable, main_department = excluded.main_department,
			departments = excluded.departments, search_text = excluded.search_text`,
		corpID, m.UserID, m.Name, m.Alias, m.Position, m.Mobile, m.Email, m.BizMail, m.Telephone, m.Gender, m.Status, m.Enable,
		m.MainDepartment, jsonText(m.Departments), searchText(m))
	if err != nil {
		return fmt.Errorf("write member %s through to the mirror: %w", m.UserID, err)
	}
	for _, d := range m.Departments {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO mirror_user_departments(corp_id, dept_id, userid) VALUES (?,?,?)`,
			corpID, d, m.UserID); err != nil {
			return err
		}
	}
	return nil
}

// deptPath is the mirrored path of department id (nil when it is not mirrored).
func deptPath(ctx context.Context, tx *sqlx.Tx, corpID, id int64) ([]string, error) {
	var raw string
	err := tx.GetContext(ctx, &raw, `SELECT path FROM mirror_departments WHERE corp_id = ? AND id = ?`, corpID, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var p []string
	return p, json.Unmarshal([]byte(raw), &p)
}

// repath recomputes the paths of department id and everything under it.
func repath(ctx context.Context, tx *sqlx.Tx, corpID, id int64) error {
	var rows []struct {
		ID     int64  `db:"id"`
		Parent int64  `db:"parent_id"`
		Name   string `db:"name"`
	}
	if err := tx.SelectContext(ctx, &rows, `WITH RECURSIVE sub(id) AS (SELECT ? UNION
		SELECT d.id FROM mirror_departments d JOIN sub ON d.parent_id = sub.id WHERE d.corp_id = ? AND d.id <> d.parent_id)
		SELECT d.id, d.parent_id, d.name FROM mirror_departments d JOIN sub ON d.id = sub.id WHERE d.corp_id = ?`, id, corpID, corpID); err != nil {
		return err
	}
	paths := map[int64][]string{}
	idx := make(map[int64]int, len(rows))
	for i, r := range rows {
		idx[r.ID] = i
	}
	var pathOf func(id int64, depth int) ([]string, error)
	pathOf = func(id int64, depth int) ([]string, error) {
		if p, ok := paths[id]; ok {
			return p, nil
		}
		if i, ok := idx[id]; ok && rows[i].Parent != id && depth < maxDepth {
			pp, err := pathOf(rows[i].Parent, depth+1)
			if err != nil {
				return nil, err
			}
			paths[id] = append(slices.Clone(pp), rows[i].Name)
			return paths[id], nil
		}
		p, err := deptPath(ctx, tx, corpID, id)
		paths[id] = p
		return p, err
	}
	for _, r := range rows {
		p, err := pathOf(r.ID, 0)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE mirror_departments SET path = ? WHERE corp_id = ? AND id = ?`, jsonText(p), corpID, r.ID); err != nil {
			return err
		}
	}
	return nil
}

// bump keeps mirror_state's counts in line with the rows.
func bump(ctx context.Context, tx *sqlx.Tx, corpID, depts, users int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE mirror_state SET departments = departments + ?, users = users + ? WHERE corp_id = ?`,
		depts, users, corpID)
	return err
}
