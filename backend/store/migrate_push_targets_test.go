package store

import (
	"context"
	"strings"
	"testing"
)

// migrationsUpTo returns the embedded migrations up to version v.
func migrationsUpTo(t *testing.T, v int) []Migration {
	t.Helper()
	all, err := Migrations()
	if err != nil {
		t.Fatal(err)
	}
	var out []Migration
	for _, m := range all {
		if m.Version <= v {
			out = append(out, m)
		}
	}
	return out
}

// upgradeFrom makes a database at version v holding stmts, then opens it
// with every migration, as the next start of a newer binary would.
func upgradeFrom(t *testing.T, v int, stmts ...string) *Store {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	old, err := openWith(ctx, dir, migrationsUpTo(t, v))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range stmts {
		if _, err := old.DB.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	old.Close()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestPushTargetsReferenceApps: on a database made by the migrations before
// 0011, a target whose app was deleted is dropped and its rule disabled; a
// kept target then follows its app (AgentId change, delete).
func TestPushTargetsReferenceApps(t *testing.T) {
	ctx := context.Background()
	s := upgradeFrom(t, 10,
		`INSERT INTO corps(id, corp_key, name, corp_id) VALUES (1, 'k', '星河', 'ww0000000000000001')`,
		`INSERT INTO apps(id, corp_ref, name, agent_id) VALUES (1, 1, 'OA', 1000002)`,
		`INSERT INTO push_rules(id, name, source, enabled, created_at, updated_at) VALUES (1, 'ok', 'oa', 1, 0, 0), (2, 'orphan', 'hr', 1, 0, 0)`,
		`INSERT INTO push_targets(rule_id, position, corp_id, agent_id, msgtype) VALUES (1, 0, 1, 1000002, 'text'), (2, 0, 1, 1000009, 'text')`,
	)
	var enabled []bool
	s.DB.SelectContext(ctx, &enabled, `SELECT enabled FROM push_rules ORDER BY id`)
	if len(enabled) != 2 || !enabled[0] || enabled[1] {
		t.Fatalf("rules enabled = %v, want the orphan's rule disabled", enabled)
	}
	if n, _ := Count(ctx, s.DB, `SELECT COUNT(*) FROM push_targets`); n != 1 {
		t.Fatalf("%d targets, want the orphan dropped", n)
	}
	if _, err := s.DB.ExecContext(ctx, `INSERT INTO push_targets(rule_id, position, corp_id, agent_id, msgtype) VALUES (1, 1, 1, 1000009, 'text')`); err == nil ||
		!strings.Contains(err.Error(), "FOREIGN KEY") {
		t.Fatalf("a target for an app that does not exist was saved: %v", err)
	}
	if _, err := s.DB.ExecContext(ctx, `UPDATE apps SET agent_id = 1000003 WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if n, _ := Count(ctx, s.DB, `SELECT COUNT(*) FROM push_targets WHERE agent_id = 1000003`); n != 1 {
		t.Fatal("the target did not follow its app's new AgentId")
	}
	if _, err := s.DB.ExecContext(ctx, `DELETE FROM apps WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if n, _ := Count(ctx, s.DB, `SELECT COUNT(*) FROM push_targets`); n != 0 {
		t.Fatal("deleting the app left its push target")
	}
}
