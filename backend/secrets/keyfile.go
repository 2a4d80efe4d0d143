package secrets

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"runtime"
	"strings"
)

// openFileKey reads the key file, creating it (0600, exclusively) when absent.
// A file readable by others is tightened to 0600 with a warning rather than
// refused: refusing would lock the admin out of their own secrets.
func openFileKey(path string, log *slog.Logger) (*Vault, error) {
	key, err := readKeyFile(path, log)
	if errors.Is(err, fs.ErrNotExist) {
		key, err = createKeyFile(path)
		if errors.Is(err, fs.ErrExist) { // another process created it first
			key, err = readKeyFile(path, log)
		}
	}
	if err != nil {
		return nil, err
	}
	return newVault(key, BackendFile)
}

func readKeyFile(path string, log *slog.Logger) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0 {
		log.Warn("secrets: key file was readable by other users; tightening to 0600", "file", path, "mode", fi.Mode().Perm().String())
		if err := os.Chmod(path, 0o600); err != nil {
			return nil, fmt.Errorf("key file %s is readable by other users and cannot be tightened (%v): run chmod 600 on it", path, err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read key file %s: %w", path, err)
	}
	key, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(key) != keyBytes {
		// Never overwrite it: the key may still be recoverable from a backup.
		return nil, fmt.Errorf("key file %s is damaged (want %d base64-encoded bytes): restore it from a backup, "+
			"or move it away and enter the corp secrets again", path, keyBytes)
	}
	return key, nil
}

func createKeyFile(path string) ([]byte, error) {
	key := newKey()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	_, werr := f.WriteString(base64.StdEncoding.EncodeToString(key) + "\n")
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(path)
		return nil, fmt.Errorf("write key file %s: %w", path, err)
	}
	return key, nil
}
