package binding

import "strings"

// Match proposes bindings between WeCom members and local accounts.
//
// Evidence is taken in a fixed order, and a side bound by earlier evidence is
// no longer available to later evidence, so every account binds to at most
// one member and every member to at most one account:
//
//  1. existing confirmed bindings, kept as they are (then manual or import
//     proposals); rejected pairs are never proposed again;
//  2. the configured key pairs (userid = account, userid = employee_no);
//  3. mobile, then 4. email, both normalised, then WeCom's lookups of the
//     mobile and the email (MatchLookups; keys.go explains how keys that
//     disagree become ambiguous rows);
//  5. normalised name, with namesakes told apart by department
//     (namesake.go).
//
// A resigned account is never proposed for an active member, by any method
// other than an existing decision. Match does not modify its arguments and
// its Result shares no slices with them except DeptPaths in candidates.
func Match(members []Member, locals []Local, existing []Existing, p Policy) Result {
	return MatchLookups(members, locals, existing, p, Lookups{})
}

// MatchLookups is Match with WeCom's answers about who owns a mobile or an
// email (lookup.go) as two more key tiers after email.
func MatchLookups(members []Member, locals []Local, existing []Existing, p Policy, lk Lookups) Result {
	x := newMatcher(members, locals, p)
	x.lookups = lk
	x.applyExisting(existing)
	x.matchKeys()
	x.matchNames()
	return x.result()
}

// status is where a record stands while matching.
type status uint8

const (
	free    status = iota // still available
	bound                 // in a proposed or confirmed binding
	held                  // in an ambiguous row: left for a person
	skipped               // no id, or a duplicate id
)

type matcher struct {
	p       Policy
	lookups Lookups
	locals  []Local
	members []Member
	lStat   []status
	mStat   []status

	localByAccount map[string]int32 // exact account
	memberByUserID map[string]int32 // folded userid
	rejected       map[uint64]struct{}
	self           []int32 // identity, for multiIndex

	props []Proposal
	lProp []int32 // row owned by local i (binding or ambiguous), or -1
	mProp []int32 // ambiguous row anchored on member i, or -1

	stale []Existing
	stats Stats

	args []ReasonArgs // slab for newArgs
}

// newArgs stores a proposal's reason arguments. They are carved from blocks
// rather than allocated one by one: at 100,000 rows a third of the proposals
// have some.
func (x *matcher) newArgs(a ReasonArgs) *ReasonArgs {
	if len(x.args) == cap(x.args) {
		x.args = make([]ReasonArgs, 0, 1024)
	}
	x.args = append(x.args, a)
	return &x.args[len(x.args)-1]
}

func newMatcher(members []Member, locals []Local, p Policy) *matcher {
	n := max(len(members), len(locals))
	x := &matcher{
		p:              p,
		locals:         locals,
		members:        members,
		lStat:          make([]status, len(locals)),
		mStat:          make([]status, len(members)),
		localByAccount: make(map[string]int32, len(locals)),
		memberByUserID: make(map[string]int32, len(members)),
		self:           identity(n),
		lProp:          make([]int32, len(locals)),
		mProp:          make([]int32, len(members)),
		props:          make([]Proposal, 0, min(len(locals), len(members))+16),
	}
	for i := range locals {
		x.lProp[i] = -1
		a := locals[i].Account
		if _, dup := x.localByAccount[a]; dup || strings.TrimSpace(a) == "" {
			x.lStat[i] = skipped
			x.stats.SkippedLocals++
			continue
		}
		x.localByAccount[a] = int32(i)
	}
	for i := range members {
		x.mProp[i] = -1
		u := foldID(members[i].UserID)
		if _, dup := x.memberByUserID[u]; dup || u == "" {
			x.mStat[i] = skipped
			x.stats.SkippedMembers++
			continue
		}
		x.memberByUserID[u] = int32(i)
	}
	x.stats.Locals = len(locals) - x.stats.SkippedLocals
	x.stats.Members = len(members) - x.stats.SkippedMembers
	return x
}

// lookup finds the records of an existing decision.
func (x *matcher) lookup(e Existing) (l, m int32, ok bool) {
	l, okL := x.localByAccount[e.Account]
	m, okM := x.memberByUserID[foldID(e.UserID)]
	return l, m, okL && okM
}

// applyExisting honours earlier decisions: rejected pairs first (so they bind
// nothing below), then confirmed bindings, then manual and import proposals.
// Confirmed rows beat explicit proposals whatever their order in the list.
func (x *matcher) applyExisting(existing []Existing) {
	for _, e := range existing {
		if e.State != StateRejected {
			continue
		}
		if l, m, ok := x.lookup(e); ok {
			if x.rejected == nil {
				x.rejected = make(map[uint64]struct{})
			}
			if _, seen := x.rejected[pairKey(l, m)]; !seen {
				x.rejected[pairKey(l, m)] = struct{}{}
				x.stats.RejectedPairs++
			}
		}
	}
	for _, e := range existing {
		if e.State != StateConfirmed {
			continue
		}
		method := e.Method
		if method == "" {
			method = MethodExisting
		}
		reason, code := "confirmed earlier", ReasonConfirmedEarlier
		if method != MethodExisting {
			reason += " (matched by " + string(method) + ")"
			code = ReasonConfirmedEarlierBy
		}
		x.keep(e, method, StateConfirmed, reason, code)
	}
	for _, e := range existing {
		if e.State != StateProposed || (e.Method != MethodManual && e.Method != MethodImport) {
			continue
		}
		if l, m, ok := x.lookup(e); ok && x.isRejected(l, m) {
			x.stale = append(x.stale, e)
			continue
		}
		x.keep(e, e.Method, StateProposed, "proposed by "+string(e.Method)+", awaiting confirmation", ReasonProposedBy)
	}
}

// keep binds an earlier decision if both sides are present and still free;
// otherwise it is reported as stale.
func (x *matcher) keep(e Existing, method Method, state State, reason string, code ReasonCode) {
	l, m, ok := x.lookup(e)
	if !ok || x.lStat[l] != free || x.mStat[m] != free {
		x.stale = append(x.stale, e)
		return
	}
	x.bind(l, m, method, state, reason, code, nil)
}

func pairKey(l, m int32) uint64 { return uint64(uint32(l))<<32 | uint64(uint32(m)) }

func (x *matcher) isRejected(l, m int32) bool {
	if x.rejected == nil {
		return false
	}
	_, ok := x.rejected[pairKey(l, m)]
	return ok
}

// eligible reports whether the engine may link l and m by any evidence.
func (x *matcher) eligible(l, m int32) bool {
	if x.locals[l].Resigned && x.members[m].Active {
		return false
	}
	return !x.isRejected(l, m)
}

// stateFor applies the auto-confirm policy to a new binding.
func (x *matcher) stateFor(m Method) State {
	if (m.isKey() && x.p.AutoConfirmKeys) || (m.isName() && x.p.AutoConfirmNames) {
		return StateConfirmed
	}
	return StateProposed
}

func (x *matcher) bind(l, m int32, method Method, state State, reason string, code ReasonCode, args *ReasonArgs) {
	x.lProp[l] = int32(len(x.props))
	x.props = append(x.props, Proposal{
		Account:    x.locals[l].Account,
		UserID:     x.members[m].UserID,
		Method:     method,
		State:      state,
		Confidence: Confidence(method),
		Reason:     reason,
		ReasonCode: code,
		ReasonArgs: args,
	})
	x.lStat[l] = bound
	x.mStat[m] = bound
}

// ambiguousLocal records a row anchored on local l whose candidates are
// members; the candidates are held along with l.
func (x *matcher) ambiguousLocal(l int32, method Method, conf float64, reason string, code ReasonCode, args *ReasonArgs,
	cands []Candidate, ms []int32) {
	x.lProp[l] = int32(len(x.props))
	x.props = append(x.props, Proposal{
		Account: x.locals[l].Account, Method: method, State: StateAmbiguous,
		Confidence: conf, Reason: reason, ReasonCode: code, ReasonArgs: args, Candidates: cands,
	})
	x.lStat[l] = held
	for _, m := range ms {
		x.mStat[m] = held
	}
}

// ambiguousMember records a row anchored on member m whose candidates are
// local accounts; the candidates are held along with m.
func (x *matcher) ambiguousMember(m int32, method Method, conf float64, reason string, code ReasonCode, args *ReasonArgs,
	cands []Candidate, ls []int32) {
	x.mProp[m] = int32(len(x.props))
	x.props = append(x.props, Proposal{
		UserID: x.members[m].UserID, Method: method, State: StateAmbiguous,
		Confidence: conf, Reason: reason, ReasonCode: code, ReasonArgs: args, Candidates: cands,
	})
	x.mStat[m] = held
	for _, l := range ls {
		x.lStat[l] = held
	}
}

func (x *matcher) memberCandidate(m int32, method Method, score float64) Candidate {
	mb := &x.members[m]
	return Candidate{UserID: mb.UserID, Name: mb.Name, DeptPaths: mb.DeptPaths, Method: method, Score: score}
}

func (x *matcher) localCandidate(l int32, method Method, score float64) Candidate {
	lc := &x.locals[l]
	return Candidate{Account: lc.Account, Name: lc.Name, DeptPaths: lc.DeptPaths, Method: method, Score: score}
}

// result orders the rows (locals' rows in input order, then member-anchored
// rows in input order) and lists what stayed free.
func (x *matcher) result() Result {
	r := Result{
		Proposals: make([]Proposal, 0, len(x.props)),
		Stale:     x.stale,
		Stats:     x.stats,
	}
	r.Stats.ByMethod = make(map[Method]int)
	r.Stats.ByState = make(map[State]int)
	add := func(i int32) {
		p := x.props[i]
		r.Proposals = append(r.Proposals, p)
		r.Stats.ByState[p.State]++
		if p.State != StateAmbiguous {
			r.Stats.ByMethod[p.Method]++
		}
	}
	for l, i := range x.lProp {
		if i >= 0 {
			add(i)
		}
		if x.lStat[l] == free {
			r.UnboundLocal = append(r.UnboundLocal, x.locals[l].Account)
		}
	}
	for _, i := range x.mProp {
		if i >= 0 {
			add(i)
		}
	}
	for m, s := range x.mStat {
		if s == free {
			r.UnboundMembers = append(r.UnboundMembers, x.members[m].UserID)
		}
	}
	return r
}
