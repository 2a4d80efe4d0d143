package review

import (
	"context"
	"fmt"
	"time"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// Confirm accepts proposed bindings. Rows already confirmed are left as they
// are; any other row is refused (nothing changes) with what to do instead.
// It returns how many rows changed.
func (s *Service) Confirm(ctx context.Context, corpID int64, rowIDs []int64, actor string) (int, error) {
	return s.editPairs(ctx, corpID, rowIDs, actor, "confirmed", StateConfirmed, func(o *txOps, r *rowRec) error {
		return o.confirm(r, usererr.Message{})
	})
}

// editPairs applies act to the bindings among rowIDs, in one edit. Rows
// already in state done are left as they are; if any other row is not a
// binding, nothing changes and the error says what to do instead (verb is
// the action's participle, for that message). It returns how many rows act
// changed.
func (s *Service) editPairs(ctx context.Context, corpID int64, rowIDs []int64, actor, verb, done string,
	act func(o *txOps, r *rowRec) error) (int, error) {
	n := 0
	err := s.edit(ctx, corpID, actor, func(o *txOps) error {
		rows, err := o.rows(rowIDs)
		if err != nil {
			return err
		}
		for i := range rows {
			if rows[i].State != done {
				if err := refuseUnlessPair(&rows[i], verb); err != nil {
					return err
				}
			}
		}
		for i := range rows {
			if rows[i].State == done {
				continue
			}
			if err := act(o, &rows[i]); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

func (o *txOps) confirm(r *rowRec, note usererr.Message) error {
	if err := o.setState(r, StateConfirmed, r.Method, r.reason()); err != nil {
		return err
	}
	if err := o.putConfirmed(r.Account, r.UserID, r.Method, note); err != nil {
		return err
	}
	return o.audit(AuditEntry{Action: ActionConfirm, Account: r.Account, UserID: r.UserID,
		FromState: r.State, FromMethod: r.Method, ToState: StateConfirmed, ToMethod: r.Method, Note: note})
}

// refuseUnlessPair explains why a row that is not a binding cannot be acted on.
func refuseUnlessPair(r *rowRec, verb string) error {
	switch r.State {
	case StateProposed, StateConfirmed:
		return nil
	case StateAmbiguous:
		return invalidMsg("binding_row_ambiguous", usererr.Args{"row": r.ID, "verb": verb, "count": r.CandidateCount})
	case StateRejected:
		return invalidMsg("binding_row_rejected", usererr.Args{"row": r.ID, "account": r.Account, "userid": r.UserID, "verb": verb})
	default:
		return invalidMsg("binding_row_one_side", usererr.Args{"row": r.ID, "verb": verb})
	}
}

// highConfidenceMethods may be confirmed in bulk: the keys, and names that
// departments told apart. A lone name match stays for a person.
var highConfidenceMethods = []string{
	string(binding.MethodUserID), string(binding.MethodEmployeeNo), string(binding.MethodMobileLookup),
	string(binding.MethodEmailLookup), string(binding.MethodMobile), string(binding.MethodEmail), string(binding.MethodNameDept),
}

// ConfirmHighConfidence confirms every proposed binding made by a key
// (userid, employee_no, mobile, email, a WeCom lookup) or by name+department whose
// confidence is at least minConfidence. Ambiguous rows and rows flagged with
// conflicting fields are never touched: a person decides those one by one.
//
// It works set-wise (a handful of statements for any number of rows), so
// confirming 70,000 key matches holds the write lock for about a second,
// not for the minute a statement per row would take.
func (s *Service) ConfirmHighConfidence(ctx context.Context, corpID int64, minConfidence float64, actor string) (int, error) {
	if minConfidence < 0 || minConfidence > 1 {
		return 0, invalidMsg("binding_min_confidence", usererr.Args{"value": fmt.Sprintf("%.2f", minConfidence)})
	}
	n := 0
	err := s.edit(ctx, corpID, actor, func(o *txOps) error {
		sel, selArgs := highConfidenceSelection(o.corpID, minConfidence)
		note := noteMsg("bulk_confirm", usererr.Args{"min": fmt.Sprintf("%.2f", minConfidence)}).Stored()
		// Confirmed decisions holding a side of a selected row can only be
		// stale (see putConfirmed); there are rarely any.
		var stale []decision
		if err := o.sel(&stale, `SELECT `+decisionCols+` FROM bind_decisions d WHERE d.corp_id = ? AND d.state = 'confirmed'
			AND (EXISTS (SELECT 1 FROM bind_rows r WHERE `+sel+` AND r.account = d.account AND r.userid <> d.userid)
			  OR EXISTS (SELECT 1 FROM bind_rows r WHERE `+sel+` AND r.userid = d.userid AND r.account <> d.account))`,
			append(append([]any{o.corpID}, selArgs...), selArgs...)...); err != nil {
			return err
		}
		for _, d := range stale {
			if err := o.dropStaleNote(d, noteMsg("replaced_by_bulk", nil)); err != nil {
				return err
			}
		}
		// Audit and decisions first: the UPDATE takes the rows out of the selection.
		if err := o.exec(`INSERT INTO bind_audit(corp_id, actor, action, account, userid, from_state, from_method,
			to_state, to_method, note) SELECT r.corp_id, ?, ?, r.account, r.userid, r.state, r.method, 'confirmed', r.method, ?
			FROM bind_rows r WHERE `+sel+` ORDER BY r.id`, append([]any{o.actor, ActionConfirm, note}, selArgs...)...); err != nil {
			return err
		}
		if err := o.exec(`INSERT INTO bind_decisions(corp_id, account, userid, state, method, decided_by, note, decided_at)
			SELECT r.corp_id, r.account, r.userid, 'confirmed', r.method, ?, ?, ? FROM bind_rows r WHERE `+sel+`
			ON CONFLICT(corp_id, account, userid) DO UPDATE SET state = excluded.state, method = excluded.method,
				decided_by = excluded.decided_by, note = excluded.note, decided_at = excluded.decided_at`,
			append([]any{o.actor, note, store.TimeOf(time.Now())}, selArgs...)...); err != nil {
			return err
		}
		// digest = 0: the next rematch rewrites these rows (the trigger of
		// migration 0025 would too, one extra UPDATE per row).
		res, err := o.tx.ExecContext(ctx, `UPDATE bind_rows AS r SET state = 'confirmed', digest = 0 WHERE `+sel, selArgs...)
		if err != nil {
			return err
		}
		affected, err := res.RowsAffected()
		n = int(affected)
		return err
	})
	return n, err
}

// highConfidenceSelection is the WHERE (on bind_rows r) and its arguments
// of the rows ConfirmHighConfidence confirms.
func highConfidenceSelection(corpID int64, minConfidence float64) (string, []any) {
	// A flagged row (its sides disagree on a field) waits for a person even at 0.99.
	sel := `r.corp_id = ? AND r.state = 'proposed' AND r.conflicts = '' AND r.confidence >= ? AND r.method IN (` +
		inClause(len(highConfidenceMethods)) + `)`
	args := []any{corpID, minConfidence - 1e-9}
	for _, m := range highConfidenceMethods {
		args = append(args, m)
	}
	return sel, args
}

// HighConfidence is what ConfirmHighConfidence would confirm now: the page
// says it before it runs.
type HighConfidence struct {
	MinConfidence float64       `json:"minConfidence"`
	Total         int           `json:"total"`
	ByMethod      []MethodCount `json:"byMethod"` // strongest method first; methods with none left out
}

// MethodCount is a number of rows made by one method.
type MethodCount struct {
	Method string `json:"method"`
	Count  int    `json:"count"`
}

// CountHighConfidence counts, per method, the rows ConfirmHighConfidence
// with minConfidence would confirm.
func (s *Service) CountHighConfidence(ctx context.Context, corpID int64, minConfidence float64) (HighConfidence, error) {
	out := HighConfidence{MinConfidence: minConfidence, ByMethod: []MethodCount{}}
	if minConfidence < 0 || minConfidence > 1 {
		return out, invalidMsg("binding_min_confidence", usererr.Args{"value": fmt.Sprintf("%.2f", minConfidence)})
	}
	if err := store.CheckCorp(ctx, s.st.DB, corpID); err != nil {
		return out, err
	}
	sel, args := highConfidenceSelection(corpID, minConfidence)
	var counts []MethodCount
	if err := s.st.DB.SelectContext(ctx, &counts, `SELECT r.method AS method, COUNT(*) AS count FROM bind_rows r
		WHERE `+sel+` GROUP BY r.method`, args...); err != nil {
		return out, err
	}
	for _, m := range highConfidenceMethods { // strongest first
		for _, c := range counts {
			if c.Method == m {
				out.ByMethod = append(out.ByMethod, c)
				out.Total += c.Count
			}
		}
	}
	return out, nil
}

// Reject refuses proposed or confirmed bindings: each pair becomes a rejected
// row, is never proposed again, and both sides are free (unbound until the
// next rematch finds them something else). Rows already rejected are left as
// they are. It returns how many rows changed.
func (s *Service) Reject(ctx context.Context, corpID int64, rowIDs []int64, actor string) (int, error) {
	return s.editPairs(ctx, corpID, rowIDs, actor, "rejected", StateRejected, func(o *txOps, r *rowRec) error {
		rs := newReason("rejected by "+o.actor+"; never proposed again", ReasonRejectedBy, "actor", o.actor)
		if err := o.setState(r, StateRejected, r.Method, rs); err != nil {
			return err
		}
		if err := o.putDecision(r.Account, r.UserID, StateRejected, r.Method, ""); err != nil {
			return err
		}
		if err := o.audit(AuditEntry{Action: ActionReject, Account: r.Account, UserID: r.UserID,
			FromState: r.State, FromMethod: r.Method, ToState: StateRejected, ToMethod: r.Method}); err != nil {
			return err
		}
		return o.releasePair(r.Account, r.UserID)
	})
}

// Unbind removes proposed or confirmed bindings without rejecting them: the
// decision is forgotten and both sides become unbound, so a later rematch may
// propose the pair again (reject it to prevent that). Unbinding more than one
// row at once needs confirmCount == len(rowIDs), i.e. the admin confirmed
// the count shown to them.
func (s *Service) Unbind(ctx context.Context, corpID int64, rowIDs []int64, actor string, confirmCount int) (int, error) {
	if len(rowIDs) > 1 && confirmCount != len(rowIDs) {
		return 0, fmt.Errorf("%w: unbinding %d bindings at once must be confirmed; show the admin the count, "+
			"then call again with confirmCount %d", ErrNeedsConfirmation, len(rowIDs), len(rowIDs))
	}
	// No row is ever "already unbound": an unbound side is not a binding.
	return s.editPairs(ctx, corpID, rowIDs, actor, "unbound", "", func(o *txOps, r *rowRec) error {
		return o.unbind(r, usererr.Message{})
	})
}

// unbind removes a binding and releases both sides.
func (o *txOps) unbind(r *rowRec, note usererr.Message) error {
	if err := o.removeBinding(r, note); err != nil {
		return err
	}
	return o.releasePair(r.Account, r.UserID)
}

// removeBinding deletes a binding row and its decision, and audits it. The
// caller releases the sides.
func (o *txOps) removeBinding(r *rowRec, note usererr.Message) error {
	if err := o.deleteRow(r.ID); err != nil {
		return err
	}
	if err := o.dropDecision(r.Account, r.UserID); err != nil {
		return err
	}
	return o.audit(AuditEntry{Action: ActionUnbind, Account: r.Account, UserID: r.UserID,
		FromState: r.State, FromMethod: r.Method, ToState: StateUnbound, Note: note})
}

func (o *txOps) releasePair(account, userid string) error {
	if err := o.release(sideLocal, account); err != nil {
		return err
	}
	return o.release(sideWeCom, userid)
}
