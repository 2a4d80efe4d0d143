package syncer

import (
	"context"
	"fmt"
	"slices"

	"github.com/jmoiron/sqlx"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// managed says which pairs a plan may touch. The review is law: a member is
// managed only through a confirmed binding, or because an apply of this
// product created it (sync_created_users), or, with ManageKeyMatches on,
// through a key match that awaits confirmation. A rejected pair is never
// managed, and the sides of review rows that await a decision are left alone.
type managed struct {
	byAcc    map[string]string // lower-cased account → userid
	byUID    map[string]string // lower-cased userid → lower-cased account
	waitAcc  map[string]bool   // accounts of review rows awaiting a decision
	waitUID  map[string]bool   // userids of review rows awaiting a decision
	rejected map[string]bool   // lower-cased account + "\x00" + userid
	// proposed are the sides managed only through a key match awaiting
	// confirmation (ManageKeyMatches): "a:"+account and "u:"+userid, lower-cased.
	proposed map[string]bool

	untouched []PendingPair // at most maxWarnings
	total     int           // every review row left alone
}

// keyMethods are the match methods ManageKeyMatches trusts; name matches
// never count.
var keyMethods = []string{"userid", "employee_no", "mobile", "email"}

func pairKey(acc, uid string) string { return lower(acc) + "\x00" + lower(uid) }

// buildManaged resolves the review: confirmed pairs first, then the members
// this product created, then (option) key proposals, each only while both
// sides are free and the pair is not rejected. created maps userid → account.
func (p *planner) buildManaged(created map[string]string) *managed {
	mg := &managed{byAcc: map[string]string{}, byUID: map[string]string{}, waitAcc: map[string]bool{},
		waitUID: map[string]bool{}, rejected: make(map[string]bool, len(p.in.Rejected)), proposed: map[string]bool{}}
	for _, r := range p.in.Rejected {
		mg.rejected[pairKey(r.Account, r.UserID)] = true
	}
	accs := make([]string, 0, len(p.in.Bindings))
	for acc := range p.in.Bindings {
		accs = append(accs, acc)
	}
	slices.Sort(accs)
	for _, acc := range accs {
		uid := p.in.Bindings[acc]
		if other, dup := mg.byUID[lower(uid)]; dup && other != lower(acc) {
			p.warn("userid_bound_twice", uid, usererr.Args{"userid": uid, "used": other, "other": acc})
			continue
		}
		mg.add(acc, uid)
	}
	uids := make([]string, 0, len(created))
	for uid := range created {
		uids = append(uids, uid)
	}
	slices.Sort(uids)
	for _, uid := range uids {
		mg.addFree(created[uid], uid)
	}
	if p.opt.ManageKeyMatches {
		for _, r := range p.in.Pending {
			if r.State == "proposed" && r.Account != "" && r.UserID != "" && slices.Contains(keyMethods, r.Method) {
				if mg.addFree(r.Account, r.UserID) {
					mg.proposed["a:"+lower(r.Account)], mg.proposed["u:"+lower(r.UserID)] = true, true
				}
			}
		}
	}
	p.listRejected(mg)
	for _, r := range p.in.Pending {
		accs, uids := []string{r.Account}, []string{r.UserID}
		if r.Account == "" {
			accs = r.Candidates
		} else if r.UserID == "" {
			uids = r.Candidates
		}
		left := false
		for _, a := range accs {
			if _, ok := mg.byAcc[lower(a)]; a != "" && !ok {
				mg.waitAcc[lower(a)], left = true, true
			}
		}
		for _, u := range uids {
			if _, ok := mg.byUID[lower(u)]; u != "" && !ok {
				mg.waitUID[lower(u)], left = true, true
			}
		}
		if left {
			mg.total++
			if len(mg.untouched) < maxWarnings {
				mg.untouched = append(mg.untouched, r)
			}
		}
	}
	return mg
}

// listRejected lists the rejected pairs whose two sides are both present, so
// the plan shows them beside the rows awaiting review (not counted: they
// were decided).
func (p *planner) listRejected(mg *managed) {
	if len(p.in.Rejected) == 0 {
		return
	}
	accs := make(map[string]bool, len(p.in.LocalUsers))
	for i := range p.in.LocalUsers {
		accs[lower(p.in.LocalUsers[i].Account)] = true
	}
	uids := make(map[string]bool, len(p.in.WeComUsers))
	for i := range p.in.WeComUsers {
		uids[lower(p.in.WeComUsers[i].UserID)] = true
	}
	for _, r := range p.in.Rejected {
		if accs[lower(r.Account)] && uids[lower(r.UserID)] && len(mg.untouched) < maxWarnings {
			mg.untouched = append(mg.untouched, PendingPair{State: "rejected", Account: r.Account, UserID: r.UserID})
		}
	}
}

func (mg *managed) add(acc, uid string) {
	mg.byAcc[lower(acc)], mg.byUID[lower(uid)] = uid, lower(acc)
}

// addFree manages the pair when neither side is managed yet and nobody
// rejected it, and says whether it did.
func (mg *managed) addFree(acc, uid string) bool {
	if acc == "" || uid == "" || mg.rejected[pairKey(acc, uid)] {
		return false
	}
	if _, ok := mg.byAcc[lower(acc)]; ok {
		return false
	}
	if _, ok := mg.byUID[lower(uid)]; ok {
		return false
	}
	mg.add(acc, uid)
	return true
}

// unconfirmed counts the operations on members (to-wecom, by userid) or
// accounts (from-wecom, by account) managed only through a key match that
// awaits confirmation: a person has not said these pairs are one, so a
// plan with any is never applied unattended.
func (mg *managed) unconfirmed(d Direction, ops []*Op) int {
	if len(mg.proposed) == 0 {
		return 0
	}
	prefix := "u:"
	if d == FromWeCom {
		prefix = "a:"
	}
	n := 0
	for _, op := range ops {
		if op.Type.onUser() && mg.proposed[prefix+lower(op.Target)] {
			n++
		}
	}
	return n
}

// sortedAccounts lists the managed accounts in order.
func (mg *managed) sortedAccounts() []string {
	accs := make([]string, 0, len(mg.byAcc))
	for acc := range mg.byAcc {
		accs = append(accs, acc)
	}
	slices.Sort(accs)
	return accs
}

// createdUsers reads the members (and accounts) this product's applies
// created for the corp, userid → account.
func (s *Service) createdUsers(ctx context.Context, corpID int64) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT userid, account FROM sync_created_users WHERE corp_id = ?`, corpID)
	if err != nil {
		return nil, fmt.Errorf("read the members sync created: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var uid, acc string
		if err := rows.Scan(&uid, &acc); err != nil {
			return nil, err
		}
		out[uid] = acc
	}
	return out, rows.Err()
}

// recordCreated remembers, in the journal's transaction, that an apply
// created the member (or local account) of the pair.
func recordCreated(ctx context.Context, x sqlx.ExecerContext, corpID int64, uid, acc string, planID int64, at store.Time) error {
	if uid == "" || acc == "" {
		return nil
	}
	_, err := x.ExecContext(ctx, `INSERT INTO sync_created_users(corp_id, userid, account, plan_id, created_at) VALUES (?,?,?,?,?)
		ON CONFLICT(corp_id, userid) DO UPDATE SET account = excluded.account, plan_id = excluded.plan_id`, corpID, uid, acc, planID, at)
	if err != nil {
		return fmt.Errorf("record created member %s: %w", uid, err)
	}
	return nil
}

// collision warns that an account's userid is taken by a member it is not bound to.
func (p *planner) collision(u *LocalUser, uid string, m *WeComUser) {
	p.warn("userid_collision", u.Account, usererr.Args{"account": u.Account, "name": u.Name, "userid": uid, "member": m.UserID, "memberName": m.Name})
}
