package wxcrypt

import "bytes"

// padBlockSize is WeCom's PKCS#7 block size. It is 32, not AES's 16, so pad
// values run from 1 to 32 and a 16-byte unpadder would reject real callbacks
// (vector A2 has a pad of 30).
const padBlockSize = 32

// pkcs7Pad returns a copy of b padded to a multiple of padBlockSize. A full
// block of padding is added when b is already aligned, as PKCS#7 requires.
func pkcs7Pad(b []byte) []byte {
	n := padBlockSize - len(b)%padBlockSize
	out := make([]byte, len(b), len(b)+n)
	copy(out, b)
	return append(out, bytes.Repeat([]byte{byte(n)}, n)...)
}

// pkcs7Unpad strips the padding added by pkcs7Pad. Every pad byte is checked,
// not just the last one.
func pkcs7Unpad(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, ErrBadPadding
	}
	n := int(b[len(b)-1])
	if n < 1 || n > padBlockSize || n > len(b) {
		return nil, ErrBadPadding
	}
	for _, p := range b[len(b)-n:] {
		if int(p) != n {
			return nil, ErrBadPadding
		}
	}
	return b[:len(b)-n], nil
}
