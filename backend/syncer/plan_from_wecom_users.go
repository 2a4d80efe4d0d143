package syncer

import (
	"fmt"
	"slices"
	"strings"
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
	bindAcc, bindUID := p.bindings()
	seenUID := make(map[string]bool, len(in.WeComUsers))
	for i := range in.WeComUsers {
		m := &in.WeComUsers[i]
		luid := lower(m.UserID)
		if seenUID[luid] {
			continue
		}
		seenUID[luid] = true
		var u *LocalUser
		if acc, bound := bindUID[luid]; bound {
			u = byAcc[acc]
		} else if lu := byAcc[luid]; lu != nil {
			if other, taken := bindAcc[luid]; taken {
				p.warn("account_taken", m.UserID, fmt.Sprintf("本地账号 %s 已绑定企业微信成员 %s，成员 %s 未同步。", lu.Account, other, m.UserID),
					fmt.Sprintf("local account %s is bound to WeCom member %s, so member %s is not synced", lu.Account, other, m.UserID))
				continue
			}
			u = lu
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
	// Bound accounts whose member is gone from WeCom.
	accs := make([]string, 0, len(bindAcc))
	for acc := range bindAcc {
		accs = append(accs, acc)
	}
	slices.Sort(accs)
	for _, acc := range accs {
		uid := bindAcc[acc]
		u := byAcc[acc]
		if seenUID[lower(uid)] || u == nil || u.Resigned || !p.opt.ResignLeavers || !p.scope.user(u.Account, uid) {
			continue
		}
		p.resign(x, u, uid, ReasonMemberMissing)
	}
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
	if reason == ReasonRehired {
		p.count(op.Node, 'a')
	} else {
		p.count(op.Node, 'u')
	}
	p.emit(op)
}
