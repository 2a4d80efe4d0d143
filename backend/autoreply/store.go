package autoreply

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// MaxDelete bounds one batch delete.
const MaxDelete = 500

const ruleColumns = `r.id, r.app_ref, a.corp_ref, a.agent_id, a.name AS app_name, r.name, r.action, r.match,
	r.keyword, r.reply, r.priority, r.enabled, r.created_at, r.updated_at`

type ruleRow struct {
	ID        int64      `db:"id"`
	AppRef    int64      `db:"app_ref"`
	CorpRef   int64      `db:"corp_ref"`
	AgentID   int64      `db:"agent_id"`
	AppName   string     `db:"app_name"`
	Name      string     `db:"name"`
	Action    string     `db:"action"`
	Match     string     `db:"match"`
	Keyword   string     `db:"keyword"`
	Reply     string     `db:"reply"`
	Priority  int        `db:"priority"`
	Enabled   bool       `db:"enabled"`
	CreatedAt store.Time `db:"created_at"`
	UpdatedAt store.Time `db:"updated_at"`
}

func (r ruleRow) rule() Rule {
	return Rule{ID: r.ID, AppRef: r.AppRef, CorpRef: r.CorpRef, AgentID: r.AgentID, AppName: r.AppName, Name: r.Name,
		Action: r.Action, Match: r.Match, Keyword: r.Keyword, Reply: r.Reply, Priority: r.Priority, Enabled: r.Enabled,
		CreatedAt: r.CreatedAt.String(), UpdatedAt: r.UpdatedAt.String()}
}

// appOf returns the app's corp, or autoreply_app_not_found.
func (s *Service) appOf(ctx context.Context, appRef int64) (corpRef int64, err error) {
	err = s.db.GetContext(ctx, &corpRef, `SELECT corp_ref FROM apps WHERE id = ?`, appRef)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, usererr.Wrap(store.ErrNotFound, "autoreply_app_not_found", usererr.Args{"id": appRef})
	}
	return corpRef, err
}

// AppRef finds the app of corp corpRef with agentID (for the receiver and
// the CLI); corpName only names the corp in the error.
func (s *Service) AppRef(ctx context.Context, corpRef, agentID int64, corpName string) (int64, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT id FROM apps WHERE corp_ref = ? AND agent_id = ?`, corpRef, agentID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, usererr.Wrap(store.ErrNotFound, "autoreply_agent_not_found", usererr.Args{"corp": corpName, "agent": agentID})
	}
	return id, err
}

// List returns the rules matching f, by app, priority and id.
func (s *Service) List(ctx context.Context, f Filter) ([]Rule, error) {
	where, args := []string{"a.corp_ref = ?"}, []any{f.CorpRef}
	if f.AppRef != 0 {
		where, args = append(where, "r.app_ref = ?"), append(args, f.AppRef)
	}
	if q := strings.TrimSpace(f.Search); q != "" {
		if len([]rune(q)) > 100 {
			q = string([]rune(q)[:100])
		}
		like := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(q) + "%"
		where = append(where, `(r.name LIKE ? ESCAPE '\' OR r.keyword LIKE ? ESCAPE '\' OR r.reply LIKE ? ESCAPE '\')`)
		args = append(args, like, like, like)
	}
	switch f.State {
	case "enabled":
		where = append(where, "r.enabled = 1")
	case "disabled":
		where = append(where, "r.enabled = 0")
	}
	var rows []ruleRow
	err := s.db.SelectContext(ctx, &rows, `SELECT `+ruleColumns+` FROM autoreply_rules r JOIN apps a ON a.id = r.app_ref
		WHERE `+strings.Join(where, " AND ")+` ORDER BY a.agent_id, r.priority, r.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list auto-reply rules: %w", err)
	}
	out := make([]Rule, len(rows))
	for i, r := range rows {
		out[i] = r.rule()
	}
	return out, nil
}

// Get returns one rule.
func (s *Service) Get(ctx context.Context, id int64) (Rule, error) {
	var r ruleRow
	err := s.db.GetContext(ctx, &r, `SELECT `+ruleColumns+` FROM autoreply_rules r JOIN apps a ON a.id = r.app_ref WHERE r.id = ?`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Rule{}, usererr.Wrap(store.ErrNotFound, "autoreply_rule_not_found", usererr.Args{"id": id})
	}
	return r.rule(), err
}

// Save validates and creates (ID 0) or updates a rule.
func (s *Service) Save(ctx context.Context, in RuleInput) (Rule, error) {
	if err := Validate(&in); err != nil {
		return Rule{}, err
	}
	if _, err := s.appOf(ctx, in.AppRef); err != nil {
		return Rule{}, err
	}
	now := store.TimeOf(s.now())
	if in.ID == 0 {
		var n int
		if err := s.db.GetContext(ctx, &n, `SELECT count(*) FROM autoreply_rules WHERE app_ref = ?`, in.AppRef); err != nil {
			return Rule{}, err
		}
		if n >= MaxRulesPerApp {
			return Rule{}, usererr.New("autoreply_too_many", usererr.Args{"max": MaxRulesPerApp})
		}
		res, err := s.db.ExecContext(ctx, `INSERT INTO autoreply_rules(app_ref, name, action, match, keyword, reply, priority, enabled, created_at, updated_at)
			VALUES (?,?,?,?,?,?,?,?,?,?)`, in.AppRef, in.Name, in.Action, in.Match, in.Keyword, in.Reply, in.Priority, in.Enabled, now, now)
		if err != nil {
			return Rule{}, fmt.Errorf("save auto-reply rule: %w", err)
		}
		in.ID, _ = res.LastInsertId()
	} else {
		res, err := s.db.ExecContext(ctx, `UPDATE autoreply_rules SET app_ref = ?, name = ?, action = ?, match = ?, keyword = ?, reply = ?,
			priority = ?, enabled = ?, updated_at = ? WHERE id = ?`,
			in.AppRef, in.Name, in.Action, in.Match, in.Keyword, in.Reply, in.Priority, in.Enabled, now, in.ID)
		if err != nil {
			return Rule{}, fmt.Errorf("save auto-reply rule %d: %w", in.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return Rule{}, usererr.Wrap(store.ErrNotFound, "autoreply_rule_not_found", usererr.Args{"id": in.ID})
		}
	}
	return s.Get(ctx, in.ID)
}

// SetEnabled turns one rule on or off.
func (s *Service) SetEnabled(ctx context.Context, id int64, enabled bool) (Rule, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE autoreply_rules SET enabled = ?, updated_at = ? WHERE id = ?`,
		enabled, store.TimeOf(s.now()), id)
	if err != nil {
		return Rule{}, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Rule{}, usererr.Wrap(store.ErrNotFound, "autoreply_rule_not_found", usererr.Args{"id": id})
	}
	return s.Get(ctx, id)
}

// Delete removes the rules with ids (batch delete) and returns how many went.
func (s *Service) Delete(ctx context.Context, ids []int64) (int, error) {
	switch {
	case len(ids) == 0:
		return 0, usererr.New("autoreply_delete_none", nil)
	case len(ids) > MaxDelete:
		return 0, usererr.New("autoreply_delete_many", usererr.Args{"max": MaxDelete})
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM autoreply_rules WHERE id IN (`+marks+`)`, args...)
	if err != nil {
		return 0, fmt.Errorf("delete auto-reply rules: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// Switches lists the corp's apps with their 是否开启应用回调 switch and rule counts.
func (s *Service) Switches(ctx context.Context, corpRef int64) ([]AppSwitch, error) {
	out := []AppSwitch{}
	err := s.db.SelectContext(ctx, &out, `SELECT a.id AS app_ref, a.corp_ref, a.agent_id, a.name,
		COALESCE(sw.enabled, 0) AS enabled,
		(SELECT count(*) FROM autoreply_rules r WHERE r.app_ref = a.id) AS rules,
		(SELECT count(*) FROM autoreply_rules r WHERE r.app_ref = a.id AND r.enabled = 1) AS active,
		(a.callback_token_enc <> '' AND a.callback_aes_key_enc <> '') AS callback_ready
		FROM apps a LEFT JOIN autoreply_apps sw ON sw.app_ref = a.id WHERE a.corp_ref = ? ORDER BY a.agent_id`, corpRef)
	return out, err
}

// SetSwitch turns an app's 是否开启应用回调 on or off.
func (s *Service) SetSwitch(ctx context.Context, appRef int64, enabled bool) error {
	if _, err := s.appOf(ctx, appRef); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO autoreply_apps(app_ref, enabled, updated_at) VALUES (?,?,?)
		ON CONFLICT(app_ref) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at`,
		appRef, enabled, store.TimeOf(s.now()))
	return err
}

func (s *Service) switchOn(ctx context.Context, appRef int64) (bool, error) {
	var on bool
	err := s.db.GetContext(ctx, &on, `SELECT enabled FROM autoreply_apps WHERE app_ref = ?`, appRef)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return on, err
}
