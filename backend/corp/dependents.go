package corp

import (
	"context"
	"fmt"
	"strings"
	"sync"
)

// DependentsFunc counts what another feature keeps for a corp (or an app),
// e.g. ("绑定 / bindings", 120). Features register one as they land. Their
// tables should reference corps(id) / apps(id) ON DELETE CASCADE: deleting,
// once confirmed, takes those rows along.
type DependentsFunc func(ctx context.Context, id int64) (label string, n int, err error)

var (
	depMu       sync.RWMutex
	corpDepFns  []DependentsFunc
	appDepFuncs []DependentsFunc
)

// RegisterDependents adds a counter consulted before deleting a corp.
func RegisterDependents(fn DependentsFunc) {
	depMu.Lock()
	defer depMu.Unlock()
	corpDepFns = append(corpDepFns, fn)
}

// RegisterAppDependents adds a counter consulted before deleting an app (by apps.id).
func RegisterAppDependents(fn DependentsFunc) {
	depMu.Lock()
	defer depMu.Unlock()
	appDepFuncs = append(appDepFuncs, fn)
}

// countDependents runs the registered counters (a snapshot of *registry)
// and keeps the non-zero counts, after the built-in ones.
func countDependents(ctx context.Context, registry *[]DependentsFunc, id int64, builtin ...Dependent) ([]Dependent, error) {
	depMu.RLock()
	fns := append([]DependentsFunc(nil), *registry...)
	depMu.RUnlock()
	items := []Dependent{}
	for _, d := range builtin {
		if d.Count > 0 {
			items = append(items, d)
		}
	}
	for _, fn := range fns {
		label, n, err := fn(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("count what depends on %d (%s): %w", id, label, err)
		}
		if n > 0 {
			items = append(items, Dependent{Label: label, Count: n})
		}
	}
	return items, nil
}

func describe(items []Dependent) string {
	parts := make([]string, len(items))
	for i, d := range items {
		parts[i] = fmt.Sprintf("%s × %d", d.Label, d.Count)
	}
	return strings.Join(parts, "、")
}

// DeleteCorp deletes corp id. When something depends on it (apps, bindings,
// plans, push rules…) and confirm is false, nothing is deleted and the
// answer lists what would go with it, for the admin to confirm.
func (s *Service) DeleteCorp(ctx context.Context, id int64, confirm bool) (Dependents, error) {
	r, err := getCorpRow(ctx, s.st.DB, id)
	if err != nil {
		return Dependents{}, err
	}
	var apps int
	if err := s.st.DB.GetContext(ctx, &apps, `SELECT COUNT(*) FROM apps WHERE corp_ref = ?`, id); err != nil {
		return Dependents{}, err
	}
	items, err := countDependents(ctx, &corpDepFns, id, Dependent{Label: "自建应用 / apps", Count: apps})
	if err != nil {
		return Dependents{}, err
	}
	d := Dependents{Name: r.Name, Items: items}
	if len(items) > 0 && !confirm {
		d.NeedsConfirm = true
		d.Message = fmt.Sprintf("企业“%s”仍被使用：%s。确认后将一并删除。 / Corp %q is in use (%s); confirm to delete it together with these.",
			r.Name, describe(items), r.Name, describe(items))
		return d, nil
	}
	tx, err := s.st.DB.BeginTxx(ctx, nil)
	if err != nil {
		return d, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM corps WHERE id = ?`, id); err != nil {
		return d, fmt.Errorf("delete corp %q: %w (a feature's table may lack ON DELETE CASCADE)", r.Name, err)
	}
	if r.Active { // keep one corp active while any exists
		if _, err := tx.ExecContext(ctx, `UPDATE corps SET active = 1 WHERE id = (SELECT MIN(id) FROM corps)`); err != nil {
			return d, err
		}
	}
	if err := tx.Commit(); err != nil {
		return d, err
	}
	s.forgetClient(id)
	if r.Demo {
		s.stopDemo()
	}
	d.Deleted = true
	d.Message = fmt.Sprintf("已删除企业“%s”。 / Deleted corp %q.", r.Name, r.Name)
	return d, nil
}

// DeleteApp deletes app id, asking for confirmation the same way when other
// features (e.g. push rules) use it.
func (s *Service) DeleteApp(ctx context.Context, id int64, confirm bool) (Dependents, error) {
	r, err := getAppRow(ctx, s.st.DB, id)
	if err != nil {
		return Dependents{}, err
	}
	items, err := countDependents(ctx, &appDepFuncs, id)
	if err != nil {
		return Dependents{}, err
	}
	d := Dependents{Name: r.Name, Items: items}
	if len(items) > 0 && !confirm {
		d.NeedsConfirm = true
		d.Message = fmt.Sprintf("应用“%s”仍被使用：%s。确认后将一并删除。 / App %q is in use (%s); confirm to delete it together with these.",
			r.Name, describe(items), r.Name, describe(items))
		return d, nil
	}
	if _, err := s.st.DB.ExecContext(ctx, `DELETE FROM apps WHERE id = ?`, id); err != nil {
		return d, fmt.Errorf("delete app %q: %w", r.Name, err)
	}
	s.forgetClient(r.CorpRef)
	d.Deleted = true
	d.Message = fmt.Sprintf("已删除应用“%s”。 / Deleted app %q.", r.Name, r.Name)
	return d, nil
}
