package services

import (
	"context"
	"errors"
	"fmt"
	"time"

	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/syncer"
)

// localWriter applies from-wecom operations to the local directory. Every
// method is safe to repeat, as a resumed apply may re-run an operation.
type localWriter struct{ dir *directory.Service }

func (w localWriter) CreateDepartment(ctx context.Context, parentID int64, name string) (int64, error) {
	if id, err := w.dir.DepartmentID(ctx, parentID, name); err == nil {
		return id, nil
	}
	d, err := w.dir.AddDepartment(ctx, parentID, name)
	return d.ID, err
}

func (w localWriter) RenameDepartment(ctx context.Context, id int64, name string) error {
	_, err := w.dir.RenameDepartment(ctx, id, name)
	return err
}

func (w localWriter) MoveDepartment(ctx context.Context, id, parentID int64) error {
	_, err := w.dir.MoveDepartment(ctx, id, parentID)
	return err
}

func (w localWriter) CreateAccount(ctx context.Context, a syncer.LocalAccount) error {
	if _, err := w.dir.AccountID(ctx, a.Account); err == nil {
		return fmt.Errorf("%s: %w", a.Account, syncer.ErrLocalExists)
	}
	_, err := w.dir.AddAccount(ctx, directory.AccountInput{Account: a.Account, Name: a.Name, EmployeeNo: a.EmployeeNo,
		Mobile: a.Mobile, Email: a.Email, Position: a.Position, DeptIDs: a.DeptIDs})
	return err
}

func (w localWriter) UpdateAccount(ctx context.Context, account string, ch syncer.AccountChange) error {
	id, err := w.dir.AccountID(ctx, account)
	if err != nil {
		return fmt.Errorf("local account %s: %w", account, err)
	}
	cur, err := w.dir.GetAccount(ctx, id)
	if err != nil {
		return err
	}
	in := directory.AccountInput{Account: cur.Account, Name: cur.Name, EmployeeNo: cur.EmployeeNo, Mobile: cur.Mobile,
		Email: cur.Email, Position: cur.Position, DeptIDs: cur.DeptIDs}
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&in.Name, ch.Name)
	set(&in.EmployeeNo, ch.EmployeeNo)
	set(&in.Mobile, ch.Mobile)
	set(&in.Email, ch.Email)
	set(&in.Position, ch.Position)
	if ch.DeptIDs != nil {
		in.DeptIDs = ch.DeptIDs
	}
	if _, err := w.dir.UpdateAccount(ctx, id, in); err != nil {
		return err
	}
	if ch.Resigned != nil {
		if *ch.Resigned && cur.Status != directory.StatusResigned {
			_, err = w.dir.ResignAccount(ctx, id)
		} else if !*ch.Resigned && cur.Status == directory.StatusResigned {
			_, err = w.dir.ReinstateAccount(ctx, id)
		}
	}
	return err
}

func (w localWriter) ResignAccount(ctx context.Context, account string, _ time.Time) error {
	id, err := w.dir.AccountID(ctx, account)
	if errors.Is(err, directory.ErrNotFound) {
		return nil // nothing to resign: repeating a done operation
	}
	if err != nil {
		return err
	}
	cur, err := w.dir.GetAccount(ctx, id)
	if err != nil || cur.Status == directory.StatusResigned {
		return err
	}
	_, err = w.dir.ResignAccount(ctx, id)
	return err
}
