package syncer

import (
	"strings"
	"wecom-bridge/backend/usererr"
)

// planFromWeComUsers plans the local accounts: create accounts for unbound
// members (option), bring bound accounts' mapped fields and departments in
// line with WeCom, and resign accounts whose member left (option).
func (p *planner) planFromWeComUsers(x *fromWeCom) {
	in := p.in
	byAcc := make(map[string]*LocalUser, len(in.LocalUsers))
	for i := range in.LocalUsers {
		u := &in.LocalUsers[i]
		if _, dup := byAcc[lower(u.Account)]; !dup {
			byAcc[lower(u.Account)] = u
		}
		if !u.Resigned {
			p.stats.targetUsers++
		}
	}
	p.stats.targetActive = p.stats.targetUsers
	p.stats.activeAfter = p.stats.targetActive
	mg := p.managed
	byWant := make(map[string]*LocalUser, len(in.LocalUsers)) // accounts by the userid they would get
	for i := range in.LocalUsers {
		if u := &in.LocalUsers[i]; u.WeComUserID != "" {
			byWant[lower(u.WeComUserID)] = u
		}
	}
	seenUID := make(map[string]bool, len(in.WeComUsers))
	for i := range in.WeComUsers {
		m := &in.WeComUsers[i]
		luid := lower(m.UserID)
		if seenUID[luid] {
			continue
		}
		seenUID[luid] = true
		var u *LocalUser
		if acc, bound := mg.byUID[luid]; bound {
			u = byAcc[acc]
		} else {
			// Not managed: at most a new account, and only when no account
			// has its name and nothing about it awaits review.
			lu := byAcc[luid]
			if lu == nil {
				lu = byWant[luid]
			}
			if mg.waitUID[luid] || lu != nil {
				active := m.Status != 5 && m.Status != 2 && p.memberInScope(x, m, "")
				if active {
					p.stats.sourceActive++
				}
				if active && lu != nil && p.opt.CreateAccounts && !mg.waitUID[luid] && !mg.waitAcc[lower(lu.Account)] {
					p.accountCollision(lu, m)
				}
				continue
			}
		}
		account := ""
		if u != nil {
			account = u.Account
		}
		if !p.memberInScope(x, m, account) {
			continue
		}
		if m.Status == 5 || m.Status == 2 {
			if u != nil && !u.Resigned && p.opt.ResignLeavers {
				reason := ReasonMemberDisabled
				if m.Status == 5 {
					reason = ReasonMemberLeft
				}
				p.resign(x, u, m.UserID, reason)
			}
			continue
		}
		p.stats.sourceActive++
		if u == nil {
			p.createAccount(x, m)
		} else {
			p.updateAccount(x, u, m)
		}
	}
	// Managed accounts whose member is gone from WeCom.
	for _, acc := range mg.sortedAccounts() {
		uid := mg.byAcc[acc]
		u := byAcc[acc]
		if seenUID[lower(uid)] || u == nil || u.Resigned || !p.opt.ResignLeavers || !p.scope.user(u.Account, uid) {
			continue
		}
		p.resign(x, u, uid, ReasonMemberMissing)
	}
}

// accountCollision warns that a member would become an account that exists
// and is not bound to it.
func (p *planner) accountCollision(u *LocalUser, m *WeComUser) {
	p.warn("account_collision", m.UserID, usererr.Args{"userid": m.UserID, "name": m.Name, "account": u.Account, "accountName": u.Name})
}

func (p *planner) memberInScope(x *fromWeCom, m *WeComUser, account string) bool {
	if !p.scope.user(m.UserID, account) {
		return false
	}
	if p.scope.allDepts {
		return true
	}
	for _, id := range m.Departments {
		if x.memberScope[id] {
			return true
		}
	}
	return false
}

func (p *planner) resign(x *fromWeCom, u *LocalUser, uid, reason string) {
	cur := x.localDepts(u)
	node := ""
	if len(cur) > 0 {
		node = x.localNode[cur[0]]
	}
	p.emit(&Op{Type: OpLocalResignAccount, Phase: phaseDisables, Target: u.Account, Path: strings.Join(firstPath(u), "/"), Node: node,
		Before: &Values{Account: u.Account, UserID: uid, Name: strp(u.Name), Resigned: boolp(false)},
		After:  &Values{Account: u.Account, Resigned: boolp(true)}, Reason: reason})
	p.stats.activeAfter--
	p.count(node, 'r')
}

func firstPath(u *LocalUser) []string {
	if len(u.DeptPaths) > 0 {
		return u.DeptPaths[0]
	}
	return nil
}

func (p *planner) createAccount(x *fromWeCom, m *WeComUser) {
	if !p.opt.CreateAccounts {
		p.stats.notCreated++
		return
	}
	want := x.wantDepts(m)
	after := &Values{Account: m.UserID, UserID: m.UserID, Name: strp(m.Name), Departments: want}
	for _, pr := range p.fields {
		if v, known := wecomValue(m, pr.remote); known && v != "" {
			setLocal(after, pr.local, v)
		}
	}
	op := &Op{Type: OpLocalCreateAccount, Phase: phaseUsers, Deps: refDeps(want...), Target: m.UserID, After: after, Reason: ReasonNewUser}
	if len(want) > 0 {
		op.Path, op.Node = want[0].Path, x.nodeOf(want[0])
	}
	p.emit(op)
	p.stats.activeAfter++
	p.count(op.Node, 'a')
}

func (p *planner) updateAccount(x *fromWeCom, u *LocalUser, m *WeComUser) {
	before := &Values{Account: u.Account, UserID: m.UserID}
	after := &Values{Account: u.Account, UserID: m.UserID}
	var changed []string
	for _, pr := range p.fields {
		v, known := wecomValue(m, pr.remote)
		if !known || v == "" { // an empty WeCom value may be withheld: never clear the local one
			continue
		}
		if have := localValue(u, pr.local); have != v {
			setLocal(before, pr.local, have)
			setLocal(after, pr.local, v)
			changed = append(changed, pr.local)
		}
	}
	want := x.wantDepts(m)
	cur := x.localDepts(u)
	if len(want) > 0 && !sameDepts(want, cur) {
		before.Departments, after.Departments = x.localRefs(cur), want
		changed = append(changed, "departments")
	}
	reason := ReasonChangedFields
	if len(want) > 0 && after.Departments != nil {
		reason = ReasonChangedDepts
	}
	if u.Resigned {
		before.Resigned, after.Resigned = boolp(true), boolp(false)
		changed = append(changed, "resigned")
		reason = ReasonRehired
		p.stats.activeAfter++
	}
	if len(changed) == 0 {
		return
	}
	op := &Op{Type: OpLocalUpdateAccount, Phase: phaseUsers, Deps: refDeps(want...), Target: u.Account, Before: before, After: after,
		Reason: reason, Detail: strings.Join(changed, ", ")}
	if len(want) > 0 {
		op.Path, op.Node = want[0].Path, x.nodeOf(want[0])
	}
	if op.Node == "" && len(cur) > 0 { // counted where the account is now
		op.Path, op.Node = x.local.path(cur[0]), x.localNode[cur[0]]
	}
	if reason == ReasonRehired {
		p.count(op.Node, 'a')
	} else {
		p.count(op.Node, 'u')
	}
	p.emit(op)
}
