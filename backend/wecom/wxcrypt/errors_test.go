package wxcrypt

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
)

var sentinelErrors = []error{
	ErrInvalidKey, ErrInvalidSignature, ErrReceiveIDMismatch, ErrBadBase64, ErrBadCiphertext,
	ErrBadPadding, ErrShortBuffer, ErrMalformedXML, ErrMissingEncrypt, ErrInvalidReplyField, ErrMessageTooLarge,
}

// assertOnly checks that err is want and none of the other sentinels.
func assertOnly(t *testing.T, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("err = %v, want %v", err, want)
	}
	for _, other := range sentinelErrors {
		if other != want && errors.Is(err, other) {
			t.Fatalf("err = %v also matches %v", err, other)
		}
	}
}

// frame builds random16 || length || msg || receiveid without padding.
func frame(length uint32, msg, receiveID string) []byte {
	b := make([]byte, 20, 20+len(msg)+len(receiveID))
	copy(b, "0123456789abcdef")
	binary.BigEndian.PutUint32(b[16:], length)
	return append(append(b, msg...), receiveID...)
}

func withPad(b []byte, pad byte, n int) []byte {
	for range n {
		b = append(b, pad)
	}
	return b
}

func TestNewRejectsInvalidKeys(t *testing.T) {
	good := loadVectors(t)[0].EncodingAESKey
	cases := map[string]string{
		"empty":            "",
		"42 chars":         good[:42],
		"44 chars":         good + "A",
		"with padding '='": good[:42] + "=",
		"with '+'":         "+" + good[1:],
		"with '/'":         good[:10] + "/" + good[11:],
		"with space":       good[:42] + " ",
		"non-ASCII":        good[:40] + "é" + "A", // 43 bytes, one rune is 2 bytes
	}
	for name, key := range cases {
		t.Run(name, func(t *testing.T) {
			c, err := New("token", key, "corp")
			assertOnly(t, err, ErrInvalidKey)
			if c != nil {
				t.Fatal("New returned a Crypt along with an error")
			}
			if key != "" && strings.Contains(err.Error(), key) {
				t.Fatal("error message echoes the key")
			}
		})
	}
}

func TestErrorsFromVerifyURL(t *testing.T) {
	s := loadVectors(t)[0]
	v := s.VerifyURL
	key := rawAESKey(t, s.EncodingAESKey)
	c := newCrypt(t, s)
	ts, nonce := v.Timestamp, v.Nonce

	// signed calls VerifyURL with a correct signature over payload, so the
	// error comes from decryption, not from the signature check.
	signed := func(payload string) error {
		_, err := c.VerifyURL(Signature(s.Token, ts, nonce, payload), ts, nonce, payload)
		return err
	}
	sealed := func(plaintext []byte) string { return sealRaw(t, key, plaintext) }

	flipped := []byte(v.MsgSignature)
	flipped[len(flipped)-1] ^= 1

	cases := []struct {
		name string
		err  func() error
		want error
	}{
		{"altered signature", func() error { _, err := c.VerifyURL(string(flipped), ts, nonce, v.Echostr); return err }, ErrInvalidSignature},
		{"empty signature", func() error { _, err := c.VerifyURL("", ts, nonce, v.Echostr); return err }, ErrInvalidSignature},
		{"uppercase signature", func() error {
			_, err := c.VerifyURL(strings.ToUpper(v.MsgSignature), ts, nonce, v.Echostr)
			return err
		}, ErrInvalidSignature},
		{"other timestamp", func() error { _, err := c.VerifyURL(v.MsgSignature, ts+"1", nonce, v.Echostr); return err }, ErrInvalidSignature},
		{"other token", func() error {
			other, err := New(s.Token+"x", s.EncodingAESKey, s.ReceiveID)
			if err != nil {
				return err
			}
			_, err = other.VerifyURL(v.MsgSignature, ts, nonce, v.Echostr)
			return err
		}, ErrInvalidSignature},
		// A forged payload must fail on the signature before any padding check can act as an oracle.
		{"bad padding but unsigned", func() error {
			_, err := c.VerifyURL(v.MsgSignature, ts, nonce, sealed(withPad(frame(0, "", ""), 0, 12)))
			return err
		}, ErrInvalidSignature},

		{"other receiveid", func() error {
			other, err := New(s.Token, s.EncodingAESKey, "wx0000000000000000")
			if err != nil {
				return err
			}
			_, err = other.VerifyURL(v.MsgSignature, ts, nonce, v.Echostr)
			return err
		}, ErrReceiveIDMismatch},
		{"receiveid prefix only", func() error {
			other, err := New(s.Token, s.EncodingAESKey, s.ReceiveID[:len(s.ReceiveID)-1])
			if err != nil {
				return err
			}
			_, err = other.VerifyURL(v.MsgSignature, ts, nonce, v.Echostr)
			return err
		}, ErrReceiveIDMismatch},
		{"empty receiveid expected", func() error {
			other, err := New(s.Token, s.EncodingAESKey, "")
			if err != nil {
				return err
			}
			_, err = other.VerifyURL(v.MsgSignature, ts, nonce, v.Echostr)
			return err
		}, ErrReceiveIDMismatch},

		{"base64 illegal character", func() error { return signed("not*base64!") }, ErrBadBase64},
		{"base64 truncated", func() error { return signed(v.Echostr[:len(v.Echostr)-3]) }, ErrBadBase64},
		{"base64 url alphabet", func() error {
			return signed(strings.NewReplacer("+", "-", "/", "_").Replace(v.Echostr))
		}, ErrBadBase64},

		{"empty payload", func() error { return signed("") }, ErrBadCiphertext},
		{"not a whole block", func() error { return signed(base64.StdEncoding.EncodeToString(make([]byte, 40))) }, ErrBadCiphertext},

		{"pad byte 0", func() error { return signed(sealed(withPad(frame(0, "", ""), 0, 12))) }, ErrBadPadding},
		{"pad byte 33", func() error { return signed(sealed(withPad(frame(0, "", "x"), 33, 11))) }, ErrBadPadding},
		{"pad byte 255", func() error { return signed(sealed(withPad(frame(0, "", ""), 255, 12))) }, ErrBadPadding},
		{"pad bytes disagree", func() error {
			b := withPad(frame(0, "", ""), 12, 12)
			b[len(b)-5] = 11
			return signed(sealed(b))
		}, ErrBadPadding},
		{"pad longer than buffer", func() error {
			b := withPad(make([]byte, 0, 16), 17, 16) // 16 bytes, each claiming 17 bytes of padding
			return signed(sealed(b))
		}, ErrBadPadding},

		{"all padding", func() error { return signed(sealed(withPad(nil, 32, 32))) }, ErrShortBuffer},
		{"19 bytes before padding", func() error { return signed(sealed(withPad(frame(0, "", "")[:19], 13, 13))) }, ErrShortBuffer},
		{"length beyond buffer", func() error { return signed(sealed(withPad(frame(1000, "hello", ""), 7, 7))) }, ErrShortBuffer},
		{"length 0xFFFFFFFF", func() error { return signed(sealed(withPad(frame(0xFFFFFFFF, "", ""), 12, 12))) }, ErrShortBuffer},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { assertOnly(t, tc.err(), tc.want) })
	}
}

func TestErrorsFromDecrypt(t *testing.T) {
	s := loadVectors(t)[0]
	p := s.DecryptPost
	c := newCrypt(t, s)
	cases := []struct {
		name string
		body string
		want error
	}{
		{"empty body", "", ErrMalformedXML},
		{"not XML", "hello", ErrMalformedXML},
		{"unclosed element", "<xml><Encrypt>abc</xml>", ErrMalformedXML},
		{"JSON body", `{"encrypt":"abc"}`, ErrMalformedXML},
		{"no Encrypt element", "<xml><ToUserName><![CDATA[x]]></ToUserName></xml>", ErrMissingEncrypt},
		{"empty Encrypt", "<xml><Encrypt><![CDATA[]]></Encrypt></xml>", ErrMissingEncrypt},
		{"whitespace Encrypt", "<xml><Encrypt>\n  \n</Encrypt></xml>", ErrMissingEncrypt},
		{"Encrypt not a child of the root", "<xml><Inner><Encrypt>abc</Encrypt></Inner></xml>", ErrMissingEncrypt},
		{"signature over another payload", strings.Replace(p.Body, "RypEvHKD", "RypEvHKE", 1), ErrInvalidSignature},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, err := c.Decrypt(p.MsgSignature, p.Timestamp, p.Nonce, []byte(tc.body))
			assertOnly(t, err, tc.want)
			if out != nil {
				t.Fatalf("Decrypt returned %q along with an error", out)
			}
		})
	}
}

func TestErrorMessagesDoNotLeakKeyOrToken(t *testing.T) {
	s := loadVectors(t)[0]
	c := newCrypt(t, s)
	key := rawAESKey(t, s.EncodingAESKey)
	payload := sealRaw(t, key, withPad(frame(1000, "x", ""), 11, 11))
	_, err := c.VerifyURL(Signature(s.Token, "1", "2", payload), "1", "2", payload)
	if err == nil {
		t.Fatal("want an error")
	}
	if msg := err.Error(); strings.Contains(msg, s.Token) || strings.Contains(msg, s.EncodingAESKey) {
		t.Fatal("error message contains the token or key")
	}
}

func TestEncryptRejectsFieldsTheEnvelopeCannotCarry(t *testing.T) {
	c := newCrypt(t, loadVectors(t)[0])
	cases := []struct{ timestamp, nonce string }{
		{"1409659813", "a b"},
		{"1409659813", "12\r\n34"},
		{"14096\x0059813", "1"},
		{"1409659813", "\xff\xfe"},
		{"1409659813", "随机"},
	}
	for _, tc := range cases {
		out, err := c.Encrypt([]byte("reply"), tc.timestamp, tc.nonce)
		assertOnly(t, err, ErrInvalidReplyField)
		if out != nil {
			t.Fatalf("Encrypt(%q, %q) returned output along with an error", tc.timestamp, tc.nonce)
		}
	}
}
