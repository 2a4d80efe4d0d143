package store

import (
	"context"
	"strings"
	"testing"

	"wecom-bridge/backend/usererr"
)

type keyAfter struct {
	ID      int64  `db:"id"`
	CorpID  *int64 `db:"corp_id"`
	Revoked *int64 `db:"revoked_at"`
	Note    string `db:"note"`
}

// migrateKeys upgrades a version-26 database holding stmts and returns
// its API keys by id.
func migrateKeys(t *testing.T, stmts ...string) (*Store, map[int64]keyAfter) {
	t.Helper()
	ctx := context.Background()
	s := upgradeFrom(t, 26, stmts...)
	var rows []keyAfter
	if err := s.DB.SelectContext(ctx, &rows, `SELECT id, corp_id, revoked_at, note FROM push_api_keys`); err != nil {
		t.Fatal(err)
	}
	out := map[int64]keyAfter{}
	for _, r := range rows {
		out[r.ID] = r
	}
	return s, out
}

const oldKey = `INSERT INTO push_api_keys(id, name, key_id, key_hash, created_at, revoked_at) VALUES (%s)`

func keyRow(values string) string { return strings.Replace(oldKey, "%s", values, 1) }

// TestAPIKeyCorpMigrationWithOneCorp: with one corp, every existing key,
// revoked or not, becomes that corp's and nothing is revoked.
func TestAPIKeyCorpMigrationWithOneCorp(t *testing.T) {
	s, keys := migrateKeys(t,
		`INSERT INTO corps(id, corp_key, name, corp_id) VALUES (1, 'k', '星河', 'ww0000000000000001')`,
		keyRow(`1, 'oa', '0000000000000001', 'h', 0, NULL`),
		keyRow(`2, 'old', '0000000000000002', 'h', 0, 5`),
	)
	for id, k := range keys {
		if k.CorpID == nil || *k.CorpID != 1 || k.Note != "" {
			t.Errorf("key %d after migration: %+v", id, k)
		}
	}
	if k := keys[1]; k.Revoked != nil {
		t.Error("the only corp's key was revoked")
	}
	if n, _ := Count(context.Background(), s.DB, `SELECT COUNT(*) FROM config_audit WHERE action = 'api_key_corp_assigned'`); n != 2 {
		t.Errorf("%d audit rows, want one per key", n)
	}
}

// TestAPIKeyCorpMigrationWithSeveralCorps: a key that pushed into exactly
// one existing corp keeps working for it; a key used with several, never
// used, or used only with a deleted corp is revoked with a note (and an
// audit row); a key the admin had revoked stays as it was. Deleting a corp
// afterwards revokes its keys with a note naming it.
func TestAPIKeyCorpMigrationWithSeveralCorps(t *testing.T) {
	ctx := context.Background()
	msg := func(id, key string) string {
		return `INSERT INTO push_messages(id, api_key_id, source, payload, state, created_at) VALUES (` + id + `, ` + key + `, 'oa', '{}', 'done', 0)`
	}
	del := func(msgID, corp string) string {
		return `INSERT INTO push_deliveries(message_id, created_at, source, corp_id, status) VALUES (` + msgID + `, 0, 'oa', ` + corp + `, 'sent')`
	}
	s, keys := migrateKeys(t,
		`INSERT INTO corps(id, corp_key, name, corp_id) VALUES (1, 'k1', '星河', 'ww0000000000000001'), (2, 'k2', '云帆', 'ww0000000000000002')`,
		keyRow(`1, 'one corp', '0000000000000001', 'h', 0, NULL`),
		keyRow(`2, 'two corps', '0000000000000002', 'h', 0, NULL`),
		keyRow(`3, 'never used', '0000000000000003', 'h', 0, NULL`),
		keyRow(`4, 'revoked before', '0000000000000004', 'h', 0, 7`),
		keyRow(`5, 'deleted corp', '0000000000000005', 'h', 0, NULL`),
		msg("1", "1"), del("1", "2"), msg("2", "1"), del("2", "2"),
		msg("3", "2"), del("3", "1"), del("3", "2"),
		msg("4", "5"), del("4", "9"), // corp 9 no longer exists
	)
	if k := keys[1]; k.CorpID == nil || *k.CorpID != 2 || k.Revoked != nil || k.Note != "" {
		t.Errorf("key used with one corp: %+v", k)
	}
	for _, id := range []int64{2, 3, 5} {
		k := keys[id]
		note := usererr.FromStored(k.Note)
		if k.CorpID != nil || k.Revoked == nil || note.Code != "push_key_revoked_no_corp" || !strings.Contains(note.EN, "2 corps") || !strings.Contains(note.ZH, "2 个企业") {
			t.Errorf("key %d: %+v (note %+v)", id, k, note)
		}
	}
	if k := keys[4]; k.CorpID != nil || k.Revoked == nil || *k.Revoked != 7 || k.Note != "" {
		t.Errorf("key revoked before: %+v", k)
	}
	if n, _ := Count(ctx, s.DB, `SELECT COUNT(*) FROM config_audit WHERE action = 'api_key_revoked'`); n != 3 {
		t.Errorf("%d revocation audit rows, want 3", n)
	}
	if n, _ := Count(ctx, s.DB, `SELECT COUNT(*) FROM config_audit WHERE action = 'api_key_corp_assigned' AND subject = 'push.apikey:1'`); n != 1 {
		t.Errorf("%d assignment audit rows", n)
	}

	// Deleting 云帆 revokes its key with a note; the key row stays.
	if _, err := s.DB.ExecContext(ctx, `DELETE FROM corps WHERE id = 2`); err != nil {
		t.Fatal(err)
	}
	var k keyAfter
	if err := s.DB.GetContext(ctx, &k, `SELECT id, corp_id, revoked_at, note FROM push_api_keys WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if note := usererr.FromStored(k.Note); k.CorpID != nil || k.Revoked == nil || note.Code != "push_key_revoked_corp_deleted" || !strings.Contains(note.ZH, "云帆") {
		t.Fatalf("key of the deleted corp: %+v (%+v)", k, note)
	}
	if n, _ := Count(ctx, s.DB, `SELECT COUNT(*) FROM config_audit WHERE action = 'api_key_revoked' AND subject = 'push.apikey:1'`); n != 1 {
		t.Errorf("%d audit rows for the key of the deleted corp", n)
	}
	if _, err := s.DB.ExecContext(ctx, `INSERT INTO push_api_keys(name, key_id, key_hash, created_at, corp_id) VALUES ('x', '00000000000000ff', 'h', 0, 2)`); err == nil ||
		!strings.Contains(err.Error(), "FOREIGN KEY") {
		t.Fatalf("a key for a corp that does not exist was saved: %v", err)
	}
}
