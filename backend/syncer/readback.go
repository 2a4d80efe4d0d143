package syncer

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// StateNotApplied marks an operation WeCom answered ok but whose effect the
// read-back after the apply does not show (WeCom ignored it).
const StateNotApplied = "not_applied"

// Observed is WeCom as the read-back after an apply saw it: one pull
// (department/list, then user/list per department: D+2 calls with the
// token), which also replaces the mirror.
type Observed struct {
	Depts    []WeComDept
	Users    []WeComUser
	APICalls int  // requests the read made (department/list + user/list; gettoken not counted)
	Withheld bool // mobile and email were withheld: they are not checked
	// Before is the mirror as the apply wrote it through, read just before
	// the pull; Drift counts how far it was from what the pull saw.
	Before *Observed
}

// ReadBack is what a run records of its read-back.
type ReadBack struct {
	APICalls   int    `json:"apiCalls"`
	Checked    int    `json:"checked"`    // done operations compared with WeCom
	NotApplied int    `json:"notApplied"` // of those, the ones WeCom did not apply
	Drift      int    `json:"drift"`      // members and departments where the written-through mirror differed from the read
	Error      string `json:"error,omitempty"`
}

// readBack reads WeCom after a to-wecom run and marks done operations whose
// effect is not visible as not_applied, with the reason.
func (r *runner) readBack(ctx context.Context) *ReadBack {
	if r.plan.Direction != ToWeCom || r.t.ReadBack == nil {
		return nil
	}
	rb := &ReadBack{}
	obs, err := r.t.ReadBack(ctx)
	if err != nil {
		rb.Error = err.Error()
		return rb
	}
	rb.APICalls = obs.APICalls
	if obs.Before != nil {
		rb.Drift = drift(obs.Before, obs)
	}
	ops, err := r.s.queryOps(ctx, `SELECT `+opColumns+` FROM sync_ops WHERE id BETWEEN ? AND ? AND state = 'done' ORDER BY id`,
		opLo(r.plan.ID), opHi(r.plan.ID))
	if err != nil {
		rb.Error = err.Error()
		return rb
	}
	v := newVerifier(obs, r.resolvedKeys())
	for _, op := range ops {
		why, checked := v.check(op)
		if !checked {
			continue
		}
		rb.Checked++
		if why == "" {
			continue
		}
		rb.NotApplied++
		if _, err := r.s.db.ExecContext(ctx, `UPDATE sync_ops SET state = 'not_applied', errmsg = ?, fix = ?, fix_en = '' WHERE id = ?`,
			why, msgColumn(msgPtr("sync_fix_not_applied", nil)), opID(r.plan.ID, op.Seq)); err != nil {
			rb.Error = err.Error()
		}
	}
	return rb
}

// resolvedKeys copies the department keys the run resolved.
func (r *runner) resolvedKeys() map[string]int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string]int64, len(r.resolved))
	for k, v := range r.resolved {
		out[k] = v
	}
	return out
}

type verifier struct {
	obs   *Observed
	users map[string]*WeComUser
	depts map[int64]*WeComDept
	keys  map[string]int64
}

func newVerifier(obs *Observed, keys map[string]int64) *verifier {
	v := &verifier{obs: obs, users: make(map[string]*WeComUser, len(obs.Users)), depts: make(map[int64]*WeComDept, len(obs.Depts)), keys: keys}
	for i := range obs.Users {
		v.users[lower(obs.Users[i].UserID)] = &obs.Users[i]
	}
	for i := range obs.Depts {
		v.depts[obs.Depts[i].ID] = &obs.Depts[i]
	}
	return v
}

func (v *verifier) id(r *Ref) int64 {
	if r == nil {
		return 0
	}
	if r.Key != "" {
		return v.keys[r.Key]
	}
	return r.ID
}

// check says why op's effect is not visible ("" when it is); checked is
// false when the read cannot tell (outside the app's visible scope).
func (v *verifier) check(op *Op) (why string, checked bool) {
	switch op.Type {
	case OpCreateDepartment, OpUpdateDepartment, OpMoveDepartment:
		id := op.ResultID
		if op.Type != OpCreateDepartment {
			id = op.After.ID
		}
		d := v.depts[id]
		if d == nil {
			return fmt.Sprintf("department %d is not in WeCom after the apply", id), true
		}
		var diffs []string
		if op.After.Name != nil && d.Name != *op.After.Name {
			diffs = append(diffs, fmt.Sprintf("name is %q, not %q", d.Name, *op.After.Name))
		}
		if p := v.id(op.After.Parent); op.After.Parent != nil && p != 0 && d.ParentID != p {
			diffs = append(diffs, fmt.Sprintf("parent is %d, not %d", d.ParentID, p))
		}
		return notShown(diffs), true
	case OpDeleteDepartment:
		if v.depts[op.Before.ID] != nil {
			return fmt.Sprintf("department %d is still in WeCom after the apply", op.Before.ID), true
		}
		return "", true
	case OpDeleteUser:
		if v.users[lower(op.Target)] != nil {
			return "member " + op.Target + " is still in WeCom after the apply", true
		}
		return "", true
	case OpCreateUser, OpUpdateUser, OpMoveUser, OpEnableUser, OpDisableUser:
		return v.checkUser(op)
	}
	return "", false
}

func (v *verifier) checkUser(op *Op) (string, bool) {
	a := op.After
	var want []int64
	for i := range a.Departments {
		want = append(want, v.id(&a.Departments[i]))
	}
	visible := len(want) == 0
	for _, id := range want {
		visible = visible || v.depts[id] != nil
	}
	m := v.users[lower(a.UserID)]
	if m == nil {
		if !visible {
			return "", false
		}
		return "member " + a.UserID + " is not in WeCom after the apply", true
	}
	var diffs []string
	for _, f := range []struct {
		name     string
		want     *string
		have     string
		withheld bool
	}{{"name", a.Name, m.Name, false}, {"position", a.Position, m.Position, false}, {"alias", a.Alias, m.Alias, false},
		{"mobile", a.Mobile, m.Mobile, true}, {"email", a.Email, m.Email, true}} {
		if f.want != nil && f.have != *f.want && !(f.withheld && v.obs.Withheld) {
			diffs = append(diffs, fmt.Sprintf("%s is %q, not %q", f.name, f.have, *f.want))
		}
	}
	if len(want) > 0 {
		have := currentDepts(m)
		if len(have) == 0 || have[0] != want[0] || len(have) != len(want) || !containsAll(have, want) {
			diffs = append(diffs, fmt.Sprintf("departments are %v, not %v", have, want))
		}
	}
	if a.Enable != nil {
		if disabled := m.Status == 2; disabled != (*a.Enable == 0) {
			diffs = append(diffs, fmt.Sprintf("status is %d", m.Status))
		}
	}
	return notShown(diffs), true
}

func containsAll(have, want []int64) bool {
	for _, id := range want {
		if !slices.Contains(have, id) {
			return false
		}
	}
	return true
}

func notShown(diffs []string) string {
	if len(diffs) == 0 {
		return ""
	}
	return "WeCom answered ok, but the read-back shows " + strings.Join(diffs, "; ")
}

// drift counts the departments and members where a and b differ in what a
// plan reads.
func drift(a, b *Observed) int {
	n := 0
	da := make(map[int64]WeComDept, len(a.Depts))
	for _, d := range a.Depts {
		da[d.ID] = d
	}
	for _, d := range b.Depts {
		if x, ok := da[d.ID]; !ok || x != d {
			n++
		}
		delete(da, d.ID)
	}
	n += len(da)
	ua := make(map[string]string, len(a.Users))
	for i := range a.Users {
		ua[lower(a.Users[i].UserID)] = userKey(&a.Users[i])
	}
	for i := range b.Users {
		id := lower(b.Users[i].UserID)
		if x, ok := ua[id]; !ok || x != userKey(&b.Users[i]) {
			n++
		}
		delete(ua, id)
	}
	return n + len(ua)
}

// userKey is a member's fields a plan reads, in one comparable string.
func userKey(u *WeComUser) string {
	ids := slices.Clone(u.Departments)
	slices.Sort(ids)
	b, _ := json.Marshal([]any{u.UserID, u.Name, u.Mobile, u.Email, u.Position, ids, u.MainDepartment, u.Status, u.Enable, u.Alias})
	return string(b)
}
