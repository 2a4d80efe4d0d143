package directory

import (
	"context"
	"database/sql"
	"errors"
)

// AccountID returns the id of the account with this login (case-insensitive),
// or ErrNotFound.
func (s *Service) AccountID(ctx context.Context, account string) (int64, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT id FROM dir_accounts WHERE account = ?`, account)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id, err
}

// DepartmentID returns the id of the department called name under parentID
// (0: a root), or ErrNotFound.
func (s *Service) DepartmentID(ctx context.Context, parentID int64, name string) (int64, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT id FROM dir_departments WHERE IFNULL(parent_id, 0) = ? AND name = ?`, parentID, name)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id, err
}
