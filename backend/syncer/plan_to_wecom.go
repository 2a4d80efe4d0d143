package syncer

import (
	"cmp"
	"slices"
	"wecom-bridge/backend/usererr"
)

// toWeCom holds the department side of a to-wecom plan for the member pass.
type toWeCom struct {
	local, wecom *dtree
	mount        int64            // WeCom department the local tree hangs from (top department or root)
	mountNode    string           // its tree node key
	refs         map[int64]Ref    // local department id → where it is in WeCom
	byPath       map[string]int64 // local path → local department id
	pathInfo     map[string]*deptInfo
	memberScope  map[int64]bool   // local departments whose members are in scope
	wecomNode    map[int64]string // WeCom department id → tree node key
	keyNode      map[string]string
	disabledRef  *Ref
	removedDepts map[int64]bool  // linked WeCom departments no longer wanted
	claimed      map[int64]int64 // WeCom department id → the local department it stays paired with
	pathKey      []byte          // scratch for deptAt
}

func localTree(in *Inputs) *dtree {
	t := newTree(len(in.LocalDepts))
	for _, d := range in.LocalDepts {
		t.add(d.ID, d.ParentID, d.Name)
	}
	t.finish(func(yield func(int64)) {
		for _, d := range in.LocalDepts {
			yield(d.ID)
		}
	})
	return t
}

func wecomTree(in *Inputs) *dtree {
	t := newTree(len(in.WeComDepts))
	// Siblings in WeCom's order (bigger order first), so names match as the admin sees them.
	idx := sortedIdx(len(in.WeComDepts), func(a, b int) int { return cmp.Compare(in.WeComDepts[b].Order, in.WeComDepts[a].Order) })
	for _, i := range idx {
		d := in.WeComDepts[i]
		t.add(d.ID, d.ParentID, d.Name)
	}
	t.finish(func(yield func(int64)) {
		for _, i := range idx {
			yield(in.WeComDepts[i].ID)
		}
	})
	return t
}

func wecomRoot(t *dtree) int64 {
	for _, r := range t.roots {
		if t.nodes[r].parent == 0 {
			return r
		}
	}
	return 0
}

// planToWeComDepts matches the local tree onto WeCom and emits the
// department creates, renames and moves.
func (p *planner) planToWeComDepts() *toWeCom {
	x := &toWeCom{local: localTree(p.in), wecom: wecomTree(p.in), refs: map[int64]Ref{}, byPath: map[string]int64{},
		memberScope: map[int64]bool{}, wecomNode: map[int64]string{}, keyNode: map[string]string{}, removedDepts: map[int64]bool{}}
	root := wecomRoot(x.wecom)
	if root == 0 && p.opt.TopDepartment == 0 {
		p.stopWith("no_wecom_departments", nil)
		return nil
	}
	inScope := map[int64]bool{}
	for id := range x.local.nodes {
		path := x.local.path(id)
		x.byPath[path] = id
		inScope[id] = p.scope.dept(path)
		x.memberScope[id] = p.scope.members(path)
	}
	var localRoots []int64
	for _, r := range x.local.roots {
		if inScope[r] {
			localRoots = append(localRoots, r)
		}
	}
	var starts []start
	if top := p.opt.TopDepartment; top != 0 {
		if x.wecom.nodes[top] == nil {
			p.stopWith("top_department_missing", usererr.Args{"id": top})
			return nil
		}
		x.mount, x.mountNode = top, "W"+itoa(top)
		p.addNode(x.mountNode, "", x.wecom.nodes[top].name, 0, top)
		for _, r := range localRoots {
			starts = append(starts, start{truth: r, parent: Ref{ID: top}})
		}
	} else {
		x.mount = root
		rootName := x.wecom.nodes[root].name
		switch {
		case len(localRoots) > 1:
			p.stopWith("several_local_roots", usererr.Args{"count": len(localRoots), "root": rootName})
			return nil
		case len(localRoots) == 1 && x.local.nodes[localRoots[0]].name != rootName:
			ln := x.local.nodes[localRoots[0]].name
			p.stopWith("root_name_mismatch", usererr.Args{"local": ln, "root": rootName})
			return nil
		case len(localRoots) == 1:
			starts = append(starts, start{truth: localRoots[0], force: root})
		}
	}
	m := &matcher{truth: x.local, target: x.wecom, keyPrefix: "dept:L", links: p.links, inScope: func(id int64) bool { return inScope[id] }}
	m.run(starts)
	x.emitDepts(p, m)
	x.claimed = m.claimed
	x.pathInfo = make(map[string]*deptInfo, len(x.byPath))
	for path, id := range x.byPath {
		info := &deptInfo{id: id, members: x.memberScope[id]}
		if info.ref, info.ok = x.refs[id]; info.ok {
			info.nodeKey = x.nodeOf(info.ref)
			info.node = p.nodes[info.nodeKey]
		}
		x.pathInfo[path] = info
	}
	if p.opt.TopDepartment == 0 {
		if x.wecomNode[root] == "" { // no local departments: show the WeCom root alone
			p.addNode("W"+itoa(root), "", x.wecom.nodes[root].name, 0, root)
			x.wecomNode[root] = "W" + itoa(root)
		}
		x.mountNode = x.wecomNode[root]
	} else {
		x.wecomNode[x.mount] = x.mountNode
	}
	// Linked WeCom departments that nothing in scope claims any more.
	for _, w := range p.links {
		if _, claimed := m.claimed[w]; !claimed && x.wecom.nodes[w] != nil && w != root && !x.wecom.within(x.mount, w) {
			x.removedDepts[w] = true
		}
	}
	return x
}

// emitDepts turns the matches into operations and tree nodes, top-down.
// A new department whose name WeCom would refuse is left out with its
// subtree, and a warning says which one to rename.
func (x *toWeCom) emitDepts(p *planner, m *matcher) {
	skipped := map[int64]bool{}
	for _, id := range m.order {
		dm, ln := m.out[id], x.local.nodes[id]
		path := x.local.path(id)
		if skipped[ln.parent] {
			skipped[id] = true
			continue
		}
		newName := ln.name
		if problem := deptNameProblem(ln.name); problem != nil && (dm.target == 0 || dm.rename) {
			if dm.target == 0 {
				skipped[id] = true
				p.warn("bad_department_name", path, usererr.Args{"path": path, "problem": *problem})
				continue
			}
			p.warn("bad_department_not_renamed", path, usererr.Args{"path": path, "problem": *problem})
			dm.rename, newName = false, x.wecom.nodes[dm.target].name
		}
		parentNode := x.mountNode
		if x.local.nodes[ln.parent] != nil && ln.parent != id {
			parentNode = "L" + itoa(ln.parent)
		}
		if dm.forced {
			parentNode = ""
		}
		node := p.addNode("L"+itoa(id), parentNode, ln.name, id, dm.target)
		if dm.target != 0 {
			x.wecomNode[dm.target] = node.Key
		} else {
			x.keyNode[dm.key] = node.Key
		}
		ref := dm.ref()
		ref.Path = path
		x.refs[id] = ref
		deps := refDeps(dm.parent)
		switch {
		case dm.target == 0:
			node.State = NodeNew
			p.emit(&Op{Type: OpCreateDepartment, Phase: phaseDepartments, Key: dm.key, Deps: deps, Target: ln.name, Path: path, Node: node.Key,
				After: &Values{Name: strp(ln.name), Parent: x.withPath(dm.parent), Path: path}, Reason: ReasonNewDept})
		case dm.move:
			tg := x.wecom.nodes[dm.target]
			node.State, node.From, node.To = NodeMoved, x.wecom.path(dm.target), path
			before := &Values{ID: dm.target, Parent: &Ref{ID: tg.parent, Path: x.wecom.path(tg.parent)}, Path: node.From}
			after := &Values{ID: dm.target, Parent: x.withPath(dm.parent), Path: path}
			if dm.rename {
				before.Name, after.Name = strp(tg.name), strp(newName)
			}
			p.emit(&Op{Type: OpMoveDepartment, Phase: phaseDepartments, Deps: deps, Target: ln.name, Path: path, Node: node.Key,
				Before: before, After: after, Reason: ReasonMovedDept, Detail: node.From + " → " + path})
		case dm.rename:
			tg := x.wecom.nodes[dm.target]
			node.State, node.From, node.To = NodeRenamed, tg.name, newName
			p.emit(&Op{Type: OpUpdateDepartment, Phase: phaseDepartments, Target: ln.name, Path: path, Node: node.Key,
				Before: &Values{ID: dm.target, Name: strp(tg.name)}, After: &Values{ID: dm.target, Name: strp(newName)},
				Reason: ReasonRenamedDept, Detail: tg.name + " → " + newName})
		}
	}
}

// deptInfo is what the member pass needs of a local department, found by
// its path in one map lookup.
type deptInfo struct {
	id      int64
	ref     Ref  // where it is in WeCom
	ok      bool // false: the department is not synced (bad name)
	members bool // its members are in scope
	nodeKey string
	node    *TreeNode
}

// deptAt looks a member's department path up in pathInfo. The key is joined
// in a scratch buffer: the lookup runs for every path of every member, and
// a map index by string(bytes) does not allocate.
func (x *toWeCom) deptAt(path []string) *deptInfo {
	x.pathKey = x.pathKey[:0]
	for i, name := range path {
		if i > 0 {
			x.pathKey = append(x.pathKey, '/')
		}
		x.pathKey = append(x.pathKey, name...)
	}
	return x.pathInfo[string(x.pathKey)]
}

// withPath fills a parent ref's path for display.
func (x *toWeCom) withPath(r Ref) *Ref {
	if r.Key == "" {
		r.Path = x.wecom.path(r.ID)
	} else if id, ok := keyID(r.Key, "dept:L"); ok {
		r.Path = x.local.path(id)
	}
	return &r
}

func refDeps(refs ...Ref) []string {
	var deps []string
	for _, r := range refs {
		if r.Key != "" && !slices.Contains(deps, r.Key) {
			deps = append(deps, r.Key)
		}
	}
	return deps
}

// nodeOf is the tree node a WeCom department (or a new one) is shown as.
func (x *toWeCom) nodeOf(r Ref) string {
	if r.Key != "" {
		return x.keyNode[r.Key]
	}
	return x.wecomNode[r.ID]
}

// disabledDept returns the department disabled members move into, planning
// its creation under the mount the first time it is needed.
func (x *toWeCom) disabledDept(p *planner) Ref {
	if x.disabledRef != nil {
		return *x.disabledRef
	}
	name := p.opt.DisabledDept
	var r Ref
	if id := x.wecom.child(x.mount, name); id != 0 {
		r = Ref{ID: id, Path: x.wecom.path(id)}
		key := "W" + itoa(id)
		if x.wecomNode[id] == "" {
			p.addNode(key, x.mountNode, name, 0, id)
			x.wecomNode[id] = key
		}
	} else {
		r = Ref{Key: "dept:disabled", Path: x.wecom.path(x.mount) + "/" + name}
		p.addNode(r.Key, x.mountNode, name, 0, 0).State = NodeNew
		x.keyNode[r.Key] = r.Key
		p.emit(&Op{Type: OpCreateDepartment, Phase: phaseDepartments, Key: r.Key, Target: name, Path: r.Path, Node: r.Key,
			After: &Values{Name: strp(name), Parent: &Ref{ID: x.mount, Path: x.wecom.path(x.mount)}, Path: r.Path}, Reason: ReasonDisabledDept})
	}
	x.disabledRef = &r
	return r
}
