package datadir

import (
	"errors"
	"os"
	"path/filepath"
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
