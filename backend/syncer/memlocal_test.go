package syncer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// memLocal is an in-memory local directory: the source of LocalDepts and
// LocalUsers, and the LocalWriter of from-wecom applies.
type memLocal struct {
	mu    sync.Mutex
	depts map[int64]*memDept
	order []int64
	accts map[string]*memAcct
	accs  []string
	next  int64
	calls map[string]int
}

type memDept struct {
	id, parent int64
	name       string
}

type memAcct struct {
	LocalAccount
	wecomUserID string
	resigned    bool
	resignedAt  time.Time
}

func newMemLocal() *memLocal {
	return &memLocal{depts: map[int64]*memDept{}, accts: map[string]*memAcct{}, next: 100, calls: map[string]int{}}
}

func (m *memLocal) childLocked(parent int64, name string) int64 {
	for _, id := range m.order {
		if d := m.depts[id]; d.parent == parent && d.name == name {
			return id
		}
	}
	return 0
}

// ensure returns the department at path ("a/b/c"), creating what is missing.
func (m *memLocal) ensure(path string) int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	var parent int64
	for _, name := range strings.Split(path, "/") {
		id := m.childLocked(parent, name)
		if id == 0 {
			m.next++
			id = m.next
			m.depts[id] = &memDept{id, parent, name}
			m.order = append(m.order, id)
		}
		parent = id
	}
	return parent
}

func (m *memLocal) add(account, name, mobile string, paths ...string) {
	var ids []int64
	for _, p := range paths {
		ids = append(ids, m.ensure(p))
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.accts[strings.ToLower(account)] = &memAcct{LocalAccount: LocalAccount{Account: account, Name: name, Mobile: mobile, DeptIDs: ids}}
	m.accs = append(m.accs, strings.ToLower(account))
}

func (m *memLocal) acct(account string) *memAcct {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.accts[strings.ToLower(account)]
}

func (m *memLocal) pathLocked(id int64) []string {
	d := m.depts[id]
	if d == nil {
		return nil
	}
	if d.parent == 0 {
		return []string{d.name}
	}
	return append(m.pathLocked(d.parent), d.name)
}

func (m *memLocal) path(id int64) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return strings.Join(m.pathLocked(id), "/")
}

func (m *memLocal) inputs() ([]LocalDept, []LocalUser) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var ld []LocalDept
	for _, id := range m.order {
		d := m.depts[id]
		ld = append(ld, LocalDept{ID: id, ParentID: d.parent, Name: d.name, Path: m.pathLocked(id)})
	}
	var lu []LocalUser
	for _, k := range m.accs {
		a := m.accts[k]
		u := LocalUser{Account: a.Account, Name: a.Name, EmployeeNo: a.EmployeeNo, Mobile: a.Mobile, Email: a.Email,
			Position: a.Position, Resigned: a.resigned, ResignedAt: a.resignedAt, WeComUserID: a.wecomUserID}
		for _, id := range a.DeptIDs {
			u.DeptPaths = append(u.DeptPaths, m.pathLocked(id))
		}
		lu = append(lu, u)
	}
	return ld, lu
}

func (m *memLocal) CreateDepartment(_ context.Context, parent int64, name string) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls["CreateDepartment"]++
	if parent != 0 && m.depts[parent] == nil {
		return 0, fmt.Errorf("parent department %d not found", parent)
	}
	if id := m.childLocked(parent, name); id != 0 {
		return id, nil
	}
	m.next++
	m.depts[m.next] = &memDept{m.next, parent, name}
	m.order = append(m.order, m.next)
	return m.next, nil
}

func (m *memLocal) RenameDepartment(_ context.Context, id int64, name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls["RenameDepartment"]++
	if m.depts[id] == nil {
		return fmt.Errorf("department %d not found", id)
	}
	m.depts[id].name = name
	return nil
}

func (m *memLocal) MoveDepartment(_ context.Context, id, parent int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls["MoveDepartment"]++
	if m.depts[id] == nil || parent != 0 && m.depts[parent] == nil {
		return fmt.Errorf("department %d or %d not found", id, parent)
	}
	m.depts[id].parent = parent
	return nil
}

func (m *memLocal) CreateAccount(_ context.Context, a LocalAccount) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls["CreateAccount"]++
	k := strings.ToLower(a.Account)
	if m.accts[k] != nil {
		return fmt.Errorf("account %s: %w", a.Account, ErrLocalExists)
	}
	m.accts[k] = &memAcct{LocalAccount: a}
	m.accs = append(m.accs, k)
	return nil
}

func (m *memLocal) UpdateAccount(_ context.Context, account string, ch AccountChange) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls["UpdateAccount"]++
	a := m.accts[strings.ToLower(account)]
	if a == nil {
		return fmt.Errorf("account %s not found", account)
	}
	for _, f := range []struct{ dst, src *string }{{&a.Name, ch.Name}, {&a.EmployeeNo, ch.EmployeeNo},
		{&a.Mobile, ch.Mobile}, {&a.Email, ch.Email}, {&a.Position, ch.Position}} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	if ch.DeptIDs != nil {
		a.DeptIDs = slices.Clone(ch.DeptIDs)
	}
	if ch.Resigned != nil {
		a.resigned = *ch.Resigned
	}
	return nil
}

func (m *memLocal) ResignAccount(_ context.Context, account string, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls["ResignAccount"]++
	a := m.accts[strings.ToLower(account)]
	if a == nil {
		return fmt.Errorf("account %s not found", account)
	}
	if !a.resigned {
		a.resigned, a.resignedAt = true, at
	}
	return nil
}

func (m *memLocal) rename(path, name string) {
	id := m.ensure(path)
	m.mu.Lock()
	m.depts[id].name = name
	m.mu.Unlock()
}

func (m *memLocal) move(path, newParent string) {
	id, p := m.ensure(path), m.ensure(newParent)
	m.mu.Lock()
	m.depts[id].parent = p
	m.mu.Unlock()
}

func (m *memLocal) resign(account string) {
	m.mu.Lock()
	m.accts[strings.ToLower(account)].resigned = true
	m.mu.Unlock()
}

// removeDept drops the department at path and its subtree (their accounts must have moved).
func (m *memLocal) removeDept(path string) {
	id := m.ensure(path)
	m.mu.Lock()
	defer m.mu.Unlock()
	gone := map[int64]bool{id: true}
	for changed := true; changed; {
		changed = false
		for _, d := range m.depts {
			if gone[d.parent] && !gone[d.id] {
				gone[d.id], changed = true, true
			}
		}
	}
	var order []int64
	for _, o := range m.order {
		if gone[o] {
			delete(m.depts, o)
		} else {
			order = append(order, o)
		}
	}
	m.order = order
}

func (m *memLocal) setDepts(account string, paths ...string) {
	var ids []int64
	for _, p := range paths {
		ids = append(ids, m.ensure(p))
	}
	m.mu.Lock()
	m.accts[strings.ToLower(account)].DeptIDs = ids
	m.mu.Unlock()
}
