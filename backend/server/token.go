package server

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
	"wecom-bridge/backend/usererr"
)

// TokenEnv sets the serve token from the environment.
const TokenEnv = "WECOM_BRIDGE_TOKEN"

// MinTokenLen is the shortest serve token accepted from anywhere.
const MinTokenLen = 32

// maxTokenLen bounds a token read from a file or the environment.
const maxTokenLen = 512

// DefaultTokenFile is the generated token's file name in the data directory.
const DefaultTokenFile = "serve.token"

// Token is the serve token and where it came from. File is where a rotated
// token is written; it is empty when the token came from $WECOM_BRIDGE_TOKEN,
// which the server cannot change.
type Token struct {
	Value string
	File  string
}

// LoadToken picks the serve token: the --token-file (created with a new
// token when missing), else $WECOM_BRIDGE_TOKEN, else <data>/serve.token
// (created, mode 0600, on first use). Every source must give at least
// MinTokenLen characters.
func LoadToken(dataDir, tokenFile string) (Token, error) {
	if tokenFile != "" {
		return loadTokenFile(tokenFile)
	}
	if t := strings.TrimSpace(os.Getenv(TokenEnv)); t != "" {
		if err := checkToken(t, "$"+TokenEnv); err != nil {
			return Token{}, err
		}
		return Token{Value: t}, nil
	}
	return loadTokenFile(filepath.Join(dataDir, DefaultTokenFile))
}

func loadTokenFile(path string) (Token, error) {
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		t := strings.TrimSpace(string(b))
		if t == "" {
			break // an empty file gets a new token
		}
		if err := checkToken(t, path); err != nil {
			return Token{}, err
		}
		return Token{Value: t, File: path}, nil
	case !errors.Is(err, os.ErrNotExist):
		return Token{}, fmt.Errorf("read the serve token from %s: %w", path, err)
	}
	t := newToken()
	if err := writeTokenFile(path, t); err != nil {
		return Token{}, err
	}
	return Token{Value: t, File: path}, nil
}

func checkToken(t, from string) error {
	n := utf8.RuneCountInString(t)
	if n < MinTokenLen {
		return usererr.New("serve_token_short", usererr.Args{"from": from, "n": n, "min": MinTokenLen})
	}
	if len(t) > maxTokenLen {
		return usererr.New("serve_token_long", usererr.Args{"from": from, "max": maxTokenLen})
	}
	for _, r := range t {
		if r <= ' ' || r == 0x7f {
			return usererr.New("serve_token_spaces", usererr.Args{"from": from})
		}
	}
	return nil
}

// newToken is 32 random bytes in hex (64 characters).
func newToken() string {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		panic("crypto/rand: " + err.Error()) // never fails on supported platforms
	}
	return hex.EncodeToString(buf)
}

// writeTokenFile replaces path atomically with a 0600 file holding t.
func writeTokenFile(path, t string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".serve-token-*")
	if err != nil {
		return fmt.Errorf("write the serve token to %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err == nil {
		_, err = tmp.WriteString(t + "\n")
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("write the serve token to %s: %w", path, err)
	}
	return nil
}
