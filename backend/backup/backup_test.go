package backup

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wecom-bridge/backend/datadir"
	"wecom-bridge/backend/secrets"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// newDataDir is a data directory with a migrated database, a setting and a key file.
func newDataDir(t *testing.T, value string) (string, *store.Store) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SetSetting(context.Background(), "probe", value); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, secrets.KeyFileName), []byte("a2V5LWZvci10aGUtdGVzdHM=\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, st
}

func setting(t *testing.T, dir string) string {
	t.Helper()
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	v, err := st.GetSetting(context.Background(), "probe", "(none)")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func wantCode(t *testing.T, err error, code string) *usererr.Error {
	t.Helper()
	var ue *usererr.Error
	if !errors.As(err, &ue) || ue.Code != code {
		t.Fatalf("want the message %s, got %v", code, err)
	}
	if strings.Contains(ue.EN, "%!") || ue.ZH == "" {
		t.Fatalf("message %s badly rendered: %+v", code, ue.Message)
	}
	return ue
}

func TestBackupAndRestoreReplaceTheDataAndKeepTheOld(t *testing.T) {
	ctx := context.Background()
	src, st := newDataDir(t, "from the backup")
	out := filepath.Join(t.TempDir(), "b.tar.gz")
	res, err := Create(ctx, st.DB, src, out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Manifest.KeyFile || res.Encrypted || res.Manifest.SchemaVersion == 0 || len(res.Manifest.Files) != 2 {
		t.Fatalf("manifest %+v", res)
	}
	_, err = Create(ctx, st.DB, src, out, Options{})
	wantCode(t, err, "backup_out_exists")
	dst, dstStore := newDataDir(t, "replaced")
	dstStore.Close()
	oldKey, _ := os.ReadFile(filepath.Join(dst, secrets.KeyFileName))
	if err := os.WriteFile(filepath.Join(dst, secrets.KeyFileName), append(oldKey, 'x'), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := Restore(ctx, dst, out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := setting(t, dst); got != "from the backup" {
		t.Fatalf("restored setting %q", got)
	}
	key, _ := os.ReadFile(filepath.Join(dst, secrets.KeyFileName))
	srcKey, _ := os.ReadFile(filepath.Join(src, secrets.KeyFileName))
	if string(key) != string(srcKey) {
		t.Fatal("the key file was not restored")
	}
	// What was replaced is kept.
	if r.ReplacedDir == "" || setting(t, r.ReplacedDir) != "replaced" {
		t.Fatalf("replaced data not kept in %q", r.ReplacedDir)
	}
	if b, _ := os.ReadFile(filepath.Join(r.ReplacedDir, secrets.KeyFileName)); string(b) != string(oldKey)+"x" {
		t.Fatal("the replaced key file was not kept")
	}
}

func TestPassphraseRoundTrip(t *testing.T) {
	ctx := context.Background()
	src, st := newDataDir(t, "secret data")
	out := filepath.Join(t.TempDir(), "b.tar.gz.enc")
	if _, err := Create(ctx, st.DB, src, out, Options{Passphrase: "short"}); err == nil {
		t.Fatal("a short passphrase must be refused")
	} else {
		wantCode(t, err, "backup_passphrase_short")
	}
	pass := "correct horse battery 电池"
	if _, err := Create(ctx, st.DB, src, out, Options{Passphrase: pass}); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(raw), encMagic) || strings.Contains(string(raw), "manifest.json") || strings.Contains(string(raw), "SQLite format") {
		t.Fatal("the encrypted archive shows its contents")
	}
	dst := t.TempDir()
	_, err := Restore(ctx, dst, out, Options{})
	wantCode(t, err, "backup_passphrase_needed")
	_, err = Restore(ctx, dst, out, Options{Passphrase: pass + "!"})
	wantCode(t, err, "backup_passphrase_wrong")
	if _, err := os.Stat(filepath.Join(dst, store.FileName)); !os.IsNotExist(err) {
		t.Fatal("a refused restore wrote a database")
	}
	if _, err := Restore(ctx, dst, out, Options{Passphrase: pass}); err != nil {
		t.Fatal(err)
	}
	if got := setting(t, dst); got != "secret data" {
		t.Fatalf("restored %q", got)
	}
	// A truncated encrypted archive is refused: the last chunk is missing.
	cut := filepath.Join(t.TempDir(), "cut.enc")
	os.WriteFile(cut, raw[:len(raw)-100], 0o600)
	_, err = Restore(ctx, t.TempDir(), cut, Options{Passphrase: pass})
	wantCode(t, err, "backup_passphrase_wrong")
}

// A damaged archive, a file that is no backup at all, and a backup of a
// database with a newer schema than this binary's are refused with a clear
// message, and the data directory is left as it was.
func TestRestoreRefusesDamagedAndNewerArchives(t *testing.T) {
	ctx := context.Background()
	src, st := newDataDir(t, "good")
	good := filepath.Join(t.TempDir(), "good.tar.gz")
	if _, err := Create(ctx, st.DB, src, good, Options{}); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(good)
	dst, dstStore := newDataDir(t, "untouched")
	dstStore.Close()
	check := func(name string, content []byte, code string) {
		t.Helper()
		p := filepath.Join(t.TempDir(), name)
		os.WriteFile(p, content, 0o600)
		_, err := Restore(ctx, dst, p, Options{})
		ue := wantCode(t, err, code)
		if !strings.Contains(ue.EN, "Nothing was changed") && !strings.Contains(ue.EN, "nothing was changed") {
			t.Fatalf("%s: the message does not say nothing changed: %s", name, ue.EN)
		}
		if got := setting(t, dst); got != "untouched" {
			t.Fatalf("%s: the data directory changed (%q)", name, got)
		}
	}
	flipped := append([]byte(nil), raw...)
	flipped[len(flipped)/2] ^= 0xff
	check("flipped.tar.gz", flipped, "backup_archive_damaged")
	check("truncated.tar.gz", raw[:len(raw)/3], "backup_archive_damaged")
	check("notes.txt", []byte("just some text, not a backup"), "backup_archive_damaged")
	check("empty.tar.gz", nil, "backup_archive_damaged")

	// Newer schema: the source database claims a migration this binary does not know.
	known, _ := knownSchema()
	if _, err := st.DB.Exec(`INSERT INTO schema_migrations(version, name, applied_at) VALUES(?, 'from_the_future', '2030-01-01')`, known+1); err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(t.TempDir(), "newer.tar.gz")
	if _, err := Create(ctx, st.DB, src, newer, Options{}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(newer)
	check("newer.tar.gz", b, "backup_schema_newer")
}

func TestRestoreRefusesARunningInstance(t *testing.T) {
	ctx := context.Background()
	src, st := newDataDir(t, "backup")
	out := filepath.Join(t.TempDir(), "b.tar.gz")
	if _, err := Create(ctx, st.DB, src, out, Options{}); err != nil {
		t.Fatal(err)
	}
	dst, dstStore := newDataDir(t, "in use")
	defer dstStore.Close()
	lock, err := datadir.Acquire(dst) // what a running desktop or serve holds
	if err != nil {
		t.Fatal(err)
	}
	_, err = Restore(ctx, dst, out, Options{})
	ue := wantCode(t, err, "backup_instance_running")
	if !strings.Contains(ue.EN, dst) {
		t.Fatalf("the message does not name the directory: %s", ue.EN)
	}
	lock.Release()
	dstStore.Close()
	if got := setting(t, dst); got != "in use" {
		t.Fatalf("the data directory changed: %q", got)
	}
	if _, err := Restore(ctx, dst, out, Options{}); err != nil {
		t.Fatalf("after the instance closed: %v", err)
	}
}

// The CLI backs up a directory another process holds open (no lock needed)
// and restores it elsewhere; a passphrase comes from a file, not the command line.
func TestCLIBackupAndRestore(t *testing.T) {
	ctx := context.Background()
	src, _ := newDataDir(t, "via the cli")
	passFile := filepath.Join(t.TempDir(), "pass")
	os.WriteFile(passFile, []byte("a passphrase for the cli\n"), 0o600)
	out := filepath.Join(t.TempDir(), "cli.tar.gz.enc")
	var buf strings.Builder
	if err := RunBackupCLI(ctx, src, []string{"--out", out, "--passphrase-file", passFile}, &buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "encrypted: true") {
		t.Fatalf("backup said %q", buf.String())
	}
	dst := t.TempDir()
	buf.Reset()
	if err := RunRestoreCLI(ctx, dst, []string{out, "--passphrase-file", passFile}, &buf); err != nil {
		t.Fatal(err)
	}
	if got := setting(t, dst); got != "via the cli" {
		t.Fatalf("restored %q (%s)", got, buf.String())
	}
	if strings.Contains(buf.String(), "a passphrase for the cli") {
		t.Fatal("the passphrase was printed")
	}
}

func TestListAndPruneKeepTheNewestOfAKind(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(Dir(dir), 0o700)
	names := []string{
		"wecom-bridge-20261201T020000.000Z-daily.tar.gz",
		"wecom-bridge-20261202T020000.000Z-daily.tar.gz",
		"wecom-bridge-20261203T020000.000Z-daily.tar.gz.enc",
		"wecom-bridge-20261201T090000.000Z-manual.tar.gz",
		"bridge-20261201T090000.000-before-v9.db",
		"wecom-bridge-garbage-daily.tar.gz",
	}
	for _, n := range names {
		os.WriteFile(filepath.Join(Dir(dir), n), []byte("x"), 0o600)
	}
	list, err := List(dir)
	if err != nil || len(list) != 4 || list[0].Name != names[2] || !list[0].Encrypted || list[0].Kind != KindDaily {
		t.Fatalf("list %+v %v", list, err)
	}
	if n, err := Prune(dir, KindDaily, 2); err != nil || n != 1 {
		t.Fatalf("pruned %d, %v", n, err)
	}
	if _, err := os.Stat(filepath.Join(Dir(dir), names[0])); !os.IsNotExist(err) {
		t.Fatal("the oldest daily archive was kept")
	}
	for _, n := range names[1:] {
		if _, err := os.Stat(filepath.Join(Dir(dir), n)); err != nil {
			t.Fatalf("%s was removed", n)
		}
	}
}
