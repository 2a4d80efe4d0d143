//go:build unix

package datadir

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// dirLock is an flock on the data directory itself: it cannot be deleted
// while it holds the app's files, so removing .lock does not free it.
type dirLock struct{ f *os.File }

func lockDir(dir string) (dirLock, bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return dirLock{}, false, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return dirLock{}, false, nil
		}
		return dirLock{}, false, err
	}
	return dirLock{f: f}, true, nil
}

func (d dirLock) unlock() {
	if d.f != nil {
		_ = unix.Flock(int(d.f.Fd()), unix.LOCK_UN)
		d.f.Close()
	}
}
