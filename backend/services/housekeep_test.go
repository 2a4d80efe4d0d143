package services

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// Issue 12 finding 10: uploads, exports and import previews were never
// cleaned. Housekeeping removes what is older than the retention, at start
// and daily, and keeps the rest.
func TestHousekeepingRemovesWhatIsPastTheRetention(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if d, _ := s.RetentionDays(ctx); d != DefaultRetentionDays {
		t.Fatalf("default retention %d", d)
	}
	if err := s.SetRetentionDays(ctx, 0); !usererr.Is(err, "retention_out_of_range") {
		t.Fatalf("0 days: %v", err)
	}
	if err := s.SetRetentionDays(ctx, 3); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-4 * 24 * time.Hour)
	age := func(p string) {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	oldUpload, _, _ := s.Transfer.PutUpload(strings.NewReader("account,name\n"))
	age(filepath.Join(s.DataDir, "uploads", oldUpload))
	newUpload, _, _ := s.Transfer.PutUpload(strings.NewReader("account,name\n"))
	oldExport, err := s.ExportDirectory(ctx, "csv", "zh")
	if err != nil {
		t.Fatal(err)
	}
	age(oldExport.Path)

	csv := []byte("account,name\na1,甲\n")
	for i := 0; i < 3; i++ {
		if _, err := s.Directory.Preview(ctx, csv, directory.ImportOptions{FileName: "x.csv"}); err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.StartDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	binding := "企业微信UserID,本地账号\nwx1,a1\n"
	for i := 0; i < 2; i++ {
		if _, err := s.Review.PreviewImport(ctx, c.ID, strings.NewReader(binding), "csv", "account"); err != nil {
			t.Fatal(err)
		}
	}
	// Every preview is old; the newest of each kind stays (ids are never reused).
	ts := store.TimeOf(old)
	for _, table := range []string{"import_previews", "bind_import_previews"} {
		if _, err := s.Store.DB.ExecContext(ctx, `UPDATE `+table+` SET created_at = ?`, ts); err != nil {
			t.Fatal(err)
		}
	}

	// At start (StartBackground), not only when asked.
	if err := s.StartBackground(ctx); err != nil {
		t.Fatal(err)
	}
	gone := func(p string) bool { _, err := os.Stat(p); return os.IsNotExist(err) }
	var previews, bindPreviews int
	counted := func() bool {
		s.Store.DB.GetContext(ctx, &previews, `SELECT COUNT(*) FROM import_previews`)
		s.Store.DB.GetContext(ctx, &bindPreviews, `SELECT COUNT(*) FROM bind_import_previews`)
		return previews == 1 && bindPreviews == 1
	}
	// The run is in the background: wait for its effects (no timing asserted).
	for deadline := time.Now().Add(30 * time.Second); !(gone(oldExport.Path) && counted()) && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	if !gone(oldExport.Path) || !gone(filepath.Join(s.DataDir, "uploads", oldUpload)) {
		t.Fatal("old upload and export must be removed at start")
	}
	if previews != 1 || bindPreviews != 1 {
		t.Fatalf("%d import previews and %d binding-import previews left, want the newest of each", previews, bindPreviews)
	}
	if _, err := s.Transfer.TakeUpload(newUpload); err != nil {
		t.Fatalf("a recent upload must stay: %v", err)
	}
	// The newest stays usable.
	var last int64
	s.Store.DB.GetContext(ctx, &last, `SELECT MAX(id) FROM import_previews`)
	if _, err := s.Directory.LoadPreview(ctx, last); err != nil {
		t.Fatal(err)
	}
	r, err := s.Housekeep(ctx)
	if err != nil || r != (HousekeepResult{}) {
		t.Fatalf("a second run removes nothing: %+v %v", r, err)
	}
}
