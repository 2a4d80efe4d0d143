package syncer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// journal writes operation states: running before an operation goes out,
// done or failed after. Each write commits on its own, so a kill at any
// point leaves at worst one operation "running", which Resume re-runs.
type journal struct {
	db                       *sqlx.DB
	mirror                   MirrorWriter
	planID                   int64
	stRunning, stFail, stPnd *sql.Stmt
}

func openJournal(ctx context.Context, db *sqlx.DB, planID int64) (*journal, error) {
	j := &journal{db: db, planID: planID}
	var err error
	if j.stRunning, err = db.PrepareContext(ctx, `UPDATE sync_ops SET state = 'running', attempts = attempts + 1, started_at = ?
		WHERE id = ?`); err != nil {
		return nil, err
	}
	if j.stFail, err = db.PrepareContext(ctx, `UPDATE sync_ops SET state = 'failed', errcode = ?, errmsg = ?, fix = ?, fix_en = ?,
		finished_at = ? WHERE id = ?`); err != nil {
		return nil, err
	}
	j.stPnd, err = db.PrepareContext(ctx, `UPDATE sync_ops SET state = 'pending', note = ? WHERE id = ?`)
	return j, err
}

func (j *journal) close() {
	for _, st := range []*sql.Stmt{j.stRunning, j.stFail, j.stPnd} {
		if st != nil {
			st.Close()
		}
	}
}

func (j *journal) running(ctx context.Context, op *Op, now time.Time) error {
	_, err := j.stRunning.ExecContext(ctx, store.TimeOf(now), opID(j.planID, op.Seq))
	return err
}

func (j *journal) pending(ctx context.Context, op *Op) {
	j.stPnd.ExecContext(ctx, msgColumn(msgPtr("sync_note_cancelled_running", nil)), opID(j.planID, op.Seq))
}

func (j *journal) failed(ctx context.Context, op *Op, now time.Time) {
	j.stFail.ExecContext(ctx, op.Errcode, op.Errmsg, msgColumn(op.Fix), "", store.TimeOf(now), opID(j.planID, op.Seq))
}

// done records the outcome with the bookkeeping later plans rely on
// (department links, when a member was disabled) in one transaction.
func (j *journal) done(ctx context.Context, plan *Plan, op *Op, res opResult, now time.Time) error {
	tx, err := j.db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	corp := plan.CorpID
	switch op.Type {
	case OpCreateDepartment:
		if id, ok := keyID(op.Key, "dept:L"); ok {
			err = setLink(ctx, tx, corp, id, res.id, now)
		}
	case OpLocalCreateDepartment:
		if id, ok := keyID(op.Key, "dept:W"); ok {
			err = setLink(ctx, tx, corp, res.id, id, now)
		}
	case OpDeleteDepartment:
		err = dropLinkWeCom(ctx, tx, corp, op.Before.ID)
	case OpCreateUser, OpLocalCreateAccount:
		err = recordCreated(ctx, tx, corp, op.After.UserID, op.After.Account, plan.ID, store.TimeOf(now))
	case OpDisableUser:
		err = markDisabled(ctx, tx, corp, op.Target, now, plan.ID)
	case OpEnableUser, OpDeleteUser:
		err = clearDisabled(ctx, tx, corp, op.Target)
	}
	if err == nil && res.mirror != nil && j.mirror != nil {
		err = res.mirror(ctx, tx, j.mirror, corp)
	}
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE sync_ops SET state = 'done', result_id = ?, note = ?, errcode = 0, errmsg = '',
		fix = '', fix_en = '', finished_at = ? WHERE id = ?`, res.id, msgColumn(res.note), store.TimeOf(now), opID(j.planID, op.Seq)); err != nil {
		return err
	}
	return tx.Commit()
}

func keyID(key, prefix string) (int64, bool) {
	rest, ok := strings.CutPrefix(key, prefix)
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil
}

// opResult is what a successful operation leaves: the id a create got, and
// a note such as "existed: updated instead".
type opResult struct {
	id     int64
	note   *usererr.Message
	mirror mirrorWrite // the write-through, nil for none
}

// opError is a failed operation as the journal records it.
type opError struct {
	code int
	msg  string           // technical: WeCom's errmsg or the error
	fix  *usererr.Message // what the admin does about it
}

func (e *opError) Error() string { return e.msg }

// toOpError names the operation and, for a WeCom errcode, adds its fix.
func toOpError(op *Op, err error) *opError {
	var oe *opError
	if errors.As(err, &oe) {
		return oe
	}
	e := &opError{msg: fmt.Sprintf("%s %s (operation #%d): %v", op.Type, op.Target, op.Seq, err)}
	var we *wecom.Error
	if errors.As(err, &we) {
		fix := wecom.Hint(we.Code, we.Msg).Explain()
		e.code, e.fix = we.Code, &fix
		return e
	}
	if strings.HasPrefix(string(op.Type), "local_") {
		e.fix = msgPtr("sync_fix_local", nil)
	} else {
		e.fix = msgPtr("sync_fix_network", nil)
	}
	return e
}
