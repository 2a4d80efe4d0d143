// Package store owns the SQLite file (<data>/bridge.db): opening it with the
// right pragmas, applying embedded migrations, and the repositories that other
// packages use.
package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jmoiron/sqlx"
	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go, no cgo)
)

// FileName is the database file inside the data directory.
const FileName = "bridge.db"

// Store is the open database.
type Store struct {
	DB      *sqlx.DB
	Path    string
	DataDir string
}

// dsn turns on WAL (readers never block the writer), foreign keys, a busy
// timeout so concurrent writers wait instead of failing, and immediate write
// transactions so a read→write upgrade never deadlocks with SQLITE_BUSY.
func dsn(path string) string {
	return "file:" + path +
		"?_pragma=journal_mode(WAL)" +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=busy_timeout(10000)" +
		"&_pragma=synchronous(NORMAL)" +
		"&_txlock=immediate"
}

// Open opens (creating if needed) <dataDir>/bridge.db and applies migrations.
// Before a migration changes an existing file, the file is copied to
// <dataDir>/backups/. A database written by a newer binary is refused.
func Open(ctx context.Context, dataDir string) (*Store, error) {
	all, err := Migrations()
	if err != nil {
		return nil, err
	}
	return openWith(ctx, dataDir, all)
}

// openWith opens the store applying the given migrations (tests pass their own).
func openWith(ctx context.Context, dataDir string, all []Migration) (*Store, error) {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory %s: %w", dataDir, err)
	}
	path := filepath.Join(dataDir, FileName)
	db, err := sqlx.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// SQLite allows one writer; a small pool lets WAL readers run beside it.
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w (is the file a SQLite database?)", path, err)
	}
	s := &Store{DB: db, Path: path, DataDir: dataDir}
	if err := s.migrate(ctx, all); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// OpenMemoryForTest is not provided on purpose: tests use a real file in t.TempDir().

// Close closes the database.
func (s *Store) Close() error {
	if s == nil || s.DB == nil {
		return nil
	}
	return s.DB.Close()
}

// SizeBytes returns the size of the database file plus its WAL.
func (s *Store) SizeBytes() int64 {
	var total int64
	for _, p := range []string{s.Path, s.Path + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			total += fi.Size()
		}
	}
	return total
}

// ErrNotFound is returned by repositories when a row does not exist.
var ErrNotFound = errors.New("not found")
