package review

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"wecom-bridge/backend/store"
)

// Every test env starts from a copy of one migrated database, made once
// per test binary: applying every migration to a new file was most of a
// small test's time (~0.2 s; seconds under -race), and the touched-rematch
// equivalence test opens two stores per seed.
var migrated = struct {
	once sync.Once
	dir  string
	err  error
}{}

func TestMain(m *testing.M) {
	code := m.Run()
	if migrated.dir != "" {
		os.RemoveAll(migrated.dir)
	}
	os.Exit(code)
}

// openStore opens a new store in a test's temporary directory, copied from
// the migrated template (store.Open then finds nothing to apply).
func openStore(t *testing.T) *store.Store {
	t.Helper()
	migrated.once.Do(func() {
		if migrated.dir, migrated.err = os.MkdirTemp("", "review-test-db-"); migrated.err != nil {
			return
		}
		st, err := store.Open(bg, migrated.dir)
		if err != nil {
			migrated.err = err
			return
		}
		migrated.err = st.Close() // the last connection checkpoints the WAL into the file
	})
	if migrated.err != nil {
		t.Fatal(migrated.err)
	}
	dir := t.TempDir()
	raw, err := os.ReadFile(filepath.Join(migrated.dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, store.FileName), raw, store.FileMode); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(bg, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
