package syncer

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
)

// links returns the department links applies recorded: local id → WeCom id.
func (s *Service) links(ctx context.Context, corpID int64) (map[int64]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT local_id, wecom_id FROM sync_dept_links WHERE corp_id = ?`, corpID)
	if err != nil {
		return nil, fmt.Errorf("read department links: %w", err)
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var l, w int64
		if err := rows.Scan(&l, &w); err != nil {
			return nil, err
		}
		out[l] = w
	}
	return out, rows.Err()
}

// setLink records that local department l is WeCom department w, replacing
// any link either had.
func setLink(ctx context.Context, x sqlx.ExecerContext, corpID, l, w int64, now time.Time) error {
	if l == 0 || w == 0 {
		return nil
	}
	if _, err := x.ExecContext(ctx, `DELETE FROM sync_dept_links WHERE corp_id = ? AND (local_id = ? OR wecom_id = ?)`, corpID, l, w); err != nil {
		return fmt.Errorf("record department link %d↔%d: %w", l, w, err)
	}
	_, err := x.ExecContext(ctx, `INSERT INTO sync_dept_links(corp_id, local_id, wecom_id, updated_at) VALUES (?,?,?,?)`, corpID, l, w, store.TimeOf(now))
	if err != nil {
		return fmt.Errorf("record department link %d↔%d: %w", l, w, err)
	}
	return nil
}

func dropLinkWeCom(ctx context.Context, x sqlx.ExecerContext, corpID, w int64) error {
	_, err := x.ExecContext(ctx, `DELETE FROM sync_dept_links WHERE corp_id = ? AND wecom_id = ?`, corpID, w)
	return err
}

// disabledAt returns when this sync disabled each member it disabled (lower-cased userid).
func (s *Service) disabledAt(ctx context.Context, corpID int64) (map[string]time.Time, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT userid, disabled_at FROM sync_disabled_users WHERE corp_id = ?`, corpID)
	if err != nil {
		return nil, fmt.Errorf("read disabled members: %w", err)
	}
	defer rows.Close()
	out := map[string]time.Time{}
	for rows.Next() {
		var uid string
		var at store.Time
		if err := rows.Scan(&uid, &at); err != nil {
			return nil, err
		}
		out[lower(uid)] = at.Time()
	}
	return out, rows.Err()
}

// markDisabled starts the "delete N days after disable" clock of a member;
// a member already on it keeps its first date.
func markDisabled(ctx context.Context, x sqlx.ExecerContext, corpID int64, userid string, at time.Time, planID int64) error {
	_, err := x.ExecContext(ctx, `INSERT INTO sync_disabled_users(corp_id, userid, disabled_at, plan_id) VALUES (?,?,?,?)
		ON CONFLICT(corp_id, userid) DO NOTHING`, corpID, userid, store.TimeOf(at), planID)
	return err
}

func clearDisabled(ctx context.Context, x sqlx.ExecerContext, corpID int64, userid string) error {
	_, err := x.ExecContext(ctx, `DELETE FROM sync_disabled_users WHERE corp_id = ? AND userid = ?`, corpID, userid)
	return err
}

// LastRunUserCount is the number of active users the target had after the
// corp's last successful run in direction d (0 when there was none): pass
// it as Inputs.LastRunUserCount for the drop check.
func (s *Service) LastRunUserCount(ctx context.Context, corpID int64, d Direction) (int, error) {
	var n int
	err := s.db.GetContext(ctx, &n, `SELECT COALESCE((SELECT json_extract(p.summary, '$.usersAfter') FROM sync_runs r
		JOIN sync_plans p ON p.id = r.plan_id WHERE r.corp_id = ? AND r.direction = ? AND r.status = 'done'
		ORDER BY r.id DESC LIMIT 1), 0)`, corpID, d)
	return n, err
}
