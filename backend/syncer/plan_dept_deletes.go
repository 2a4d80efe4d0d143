package syncer

import (
	"cmp"
	"slices"
	"wecom-bridge/backend/usererr"
)

// planDeptDeletes deletes linked WeCom departments that the local directory
// no longer has (or that fell out of scope), deepest first, but only those
// that will be empty once the plan's member operations ran. A department
// that would keep members or sub-departments this sync does not manage is
// kept, with a warning: WeCom refuses to delete it anyway (60005/60006).
func (p *planner) planDeptDeletes(up *userPass) {
	x := up.x
	if len(x.removedDepts) == 0 {
		return
	}
	remaining := map[int64]int{}
	for i := range p.in.WeComUsers {
		m := &p.in.WeComUsers[i]
		if after, changed := up.after[lower(m.UserID)]; changed {
			for _, r := range after {
				remaining[r.ID]++
			}
			continue
		}
		for _, id := range m.Departments {
			remaining[id]++
		}
	}
	for _, refs := range up.created {
		for _, r := range refs {
			remaining[r.ID]++
		}
	}
	memo := map[int64]bool{}
	var deletable func(w int64) bool
	deletable = func(w int64) bool {
		if v, ok := memo[w]; ok {
			return v
		}
		memo[w] = false // guards against a cycle in bad inputs
		ok := x.removedDepts[w] && remaining[w] == 0
		for _, c := range x.wecom.nodes[w].children {
			if _, stays := x.claimed[c]; stays {
				continue // moves away in phase 1
			}
			ok = ok && deletable(c)
		}
		memo[w] = ok
		return ok
	}
	cands := make([]int64, 0, len(x.removedDepts))
	for w := range x.removedDepts {
		cands = append(cands, w)
	}
	slices.SortFunc(cands, func(a, b int64) int {
		if d := cmp.Compare(x.wecom.depth(b), x.wecom.depth(a)); d != 0 {
			return d
		}
		return cmp.Compare(a, b)
	})
	for _, w := range cands {
		n := x.wecom.nodes[w]
		path := x.wecom.path(w)
		if !deletable(w) {
			p.warn("department_kept", path, usererr.Args{"path": path, "members": remaining[w]})
			continue
		}
		parentNode := x.wecomNode[n.parent]
		if x.removedDepts[n.parent] && deletable(n.parent) {
			parentNode = "W" + itoa(n.parent)
		}
		if parentNode == "" {
			parentNode = x.mountNode
		}
		key := "W" + itoa(w)
		p.addNode(key, parentNode, n.name, 0, w).State = NodeRemoved
		var deps []string
		for _, c := range n.children {
			if _, stays := x.claimed[c]; !stays {
				deps = append(deps, "del:"+itoa(c))
			}
		}
		p.emit(&Op{Type: OpDeleteDepartment, Phase: phaseDeptsDeletes, Key: "del:" + itoa(w), Deps: deps, Target: n.name, Path: path, Node: key,
			Before: &Values{ID: w, Name: strp(n.name), Parent: &Ref{ID: n.parent, Path: x.wecom.path(n.parent)}, Path: path}, Reason: ReasonGoneDept})
	}
}
