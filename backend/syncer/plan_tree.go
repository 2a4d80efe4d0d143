package syncer

import "strings"

// dtree is a department tree of either side, as the matcher sees it.
type dtree struct {
	nodes    map[int64]*tnode
	roots    []int64 // parent 0 or unknown, in input order
	byName   map[int64]map[string]int64
	pathMemo map[int64]string
}

type tnode struct {
	id, parent int64
	name       string
	children   []int64
}

func newTree(n int) *dtree {
	return &dtree{nodes: make(map[int64]*tnode, n), pathMemo: make(map[int64]string, n)}
}

func (t *dtree) add(id, parent int64, name string) {
	if _, dup := t.nodes[id]; dup || id == 0 {
		return
	}
	t.nodes[id] = &tnode{id: id, parent: parent, name: name}
}

// finish links children to parents, keeping input order. A node whose parent
// is unknown becomes a root (a department outside the read scope).
func (t *dtree) finish(order func(yield func(int64))) {
	t.byName = make(map[int64]map[string]int64, len(t.nodes)/4+1)
	order(func(id int64) {
		n := t.nodes[id]
		if n == nil {
			return
		}
		if p := t.nodes[n.parent]; p != nil && n.parent != id {
			p.children = append(p.children, id)
		} else {
			t.roots = append(t.roots, id)
		}
		names := t.byName[n.parent]
		if names == nil {
			names = map[string]int64{}
			t.byName[n.parent] = names
		}
		if _, taken := names[n.name]; !taken {
			names[n.name] = id
		}
	})
}

// child returns the child of parent (0: a root) named name.
func (t *dtree) child(parent int64, name string) int64 {
	if parent == 0 {
		for _, r := range t.roots {
			if t.nodes[r].name == name {
				return r
			}
		}
		return 0
	}
	return t.byName[parent][name]
}

// path is the "/"-joined names from the root down to id.
func (t *dtree) path(id int64) string {
	if p, ok := t.pathMemo[id]; ok {
		return p
	}
	n := t.nodes[id]
	if n == nil {
		return ""
	}
	p := n.name
	if parent := t.nodes[n.parent]; parent != nil && n.parent != id {
		p = t.path(n.parent) + "/" + n.name
	}
	t.pathMemo[id] = p
	return p
}

func (t *dtree) depth(id int64) int {
	return strings.Count(t.path(id), "/")
}

// within reports whether id is anc or below it.
func (t *dtree) within(id, anc int64) bool {
	for steps := 0; id != 0 && steps <= len(t.nodes); steps++ {
		if id == anc {
			return true
		}
		n := t.nodes[id]
		if n == nil {
			return false
		}
		id = n.parent
	}
	return false
}

// deptMatch is where one truth department goes in the target tree.
type deptMatch struct {
	truth  int64
	target int64  // the matched existing target department; 0 when new
	key    string // plan-local key when new
	parent Ref    // its parent in the target
	rename bool
	move   bool
	forced bool // a root pinned to the target root
}

func (m *deptMatch) ref() Ref {
	if m.target != 0 {
		return Ref{ID: m.target}
	}
	return Ref{Key: m.key}
}

// start is a truth root of the walk: where it goes, and optionally the
// target department it is pinned to.
type start struct {
	truth  int64
	parent Ref
	force  int64
}

// matcher pairs truth departments with target departments: first by the
// link a previous apply recorded, then by level and name (云桥: 层级相同且部门
// 名称相同), top-down; what stays unpaired is new.
type matcher struct {
	truth, target *dtree
	keyPrefix     string
	links         map[int64]int64 // truth id → target id
	inScope       func(truthID int64) bool
	claimed       map[int64]int64 // target id → truth id
	out           map[int64]*deptMatch
	order         []int64 // truth ids, parents before children
}

func (m *matcher) run(starts []start) {
	m.claimed = map[int64]int64{}
	m.out = make(map[int64]*deptMatch, len(m.truth.nodes))
	for _, s := range starts {
		if s.force != 0 {
			m.claimed[s.force] = s.truth
		}
	}
	// Links claim first, so a name match never steals a linked department.
	for t, l := range m.links {
		if _, ok := m.target.nodes[l]; !ok || m.truth.nodes[t] == nil || !m.inScope(t) {
			continue
		}
		if _, taken := m.claimed[l]; !taken {
			m.claimed[l] = t
		}
	}
	type item struct {
		truth  int64
		parent Ref
		force  int64
	}
	queue := make([]item, 0, len(m.truth.nodes))
	for _, s := range starts {
		queue = append(queue, item{s.truth, s.parent, s.force})
	}
	for i := 0; i < len(queue); i++ {
		it := queue[i]
		tn := m.truth.nodes[it.truth]
		dm := &deptMatch{truth: it.truth, parent: it.parent, forced: it.force != 0}
		switch {
		case it.force != 0:
			dm.target = it.force
		case m.claimed[m.links[it.truth]] == it.truth && m.links[it.truth] != 0:
			dm.target = m.links[it.truth]
		case it.parent.Key == "":
			if c := m.target.child(it.parent.ID, tn.name); c != 0 {
				if _, taken := m.claimed[c]; !taken {
					m.claimed[c] = it.truth
					dm.target = c
				}
			}
		}
		if dm.target == 0 {
			dm.key = m.keyPrefix + itoa(it.truth)
		} else if !dm.forced {
			tg := m.target.nodes[dm.target]
			dm.rename = tg.name != tn.name
			dm.move = it.parent.Key != "" || it.parent.ID != tg.parent
		}
		m.out[it.truth] = dm
		m.order = append(m.order, it.truth)
		for _, c := range tn.children {
			if m.inScope(c) {
				queue = append(queue, item{truth: c, parent: dm.ref()})
			}
		}
	}
}
