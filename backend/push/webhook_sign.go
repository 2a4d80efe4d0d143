package push

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// SignatureHeader carries a webhook body's signature: "sha256=" and the
// lowercase hex HMAC-SHA256 of the exact body bytes with the rule's secret.
const SignatureHeader = "X-WeCom-Bridge-Signature"

// Sign is the SignatureHeader value for body.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// VerifySignature is how a receiver checks a webhook (constant-time).
func VerifySignature(secret string, body []byte, header string) bool {
	return hmac.Equal([]byte(Sign(secret, body)), []byte(strings.TrimSpace(header)))
}

// newWebhookSecret is 32 random bytes, base64url, prefixed "whsec_".
func newWebhookSecret() string {
	b := make([]byte, 32)
	rand.Read(b)
	return "whsec_" + base64.RawURLEncoding.EncodeToString(b)
}
