package review

import (
	"strings"
	"sync/atomic"

	"wecom-bridge/backend/binding"
)

// matchInput is both sides, deduplicated (first record wins, as in the
// engine, but case-insensitively as the store compares keys). Its sides
// (the records of bind_sides) are numbered locals first, then members, and
// built when first asked for: a rematch after a pull builds only the sides
// whose records changed (rematch_memo.go).
type matchInput struct {
	locals     []binding.Local  // for the engine
	members    []binding.Member // for the engine
	lRecs      []*LocalRecord
	wRecs      []*MemberRecord
	lIdx, wIdx map[string]int32 // folded key → index in lRecs / wRecs
	// hashes are the side records' hashes (recordHashes), nil when not
	// known; memo maps such a hash to the side's digest as a previous
	// rematch computed it.
	hashes  []recHash
	memo    map[recHash]int64
	digests []int64 // of every side (sideDigests)

	built []atomic.Pointer[sideRec] // per side, once built

	skippedLocals  int
	skippedMembers int
}

// prepareInput deduplicates both sides; h, when not nil, are the records'
// hashes (in the order of locals and members).
func prepareInput(locals []LocalRecord, members []MemberRecord, h *recordHashes) *matchInput {
	in := &matchInput{}
	var lKeep, wKeep []int
	// The two sides are independent: prepared at once.
	both(func() {
		in.lRecs, lKeep, in.lIdx, in.skippedLocals = firstOfEachKey(locals, func(r *LocalRecord) string { return r.Account })
		in.locals = make([]binding.Local, len(in.lRecs))
		for i, r := range in.lRecs {
			in.locals[i] = r.Local
			in.locals[i].Account = strings.TrimSpace(r.Account)
		}
	}, func() {
		in.wRecs, wKeep, in.wIdx, in.skippedMembers = firstOfEachKey(members, func(r *MemberRecord) string { return r.UserID })
		in.members = make([]binding.Member, len(in.wRecs))
		for i, r := range in.wRecs {
			in.members[i] = r.Member
			in.members[i].UserID = strings.TrimSpace(r.UserID)
		}
	})
	in.built = make([]atomic.Pointer[sideRec], in.sides())
	if h != nil {
		in.hashes = make([]recHash, 0, len(lKeep)+len(wKeep))
		for _, i := range lKeep {
			in.hashes = append(in.hashes, h.locals[i])
		}
		for _, i := range wKeep {
			in.hashes = append(in.hashes, h.members[i])
		}
	}
	return in
}

// firstOfEachKey keeps the records whose key (folded) is set and not taken
// by an earlier record: them, their indexes in recs, the index of each
// folded key among the kept ones, and how many it skipped.
func firstOfEachKey[T any](recs []T, key func(*T) string) (kept []*T, keep []int, idx map[string]int32, skipped int) {
	kept, keep = make([]*T, 0, len(recs)), make([]int, 0, len(recs))
	idx = make(map[string]int32, len(recs))
	for i := range recs {
		k := foldKey(key(&recs[i]))
		if _, seen := idx[k]; k == "" || seen {
			skipped++
			continue
		}
		idx[k] = int32(len(kept))
		kept, keep = append(kept, &recs[i]), append(keep, i)
	}
	return kept, keep, idx, skipped
}

// sides is how many sides there are, locals and members.
func (in *matchInput) sides() int { return len(in.lRecs) + len(in.wRecs) }

// side is side i, built on first use. Safe for concurrent use: two
// goroutines may both build it, and the first one's is kept.
func (in *matchInput) side(i int) *sideRec {
	if s := in.built[i].Load(); s != nil {
		return s
	}
	made := new(sideRec)
	if i < len(in.lRecs) {
		*made = localSide(in.lRecs[i])
	} else {
		*made = memberSide(in.wRecs[i-len(in.lRecs)])
	}
	if in.built[i].CompareAndSwap(nil, made) {
		return made
	}
	return in.built[i].Load()
}

// localAt and memberAt are the side indexes of an account and a userid, or -1.
func (in *matchInput) localAt(account string) int {
	if i, ok := in.lIdx[foldKey(account)]; ok {
		return int(i)
	}
	return -1
}

func (in *matchInput) memberAt(userid string) int {
	if i, ok := in.wIdx[foldKey(userid)]; ok {
		return len(in.lRecs) + int(i)
	}
	return -1
}

// local and member are the sides of an account and a userid, or nil.
func (in *matchInput) local(account string) *sideRec { return in.sideAt(in.localAt(account)) }
func (in *matchInput) member(userid string) *sideRec { return in.sideAt(in.memberAt(userid)) }
func (in *matchInput) sideAt(i int) *sideRec {
	if i < 0 {
		return nil
	}
	return in.side(i)
}

// digestAt is the digest of side i (sideDigests computed), 0 for none.
func (in *matchInput) digestAt(i int) int64 {
	if i < 0 {
		return 0
	}
	return in.digests[i]
}

// sideDigests are the digests of every side, computed once: from the memo
// when it knows the side's record, else of the side built.
func (in *matchInput) sideDigests(corpID int64) []int64 {
	if in.digests == nil {
		d := make([]int64, in.sides())
		parallel(len(d), func(lo, hi int) {
			for i := lo; i < hi; i++ {
				if in.hashes != nil {
					if v, ok := in.memo[in.hashes[i]]; ok {
						d[i] = v
						continue
					}
				}
				d[i] = in.side(i).digest(corpID)
			}
		})
		in.digests = d
	}
	return in.digests
}
