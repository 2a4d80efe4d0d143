package wxcrypt

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// callbackBody is the part of a POSTed callback this package needs. ToUserName
// and AgentID are left to the caller; the receiveid inside the ciphertext is
// what gets checked.
type callbackBody struct {
	Encrypt string `xml:"Encrypt"`
}

// encryptedField extracts the Encrypt value from a callback body. It accepts
// both CDATA and bare text, and any root element name.
func encryptedField(body []byte) (string, error) {
	var b callbackBody
	if err := xml.Unmarshal(body, &b); err != nil {
		return "", fmt.Errorf("%w: %v", ErrMalformedXML, err)
	}
	// Pretty-printed bodies put newlines around the CDATA section; base64 never
	// contains whitespace, so trimming cannot change a real payload.
	enc := strings.TrimSpace(b.Encrypt)
	if enc == "" {
		return "", ErrMissingEncrypt
	}
	return enc, nil
}

type cdata struct {
	Value string `xml:",cdata"`
}

// replyEnvelope is the passive-reply wrapper (facts §5.4/§5.7), field order as
// in the official samples.
type replyEnvelope struct {
	XMLName      xml.Name `xml:"xml"`
	Encrypt      cdata    `xml:"Encrypt"`
	MsgSignature cdata    `xml:"MsgSignature"`
	TimeStamp    string   `xml:"TimeStamp"`
	Nonce        cdata    `xml:"Nonce"`
}

// marshalEnvelope builds the reply XML. encoding/xml escapes the timestamp and
// splits any "]]>" inside the CDATA values, so caller-supplied strings cannot
// break the envelope.
func marshalEnvelope(encrypt, signature, timestamp, nonce string) ([]byte, error) {
	return xml.Marshal(replyEnvelope{
		Encrypt:      cdata{encrypt},
		MsgSignature: cdata{signature},
		TimeStamp:    timestamp,
		Nonce:        cdata{nonce},
	})
}
