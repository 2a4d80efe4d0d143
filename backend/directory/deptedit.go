package directory

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// AddDepartment creates a department under parentID (0 for a root), after
// its existing siblings.
func (s *Service) AddDepartment(ctx context.Context, parentID int64, name string) (Department, error) {
	name, is := checkDeptName(name)
	if is != nil {
		return Department{}, is.fieldError("name")
	}
	var out Department
	err := s.write(ctx, "add department", name, func(tx *sqlx.Tx) (any, error) {
		tree, err := loadDeptTree(ctx, tx)
		if err != nil {
			return nil, err
		}
		if err := checkParent(tree, parentID); err != nil {
			return nil, err
		}
		if err := checkSiblingName(tree, parentID, name, 0); err != nil {
			return nil, err
		}
		now := store.TimeOf(s.now())
		order := tree.nextSortOrder(parentID)
		r, err := tx.ExecContext(ctx, `INSERT INTO dir_departments(parent_id, name, sort_order, created_at, updated_at)
			VALUES(?,?,?,?,?)`, nullID(parentID), name, order, now, now)
		if err != nil {
			return nil, err
		}
		id, err := r.LastInsertId()
		if err != nil {
			return nil, err
		}
		var path []string
		if parentID != 0 {
			path = append(path, tree.byID[parentID].Path...)
		}
		out = Department{ID: id, ParentID: parentID, Name: name, SortOrder: order, Path: append(path, name)}
		return out, nil
	})
	return out, err
}

// RenameDepartment gives a department a new name, unique among its siblings.
func (s *Service) RenameDepartment(ctx context.Context, id int64, name string) (Department, error) {
	name, is := checkDeptName(name)
	if is != nil {
		return Department{}, is.fieldError("name")
	}
	return s.changeDept(ctx, "rename department", id, func(tx *sqlx.Tx, tree *deptTree, d *Department) error {
		if err := checkSiblingName(tree, d.ParentID, name, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE dir_departments SET name = ?, updated_at = ? WHERE id = ?`, name, store.TimeOf(s.now()), id)
		return err
	})
}

// MoveDepartment puts a department (with everything below it) under
// newParentID, 0 for a root. Moving it into its own subtree is refused.
func (s *Service) MoveDepartment(ctx context.Context, id, newParentID int64) (Department, error) {
	return s.changeDept(ctx, "move department", id, func(tx *sqlx.Tx, tree *deptTree, d *Department) error {
		if err := checkParent(tree, newParentID); err != nil {
			return err
		}
		if newParentID != 0 && tree.isInSubtree(newParentID, id) {
			target := tree.byID[newParentID]
			if newParentID == id {
				return fieldErr("parent", "directory_move_into_itself", usererr.Args{"path": joinPath(d.Path)})
			}
			return fieldErr("parent", "directory_move_into_subtree",
				usererr.Args{"path": joinPath(d.Path), "target": joinPath(target.Path), "name": d.Name})
		}
		if err := checkSiblingName(tree, newParentID, d.Name, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE dir_departments SET parent_id = ?, sort_order = ?, updated_at = ? WHERE id = ?`,
			nullID(newParentID), tree.nextSortOrder(newParentID), store.TimeOf(s.now()), id)
		return err
	})
}

// SetDepartmentSortOrder sets where a department sits among its siblings
// (ascending).
func (s *Service) SetDepartmentSortOrder(ctx context.Context, id int64, order int) (Department, error) {
	return s.changeDept(ctx, "reorder department", id, func(tx *sqlx.Tx, _ *deptTree, _ *Department) error {
		_, err := tx.ExecContext(ctx, `UPDATE dir_departments SET sort_order = ?, updated_at = ? WHERE id = ?`, order, store.TimeOf(s.now()), id)
		return err
	})
}

// DeleteDepartment deletes a department that has no sub-departments and no
// accounts (resigned ones included: they still belong to it).
func (s *Service) DeleteDepartment(ctx context.Context, id int64) error {
	return s.write(ctx, "delete department", fmt.Sprint(id), func(tx *sqlx.Tx) (any, error) {
		tree, err := loadDeptTree(ctx, tx)
		if err != nil {
			return nil, err
		}
		d, ok := tree.byID[id]
		if !ok {
			return nil, usererr.Wrap(ErrNotFound, "directory_department_not_found", usererr.Args{"id": id})
		}
		var members int
		if err := tx.GetContext(ctx, &members, `SELECT COUNT(*) FROM dir_account_departments WHERE dept_id = ?`, id); err != nil {
			return nil, err
		}
		if subs := len(tree.children[id]); subs > 0 || members > 0 {
			return nil, fieldErr("department", "directory_department_not_empty",
				usererr.Args{"path": joinPath(d.Path), "accounts": members, "subs": subs})
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM dir_departments WHERE id = ?`, id)
		return map[string]string{"path": joinPath(d.Path)}, err
	})
}

// changeDept runs one change of an existing department and returns it as it is afterwards.
func (s *Service) changeDept(ctx context.Context, action string, id int64,
	fn func(tx *sqlx.Tx, tree *deptTree, d *Department) error) (Department, error) {
	err := s.write(ctx, action, fmt.Sprint(id), func(tx *sqlx.Tx) (any, error) {
		tree, err := loadDeptTree(ctx, tx)
		if err != nil {
			return nil, err
		}
		d, ok := tree.byID[id]
		if !ok {
			return nil, usererr.Wrap(ErrNotFound, "directory_department_not_found", usererr.Args{"id": id})
		}
		return map[string]string{"path": joinPath(d.Path)}, fn(tx, tree, d)
	})
	if err != nil {
		return Department{}, err
	}
	tree, err := loadDeptTree(ctx, s.db)
	if err != nil {
		return Department{}, err
	}
	if d, ok := tree.byID[id]; ok {
		return *d, nil
	}
	return Department{}, usererr.Wrap(ErrNotFound, "directory_department_not_found", usererr.Args{"id": id})
}

func checkParent(tree *deptTree, parentID int64) error {
	if parentID == 0 {
		return nil
	}
	if _, ok := tree.byID[parentID]; !ok {
		return fieldErr("parent", "directory_department_not_found", usererr.Args{"id": parentID})
	}
	return nil
}

// checkSiblingName refuses a name already used under parentID by a
// department other than self.
func checkSiblingName(tree *deptTree, parentID int64, name string, self int64) error {
	for _, sib := range tree.children[parentID] {
		if sib != self && tree.byID[sib].Name == name {
			where, whereEn := "顶级", "at the top level"
			if parentID != 0 {
				path := joinPath(tree.byID[parentID].Path)
				where, whereEn = path+" 下", "under "+path
			}
			return fieldErr("name", "directory_department_name_taken", usererr.Args{"name": name, "where": where, "whereEn": whereEn})
		}
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
