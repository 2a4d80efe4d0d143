package backup

import (
	"bufio"
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"golang.org/x/crypto/argon2"
)

// An encrypted archive is the plain archive (tar.gz) sealed with a key
// derived from the passphrase (Argon2id) in 64 KiB chunks of AES-256-GCM, the
// STREAM construction: each chunk's nonce is a random prefix, the chunk's
// number and a last-chunk flag, so chunks cannot be reordered, dropped or
// the file truncated without the open failing. The header is the additional
// data of every chunk.
//
//	magic(8) | salt(16) | argon2 time(4) | memory KiB(4) | threads(1) | nonce prefix(7) | chunks…
const (
	encMagic     = "WBBAKE1\n"
	saltLen      = 16
	prefixLen    = 7
	headerLen    = len(encMagic) + saltLen + 4 + 4 + 1 + prefixLen
	chunkSize    = 64 << 10
	argonTime    = 3
	argonMemKiB  = 64 << 10
	argonThreads = 2
	// Bounds a hostile header cannot exceed (memory and time of the KDF).
	maxArgonTime   = 10
	maxArgonMemKiB = 1 << 20
)

// MinPassphrase is the shortest passphrase accepted for a new archive.
const MinPassphrase = 8

var errWrongPassphrase = errors.New("wrong passphrase or damaged file")

func deriveKey(pass string, salt []byte, t, m uint32, p uint8) []byte {
	return argon2.IDKey([]byte(pass), salt, t, m, p, 32)
}

func newGCM(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

func chunkNonce(prefix []byte, n uint32, last bool) []byte {
	nonce := make([]byte, 12)
	copy(nonce, prefix)
	binary.BigEndian.PutUint32(nonce[prefixLen:], n)
	if last {
		nonce[11] = 1
	}
	return nonce
}

// sealWriter encrypts what is written to it; Close writes the last chunk.
type sealWriter struct {
	w      io.Writer
	aead   cipher.AEAD
	header []byte
	prefix []byte
	n      uint32
	buf    []byte
}

func newSealWriter(w io.Writer, pass string) (*sealWriter, error) {
	header := make([]byte, 0, headerLen)
	header = append(header, encMagic...)
	salt := make([]byte, saltLen)
	rand.Read(salt)
	header = append(header, salt...)
	header = binary.BigEndian.AppendUint32(header, argonTime)
	header = binary.BigEndian.AppendUint32(header, argonMemKiB)
	header = append(header, argonThreads)
	prefix := make([]byte, prefixLen)
	rand.Read(prefix)
	header = append(header, prefix...)
	aead, err := newGCM(deriveKey(pass, salt, argonTime, argonMemKiB, argonThreads))
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(header); err != nil {
		return nil, err
	}
	return &sealWriter{w: w, aead: aead, header: header, prefix: prefix, buf: make([]byte, 0, chunkSize)}, nil
}

func (s *sealWriter) Write(p []byte) (int, error) {
	written := 0
	for len(p) > 0 {
		if len(s.buf) == chunkSize { // more data follows: this chunk is not the last
			if err := s.flush(false); err != nil {
				return written, err
			}
		}
		k := min(chunkSize-len(s.buf), len(p))
		s.buf = append(s.buf, p[:k]...)
		p = p[k:]
		written += k
	}
	return written, nil
}

func (s *sealWriter) flush(last bool) error {
	if s.n == ^uint32(0) {
		return errors.New("backup: archive too large to encrypt")
	}
	sealed := s.aead.Seal(nil, chunkNonce(s.prefix, s.n, last), s.buf, s.header)
	s.n++
	s.buf = s.buf[:0]
	_, err := s.w.Write(sealed)
	return err
}

func (s *sealWriter) Close() error { return s.flush(true) }

// openReader decrypts an encrypted archive. A wrong passphrase or any change
// to the file fails with errWrongPassphrase (GCM cannot tell them apart).
type openReader struct {
	r      *bufio.Reader
	aead   cipher.AEAD
	header []byte
	prefix []byte
	n      uint32
	plain  []byte
	done   bool
}

// isEncrypted reports whether the file starts with the encrypted archive's magic.
func isEncrypted(r *bufio.Reader) bool {
	b, err := r.Peek(len(encMagic))
	return err == nil && bytes.Equal(b, []byte(encMagic))
}

func newOpenReader(r *bufio.Reader, pass string) (*openReader, error) {
	header := make([]byte, headerLen)
	if _, err := io.ReadFull(r, header); err != nil {
		return nil, fmt.Errorf("encrypted header: %w", err)
	}
	off := len(encMagic)
	salt := header[off : off+saltLen]
	off += saltLen
	t := binary.BigEndian.Uint32(header[off:])
	m := binary.BigEndian.Uint32(header[off+4:])
	p := header[off+8]
	prefix := header[off+9:]
	if t == 0 || t > maxArgonTime || m < 8*uint32(max(p, 1)) || m > maxArgonMemKiB || p == 0 {
		return nil, fmt.Errorf("encrypted header: key derivation parameters out of bounds")
	}
	aead, err := newGCM(deriveKey(pass, salt, t, m, p))
	if err != nil {
		return nil, err
	}
	return &openReader{r: r, aead: aead, header: header, prefix: prefix}, nil
}

func (o *openReader) Read(p []byte) (int, error) {
	for len(o.plain) == 0 {
		if o.done {
			return 0, io.EOF
		}
		if err := o.next(); err != nil {
			return 0, err
		}
	}
	k := copy(p, o.plain)
	o.plain = o.plain[k:]
	return k, nil
}

func (o *openReader) next() error {
	sealed := make([]byte, chunkSize+o.aead.Overhead())
	k, err := io.ReadFull(o.r, sealed)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return err
	}
	sealed = sealed[:k]
	_, perr := o.r.Peek(1)
	last := errors.Is(perr, io.EOF)
	plain, err := o.aead.Open(nil, chunkNonce(o.prefix, o.n, last), sealed, o.header)
	if err != nil {
		return errWrongPassphrase
	}
	o.n++
	o.plain = plain
	o.done = last
	return nil
}
