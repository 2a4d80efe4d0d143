package syncer

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// PendingEvent tells the UI that the pending previews of a corp changed: one
// was kept, applied (or superseded) or discarded. Payload: {corpId}.
const PendingEvent = "sync:pending"

// PendingPreview is a plan a schedule or a contact callback made and did not
// apply on its own: the newest unattended plan of its corp and direction,
// still a preview with operations, not discarded. The home page and the
// Sync page show them until they are applied or discarded.
type PendingPreview struct {
	PlanID    int64     `json:"planId"`
	CorpID    int64     `json:"corpId"`
	CorpName  string    `json:"corpName"`
	CorpDemo  bool      `json:"corpDemo"` // the demo corp: the UI names it in the admin's language
	Direction Direction `json:"direction"`
	Trigger   Trigger   `json:"trigger"`
	CreatedAt time.Time `json:"createdAt"`
	Total     int       `json:"total"`
	Removals  int       `json:"removals"`
	Blocked   bool      `json:"blocked"`
	// Why it was not applied on its own (heldBack): blocked by the safety
	// checks, auto-apply off, or pairs awaiting confirmation.
	Why usererr.Message `json:"why"`
}

// PendingPreviews lists the pending previews of corpID (0: of every corp),
// by corp and direction.
func (s *Service) PendingPreviews(ctx context.Context, corpID int64) ([]PendingPreview, error) {
	where, args := "", []any{}
	if corpID != 0 {
		where, args = " AND corp_id = ?", append(args, corpID)
	}
	var rows []struct {
		ID        int64      `db:"id"`
		CorpID    int64      `db:"corp_id"`
		CorpName  string     `db:"corp_name"`
		CorpDemo  bool       `db:"demo"`
		Direction string     `db:"direction"`
		Trigger   string     `db:"trigger"`
		CreatedAt store.Time `db:"created_at"`
		Options   string     `db:"options"`
		Summary   string     `db:"summary"`
		Blocked   bool       `db:"blocked"`
		Hard      bool       `db:"hard_blocked"`
		Reasons   string     `db:"block_reasons"`
	}
	err := s.db.SelectContext(ctx, &rows, `SELECT p.id, p.corp_id, c.name AS corp_name, c.demo, p.direction, p.trigger, p.created_at,
		p.options, p.summary, p.blocked, p.hard_blocked, p.block_reasons
		FROM sync_plans p JOIN corps c ON c.id = p.corp_id
		WHERE p.id IN (SELECT MAX(id) FROM sync_plans WHERE trigger <> 'manual'`+where+` GROUP BY corp_id, direction)
		AND p.status = 'preview' AND p.total_ops > 0 AND p.discarded_at = 0
		ORDER BY p.corp_id, p.direction`, args...)
	if err != nil {
		return nil, fmt.Errorf("read the pending sync previews: %w", err)
	}
	out := make([]PendingPreview, 0, len(rows))
	for _, r := range rows {
		p := &Plan{ID: r.ID}
		p.Blocked, p.HardBlocked = r.Blocked, r.Hard
		for _, f := range []struct {
			raw string
			dst any
		}{{r.Options, &p.Options}, {r.Summary, &p.Summary}, {r.Reasons, &p.Reasons}} {
			if err := json.Unmarshal([]byte(f.raw), f.dst); err != nil {
				return nil, fmt.Errorf("read sync plan %d: %w", r.ID, err)
			}
		}
		pp := PendingPreview{PlanID: r.ID, CorpID: r.CorpID, CorpName: r.CorpName, CorpDemo: r.CorpDemo, Direction: Direction(r.Direction),
			Trigger: Trigger(r.Trigger), CreatedAt: r.CreatedAt.Time(), Total: p.Summary.Total,
			Removals: p.Summary.Removals, Blocked: r.Blocked || r.Hard}
		if why := heldBack(p); why != nil {
			pp.Why = *why
		}
		out = append(out, pp)
	}
	return out, nil
}

// DiscardPreview stops a pending preview (and the older unattended previews
// of its corp and direction) from waiting for the admin. The plan stays in
// the history and can still be opened; only a preview can be discarded.
func (s *Service) DiscardPreview(ctx context.Context, planID int64, actor string) error {
	if strings.TrimSpace(actor) == "" {
		return fmt.Errorf("discard sync plan %d: say who discards it", planID)
	}
	plan, err := s.GetPlan(ctx, planID)
	if err != nil {
		return err
	}
	if plan.Status != PlanPreview {
		return usererr.New("sync_discard_not_preview", usererr.Args{"plan": planID, "status": plan.Status})
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE sync_plans SET discarded_at = ?, discarded_by = ?
		WHERE corp_id = ? AND direction = ? AND id <= ? AND trigger <> 'manual' AND status = 'preview' AND discarded_at = 0`,
		store.TimeOf(s.now()), actor, plan.CorpID, plan.Direction, planID); err != nil {
		return fmt.Errorf("discard sync plan %d: %w", planID, err)
	}
	s.emitPending(plan.CorpID)
	return nil
}

func (s *Service) emitPending(corpID int64) {
	s.em.Emit(PendingEvent, map[string]any{"corpId": corpID})
}
