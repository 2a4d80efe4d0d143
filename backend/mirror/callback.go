package mirror

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/wecom"
)

// Contact callbacks: WeCom said a member or department changed; the caller
// read it (user/get, department/get) and the mirror takes it at once, without
// waiting for the next pull (which still reconciles anything a lost callback
// missed).

// PutMember writes a member exactly as WeCom returned it; created says it was new.
func (s *Service) PutMember(ctx context.Context, corpID int64, u wecom.User) (created bool, err error) {
	err = s.inTx(ctx, func(tx *sqlx.Tx) error {
		m, err := mirroredUser(ctx, tx, corpID, u.UserID)
		if err != nil {
			return err
		}
		if m == nil {
			created = true
			m = &User{UserID: u.UserID}
			if err := bump(ctx, tx, corpID, 0, 1); err != nil {
				return err
			}
		}
		m.Status, m.Enable = u.Status, u.Status != wecom.UserDisabled
		m.MainDepartment = u.MainDepartment
		w := wecom.UserWrite{UserID: u.UserID, Name: &u.Name, Alias: &u.Alias, Position: &u.Position, Mobile: &u.Mobile,
			Email: &u.Email, BizMail: &u.BizMail, Telephone: &u.Telephone, Gender: &u.Gender, Department: u.Department}
		if len(u.Department) == 0 {
			w.Department = nil
			m.Departments = []int64{}
		}
		if u.MainDepartment != 0 {
			w.MainDepartment = &u.MainDepartment
		}
		return putUser(ctx, tx, corpID, m, w)
	})
	return created, err
}

// RenameMember moves a mirrored member to its new userid (WeCom's NewUserID).
func (s *Service) RenameMember(ctx context.Context, corpID int64, oldID, newID string) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		for _, q := range []string{`UPDATE OR REPLACE mirror_users SET userid = ? WHERE corp_id = ? AND userid = ?`,
			`UPDATE OR REPLACE mirror_user_departments SET userid = ? WHERE corp_id = ? AND userid = ?`} {
			if _, err := tx.ExecContext(ctx, q, newID, corpID, oldID); err != nil {
				return fmt.Errorf("rename member %s in the mirror: %w", oldID, err)
			}
		}
		return nil
	})
}

// RemoveMember deletes a member WeCom deleted.
func (s *Service) RemoveMember(ctx context.Context, corpID int64, userID string) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return s.DeleteUser(ctx, tx, corpID, userID) })
}

// PutDepartment writes a department as WeCom returned it.
func (s *Service) PutDepartment(ctx context.Context, corpID int64, d wecom.Department) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error {
		var exists bool
		if err := tx.GetContext(ctx, &exists, `SELECT EXISTS (SELECT 1 FROM mirror_departments WHERE corp_id = ? AND id = ?)`, corpID, d.ID); err != nil {
			return err
		}
		if !exists {
			return s.CreateDepartment(ctx, tx, corpID, d.ID, wecom.DepartmentCreate{Name: d.Name, NameEN: d.NameEN, ParentID: d.ParentID, Order: &d.Order})
		}
		return s.UpdateDepartment(ctx, tx, corpID, wecom.DepartmentUpdate{ID: d.ID, Name: &d.Name, ParentID: &d.ParentID, Order: &d.Order})
	})
}

// RemoveDepartment deletes a department WeCom deleted.
func (s *Service) RemoveDepartment(ctx context.Context, corpID, id int64) error {
	return s.inTx(ctx, func(tx *sqlx.Tx) error { return s.DeleteDepartment(ctx, tx, corpID, id) })
}

func (s *Service) inTx(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}
