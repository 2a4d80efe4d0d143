package syncer

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"wecom-bridge/backend/store"
)

// GetOptions returns the corp's saved settings for direction d, or
// DefaultOptions(d) when none were saved.
func (s *Service) GetOptions(ctx context.Context, corpID int64, d Direction) (Options, error) {
	if _, err := ParseDirection(string(d)); err != nil {
		return Options{}, err
	}
	var raw string
	err := s.db.GetContext(ctx, &raw, `SELECT options FROM sync_options WHERE corp_id = ? AND direction = ?`, corpID, d)
	if errors.Is(err, sql.ErrNoRows) {
		return DefaultOptions(d), nil
	}
	if err != nil {
		return Options{}, fmt.Errorf("read sync options of corp %d: %w", corpID, err)
	}
	// Settings added since they were saved keep their defaults.
	o := DefaultOptions(d)
	o.Fields = nil
	if err := json.Unmarshal([]byte(raw), &o); err != nil {
		return Options{}, fmt.Errorf("sync options of corp %d (%s) are unreadable (%v): save them again", corpID, d, err)
	}
	return o.normalized(d), nil
}

// SetOptions validates and saves the corp's settings for direction d. The
// scheduler picks up schedule changes on its next Reload.
func (s *Service) SetOptions(ctx context.Context, corpID int64, d Direction, o Options) error {
	o = o.normalized(d)
	if err := o.Validate(d); err != nil {
		return fmt.Errorf("sync options: %w", err)
	}
	if err := store.CheckCorp(ctx, s.db, corpID); err != nil {
		return err
	}
	b, _ := json.Marshal(o)
	_, err := s.db.ExecContext(ctx, `INSERT INTO sync_options(corp_id, direction, options, updated_at) VALUES (?,?,?,?)
		ON CONFLICT(corp_id, direction) DO UPDATE SET options = excluded.options, updated_at = excluded.updated_at`,
		corpID, d, string(b), store.TimeOf(s.now()))
	if err != nil {
		return fmt.Errorf("save sync options of corp %d: %w", corpID, err)
	}
	return nil
}
