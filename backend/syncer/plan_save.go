package syncer

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"

	"wecom-bridge/backend/store"
)

// savePlan stores the plan, its operations and tree in one transaction, on
// the driver connection: a 100,000-operation plan binds 1.5 million values,
// and database/sql would copy and convert each of them once more.
func (s *Service) savePlan(ctx context.Context, p *Plan) error {
	if len(p.Ops) > maxOpsPerPlan {
		return fmt.Errorf("save sync plan: %d operations is over the limit of %d per plan; narrow the sync scope", len(p.Ops), maxOpsPerPlan)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("save sync plan: %w", err)
	}
	defer conn.Close()
	var saveErr error
	ran := false
	err = conn.Raw(func(dc any) error {
		ran = true
		saveErr = savePlanOn(ctx, dc.(driver.Conn), p)
		return restoreChecks(dc.(driver.Conn))
	})
	if !ran {
		return fmt.Errorf("save sync plan: %w", err)
	}
	return saveErr
}

// restoreChecks turns CHECK constraints back on after savePlanOn. When it
// cannot, it returns driver.ErrBadConn, on which database/sql closes the
// connection: no other statement ever runs on it without them.
func restoreChecks(conn driver.Conn) error {
	if _, err := store.DriverExec(context.Background(), conn, `PRAGMA ignore_check_constraints = OFF`); err != nil {
		return driver.ErrBadConn
	}
	return nil
}

func savePlanOn(ctx context.Context, conn driver.Conn, p *Plan) (err error) {
	begin, ok := conn.(driver.ConnBeginTx)
	if !ok {
		return fmt.Errorf("save sync plan: the driver connection %T cannot begin a transaction", conn)
	}
	tx, err := begin.BeginTx(ctx, driver.TxOptions{}) // BEGIN IMMEDIATE (the store's DSN)
	if err != nil {
		return fmt.Errorf("save sync plan: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	if p.ID, err = insertPlanRow(ctx, conn, p); err != nil {
		return fmt.Errorf("save sync plan: %w", err)
	}
	// The CHECK constraints of sync_ops and sync_plan_nodes hold IN lists,
	// which SQLite rebuilds as a temporary b-tree for every inserted row:
	// about a quarter of the insert time of a large plan. The rows below only carry
	// values the planner sets (seq is within maxOpsPerPlan, node states are
	// its constants), so the checks are off while they are written, until
	// restoreChecks.
	if _, err = store.DriverExec(ctx, conn, `PRAGMA ignore_check_constraints = ON`); err != nil {
		return fmt.Errorf("save sync plan: %w", err)
	}
	if err = insertOps(ctx, conn, p.ID, p.Ops); err != nil {
		return fmt.Errorf("save sync plan operations: %w", err)
	}
	if err = insertNodes(ctx, conn, p.ID, p.Nodes); err != nil {
		return fmt.Errorf("save sync plan tree: %w", err)
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("save sync plan: %w", err)
	}
	return nil
}

func insertPlanRow(ctx context.Context, conn driver.Conn, p *Plan) (int64, error) {
	opts, _ := json.Marshal(p.Options)
	sum, _ := json.Marshal(p.Summary)
	reasons, _ := json.Marshal(nonNil(p.Reasons))
	warns, _ := json.Marshal(nonNil(p.Warnings))
	untouched, _ := json.Marshal(nonNil(p.Untouched))
	stop := ""
	if p.Stop != nil {
		b, _ := json.Marshal(p.Stop)
		stop = string(b)
	}
	res, err := store.DriverExec(ctx, conn, `INSERT INTO sync_plans(corp_id, direction, status, fingerprint, options, summary, blocked,
		hard_blocked, block_reasons, warnings, stop, total_ops, removals, trigger, created_by, created_at, duration_ms,
		untouched, wecom_read_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		p.CorpID, p.Direction, p.Status, p.Fingerprint, string(opts), string(sum), p.Blocked, p.HardBlocked, string(reasons),
		string(warns), stop, p.Summary.Total, p.Summary.Removals, p.Trigger, p.CreatedBy, store.TimeOf(p.CreatedAt), p.DurationMS,
		string(untouched), store.TimeOf(p.WeComReadAt))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func insertOps(ctx context.Context, conn driver.Conn, planID int64, all []*Op) error {
	ctx, stop := context.WithCancel(ctx) // on an error, stops the encoder too
	defer stop()
	rows, err := store.NewDriverBulkInsert(ctx, conn, `INSERT INTO sync_ops(id, plan_id, seq, type, phase, key, deps, target, path, node, before, after, reason, detail) VALUES `, 14)
	if err != nil {
		return err
	}
	// JSON encoding runs ahead on another core while SQLite inserts.
	for enc := range encodeOps(ctx, all) {
		for i, op := range enc.ops {
			if err := rows.Add(ctx, opID(planID, op.Seq), planID, op.Seq, string(op.Type), op.Phase, op.Key, strings.Join(op.Deps, ","),
				op.Target, op.Path, op.Node, enc.before[i], enc.after[i], op.Reason, op.Detail); err != nil {
				return err
			}
		}
	}
	return rows.Flush(ctx)
}

func insertNodes(ctx context.Context, conn driver.Conn, planID int64, nodes []*TreeNode) error {
	rows, err := store.NewDriverBulkInsert(ctx, conn, `INSERT INTO sync_plan_nodes(plan_id, key, parent_key, seq, name, state, from_text, to_text,
		local_id, wecom_id, added, updated, removed, children) VALUES `, 14)
	if err != nil {
		return err
	}
	for _, n := range nodes {
		if err := rows.Add(ctx, planID, n.Key, n.ParentKey, n.seq, n.Name, n.State, n.From, n.To, n.LocalID, n.WeComID,
			n.Added, n.Updated, n.Removed, n.Children); err != nil {
			return err
		}
	}
	return rows.Flush(ctx)
}

// encodedOps is a chunk of operations with their values as JSON.
type encodedOps struct {
	ops           []*Op
	before, after []string
}

// encodeOps encodes the operations' values in chunks, in order, on a
// goroutine; the channel closes after the last chunk (or when ctx ends).
func encodeOps(ctx context.Context, ops []*Op) <-chan encodedOps {
	const chunk = 2048
	out := make(chan encodedOps, 4)
	go func() {
		defer close(out)
		var scratch []byte
		for from := 0; from < len(ops); from += chunk {
			part := ops[from:min(from+chunk, len(ops))]
			e := encodedOps{ops: part, before: make([]string, len(part)), after: make([]string, len(part))}
			for i, op := range part {
				e.before[i], scratch = valuesJSONWith(scratch, op.Before)
				e.after[i], scratch = valuesJSONWith(scratch, op.After)
			}
			select {
			case out <- e:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
