package directory

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// DeptNode is a department in the tree shown beside the account list.
type DeptNode struct {
	Department
	Members      int         `json:"members"`      // active accounts directly in it
	TotalMembers int         `json:"totalMembers"` // distinct active accounts in it or below
	Children     []*DeptNode `json:"children"`
}

// DepartmentTree returns the root departments with their sub-trees, siblings
// in sort order, each with its member counts. An account in two departments
// of one branch counts once in their common ancestors.
func (s *Service) DepartmentTree(ctx context.Context) ([]*DeptNode, error) {
	var roots []*DeptNode
	err := s.readTx(ctx, func(tx *sqlx.Tx) error {
		tree, err := loadDeptTree(ctx, tx)
		if err != nil {
			return err
		}
		nodes := make(map[int64]*DeptNode, len(tree.byID))
		for id, d := range tree.byID {
			nodes[id] = &DeptNode{Department: *d, Children: []*DeptNode{}}
		}
		if err := countMembers(ctx, tx, tree, nodes); err != nil {
			return err
		}
		for _, d := range tree.ordered() {
			n := nodes[d.ID]
			if d.ParentID == 0 {
				roots = append(roots, n)
			} else if p, ok := nodes[d.ParentID]; ok {
				p.Children = append(p.Children, n)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the department tree: %w", err)
	}
	if roots == nil {
		roots = []*DeptNode{}
	}
	return roots, nil
}

// countMembers walks the memberships of active accounts once. Distinct
// totals per subtree need each account's set of ancestors, which is cheaper
// in Go than as a recursive query over 100,000 accounts.
func countMembers(ctx context.Context, tx *sqlx.Tx, tree *deptTree, nodes map[int64]*DeptNode) error {
	rows, err := tx.QueryxContext(ctx, `SELECT l.account_id, l.dept_id FROM dir_account_departments l
		JOIN dir_accounts a ON a.id = l.account_id WHERE a.status = 'active' ORDER BY l.account_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var current int64 = -1
	var counted []int64 // ancestors already counted for the current account
	for rows.Next() {
		var accountID, deptID int64
		if err := rows.Scan(&accountID, &deptID); err != nil {
			return err
		}
		if accountID != current {
			current, counted = accountID, counted[:0]
		}
		if n, ok := nodes[deptID]; ok {
			n.Members++
		}
	walk:
		for id := deptID; id != 0; {
			for _, c := range counted {
				if c == id {
					break walk // this ancestor and all above were counted already
				}
			}
			counted = append(counted, id)
			n, ok := nodes[id]
			if !ok {
				break
			}
			n.TotalMembers++
			id = n.ParentID
		}
	}
	return rows.Err()
}
