package secrets

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/zalando/go-keyring"
)

// Backend names where the vault key lives.
type Backend string

const (
	BackendAuto    Backend = ""        // keyring if it answers, else file
	BackendKeyring Backend = "keyring" // the OS keyring only (an error if unavailable)
	BackendFile    Backend = "file"    // <data>/secret.key only
	BackendMemory  Backend = "memory"  // NewWithKey
)

// EnvBackend forces the backend: "file" (CI, servers) or "keyring".
const EnvBackend = "WECOM_BRIDGE_KEYSTORE"

// KeyFileName is the key file inside the data directory.
const KeyFileName = "secret.key"

// KeyringService is the keyring service name; the user is DataDirID(dataDir).
const KeyringService = "wecom-bridge"

// DefaultKeyringTimeout bounds each keyring call. go-keyring talks D-Bus on
// Linux, which can block (no session bus, a locked collection waiting for a
// prompt); a desktop start must not hang on it.
const DefaultKeyringTimeout = 3 * time.Second

// Keyring is the part of the OS keyring the vault uses (go-keyring by default).
type Keyring interface {
	Get(service, user string) (string, error)
	Set(service, user, password string) error
}

// ErrKeyringNotFound is what a Keyring returns for a missing entry.
var ErrKeyringNotFound = keyring.ErrNotFound

type osKeyring struct{}

func (osKeyring) Get(service, user string) (string, error) { return keyring.Get(service, user) }
func (osKeyring) Set(service, user, pw string) error       { return keyring.Set(service, user, pw) }

// Options configure Open. The zero value is auto-detection with go-keyring.
type Options struct {
	Backend        Backend       // "" = $WECOM_BRIDGE_KEYSTORE, else auto
	Keyring        Keyring       // nil = the OS keyring
	KeyringTimeout time.Duration // 0 = DefaultKeyringTimeout
	Logger         *slog.Logger
}

// Open returns the vault for dataDir. The key comes from, in order: the key
// file when it exists (a key once written there stays there); the OS keyring
// (created on first use); a new key file, when the keyring is unavailable.
func Open(dataDir string, opts Options) (*Vault, error) {
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	backend := opts.Backend
	if backend == BackendAuto {
		backend = Backend(strings.ToLower(strings.TrimSpace(os.Getenv(EnvBackend))))
	}
	switch backend {
	case BackendAuto, BackendFile, BackendKeyring:
	default:
		return nil, fmt.Errorf("%s=%q: use \"file\" or \"keyring\" (or leave it empty to choose automatically)", EnvBackend, backend)
	}
	keyPath := filepath.Join(dataDir, KeyFileName)
	if backend == BackendFile {
		return openFileKey(keyPath, log)
	}
	if backend == BackendAuto {
		if _, err := os.Stat(keyPath); err == nil {
			return openFileKey(keyPath, log)
		}
	}
	kr := opts.Keyring
	if kr == nil {
		kr = osKeyring{}
	}
	timeout := opts.KeyringTimeout
	if timeout <= 0 {
		timeout = DefaultKeyringTimeout
	}
	v, err := openKeyringKey(kr, DataDirID(dataDir), timeout, opts.Keyring == nil)
	if err == nil {
		return v, nil
	}
	if backend == BackendKeyring {
		return nil, fmt.Errorf("the OS keyring is not usable (%v): unlock it, or set %s=file to keep the key in %s", err, EnvBackend, keyPath)
	}
	log.Warn("secrets: OS keyring unavailable; keeping the encryption key in a 0600 file instead", "file", keyPath, "reason", err)
	return openFileKey(keyPath, log)
}

// DataDirID is the keyring user for a data directory: stable for one path,
// different for two, and free of the path itself.
func DataDirID(dataDir string) string {
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		abs = dataDir
	}
	sum := sha256.Sum256([]byte(filepath.Clean(abs)))
	return "data-" + hex.EncodeToString(sum[:8])
}

// openKeyringKey reads (or creates) the key in the keyring, each call bounded by timeout.
func openKeyringKey(kr Keyring, user string, timeout time.Duration, isOS bool) (*Vault, error) {
	if isOS && runtime.GOOS == "linux" && os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		// Without a session bus godbus would try to autolaunch one: slow at best.
		return nil, errors.New("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is empty)")
	}
	encoded, err := withTimeout(timeout, func() (string, error) { return kr.Get(KeyringService, user) })
	if errors.Is(err, keyring.ErrNotFound) {
		key := newKey()
		encoded = base64.StdEncoding.EncodeToString(key)
		if _, err := withTimeout(timeout, func() (string, error) { return "", kr.Set(KeyringService, user, encoded) }); err != nil {
			return nil, fmt.Errorf("store key in keyring: %w", err)
		}
		return newVault(key, BackendKeyring)
	}
	if err != nil {
		return nil, err
	}
	key, err := base64.StdEncoding.DecodeString(strings.TrimSpace(encoded))
	if err != nil || len(key) != keyBytes {
		return nil, fmt.Errorf("keyring entry %s/%s is not a %d-byte base64 key", KeyringService, user, keyBytes)
	}
	return newVault(key, BackendKeyring)
}

// withTimeout runs fn in a goroutine and gives up after d. A call that hangs
// is abandoned (its goroutine ends whenever D-Bus answers).
func withTimeout(d time.Duration, fn func() (string, error)) (string, error) {
	type result struct {
		s   string
		err error
	}
	ch := make(chan result, 1)
	go func() {
		s, err := fn()
		ch <- result{s, err}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	select {
	case r := <-ch:
		return r.s, r.err
	case <-ctx.Done():
		return "", fmt.Errorf("keyring did not answer within %v", d)
	}
}

func newKey() []byte {
	key := make([]byte, keyBytes)
	rand.Read(key) // never fails (Go ≥1.24 crashes instead)
	return key
}
