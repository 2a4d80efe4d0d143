package syncer

import (
	"context"
	"errors"
	"fmt"
	"slices"
)

// execLocal runs one operation on the local directory.
func (r *runner) execLocal(ctx context.Context, op *Op) (opResult, error) {
	l := r.t.Local
	switch op.Type {
	case OpLocalCreateDepartment:
		parent, err := r.dept(op.After.Parent)
		if err != nil {
			return opResult{}, err
		}
		id, err := l.CreateDepartment(ctx, parent, *op.After.Name)
		return opResult{id: id}, err
	case OpLocalUpdateDepartment:
		return opResult{id: op.After.ID}, l.RenameDepartment(ctx, op.After.ID, *op.After.Name)
	case OpLocalMoveDepartment:
		parent, err := r.dept(op.After.Parent)
		if err != nil {
			return opResult{}, err
		}
		if err := l.MoveDepartment(ctx, op.After.ID, parent); err != nil {
			return opResult{}, err
		}
		if op.After.Name != nil {
			return opResult{id: op.After.ID}, l.RenameDepartment(ctx, op.After.ID, *op.After.Name)
		}
		return opResult{id: op.After.ID}, nil
	case OpLocalCreateAccount:
		a := LocalAccount{Account: op.After.Account}
		for _, f := range []struct {
			dst *string
			src *string
		}{{&a.Name, op.After.Name}, {&a.EmployeeNo, op.After.EmployeeNo}, {&a.Mobile, op.After.Mobile},
			{&a.Email, op.After.Email}, {&a.Position, op.After.Position}} {
			if f.src != nil {
				*f.dst = *f.src
			}
		}
		ids, err := r.depts(op.After.Departments)
		if err != nil {
			return opResult{}, err
		}
		a.DeptIDs = ids
		err = l.CreateAccount(ctx, a)
		if errors.Is(err, ErrLocalExists) {
			ch, cerr := r.accountChange(op.After)
			if cerr != nil {
				return opResult{}, cerr
			}
			if err = l.UpdateAccount(ctx, a.Account, ch); err == nil {
				return opResult{note: msgPtr("sync_note_existed", nil)}, nil
			}
		}
		return opResult{}, err
	case OpLocalUpdateAccount:
		ch, err := r.accountChange(op.After)
		if err != nil {
			return opResult{}, err
		}
		return opResult{}, l.UpdateAccount(ctx, op.After.Account, ch)
	case OpLocalResignAccount:
		return opResult{}, l.ResignAccount(ctx, op.After.Account, r.s.now())
	}
	return opResult{}, &opError{msg: fmt.Sprintf("operation #%d: type %s is not a local operation", op.Seq, op.Type)}
}

func (r *runner) accountChange(v *Values) (AccountChange, error) {
	ch := AccountChange{Name: v.Name, EmployeeNo: v.EmployeeNo, Mobile: v.Mobile, Email: v.Email, Position: v.Position, Resigned: v.Resigned}
	if v.Departments != nil {
		ids, err := r.depts(v.Departments)
		if err != nil {
			return ch, err
		}
		ch.DeptIDs = ids
	}
	return ch, nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
