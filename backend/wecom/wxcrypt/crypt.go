package wxcrypt

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

const (
	randomPrefixLen = 16
	lengthFieldLen  = 4
	nonceLength     = 10
)

// Crypt verifies, decrypts and encrypts callbacks for one Token,
// EncodingAESKey and receiveid. It is safe for concurrent use.
type Crypt struct {
	token     string
	receiveID string
	block     cipher.Block
	iv        []byte

	// random supplies the 16-byte prefix of each encrypted message; tests
	// replace it to get deterministic ciphertexts.
	random io.Reader
}

// New returns a Crypt for a callback configuration. encodingAESKey must be the
// 43-character [A-Za-z0-9] key from the WeCom console. receiveID is what every
// decrypted message must be addressed to: the corpid for a self-built app, the
// suiteid for third-party suite callbacks, empty for personal third-party apps.
func New(token, encodingAESKey, receiveID string) (*Crypt, error) {
	key, err := decodeKey(encodingAESKey)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil { // unreachable: decodeKey guarantees 32 bytes
		return nil, fmt.Errorf("%w: %v", ErrInvalidKey, err)
	}
	return &Crypt{
		token:     token,
		receiveID: receiveID,
		block:     block,
		iv:        key[:aes.BlockSize],
		random:    rand.Reader,
	}, nil
}

// decodeKey checks the key's shape before decoding so a typo is reported as
// ErrInvalidKey rather than as a confusing base64 error. The error never
// echoes the key.
func decodeKey(encodingAESKey string) ([]byte, error) {
	if len(encodingAESKey) != keyLength {
		return nil, fmt.Errorf("%w: length %d, want %d", ErrInvalidKey, len(encodingAESKey), keyLength)
	}
	for i := 0; i < len(encodingAESKey); i++ {
		if strings.IndexByte(alphanumeric, encodingAESKey[i]) < 0 {
			return nil, fmt.Errorf("%w: character %d is not a letter or digit", ErrInvalidKey, i+1)
		}
	}
	// Not StdEncoding.Strict: WeCom keys routinely have non-zero trailing bits
	// in the last character (vector A's key ends in "C").
	key, err := base64.StdEncoding.DecodeString(encodingAESKey + "=")
	if err != nil || len(key) != 32 {
		return nil, ErrInvalidKey
	}
	return key, nil
}

// VerifyURL handles the GET that WeCom sends when the callback URL is saved.
// The arguments are the URL-decoded query parameters; the result is the
// plaintext to send back as the whole response body.
func (c *Crypt) VerifyURL(msgSignature, timestamp, nonce, echostr string) ([]byte, error) {
	// Base64 never contains spaces, but url.Values decoding turns a literal
	// '+' into one. Undo that so an unescaped '+' from the sender still works.
	echostr = strings.ReplaceAll(echostr, " ", "+")
	if err := c.verifySignature(msgSignature, timestamp, nonce, echostr); err != nil {
		return nil, err
	}
	return c.open(echostr)
}

// Decrypt verifies and decrypts a POSTed callback. body is the raw request
// body (<xml>…<Encrypt>…</Encrypt>…</xml>); the result is the plaintext
// message XML.
func (c *Crypt) Decrypt(msgSignature, timestamp, nonce string, body []byte) ([]byte, error) {
	encrypt, err := encryptedField(body)
	if err != nil {
		return nil, err
	}
	if err := c.verifySignature(msgSignature, timestamp, nonce, encrypt); err != nil {
		return nil, err
	}
	return c.open(encrypt)
}

// Encrypt wraps a passive reply: it encrypts reply with a fresh random prefix,
// signs it and returns the <xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>
// envelope. An empty timestamp means now; an empty nonce means a random one.
// Both must otherwise be visible ASCII (WeCom sends digits) or
// ErrInvalidReplyField is returned.
func (c *Crypt) Encrypt(reply []byte, timestamp, nonce string) ([]byte, error) {
	if timestamp == "" {
		timestamp = strconv.FormatInt(time.Now().Unix(), 10)
	}
	if nonce == "" {
		nonce = randomString(digits, nonceLength)
	}
	if !visibleASCII(timestamp) || !visibleASCII(nonce) {
		return nil, ErrInvalidReplyField
	}
	encrypt, err := c.seal(reply)
	if err != nil {
		return nil, err
	}
	return marshalEnvelope(encrypt, Signature(c.token, timestamp, nonce, encrypt), timestamp, nonce)
}

func visibleASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// seal returns base64(AES-CBC(pad(random16 || len || msg || receiveid))).
func (c *Crypt) seal(msg []byte) (string, error) {
	if uint64(len(msg)) > math.MaxUint32 {
		return "", ErrMessageTooLarge
	}
	frame := make([]byte, randomPrefixLen+lengthFieldLen, randomPrefixLen+lengthFieldLen+len(msg)+len(c.receiveID))
	if _, err := io.ReadFull(c.random, frame[:randomPrefixLen]); err != nil {
		return "", fmt.Errorf("wxcrypt: reading random prefix: %w", err)
	}
	binary.BigEndian.PutUint32(frame[randomPrefixLen:], uint32(len(msg)))
	frame = append(frame, msg...)
	frame = append(frame, c.receiveID...)
	data := pkcs7Pad(frame)
	cipher.NewCBCEncrypter(c.block, c.iv).CryptBlocks(data, data)
	return base64.StdEncoding.EncodeToString(data), nil
}

// open reverses seal and checks the receiveid. Callers must verify the
// signature first so padding and framing errors are never an oracle.
func (c *Crypt) open(encrypt string) ([]byte, error) {
	data, err := base64.StdEncoding.DecodeString(encrypt)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadBase64, err)
	}
	if len(data) == 0 || len(data)%aes.BlockSize != 0 {
		return nil, ErrBadCiphertext
	}
	cipher.NewCBCDecrypter(c.block, c.iv).CryptBlocks(data, data)
	frame, err := pkcs7Unpad(data)
	if err != nil {
		return nil, err
	}
	if len(frame) < randomPrefixLen+lengthFieldLen {
		return nil, ErrShortBuffer
	}
	rest := frame[randomPrefixLen+lengthFieldLen:]
	msgLen := uint64(binary.BigEndian.Uint32(frame[randomPrefixLen:]))
	if msgLen > uint64(len(rest)) {
		return nil, ErrShortBuffer
	}
	msg, receiveID := rest[:msgLen:msgLen], rest[msgLen:]
	if string(receiveID) != c.receiveID {
		return nil, ErrReceiveIDMismatch
	}
	return msg, nil
}

// String keeps the token and key out of logs when a Crypt is printed. Value
// receivers cover both Crypt and *Crypt.
func (c Crypt) String() string {
	return fmt.Sprintf("wxcrypt.Crypt{receiveID: %q, token: [REDACTED], key: [REDACTED]}", c.receiveID)
}

// GoString does the same for %#v.
func (c Crypt) GoString() string { return c.String() }
