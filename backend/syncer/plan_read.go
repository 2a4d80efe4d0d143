package syncer

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"wecom-bridge/backend/store"
)

// GetPlan reads a stored plan (without its operations and tree).
func (s *Service) GetPlan(ctx context.Context, planID int64) (*Plan, error) {
	var r struct {
		ID          int64      `db:"id"`
		CorpID      int64      `db:"corp_id"`
		Direction   string     `db:"direction"`
		Status      string     `db:"status"`
		Fingerprint string     `db:"fingerprint"`
		Options     string     `db:"options"`
		Summary     string     `db:"summary"`
		Blocked     bool       `db:"blocked"`
		HardBlocked bool       `db:"hard_blocked"`
		Reasons     string     `db:"block_reasons"`
		Warnings    string     `db:"warnings"`
		Untouched   string     `db:"untouched"`
		ReadAt      store.Time `db:"wecom_read_at"`
		Stop        string     `db:"stop"`
		Trigger     string     `db:"trigger"`
		CreatedBy   string     `db:"created_by"`
		CreatedAt   store.Time `db:"created_at"`
		DurationMS  int64      `db:"duration_ms"`
		RunID       int64      `db:"run_id"`
	}
	err := s.db.GetContext(ctx, &r, `SELECT p.id, p.corp_id, p.direction, p.status, p.fingerprint, p.options, p.summary, p.blocked,
		p.hard_blocked, p.block_reasons, p.warnings, p.untouched, p.wecom_read_at, p.stop, p.trigger, p.created_by, p.created_at, p.duration_ms,
		COALESCE(r.id, 0) AS run_id FROM sync_plans p LEFT JOIN sync_runs r ON r.plan_id = p.id WHERE p.id = ?`, planID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sync plan %d: %w (it may belong to a removed corp): preview again", planID, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read sync plan %d: %w", planID, err)
	}
	p := &Plan{ID: r.ID, CorpID: r.CorpID, Direction: Direction(r.Direction), Status: r.Status, Fingerprint: r.Fingerprint,
		Trigger: Trigger(r.Trigger), CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt.Time(), DurationMS: r.DurationMS, RunID: r.RunID}
	p.Blocked, p.HardBlocked = r.Blocked, r.HardBlocked
	for _, f := range []struct {
		raw string
		dst any
	}{{r.Options, &p.Options}, {r.Summary, &p.Summary}, {r.Reasons, &p.Reasons}, {r.Warnings, &p.Warnings}, {r.Untouched, &p.Untouched}} {
		if err := json.Unmarshal([]byte(f.raw), f.dst); err != nil {
			return nil, fmt.Errorf("read sync plan %d: %w", planID, err)
		}
	}
	p.Verdict.settle()
	p.WeComReadAt = r.ReadAt.Time()
	if r.Stop != "" {
		p.Stop = &StopError{}
		json.Unmarshal([]byte(r.Stop), p.Stop)
	}
	return p, nil
}

// MaxPageSize is the most operations PlanOps returns at once.
const MaxPageSize = 200

// OpQuery filters and pages a plan's operations.
type OpQuery struct {
	Type   OpType `json:"type"`   // "" = all
	State  string `json:"state"`  // "" = all; pending, running, done or failed
	Search string `json:"search"` // in target, path and detail, ignoring case
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"` // 1..200; 0 means 50
}

// OpPage is one page of operations and how many match in all.
type OpPage struct {
	Ops   []*Op `json:"ops"`
	Total int   `json:"total"`
}

const opColumns = `seq, type, phase, key, deps, target, path, node, before, after, reason, detail,
	state, attempts, result_id, note, errcode, errmsg, fix, fix_en`

// PlanOps returns a page of a plan's operations in apply order.
func (s *Service) PlanOps(ctx context.Context, planID int64, q OpQuery) (*OpPage, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	if q.Limit > MaxPageSize {
		return nil, fmt.Errorf("page size %d is over the limit of %d: ask for fewer operations per page", q.Limit, MaxPageSize)
	}
	where, args := []string{"id BETWEEN ? AND ?"}, []any{opLo(planID), opHi(planID)}
	if q.Type != "" {
		where, args = append(where, "type = ?"), append(args, string(q.Type))
	}
	if q.State != "" {
		where, args = append(where, "state = ?"), append(args, q.State)
	}
	if q.Search != "" {
		where = append(where, "(instr(lower(target), ?) > 0 OR instr(lower(path), ?) > 0 OR instr(lower(detail), ?) > 0)")
		term := strings.ToLower(q.Search)
		args = append(args, term, term, term)
	}
	cond := strings.Join(where, " AND ")
	page := &OpPage{Ops: []*Op{}}
	if err := s.db.GetContext(ctx, &page.Total, `SELECT COUNT(*) FROM sync_ops WHERE `+cond, args...); err != nil {
		return nil, fmt.Errorf("count operations of plan %d: %w", planID, err)
	}
	ops, err := s.queryOps(ctx, `SELECT `+opColumns+` FROM sync_ops WHERE `+cond+` ORDER BY id LIMIT ? OFFSET ?`,
		append(args, q.Limit, max(q.Offset, 0))...)
	if err != nil {
		return nil, fmt.Errorf("read operations of plan %d: %w", planID, err)
	}
	page.Ops = ops
	return page, nil
}

// queryOps runs a SELECT of opColumns.
func (s *Service) queryOps(ctx context.Context, query string, args ...any) ([]*Op, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []*Op{}
	for rows.Next() {
		op := &Op{}
		var typ, deps, before, after, note, fix, fixEN string
		if err := rows.Scan(&op.Seq, &typ, &op.Phase, &op.Key, &deps, &op.Target, &op.Path, &op.Node, &before, &after,
			&op.Reason, &op.Detail, &op.State, &op.Attempts, &op.ResultID, &note, &op.Errcode, &op.Errmsg, &fix, &fixEN); err != nil {
			return nil, err
		}
		op.Type = OpType(typ)
		if deps != "" {
			op.Deps = strings.Split(deps, ",")
		}
		if op.Before, err = parseValues(before); err != nil {
			return nil, err
		}
		if op.After, err = parseValues(after); err != nil {
			return nil, err
		}
		op.Why, op.Note, op.Fix = reasonMessage(op), msgFromColumn(note, ""), msgFromColumn(fix, fixEN)
		out = append(out, op)
	}
	return out, rows.Err()
}

func parseValues(s string) (*Values, error) {
	if s == "" {
		return nil, nil
	}
	v := &Values{}
	if err := json.Unmarshal([]byte(s), v); err != nil {
		return nil, fmt.Errorf("decode operation values: %w", err)
	}
	return v, nil
}

// PlanTree returns the children of parentKey ("" for the top) in the plan's
// tree-diff view; Children on each node says whether to offer expanding it.
func (s *Service) PlanTree(ctx context.Context, planID int64, parentKey string) ([]*TreeNode, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, parent_key, name, state, from_text, to_text, local_id, wecom_id,
		added, updated, removed, children FROM sync_plan_nodes WHERE plan_id = ? AND parent_key = ? ORDER BY seq`, planID, parentKey)
	if err != nil {
		return nil, fmt.Errorf("read the tree of plan %d: %w", planID, err)
	}
	defer rows.Close()
	out := []*TreeNode{}
	for rows.Next() {
		n := &TreeNode{}
		if err := rows.Scan(&n.Key, &n.ParentKey, &n.Name, &n.State, &n.From, &n.To, &n.LocalID, &n.WeComID,
			&n.Added, &n.Updated, &n.Removed, &n.Children); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}
