package review

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// txOps edits one corp's review rows inside a write transaction. The
// invariant it keeps: every local account and WeCom member of the last match
// is in exactly one place — a binding row (proposed or confirmed), the
// anchor of an ambiguous row, a candidate of one or more ambiguous rows, or
// an unbound row. Rejected rows are a record of refused pairs and hold no one.
type txOps struct {
	ctx    context.Context
	tx     *sqlx.Tx
	corpID int64
	actor  string
	// Statements prepared once per transaction: bulk actions (confirm 50,000
	// rows) run the same few statements per row, and preparing is most of
	// the cost of a small statement.
	stmts map[string]*sqlx.Stmt
}

// edit runs fn with a txOps in one write transaction.
func (s *Service) edit(ctx context.Context, corpID int64, actor string, fn func(o *txOps) error) error {
	return s.editOn(ctx, s.st.DB, corpID, actor, fn)
}

// bulkEdit is edit for a transaction that writes many rows (a rematch), on
// a connection set up for it (store.BulkConn).
func (s *Service) bulkEdit(ctx context.Context, corpID int64, actor string, fn func(o *txOps) error) error {
	return store.BulkConn(ctx, s.st.DB, func(conn *sqlx.Conn) error {
		return s.editOn(ctx, conn, corpID, actor, fn)
	})
}

func (s *Service) editOn(ctx context.Context, db store.TxBeginner, corpID int64, actor string, fn func(o *txOps) error) error {
	if err := needActor(actor); err != nil {
		return err
	}
	return s.writeOn(ctx, db, corpID, func(tx *sqlx.Tx) error {
		o := &txOps{ctx: ctx, tx: tx, corpID: corpID, actor: actor, stmts: map[string]*sqlx.Stmt{}}
		defer func() {
			for _, st := range o.stmts {
				st.Close()
			}
		}()
		return fn(o)
	})
}

func (o *txOps) stmt(q string) (*sqlx.Stmt, error) {
	if st, ok := o.stmts[q]; ok {
		return st, nil
	}
	st, err := o.tx.PreparexContext(o.ctx, q)
	if err != nil {
		return nil, err
	}
	o.stmts[q] = st
	return st, nil
}

func (o *txOps) exec(q string, args ...any) error {
	st, err := o.stmt(q)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(o.ctx, args...)
	return err
}

func (o *txOps) get(dest any, q string, args ...any) error {
	st, err := o.stmt(q)
	if err != nil {
		return err
	}
	return st.GetContext(o.ctx, dest, args...)
}

func (o *txOps) sel(dest any, q string, args ...any) error {
	st, err := o.stmt(q)
	if err != nil {
		return err
	}
	return st.SelectContext(o.ctx, dest, args...)
}

const selectRow = `SELECT id, ` + rowCols + ` FROM bind_rows `

// rows loads the given rows of the corp, in the order asked, once each.
func (o *txOps) rows(ids []int64) ([]rowRec, error) {
	if len(ids) == 0 {
		return nil, invalidMsg("binding_no_rows", nil)
	}
	var uniq []int64
	seen := map[int64]bool{}
	args := []any{o.corpID}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			uniq = append(uniq, id)
			args = append(args, id)
		}
	}
	var recs []rowRec
	if err := o.tx.SelectContext(o.ctx, &recs, selectRow+`WHERE corp_id = ? AND id IN (`+inClause(len(uniq))+`)`, args...); err != nil {
		return nil, err
	}
	byID := make(map[int64]rowRec, len(recs))
	for _, r := range recs {
		byID[r.ID] = r
	}
	out := make([]rowRec, 0, len(uniq))
	var missing []string
	for _, id := range uniq {
		r, ok := byID[id]
		if !ok {
			missing = append(missing, fmt.Sprint(id))
			continue
		}
		out = append(out, r)
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("row %s of corp %d: %w (a rematch or another admin changed the list); refresh it and try again",
			strings.Join(missing, ", "), o.corpID, ErrNotFound)
	}
	return out, nil
}

// ownRow is the row a record stands in (binding, ambiguous anchor or
// unbound), or nil when it is only a candidate of ambiguous rows.
func (o *txOps) ownRow(side, key string) (*rowRec, error) {
	col, unbound := "account", StateUnboundLocal
	if side == sideWeCom {
		col, unbound = "userid", StateUnboundWeCom
	}
	var r rowRec
	err := o.get(&r, selectRow+`WHERE corp_id = ? AND `+col+` = ?
		AND (state IN ('proposed', 'confirmed', ?) OR (state = 'ambiguous' AND anchor = ?)) LIMIT 1`,
		o.corpID, key, unbound, side)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &r, err
}

// holdingRows are the ambiguous rows listing the record as a candidate.
func (o *txOps) holdingRows(side, key string) ([]rowRec, error) {
	anchor, field := sideWeCom, "$.account"
	if side == sideWeCom {
		anchor, field = sideLocal, "$.userid"
	}
	var recs []rowRec
	// instr() on the search text (which holds every candidate id) skips
	// parsing the JSON of rows that cannot match.
	err := o.sel(&recs, selectRow+`WHERE corp_id = ? AND state = 'ambiguous' AND anchor = ?
		AND instr(search_text, ?) > 0
		AND EXISTS (SELECT 1 FROM json_each(candidates) c WHERE json_extract(c.value, '`+field+`') = ? COLLATE NOCASE)
		ORDER BY id`, o.corpID, anchor, binding.NormalizeName(key), key)
	return recs, err
}

// side loads a record of the last match.
func (o *txOps) side(side, key string) (*sideRec, error) {
	var s sideRec
	err := o.get(&s, `SELECT side, key, name, employee_no, mobile, email, position, dept_paths,
		inactive, search_text FROM bind_sides WHERE corp_id = ? AND side = ? AND key = ?`, o.corpID, side, strings.TrimSpace(key))
	if errors.Is(err, sql.ErrNoRows) {
		if side == sideLocal {
			return nil, usererr.Wrap(ErrNotFound, "binding_account_not_in_match", usererr.Args{"account": key})
		}
		return nil, usererr.Wrap(ErrNotFound, "binding_userid_not_in_match", usererr.Args{"userid": key})
	}
	return &s, err
}

func (o *txOps) insertRow(r rowRec) error {
	r.CorpID = o.corpID
	return o.exec(`INSERT INTO bind_rows(`+rowCols+`) VALUES(`+inClause(rowColCount)+`)`, r.args()...)
}

func (o *txOps) deleteRow(id int64) error {
	return o.exec(`DELETE FROM bind_rows WHERE id = ?`, id)
}

func (o *txOps) setState(r *rowRec, state, method string, rs reason) error {
	conf := r.Confidence
	if method != r.Method {
		conf = binding.Confidence(binding.Method(method))
	}
	return o.exec(`UPDATE bind_rows SET state = ?, method = ?, confidence = ?, reason = ?, reason_code = ?,
		reason_args = ? WHERE id = ?`, state, method, conf, rs.text, rs.code, rs.args, r.ID)
}

// release gives a record that lost its place an unbound row, unless it is
// still in a row of its own or held by an ambiguous row.
func (o *txOps) release(side, key string) error {
	own, err := o.ownRow(side, key)
	if err != nil || own != nil {
		return err
	}
	held, err := o.holdingRows(side, key)
	if err != nil || len(held) > 0 {
		return err
	}
	s, err := o.side(side, key)
	if err != nil {
		return err
	}
	return o.insertRow(unboundRow(o.corpID, s))
}

// dropCandidate takes the record out of an ambiguous row. A row left with no
// candidate is removed and its anchor released; a row with one left stays
// ambiguous, for a person to confirm.
func (o *txOps) dropCandidate(r *rowRec, key string) error {
	var left []Candidate
	for _, c := range r.candidates() {
		if foldKey(c.Account+c.UserID) != foldKey(key) {
			left = append(left, c)
		}
	}
	anchorKey := r.Account
	if r.Anchor == sideWeCom {
		anchorKey = r.UserID
	}
	if len(left) == 0 {
		if err := o.deleteRow(r.ID); err != nil {
			return err
		}
		return o.release(r.Anchor, anchorKey)
	}
	if len(left) == 1 {
		return o.proposeLastCandidate(r, anchorKey, left[0])
	}
	anchor, err := o.side(r.Anchor, anchorKey)
	if err != nil {
		return err
	}
	r.setCandidates(anchor.SearchText, left)
	return o.exec(`UPDATE bind_rows SET candidates = ?, candidate_count = ?, search_text = ? WHERE id = ?`,
		r.Candidates, r.CandidateCount, r.SearchText, r.ID)
}

// proposeLastCandidate turns an ambiguous row left with one candidate into
// a proposal of that pair (an ambiguous row always offers a choice of two or
// more, as the engine makes them). The candidate leaves every other
// ambiguous row that lists it, which may settle those the same way.
func (o *txOps) proposeLastCandidate(r *rowRec, anchorKey string, c Candidate) error {
	account, userid, other := anchorKey, c.UserID, sideWeCom
	if r.Anchor == sideWeCom {
		account, userid, other = c.Account, anchorKey, sideLocal
	}
	l, w, err := o.pairSides(account, userid)
	if err != nil {
		return err
	}
	method := c.Method
	if method == "" {
		method = r.Method
	}
	if err := o.deleteRow(r.ID); err != nil {
		return err
	}
	rs := newReason("the only candidate left: the others were chosen elsewhere", ReasonLastCandidate)
	if err := o.insertRow(pairRow(o.corpID, StateProposed, method, binding.Confidence(binding.Method(method)), rs, l, w)); err != nil {
		return err
	}
	if err := o.audit(AuditEntry{Action: ActionLastCandidate, Account: l.Key, UserID: w.Key,
		FromState: StateAmbiguous, FromMethod: r.Method, ToState: StateProposed, ToMethod: method}); err != nil {
		return err
	}
	key := c.Account + c.UserID
	held, err := o.holdingRows(other, key)
	if err != nil {
		return err
	}
	for i := range held {
		if err := o.dropCandidate(&held[i], key); err != nil {
			return err
		}
	}
	return nil
}
