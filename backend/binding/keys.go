package binding

import "strings"

// Key matching: configured key pairs, then mobile, then email. Each is a
// "tier"; a pair matched by several keys counts at its earliest tier.
//
// Keys are resolved together rather than one pass per key, so that disagreement
// is seen instead of hidden by whichever key ran first:
//
//   - Member side, earlier keys win. For each member only the local accounts
//     reaching it by its earliest tier count; weaker claims on it are dropped
//     and those accounts stay free for later evidence. (X's userid is A, Y's
//     mobile is A's: X–A is proposed and Y goes on to name matching.)
//   - Local side, no guessing. An account whose remaining keys reach two or
//     more members (mobile says A, email says B) becomes an ambiguous row
//     listing them all.
//   - A tie on the member side (two accounts share the mobile of A) becomes an
//     ambiguous row anchored on A.
//   - Everything else is a clean one-to-one key binding.
//
// Records in an ambiguous row are held: later evidence does not touch them.

type keyTier struct {
	method Method
	local  func(*Local) string      // the local's normalised key
	lookup func(key string) []int32 // members holding key (free ones only)
}

type keyEdge struct {
	m    int32
	tier uint8
}

const noTier = 0xFF

func (x *matcher) keyTiers() []keyTier {
	var tiers []keyTier
	byUserID := func(k string) []int32 {
		if m, ok := x.memberByUserID[k]; ok && x.mStat[m] == free {
			return x.self[m : m+1 : m+1]
		}
		return nil
	}
	seen := map[Method]bool{}
	for _, kp := range x.p.KeyPairs {
		method := kp.method()
		if method == "" || seen[method] {
			continue
		}
		seen[method] = true
		local := func(l *Local) string { return foldID(l.Account) }
		if method == MethodEmployeeNo {
			local = func(l *Local) string { return foldID(l.EmployeeNo) }
		}
		tiers = append(tiers, keyTier{method: method, local: local, lookup: byUserID})
	}
	mobiles := newMultiIndex(len(x.members)/2, x.self)
	emails := newMultiIndex(len(x.members)/2, x.self)
	for i := range x.members {
		if x.mStat[i] == free {
			mobiles.add(NormalizeMobile(x.members[i].Mobile), int32(i))
			emails.add(NormalizeEmail(x.members[i].Email), int32(i))
		}
	}
	tiers = append(tiers,
		keyTier{MethodMobile, func(l *Local) string { return NormalizeMobile(l.Mobile) }, mobiles.get},
		keyTier{MethodEmail, func(l *Local) string { return NormalizeEmail(l.Email) }, emails.get},
	)
	return append(tiers, x.lookupTiers(x.lookups)...)
}

func (x *matcher) matchKeys() {
	tiers := x.keyTiers()

	// Edges from each free local to free, eligible members, in tier order,
	// one per member (at its earliest tier). CSR layout: start[l]..start[l+1].
	edges := make([]keyEdge, 0, len(x.locals))
	start := make([]int32, len(x.locals)+1)
	for l := range x.locals {
		start[l] = int32(len(edges))
		if x.lStat[l] != free {
			continue
		}
		for t := range tiers {
			for _, m := range tiers[t].lookup(tiers[t].local(&x.locals[l])) {
				if !x.eligible(int32(l), m) || hasMember(edges[start[l]:], m) {
					continue
				}
				edges = append(edges, keyEdge{m: m, tier: uint8(t)})
			}
		}
	}
	start[len(x.locals)] = int32(len(edges))
	if len(edges) == 0 {
		return
	}

	// Each member's earliest tier, and how many locals reach it there.
	minTier := make([]uint8, len(x.members))
	for i := range minTier {
		minTier[i] = noTier
	}
	for _, e := range edges {
		minTier[e.m] = min(minTier[e.m], e.tier)
	}
	claims := make([]int32, len(x.members))
	for _, e := range edges {
		if e.tier == minTier[e.m] {
			claims[e.m]++
		}
	}

	contested := map[int32][]keyClaim{} // members claimed by 2+ locals at the same tier
	var kept []keyEdge
	for l := range x.locals {
		kept = kept[:0]
		for _, e := range edges[start[l]:start[l+1]] {
			if e.tier == minTier[e.m] {
				kept = append(kept, e)
				if claims[e.m] > 1 {
					contested[e.m] = append(contested[e.m], keyClaim{int32(l), e.tier})
				}
			}
		}
		switch {
		case len(kept) == 1 && claims[kept[0].m] == 1:
			m, method := kept[0].m, tiers[kept[0].tier].method
			reason, code, args := x.keyReason(int32(l), m, method)
			x.bind(int32(l), m, method, x.stateFor(method), reason, code, args)
		case len(kept) > 1:
			x.keyConflictOnLocal(int32(l), kept, tiers)
		}
	}
	x.keyConflictsOnMembers(contested, tiers)
}

type keyClaim struct {
	l    int32
	tier uint8
}

func hasMember(es []keyEdge, m int32) bool {
	for _, e := range es {
		if e.m == m {
			return true
		}
	}
	return false
}

// keyConflictOnLocal: the account's keys lead to different members.
func (x *matcher) keyConflictOnLocal(l int32, kept []keyEdge, tiers []keyTier) {
	cands := make([]Candidate, len(kept))
	ms := make([]int32, len(kept))
	var why strings.Builder
	why.WriteString("keys point at different WeCom members:")
	for i, e := range kept {
		method := tiers[e.tier].method
		cands[i] = x.memberCandidate(e.m, method, Confidence(method))
		ms[i] = e.m
		why.WriteString(" " + x.members[e.m].UserID + " (" + string(method) + ")")
	}
	x.ambiguousLocal(l, cands[0].Method, ConfidenceAmbiguousKeys, why.String(), ReasonKeyConflict, nil, cands, ms)
	x.stats.KeyConflicts++
}

// keyConflictsOnMembers: several accounts share one member's key (a shared
// mobile, a duplicated employee number). Rows follow member input order.
func (x *matcher) keyConflictsOnMembers(contested map[int32][]keyClaim, tiers []keyTier) {
	for m := range x.members {
		cl, ok := contested[int32(m)]
		if !ok {
			continue
		}
		method := tiers[cl[0].tier].method
		cands := make([]Candidate, len(cl))
		ls := make([]int32, len(cl))
		for i, c := range cl {
			cands[i] = x.localCandidate(c.l, method, Confidence(method))
			ls[i] = c.l
		}
		reason := "local accounts share this member's " + string(method) + ": " + strings.Join(accounts(cands), ", ")
		x.ambiguousMember(int32(m), method, ConfidenceAmbiguousKeys, reason, ReasonKeyShared, nil, cands, ls)
		x.stats.KeyConflicts++
	}
}

func accounts(cs []Candidate) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Account
	}
	return out
}

// keyReason names the values that matched, as the reviewer will check them.
func (x *matcher) keyReason(l, m int32, method Method) (string, ReasonCode, *ReasonArgs) {
	lc, mb := &x.locals[l], &x.members[m]
	switch method {
	case MethodUserID:
		return "WeCom userid " + mb.UserID + " = account " + lc.Account, ReasonKeyUserID, nil
	case MethodEmployeeNo:
		return "WeCom userid " + mb.UserID + " = employee number " + lc.EmployeeNo, ReasonKeyEmployeeNo,
			x.newArgs(ReasonArgs{Value: lc.EmployeeNo})
	case MethodMobile:
		v := NormalizeMobile(lc.Mobile)
		return "same mobile " + v, ReasonKeyMobile, x.newArgs(ReasonArgs{Value: v})
	case MethodMobileLookup:
		v := MaskMobile(NormalizeMobile(lc.Mobile))
		return "WeCom says mobile " + v + " belongs to " + mb.UserID, ReasonKeyMobileLookup, x.newArgs(ReasonArgs{Value: v})
	case MethodEmailLookup:
		v := NormalizeEmail(lc.Email)
		return "WeCom says email " + v + " belongs to " + mb.UserID, ReasonKeyEmailLookup, x.newArgs(ReasonArgs{Value: v})
	default:
		v := NormalizeEmail(lc.Email)
		return "same email " + v, ReasonKeyEmail, x.newArgs(ReasonArgs{Value: v})
	}
}
