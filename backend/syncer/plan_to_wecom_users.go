package syncer

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"wecom-bridge/backend/usererr"
)

// userPass is the member side of a to-wecom plan.
type userPass struct {
	x         *toWeCom
	byID      map[string]*WeComUser // lower-cased userid
	after     map[string][]Ref      // members whose departments change: their departments after the plan
	created   [][]Ref               // departments of new members, kept only when departments may be deleted
	disabledW int64                 // existing disabled-members department, 0 if none
}

func (p *planner) planToWeComUsers(x *toWeCom) {
	in := p.in
	up := &userPass{x: x, byID: make(map[string]*WeComUser, len(in.WeComUsers)), after: map[string][]Ref{}}
	up.disabledW = x.wecom.child(x.mount, p.opt.DisabledDept)
	for i := range in.WeComUsers {
		m := &in.WeComUsers[i]
		up.byID[lower(m.UserID)] = m
		if m.Status != 5 {
			p.stats.targetUsers++
			if m.Status != 2 {
				p.stats.targetActive++
			}
		}
	}
	p.stats.activeAfter = p.stats.targetActive
	mg := p.managed
	handled := make(map[string]bool, len(in.LocalUsers))
	seenAcc := make(map[string]bool, len(in.LocalUsers))
	for i := range in.LocalUsers {
		u := &in.LocalUsers[i]
		acc := lower(u.Account)
		if seenAcc[acc] {
			p.warn("duplicate_account", u.Account, usererr.Args{"account": u.Account})
			continue
		}
		seenAcc[acc] = true
		inScope := !u.Resigned && p.userInScope(u, x)
		if inScope {
			p.stats.sourceActive++
		}
		uid, bound := mg.byAcc[acc]
		if !bound {
			// Not managed: at most a new member, and only when nobody else
			// has its userid and nothing about it awaits review.
			if !inScope || mg.waitAcc[acc] {
				continue
			}
			if uid = u.WeComUserID; uid == "" {
				uid = u.Account
			}
			luid := lower(uid)
			if owner, ok := mg.byUID[luid]; ok {
				p.warn("userid_taken", u.Account, usererr.Args{"userid": uid, "owner": owner, "account": u.Account})
				continue
			}
			if mg.waitUID[luid] {
				continue
			}
			if m := up.byID[luid]; m != nil {
				p.collision(u, uid, m)
				continue
			}
		}
		luid := lower(uid)
		if handled[luid] {
			continue
		}
		handled[luid] = true
		m := up.byID[luid]
		switch {
		case u.Resigned:
			if m != nil {
				p.leaver(up, m, ReasonResigned, u.Account)
			}
		case !inScope:
			if m != nil {
				p.leaver(up, m, ReasonOutOfScope, u.Account)
			}
		default:
			p.upsert(up, u, uid, m)
		}
	}
	// Managed members whose account is gone from the local directory.
	for _, acc := range mg.sortedAccounts() {
		luid := lower(mg.byAcc[acc])
		if seenAcc[acc] || handled[luid] {
			continue
		}
		handled[luid] = true
		if m := up.byID[luid]; m != nil {
			p.leaver(up, m, ReasonMissingLocal, acc)
		}
	}
	p.planDeptDeletes(up)
}

// deptPaths are the paths of u that the plan considers: all of them with
// part-time departments on, else the main one.
func (p *planner) deptPaths(u *LocalUser) [][]string {
	if !p.opt.IncludePartTime && len(u.DeptPaths) > 1 {
		return u.DeptPaths[:1]
	}
	return u.DeptPaths
}

func (p *planner) userInScope(u *LocalUser, x *toWeCom) bool {
	if !p.scope.user(u.Account) {
		return false
	}
	if p.scope.allDepts {
		return true
	}
	for _, path := range p.deptPaths(u) {
		if info := x.deptAt(path); info != nil && info.members {
			return true
		}
	}
	return false
}

// desiredDepts resolves u's department paths to WeCom refs, main first,
// with the main department's info.
func (p *planner) desiredDepts(u *LocalUser, x *toWeCom) ([]Ref, *deptInfo) {
	var refs []Ref
	var main *deptInfo
	for _, path := range p.deptPaths(u) {
		info := x.deptAt(path)
		if info == nil {
			key := strings.Join(path, "/")
			p.warn("unknown_department", u.Account, usererr.Args{"account": u.Account, "department": key})
			continue
		}
		if info.ok && info.members && !slices.ContainsFunc(refs, info.ref.same) {
			refs = append(refs, info.ref)
			if main == nil {
				main = info
			}
		}
	}
	return refs, main
}

// currentDepts are m's departments with the main one first.
func currentDepts(m *WeComUser) []int64 {
	cur := slices.Clone(m.Departments)
	if i := slices.Index(cur, m.MainDepartment); i > 0 {
		cur[0], cur[i] = cur[i], cur[0]
	}
	return cur
}

func (x *toWeCom) refsOf(ids []int64) []Ref {
	out := make([]Ref, len(ids))
	for i, id := range ids {
		out[i] = Ref{ID: id, Path: x.wecom.path(id)}
	}
	return out
}

// sameDepts: same main department and the same set.
func sameDepts(want []Ref, have []int64) bool {
	if len(want) != len(have) || len(want) == 0 {
		return len(want) == len(have)
	}
	if want[0].Key != "" || want[0].ID != have[0] {
		return false
	}
	for _, r := range want {
		if r.Key != "" || !slices.Contains(have, r.ID) {
			return false
		}
	}
	return true
}

// upsert plans a member for an active, in-scope account: create it, or
// bring its fields, departments and status in line.
func (p *planner) upsert(up *userPass, u *LocalUser, uid string, m *WeComUser) {
	x := up.x
	want, main := p.desiredDepts(u, x)
	if len(want) == 0 {
		p.warn("no_department", u.Account, usererr.Args{"account": u.Account})
		return
	}
	if m == nil {
		p.create(up, u, uid, want, main)
		return
	}
	if m.Status == 5 {
		p.warn("member_quit", uid, usererr.Args{"userid": uid})
		return
	}
	if u.WeComUserID != "" && !strings.EqualFold(u.WeComUserID, m.UserID) {
		p.warn("userid_locked", u.Account, usererr.Args{"account": u.Account, "given": u.WeComUserID, "userid": m.UserID})
	}
	cur := currentDepts(m)
	if !p.opt.DeptAuthority && len(cur) > 1 {
		// 用户所在部门不完全以本系统为准: keep the member's other WeCom departments.
		for _, id := range cur {
			if id != up.disabledW && !slices.ContainsFunc(want, Ref{ID: id}.same) {
				want = append(want, Ref{ID: id, Path: x.wecom.path(id)})
			}
		}
	}
	before := &Values{UserID: m.UserID}
	after := &Values{UserID: m.UserID, Account: u.Account}
	changed := p.fieldDiff(u, m, before, after)
	deptsChanged := !sameDepts(want, cur)
	if deptsChanged {
		before.Departments, after.Departments = x.refsOf(cur), want
		changed = append(changed, "departments")
		up.after[lower(m.UserID)] = want
	}
	disabled := m.Status == 2
	if !disabled && len(changed) == 0 {
		return
	}
	p.unknownExtAttrs(u, m, after)
	op := &Op{Phase: phaseUsers, Deps: refDeps(want...), Target: m.UserID, Path: want[0].Path,
		Node: main.nodeKey, Before: before, After: after, Detail: strings.Join(changed, ", ")}
	switch {
	case disabled:
		op.Type, op.Reason = OpEnableUser, ReasonRehired
		before.Enable, after.Enable = intp(0), intp(1)
		p.stats.activeAfter++
		main.node.count('a')
	case deptsChanged:
		op.Type, op.Reason = OpMoveUser, ReasonChangedDepts
		main.node.count('u')
	default:
		op.Type, op.Reason = OpUpdateUser, ReasonChangedFields
		main.node.count('u')
	}
	p.emit(op)
}

func (p *planner) create(up *userPass, u *LocalUser, uid string, want []Ref, main *deptInfo) {
	if !p.opt.CreateUsers {
		p.stats.notCreated++
		return
	}
	if !validUserID(uid) {
		p.warn("bad_userid", u.Account, usererr.Args{"account": u.Account})
		return
	}
	after := &Values{UserID: uid, Account: u.Account, Departments: want, Enable: intp(1), ToInvite: boolp(p.opt.Invite)}
	p.createValues(u, after)
	if after.Name == nil {
		after.Name = strp(u.Name)
	}
	if after.Mobile == nil && after.Email == nil {
		p.warn("no_mobile_or_email", u.Account, usererr.Args{"account": u.Account})
		return
	}
	p.emit(&Op{Type: OpCreateUser, Phase: phaseUsers, Deps: refDeps(want...), Target: uid, Path: want[0].Path, Node: main.nodeKey,
		After: after, Reason: ReasonNewUser})
	if len(up.x.removedDepts) > 0 { // planDeptDeletes counts them
		up.created = append(up.created, want)
	}
	p.stats.activeAfter++
	main.node.count('a')
}

// leaver plans a bound member whose account resigned, vanished or fell out
// of scope: disable (the default), move to the disabled-members department,
// or delete (by option, or N days after this sync disabled it).
func (p *planner) leaver(up *userPass, m *WeComUser, reason, account string) {
	if m.Status == 5 {
		return
	}
	x := up.x
	cur := currentDepts(m)
	luid := lower(m.UserID)
	node := ""
	if len(cur) > 0 {
		node = x.wecomNode[cur[0]]
	}
	disabled := m.Status == 2
	before := &Values{UserID: m.UserID, Account: account, Name: strp(m.Name), Departments: x.refsOf(cur), Status: m.Status}
	del := func(reason, detail string) {
		p.emit(&Op{Type: OpDeleteUser, Phase: phaseUserDeletes, Target: m.UserID, Path: pathOf(before), Node: node,
			Before: before, Reason: reason, Detail: detail})
		up.after[luid] = nil
		if !disabled {
			p.stats.activeAfter--
		}
		p.count(node, 'r')
	}
	switch {
	case p.opt.Leavers == LeaversDelete:
		del(reason, "")
	case !disabled:
		after := &Values{UserID: m.UserID, Enable: intp(0)}
		before.Enable = intp(1)
		var deps []string
		if p.opt.MoveDisabled {
			d := x.disabledDept(p)
			after.Departments, deps = []Ref{d}, refDeps(d)
			up.after[luid] = after.Departments
		}
		p.emit(&Op{Type: OpDisableUser, Phase: phaseDisables, Deps: deps, Target: m.UserID, Path: pathOf(before), Node: node,
			Before: before, After: after, Reason: reason})
		p.stats.activeAfter--
		p.count(node, 'r')
	default:
		n := p.opt.DeleteAfterDays
		at, tracked := p.disabledAt[luid]
		inDisabled := up.disabledW != 0 && len(cur) == 1 && cur[0] == up.disabledW
		switch {
		case n > 0 && tracked && !p.now.Before(at.Add(time.Duration(n)*24*time.Hour)):
			before.DisabledAt = at.UTC().Format(time.RFC3339)
			del(ReasonDisabledNDays, fmt.Sprintf("disabled %s, %d days ago", at.UTC().Format("2006-01-02"), int(p.now.Sub(at).Hours()/24)))
		case p.opt.MoveDisabled && !inDisabled:
			d := x.disabledDept(p)
			after := &Values{UserID: m.UserID, Departments: []Ref{d}}
			up.after[luid] = after.Departments
			p.emit(&Op{Type: OpMoveUser, Phase: phaseDisables, Deps: refDeps(d), Target: m.UserID, Path: d.Path, Node: node,
				Before: &Values{UserID: m.UserID, Departments: before.Departments}, After: after, Reason: ReasonMoveDisabled})
			p.count(node, 'u')
		case n > 0 && !tracked:
			p.warn("disabled_elsewhere", m.UserID, usererr.Args{"userid": m.UserID})
		}
	}
}

func pathOf(v *Values) string {
	if len(v.Departments) > 0 {
		return v.Departments[0].Path
	}
	return ""
}
