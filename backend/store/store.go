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
	"strconv"

	"github.com/jmoiron/sqlx"

	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go, no cgo)
	"wecom-bridge/backend/datadir"
	"wecom-bridge/backend/usererr"
)

// FileName is the database file inside the data directory.
const FileName = "bridge.db"

// Store is the open database.
type Store struct {
	DB      *sqlx.DB
	Path    string
	DataDir string
	ckpt    *checkpointer // the background WAL checkpoint (checkpoint.go)
}

// dsn turns on WAL (readers never block the writer), foreign keys, a busy
// timeout so concurrent writers wait instead of failing, and immediate write
// transactions so a read→write upgrade never deadlocks with SQLITE_BUSY.
// The store's own loop checkpoints the WAL (checkpoint.go), so the automatic
// checkpoint, which runs inside the commit that crosses its threshold and
// fsyncs there, is raised from 1000 pages (4 MB) to autoCheckpointPages: it
// only bounds the WAL when the loop falls behind or a process runs without
// it; journal_size_limit returns the space of a large commit (walSizeLimit).
func dsn(path string) string {
	return "file:" + path +
		"?_pragma=journal_mode(WAL)" +
		"&_pragma=wal_autocheckpoint(" + strconv.Itoa(autoCheckpointPages) + ")" +
		"&_pragma=journal_size_limit(" + strconv.FormatInt(walSizeLimit, 10) + ")" +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=busy_timeout(10000)" +
		"&_pragma=synchronous(NORMAL)" +
		"&_txlock=immediate"
}

// autoCheckpointPages bounds the WAL at about 40 MB (10,000 pages of 4 KiB).
const autoCheckpointPages = 10000

// walSizeLimit is the size SQLite cuts the -wal file back to once a
// checkpoint has copied it all and the next commit starts it over. Without a
// limit the file keeps its largest size for ever (the space is reused, never
// returned): a first match at 100,000 people leaves hundreds of MB on disk.
// A variable so a test can make it small.
var walSizeLimit int64 = 64 << 20

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
	if err := os.MkdirAll(dataDir, datadir.DirMode); err != nil {
		return nil, fmt.Errorf("create data directory %s: %w", dataDir, err)
	}
	path := filepath.Join(dataDir, FileName)
	if err := prepareFile(dataDir, path); err != nil {
		return nil, err
	}
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
	if err := narrowFiles(path); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.startCheckpointer(ctx, checkpointEvery); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// FileMode is the mode of bridge.db and its -wal and -shm files: they hold
// the encrypted secrets, the directory and the push logs.
const FileMode os.FileMode = 0o600

// prepareFile refuses an empty bridge.db (SQLite would take a truncated file
// or a failed copy for a new database and start over silently) and creates a
// missing one with FileMode, so SQLite's -wal and -shm inherit it.
func prepareFile(dataDir, path string) error {
	if err := datadir.Narrow(dataDir, datadir.DirMode); err != nil {
		return err
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.Size() == 0:
		return usererr.New("empty_database", usererr.Args{"path": path, "backups": filepath.Join(dataDir, "backups")})
	case err == nil:
		return nil
	case !errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("open %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, FileMode)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	return f.Close()
}

// narrowFiles gives the database and its WAL/SHM FileMode (files made by an
// older version were 0644).
func narrowFiles(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := datadir.Narrow(p, FileMode); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// OpenMemoryForTest is not provided on purpose: tests use a real file in t.TempDir().

// Close stops the checkpoint loop and closes the database (the last
// connection to close checkpoints the WAL into the file).
func (s *Store) Close() error {
	if s == nil || s.DB == nil {
		return nil
	}
	s.ckpt.stop()
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
