package secrets

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"wecom-bridge/backend/usererr"

	"wecom-bridge/backend/logging"
)

func fileVault(t *testing.T, dir string) *Vault {
	t.Helper()
	v, err := Open(dir, Options{Backend: BackendFile})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestRoundTripAndFormat(t *testing.T) {
	v := fileVault(t, t.TempDir())
	secret := "Abc_def-GHIjklmnopqrstuvwxyz0123456789ABCDE"
	ct, err := v.Encrypt(secret)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ct, "v1:"+v.KeyID()+":") || strings.Contains(ct, secret) {
		t.Fatalf("ciphertext %q: want v1:<keyid>: prefix and no plaintext", ct)
	}
	ct2, _ := v.Encrypt(secret)
	if ct == ct2 {
		t.Fatal("two encryptions of one value must differ (random nonce)")
	}
	got, err := v.Decrypt(ct)
	if err != nil || got != secret {
		t.Fatalf("Decrypt = %q, %v", got, err)
	}
	if e, _ := v.Encrypt(""); e != "" {
		t.Fatalf("empty secret encrypts to %q, want empty", e)
	}
	if d, err := v.Decrypt(""); d != "" || err != nil {
		t.Fatalf("Decrypt(\"\") = %q, %v", d, err)
	}
}

func TestOtherKeyIsKeyMismatchNotPanic(t *testing.T) {
	a := fileVault(t, t.TempDir())
	b := fileVault(t, t.TempDir()) // "another machine"
	ct, _ := a.Encrypt("a-secret-value-that-is-long-enough")
	_, err := b.Decrypt(ct)
	if !errors.Is(err, ErrKeyMismatch) {
		t.Fatalf("err = %v, want ErrKeyMismatch", err)
	}
	var de *DecryptError
	if !errors.As(err, &de) || de.StoredKey != a.KeyID() || de.OurKey != b.KeyID() {
		t.Fatalf("DecryptError = %+v", de)
	}
	if !strings.Contains(usererr.ZH(err), "重新填写") || !strings.Contains(err.Error(), "enter the secrets again") {
		t.Fatalf("message must ask to enter the secrets again: %v", err)
	}
	if strings.Contains(err.Error(), "a-secret-value") {
		t.Fatal("error leaks the secret")
	}
}

func TestDamagedValueIsCorrupt(t *testing.T) {
	v := fileVault(t, t.TempDir())
	ct, _ := v.Encrypt("value-to-damage-123456")
	for _, bad := range []string{"plain-text-from-old-version", "v2:" + v.KeyID() + ":AAAA", ct[:len(ct)-3] + "AAA", "v1:" + v.KeyID() + ":!!"} {
		if _, err := v.Decrypt(bad); !errors.Is(err, ErrCorrupt) {
			t.Errorf("Decrypt(%q) = %v, want ErrCorrupt", bad, err)
		}
	}
}

func TestKeyFileCreated0600AndReused(t *testing.T) {
	dir := t.TempDir()
	v1 := fileVault(t, dir)
	fi, err := os.Stat(filepath.Join(dir, KeyFileName))
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v, want 0600", fi.Mode().Perm())
	}
	if v1.Backend() != BackendFile {
		t.Fatalf("backend %q", v1.Backend())
	}
	ct, _ := v1.Encrypt("survives-a-restart-1234")
	v2 := fileVault(t, dir)
	if got, err := v2.Decrypt(ct); err != nil || got != "survives-a-restart-1234" {
		t.Fatalf("after reopen: %q, %v", got, err)
	}
}

func TestLooseKeyFileIsTightenedWithWarning(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no POSIX modes")
	}
	dir := t.TempDir()
	fileVault(t, dir)
	path := filepath.Join(dir, KeyFileName)
	os.Chmod(path, 0o644)
	log, buf := logging.Capture()
	if _, err := Open(dir, Options{Backend: BackendFile, Logger: log}); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v after open, want 0600", fi.Mode().Perm())
	}
	if !strings.Contains(buf.String(), "tightening to 0600") {
		t.Fatalf("no warning logged: %s", buf)
	}
}

func TestDamagedKeyFileIsRefusedNotReplaced(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, KeyFileName)
	os.WriteFile(path, []byte("not a key\n"), 0o600)
	_, err := Open(dir, Options{Backend: BackendFile})
	if err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("err = %v, want damaged key file", err)
	}
	b, _ := os.ReadFile(path)
	if string(b) != "not a key\n" {
		t.Fatal("damaged key file was overwritten")
	}
}

// fakeKeyring is an in-memory keyring; hang makes every call block.
type fakeKeyring struct {
	mu   sync.Mutex
	m    map[string]string
	err  error
	hang chan struct{}
}

func (k *fakeKeyring) Get(service, user string) (string, error) {
	if k.hang != nil {
		<-k.hang
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.err != nil {
		return "", k.err
	}
	v, ok := k.m[service+"/"+user]
	if !ok {
		return "", ErrKeyringNotFound
	}
	return v, nil
}

func (k *fakeKeyring) Set(service, user, pw string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.err != nil {
		return k.err
	}
	k.m[service+"/"+user] = pw
	return nil
}

func TestKeyringUsedWhenAvailable(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvBackend, "")
	kr := &fakeKeyring{m: map[string]string{}}
	v, err := Open(dir, Options{Keyring: kr})
	if err != nil || v.Backend() != BackendKeyring {
		t.Fatalf("Open = %v, %v; want keyring backend", v, err)
	}
	if _, err := os.Stat(filepath.Join(dir, KeyFileName)); !os.IsNotExist(err) {
		t.Fatal("key file written although the keyring worked")
	}
	if _, ok := kr.m[KeyringService+"/"+DataDirID(dir)]; !ok {
		t.Fatalf("key not stored under %s/%s: %v", KeyringService, DataDirID(dir), kr.m)
	}
	again, _ := Open(dir, Options{Keyring: kr})
	if again.KeyID() != v.KeyID() {
		t.Fatal("reopening gave another key")
	}
}

func TestKeyringErrorFallsBackToFile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvBackend, "")
	v, err := Open(dir, Options{Keyring: &fakeKeyring{err: errors.New("org.freedesktop.DBus.Error.ServiceUnknown")}})
	if err != nil || v.Backend() != BackendFile {
		t.Fatalf("Open = %v, %v; want file fallback", v, err)
	}
	if _, err := os.Stat(filepath.Join(dir, KeyFileName)); err != nil {
		t.Fatal("no key file after fallback")
	}
}

func TestHangingKeyringTimesOutAndFallsBack(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvBackend, "")
	hang := make(chan struct{})
	defer close(hang)
	start := time.Now()
	v, err := Open(dir, Options{Keyring: &fakeKeyring{hang: hang}, KeyringTimeout: 50 * time.Millisecond})
	if err != nil || v.Backend() != BackendFile {
		t.Fatalf("Open = %v, %v; want file fallback", v, err)
	}
	if time.Since(start) > 2*time.Second {
		t.Fatal("a hanging keyring delayed Open")
	}
}

func TestEnvForcesFileAndRejectsUnknown(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvBackend, "file")
	kr := &fakeKeyring{m: map[string]string{}}
	v, err := Open(dir, Options{Keyring: kr})
	if err != nil || v.Backend() != BackendFile || len(kr.m) != 0 {
		t.Fatalf("env file: %v, %v, keyring used: %v", v, err, kr.m)
	}
	t.Setenv(EnvBackend, "vault")
	if _, err := Open(t.TempDir(), Options{}); err == nil || !strings.Contains(err.Error(), EnvBackend) {
		t.Fatalf("unknown backend: err = %v", err)
	}
}

func TestForcedKeyringFailsLoudly(t *testing.T) {
	_, err := Open(t.TempDir(), Options{Backend: BackendKeyring, Keyring: &fakeKeyring{err: errors.New("locked")}})
	if err == nil || !strings.Contains(err.Error(), "=file") {
		t.Fatalf("err = %v, want advice to use the file backend", err)
	}
}

func TestExistingKeyFileWinsOverKeyring(t *testing.T) {
	dir := t.TempDir()
	fv := fileVault(t, dir)
	t.Setenv(EnvBackend, "")
	v, err := Open(dir, Options{Keyring: &fakeKeyring{m: map[string]string{}}})
	if err != nil || v.KeyID() != fv.KeyID() {
		t.Fatalf("Open = %v, %v; want the existing file key", v, err)
	}
}

func TestMask(t *testing.T) {
	cases := map[string]string{
		"": "", "abc": "••••", "12345678": "••••",
		"Abc_def-GHIjklmnopqrstuvwxyz0123456789ABCDE": "••••BCDE",
		"密钥密钥密钥密钥密钥":                                  "••••密钥密钥",
	}
	for in, want := range cases {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDecryptedSecretsAreRedactedFromLogs(t *testing.T) {
	v := fileVault(t, t.TempDir())
	secret := "redact-me-please-0123456789"
	ct, _ := v.Encrypt(secret)
	v.Decrypt(ct)
	log, buf := logging.Capture()
	log.Info("loaded", "value", secret)
	if strings.Contains(buf.String(), secret) {
		t.Fatalf("secret in log: %s", buf)
	}
}

func TestRealKeyringWithoutSessionBusFallsBackFast(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("D-Bus check is Linux-only")
	}
	t.Setenv(EnvBackend, "")
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	start := time.Now()
	v, err := Open(t.TempDir(), Options{})
	if err != nil || v.Backend() != BackendFile {
		t.Fatalf("Open = %v, %v; want file fallback", v, err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("fallback took %v", d)
	}
}
