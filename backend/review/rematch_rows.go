package review

import (
	"math"

	"wecom-bridge/backend/binding"
)

// builtRows are the review rows a match result makes, each with its digest
// and state, and the proposals the policy confirms by itself (to become
// decisions). A row's record (rowRec) is built when asked for (row), or at
// once when the memo does not know its key: only a row whose key is new can
// be one to insert.
type builtRows struct {
	rows []builtRow
	auto []binding.Proposal
	src  rowSource
}

// builtRow is one row: where it comes from, its key, digest and state.
type builtRow struct {
	kind   rowKind
	at     int32 // its record in the list of its kind (rowSource)
	key    uint64
	digest int64
	state  string
	rec    *rowRec // nil until built
}

// rowKind says which list of the match a row comes from.
type rowKind uint8

const (
	rowProposal      rowKind = iota + 1 // res.Proposals
	rowUnboundLocal                     // res.UnboundLocal
	rowUnboundMember                    // res.UnboundMembers
	rowRejected                         // ds: a rejected pair whose sides are both there
)

// rowSource is what rows are built from.
type rowSource struct {
	corpID  int64
	in      *matchInput // with its sideDigests computed
	ds      []decision
	res     *binding.Result
	decided map[string]bool // pairKey of every decision
}

// buildRows turns a match of in, made with the decisions ds, into the
// corp's review rows: proposals and ambiguous rows, unbound records, and the
// rejected pairs whose sides are both still there. memo is what the last
// rematch computed (may be empty). Nothing is written: txOps.save stores
// them.
func buildRows(corpID int64, in *matchInput, ds []decision, res binding.Result, memo *rematchMemo) builtRows {
	in.sideDigests(corpID)
	out := builtRows{src: rowSource{corpID: corpID, in: in, ds: ds, res: &res, decided: make(map[string]bool, len(ds))}}
	for _, d := range ds {
		out.src.decided[pairKey(d.Account, d.UserID)] = true
	}
	out.rows = make([]builtRow, 0, len(res.Proposals)+len(res.UnboundLocal)+len(res.UnboundMembers))
	add := func(k rowKind, n int) {
		for i := range n {
			out.rows = append(out.rows, builtRow{kind: k, at: int32(i)})
		}
	}
	add(rowProposal, len(res.Proposals))
	add(rowUnboundLocal, len(res.UnboundLocal))
	add(rowUnboundMember, len(res.UnboundMembers))
	for i, d := range ds {
		if d.State == StateRejected && in.localAt(d.Account) >= 0 && in.memberAt(d.UserID) >= 0 {
			out.rows = append(out.rows, builtRow{kind: rowRejected, at: int32(i)})
		}
	}
	parallel(len(out.rows), func(lo, hi int) {
		var args []string
		for i := lo; i < hi; i++ {
			r := &out.rows[i]
			r.key = out.src.key(r, &args)
			if m, ok := memo.rows[r.key]; ok {
				r.digest, r.state = m.digest, m.state
				continue
			}
			rec := out.src.build(r, &args)
			rec.Digest = rec.digest()
			r.rec, r.digest, r.state = &rec, rec.Digest, rec.State
		}
	})
	for i := range out.rows {
		r := &out.rows[i]
		if r.kind != rowProposal || r.state != StateConfirmed {
			continue
		}
		if p := &res.Proposals[r.at]; !out.src.decided[pairKey(p.Account, p.UserID)] {
			out.auto = append(out.auto, *p)
		}
	}
	return out
}

// row is row i's record, built if it was not.
func (b *builtRows) row(i int) *rowRec {
	r := &b.rows[i]
	if r.rec == nil {
		var args []string
		rec := b.src.build(r, &args)
		rec.Digest = r.digest
		r.rec = &rec
	}
	return r.rec
}

// build makes the row r stands for (its digest not set).
func (s *rowSource) build(r *builtRow, args *[]string) rowRec {
	in := s.in
	switch r.kind {
	case rowProposal:
		p := &s.res.Proposals[r.at]
		rs := proposalReason(p, args)
		if p.State == binding.StateAmbiguous {
			return ambiguousFrom(s.corpID, p, rs, in)
		}
		row := pairRow(s.corpID, string(p.State), string(p.Method), p.Confidence, rs, in.local(p.Account), in.member(p.UserID))
		if p.State == binding.StateConfirmed && row.Conflicts != "" && !s.decided[pairKey(p.Account, p.UserID)] {
			// The policy never confirms a pair whose sides disagree: a person
			// looks at the flagged fields first.
			row.State = StateProposed
		}
		return row
	case rowUnboundLocal:
		return unboundRow(s.corpID, in.local(s.res.UnboundLocal[r.at]))
	case rowUnboundMember:
		return unboundRow(s.corpID, in.member(s.res.UnboundMembers[r.at]))
	default:
		d := &s.ds[r.at]
		return pairRow(s.corpID, StateRejected, d.Method, binding.Confidence(binding.Method(d.Method)), rejectedReason(d),
			in.local(d.Account), in.member(d.UserID))
	}
}

// rejectedReason is the reason of a rejected pair's row.
func rejectedReason(d *decision) reason {
	return newReason("rejected by "+d.DecidedBy+" at "+d.DecidedAt.String()+"; never proposed again", ReasonRejectedByAt,
		"actor", d.DecidedBy, "at", d.DecidedAt.String())
}

// key is a hash of everything build reads to make r: the row is a pure
// function of it, so two rows of one key have one digest and state.
func (s *rowSource) key(r *builtRow, args *[]string) uint64 {
	in := s.in
	d := newDigester()
	d.num('k', uint64(r.kind))
	switch r.kind {
	case rowProposal:
		p := &s.res.Proposals[r.at]
		d.str(string(p.State))
		d.str(string(p.Method))
		d.num('f', math.Float64bits(p.Confidence))
		d.str(p.Reason)
		d.str(string(p.ReasonCode))
		*args = p.AppendArgs((*args)[:0])
		d.num('n', uint64(len(*args)))
		for _, a := range *args {
			d.str(a)
		}
		d.str(p.Account)
		d.str(p.UserID)
		d.flag(s.decided[pairKey(p.Account, p.UserID)])
		d.num('i', uint64(in.digestAt(in.localAt(p.Account))))
		d.num('i', uint64(in.digestAt(in.memberAt(p.UserID))))
		d.num('n', uint64(len(p.Candidates)))
		for i := range p.Candidates {
			c := &p.Candidates[i]
			d.str(c.Account)
			d.str(c.UserID)
			d.str(c.Name)
			d.paths(c.DeptPaths)
			d.str(string(c.Method))
			d.num('f', math.Float64bits(c.Score))
			at := in.localAt(c.Account)
			if c.Account == "" {
				at = in.memberAt(c.UserID)
			}
			d.num('i', uint64(in.digestAt(at)))
		}
	case rowUnboundLocal:
		d.num('i', uint64(in.digestAt(in.localAt(s.res.UnboundLocal[r.at]))))
	case rowUnboundMember:
		d.num('i', uint64(in.digestAt(in.memberAt(s.res.UnboundMembers[r.at]))))
	default:
		x := &s.ds[r.at]
		d.str(x.Method)
		d.str(x.DecidedBy)
		d.str(x.DecidedAt.String())
		d.num('i', uint64(in.digestAt(in.localAt(x.Account))))
		d.num('i', uint64(in.digestAt(in.memberAt(x.UserID))))
	}
	return d.memoKey()
}

// rowDigests are the rows' digests, in order.
func (b *builtRows) rowDigests() []int64 {
	out := make([]int64, len(b.rows))
	for i := range b.rows {
		out[i] = b.rows[i].digest
	}
	return out
}
