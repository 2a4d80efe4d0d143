package review

import "wecom-bridge/backend/binding"

// builtRows are the review rows a match result makes, each with its digest,
// and the proposals the policy confirms by itself (to become decisions).
type builtRows struct {
	rows []rowRec
	auto []binding.Proposal
}

// buildRows turns a match of in, made with the decisions ds, into the
// corp's review rows: proposals and ambiguous rows, unbound records, and the
// rejected pairs whose sides are both still there. Nothing is written:
// txOps.save stores them.
func buildRows(corpID int64, in *matchInput, ds []decision, res binding.Result) builtRows {
	out := builtRows{rows: make([]rowRec, 0, len(res.Proposals)+len(res.UnboundLocal)+len(res.UnboundMembers))}
	decided := make(map[string]bool, len(ds))
	for _, d := range ds {
		decided[pairKey(d.Account, d.UserID)] = true
	}
	var argBuf []string
	for i := range res.Proposals {
		p := &res.Proposals[i]
		rs := proposalReason(p, &argBuf)
		if p.State == binding.StateAmbiguous {
			out.rows = append(out.rows, ambiguousFrom(corpID, p, rs, in))
			continue
		}
		l, w := in.lByKey[foldKey(p.Account)], in.wByKey[foldKey(p.UserID)]
		row := pairRow(corpID, string(p.State), string(p.Method), p.Confidence, rs, l, w)
		newlyConfirmed := p.State == binding.StateConfirmed && !decided[pairKey(p.Account, p.UserID)]
		if newlyConfirmed && row.Conflicts != "" {
			// The policy never confirms a pair whose sides disagree: a person
			// looks at the flagged fields first.
			row.State, newlyConfirmed = StateProposed, false
		}
		out.rows = append(out.rows, row)
		if newlyConfirmed {
			out.auto = append(out.auto, *p)
		}
	}
	for _, a := range res.UnboundLocal {
		out.rows = append(out.rows, unboundRow(corpID, in.lByKey[foldKey(a)]))
	}
	for _, u := range res.UnboundMembers {
		out.rows = append(out.rows, unboundRow(corpID, in.wByKey[foldKey(u)]))
	}
	for _, d := range ds {
		l, w := in.lByKey[foldKey(d.Account)], in.wByKey[foldKey(d.UserID)]
		if d.State != StateRejected || l == nil || w == nil {
			continue // a rejected pair whose side has gone is kept, not shown
		}
		rs := newReason("rejected by "+d.DecidedBy+" at "+d.DecidedAt.String()+"; never proposed again", ReasonRejectedByAt,
			"actor", d.DecidedBy, "at", d.DecidedAt.String())
		out.rows = append(out.rows, pairRow(corpID, StateRejected, d.Method, binding.Confidence(binding.Method(d.Method)), rs, l, w))
	}
	parallel(len(out.rows), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out.rows[i].Digest = out.rows[i].digest()
		}
	})
	return out
}
