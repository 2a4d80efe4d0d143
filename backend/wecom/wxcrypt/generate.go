package wxcrypt

import "crypto/rand"

const (
	alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	digits       = "0123456789"

	// tokenLength is the longest Token the WeCom console accepts (letters/digits, ≤32).
	tokenLength = 32
	// keyLength is the fixed EncodingAESKey length: 43 base64 characters, 32 bytes once "=" is appended.
	keyLength = 43
)

// GenerateToken returns a fresh callback Token: 32 random letters and digits.
func GenerateToken() string {
	return randomString(alphanumeric, tokenLength)
}

// GenerateEncodingAESKey returns a fresh EncodingAESKey: 43 random letters and
// digits. These are all base64 characters, and they are also the only ones the
// WeCom console accepts, so the key can be pasted there and is accepted by New.
func GenerateEncodingAESKey() string {
	return randomString(alphanumeric, keyLength)
}

// randomString draws n characters uniformly from alphabet using crypto/rand.
// Bytes at or above the largest multiple of len(alphabet) are rejected so no
// character is more likely than another. crypto/rand.Read never fails (since
// Go 1.24 it crashes the program instead), so there is no error to return.
func randomString(alphabet string, n int) string {
	limit := 256 - 256%len(alphabet)
	out := make([]byte, 0, n)
	buf := make([]byte, n+n/2)
	for len(out) < n {
		rand.Read(buf)
		for _, b := range buf {
			if int(b) < limit && len(out) < n {
				out = append(out, alphabet[int(b)%len(alphabet)])
			}
		}
	}
	return string(out)
}
