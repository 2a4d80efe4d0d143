package wxcrypt

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"testing"
)

// sharedVectorsPath is the canonical copy beside the repo (/work/shared next to /work/main).
const sharedVectorsPath = "../../../../shared/reference/wecom-crypto-vectors.json"

type vectorFile struct {
	Sets []vectorSet `json:"sets"`
}

type vectorSet struct {
	Name           string `json:"name"`
	Token          string `json:"token"`
	EncodingAESKey string `json:"encoding_aes_key"`
	ReceiveID      string `json:"receive_id"`
	VerifyURL      struct {
		MsgSignature         string `json:"msg_signature"`
		Timestamp            string `json:"timestamp"`
		Nonce                string `json:"nonce"`
		Echostr              string `json:"echostr"`
		EchostrAsSentInQuery string `json:"echostr_as_sent_in_query"`
		ExpectedPlaintext    string `json:"expected_plaintext"`
	} `json:"verify_url"`
	DecryptPost struct {
		MsgSignature      string `json:"msg_signature"`
		Timestamp         string `json:"timestamp"`
		Nonce             string `json:"nonce"`
		Body              string `json:"body"`
		ExpectedPlaintext string `json:"expected_plaintext"`
	} `json:"decrypt_post"`
	EncryptRoundtripInput string `json:"encrypt_roundtrip_input"`
}

func loadVectors(t testing.TB) []vectorSet {
	t.Helper()
	raw, err := os.ReadFile("testdata/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var f vectorFile
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Sets) < 2 {
		t.Fatalf("testdata/vectors.json has %d sets, want at least 2", len(f.Sets))
	}
	for _, s := range f.Sets {
		if s.Token == "" || s.EncodingAESKey == "" || s.VerifyURL.Echostr == "" || s.DecryptPost.Body == "" {
			t.Fatalf("set %s is incomplete", s.Name)
		}
	}
	return f.Sets
}

func newCrypt(t testing.TB, s vectorSet) *Crypt {
	t.Helper()
	c, err := New(s.Token, s.EncodingAESKey, s.ReceiveID)
	if err != nil {
		t.Fatalf("set %s: New: %v", s.Name, err)
	}
	return c
}

// envelopeFields parses a reply envelope independently of the package's own types.
type envelopeFields struct {
	XMLName      xml.Name `xml:"xml"`
	Encrypt      string   `xml:"Encrypt"`
	MsgSignature string   `xml:"MsgSignature"`
	TimeStamp    string   `xml:"TimeStamp"`
	Nonce        string   `xml:"Nonce"`
}

func parseEnvelope(t testing.TB, b []byte) envelopeFields {
	t.Helper()
	var e envelopeFields
	if err := xml.Unmarshal(b, &e); err != nil {
		t.Fatalf("reply envelope is not XML: %v\n%s", err, b)
	}
	return e
}

// rawAESKey decodes the key with the stdlib alone, as a check independent of New.
func rawAESKey(t testing.TB, encodingAESKey string) []byte {
	t.Helper()
	key, err := base64.StdEncoding.DecodeString(encodingAESKey + "=")
	if err != nil || len(key) != 32 {
		t.Fatalf("cannot decode test key: %v", err)
	}
	return key
}

// sealRaw AES-CBC-encrypts plaintext (a multiple of 16 bytes, no padding
// added) and base64-encodes it, so tests can build malformed payloads.
func sealRaw(t testing.TB, key, plaintext []byte) string {
	t.Helper()
	block, err := aes.NewCipher(key)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]byte, len(plaintext))
	cipher.NewCBCEncrypter(block, key[:16]).CryptBlocks(out, plaintext)
	return base64.StdEncoding.EncodeToString(out)
}

// openRaw decrypts a payload without unpadding or parsing.
func openRaw(t testing.TB, key []byte, payload string) []byte {
	t.Helper()
	data, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		t.Fatal(err)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		t.Fatal(err)
	}
	cipher.NewCBCDecrypter(block, key[:16]).CryptBlocks(data, data)
	return data
}

func postEncrypt(t testing.TB, s vectorSet) string {
	t.Helper()
	enc, err := encryptedField([]byte(s.DecryptPost.Body))
	if err != nil {
		t.Fatalf("set %s: %v", s.Name, err)
	}
	return enc
}

func TestTestdataMatchesSharedVectors(t *testing.T) {
	shared, err := os.ReadFile(sharedVectorsPath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("shared/ is not checked out beside the repo")
	}
	if err != nil {
		t.Fatal(err)
	}
	local, err := os.ReadFile("testdata/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(local, shared) {
		t.Fatalf("testdata/vectors.json differs from %s; copy it again", sharedVectorsPath)
	}
}

func TestVectorSignatures(t *testing.T) {
	for _, s := range loadVectors(t) {
		v := s.VerifyURL
		if got := Signature(s.Token, v.Timestamp, v.Nonce, v.Echostr); got != v.MsgSignature {
			t.Errorf("set %s verify: Signature = %s, want %s", s.Name, got, v.MsgSignature)
		}
		p := s.DecryptPost
		if got := Signature(s.Token, p.Timestamp, p.Nonce, postEncrypt(t, s)); got != p.MsgSignature {
			t.Errorf("set %s post: Signature = %s, want %s", s.Name, got, p.MsgSignature)
		}
	}
}

func TestVectorVerifyURL(t *testing.T) {
	for _, s := range loadVectors(t) {
		v := s.VerifyURL
		got, err := newCrypt(t, s).VerifyURL(v.MsgSignature, v.Timestamp, v.Nonce, v.Echostr)
		if err != nil {
			t.Errorf("set %s: VerifyURL: %v", s.Name, err)
			continue
		}
		if string(got) != v.ExpectedPlaintext {
			t.Errorf("set %s: VerifyURL = %q, want %q", s.Name, got, v.ExpectedPlaintext)
		}
	}
}

// The echostr arrives URL-encoded. Both the properly escaped form and a raw
// '+' (which url.ParseQuery turns into a space) must verify.
func TestVerifyURLFromQueryString(t *testing.T) {
	tested := 0
	for _, s := range loadVectors(t) {
		v := s.VerifyURL
		if v.EchostrAsSentInQuery == "" {
			continue
		}
		tested++
		if un, err := url.QueryUnescape(v.EchostrAsSentInQuery); err != nil || un != v.Echostr {
			t.Fatalf("set %s: vector's query form does not unescape to echostr", s.Name)
		}
		unescapedPlus := strings.ReplaceAll(v.EchostrAsSentInQuery, "%2B", "+")
		if !strings.Contains(unescapedPlus, "+") {
			t.Fatalf("set %s: vector has no '+' to exercise", s.Name)
		}
		for name, echo := range map[string]string{"escaped": v.EchostrAsSentInQuery, "raw plus": unescapedPlus} {
			q, err := url.ParseQuery("msg_signature=" + v.MsgSignature + "&timestamp=" + v.Timestamp + "&nonce=" + v.Nonce + "&echostr=" + echo)
			if err != nil {
				t.Fatal(err)
			}
			got, err := newCrypt(t, s).VerifyURL(q.Get("msg_signature"), q.Get("timestamp"), q.Get("nonce"), q.Get("echostr"))
			if err != nil {
				t.Errorf("set %s %s: VerifyURL: %v", s.Name, name, err)
			} else if string(got) != v.ExpectedPlaintext {
				t.Errorf("set %s %s: VerifyURL = %q, want %q", s.Name, name, got, v.ExpectedPlaintext)
			}
		}
	}
	if tested == 0 {
		t.Fatal("no vector carries echostr_as_sent_in_query")
	}
}

func TestVectorDecrypt(t *testing.T) {
	for _, s := range loadVectors(t) {
		p := s.DecryptPost
		got, err := newCrypt(t, s).Decrypt(p.MsgSignature, p.Timestamp, p.Nonce, []byte(p.Body))
		if err != nil {
			t.Errorf("set %s: Decrypt: %v", s.Name, err)
			continue
		}
		if string(got) != p.ExpectedPlaintext {
			t.Errorf("set %s: Decrypt = %q, want %q", s.Name, got, p.ExpectedPlaintext)
		}
	}
}

// With the random prefix pinned to the one inside each official ciphertext,
// Encrypt must reproduce that ciphertext and signature byte for byte.
func TestEncryptReproducesVectors(t *testing.T) {
	// Prefixes documented in wecom-api-facts.md §5.5 for set A.
	documented := map[string]string{"A/verify": "c41b64491c2468d0", "A/post": "0960688932c47ef1"}
	for _, s := range loadVectors(t) {
		key := rawAESKey(t, s.EncodingAESKey)
		cases := []struct {
			name, payload, plaintext, timestamp, nonce, signature string
		}{
			{"verify", s.VerifyURL.Echostr, s.VerifyURL.ExpectedPlaintext, s.VerifyURL.Timestamp, s.VerifyURL.Nonce, s.VerifyURL.MsgSignature},
			{"post", postEncrypt(t, s), s.DecryptPost.ExpectedPlaintext, s.DecryptPost.Timestamp, s.DecryptPost.Nonce, s.DecryptPost.MsgSignature},
		}
		for _, tc := range cases {
			prefix := openRaw(t, key, tc.payload)[:16]
			if want, ok := documented[s.Name+"/"+tc.name]; ok && string(prefix) != want {
				t.Fatalf("set %s %s: random prefix %q, documented %q", s.Name, tc.name, prefix, want)
			}
			c := newCrypt(t, s)
			c.random = bytes.NewReader(prefix)
			out, err := c.Encrypt([]byte(tc.plaintext), tc.timestamp, tc.nonce)
			if err != nil {
				t.Fatalf("set %s %s: Encrypt: %v", s.Name, tc.name, err)
			}
			env := parseEnvelope(t, out)
			if env.Encrypt != tc.payload {
				t.Errorf("set %s %s: Encrypt produced\n%s\nwant the official\n%s", s.Name, tc.name, env.Encrypt, tc.payload)
			}
			if env.MsgSignature != tc.signature {
				t.Errorf("set %s %s: MsgSignature = %s, want %s", s.Name, tc.name, env.MsgSignature, tc.signature)
			}
		}
	}
}

func TestVectorEncryptRoundTrip(t *testing.T) {
	for _, s := range loadVectors(t) {
		inputs := []string{s.VerifyURL.ExpectedPlaintext, s.DecryptPost.ExpectedPlaintext}
		if s.EncryptRoundtripInput != "" {
			inputs = append(inputs, s.EncryptRoundtripInput)
		}
		ts, nonce := s.DecryptPost.Timestamp, s.DecryptPost.Nonce
		c := newCrypt(t, s)
		for _, in := range inputs {
			out, err := c.Encrypt([]byte(in), ts, nonce)
			if err != nil {
				t.Fatalf("set %s: Encrypt: %v", s.Name, err)
			}
			env := parseEnvelope(t, out)
			if env.TimeStamp != ts || env.Nonce != nonce {
				t.Errorf("set %s: envelope carries timestamp %q nonce %q, want %q %q", s.Name, env.TimeStamp, env.Nonce, ts, nonce)
			}
			if want := Signature(s.Token, ts, nonce, env.Encrypt); env.MsgSignature != want {
				t.Errorf("set %s: envelope signature %s, want %s", s.Name, env.MsgSignature, want)
			}
			// The envelope has an Encrypt element, so it is itself a valid callback body.
			got, err := c.Decrypt(env.MsgSignature, ts, nonce, out)
			if err != nil {
				t.Fatalf("set %s: Decrypt(Encrypt(x)): %v", s.Name, err)
			}
			if string(got) != in {
				t.Errorf("set %s: round trip gave %q, want %q", s.Name, got, in)
			}
			got, err = c.VerifyURL(env.MsgSignature, ts, nonce, env.Encrypt)
			if err != nil || string(got) != in {
				t.Errorf("set %s: VerifyURL of encrypted payload = %q, %v; want %q", s.Name, got, err, in)
			}
		}
	}
}
