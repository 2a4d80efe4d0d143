package syncer

import (
	"slices"
	"strings"
	"wecom-bridge/backend/usererr"
)

// fromWeCom holds the department side of a from-wecom plan.
type fromWeCom struct {
	local, wecom *dtree
	refs         map[int64]Ref    // WeCom department id → local department (id or key)
	memberScope  map[int64]bool   // WeCom departments whose members are in scope
	localByPath  map[string]int64 // local path → id
	keyNode      map[string]string
	localNode    map[int64]string
}

// planFromWeComDepts matches the WeCom tree onto the local one and, when
// SyncDepartments is on, plans the local creates, renames and moves.
func (p *planner) planFromWeComDepts() *fromWeCom {
	x := &fromWeCom{local: localTree(p.in), wecom: wecomTree(p.in), refs: map[int64]Ref{}, memberScope: map[int64]bool{},
		localByPath: map[string]int64{}, keyNode: map[string]string{}, localNode: map[int64]string{}}
	for id := range x.local.nodes {
		x.localByPath[x.local.path(id)] = id
	}
	root := wecomRoot(x.wecom)
	if root == 0 && p.opt.TopDepartment == 0 {
		p.stopWith("no_wecom_departments", nil)
		return nil
	}
	inScope := map[int64]bool{}
	for id := range x.wecom.nodes {
		path := x.wecom.path(id)
		inScope[id] = p.scope.dept(path)
		x.memberScope[id] = p.scope.members(path)
	}
	var starts []start
	if top := p.opt.TopDepartment; top != 0 {
		tn := x.wecom.nodes[top]
		if tn == nil {
			p.stopWith("top_department_missing", usererr.Args{"id": top})
			return nil
		}
		for _, c := range tn.children {
			if inScope[c] {
				starts = append(starts, start{truth: c, parent: Ref{ID: 0}})
			}
		}
	} else {
		rootName := x.wecom.nodes[root].name
		switch roots := x.local.roots; {
		case len(roots) == 0:
			starts = append(starts, start{truth: root, parent: Ref{ID: 0}})
		case len(roots) > 1:
			p.stopWith("several_local_roots", usererr.Args{"count": len(roots), "root": rootName})
			return nil
		default:
			// The WeCom root is the local root, whatever the two are called:
			// from-wecom's default top department is the WeCom root.
			starts = append(starts, start{truth: root, force: roots[0]})
		}
	}
	links := make(map[int64]int64, len(p.links))
	for l, w := range p.links {
		links[w] = l
	}
	m := &matcher{truth: x.wecom, target: x.local, keyPrefix: "dept:W", links: links, inScope: func(id int64) bool { return inScope[id] }}
	m.run(starts)
	for _, id := range m.order {
		x.emitDept(p, m.out[id])
	}
	return x
}

func (x *fromWeCom) emitDept(p *planner, dm *deptMatch) {
	wn := x.wecom.nodes[dm.truth]
	path := x.wecom.path(dm.truth)
	parentNode := ""
	if !dm.forced && dm.parent != (Ref{ID: 0}) {
		parentNode = "W" + itoa(wn.parent)
	}
	if dm.target == 0 && !p.opt.SyncDepartments {
		return // not mirrored: its members keep their local departments
	}
	node := p.addNode("W"+itoa(dm.truth), parentNode, wn.name, dm.target, dm.truth)
	ref := dm.ref()
	ref.Path = path
	x.refs[dm.truth] = ref
	if dm.target != 0 {
		x.localNode[dm.target] = node.Key
	} else {
		x.keyNode[dm.key] = node.Key
	}
	if !p.opt.SyncDepartments {
		return
	}
	parent := x.parentRef(dm.parent)
	switch {
	case dm.target == 0:
		node.State = NodeNew
		p.emit(&Op{Type: OpLocalCreateDepartment, Phase: phaseDepartments, Key: dm.key, Deps: refDeps(dm.parent), Target: wn.name, Path: path,
			Node: node.Key, After: &Values{Name: strp(wn.name), Parent: parent, Path: path}, Reason: ReasonNewDept})
	case dm.move:
		ln := x.local.nodes[dm.target]
		node.State, node.From, node.To = NodeMoved, x.local.path(dm.target), path
		before := &Values{ID: dm.target, Parent: &Ref{ID: ln.parent, Path: x.local.path(ln.parent)}, Path: node.From}
		after := &Values{ID: dm.target, Parent: parent, Path: path}
		if dm.rename {
			before.Name, after.Name = strp(ln.name), strp(wn.name)
		}
		p.emit(&Op{Type: OpLocalMoveDepartment, Phase: phaseDepartments, Deps: refDeps(dm.parent), Target: wn.name, Path: path, Node: node.Key,
			Before: before, After: after, Reason: ReasonMovedDept, Detail: node.From + " → " + path})
	case dm.rename:
		ln := x.local.nodes[dm.target]
		node.State, node.From, node.To = NodeRenamed, ln.name, wn.name
		p.emit(&Op{Type: OpLocalUpdateDepartment, Phase: phaseDepartments, Target: wn.name, Path: path, Node: node.Key,
			Before: &Values{ID: dm.target, Name: strp(ln.name)}, After: &Values{ID: dm.target, Name: strp(wn.name)},
			Reason: ReasonRenamedDept, Detail: ln.name + " → " + wn.name})
	}
}

func (x *fromWeCom) parentRef(r Ref) *Ref {
	if r.Key == "" {
		r.Path = x.local.path(r.ID)
	}
	return &r
}

func (x *fromWeCom) nodeOf(r Ref) string {
	if r.Key != "" {
		return x.keyNode[r.Key]
	}
	return x.localNode[r.ID]
}

// wantDepts maps a member's WeCom departments to local ones, main first.
// Departments that have no local counterpart (not mirrored, out of scope)
// are left out.
func (x *fromWeCom) wantDepts(m *WeComUser) []Ref {
	var out []Ref
	for _, id := range currentDepts(m) {
		if r, ok := x.refs[id]; ok && x.memberScope[id] && !slices.ContainsFunc(out, r.same) {
			out = append(out, r)
		}
	}
	return out
}

// localDepts are u's current local department ids, main first.
func (x *fromWeCom) localDepts(u *LocalUser) []int64 {
	var out []int64
	for _, p := range u.DeptPaths {
		if id, ok := x.localByPath[strings.Join(p, "/")]; ok && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func (x *fromWeCom) localRefs(ids []int64) []Ref {
	out := make([]Ref, len(ids))
	for i, id := range ids {
		out[i] = Ref{ID: id, Path: x.local.path(id)}
	}
	return out
}
