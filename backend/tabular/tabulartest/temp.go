package tabulartest

import (
	"os"
	"testing"
)

// PrivateTemp points the temporary directory at a fresh one for the test
// and returns it; when the test ends it fails the test if anything (an
// excelize-* file, a workbook directory) was left in it.
func PrivateTemp(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	t.Cleanup(func() {
		left, _ := os.ReadDir(dir)
		for _, e := range left {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	})
	return dir
}
