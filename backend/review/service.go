// Package review keeps the binding review (账号绑定) between the local
// directory and a corp's WeCom members: it runs the matching engine
// (package binding) over both sides, persists every row the admin reviews,
// applies the admin's decisions (confirm, reject, bind by hand, unbind,
// resolve namesakes, import a binding file), audits each change, and hands
// the confirmed pairs to sync and push.
//
// Decisions (bind_decisions) are the memory: they survive every rematch and
// are fed back to the engine, so a confirmed pair stays confirmed and a
// rejected pair is never proposed again. Review rows (bind_rows) are the
// current picture: rewritten by Rematch, edited in place by the actions.
package review

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// Service is the binding review of every corp.
type Service struct {
	st      *store.Store
	src     Sources
	lookups LookupProvider   // nil: rematches ask WeCom nothing
	now     func() time.Time // the lookups' clock
	known   digestMemory     // what the last full rematch of each corp stored
	memos   rematchMemos     // what the last full rematch of each corp computed
	matches atomic.Int64     // rematches that ran the engine (not skipped)
}

// New returns the review service over st, reading both sides from src.
func New(st *store.Store, src Sources) *Service { return &Service{st: st, src: src, now: time.Now} }

// Errors callers can test with errors.Is. Each returned error also says
// what to do next.
var (
	// ErrNotFound: a row, corp, record or preview does not exist (any more).
	ErrNotFound = store.ErrNotFound
	// ErrConflict: the action would break one-to-one binding; see ConflictError.
	ErrConflict = errors.New("binding conflict")
	// ErrNeedsConfirmation: a batch unbind was not confirmed with its count.
	ErrNeedsConfirmation = errors.New("confirmation required")
	// ErrStale: an import preview was computed before the bindings changed.
	ErrStale = usererr.New("stale_import", nil)
	// ErrInvalid: an argument is not acceptable (bad filter, state, limit…).
	ErrInvalid = errors.New("invalid argument")
)

// ConflictError says which existing confirmed binding stands in the way.
type ConflictError struct {
	Account, UserID string // the pair asked for
	Side            string // "local" or "wecom": whose side is taken
	BoundAccount    string // the existing binding
	BoundUserID     string
	BoundMethod     string
	RowID           int64
}

func (e *ConflictError) Error() string { return e.UserMessage().EN }

// UserMessage is the conflict for the admin; the UI offers to bind with
// force on its code, binding_taken.
func (e *ConflictError) UserMessage() usererr.Message {
	if e.Side == sideLocal {
		return usererr.Msg("binding_taken", usererr.Args{"side": "local", "account": e.Account, "userid": e.BoundUserID, "method": e.BoundMethod, "row": e.RowID})
	}
	return usererr.Msg("binding_taken_wecom", usererr.Args{"side": "wecom", "account": e.BoundAccount, "userid": e.UserID, "method": e.BoundMethod, "row": e.RowID})
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// invalid marks a bilingual input error (usererr) as ErrInvalid too.
func invalid(err error) error {
	return fmt.Errorf("%w: %w", ErrInvalid, err)
}

// invalidMsg is ErrInvalid with the catalogue's message code.
func invalidMsg(code string, args usererr.Args) error { return invalid(usererr.New(code, args)) }

func needActor(actor string) error {
	if strings.TrimSpace(actor) == "" {
		return invalidMsg("review_no_actor", nil)
	}
	return nil
}

// write runs fn in one write transaction (IMMEDIATE, from the store's DSN)
// and bumps the corp's review version, which import previews are checked
// against.
func (s *Service) write(ctx context.Context, corpID int64, fn func(tx *sqlx.Tx) error) error {
	return s.writeOn(ctx, s.st.DB, corpID, fn)
}

// writeOn is write on db.
func (s *Service) writeOn(ctx context.Context, db store.TxBeginner, corpID int64, fn func(tx *sqlx.Tx) error) error {
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := store.CheckCorp(ctx, tx, corpID); err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO bind_corp_state(corp_id, version) VALUES(?, 1)
		ON CONFLICT(corp_id) DO UPDATE SET version = version + 1`, corpID); err != nil {
		return err
	}
	return tx.Commit()
}

// version is the corp's review version (0 before anything was written).
func version(ctx context.Context, q sqlx.QueryerContext, corpID int64) (int64, error) {
	var v int64
	err := sqlx.GetContext(ctx, q, &v, `SELECT version FROM bind_corp_state WHERE corp_id = ?`, corpID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

// inClause returns "?,?,?" for n arguments.
func inClause(n int) string {
	if n <= 0 {
		return "NULL"
	}
	return strings.Repeat("?,", n-1) + "?"
}
