package syncer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// WeCom errcodes the apply turns into success (idempotency).
const (
	codeDeptNotFound = 60003
	codeDeptExists   = 60008
	codeUserNotFound = 60111
)

// execWithRetry runs op, retrying a WeCom failure the client already gave
// up on (system busy, rate limits, a dropped connection) twice more. Local
// writes are not retried: their errors are not transient.
func (r *runner) execWithRetry(ctx context.Context, op *Op) (opResult, error) {
	if strings.HasPrefix(string(op.Type), "local_") {
		return r.execLocal(ctx, op)
	}
	for attempt := 0; ; attempt++ {
		res, err := r.execWeCom(ctx, op)
		if err == nil || attempt >= 2 || ctx.Err() != nil || !transient(err) {
			return res, err
		}
		select {
		case <-ctx.Done():
			return res, ctx.Err()
		case <-time.After(r.s.retryBase << attempt):
		}
	}
}

func transient(err error) bool {
	var oe *opError
	if errors.As(err, &oe) {
		return false
	}
	if code := wecom.ErrCode(err); code != 0 {
		return wecom.IsRetryable(code)
	}
	var he *wecom.HTTPError
	if errors.As(err, &he) {
		return he.StatusCode >= 500
	}
	return !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded)
}

// dept resolves a department reference to its real id.
func (r *runner) dept(ref *Ref) (int64, error) {
	if ref == nil {
		return 0, nil
	}
	if ref.Key == "" {
		return ref.ID, nil
	}
	r.mu.Lock()
	id, ok := r.resolved[ref.Key]
	r.mu.Unlock()
	if !ok {
		return 0, &opError{msg: fmt.Sprintf("department %s (%s) was not created by this run; preview again", ref.Path, ref.Key)}
	}
	return id, nil
}

func (r *runner) depts(refs []Ref) ([]int64, error) {
	ids := make([]int64, 0, len(refs))
	for i := range refs {
		id, err := r.dept(&refs[i])
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// userWrite builds the user/create or user/update body from the op's after values.
func (r *runner) userWrite(v *Values) (wecom.UserWrite, error) {
	u := wecom.UserWrite{UserID: v.UserID, Name: v.Name, Position: v.Position, Mobile: v.Mobile, Email: v.Email,
		Alias: v.Alias, Enable: v.Enable, ToInvite: v.ToInvite}
	if len(v.ExtAttrs) > 0 {
		u.ExtAttr = &wecom.ExtAttrs{}
		for _, name := range sortedKeys(v.ExtAttrs) {
			u.ExtAttr.Attrs = append(u.ExtAttr.Attrs, wecom.ExtAttr{Type: 0, Name: name, Text: &wecom.ExtAttrText{Value: v.ExtAttrs[name]}})
		}
	}
	if v.Departments != nil {
		ids, err := r.depts(v.Departments)
		if err != nil {
			return u, err
		}
		u.Department, u.MainDepartment = ids, wecom.Ptr(ids[0])
	}
	return u, nil
}

// execWeCom runs one WeCom operation, turning the errcodes that mean "it
// is already so" into success.
func (r *runner) execWeCom(ctx context.Context, op *Op) (opResult, error) {
	w := r.t.WeCom
	switch op.Type {
	case OpCreateDepartment:
		parent, err := r.dept(op.After.Parent)
		if err != nil {
			return opResult{}, err
		}
		name := *op.After.Name
		body := wecom.DepartmentCreate{Name: name, ParentID: parent}
		id, err := w.CreateDepartment(ctx, body)
		if wecom.ErrCode(err) == codeDeptExists {
			// Created before a crash, or by someone else: adopt it.
			if id, err = r.findDept(ctx, parent, name); err == nil {
				return opResult{id, msgPtr("sync_note_adopted_department", usererr.Args{"id": id}), writeDeptCreate(id, body)}, nil
			}
		}
		return opResult{id: id, mirror: writeDeptCreate(id, body)}, err
	case OpUpdateDepartment, OpMoveDepartment:
		upd := wecom.DepartmentUpdate{ID: op.After.ID, Name: op.After.Name}
		if op.After.Parent != nil {
			parent, err := r.dept(op.After.Parent)
			if err != nil {
				return opResult{}, err
			}
			upd.ParentID = &parent
		}
		return opResult{id: op.After.ID, mirror: writeDeptUpdate(upd)}, w.UpdateDepartment(ctx, upd)
	case OpDeleteDepartment:
		err := w.DeleteDepartment(ctx, op.Before.ID)
		if wecom.ErrCode(err) == codeDeptNotFound {
			return opResult{op.Before.ID, msgPtr("sync_note_department_gone", nil), writeDeptDelete(op.Before.ID)}, nil
		}
		return opResult{id: op.Before.ID, mirror: writeDeptDelete(op.Before.ID)}, err
	case OpCreateUser:
		u, err := r.userWrite(op.After)
		if err != nil {
			return opResult{}, err
		}
		err = w.CreateUser(ctx, u)
		if wecom.ErrCode(err) == wecom.CodeUserIDExists {
			u.ToInvite = nil
			if err = w.UpdateUser(ctx, u); err == nil {
				return opResult{note: msgPtr("sync_note_existed_member", nil), mirror: writeUser(u, true)}, nil
			}
		}
		return opResult{mirror: writeUser(u, true)}, err
	case OpUpdateUser, OpMoveUser, OpEnableUser, OpDisableUser:
		u, err := r.userWrite(op.After)
		if err != nil {
			return opResult{}, err
		}
		err = w.UpdateUser(ctx, u)
		if op.Type == OpDisableUser && wecom.ErrCode(err) == codeUserNotFound {
			return opResult{note: msgPtr("sync_note_member_gone", nil), mirror: writeUserDelete(u.UserID)}, nil
		}
		return opResult{mirror: writeUser(u, false)}, err
	case OpDeleteUser:
		err := w.DeleteUser(ctx, op.Target)
		if wecom.ErrCode(err) == codeUserNotFound {
			return opResult{note: msgPtr("sync_note_already_deleted", nil), mirror: writeUserDelete(op.Target)}, nil
		}
		return opResult{mirror: writeUserDelete(op.Target)}, err
	}
	return opResult{}, &opError{msg: fmt.Sprintf("operation #%d: type %s is not a WeCom operation", op.Seq, op.Type)}
}

// findDept finds the department a 60008 conflicted with: first through
// department/list of the parent, else (the 通讯录同步 secret may not read
// details from a new IP: 48009) through department/simplelist, when exactly
// one child of the parent is unknown to the plan.
func (r *runner) findDept(ctx context.Context, parent int64, name string) (int64, error) {
	list, err := r.t.WeCom.ListDepartments(ctx, parent)
	if err == nil {
		for _, d := range list {
			if d.ParentID == parent && d.Name == name {
				return d.ID, nil
			}
		}
		return 0, &opError{code: codeDeptExists, msg: fmt.Sprintf("create_department %s: WeCom says it exists (60008) but department/list of %d does not show it; "+
			"its id may be taken by another department: pull WeCom contacts and preview again", name, parent)}
	}
	ids, err2 := r.t.WeCom.ListDepartmentIDs(ctx, parent)
	if err2 == nil {
		var unknown []int64
		r.mu.Lock()
		for _, d := range ids {
			if d.ParentID == parent && !r.known[d.ID] {
				unknown = append(unknown, d.ID)
			}
		}
		r.mu.Unlock()
		if len(unknown) == 1 {
			return unknown[0], nil
		}
	}
	return 0, &opError{code: codeDeptExists, msg: fmt.Sprintf("create_department %s: it already exists under department %d (60008), and it could not be identified "+
		"(department/list: %v)", name, parent, err), fix: msgPtr("sync_fix_pull_again", nil)}
}
