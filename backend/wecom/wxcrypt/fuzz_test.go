package wxcrypt

import (
	"bytes"
	"crypto/cipher"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"testing"
)

// FuzzDecrypt feeds arbitrary callbacks to Decrypt and VerifyURL. A random
// signature almost never verifies, so each input is also replayed with a valid
// signature, and its bytes are also encrypted as a raw frame, so the fuzzer
// reaches base64, padding, framing and receiveid checks. Every outcome must be
// a success that round-trips or one of the package's sentinel errors.
func FuzzDecrypt(f *testing.F) {
	sets := loadVectors(f)
	crypts := make([]*Crypt, len(sets))
	for i, s := range sets {
		crypts[i] = newCrypt(f, s)
		v, p := s.VerifyURL, s.DecryptPost
		f.Add(uint8(i), p.MsgSignature, p.Timestamp, p.Nonce, []byte(p.Body))
		f.Add(uint8(i), v.MsgSignature, v.Timestamp, v.Nonce, []byte(v.Echostr))
		// A well-formed frame, so the raw-frame path starts from a success.
		f.Add(uint8(i), "", "1", "2", pkcs7Pad(frame(2, "hi", s.ReceiveID)))
	}
	f.Add(uint8(0), "", "", "", []byte("<xml><Encrypt><![CDATA[AAAA]]></Encrypt></xml>"))
	f.Add(uint8(0), "", "", "", []byte{})

	f.Fuzz(func(t *testing.T, set uint8, msgSignature, timestamp, nonce string, body []byte) {
		c := crypts[int(set)%len(crypts)]

		out, err := c.Decrypt(msgSignature, timestamp, nonce, body)
		checkOutcome(t, c, out, err)

		if enc, err := encryptedField(body); err == nil {
			out, err := c.Decrypt(Signature(c.token, timestamp, nonce, enc), timestamp, nonce, body)
			if errors.Is(err, ErrInvalidSignature) || errors.Is(err, ErrMalformedXML) || errors.Is(err, ErrMissingEncrypt) {
				t.Fatalf("correctly signed body with an Encrypt element failed with %v", err)
			}
			checkOutcome(t, c, out, err)
		}

		// Fuzzed reply fields: refused, or carried through the envelope unchanged.
		if reply, err := c.Encrypt(body, timestamp, nonce); err != nil {
			if !errors.Is(err, ErrInvalidReplyField) {
				t.Fatalf("Encrypt: %v", err)
			}
		} else {
			env := parseEnvelope(t, reply)
			if timestamp != "" && env.TimeStamp != timestamp || nonce != "" && env.Nonce != nonce {
				t.Fatalf("envelope carries %q %q, want %q %q", env.TimeStamp, env.Nonce, timestamp, nonce)
			}
			back, err := c.Decrypt(env.MsgSignature, env.TimeStamp, env.Nonce, reply)
			if err != nil || !bytes.Equal(back, body) {
				t.Fatalf("round trip through Encrypt = %q, %v", back, err)
			}
		}

		echostr := string(body)
		out, err = c.VerifyURL(Signature(c.token, timestamp, nonce, echostr), timestamp, nonce, echostr)
		checkOutcome(t, c, out, err)

		// Raw frame: encrypt the body's whole AES blocks without padding and open them.
		data := bytes.Clone(body[:len(body)/16*16])
		if len(data) == 0 {
			return
		}
		cipher.NewCBCEncrypter(c.block, c.iv).CryptBlocks(data, data)
		out, err = c.open(base64.StdEncoding.EncodeToString(data))
		if err == nil {
			plain := body[:len(body)/16*16]
			frameLen := len(plain) - int(plain[len(plain)-1])
			msgLen := int(binary.BigEndian.Uint32(plain[16:20]))
			if len(out) != msgLen || !bytes.Equal(out, plain[20:20+msgLen]) ||
				string(plain[20+msgLen:frameLen]) != c.receiveID {
				t.Fatalf("open accepted a frame but returned the wrong message")
			}
		}
		checkOutcome(t, c, out, err)
	})
}

// checkOutcome requires a sentinel error, or a message that survives a round trip.
func checkOutcome(t *testing.T, c *Crypt, out []byte, err error) {
	t.Helper()
	if err != nil {
		if out != nil {
			t.Fatalf("non-nil output along with error %v", err)
		}
		for _, s := range sentinelErrors {
			if errors.Is(err, s) {
				return
			}
		}
		t.Fatalf("error %v is not one of the package's sentinel errors", err)
	}
	reply, err := c.Encrypt(out, "1409659813", "1372623149")
	if err != nil {
		t.Fatalf("Encrypt of a decrypted message: %v", err)
	}
	env := parseEnvelope(t, reply)
	back, err := c.Decrypt(env.MsgSignature, env.TimeStamp, env.Nonce, reply)
	if err != nil || !bytes.Equal(back, out) {
		t.Fatalf("round trip of a decrypted message = %q, %v; want %q", back, err, out)
	}
}
