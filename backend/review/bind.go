package review

import (
	"context"
	"strings"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/usererr"
)

// BindManual binds account to userid by hand (method manual, confirmed).
//
// Bindings are one-to-one: if either side is already in a confirmed binding
// with someone else, it returns a *ConflictError naming that binding, unless
// force is set, in which case the old binding is unbound (audited) first. A
// proposal involving either side is simply replaced, an ambiguous row
// involving either side is resolved by this choice, and an earlier rejection
// of this very pair is overturned. Binding a pair that is already confirmed
// changes nothing.
func (s *Service) BindManual(ctx context.Context, corpID int64, account, userid, actor string, force bool) error {
	return s.edit(ctx, corpID, actor, func(o *txOps) error {
		return o.bindPair(account, userid, pairSpec{
			method: string(binding.MethodManual), action: ActionBindManual,
			reason: newReason("bound by hand by "+actor, ReasonBoundByHand, "actor", actor), force: force,
		})
	})
}

// ResolveAmbiguous settles an ambiguous row by choosing one of its
// candidates: chosen is the candidate's account (row anchored on a WeCom
// member) or userid (row anchored on a local account). The pair is confirmed
// with the candidate's method; the other candidates stay held by any other
// ambiguous row that lists them, and are unbound otherwise.
func (s *Service) ResolveAmbiguous(ctx context.Context, corpID, rowID int64, chosen, actor string) error {
	return s.edit(ctx, corpID, actor, func(o *txOps) error {
		rows, err := o.rows([]int64{rowID})
		if err != nil {
			return err
		}
		r := &rows[0]
		if r.State != StateAmbiguous {
			return invalidMsg("binding_not_ambiguous", usererr.Args{"row": r.ID})
		}
		cands := r.candidates()
		var ids []string
		for _, c := range cands {
			id := c.Account + c.UserID
			ids = append(ids, id)
			if foldKey(id) != foldKey(chosen) {
				continue
			}
			account, userid := r.Account, c.UserID
			if r.Anchor == sideWeCom {
				account, userid = c.Account, r.UserID
			}
			return o.bindPair(account, userid, pairSpec{
				method: c.Method, action: ActionResolve,
				reason: chosenReason(o.actor, len(cands), r),
			})
		}
		return invalidMsg("binding_not_candidate", usererr.Args{"chosen": chosen, "row": r.ID, "candidates": strings.Join(ids, ", ")})
	})
}

// pairSpec says how bindPair records the new binding.
type pairSpec struct {
	method, action string
	note           usererr.Message
	reason         reason
	force          bool
}

// bindPair makes account ↔ userid a confirmed binding, keeping every record
// in exactly one place (see txOps). It is the one path for manual, resolved
// and imported bindings.
func (o *txOps) bindPair(account, userid string, p pairSpec) error {
	l, w, err := o.pairSides(account, userid)
	if err != nil {
		return err
	}
	account, userid = l.Key, w.Key // the stored spelling
	lOwn, err := o.ownRow(sideLocal, account)
	if err != nil {
		return err
	}
	wOwn, err := o.ownRow(sideWeCom, userid)
	if err != nil {
		return err
	}
	if lOwn != nil && lOwn.isPair() && foldKey(lOwn.UserID) == foldKey(userid) {
		return o.upgradePair(lOwn, p)
	}
	for _, own := range []*rowRec{lOwn, wOwn} {
		if own != nil && own.State == StateConfirmed && !p.force {
			side := sideLocal
			if own == wOwn {
				side = sideWeCom
			}
			return &ConflictError{Account: account, UserID: userid, Side: side,
				BoundAccount: own.Account, BoundUserID: own.UserID, BoundMethod: own.Method, RowID: own.ID}
		}
	}

	from := AuditEntry{FromState: StateUnbound}
	var freed [][2]string // {side, key} to release once the new row exists
	for _, own := range []*rowRec{lOwn, wOwn} {
		if own == nil {
			continue
		}
		switch own.State {
		case StateConfirmed: // only with force, checked above
			if err := o.removeBinding(own, pairNote("forced", p.action, account, userid)); err != nil {
				return err
			}
			freed = append(freed, [2]string{sideLocal, own.Account}, [2]string{sideWeCom, own.UserID})
		case StateProposed:
			if err := o.deleteRow(own.ID); err != nil {
				return err
			}
			if err := o.audit(AuditEntry{Action: ActionReplaceProposal, Account: own.Account, UserID: own.UserID,
				FromState: own.State, FromMethod: own.Method, ToState: StateUnbound,
				Note: pairNote("replaced", p.action, account, userid)}); err != nil {
				return err
			}
			freed = append(freed, [2]string{sideLocal, own.Account}, [2]string{sideWeCom, own.UserID})
		case StateAmbiguous:
			from = AuditEntry{FromState: StateAmbiguous, FromMethod: own.Method}
			if err := o.deleteRow(own.ID); err != nil {
				return err
			}
			other := sideWeCom
			if own.Anchor == sideWeCom {
				other = sideLocal
			}
			for _, c := range own.candidates() {
				freed = append(freed, [2]string{other, c.Account + c.UserID})
			}
		default: // unbound
			if err := o.deleteRow(own.ID); err != nil {
				return err
			}
		}
	}
	for _, k := range [][2]string{{sideLocal, account}, {sideWeCom, userid}} {
		held, err := o.holdingRows(k[0], k[1])
		if err != nil {
			return err
		}
		for i := range held {
			from = AuditEntry{FromState: StateAmbiguous, FromMethod: held[i].Method}
			if err := o.dropCandidate(&held[i], k[1]); err != nil {
				return err
			}
		}
	}
	prev, err := o.getDecision(account, userid)
	if err != nil {
		return err
	}
	if prev != nil { // a rejection overturned: its row goes
		from = AuditEntry{FromState: prev.State, FromMethod: prev.Method}
		if err := o.exec(`DELETE FROM bind_rows WHERE corp_id = ? AND state = 'rejected'
			AND account = ? AND userid = ?`, o.corpID, account, userid); err != nil {
			return err
		}
	}

	row := pairRow(o.corpID, StateConfirmed, p.method, binding.Confidence(binding.Method(p.method)), p.reason, l, w)
	if err := o.insertRow(row); err != nil {
		return err
	}
	if err := o.putConfirmed(account, userid, p.method, p.note); err != nil {
		return err
	}
	if err := o.audit(AuditEntry{Action: p.action, Account: account, UserID: userid,
		FromState: from.FromState, FromMethod: from.FromMethod, ToState: StateConfirmed, ToMethod: p.method, Note: p.note}); err != nil {
		return err
	}
	for _, f := range freed {
		if err := o.release(f[0], f[1]); err != nil {
			return err
		}
	}
	return nil
}

// pairSides loads both records of a pair.
func (o *txOps) pairSides(account, userid string) (l, w *sideRec, err error) {
	if l, err = o.side(sideLocal, account); err != nil {
		return nil, nil, err
	}
	if w, err = o.side(sideWeCom, userid); err != nil {
		return nil, nil, err
	}
	return l, w, nil
}

// upgradePair confirms a pair that is already a binding row: a proposal is
// confirmed with the new method; a confirmed pair is left alone.
func (o *txOps) upgradePair(r *rowRec, p pairSpec) error {
	if r.State == StateConfirmed {
		return nil
	}
	if err := o.setState(r, StateConfirmed, p.method, p.reason); err != nil {
		return err
	}
	if err := o.putConfirmed(r.Account, r.UserID, p.method, p.note); err != nil {
		return err
	}
	return o.audit(AuditEntry{Action: p.action, Account: r.Account, UserID: r.UserID,
		FromState: r.State, FromMethod: r.Method, ToState: StateConfirmed, ToMethod: p.method, Note: p.note})
}
