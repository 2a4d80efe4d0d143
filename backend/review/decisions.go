package review

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// decision is a row of bind_decisions: what the admin (or the auto-confirm
// policy) decided about one pair.
type decision struct {
	Account   string     `db:"account"`
	UserID    string     `db:"userid"`
	State     string     `db:"state"`
	Method    string     `db:"method"`
	DecidedBy string     `db:"decided_by"`
	DecidedAt store.Time `db:"decided_at"`
}

const decisionCols = `account, userid, state, method, decided_by, decided_at`

func loadDecisions(ctx context.Context, q sqlx.QueryerContext, corpID int64) ([]decision, error) {
	var ds []decision
	err := sqlx.SelectContext(ctx, q, &ds, `SELECT `+decisionCols+` FROM bind_decisions WHERE corp_id = ? ORDER BY id`, corpID)
	return ds, err
}

// existing turns decisions into the engine's input.
func existing(ds []decision) []binding.Existing {
	out := make([]binding.Existing, len(ds))
	for i, d := range ds {
		out[i] = binding.Existing{Account: d.Account, UserID: d.UserID, State: binding.State(d.State), Method: binding.Method(d.Method)}
	}
	return out
}

func (o *txOps) getDecision(account, userid string) (*decision, error) {
	var d decision
	err := o.get(&d, `SELECT `+decisionCols+` FROM bind_decisions WHERE corp_id = ? AND account = ? AND userid = ?`,
		o.corpID, account, userid)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &d, err
}

// putConfirmed records a confirmed pair. A confirmed decision that holds
// either side for another pair can only be stale here (its other side is
// gone, or the caller has just unbound it): it is dropped, audited.
func (o *txOps) putConfirmed(account, userid, method string, note usererr.Message) error {
	var stale []decision
	// Two arms, not one OR: each arm is a lookup in its partial unique index.
	if err := o.sel(&stale, `SELECT `+decisionCols+` FROM bind_decisions
		WHERE corp_id = ? AND state = 'confirmed' AND account = ? AND userid <> ?
		UNION ALL SELECT `+decisionCols+` FROM bind_decisions
		WHERE corp_id = ? AND state = 'confirmed' AND userid = ? AND account <> ?`,
		o.corpID, account, userid, o.corpID, userid, account); err != nil {
		return err
	}
	for _, d := range stale {
		if err := o.dropStale(d, account+" ↔ "+userid); err != nil {
			return err
		}
	}
	return o.putDecision(account, userid, StateConfirmed, method, note.Stored())
}

// dropStale drops a stale decision replaced by the pair "account ↔ userid".
func (o *txOps) dropStale(d decision, pair string) error {
	return o.dropStaleNote(d, noteMsg("replaced_by_pair", usererr.Args{"pair": pair}))
}

func (o *txOps) dropStaleNote(d decision, note usererr.Message) error {
	if err := o.dropDecision(d.Account, d.UserID); err != nil {
		return err
	}
	return o.audit(AuditEntry{Action: ActionDropStale, Account: d.Account, UserID: d.UserID,
		FromState: d.State, FromMethod: d.Method, ToState: StateUnbound, Note: note})
}

func (o *txOps) putDecision(account, userid, state, method, note string) error {
	return o.exec(`INSERT INTO bind_decisions(corp_id, account, userid, state, method, decided_by, note, decided_at)
		VALUES(?,?,?,?,?,?,?,?)
		ON CONFLICT(corp_id, account, userid) DO UPDATE SET state = excluded.state, method = excluded.method,
			decided_by = excluded.decided_by, note = excluded.note, decided_at = excluded.decided_at`,
		o.corpID, account, userid, state, method, o.actor, note, store.TimeOf(time.Now()))
}

func (o *txOps) dropDecision(account, userid string) error {
	return o.exec(`DELETE FROM bind_decisions WHERE corp_id = ? AND account = ? AND userid = ?`, o.corpID, account, userid)
}
