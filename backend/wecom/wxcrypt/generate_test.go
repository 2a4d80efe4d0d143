package wxcrypt

import (
	"strings"
	"testing"
)

func onlyAlphanumeric(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune(alphanumeric, r) {
			return false
		}
	}
	return true
}

func TestGenerateToken(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		tok := GenerateToken()
		if len(tok) != 32 || !onlyAlphanumeric(tok) {
			t.Fatalf("token of length %d is not 32 letters/digits", len(tok))
		}
		if seen[tok] {
			t.Fatal("GenerateToken repeated a value")
		}
		seen[tok] = true
	}
}

func TestGenerateEncodingAESKeyIsAcceptedByNew(t *testing.T) {
	seen := map[string]bool{}
	chars := map[rune]bool{}
	for range 300 {
		key := GenerateEncodingAESKey()
		if len(key) != 43 || strings.Contains(key, "=") || !onlyAlphanumeric(key) {
			t.Fatalf("key of length %d is not 43 letters/digits", len(key))
		}
		if seen[key] {
			t.Fatal("GenerateEncodingAESKey repeated a value")
		}
		seen[key] = true
		for _, r := range key {
			chars[r] = true
		}
		c, err := New(GenerateToken(), key, "ww0123456789abcdef")
		if err != nil {
			t.Fatalf("New rejected a generated key: %v", err)
		}
		out, err := c.Encrypt([]byte("<xml>ok</xml>"), "1700000000", "42")
		if err != nil {
			t.Fatal(err)
		}
		env := parseEnvelope(t, out)
		if got, err := c.Decrypt(env.MsgSignature, "1700000000", "42", out); err != nil || string(got) != "<xml>ok</xml>" {
			t.Fatalf("round trip with a generated key = %q, %v", got, err)
		}
	}
	// 300 keys draw 12,900 characters; every one of the 62 should show up.
	if len(chars) != len(alphanumeric) {
		t.Errorf("generated keys used %d distinct characters, want %d", len(chars), len(alphanumeric))
	}
}
