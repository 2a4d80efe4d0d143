// Package datadir decides where the app keeps its files and makes sure only
// one process uses a data directory at a time.
package datadir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"wecom-bridge/backend/usererr"

	"github.com/gofrs/flock"
)

// EnvVar overrides the default data directory when --data is not given.
const EnvVar = "WECOM_BRIDGE_DATA"

// DirMode is the data directory's mode: it holds the secrets' key, the
// database and the logs, so only the owner may list or enter it.
const DirMode os.FileMode = 0o700

// Resolve returns the data directory: the flag value, else $WECOM_BRIDGE_DATA,
// else os.UserConfigDir()/wecom-bridge. The result is absolute, exists, and
// has DirMode (an existing directory with wider permissions is narrowed).
func Resolve(flagValue string) (string, error) {
	dir := flagValue
	if dir == "" {
		dir = os.Getenv(EnvVar)
	}
	if dir == "" {
		base, err := os.UserConfigDir()
		if err != nil {
			return "", usererr.Wrap(err, "data_dir_unknown", usererr.Args{"error": err.Error(), "env": EnvVar})
		}
		dir = filepath.Join(base, "wecom-bridge")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(abs, DirMode); err != nil {
		return "", usererr.Wrap(err, "data_dir_create", usererr.Args{"dir": abs, "error": err.Error()})
	}
	if err := Narrow(abs, DirMode); err != nil {
		return "", err
	}
	return abs, nil
}

// Narrow removes the permission bits of path beyond mode (group and others),
// so a directory or file made by an older version or another tool is fixed
// at start. It never widens. On Windows permission bits do not apply (the
// per-user profile directory is what protects the files), and a chmod of an
// open file there fails with a sharing violation: Narrow does nothing.
func Narrow(path string, mode os.FileMode) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.Mode().Perm()&^mode == 0 {
		return nil
	}
	if err := os.Chmod(path, fi.Mode().Perm()&mode); err != nil {
		return fmt.Errorf("restrict permissions of %s to %o: %w", path, mode, err)
	}
	return nil
}

// Lock is an exclusive, process-wide lock on a data directory: an OS lock on
// <dir>/.lock plus, where the OS allows it, on the directory itself. The
// directory lock is what keeps a second process out even if someone deletes
// .lock; on Windows the held .lock cannot be deleted.
type Lock struct {
	fl  *flock.Flock
	dir dirLock
}

// ErrLocked means another wecom-bridge process holds the data directory.
var ErrLocked = errors.New("data directory is in use")

// Acquire takes the lock without waiting. The OS releases it if the process
// dies, so a crash never leaves a stale lock behind. The holder's process id
// is written to .lock so the refusal can name it.
func Acquire(dir string) (*Lock, error) {
	dl, ok, err := lockDir(dir)
	if err != nil {
		return nil, fmt.Errorf("lock data directory %s: %w", dir, err)
	}
	if !ok {
		return nil, lockedErr(dir)
	}
	path := filepath.Join(dir, ".lock")
	fl := flock.New(path, flock.SetPermissions(0o600))
	ok, err = fl.TryLock()
	if err != nil || !ok {
		dl.unlock()
		if err != nil {
			return nil, fmt.Errorf("lock data directory %s: %w", dir, err)
		}
		return nil, lockedErr(dir)
	}
	_ = os.WriteFile(path, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o600)
	return &Lock{fl: fl, dir: dl}, nil
}

func lockedErr(dir string) error {
	if b, err := os.ReadFile(filepath.Join(dir, ".lock")); err == nil {
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 0 {
			return usererr.Wrap(ErrLocked, "data_dir_locked_pid", usererr.Args{"pid": pid, "dir": dir})
		}
	}
	return usererr.Wrap(ErrLocked, "data_dir_locked", usererr.Args{"dir": dir})
}

// Release frees the lock.
func (l *Lock) Release() error {
	if l == nil || l.fl == nil {
		return nil
	}
	err := l.fl.Unlock()
	l.dir.unlock()
	return err
}
