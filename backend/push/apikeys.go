package push

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"wecom-bridge/backend/configaudit"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// keyPrefix starts every API key, so a leaked one is recognisable (secret scanners).
const keyPrefix = "wbk_"

// APIKey is an intake API key as listed; the key itself is shown only once, by CreateAPIKey.
type APIKey struct {
	ID         int64      `json:"id"`
	Name       string     `json:"name"`
	Prefix     string     `json:"prefix"` // wbk_<key id>_…, enough to tell keys apart
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
	// Permissions are fixed when the key is created (create another key to change them).
	Permissions KeyPermissions `json:"permissions"`
	// CorpID is the corp the key pushes into, fixed at creation; 0 once
	// that corp was deleted (the key is then revoked, Note says so).
	CorpID   int64  `json:"corp_id"`
	CorpName string `json:"corp_name"`
	// Note says why the product revoked the key (its corp was deleted, or
	// migration 0027 could not give it a corp); nil otherwise.
	Note *usererr.Message `json:"note,omitempty"`
}

// Revoked reports whether the key was revoked.
func (k APIKey) Revoked() bool { return k.RevokedAt != nil }

// CreateAPIKey makes a key named name that pushes into corp corpID with
// perms, and returns it with the secret key, which is not stored (only its
// SHA-256 is) and cannot be shown again. A permission is recorded in the
// configuration audit.
func (s *Service) CreateAPIKey(ctx context.Context, corpID int64, name string, perms KeyPermissions) (APIKey, string, error) {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 64 {
		return APIKey{}, "", usererr.New("bad_key_name", nil)
	}
	if corpID <= 0 {
		return APIKey{}, "", usererr.New("push_key_corp_required", nil)
	}
	var id [8]byte
	var sec [32]byte
	if _, err := rand.Read(id[:]); err != nil {
		return APIKey{}, "", err
	}
	if _, err := rand.Read(sec[:]); err != nil {
		return APIKey{}, "", err
	}
	keyID := hex.EncodeToString(id[:])
	key := keyPrefix + keyID + "_" + base64.RawURLEncoding.EncodeToString(sec[:])
	now := s.now()
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return APIKey{}, "", err
	}
	defer done()
	if err := store.CheckCorp(ctx, tx, corpID); err != nil {
		return APIKey{}, "", err
	}
	var corpName string
	if err := s.get(ctx, tx, &corpName, `SELECT name FROM corps WHERE id = ?`, corpID); err != nil {
		return APIKey{}, "", err
	}
	res, err := s.exec(ctx, tx, `INSERT INTO push_api_keys(name, key_id, key_hash, created_at, allow_all, allow_departments, corp_id)
		VALUES(?,?,?,?,?,?,?)`, name, keyID, hashKey(key), ms(now), perms.All, perms.Departments, corpID)
	if err != nil {
		return APIKey{}, "", fmt.Errorf("save API key: %w", err)
	}
	rowID, _ := res.LastInsertId()
	if err := configaudit.Record(ctx, tx, s.actor, now, perms.auditEntries(rowID)...); err != nil {
		return APIKey{}, "", err
	}
	if err := tx.Commit(); err != nil {
		return APIKey{}, "", fmt.Errorf("save API key: %w", err)
	}
	return APIKey{ID: rowID, Name: name, Prefix: keyPrefix + keyID + "_…", CreatedAt: fromMS(ms(now)), Permissions: perms,
		CorpID: corpID, CorpName: corpName}, key, nil
}

func hashKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// keyRecord is a push_api_keys row with its corp's name (selectKeys).
type keyRecord struct {
	ID       int64  `db:"id"`
	Name     string `db:"name"`
	KeyID    string `db:"key_id"`
	Hash     string `db:"key_hash"`
	Created  int64  `db:"created_at"`
	LastUsed *int64 `db:"last_used_at"`
	Revoked  *int64 `db:"revoked_at"`
	All      bool   `db:"allow_all"`
	Depts    bool   `db:"allow_departments"`
	CorpID   int64  `db:"corp_id"` // 0: its corp was deleted
	CorpName string `db:"corp_name"`
	Note     string `db:"note"`
}

// selectKeys reads keyRecords; the caller adds WHERE and ORDER BY.
const selectKeys = `SELECT k.id, k.name, k.key_id, k.key_hash, k.created_at, k.last_used_at, k.revoked_at,
	k.allow_all, k.allow_departments, COALESCE(k.corp_id, 0) AS corp_id, COALESCE(c.name, '') AS corp_name, k.note
	FROM push_api_keys k LEFT JOIN corps c ON c.id = k.corp_id `

// ListAPIKeys returns every key, revoked ones included, newest first;
// corpID > 0 keeps the keys of that corp only.
func (s *Service) ListAPIKeys(ctx context.Context, corpID int64) ([]APIKey, error) {
	var rows []keyRecord
	if err := s.st.DB.SelectContext(ctx, &rows, selectKeys+`WHERE ? = 0 OR k.corp_id = ? ORDER BY k.id DESC`, corpID, corpID); err != nil {
		return nil, err
	}
	out := make([]APIKey, len(rows))
	for i, r := range rows {
		out[i] = APIKey{ID: r.ID, Name: r.Name, Prefix: keyPrefix + r.KeyID + "_…", CreatedAt: fromMS(r.Created),
			LastUsedAt: fromNullMS(r.LastUsed), RevokedAt: fromNullMS(r.Revoked), Permissions: KeyPermissions{All: r.All, Departments: r.Depts},
			CorpID: r.CorpID, CorpName: r.CorpName, Note: usererr.FromStored(r.Note).Ptr()}
	}
	return out, nil
}

// RevokeAPIKey revokes key id: its requests get 401 from now on.
func (s *Service) RevokeAPIKey(ctx context.Context, id int64) error {
	res, err := s.writeExec(ctx, `UPDATE push_api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`, ms(s.now()), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		var exists int
		if err := s.st.DB.GetContext(ctx, &exists, `SELECT COUNT(*) FROM push_api_keys WHERE id = ?`, id); err == nil && exists == 0 {
			return fmt.Errorf("API key %d: %w (list the keys with `wecom-bridge apikey list`)", id, store.ErrNotFound)
		}
	}
	s.keys.forget()
	return nil
}

// caller is the API key a request authenticated with.
type caller struct {
	keyID    int64
	name     string
	perms    KeyPermissions
	corpID   int64 // the corp the key pushes into
	corpName string
	inApp    bool // Submit from inside the app: the admin, who may send to anyone
}

// authError is why a request was refused; its text never holds the key.
type authError struct{ msg string }

func (e *authError) Error() string { return e.msg }

// authenticate checks "Bearer <key>": the key id finds the row, and the
// SHA-256 of the presented key is compared in constant time.
func (s *Service) authenticate(ctx context.Context, header string) (caller, error) {
	scheme, key, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return caller{}, &authError{"send the API key as `Authorization: Bearer wbk_…` (create one with `wecom-bridge apikey create NAME`)"}
	}
	key = strings.TrimSpace(key)
	rest, ok := strings.CutPrefix(key, keyPrefix)
	keyID, _, ok2 := strings.Cut(rest, "_")
	if !ok || !ok2 || len(keyID) != 16 {
		return caller{}, &authError{"the API key is malformed: it looks like wbk_<16 hex>_<secret>; copy it again or create a new one"}
	}
	row, err := s.keys.lookup(ctx, s, keyID)
	if errors.Is(err, sql.ErrNoRows) {
		return caller{}, &authError{"unknown API key; ask the WeCom Bridge admin for a key (Settings → Integrations → API keys)"}
	}
	if err != nil {
		return caller{}, err
	}
	want, _ := hex.DecodeString(row.hash)
	got := sha256.Sum256([]byte(key))
	if subtle.ConstantTimeCompare(want, got[:]) != 1 {
		return caller{}, &authError{"unknown API key; ask the WeCom Bridge admin for a key (Settings → Integrations → API keys)"}
	}
	if row.revoked || row.corpID == 0 {
		why := ""
		if row.note != "" {
			why = " (" + usererr.FromStored(row.note).EN + ")"
		}
		return caller{}, &authError{"this API key was revoked" + why + "; ask the admin for a new one"}
	}
	s.touchKey(ctx, row)
	return caller{keyID: row.id, name: row.name, perms: row.perms, corpID: row.corpID, corpName: row.corpName}, nil
}

// touchKey records last use at most once a minute, so the intake does not write for it on every request.
func (s *Service) touchKey(ctx context.Context, row *keyRow) {
	now := s.now()
	if !s.keys.due(row.id, now) {
		return
	}
	if _, err := s.writeExec(ctx, `UPDATE push_api_keys SET last_used_at = ? WHERE id = ?`, ms(now), row.id); err != nil {
		s.log.Warn("push: recording API key use failed", "key", row.id, "err", err)
	}
}

type keyRow struct {
	id       int64
	name     string
	hash     string
	revoked  bool
	perms    KeyPermissions
	corpID   int64 // 0: its corp was deleted
	corpName string
	note     string // stored usererr message: why the product revoked it
}

// keyCache keeps looked-up key rows for a few seconds: the intake answers
// hundreds of requests a second with the same few keys.
type keyCache struct {
	mu      sync.Mutex
	rows    map[string]*keyRow
	fetched map[string]time.Time
	touched map[int64]time.Time
}

const keyCacheTTL = 5 * time.Second

func (c *keyCache) lookup(ctx context.Context, s *Service, keyID string) (*keyRow, error) {
	c.mu.Lock()
	if r, ok := c.rows[keyID]; ok && time.Since(c.fetched[keyID]) < keyCacheTTL {
		c.mu.Unlock()
		return r, nil
	}
	c.mu.Unlock()
	var r keyRecord
	if err := s.st.DB.GetContext(ctx, &r, selectKeys+`WHERE k.key_id = ?`, keyID); err != nil {
		return nil, err
	}
	row := &keyRow{id: r.ID, name: r.Name, hash: r.Hash, revoked: r.Revoked != nil,
		perms: KeyPermissions{All: r.All, Departments: r.Depts}, corpID: r.CorpID, corpName: r.CorpName, note: r.Note}
	c.mu.Lock()
	if c.rows == nil {
		c.rows, c.fetched = map[string]*keyRow{}, map[string]time.Time{}
	}
	c.rows[keyID], c.fetched[keyID] = row, time.Now()
	c.mu.Unlock()
	return row, nil
}

// forget drops the cache, so a revocation applies to the next request.
func (c *keyCache) forget() {
	c.mu.Lock()
	c.rows, c.fetched = nil, nil
	c.mu.Unlock()
}

func (c *keyCache) due(id int64, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.touched == nil {
		c.touched = map[int64]time.Time{}
	}
	if last, ok := c.touched[id]; ok && now.Sub(last) < time.Minute && !now.Before(last) {
		return false
	}
	c.touched[id] = now
	return true
}
