package wxcrypt

import "errors"

// Errors returned by this package. Returned errors wrap exactly one of these,
// so callers can tell them apart with errors.Is.
var (
	// ErrInvalidKey: the EncodingAESKey is not 43 characters of [A-Za-z0-9].
	ErrInvalidKey = errors.New("wxcrypt: invalid EncodingAESKey")
	// ErrInvalidSignature: msg_signature does not match token, timestamp, nonce and payload.
	ErrInvalidSignature = errors.New("wxcrypt: signature mismatch")
	// ErrReceiveIDMismatch: the message decrypted but was addressed to another receiveid (corpid/suiteid).
	ErrReceiveIDMismatch = errors.New("wxcrypt: receiveid mismatch")
	// ErrBadBase64: the encrypted payload is not valid standard base64.
	ErrBadBase64 = errors.New("wxcrypt: payload is not valid base64")
	// ErrBadCiphertext: the decoded payload is not a whole number of AES blocks.
	ErrBadCiphertext = errors.New("wxcrypt: ciphertext length is not a positive multiple of the AES block size")
	// ErrBadPadding: the decrypted data does not end in valid 32-byte-block PKCS#7 padding.
	ErrBadPadding = errors.New("wxcrypt: invalid PKCS#7 padding")
	// ErrShortBuffer: the plaintext is shorter than 16 random + 4 length bytes,
	// or its length field points beyond the buffer.
	ErrShortBuffer = errors.New("wxcrypt: plaintext too short for its framing")
	// ErrMalformedXML: the callback body is not well-formed XML.
	ErrMalformedXML = errors.New("wxcrypt: callback body is not well-formed XML")
	// ErrMissingEncrypt: the callback XML has no (or an empty) Encrypt element.
	ErrMissingEncrypt = errors.New("wxcrypt: callback XML has no Encrypt element")
	// ErrInvalidReplyField: a reply timestamp or nonce has characters other than
	// visible ASCII, which the envelope could not carry unchanged (XML parsers
	// rewrite "\r" and invalid UTF-8), so its signature would not verify.
	ErrInvalidReplyField = errors.New("wxcrypt: reply timestamp or nonce must be visible ASCII")
	// ErrMessageTooLarge: a reply cannot be framed because its length does not fit in 32 bits.
	ErrMessageTooLarge = errors.New("wxcrypt: message too large to encrypt")
)
