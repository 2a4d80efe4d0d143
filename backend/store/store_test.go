package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"wecom-bridge/backend/secrets"
	"wecom-bridge/backend/usererr"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenSetsPragmas(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var mode string
	if err := s.DB.GetContext(ctx, &mode, `PRAGMA journal_mode`); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk, busy int
	s.DB.GetContext(ctx, &fk, `PRAGMA foreign_keys`)
	s.DB.GetContext(ctx, &busy, `PRAGMA busy_timeout`)
	if fk != 1 || busy < 1000 {
		t.Fatalf("foreign_keys=%d busy_timeout=%d", fk, busy)
	}
	if _, err := os.Stat(filepath.Join(s.DataDir, FileName)); err != nil {
		t.Fatalf("db file not at <data>/%s: %v", FileName, err)
	}
}

func TestMigrationsAppliedOnceAndVersioned(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := Migrations()
	v, _ := s.SchemaVersion(ctx)
	if v != all[len(all)-1].Version {
		t.Fatalf("schema version %d, want %d", v, all[len(all)-1].Version)
	}
	s.SetSetting(ctx, "k", "v1")
	s.Close()
	// Reopen: no migration pending, so no backup is taken and data is kept.
	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, _ := s.GetSetting(ctx, "k", "")
	if got != "v1" {
		t.Fatalf("setting lost across reopen: %q", got)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "backups")); len(entries) != 0 {
		t.Fatalf("no backup expected when nothing migrates, got %d", len(entries))
	}
}

func TestBackupBeforeMigratingExistingFile(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	v1 := []Migration{{Version: 1, Name: "one", SQL: `CREATE TABLE a(x TEXT)`}}
	s, err := openWith(ctx, dir, v1)
	if err != nil {
		t.Fatal(err)
	}
	s.DB.MustExec(`INSERT INTO a(x) VALUES('kept')`)
	s.Close()
	if entries, _ := os.ReadDir(filepath.Join(dir, "backups")); len(entries) != 0 {
		t.Fatal("a brand-new file needs no backup")
	}
	v2 := append(v1, Migration{Version: 2, Name: "two", SQL: `ALTER TABLE a ADD COLUMN y TEXT`})
	s, err = openWith(ctx, dir, v2)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	entries, _ := os.ReadDir(filepath.Join(dir, "backups"))
	if len(entries) != 1 {
		t.Fatalf("want 1 backup before migrating, got %d", len(entries))
	}
	// The backup is the pre-migration database: version 1, data present, no column y.
	b, err := openWith(ctx, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	bk := filepath.Join(dir, "backups", entries[0].Name())
	b.DB.MustExec(`ATTACH DATABASE ? AS bk`, bk)
	var x string
	var ver int
	b.DB.Get(&x, `SELECT x FROM bk.a`)
	b.DB.Get(&ver, `SELECT MAX(version) FROM bk.schema_migrations`)
	if x != "kept" || ver != 1 {
		t.Fatalf("backup content: x=%q version=%d", x, ver)
	}
	if _, err := b.DB.Exec(`SELECT y FROM bk.a`); err == nil {
		t.Fatal("backup must predate the migration")
	}
}

func TestFailedMigrationLeavesDatabaseUnchanged(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	v1 := []Migration{{Version: 1, Name: "one", SQL: `CREATE TABLE a(x TEXT)`}}
	s, err := openWith(ctx, dir, v1)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	bad := append(v1, Migration{Version: 2, Name: "bad", SQL: `CREATE TABLE b(x); THIS IS NOT SQL`})
	if _, err := openWith(ctx, dir, bad); err == nil || !strings.Contains(err.Error(), "0002_bad") {
		t.Fatalf("want a failure naming the migration, got %v", err)
	}
	s, err = openWith(ctx, dir, v1)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(ctx); v != 1 {
		t.Fatalf("version after failed migration = %d", v)
	}
	if _, err := s.DB.Exec(`SELECT * FROM b`); err == nil {
		t.Fatal("partial migration must be rolled back")
	}
}

func TestNewerDatabaseRefused(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	s.DB.MustExec(`INSERT INTO schema_migrations(version,name,applied_at) VALUES(9999,'future','x')`)
	s.Close()
	_, err = Open(ctx, dir)
	var tooNew *ErrTooNew
	if !errors.As(err, &tooNew) || tooNew.DBVersion != 9999 {
		t.Fatalf("want ErrTooNew for v9999, got %v", err)
	}
}

func TestGarbageFileGivesClearError(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, FileName), []byte("this is not sqlite, just text padding the header...."), 0o600)
	_, err := Open(context.Background(), dir)
	if err == nil {
		t.Fatal("opening a non-SQLite file must fail")
	}
}

func TestTokenRepoRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	seal, _ := secrets.NewWithKey(make([]byte, 32))
	r := s.Tokens(seal)
	tok, _, err := r.LoadToken(ctx, "ww1:abc")
	if err != nil || tok != "" {
		t.Fatalf("empty store: %q %v", tok, err)
	}
	exp := time.Now().Add(2 * time.Hour).UTC().Truncate(time.Millisecond)
	if err := r.SaveToken(ctx, "ww1:abc", "TOKEN1", exp); err != nil {
		t.Fatal(err)
	}
	r.SaveToken(ctx, "ww1:abc", "TOKEN2", exp)
	tok, got, _ := r.LoadToken(ctx, "ww1:abc")
	if tok != "TOKEN2" || !got.Equal(exp) {
		t.Fatalf("got %q %v", tok, got)
	}
	r.DeleteToken(ctx, "ww1:abc")
	tok, _, _ = r.LoadToken(ctx, "ww1:abc")
	if tok != "" {
		t.Fatal("token not deleted")
	}
}

// A 0-byte bridge.db (a truncated file, a failed copy) is refused with a hint
// instead of being taken for a new database, and is left as it was.
func TestEmptyDatabaseFileIsRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), dir)
	if !usererr.Is(err, "empty_database") || !strings.Contains(err.Error(), "backups") || !strings.Contains(usererr.ZH(err), "0 字节") {
		t.Fatalf("want the empty_database refusal naming the backups, got %v", err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != 0 {
		t.Fatalf("the empty file must be left untouched: %v %v", fi, err)
	}
}

// The data directory is 0700 and bridge.db, -wal and -shm are 0600, both for
// a new database and for one an older version left world-readable.
func TestDatabaseFilesArePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	check := func(s *Store) {
		t.Helper()
		if fi, _ := os.Stat(s.DataDir); fi.Mode().Perm() != 0o700 {
			t.Errorf("data directory mode %o, want 700", fi.Mode().Perm())
		}
		for _, p := range []string{s.Path, s.Path + "-wal", s.Path + "-shm"} {
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if fi.Mode().Perm() != 0o600 {
				t.Errorf("%s mode %o, want 600", filepath.Base(p), fi.Mode().Perm())
			}
		}
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	s.SetSetting(ctx, "k", "v") // makes sure the WAL exists
	check(s)
	s.Close()

	// An older version left the files world-readable: fixed at the next start.
	os.Chmod(dir, 0o755)
	for _, p := range []string{s.Path, s.Path + "-wal", s.Path + "-shm"} {
		os.Chmod(p, 0o644)
	}
	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.SetSetting(ctx, "k", "v2")
	check(s)
}
