package store

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
	"time"
)

// timesVersion is the migration that turns the ISO-text times into integer
// milliseconds (0024_times_ms.sql); the database before it is at lastText.
const (
	timesVersion = 24
	lastText     = timesVersion - 1
)

// isoVariant is one way the old code wrote a time, and what it must become.
type isoVariant struct {
	text any   // bound as is: a string, or nil (NULL)
	ms   int64 // expected milliseconds; noTime = "no time"
}

const noTime = -1 // NULL in a nullable column, 0 in a NOT NULL one

func utcMS(y int, mo time.Month, d, h, mi, s, ns int) int64 {
	return time.Date(y, mo, d, h, mi, s, ns, time.UTC).UnixMilli()
}

// variants are the texts found in old databases: strftime's and FormatTime's
// milliseconds, RFC 3339 without and with fractions and zone offsets
// (time.RFC3339Nano from older code), the driver's text for a bound
// time.Time, SQLite's datetime(), "", unreadable text and NULL.
var variants = []isoVariant{
	{"2026-12-07T05:49:01.234Z", utcMS(2026, 12, 7, 5, 49, 1, 234e6)},
	{"2026-12-07T05:49:01Z", utcMS(2026, 12, 7, 5, 49, 1, 0)},
	{"2026-12-07T13:49:01.5+08:00", utcMS(2026, 12, 7, 5, 49, 1, 500e6)},
	{"2026-12-07T05:49:01.123456789Z", utcMS(2026, 12, 7, 5, 49, 1, 123e6)},
	{"2026-12-07 13:49:01.999999+08:00", utcMS(2026, 12, 7, 5, 49, 1, 999e6)},
	{"2025-06-30T23:59:59.999-07:00", utcMS(2025, 7, 1, 6, 59, 59, 999e6)},
	{"2026-01-02 03:04:05", utcMS(2026, 1, 2, 3, 4, 5, 0)},
	{"", noTime},
	{"yesterday", noTime},
	{nil, noTime}, // nullable columns only; NOT NULL ones get the first variant
}

// timeFixture fills one table of the old schema: insert has a row number
// {i} and one ? per time column, in cols order; key finds row {i} again.
type timeFixture struct {
	table  string
	cols   []string
	insert string
	key    string
}

var timeFixtures = []timeFixture{
	{"corps", []string{"created_at", "updated_at"}, `INSERT INTO corps(id, corp_key, name, corp_id, created_at, updated_at) VALUES ({i}, 'k{i}', '星河', 'ww{i}', ?, ?)`, "id = {i}"},
	{"settings", []string{"updated_at"}, `INSERT INTO settings(key, value, updated_at) VALUES ('k{i}', 'v', ?)`, "key = 'k{i}'"},
	{"wecom_tokens", []string{"expires_at"}, `INSERT INTO wecom_tokens(key, token, expires_at) VALUES ('k{i}', 't', ?)`, "key = 'k{i}'"},
	{"apps", []string{"created_at", "updated_at"}, `INSERT INTO apps(id, corp_ref, name, agent_id, created_at, updated_at) VALUES ({i}, 1, 'OA', {i}, ?, ?)`, "id = {i}"},
	{"dir_departments", []string{"created_at", "updated_at"}, `INSERT INTO dir_departments(id, parent_id, name, created_at, updated_at) VALUES ({i}, NULL, 'd{i}', ?, ?)`, "id = {i}"},
	{"dir_accounts", []string{"resigned_at", "created_at", "updated_at"}, `INSERT INTO dir_accounts(id, account, name, resigned_at, created_at, updated_at) VALUES ({i}, 'a{i}', '张三', ?, ?, ?)`, "id = {i}"},
	{"import_previews", []string{"created_at", "applied_at"}, `INSERT INTO import_previews(id, file_name, format, full_snapshot, dir_version, adds, updates, resigns, rejected, resign_count, plan, ops, created_at, applied_at) VALUES ({i}, 'f.csv', 'csv', 0, 0, 0, 0, 0, 0, 0, '{}', '[]', ?, ?)`, "id = {i}"},
	{"dir_audit", []string{"at"}, `INSERT INTO dir_audit(id, at, action) VALUES ({i}, ?, 'x')`, "id = {i}"},
	{"mirror_state", []string{"pulled_at"}, `INSERT INTO mirror_state(corp_id, run_id, pulled_at, departments, users, privacy_restricted) VALUES ({i}, 1, ?, 0, 0, 0)`, "corp_id = {i}"},
	{"pull_runs", []string{"started_at", "finished_at"}, `INSERT INTO pull_runs(id, corp_id, started_at, finished_at, duration_ms, status, trigger) VALUES ({i}, 1, ?, ?, 0, 'ok', 'manual')`, "id = {i}"},
	{"pull_active", []string{"started_at"}, `INSERT INTO pull_active(corp_id, started_at, trigger) VALUES ({i}, ?, 'manual')`, "corp_id = {i}"},
	{"bind_audit", []string{"at"}, `INSERT INTO bind_audit(id, corp_id, at, actor, action) VALUES ({i}, 1, ?, 'admin', 'confirm')`, "id = {i}"},
	{"bind_corp_state", []string{"matched_at"}, `INSERT INTO bind_corp_state(corp_id, matched_at) VALUES ({i}, ?)`, "corp_id = {i}"},
	{"bind_decisions", []string{"decided_at"}, `INSERT INTO bind_decisions(id, corp_id, account, userid, state, method, decided_at) VALUES ({i}, 1, 'a{i}', 'u{i}', 'rejected', 'manual', ?)`, "id = {i}"},
	{"bind_import_previews", []string{"created_at", "applied_at"}, `INSERT INTO bind_import_previews(id, corp_id, key_field, format, version, to_bind, rejected, plan, created_at, applied_at) VALUES ({i}, 1, 'account', 'csv', 0, 0, 0, '{}', ?, ?)`, "id = {i}"},
	{"bind_lookups", []string{"looked_at"}, `INSERT INTO bind_lookups(corp_id, kind, value, looked_at) VALUES (1, 'email', 'v{i}', ?)`, "value = 'v{i}'"},
	{"sync_plans", []string{"created_at", "wecom_read_at", "discarded_at"}, `INSERT INTO sync_plans(id, corp_id, direction, status, fingerprint, options, trigger, created_at, wecom_read_at, discarded_at) VALUES ({i}, 1, 'to-wecom', 'preview', 'f', '{}', 'manual', ?, ?, ?)`, "id = {i}"},
	{"sync_ops", []string{"started_at", "finished_at"}, `INSERT INTO sync_ops(id, plan_id, seq, type, phase, target, reason, started_at, finished_at) VALUES (16777216 + {i}, 1, {i}, 'create_user', 0, 'u', 'r', ?, ?)`, "id = 16777216 + {i}"},
	{"sync_runs", []string{"started_at", "finished_at"}, `INSERT INTO sync_runs(id, plan_id, corp_id, direction, status, trigger, started_at, finished_at) VALUES ({i}, {i}, 1, 'to-wecom', 'done', 'manual', ?, ?)`, "id = {i}"},
	{"sync_options", []string{"updated_at"}, `INSERT INTO sync_options(corp_id, direction, options, updated_at) VALUES ({i}, 'to-wecom', '{}', ?)`, "corp_id = {i}"},
	{"sync_dept_links", []string{"updated_at"}, `INSERT INTO sync_dept_links(corp_id, local_id, wecom_id, updated_at) VALUES (1, {i}, {i}, ?)`, "local_id = {i}"},
	{"sync_disabled_users", []string{"disabled_at"}, `INSERT INTO sync_disabled_users(corp_id, userid, disabled_at) VALUES (1, 'u{i}', ?)`, "userid = 'u{i}'"},
	{"sync_created_users", []string{"created_at"}, `INSERT INTO sync_created_users(corp_id, userid, account, created_at) VALUES (1, 'u{i}', 'a{i}', ?)`, "userid = 'u{i}'"},
	{"autoreply_apps", []string{"updated_at"}, `INSERT INTO autoreply_apps(app_ref, enabled, updated_at) VALUES ({i}, 1, ?)`, "app_ref = {i}"},
	{"autoreply_rules", []string{"created_at", "updated_at"}, `INSERT INTO autoreply_rules(id, app_ref, name, action, match, reply, priority, created_at, updated_at) VALUES ({i}, 1, 'r', 'text', 'exact', '好', 1, ?, ?)`, "id = {i}"},
	{"oidc_clients", []string{"created_at"}, `INSERT INTO oidc_clients(client_id, name, corp_id, agent_id, secret_sealed, redirect_uris, created_at) VALUES ('c{i}', 'n', 1, 1, 's', '[]', ?)`, "client_id = 'c{i}'"},
	{"oidc_keys", []string{"created_at", "retired_at"}, `INSERT INTO oidc_keys(kid, private_pem, created_at, retired_at) VALUES ('k{i}', 'p', ?, ?)`, "kid = 'k{i}'"},
	{"login_signins", []string{"at"}, `INSERT INTO login_signins(id, at, via, result) VALUES ({i}, ?, 'free', 'ok')`, "id = {i}"},
}

func rowNo(s string, i int) string { return strings.ReplaceAll(s, "{i}", fmt.Sprint(i)) }

// variantOf is the variant row i (from 1) gives time column j.
func variantOf(i, j int, nullable bool) isoVariant {
	v := variants[(i+j)%len(variants)]
	if v.text == nil && !nullable {
		return variants[0]
	}
	return v
}

// columnNullable reads whether table.col allows NULL.
func columnNullable(t *testing.T, db *sql.DB, table, col string) bool {
	t.Helper()
	var notNull bool
	if err := db.QueryRow(`SELECT "notnull" FROM pragma_table_info(?) WHERE name = ?`, table, col).Scan(&notNull); err != nil {
		t.Fatalf("%s.%s: %v", table, col, err)
	}
	return !notNull
}

// oldDatabase makes a database at version lastText filled with every
// variant in every text time column, and returns its directory.
func oldDatabase(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	old, err := openWith(ctx, dir, migrationsUpTo(t, lastText))
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	for _, f := range timeFixtures {
		for i := 1; i <= len(variants); i++ {
			args := make([]any, len(f.cols))
			for j, c := range f.cols {
				args[j] = variantOf(i, j, columnNullable(t, old.DB.DB, f.table, c)).text
			}
			if _, err := old.DB.ExecContext(ctx, rowNo(f.insert, i), args...); err != nil {
				t.Fatalf("%s row %d: %v", f.table, i, err)
			}
		}
	}
	// Ids deleted at the top must stay unused after the rebuild.
	if _, err := old.DB.ExecContext(ctx, `UPDATE sqlite_sequence SET seq = seq + 1000`); err != nil {
		t.Fatal(err)
	}
	return dir
}

// schemaShape is what the rebuild must keep: indexes and triggers word for
// word, each table's columns (with the time columns' expected new type and
// default), foreign keys and AUTOINCREMENT counters.
func schemaShape(t *testing.T, db *sql.DB, convert bool) map[string]any {
	t.Helper()
	q := func(query string, args ...any) [][]any {
		rows, err := db.Query(query, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		var out [][]any
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				if b, ok := v.([]byte); ok {
					vals[i] = string(b)
				}
			}
			out = append(out, vals)
		}
		return out
	}
	shape := map[string]any{
		"objects":  q(`SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger', 'view') ORDER BY name`),
		"tables":   q(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`),
		"sequence": q(`SELECT name, seq FROM sqlite_sequence ORDER BY name`),
	}
	timeCols := map[string]bool{}
	for _, f := range timeFixtures {
		for _, c := range f.cols {
			timeCols[f.table+"."+c] = true
		}
	}
	for _, tr := range shape["tables"].([][]any) {
		table := tr[0].(string)
		cols := q(`SELECT cid, name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?)`, table)
		for _, c := range cols {
			if !convert || !timeCols[table+"."+c[1].(string)] {
				continue
			}
			c[2] = "INTEGER"
			switch c[4] {
			case "strftime('%Y-%m-%dT%H:%M:%fZ','now')":
				c[4] = "CAST(round(unixepoch('subsec') * 1000) AS INTEGER)"
			case "''":
				c[4] = "0"
			}
		}
		shape["columns "+table] = cols
		shape["foreign keys "+table] = q(`SELECT * FROM pragma_foreign_key_list(?)`, table)
	}
	return shape
}

// checkConverted compares every converted value with what it must be.
func checkConverted(t *testing.T, s *Store) {
	t.Helper()
	for _, f := range timeFixtures {
		for i := 1; i <= len(variants); i++ {
			for j, c := range f.cols {
				nullable := columnNullable(t, s.DB.DB, f.table, c)
				v := variantOf(i, j, nullable)
				var got sql.NullInt64
				var typ string
				err := s.DB.QueryRow(fmt.Sprintf(`SELECT %s, typeof(%s) FROM %s WHERE %s`, c, c, f.table, rowNo(f.key, i))).Scan(&got, &typ)
				if err != nil {
					t.Fatalf("%s row %d: %v", f.table, i, err)
				}
				want, wantType := v.ms, "integer"
				switch {
				case v.ms == noTime && nullable:
					want, wantType = 0, "null"
				case v.ms == noTime:
					want = 0
				}
				if got.Int64 != want || typ != wantType {
					t.Errorf("%s.%s row %d from %q: got %d (%s), want %d (%s)", f.table, c, i, v.text, got.Int64, typ, want, wantType)
				}
			}
		}
	}
}

// TestTimesMigrationConvertsEveryTextTime runs 0024 on a database the old
// schema made, holding every text form the old code wrote.
func TestTimesMigrationConvertsEveryTextTime(t *testing.T) {
	ctx := context.Background()
	dir := oldDatabase(t)
	old, err := openWith(ctx, dir, migrationsUpTo(t, lastText))
	if err != nil {
		t.Fatal(err)
	}
	before := schemaShape(t, old.DB.DB, true)
	old.Close()

	// Up to the times migration only: later ones change the schema on purpose.
	s, err := openWith(ctx, dir, migrationsUpTo(t, timesVersion))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkConverted(t, s)
	after := schemaShape(t, s.DB.DB, false)
	for k, want := range before {
		if !reflect.DeepEqual(after[k], want) {
			t.Errorf("%s changed:\n got %v\nwant %v", k, after[k], want)
		}
	}
	if len(after) != len(before) {
		t.Errorf("%d schema parts after, %d before", len(after), len(before))
	}

	// No time column is text any more (schema_migrations is the migrator's own log).
	var left []string
	if err := s.DB.Select(&left, `SELECT m.name || '.' || c.name FROM sqlite_schema m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND m.name <> 'schema_migrations' AND (c.name LIKE '%\_at' ESCAPE '\' OR c.name = 'at')
		AND c.type <> 'INTEGER'`); err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		t.Errorf("time columns still not integer milliseconds: %v", left)
	}

	// Foreign keys are on again, hold, and cascade; the trigger still cascades.
	var fkOn int
	s.DB.Get(&fkOn, `PRAGMA foreign_keys`)
	var bad int
	s.DB.Get(&bad, `SELECT COUNT(*) FROM pragma_foreign_key_check`)
	if fkOn != 1 || bad != 0 {
		t.Fatalf("foreign_keys = %d, %d violations", fkOn, bad)
	}
	if _, err := s.DB.Exec(`DELETE FROM sync_plans WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB.Exec(`DELETE FROM corps WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{
		`SELECT COUNT(*) FROM sync_ops`:                        0, // sync_ops_cascade
		`SELECT COUNT(*) FROM apps`:                            0, // corps → apps
		`SELECT COUNT(*) FROM autoreply_rules`:                 0, // → apps → rules
		`SELECT COUNT(*) FROM sync_runs`:                       0, // corps → runs
		`SELECT COUNT(*) FROM bind_lookups`:                    0,
		`SELECT COUNT(*) FROM corps`:                           len(variants) - 1,
		`SELECT COUNT(*) FROM dir_departments`:                 len(variants),
		`SELECT COUNT(*) FROM bind_corp_state`:                 len(variants) - 1,
		`SELECT seq FROM sqlite_sequence WHERE name = 'corps'`: len(variants) + 1000,
	} {
		var n int
		if err := s.DB.Get(&n, q); err != nil || n != want {
			t.Errorf("%s = %d (%v), want %d", q, n, err, want)
		}
	}
	var id int64
	if err := s.DB.Get(&id, `INSERT INTO corps(corp_key, name, corp_id) VALUES ('new', 'n', 'wwnew') RETURNING id`); err != nil || id != int64(len(variants)+1001) {
		t.Errorf("a new corp got id %d (%v): deleted ids must not come back", id, err)
	}
}

// TestTimesMigrationResumesAfterKill kills a process inside the migration's
// transaction (after its SQL, before its commit): the database stays at the
// old version with its text times, and the next start converts them all.
func TestTimesMigrationResumesAfterKill(t *testing.T) {
	if os.Getenv("WB_TIMES_CHILD") != "" {
		return // the child is TestTimesMigrationChild
	}
	ctx := context.Background()
	dir := oldDatabase(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestTimesMigrationChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "WB_TIMES_CHILD="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	inside := false
	for sc.Scan() {
		if sc.Text() == "inside the migration" {
			inside = true
			break
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	if !inside {
		t.Fatal("the child never reached the migration's commit")
	}

	old, err := openWith(ctx, dir, migrationsUpTo(t, lastText))
	if err != nil {
		t.Fatal(err)
	}
	v, _ := old.SchemaVersion(ctx)
	var typ string
	old.DB.Get(&typ, `SELECT typeof(created_at) FROM corps WHERE id = 1`)
	old.Close()
	if v != lastText || typ != "text" {
		t.Fatalf("after the kill: version %d, corps.created_at %s; want %d, text", v, typ, lastText)
	}

	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(ctx); v < timesVersion {
		t.Fatalf("version %d after the restart", v)
	}
	checkConverted(t, s)
}

// TestTimesMigrationChild is the process TestTimesMigrationResumesAfterKill kills.
func TestTimesMigrationChild(t *testing.T) {
	dir := os.Getenv("WB_TIMES_CHILD")
	if dir == "" {
		t.Skip("run by TestTimesMigrationResumesAfterKill")
	}
	beforeCommit = func(m Migration) {
		if m.Version == timesVersion {
			fmt.Println("inside the migration")
			os.Stdout.Sync()
			time.Sleep(time.Hour)
		}
	}
	Open(context.Background(), dir)
	t.Fatal("the migration committed: the parent should have killed this process")
}

func TestIsoMillisReadsWhatTheOldCodeWrote(t *testing.T) {
	for _, v := range variants {
		s, _ := v.text.(string)
		ms, ok := isoMillis(s)
		if v.ms == noTime {
			if ok {
				t.Errorf("%q read as %d, want no time", s, ms)
			}
			continue
		}
		if !ok || ms != v.ms {
			t.Errorf("%q = %d (%v), want %d", s, ms, ok, v.ms)
		}
	}
}

// TestForeignKeysOffMigrationIsChecked: a migration marked "foreign_keys off"
// may drop a parent without deleting its children, but one that leaves a
// row naming a missing parent is rolled back, and foreign keys are on again.
func TestForeignKeysOffMigrationIsChecked(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	v1 := []Migration{{Version: 1, Name: "one", SQL: `CREATE TABLE p(id INTEGER PRIMARY KEY);
		CREATE TABLE c(id INTEGER PRIMARY KEY, p INTEGER REFERENCES p(id) ON DELETE CASCADE);
		INSERT INTO p VALUES (1), (2); INSERT INTO c VALUES (10, 1), (20, 2)`}}
	s, err := openWith(ctx, dir, v1)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	rebuild := foreignKeysOff + "\n" + `CREATE TABLE p_new(id INTEGER PRIMARY KEY, note TEXT NOT NULL DEFAULT '');
		INSERT INTO p_new(id) SELECT id FROM p; DROP TABLE p; ALTER TABLE p_new RENAME TO p;`
	orphan := append(v1, Migration{Version: 2, Name: "orphan", SQL: rebuild + `DELETE FROM p WHERE id = 2;`})
	if _, err := openWith(ctx, dir, orphan); err == nil || !strings.Contains(err.Error(), "foreign key check") {
		t.Fatalf("want the foreign key check to refuse the migration, got %v", err)
	}
	good := append(v1, Migration{Version: 2, Name: "rebuild", SQL: rebuild})
	s, err = openWith(ctx, dir, good)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var children, fk int
	s.DB.Get(&children, `SELECT COUNT(*) FROM c`)
	if children != 2 {
		t.Fatalf("%d children after rebuilding their parent table, want 2 (nothing cascaded)", children)
	}
	conn, _ := s.DB.Conn(ctx)
	defer conn.Close()
	conn.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk)
	if _, err := s.DB.Exec(`DELETE FROM p WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	s.DB.Get(&children, `SELECT COUNT(*) FROM c`)
	if fk != 1 || children != 1 {
		t.Fatalf("foreign_keys = %d, children = %d after deleting a parent: the cascade must work again", fk, children)
	}
}
