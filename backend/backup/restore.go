package backup

import (
	"archive/tar"
	"bufio"
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

	"wecom-bridge/backend/datadir"
	"wecom-bridge/backend/secrets"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// Bounds of what an archive may hold: anything past them is refused as damaged.
const (
	maxManifestBytes = 64 << 10
	maxKeyBytes      = 4 << 10
	maxDatabaseBytes = 64 << 30
)

// RestoreResult says what a restore put in place and where the replaced files went.
type RestoreResult struct {
	Manifest Manifest `json:"manifest"`
	// ReplacedDir holds the database and key file that were there before
	// ("" when the data directory had none).
	ReplacedDir string `json:"replacedDir"`
}

// Restore replaces dataDir's database (and key file, when the archive has
// one) with the archive's. It refuses while any wecom-bridge process uses
// dataDir, and checks the whole archive (format, checksums, schema version no
// newer than this binary's, SQLite integrity) before it replaces anything.
func Restore(ctx context.Context, dataDir, archive string, opts Options) (RestoreResult, error) {
	lock, err := datadir.Acquire(dataDir)
	if errors.Is(err, datadir.ErrLocked) {
		return RestoreResult{}, usererr.Wrap(err, "backup_instance_running", usererr.Args{"dir": dataDir})
	}
	if err != nil {
		return RestoreResult{}, err
	}
	defer lock.Release()
	stage, err := os.MkdirTemp(dataDir, ".restore-*")
	if err != nil {
		return RestoreResult{}, err
	}
	defer os.RemoveAll(stage)
	m, err := Extract(ctx, archive, stage, opts.Passphrase)
	if err != nil {
		return RestoreResult{}, err
	}
	replaced, err := swapIn(dataDir, stage, m)
	if err != nil {
		return RestoreResult{}, err
	}
	return RestoreResult{Manifest: m, ReplacedDir: replaced}, nil
}

// Extract checks archive and unpacks it into dir (which should be empty):
// the manifest, then each file it names, sizes and checksums matching, then
// the database's integrity and schema version.
func Extract(ctx context.Context, archive, dir, pass string) (Manifest, error) {
	damaged := func(detail string) error {
		return usererr.New("backup_archive_damaged", usererr.Args{"file": archive, "detail": detail})
	}
	f, err := os.Open(archive)
	if err != nil {
		return Manifest{}, usererr.Wrap(err, "backup_archive_unreadable", usererr.Args{"file": archive})
	}
	defer f.Close()
	br := bufio.NewReader(f)
	var r io.Reader = br
	if isEncrypted(br) {
		if pass == "" {
			return Manifest{}, usererr.New("backup_passphrase_needed", usererr.Args{"file": archive})
		}
		if r, err = newOpenReader(br, pass); err != nil {
			return Manifest{}, damaged(err.Error())
		}
	}
	m, err := unpack(r, dir)
	if errors.Is(err, errWrongPassphrase) {
		return Manifest{}, usererr.New("backup_passphrase_wrong", usererr.Args{"file": archive})
	}
	var ue *usererr.Error
	if errors.As(err, &ue) {
		return Manifest{}, err
	}
	if err != nil {
		return Manifest{}, damaged(err.Error())
	}
	if err := checkDatabase(ctx, filepath.Join(dir, store.FileName), m); err != nil {
		if errors.As(err, &ue) {
			return Manifest{}, err
		}
		return Manifest{}, damaged(err.Error())
	}
	return m, nil
}

func unpack(r io.Reader, dir string) (Manifest, error) {
	var m Manifest
	gz, err := gzip.NewReader(r)
	if err != nil {
		return m, err
	}
	tr := tar.NewReader(gz)
	hdr, err := tr.Next()
	if err != nil {
		return m, err
	}
	if hdr.Name != manifestName || hdr.Size > maxManifestBytes {
		return m, fmt.Errorf("the first member is %q, not %s", hdr.Name, manifestName)
	}
	if err := json.NewDecoder(io.LimitReader(tr, maxManifestBytes)).Decode(&m); err != nil {
		return m, fmt.Errorf("manifest: %w", err)
	}
	if err := checkManifest(m); err != nil {
		return m, err
	}
	want := map[string]File{}
	for _, f := range m.Files {
		want[f.Name] = f
	}
	got := map[string]bool{}
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return m, err
		}
		meta, ok := want[hdr.Name]
		if !ok || got[hdr.Name] || hdr.Typeflag != tar.TypeReg || hdr.Size != meta.Size {
			return m, fmt.Errorf("unexpected member %q", hdr.Name)
		}
		if err := writeMember(filepath.Join(dir, meta.Name), tr, meta); err != nil {
			return m, err
		}
		got[hdr.Name] = true
	}
	for name := range want {
		if !got[name] {
			return m, fmt.Errorf("member %s is missing", name)
		}
	}
	// Drain gzip so a damaged trailer (CRC) is noticed.
	if _, err := io.Copy(io.Discard, gz); err != nil {
		return m, err
	}
	return m, nil
}

// checkManifest accepts only this format and only the files it knows, with their bounds.
func checkManifest(m Manifest) error {
	if m.Format != Format {
		return fmt.Errorf("not a %s archive", Format)
	}
	if m.FormatVersion != FormatVersion {
		return usererr.New("backup_format_newer", usererr.Args{"version": m.FormatVersion, "known": FormatVersion})
	}
	known, err := knownSchema()
	if err != nil {
		return err
	}
	if m.SchemaVersion > known {
		return usererr.New("backup_schema_newer", usererr.Args{"schema": m.SchemaVersion, "known": known, "app": m.AppVersion})
	}
	limits := map[string]int64{store.FileName: maxDatabaseBytes, secrets.KeyFileName: maxKeyBytes}
	hasDB := false
	for _, f := range m.Files {
		limit, ok := limits[f.Name]
		if !ok || f.Size < 0 || f.Size > limit || len(f.SHA256) != 64 {
			return fmt.Errorf("manifest names %q (%d bytes)", f.Name, f.Size)
		}
		hasDB = hasDB || f.Name == store.FileName
	}
	if !hasDB {
		return fmt.Errorf("manifest has no %s", store.FileName)
	}
	if m.KeyFile != (len(m.Files) == 2) {
		return fmt.Errorf("manifest's keyFile does not match its files")
	}
	return nil
}

func knownSchema() (int, error) {
	all, err := store.Migrations()
	if err != nil || len(all) == 0 {
		return 0, err
	}
	return all[len(all)-1].Version, nil
}

func writeMember(path string, r io.Reader, meta File) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, store.FileMode)
	if err != nil {
		return err
	}
	h := sha256.New()
	_, cerr := io.CopyN(io.MultiWriter(f, h), r, meta.Size)
	if err := errors.Join(cerr, f.Sync(), f.Close()); err != nil {
		return err
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != meta.SHA256 {
		return fmt.Errorf("%s: checksum mismatch", meta.Name)
	}
	return nil
}

// checkDatabase opens the unpacked database read-only: SQLite's integrity
// check, and the schema version the manifest claims.
func checkDatabase(ctx context.Context, path string, m Manifest) error {
	db, err := sqlx.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var res string
	if err := db.GetContext(ctx, &res, `PRAGMA integrity_check(1)`); err != nil {
		return fmt.Errorf("database: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("database integrity: %s", res)
	}
	var v int
	if err := db.GetContext(ctx, &v, `SELECT COALESCE(MAX(version),0) FROM schema_migrations`); err != nil {
		return fmt.Errorf("database schema: %w", err)
	}
	if v != m.SchemaVersion {
		return fmt.Errorf("database is at schema %d, the manifest says %d", v, m.SchemaVersion)
	}
	return nil
}

// swapIn moves the current database (with its WAL) and key file to
// <data>/backups/replaced-<time>/, then the staged ones into place.
func swapIn(dataDir, stage string, m Manifest) (string, error) {
	current := []string{store.FileName, store.FileName + "-wal", store.FileName + "-shm", secrets.KeyFileName}
	replaced := filepath.Join(dataDir, "backups", "replaced-"+time.Now().UTC().Format("20060102T150405.000"))
	moved := ""
	for _, name := range current {
		src := filepath.Join(dataDir, name)
		if _, err := os.Stat(src); err != nil {
			continue
		}
		if moved == "" {
			if err := os.MkdirAll(replaced, datadir.DirMode); err != nil {
				return "", err
			}
			moved = replaced
		}
		if err := os.Rename(src, filepath.Join(replaced, name)); err != nil {
			return "", usererr.Wrap(err, "backup_restore_move_failed", usererr.Args{"file": src, "replaced": replaced})
		}
	}
	for _, f := range m.Files {
		if err := os.Rename(filepath.Join(stage, f.Name), filepath.Join(dataDir, f.Name)); err != nil {
			return moved, usererr.Wrap(err, "backup_restore_move_failed", usererr.Args{"file": f.Name, "replaced": moved})
		}
	}
	return moved, nil
}
