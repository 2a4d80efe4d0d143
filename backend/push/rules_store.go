package push

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"wecom-bridge/backend/usererr"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
)

// CreateRule validates and saves a new rule with its targets.
func (s *Service) CreateRule(ctx context.Context, r Rule) (Rule, error) {
	r.ID = 0
	return s.saveRule(ctx, r)
}

// UpdateRule validates and saves r (matched by r.ID), replacing its targets.
func (s *Service) UpdateRule(ctx context.Context, r Rule) (Rule, error) {
	if r.ID <= 0 {
		return Rule{}, invalid("invalid_rule", "id", "give the id of the rule to update")
	}
	return s.saveRule(ctx, r)
}

func (s *Service) saveRule(ctx context.Context, r Rule) (Rule, error) {
	if err := s.validateRule(ctx, &r); err != nil {
		return Rule{}, err
	}
	now := ms(s.now())
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return Rule{}, err
	}
	defer done()
	if r.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO push_rules(name, source, enabled, created_at, updated_at) VALUES(?,?,?,?,?)`,
			r.Name, r.Source, r.Enabled, now, now)
		if err != nil {
			return Rule{}, fmt.Errorf("save rule: %w", err)
		}
		r.ID, _ = res.LastInsertId()
	} else {
		res, err := tx.ExecContext(ctx, `UPDATE push_rules SET name = ?, source = ?, enabled = ?, note = '', updated_at = ? WHERE id = ?`,
			r.Name, r.Source, r.Enabled, now, r.ID)
		if err != nil {
			return Rule{}, fmt.Errorf("save rule %d: %w", r.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return Rule{}, fmt.Errorf("rule %d: %w (it was deleted; reload the list)", r.ID, store.ErrNotFound)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM push_targets WHERE rule_id = ?`, r.ID); err != nil {
			return Rule{}, err
		}
	}
	for i, t := range r.Targets {
		_, err := tx.ExecContext(ctx, `INSERT INTO push_targets(rule_id, position, corp_id, agent_id, msgtype,
			title_tpl, content_tpl, url_tpl, button_tpl, image_tpl) VALUES(?,?,?,?,?,?,?,?,?,?)`,
			r.ID, i, t.CorpID, t.AgentID, t.MsgType, t.Title, t.Content, t.URL, t.Button, t.Image)
		if err != nil {
			if strings.Contains(err.Error(), "FOREIGN KEY") {
				return Rule{}, invalid("invalid_rule", fmt.Sprintf("targets[%d].agent_id", i), "corp %d has no app with AgentId %d (was it deleted?); choose a corp and app from 接入配置", t.CorpID, t.AgentID)
			}
			return Rule{}, fmt.Errorf("save rule targets: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return Rule{}, err
	}
	s.ruleCache.invalidate()
	return s.GetRule(ctx, r.ID)
}

// SetRuleEnabled enables or disables rule id.
func (s *Service) SetRuleEnabled(ctx context.Context, id int64, enabled bool) error {
	res, err := s.writeExec(ctx, `UPDATE push_rules SET enabled = ?, note = '', updated_at = ? WHERE id = ?`, enabled, ms(s.now()), id)
	if err != nil {
		return err
	}
	s.ruleCache.invalidate()
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("rule %d: %w", id, store.ErrNotFound)
	}
	return nil
}

// DeleteRule deletes rule id and its targets. Its log rows stay.
func (s *Service) DeleteRule(ctx context.Context, id int64) error {
	res, err := s.writeExec(ctx, `DELETE FROM push_rules WHERE id = ?`, id)
	if err != nil {
		return err
	}
	s.ruleCache.invalidate()
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("rule %d: %w (list the rules to see their ids)", id, store.ErrNotFound)
	}
	return nil
}

// GetRule returns rule id with its targets.
func (s *Service) GetRule(ctx context.Context, id int64) (Rule, error) {
	rules, err := s.loadRules(ctx, s.st.DB, `WHERE id = ?`, id)
	if err != nil {
		return Rule{}, err
	}
	if len(rules) == 0 {
		return Rule{}, fmt.Errorf("rule %d: %w", id, store.ErrNotFound)
	}
	return rules[0], nil
}

// ListRules returns every rule, in creation order.
func (s *Service) ListRules(ctx context.Context) ([]Rule, error) {
	return s.loadRules(ctx, s.st.DB, `ORDER BY id`)
}

// rulesFor returns the enabled rules for source: those naming it and those for all sources.
func (s *Service) rulesFor(ctx context.Context, source string) ([]Rule, error) {
	all, err := s.enabledRules(ctx)
	if err != nil {
		return nil, err
	}
	var out []Rule
	for _, r := range all {
		if r.Source == source || r.Source == AllSources {
			out = append(out, r)
		}
	}
	return out, nil
}

func (s *Service) loadRules(ctx context.Context, q sqlx.QueryerContext, where string, args ...any) ([]Rule, error) {
	var rows []struct {
		ID      int64  `db:"id"`
		Name    string `db:"name"`
		Source  string `db:"source"`
		Enabled bool   `db:"enabled"`
		Note    string `db:"note"`
		Created int64  `db:"created_at"`
		Updated int64  `db:"updated_at"`
	}
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT id, name, source, enabled, note, created_at, updated_at FROM push_rules `+where, args...); err != nil {
		return nil, err
	}
	out := make([]Rule, len(rows))
	for i, r := range rows {
		out[i] = Rule{ID: r.ID, Name: r.Name, Source: r.Source, Enabled: r.Enabled, Note: usererr.FromStored(r.Note).Ptr(),
			CreatedAt: fromMS(r.Created), UpdatedAt: fromMS(r.Updated)}
		var ts []struct {
			ID      int64  `db:"id"`
			CorpID  int64  `db:"corp_id"`
			AgentID int64  `db:"agent_id"`
			MsgType string `db:"msgtype"`
			Title   string `db:"title_tpl"`
			Content string `db:"content_tpl"`
			URL     string `db:"url_tpl"`
			Button  string `db:"button_tpl"`
			Image   string `db:"image_tpl"`
		}
		if err := sqlx.SelectContext(ctx, q, &ts, `SELECT id, corp_id, agent_id, msgtype, title_tpl, content_tpl, url_tpl, button_tpl, image_tpl
			FROM push_targets WHERE rule_id = ? ORDER BY position`, r.ID); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		for _, t := range ts {
			out[i].Targets = append(out[i].Targets, Target{ID: t.ID, CorpID: t.CorpID, AgentID: t.AgentID, MsgType: t.MsgType,
				Title: t.Title, Content: t.Content, URL: t.URL, Button: t.Button, Image: t.Image})
		}
	}
	return out, nil
}
