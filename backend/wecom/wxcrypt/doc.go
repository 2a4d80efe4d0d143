// Package wxcrypt implements WeCom's callback crypto (WXBizMsgCrypt): verifying
// the callback URL, decrypting POSTed callbacks and encrypting passive replies.
//
// The scheme (reference/wecom-api-facts.md §5.4): AES-256-CBC with
// key = base64(EncodingAESKey+"="), IV = key[:16], PKCS#7 padding to 32-byte
// blocks, over random(16) || len(msg) as uint32 big-endian || msg || receiveid,
// and msg_signature = sha1 of the sorted concatenation of token, timestamp,
// nonce and the base64 ciphertext.
//
// The signature is always checked before anything is decrypted, so callers
// without the token learn nothing from the decryption errors.
package wxcrypt
