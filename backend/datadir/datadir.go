// Package datadir decides where the app keeps its files and makes sure only
// one process uses a data directory at a time.
package datadir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gofrs/flock"
)

// EnvVar overrides the default data directory when --data is not given.
const EnvVar = "WECOM_BRIDGE_DATA"

// Resolve returns the data directory: the flag value, else $WECOM_BRIDGE_DATA,
// else os.UserConfigDir()/wecom-bridge. The result is absolute.
func Resolve(flagValue string) (string, error) {
	dir := flagValue
	if dir == "" {
		dir = os.Getenv(EnvVar)
	}
	if dir == "" {
		base, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("cannot find a config directory (%v): pass --data DIR or set %s", err, EnvVar)
		}
		dir = filepath.Join(base, "wecom-bridge")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return "", fmt.Errorf("create data directory %s: %w", abs, err)
	}
	return abs, nil
}

// Lock is an exclusive, process-wide lock on a data directory.
type Lock struct{ fl *flock.Flock }

// ErrLocked means another wecom-bridge process holds the data directory.
var ErrLocked = errors.New("data directory is in use")

// Acquire takes the lock on <dir>/.lock without waiting. The OS releases it
// if the process dies, so a crash never leaves a stale lock behind.
func Acquire(dir string) (*Lock, error) {
	fl := flock.New(filepath.Join(dir, ".lock"))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock data directory %s: %w", dir, err)
	}
	if !ok {
		return nil, fmt.Errorf("%w: another wecom-bridge is already running on %s. "+
			"Close it first, or start this one with a different --data directory", ErrLocked, dir)
	}
	return &Lock{fl: fl}, nil
}

// Release frees the lock.
func (l *Lock) Release() error {
	if l == nil || l.fl == nil {
		return nil
	}
	return l.fl.Unlock()
}
