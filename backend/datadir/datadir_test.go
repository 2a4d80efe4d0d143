package datadir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestResolveOrder(t *testing.T) {
	flagDir := t.TempDir()
	envDir := t.TempDir()
	t.Setenv(EnvVar, envDir)
	got, err := Resolve(flagDir)
	if err != nil || got != flagDir {
		t.Fatalf("flag should win: got %q, %v", got, err)
	}
	got, err = Resolve("")
	if err != nil || got != envDir {
		t.Fatalf("env should be used without flag: got %q, %v", got, err)
	}
	t.Setenv(EnvVar, "")
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	got, err = Resolve("")
	if err != nil || got != filepath.Join(cfg, "wecom-bridge") {
		t.Fatalf("default should be UserConfigDir/wecom-bridge: got %q, %v", got, err)
	}
	if fi, err := os.Stat(got); err != nil || !fi.IsDir() {
		t.Fatalf("default dir not created: %v", err)
	}
}

func TestSecondLockRefused(t *testing.T) {
	dir := t.TempDir()
	l1, err := Acquire(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Acquire(dir); !errors.Is(err, ErrLocked) {
		t.Fatalf("second Acquire: want ErrLocked, got %v", err)
	}
	if err := l1.Release(); err != nil {
		t.Fatal(err)
	}
	l3, err := Acquire(dir)
	if err != nil {
		t.Fatalf("after release the lock must be free: %v", err)
	}
	l3.Release()
}

// Deleting .lock while a process holds the directory must not let a second
// one in: the lock is on the directory itself, not only on the marker file.
func TestDeletedLockFileDoesNotFreeTheDirectory(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows refuses to delete the held .lock")
	}
	dir := t.TempDir()
	l1, err := Acquire(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, ".lock")); err != nil {
		t.Fatal(err)
	}
	if _, err := Acquire(dir); !errors.Is(err, ErrLocked) {
		t.Fatalf("after deleting .lock a second Acquire must still be refused, got %v", err)
	}
	l1.Release()
	l2, err := Acquire(dir)
	if err != nil {
		t.Fatalf("after release the lock must be free: %v", err)
	}
	l2.Release()
}

// The refusal names the process that holds the directory.
func TestLockedErrorNamesTheHolder(t *testing.T) {
	dir := t.TempDir()
	l1, err := Acquire(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer l1.Release()
	_, err = Acquire(dir)
	if want := fmt.Sprintf("process %d", os.Getpid()); err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("want %q in %v", want, err)
	}
}

// An existing data directory readable by others is narrowed to 0700 at start.
func TestResolveNarrowsTheDirectoryMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o755)
	if _, err := Resolve(dir); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Fatalf("data directory mode %o, want 700", fi.Mode().Perm())
	}
}
