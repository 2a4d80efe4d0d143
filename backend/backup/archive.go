// Package backup writes and restores backups of a data directory: one
// archive (tar.gz, optionally encrypted with a passphrase) holding a
// consistent copy of the database (SQLite VACUUM INTO, so a backup taken
// while the app writes is a transaction-consistent snapshot), the secrets'
// key file when there is one, and a manifest naming the schema version and
// each file's SHA-256. Restore checks all of it before it replaces anything,
// and keeps what it replaced.
package backup

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/secrets"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/version"
)

// Format names the archive kind in its manifest.
const (
	Format        = "wecom-bridge-backup"
	FormatVersion = 1
	manifestName  = "manifest.json"
)

// File is one file in an archive.
type File struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Manifest describes an archive; it is its first member.
type Manifest struct {
	Format        string `json:"format"`
	FormatVersion int    `json:"formatVersion"`
	AppVersion    string `json:"appVersion"`
	SchemaVersion int    `json:"schemaVersion"`
	CreatedAt     string `json:"createdAt"`
	// KeyFile says the secrets' key file is in the archive. Without it the
	// key is in the OS keyring of the machine that made the backup: the
	// stored secrets open only there, in the same data directory.
	KeyFile bool   `json:"keyFile"`
	Files   []File `json:"files"`
}

// Options are the choices of one backup.
type Options struct {
	// Passphrase encrypts the archive when not empty (at least MinPassphrase characters).
	Passphrase string
}

// Result is what a backup wrote.
type Result struct {
	Path      string   `json:"path"`
	SizeBytes int64    `json:"sizeBytes"`
	Encrypted bool     `json:"encrypted"`
	Manifest  Manifest `json:"manifest"`
}

// Create writes a backup of dataDir, whose database db is open (by this
// process or another), to out. out must not exist; it appears complete or
// not at all.
func Create(ctx context.Context, db *sqlx.DB, dataDir, out string, opts Options) (Result, error) {
	if opts.Passphrase != "" && len([]rune(opts.Passphrase)) < MinPassphrase {
		return Result{}, usererr.New("backup_passphrase_short", usererr.Args{"min": MinPassphrase})
	}
	if _, err := os.Stat(out); err == nil {
		return Result{}, usererr.New("backup_out_exists", usererr.Args{"file": out})
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
		return Result{}, err
	}
	stage, err := os.MkdirTemp(filepath.Dir(out), ".backup-*")
	if err != nil {
		return Result{}, err
	}
	defer os.RemoveAll(stage)
	snapshot := filepath.Join(stage, store.FileName)
	// VACUUM INTO reads one transaction: what an apply committed before it
	// is in the copy, what it commits after is not, never half of either.
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, snapshot); err != nil {
		return Result{}, fmt.Errorf("snapshot the database: %w", err)
	}
	schema, err := schemaVersion(ctx, snapshot)
	if err != nil {
		return Result{}, err
	}
	m := Manifest{Format: Format, FormatVersion: FormatVersion, AppVersion: version.Current(),
		SchemaVersion: schema, CreatedAt: time.Now().UTC().Format(time.RFC3339), Files: []File{}}
	members := []string{snapshot}
	keyPath := filepath.Join(dataDir, secrets.KeyFileName)
	if _, err := os.Stat(keyPath); err == nil {
		members = append(members, keyPath)
		m.KeyFile = true
	}
	for _, p := range members {
		f, err := describe(p)
		if err != nil {
			return Result{}, err
		}
		m.Files = append(m.Files, f)
	}
	partial := out + ".partial"
	if err := writeArchive(partial, m, members, opts.Passphrase); err != nil {
		os.Remove(partial)
		return Result{}, err
	}
	if err := os.Rename(partial, out); err != nil {
		os.Remove(partial)
		return Result{}, err
	}
	fi, err := os.Stat(out)
	if err != nil {
		return Result{}, err
	}
	return Result{Path: out, SizeBytes: fi.Size(), Encrypted: opts.Passphrase != "", Manifest: m}, nil
}

// OpenDatabase opens dataDir's database for a backup from another process
// (the CLI), without migrating it: the running app may hold it.
func OpenDatabase(ctx context.Context, dataDir string) (*sqlx.DB, error) {
	path := filepath.Join(dataDir, store.FileName)
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		return nil, usererr.New("backup_no_database", usererr.Args{"dir": dataDir})
	}
	db, err := sqlx.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func schemaVersion(ctx context.Context, dbPath string) (int, error) {
	db, err := sqlx.Open("sqlite", "file:"+dbPath+"?mode=ro")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var v int
	if err := db.GetContext(ctx, &v, `SELECT COALESCE(MAX(version),0) FROM schema_migrations`); err != nil {
		return 0, fmt.Errorf("read the schema version: %w", err)
	}
	return v, nil
}

func describe(path string) (File, error) {
	f, err := os.Open(path)
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return File{}, err
	}
	return File{Name: filepath.Base(path), Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

func writeArchive(path string, m Manifest, members []string, pass string) (err error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	var w io.Writer = f
	var seal *sealWriter
	if pass != "" {
		if seal, err = newSealWriter(f, pass); err != nil {
			return err
		}
		w = seal
	}
	gz := gzip.NewWriter(w)
	tw := tar.NewWriter(gz)
	mj, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	mtime, _ := time.Parse(time.RFC3339, m.CreatedAt)
	if err := tw.WriteHeader(&tar.Header{Name: manifestName, Mode: 0o600, Size: int64(len(mj)), ModTime: mtime, Format: tar.FormatPAX}); err != nil {
		return err
	}
	if _, err := tw.Write(mj); err != nil {
		return err
	}
	for i, p := range members {
		if err := addFile(tw, p, m.Files[i], mtime); err != nil {
			return err
		}
	}
	if err := errors.Join(tw.Close(), gz.Close()); err != nil {
		return err
	}
	if seal != nil {
		if err := seal.Close(); err != nil {
			return err
		}
	}
	return f.Sync()
}

func addFile(tw *tar.Writer, path string, meta File, mtime time.Time) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := tw.WriteHeader(&tar.Header{Name: meta.Name, Mode: 0o600, Size: meta.Size, ModTime: mtime, Format: tar.FormatPAX}); err != nil {
		return err
	}
	// Exactly the described size: a file that changed since is an error, not a silent mismatch.
	if _, err := io.CopyN(tw, f, meta.Size); err != nil {
		return err
	}
	return nil
}
