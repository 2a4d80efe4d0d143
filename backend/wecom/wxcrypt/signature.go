package wxcrypt

import (
	"crypto/sha1"
	"crypto/subtle"
	"encoding/hex"
	"slices"
	"strings"
)

// Signature returns WeCom's msg_signature: the lowercase hex SHA-1 of token,
// timestamp, nonce and the base64 payload, sorted as strings and joined
// without separators.
func Signature(token, timestamp, nonce, encrypt string) string {
	parts := []string{token, timestamp, nonce, encrypt}
	slices.Sort(parts)
	sum := sha1.Sum([]byte(strings.Join(parts, "")))
	return hex.EncodeToString(sum[:])
}

// verifySignature compares in constant time so response timing does not reveal
// how much of a forged signature was right.
func (c *Crypt) verifySignature(msgSignature, timestamp, nonce, encrypt string) error {
	want := Signature(c.token, timestamp, nonce, encrypt)
	if subtle.ConstantTimeCompare([]byte(msgSignature), []byte(want)) != 1 {
		return ErrInvalidSignature
	}
	return nil
}
