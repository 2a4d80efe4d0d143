package wxcrypt

import (
	"bytes"
	"encoding/xml"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var envelopeShape = regexp.MustCompile(`^<xml><Encrypt><!\[CDATA\[([A-Za-z0-9+/]+=*)\]\]></Encrypt>` +
	`<MsgSignature><!\[CDATA\[([0-9a-f]{40})\]\]></MsgSignature>` +
	`<TimeStamp>1409659813</TimeStamp><Nonce><!\[CDATA\[1372623149\]\]></Nonce></xml>$`)

func TestEncryptEnvelopeShape(t *testing.T) {
	s := loadVectors(t)[0]
	c := newCrypt(t, s)
	out, err := c.Encrypt([]byte(s.EncryptRoundtripInput), "1409659813", "1372623149")
	if err != nil {
		t.Fatal(err)
	}
	m := envelopeShape.FindSubmatch(out)
	if m == nil {
		t.Fatalf("envelope does not have the passive-reply shape:\n%s", out)
	}
	if want := Signature(s.Token, "1409659813", "1372623149", string(m[1])); string(m[2]) != want {
		t.Fatalf("MsgSignature %s, want %s", m[2], want)
	}
}

func TestEncryptUsesFreshRandomPrefix(t *testing.T) {
	s := loadVectors(t)[0]
	c := newCrypt(t, s)
	key := rawAESKey(t, s.EncodingAESKey)
	a, err := c.Encrypt([]byte("same"), "1", "2")
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.Encrypt([]byte("same"), "1", "2")
	if err != nil {
		t.Fatal(err)
	}
	ea, eb := parseEnvelope(t, a).Encrypt, parseEnvelope(t, b).Encrypt
	if ea == eb {
		t.Fatal("two encryptions of the same reply are identical")
	}
	if bytes.Equal(openRaw(t, key, ea)[:16], openRaw(t, key, eb)[:16]) {
		t.Fatal("two encryptions share the random prefix")
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("no entropy") }

func TestEncryptReportsRandomFailure(t *testing.T) {
	c := newCrypt(t, loadVectors(t)[0])
	c.random = failingReader{}
	out, err := c.Encrypt([]byte("x"), "1", "2")
	if err == nil || out != nil {
		t.Fatalf("Encrypt = %q, %v; want an error", out, err)
	}
}

func TestEncryptDefaultsTimestampAndNonce(t *testing.T) {
	s := loadVectors(t)[0]
	c := newCrypt(t, s)
	before := time.Now().Unix()
	out, err := c.Encrypt([]byte("reply"), "", "")
	after := time.Now().Unix()
	if err != nil {
		t.Fatal(err)
	}
	env := parseEnvelope(t, out)
	ts, err := strconv.ParseInt(env.TimeStamp, 10, 64)
	if err != nil || ts < before || ts > after {
		t.Fatalf("default TimeStamp %q is not the current Unix time", env.TimeStamp)
	}
	if len(env.Nonce) != 10 || strings.Trim(env.Nonce, digits) != "" {
		t.Fatalf("default Nonce %q is not 10 digits", env.Nonce)
	}
	got, err := c.Decrypt(env.MsgSignature, env.TimeStamp, env.Nonce, out)
	if err != nil || string(got) != "reply" {
		t.Fatalf("round trip = %q, %v", got, err)
	}
}

// Caller-supplied timestamp and nonce cannot break out of the envelope.
func TestEncryptEscapesTimestampAndNonce(t *testing.T) {
	s := loadVectors(t)[0]
	c := newCrypt(t, s)
	ts, nonce := "1<2&3>", "a]]><Evil/>b"
	out, err := c.Encrypt([]byte("reply"), ts, nonce)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	dec := xml.NewDecoder(bytes.NewReader(out))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok {
			names = append(names, se.Name.Local)
		}
	}
	if got := strings.Join(names, ","); got != "xml,Encrypt,MsgSignature,TimeStamp,Nonce" {
		t.Fatalf("envelope elements = %s; a value escaped its element:\n%s", got, out)
	}
	env := parseEnvelope(t, out)
	if env.TimeStamp != ts || env.Nonce != nonce {
		t.Fatalf("envelope carries %q %q, want %q %q", env.TimeStamp, env.Nonce, ts, nonce)
	}
	if got, err := c.Decrypt(env.MsgSignature, ts, nonce, out); err != nil || string(got) != "reply" {
		t.Fatalf("round trip = %q, %v", got, err)
	}
}

func TestDecryptAcceptsBareTextAndWhitespace(t *testing.T) {
	s := loadVectors(t)[0]
	p := s.DecryptPost
	enc := postEncrypt(t, s)
	bodies := map[string]string{
		"bare text":          "<xml><Encrypt>" + enc + "</Encrypt></xml>",
		"pretty-printed":     "<xml>\n  <Encrypt>\n    <![CDATA[" + enc + "]]>\n  </Encrypt>\n</xml>\n",
		"other root element": "<message><AgentID>218</AgentID><Encrypt><![CDATA[" + enc + "]]></Encrypt></message>",
	}
	c := newCrypt(t, s)
	for name, body := range bodies {
		got, err := c.Decrypt(p.MsgSignature, p.Timestamp, p.Nonce, []byte(body))
		if err != nil || string(got) != p.ExpectedPlaintext {
			t.Errorf("%s: Decrypt = %q, %v", name, got, err)
		}
	}
}

func TestEmptyReceiveIDRoundTrip(t *testing.T) {
	s := loadVectors(t)[0]
	c, err := New(s.Token, s.EncodingAESKey, "")
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.Encrypt([]byte("personal app"), "1", "2")
	if err != nil {
		t.Fatal(err)
	}
	env := parseEnvelope(t, out)
	if got, err := c.Decrypt(env.MsgSignature, "1", "2", out); err != nil || string(got) != "personal app" {
		t.Fatalf("round trip = %q, %v", got, err)
	}
	corp := newCrypt(t, s)
	if _, err := corp.Decrypt(env.MsgSignature, "1", "2", out); !errors.Is(err, ErrReceiveIDMismatch) {
		t.Fatalf("a corp Crypt accepted a message with empty receiveid: %v", err)
	}
}
