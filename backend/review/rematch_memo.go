package review

import (
	"hash/maphash"
	"sync"
)

// A rematch after a pull changes the rows of the people who changed, yet
// building all 300,000 sides and rows of a corp of 100,000 afresh, only to
// find most of them stored already by their digests, was most of its cost.
// So each full rematch leaves behind, per corp, the digests it computed,
// keyed by what they were computed from: a side's by its record's hash, a
// row's by its inputs (rowKey: the proposal and its sides' digests). The
// next rematch computes the keys, takes the digests it finds, and builds
// only the sides and rows whose keys are new: the ones it may insert.
//
// A memo is a cache of pure functions of its keys: it stays right whatever
// was written since (unlike knownDigests, it says nothing about what is
// stored), and it holds only what this process computed, so a new build
// never reuses an old build's digests.

// rematchMemo is what one rematch of a corp computed.
type rematchMemo struct {
	sides map[recHash]int64  // record hash → side digest
	rows  map[uint64]rowMemo // rowKey → the row it made
}

// rowMemo is what a row made from a key came out as.
type rowMemo struct {
	digest int64
	state  string // a pair the policy would confirm is proposed when its sides disagree
}

// memoSeed keys rowKey's hash: per process, so no one can aim at a collision.
var memoSeed = maphash.MakeSeed()

// memoCorps is how many corps' memos a process keeps (~10 MB each at
// 100,000 people); the least recently used go first.
const memoCorps = 4

// rematchMemos holds the latest memo of the corps last rematched.
type rematchMemos struct {
	mu    sync.Mutex
	m     map[int64]*rematchMemo
	order []int64 // least recently used first
}

// of returns the corp's memo, or an empty one. A memo is never changed once
// set, so callers read it without the lock.
func (r *rematchMemos) of(corpID int64) *rematchMemo {
	r.mu.Lock()
	defer r.mu.Unlock()
	if m := r.m[corpID]; m != nil {
		return m
	}
	return &rematchMemo{}
}

// set makes m the corp's memo (nil forgets it).
func (r *rematchMemos) set(corpID int64, m *rematchMemo) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = map[int64]*rematchMemo{}
	}
	for i, c := range r.order {
		if c == corpID {
			r.order = append(r.order[:i], r.order[i+1:]...)
			break
		}
	}
	delete(r.m, corpID)
	if m == nil {
		return
	}
	if len(r.order) == memoCorps {
		delete(r.m, r.order[0])
		r.order = r.order[1:]
	}
	r.m[corpID], r.order = m, append(r.order, corpID)
}

// nextMemo is the memo a rematch of in leaves, with its rows built.
func nextMemo(in *matchInput, built *builtRows) *rematchMemo {
	m := &rematchMemo{rows: make(map[uint64]rowMemo, len(built.rows))}
	if in.hashes != nil {
		m.sides = make(map[recHash]int64, len(in.hashes))
		for i, h := range in.hashes {
			m.sides[h] = in.digests[i]
		}
	}
	for i := range built.rows {
		r := &built.rows[i]
		m.rows[r.key] = rowMemo{digest: r.digest, state: r.state}
	}
	return m
}
