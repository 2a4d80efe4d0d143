package backup

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Archives made by the app live in <data>/backups (beside the copies taken
// before a migration) as wecom-bridge-<UTC time>-<kind>.tar.gz, with ".enc"
// appended when encrypted. Kind is "daily" (the schedule) or "manual".
const (
	archivePrefix = "wecom-bridge-"
	KindDaily     = "daily"
	KindManual    = "manual"
	timeLayout    = "20060102T150405.000Z"
)

// Archive is one archive in the backups directory.
type Archive struct {
	Name      string `json:"name"`
	Path      string `json:"path"`
	Kind      string `json:"kind"`
	SizeBytes int64  `json:"sizeBytes"`
	CreatedAt string `json:"createdAt"` // RFC 3339, from the name
	Encrypted bool   `json:"encrypted"`
}

// Dir is where the app keeps its archives.
func Dir(dataDir string) string { return filepath.Join(dataDir, "backups") }

// NewPath names a new archive of kind made at t.
func NewPath(dataDir, kind string, t time.Time, encrypted bool) string {
	name := archivePrefix + t.UTC().Format(timeLayout) + "-" + kind + ".tar.gz"
	if encrypted {
		name += ".enc"
	}
	return filepath.Join(Dir(dataDir), name)
}

// List returns the app's archives, newest first (empty when none).
func List(dataDir string) ([]Archive, error) {
	entries, err := os.ReadDir(Dir(dataDir))
	if os.IsNotExist(err) {
		return []Archive{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := []Archive{}
	for _, e := range entries {
		a, ok := parseName(e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		if fi, err := e.Info(); err == nil {
			a.SizeBytes = fi.Size()
		}
		a.Path = filepath.Join(Dir(dataDir), a.Name)
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name > out[j].Name })
	return out, nil
}

func parseName(name string) (Archive, bool) {
	a := Archive{Name: name}
	rest, ok := strings.CutPrefix(name, archivePrefix)
	if !ok {
		return a, false
	}
	if r, enc := strings.CutSuffix(rest, ".enc"); enc {
		rest, a.Encrypted = r, true
	}
	rest, ok = strings.CutSuffix(rest, ".tar.gz")
	stamp, kind, ok2 := strings.Cut(rest, "-")
	if !ok || !ok2 || (kind != KindDaily && kind != KindManual) {
		return a, false
	}
	t, err := time.Parse(timeLayout, stamp)
	if err != nil {
		return a, false
	}
	a.Kind, a.CreatedAt = kind, t.Format(time.RFC3339)
	return a, true
}

// Prune removes the oldest archives of kind beyond the newest keep; it
// returns how many it removed. Other kinds are left alone.
func Prune(dataDir, kind string, keep int) (int, error) {
	all, err := List(dataDir)
	if err != nil {
		return 0, err
	}
	n, removed := 0, 0
	for _, a := range all {
		if a.Kind != kind {
			continue
		}
		n++
		if n <= keep {
			continue
		}
		if err := os.Remove(a.Path); err != nil {
			return removed, err
		}
		removed++
	}
	return removed, nil
}
