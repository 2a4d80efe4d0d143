package wxcrypt

import (
	"bytes"
	"encoding/base64"
	"errors"
	"testing"
)

func TestPKCS7PadsTo32ByteBlocks(t *testing.T) {
	seen := map[int]bool{}
	for n := 0; n <= 96; n++ {
		in := bytes.Repeat([]byte{0xAB}, n)
		out := pkcs7Pad(in)
		if len(out)%32 != 0 || len(out) <= n {
			t.Fatalf("pad(%d bytes) has length %d", n, len(out))
		}
		pad := len(out) - n
		if pad < 1 || pad > 32 {
			t.Fatalf("pad(%d bytes) added %d bytes", n, pad)
		}
		if !bytes.Equal(out[n:], bytes.Repeat([]byte{byte(pad)}, pad)) {
			t.Fatalf("pad(%d bytes): pad bytes are %v", n, out[n:])
		}
		seen[pad] = true
		back, err := pkcs7Unpad(out)
		if err != nil || !bytes.Equal(back, in) {
			t.Fatalf("unpad(pad(%d bytes)) = %d bytes, %v", n, len(back), err)
		}
		if !bytes.Equal(in, bytes.Repeat([]byte{0xAB}, n)) {
			t.Fatal("pad modified its input")
		}
	}
	for p := 1; p <= 32; p++ {
		if !seen[p] {
			t.Errorf("pad value %d never produced", p)
		}
	}
}

func TestPKCS7UnpadAcceptsPadsAbove16(t *testing.T) {
	for _, p := range []int{17, 30, 32} {
		in := append(bytes.Repeat([]byte{'x'}, 64-p), bytes.Repeat([]byte{byte(p)}, p)...)
		out, err := pkcs7Unpad(in)
		if err != nil || len(out) != 64-p {
			t.Errorf("unpad with pad %d = %d bytes, %v", p, len(out), err)
		}
	}
}

func TestPKCS7UnpadRejects(t *testing.T) {
	cases := map[string][]byte{
		"empty":          nil,
		"zero pad":       append(bytes.Repeat([]byte{'x'}, 31), 0),
		"pad 33":         bytes.Repeat([]byte{33}, 64),
		"pad over len":   bytes.Repeat([]byte{20}, 16),
		"mixed pad":      append(bytes.Repeat([]byte{'x'}, 28), 4, 4, 3, 4),
		"first pad diff": append(bytes.Repeat([]byte{'x'}, 0), append([]byte{31}, bytes.Repeat([]byte{32}, 31)...)...),
	}
	for name, in := range cases {
		if _, err := pkcs7Unpad(in); !errors.Is(err, ErrBadPadding) {
			t.Errorf("%s: err = %v, want ErrBadPadding", name, err)
		}
	}
}

// The ciphertext length of every encrypted message is the frame rounded up to
// 32 bytes, and a message whose frame is already aligned gets a full extra block.
func TestEncryptCiphertextLengthFollows32BytePadding(t *testing.T) {
	s := loadVectors(t)[0]
	c := newCrypt(t, s)
	for n := 0; n <= 80; n++ {
		msg := bytes.Repeat([]byte{'m'}, n)
		out, err := c.Encrypt(msg, "1", "2")
		if err != nil {
			t.Fatal(err)
		}
		env := parseEnvelope(t, out)
		raw, err := base64.StdEncoding.DecodeString(env.Encrypt)
		if err != nil {
			t.Fatal(err)
		}
		frameLen := 16 + 4 + n + len(s.ReceiveID)
		if want := (frameLen/32 + 1) * 32; len(raw) != want {
			t.Fatalf("message of %d bytes: ciphertext %d bytes, want %d", n, len(raw), want)
		}
		got, err := c.Decrypt(env.MsgSignature, "1", "2", out)
		if err != nil || !bytes.Equal(got, msg) {
			t.Fatalf("message of %d bytes: round trip = %d bytes, %v", n, len(got), err)
		}
	}
}
