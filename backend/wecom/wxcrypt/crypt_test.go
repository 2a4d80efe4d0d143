package wxcrypt

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestCryptIsSafeForConcurrentUse(t *testing.T) {
	s := loadVectors(t)[0]
	c := newCrypt(t, s)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				msg := fmt.Sprintf("goroutine %d message %d", g, i)
				out, err := c.Encrypt([]byte(msg), "1", "2")
				if err != nil {
					errs <- err
					return
				}
				env := parseEnvelope(t, out)
				got, err := c.Decrypt(env.MsgSignature, "1", "2", out)
				if err != nil || string(got) != msg {
					errs <- fmt.Errorf("round trip of %q = %q, %v", msg, got, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestCryptPrintsWithoutSecrets(t *testing.T) {
	s := loadVectors(t)[0]
	c := newCrypt(t, s)
	key := rawAESKey(t, s.EncodingAESKey)
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		for _, v := range []any{c, *c} {
			out := fmt.Sprintf(verb, v)
			if strings.Contains(out, s.Token) || strings.Contains(out, s.EncodingAESKey) || strings.Contains(out, fmt.Sprint(key[:8])) {
				t.Fatalf("%s of a Crypt exposes a secret", verb)
			}
			if !strings.Contains(out, s.ReceiveID) {
				t.Fatalf("%s of a Crypt = %q, want the receiveid for context", verb, out)
			}
		}
	}
}

func TestSignatureSortsItsInputs(t *testing.T) {
	a, b, c, d := "QDG6eK", "1409659813", "1372623149", "abc+/="
	want := Signature(a, b, c, d)
	for _, p := range [][4]string{{d, c, b, a}, {b, a, d, c}, {c, d, a, b}} {
		if got := Signature(p[0], p[1], p[2], p[3]); got != want {
			t.Fatalf("Signature depends on argument order: %s vs %s", got, want)
		}
	}
	// sha1("") of the empty join, lowercase hex.
	if got := Signature("", "", "", ""); got != "da39a3ee5e6b4b0d3255bfef95601890afd80709" {
		t.Fatalf("Signature of empty strings = %s", got)
	}
}
