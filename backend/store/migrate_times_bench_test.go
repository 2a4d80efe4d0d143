package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"wecom-bridge/backend/bench"
)

// TestBenchTimesMigration measures how long the start after an upgrade takes
// on a large version-23 database: the backup before migrating and 0024's
// rebuild of every table with text times.
func TestBenchTimesMigration(t *testing.T) {
	bench.Require(t)
	ctx := context.Background()
	dir := t.TempDir()
	old, err := openWith(ctx, dir, migrationsUpTo(t, lastText))
	if err != nil {
		t.Fatal(err)
	}
	const ops, accounts, audit = 300_000, 100_000, 100_000
	n := func(max int) string {
		return fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) `, max)
	}
	for _, q := range []string{
		`INSERT INTO corps(id, corp_key, name, corp_id) VALUES (1, 'k', '星河', 'ww1')`,
		`INSERT INTO sync_plans(id, corp_id, direction, status, fingerprint, options, trigger, created_at) VALUES (1, 1, 'to-wecom', 'applied', 'f', '{}', 'manual', '2026-12-07T05:49:01.234Z')`,
		n(ops) + `INSERT INTO sync_ops(id, plan_id, seq, type, phase, target, reason, state, started_at, finished_at)
			SELECT 16777216 + i, 1, i, 'create_user', 0, 'u' || i, 'r', 'done', '2026-12-07T05:49:01.234Z', '2026-12-07T05:49:02.345Z' FROM n`,
		n(accounts) + `INSERT INTO dir_accounts(id, account, name, created_at, updated_at)
			SELECT i, 'a' || i, '张' || i, '2026-12-07T05:49:01.234Z', '2026-12-07T05:49:01.234Z' FROM n`,
		n(audit) + `INSERT INTO bind_audit(corp_id, at, actor, action) SELECT 1, '2026-12-07T05:49:01.234Z', 'admin', 'confirm' FROM n`,
	} {
		if _, err := old.DB.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	size := old.SizeBytes()
	old.Close()
	start := time.Now()
	s, err := Open(ctx, dir)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bench.Report(bench.Figure{Name: "times_migration_s", Value: took.Seconds(), Unit: "s",
		Note: fmt.Sprintf("open after upgrade (backup + 0024) of a %.0f MB database: %d sync ops, %d accounts, %d binding audit rows; load %s",
			float64(size)/(1<<20), ops, accounts, audit, bench.LoadAverage())})
}
