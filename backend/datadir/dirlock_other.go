//go:build !unix

package datadir

// dirLock is not needed where the OS refuses to delete an open file (Windows):
// the held .lock cannot be removed.
type dirLock struct{}

func lockDir(string) (dirLock, bool, error) { return dirLock{}, true, nil }

func (dirLock) unlock() {}
