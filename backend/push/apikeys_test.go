package push

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAPIKeyStoredOnlyAsHash: neither the key nor its secret part is in the
// database file or its WAL; the row holds the SHA-256; the key works.
func TestAPIKeyStoredOnlyAsHash(t *testing.T) {
	e := newEnv(t, envConfig{})
	k, key, err := e.svc.CreateAPIKey(e.ctx, e.corpID, "oa-system", KeyPermissions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(key, "wbk_") || len(key) < 60 || !strings.HasPrefix(k.Prefix, key[:20]) {
		t.Fatalf("key %q… / prefix %q", key[:8], k.Prefix)
	}
	// The secret is everything after wbk_<16 hex>_: it is base64url, so it
	// may hold "_" itself (the part after the last "_" can be one character,
	// found in any database by chance).
	secret := key[len(keyPrefix)+16+1:]
	if len(secret) < 40 {
		t.Fatalf("secret part of %d characters", len(secret))
	}
	var hash string
	e.st.DB.Get(&hash, `SELECT key_hash FROM push_api_keys WHERE id = ?`, k.ID)
	if hash != hashKey(key) {
		t.Errorf("stored hash %q is not the key's SHA-256", hash)
	}
	e.st.DB.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	for _, name := range []string{"bridge.db", "bridge.db-wal"} {
		raw, err := os.ReadFile(filepath.Join(e.dir, name))
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(raw, []byte(secret)) || bytes.Contains(raw, []byte(key)) {
			t.Errorf("%s holds the API key", name)
		}
	}
	if strings.Contains(e.logs.String(), secret) {
		t.Error("a log line holds the API key")
	}
	api := &intake{t: t, url: e.intake().url, key: key}
	var acc Accepted
	if resp := api.do("POST", "/api/v1/messages", Input{Source: "oa", Title: "t", To: To{UserIDs: []string{"u1"}}}, &acc); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("POST with the key = %d", resp.StatusCode)
	}
	keys, _ := e.svc.ListAPIKeys(e.ctx, 0)
	for _, x := range keys {
		if x.ID == k.ID && x.LastUsedAt == nil {
			t.Error("last use not recorded")
		}
	}
}

// TestAPIKeyRevokedAndWrongKeysGet401: revocation applies to the next
// request; a wrong secret with a real key id, garbage and no header are 401
// with a JSON error that never echoes the key.
func TestAPIKeyRevokedAndWrongKeysGet401(t *testing.T) {
	e := newEnv(t, envConfig{})
	api := e.intake()
	in := Input{Source: "oa", Title: "t", To: To{UserIDs: []string{"u1"}}}
	if resp := api.do("POST", "/api/v1/messages", in, nil); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("valid key = %d", resp.StatusCode)
	}
	keys, _ := e.svc.ListAPIKeys(e.ctx, 0)
	tampered := api.key[:len(api.key)-4] + "AAAA"
	for name, key := range map[string]string{"wrong secret": tampered, "garbage": "hello", "none": "", "unknown id": "wbk_0123456789abcdef_xyz"} {
		var ae apiError
		resp := (&intake{t: t, url: api.url, key: key}).do("POST", "/api/v1/messages", in, &ae)
		if resp.StatusCode != http.StatusUnauthorized || ae.Error.Code != "unauthorized" || resp.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s: %d %+v, want 401", name, resp.StatusCode, ae.Error)
		}
		if key != "" && strings.Contains(ae.Error.Message, key) {
			t.Errorf("%s: the error echoes the key", name)
		}
	}
	if err := e.svc.RevokeAPIKey(e.ctx, keys[0].ID); err != nil {
		t.Fatal(err)
	}
	var ae apiError
	resp := api.do("POST", "/api/v1/messages", in, &ae)
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(ae.Error.Message, "revoked") {
		t.Errorf("revoked key = %d %+v, want 401 saying revoked", resp.StatusCode, ae.Error)
	}
	if resp := api.do("GET", "/api/v1/messages/1", nil, nil); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("GET with a revoked key = %d", resp.StatusCode)
	}
	if err := e.svc.RevokeAPIKey(e.ctx, 999); err == nil {
		t.Error("revoking a missing key succeeded")
	}
}
