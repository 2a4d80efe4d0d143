// Package secrets encrypts the corp's secrets at rest (AES-256-GCM).
//
// The 32-byte key lives in the OS keyring when one answers quickly, else in a
// 0600 file <data>/secret.key. Every ciphertext names the key that sealed it,
// so a database copied to another machine without its key is recognised
// (ErrKeyMismatch: enter the secrets again) instead of failing obscurely.
package secrets

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"wecom-bridge/backend/logging"
	"wecom-bridge/backend/usererr"
)

// Ciphertext format: "v1:<key id>:<base64url(nonce | sealed)>". The version
// and key id are also the GCM additional data, so neither can be swapped.
const (
	formatV1 = "v1"
	keyBytes = 32
)

// ErrKeyMismatch means a value was sealed with another key than this
// installation's: the database came from another machine or the key was lost.
// Nothing is wrong with the program; the admin enters the secrets again.
var ErrKeyMismatch = errors.New("secrets: stored secret was encrypted with another key")

// ErrCorrupt means a stored value is not in a format this version reads, or
// failed authentication under the right key (damaged or edited by hand).
var ErrCorrupt = errors.New("secrets: stored secret is damaged")

// DecryptError says why a stored secret cannot be read and what to do.
// errors.Is matches ErrKeyMismatch or ErrCorrupt.
type DecryptError struct {
	Kind      error  // ErrKeyMismatch or ErrCorrupt
	StoredKey string // key id in the ciphertext ("" when unreadable)
	OurKey    string
}

func (e *DecryptError) Error() string { return e.UserMessage().EN }

// UserMessage says it to the admin: enter the secrets again.
func (e *DecryptError) UserMessage() usererr.Message {
	if e.Kind == ErrKeyMismatch {
		return usererr.Msg("secret_key_mismatch", usererr.Args{"stored": e.StoredKey, "ours": e.OurKey})
	}
	return usererr.Msg("secret_damaged", nil)
}

func (e *DecryptError) Unwrap() error { return e.Kind }

// Vault seals and opens secrets with one key. Safe for concurrent use.
type Vault struct {
	aead    cipher.AEAD
	keyID   string
	backend Backend
}

// newVault builds a Vault around a raw 32-byte key.
func newVault(key []byte, backend Backend) (*Vault, error) {
	if len(key) != keyBytes {
		return nil, fmt.Errorf("secrets: key must be %d bytes, got %d", keyBytes, len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Vault{aead: aead, keyID: KeyID(key), backend: backend}, nil
}

// NewWithKey returns a Vault over key (32 bytes), for tools and tests that
// manage the key themselves.
func NewWithKey(key []byte) (*Vault, error) { return newVault(key, BackendMemory) }

// KeyID is a short public fingerprint of key, stored with every ciphertext.
func KeyID(key []byte) string {
	sum := sha256.Sum256(append([]byte("wecom-bridge/secrets/key-id\x00"), key...))
	return hex.EncodeToString(sum[:4])
}

// KeyID returns the fingerprint of this vault's key.
func (v *Vault) KeyID() string { return v.keyID }

// Backend says where the key is kept.
func (v *Vault) Backend() Backend { return v.backend }

func (v *Vault) aad() []byte { return []byte(formatV1 + ":" + v.keyID) }

// Encrypt seals plain. The empty string stays empty ("no secret"). The value is
// also registered for log redaction, since whoever saves it may log nearby.
func (v *Vault) Encrypt(plain string) (string, error) {
	if plain == "" {
		return "", nil
	}
	logging.AddSecret(plain)
	nonce := make([]byte, v.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	sealed := v.aead.Seal(nonce, nonce, []byte(plain), v.aad())
	return formatV1 + ":" + v.keyID + ":" + base64.RawURLEncoding.EncodeToString(sealed), nil
}

// Decrypt opens a value from Encrypt. "" gives "". A value sealed by another
// key gives a *DecryptError matching ErrKeyMismatch; a damaged one ErrCorrupt.
// Every opened secret is registered for log redaction.
func (v *Vault) Decrypt(stored string) (string, error) {
	if stored == "" {
		return "", nil
	}
	version, rest, ok1 := strings.Cut(stored, ":")
	kid, payload, ok2 := strings.Cut(rest, ":")
	if !ok1 || !ok2 || version != formatV1 {
		return "", &DecryptError{Kind: ErrCorrupt, OurKey: v.keyID}
	}
	if kid != v.keyID {
		return "", &DecryptError{Kind: ErrKeyMismatch, StoredKey: kid, OurKey: v.keyID}
	}
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	ns := v.aead.NonceSize()
	if err != nil || len(raw) < ns+v.aead.Overhead() {
		return "", &DecryptError{Kind: ErrCorrupt, StoredKey: kid, OurKey: v.keyID}
	}
	plain, err := v.aead.Open(nil, raw[:ns], raw[ns:], v.aad())
	if err != nil {
		return "", &DecryptError{Kind: ErrCorrupt, StoredKey: kid, OurKey: v.keyID}
	}
	s := string(plain)
	logging.AddSecret(s)
	return s, nil
}

// StoredKeyID returns the key id recorded in a stored value ("" if none).
func StoredKeyID(stored string) string {
	if v, rest, ok := strings.Cut(stored, ":"); ok && v == formatV1 {
		kid, _, _ := strings.Cut(rest, ":")
		return kid
	}
	return ""
}

// maskDots is what stands for the hidden part of a secret.
const maskDots = "••••"

// Mask shows only the last four characters: "••••abcd". Short values show
// nothing but the dots, and "" stays "" (no secret set).
func Mask(secret string) string {
	if secret == "" {
		return ""
	}
	n := utf8.RuneCountInString(secret)
	if n <= 8 {
		return maskDots // revealing 4 of ≤8 characters would give too much away
	}
	r := []rune(secret)
	return maskDots + string(r[n-4:])
}
