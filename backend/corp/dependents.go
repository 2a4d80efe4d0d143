package corp

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"wecom-bridge/backend/usererr"
)

// Counter counts one kind of thing another feature keeps for a corp (or an
// app, by apps.id). The composition root (backend/services) registers every
// feature's counters when it builds the services, so the list the admin sees
// before a delete is the list production runs. Key names the kind for the UI
// and its catalogue label, dependent_<key> with the count {n}.
// The features' tables reference corps(id) / apps ON DELETE CASCADE:
// deleting, once confirmed, takes those rows along.
type Counter struct {
	Key   string
	Count func(ctx context.Context, id int64) (int, error)
}

// label says n things of kind key (catalogue dependent_<key>).
func label(key string, n int) usererr.Message {
	if code := "dependent_" + key; usererr.Known(code) {
		return usererr.Msg(code, usererr.Args{"n": n})
	}
	return usererr.Msg("dependent_other", usererr.Args{"key": key, "n": n})
}

// dependents is the registry of counters, per kind of owner.
type dependents struct {
	mu        sync.RWMutex
	corp      []Counter
	app       []Counter
	appDelete []func(ctx context.Context, appID int64) error
	corpGone  []func(ctx context.Context, corpID int64)
}

// RegisterCorpDeletedHooks adds what runs once a corp's row is gone (push
// drops its cached rules and API keys, which named the corp).
func (s *Service) RegisterCorpDeletedHooks(hooks ...func(ctx context.Context, corpID int64)) {
	s.deps.mu.Lock()
	defer s.deps.mu.Unlock()
	s.deps.corpGone = append(s.deps.corpGone, hooks...)
}

// RegisterAppDeleteHooks adds what runs once an app's delete is confirmed,
// before the row goes (push disables the rules that send as it, with a note).
func (s *Service) RegisterAppDeleteHooks(hooks ...func(ctx context.Context, appID int64) error) {
	s.deps.mu.Lock()
	defer s.deps.mu.Unlock()
	s.deps.appDelete = append(s.deps.appDelete, hooks...)
}

// RegisterCorpDependents adds counters consulted before deleting a corp.
func (s *Service) RegisterCorpDependents(cs ...Counter) {
	s.deps.mu.Lock()
	defer s.deps.mu.Unlock()
	s.deps.corp = append(s.deps.corp, cs...)
}

// RegisterAppDependents adds counters consulted before deleting an app (by apps.id).
func (s *Service) RegisterAppDependents(cs ...Counter) {
	s.deps.mu.Lock()
	defer s.deps.mu.Unlock()
	s.deps.app = append(s.deps.app, cs...)
}

// DependentKeys lists the registered kinds (corp, app), for the wiring test.
func (s *Service) DependentKeys() (corpKeys, appKeys []string) {
	s.deps.mu.RLock()
	defer s.deps.mu.RUnlock()
	keys := func(cs []Counter) []string {
		out := make([]string, len(cs))
		for i, c := range cs {
			out[i] = c.Key
		}
		return out
	}
	return keys(s.deps.corp), keys(s.deps.app)
}

// countDependents runs the counters and keeps the non-zero counts.
func countDependents(ctx context.Context, counters []Counter, id int64) ([]Dependent, error) {
	items := []Dependent{}
	for _, c := range counters {
		n, err := c.Count(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("count the %s that depend on %d: %w", c.Key, id, err)
		}
		if n > 0 {
			items = append(items, Dependent{Key: c.Key, Count: n, Label: label(c.Key, n)})
		}
	}
	return items, nil
}

func (s *Service) counters(app bool) []Counter {
	s.deps.mu.RLock()
	defer s.deps.mu.RUnlock()
	if app {
		return append([]Counter(nil), s.deps.app...)
	}
	return append([]Counter{s.appsCounter()}, s.deps.corp...)
}

// appsCounter is the corp's own dependent: its self-built apps.
func (s *Service) appsCounter() Counter {
	return Counter{Key: "apps", Count: func(ctx context.Context, id int64) (int, error) {
		var n int
		err := s.st.DB.GetContext(ctx, &n, `SELECT COUNT(*) FROM apps WHERE corp_ref = ?`, id)
		return n, err
	}}
}

// describe lists items in both languages ("推送规则 2 条、…" / "2 push rules, …").
func describe(items []Dependent) (zh, en string) {
	zhs, ens := make([]string, len(items)), make([]string, len(items))
	for i, d := range items {
		zhs[i], ens[i] = d.Label.ZH, d.Label.EN
	}
	return strings.Join(zhs, "、"), strings.Join(ens, ", ")
}

// confirmed says whether the admin typed the name of what is deleted.
func confirmed(typed, name string) bool {
	return strings.TrimSpace(typed) != "" && strings.TrimSpace(typed) == strings.TrimSpace(name)
}

// DeleteCorp deletes corp id once typedName is its name. Otherwise nothing is
// deleted and the answer lists everything that would go with it (apps,
// members pulled, bindings, plans, schedules, push rules…), for the admin to
// confirm by typing the name.
func (s *Service) DeleteCorp(ctx context.Context, id int64, typedName string) (Dependents, error) {
	r, err := getCorpRow(ctx, s.st.DB, id)
	if err != nil {
		return Dependents{}, err
	}
	items, err := countDependents(ctx, s.counters(false), id)
	if err != nil {
		return Dependents{}, err
	}
	d := Dependents{Name: r.Name, Items: items}
	if !confirmed(typedName, r.Name) {
		d.NeedsConfirm = true
		d.Message = needsConfirmMessage("corp", r.Name, items)
		return d, nil
	}
	if err := s.removeCorp(ctx, r); err != nil {
		return d, err
	}
	d.Deleted = true
	d.Message = usererr.Msg("deleted_corp", usererr.Args{"name": r.Name})
	return d, nil
}

// deleteCorpNow deletes corp id without asking (the demo corp, which the
// product made and removes on its own).
func (s *Service) deleteCorpNow(ctx context.Context, id int64) error {
	r, err := getCorpRow(ctx, s.st.DB, id)
	if err != nil {
		return err
	}
	return s.removeCorp(ctx, r)
}

// removeCorp deletes the corp row (its dependents cascade) and keeps one
// corp active while any exists.
func (s *Service) removeCorp(ctx context.Context, r *corpRow) error {
	tx, err := s.st.DB.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM corps WHERE id = ?`, r.ID); err != nil {
		return fmt.Errorf("delete corp %q: %w (a feature's table may lack ON DELETE CASCADE)", r.Name, err)
	}
	if r.Active {
		if _, err := tx.ExecContext(ctx, `UPDATE corps SET active = 1 WHERE id = (SELECT MIN(id) FROM corps)`); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.forgetClient(r.ID)
	s.deps.mu.RLock()
	gone := slices.Clone(s.deps.corpGone)
	s.deps.mu.RUnlock()
	for _, h := range gone {
		h(ctx, r.ID)
	}
	if r.Demo {
		s.stopDemo()
	}
	return nil
}

// needsConfirmMessage asks for the typed name of a corp or an app (kind),
// listing what goes with it.
func needsConfirmMessage(kind, name string, items []Dependent) usererr.Message {
	if len(items) == 0 {
		return usererr.Msg("delete_confirm_"+kind, usererr.Args{"name": name})
	}
	zh, en := describe(items)
	return usererr.Msg("delete_in_use_"+kind, usererr.Args{"name": name, "items": zh, "itemsEn": en})
}

// DeleteApp deletes app id once typedName is its name, listing first what
// uses it (push rules whose targets send as it; those targets go with it).
func (s *Service) DeleteApp(ctx context.Context, id int64, typedName string) (Dependents, error) {
	r, err := getAppRow(ctx, s.st.DB, id)
	if err != nil {
		return Dependents{}, err
	}
	items, err := countDependents(ctx, s.counters(true), id)
	if err != nil {
		return Dependents{}, err
	}
	d := Dependents{Name: r.Name, Items: items}
	if !confirmed(typedName, r.Name) {
		d.NeedsConfirm = true
		d.Message = needsConfirmMessage("app", r.Name, items)
		return d, nil
	}
	s.deps.mu.RLock()
	hooks := append([]func(context.Context, int64) error(nil), s.deps.appDelete...)
	s.deps.mu.RUnlock()
	for _, h := range hooks {
		if err := h(ctx, id); err != nil {
			return d, fmt.Errorf("before deleting app %q: %w", r.Name, err)
		}
	}
	if _, err := s.st.DB.ExecContext(ctx, `DELETE FROM apps WHERE id = ?`, id); err != nil {
		return d, fmt.Errorf("delete app %q: %w", r.Name, err)
	}
	s.forgetClient(r.CorpRef)
	d.Deleted = true
	d.Message = usererr.Msg("deleted_app", usererr.Args{"name": r.Name})
	return d, nil
}
