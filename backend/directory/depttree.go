package directory

import (
	"context"
	"database/sql"
	"sort"
	"strings"

	"github.com/jmoiron/sqlx"
)

// deptTree is the whole department tree in memory. There are at most a few
// thousand departments, so every read that needs paths loads it once rather
// than walking parents in SQL.
type deptTree struct {
	byID     map[int64]*Department
	children map[int64][]int64 // parent ID (0 = roots) → child IDs, in display order
	byPath   map[string]int64  // pathKey(path) → ID
}

// pathKey joins a department path into a map key. \x1f cannot occur in a
// name: names are trimmed text from a form or a file.
func pathKey(path []string) string { return strings.Join(path, "\x1f") }

// joinPath shows a path the way import files write it: 总部/研发中心/后端组.
func joinPath(path []string) string { return strings.Join(path, "/") }

// joinPaths shows several paths the way import files write them, main first.
func joinPaths(paths [][]string) string {
	var b strings.Builder
	writePaths(&b, paths)
	return b.String()
}

// writePaths writes joinPaths(paths) to b.
func writePaths(b *strings.Builder, paths [][]string) {
	for i, p := range paths {
		if i > 0 {
			b.WriteByte(';')
		}
		for j, name := range p {
			if j > 0 {
				b.WriteByte('/')
			}
			b.WriteString(name)
		}
	}
}

func loadDeptTree(ctx context.Context, q sqlx.QueryerContext) (*deptTree, error) {
	rows, err := q.QueryxContext(ctx, `SELECT id, parent_id, name, sort_order FROM dir_departments`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	t := &deptTree{byID: map[int64]*Department{}, children: map[int64][]int64{}, byPath: map[string]int64{}}
	for rows.Next() {
		var d Department
		var parent sql.NullInt64
		if err := rows.Scan(&d.ID, &parent, &d.Name, &d.SortOrder); err != nil {
			return nil, err
		}
		d.ParentID = parent.Int64
		t.byID[d.ID] = &d
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for id, d := range t.byID {
		t.children[d.ParentID] = append(t.children[d.ParentID], id)
	}
	for _, ids := range t.children {
		t.sortSiblings(ids)
	}
	// Paths top-down from the roots; a department cut off from the roots
	// (impossible while moves refuse cycles) simply gets no path.
	var walk func(parent int64, prefix []string)
	walk = func(parent int64, prefix []string) {
		for _, id := range t.children[parent] {
			d := t.byID[id]
			d.Path = append(append(make([]string, 0, len(prefix)+1), prefix...), d.Name)
			t.byPath[pathKey(d.Path)] = id
			walk(id, d.Path)
		}
	}
	walk(0, nil)
	return t, nil
}

func (t *deptTree) sortSiblings(ids []int64) {
	sort.Slice(ids, func(i, j int) bool {
		a, b := t.byID[ids[i]], t.byID[ids[j]]
		if a.SortOrder != b.SortOrder {
			return a.SortOrder < b.SortOrder
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.ID < b.ID
	})
}

// add records a department created during this operation.
func (t *deptTree) add(d Department) {
	t.byID[d.ID] = &d
	t.children[d.ParentID] = append(t.children[d.ParentID], d.ID)
	t.byPath[pathKey(d.Path)] = d.ID
}

// ordered returns all departments parents-first, siblings in display order.
func (t *deptTree) ordered() []Department {
	out := make([]Department, 0, len(t.byID))
	var walk func(parent int64)
	walk = func(parent int64) {
		for _, id := range t.children[parent] {
			out = append(out, *t.byID[id])
			walk(id)
		}
	}
	walk(0)
	return out
}

// subtree returns id and all its descendants.
func (t *deptTree) subtree(id int64) []int64 {
	out := []int64{id}
	for i := 0; i < len(out); i++ {
		out = append(out, t.children[out[i]]...)
	}
	return out
}

// isInSubtree reports whether candidate is root or one of its descendants.
func (t *deptTree) isInSubtree(candidate, root int64) bool {
	for id := candidate; id != 0; {
		if id == root {
			return true
		}
		d, ok := t.byID[id]
		if !ok {
			return false
		}
		id = d.ParentID
	}
	return false
}

// paths returns the paths of the given department IDs, in order.
func (t *deptTree) paths(ids []int64) [][]string {
	out := make([][]string, 0, len(ids))
	for _, id := range ids {
		if d, ok := t.byID[id]; ok {
			out = append(out, d.Path)
		}
	}
	return out
}

// nextSortOrder is the sort order that puts a new department after its siblings.
func (t *deptTree) nextSortOrder(parent int64) int {
	next := 0
	for _, id := range t.children[parent] {
		if o := t.byID[id].SortOrder; o >= next {
			next = o + 1
		}
	}
	return next
}
