package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"wecom-bridge/backend/datadir"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Migration is one embedded, versioned SQL file: migrations/NNNN_name.sql.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// ErrTooNew is returned when the database was written by a newer binary.
type ErrTooNew struct{ DBVersion, KnownVersion int }

func (e *ErrTooNew) Error() string {
	return fmt.Sprintf("this database is at schema version %d, but this wecom-bridge only knows up to version %d: "+
		"it was written by a newer wecom-bridge. Install the newer version, or point --data at another directory", e.DBVersion, e.KnownVersion)
}

// Migrations returns the embedded migrations in version order.
func Migrations() ([]Migration, error) {
	entries, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []Migration
	seen := map[int]string{}
	for _, p := range entries {
		base := filepath.Base(p)
		num, name, ok := strings.Cut(strings.TrimSuffix(base, ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration file %s: name must be NNNN_name.sql", base)
		}
		if prev, dup := seen[v]; dup {
			return nil, fmt.Errorf("migrations %s and %s share version %d", prev, base, v)
		}
		seen[v] = base
		b, err := migrationFS.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: name, SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// SchemaVersion returns the highest applied migration version (0 for a new file).
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.DB.GetContext(ctx, &v, `SELECT COALESCE(MAX(version),0) FROM schema_migrations`)
	return v, err
}

func (s *Store) migrate(ctx context.Context, all []Migration) error {
	if _, err := s.DB.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("prepare schema_migrations: %w", err)
	}
	current, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	known := 0
	if len(all) > 0 {
		known = all[len(all)-1].Version
	}
	if current > known {
		return &ErrTooNew{DBVersion: current, KnownVersion: known}
	}
	var pending []Migration
	for _, m := range all {
		if m.Version > current {
			pending = append(pending, m)
		}
	}
	if len(pending) == 0 {
		return nil
	}
	if current > 0 {
		if _, err := s.Backup(ctx, fmt.Sprintf("before-v%d", pending[0].Version)); err != nil {
			return fmt.Errorf("back up the database before migrating (nothing was changed): %w", err)
		}
	}
	for _, m := range pending {
		if err := s.apply(ctx, m); err != nil {
			return fmt.Errorf("migration %04d_%s failed (the database is unchanged from version %d): %w", m.Version, m.Name, current, err)
		}
		current = m.Version
	}
	return nil
}

// foreignKeysOff marks a migration that rebuilds tables other tables
// reference: it runs with foreign keys off (DROP TABLE of a parent would
// otherwise delete its children), and PRAGMA foreign_key_check must find
// nothing before it commits. PRAGMA foreign_keys cannot change inside a
// transaction, so it is switched on one connection around it.
const foreignKeysOff = "-- store: foreign_keys off"

// beforeCommit, when set (tests only), runs inside a migration's transaction
// after its SQL and before its commit.
var beforeCommit func(Migration)

// apply runs one migration and records it, in one transaction: a process
// killed half-way leaves the database at the previous version, and the next
// start runs the migration again from the beginning.
func (s *Store) apply(ctx context.Context, m Migration) (err error) {
	conn, err := s.DB.Connx(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	fkOff := strings.HasPrefix(m.SQL, foreignKeysOff)
	if fkOff {
		if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
			return err
		}
		defer func() {
			if _, onErr := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`); onErr != nil && err == nil {
				err = onErr
			}
		}()
	}
	tx, err := conn.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if fkOff {
		var bad []struct {
			Table  string `db:"table"`
			RowID  *int64 `db:"rowid"`
			Parent string `db:"parent"`
			FKID   int64  `db:"fkid"`
		}
		if err := tx.SelectContext(ctx, &bad, `PRAGMA foreign_key_check`); err != nil {
			return err
		}
		if len(bad) > 0 {
			return fmt.Errorf("foreign key check: %d rows of %s name a missing %s row", len(bad), bad[0].Table, bad[0].Parent)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version,name,applied_at) VALUES(?,?,?)`,
		m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	if beforeCommit != nil {
		beforeCommit(m)
	}
	return tx.Commit()
}

// Backup writes a consistent copy of the database (WAL included) to
// <data>/backups/bridge-<time>-<label>.db and returns its path.
func (s *Store) Backup(ctx context.Context, label string) (string, error) {
	dir := filepath.Join(s.DataDir, "backups")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	dst := filepath.Join(dir, fmt.Sprintf("bridge-%s-%s.db", time.Now().UTC().Format("20060102T150405.000"), label))
	// VACUUM INTO takes a transactionally consistent snapshot, unlike a file copy under WAL.
	if _, err := s.DB.ExecContext(ctx, `VACUUM INTO ?`, dst); err != nil {
		return "", err
	}
	return dst, datadir.Narrow(dst, FileMode)
}
