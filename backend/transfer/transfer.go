// Package transfer moves files between the UI and the backend without
// squeezing them through the 1 MiB RPC body: imports are uploaded with
// POST /api/upload and referred to by id; exports are written under
// <data>/exports and downloaded with GET /api/download/<name> (serve mode) or
// opened from disk (desktop). Both endpoints sit behind the serve token.
package transfer

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"wecom-bridge/backend/usererr"
)

// MaxUploadBytes caps one uploaded file (a 100,000-row CSV is ~13 MB).
const MaxUploadBytes = 64 << 20

// Store keeps uploads and exports in the data directory.
type Store struct {
	uploads, exports string
	now              func() time.Time
}

// New prepares <data>/uploads and <data>/exports (mode 0700).
func New(dataDir string) (*Store, error) {
	s := &Store{uploads: filepath.Join(dataDir, "uploads"), exports: filepath.Join(dataDir, "exports"), now: time.Now}
	for _, d := range []string{s.uploads, s.exports} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return nil, err
		}
	}
	return s, nil
}

var idRe = regexp.MustCompile(`^[0-9a-f]{32}$`)

// ErrUnknownUpload means the id is wrong or the upload was already used.
var ErrUnknownUpload = usererr.New("upload_gone", nil)

// PutUpload stores r (at most MaxUploadBytes) and returns its id.
func (s *Store) PutUpload(r io.Reader) (string, int64, error) {
	id := randomID()
	f, err := os.OpenFile(filepath.Join(s.uploads, id), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return "", 0, err
	}
	n, err := io.Copy(f, io.LimitReader(r, MaxUploadBytes+1))
	f.Close()
	if err == nil && n > MaxUploadBytes {
		err = usererr.New("upload_too_large", usererr.Args{"maxMB": MaxUploadBytes >> 20})
	}
	if err != nil {
		os.Remove(filepath.Join(s.uploads, id))
		return "", 0, err
	}
	return id, n, nil
}

// TakeUpload returns the upload's bytes and deletes it.
func (s *Store) TakeUpload(id string) ([]byte, error) {
	if !idRe.MatchString(id) {
		return nil, ErrUnknownUpload
	}
	p := filepath.Join(s.uploads, id)
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, ErrUnknownUpload
	}
	os.Remove(p)
	return b, nil
}

// FileExport is a file written for the admin to download or open.
type FileExport struct {
	Name        string `json:"name"`        // file name, e.g. directory-20261122-0530.xlsx
	Path        string `json:"path"`        // absolute path on this machine
	DownloadURL string `json:"downloadUrl"` // serve mode: /api/download/<name>
	Bytes       int64  `json:"bytes"`
}

var safeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// CreateExport writes an export named <base>-<time>.<ext> through write.
func (s *Store) CreateExport(base, ext string, write func(w io.Writer) error) (*FileExport, error) {
	name := fmt.Sprintf("%s-%s.%s", safeName.ReplaceAllString(base, "_"), s.now().Format("20060102-150405"), strings.TrimPrefix(ext, "."))
	p := filepath.Join(s.exports, name)
	f, err := os.OpenFile(p, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(p)
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	fi, _ := os.Stat(p)
	return &FileExport{Name: name, Path: p, DownloadURL: "/api/download/" + name, Bytes: fi.Size()}, nil
}

// exportPath resolves a download name inside the exports directory only.
func (s *Store) exportPath(name string) (string, bool) {
	if name == "" || name != filepath.Base(name) || safeName.MatchString(name) {
		return "", false
	}
	p := filepath.Join(s.exports, name)
	if _, err := os.Stat(p); err != nil {
		return "", false
	}
	return p, true
}

func randomID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// RemoveOlderThan deletes uploads and exports last written before a time
// (housekeeping: an upload is normally taken at once, an export downloaded
// at once) and returns how many it removed.
func (s *Store) RemoveOlderThan(before time.Time) (int, error) {
	n := 0
	for _, dir := range []string{s.uploads, s.exports} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return n, err
		}
		for _, e := range entries {
			fi, err := e.Info()
			if err != nil || !fi.Mode().IsRegular() || !fi.ModTime().Before(before) {
				continue
			}
			if err := os.Remove(filepath.Join(dir, e.Name())); err == nil {
				n++
			}
		}
	}
	return n, nil
}
