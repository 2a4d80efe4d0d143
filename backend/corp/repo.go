package corp

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base32"
	"errors"
	"strings"
	"time"
	"wecom-bridge/backend/usererr"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
)

// corpRow is a row of corps; *Enc columns hold vault ciphertexts.
type corpRow struct {
	ID                int64      `db:"id"`
	Key               string     `db:"corp_key"`
	Name              string     `db:"name"`
	CorpID            string     `db:"corp_id"`
	APIBaseURL        string     `db:"api_base_url"`
	ProxyEnc          string     `db:"proxy_url_enc"`
	ContactPermission string     `db:"contact_permission"`
	ContactSecretEnc  string     `db:"contact_secret_enc"`
	CustomerSecretEnc string     `db:"customer_secret_enc"`
	CallbackTokenEnc  string     `db:"callback_token_enc"`
	CallbackAESKeyEnc string     `db:"callback_aes_key_enc"`
	Demo              bool       `db:"demo"`
	DemoSeed          int64      `db:"demo_seed"`
	Active            bool       `db:"active"`
	CreatedAt         store.Time `db:"created_at"`
	UpdatedAt         store.Time `db:"updated_at"`
}

// appRow is a row of apps.
type appRow struct {
	ID                int64      `db:"id"`
	CorpRef           int64      `db:"corp_ref"`
	Name              string     `db:"name"`
	AgentID           int64      `db:"agent_id"`
	SecretEnc         string     `db:"secret_enc"`
	CallbackTokenEnc  string     `db:"callback_token_enc"`
	CallbackAESKeyEnc string     `db:"callback_aes_key_enc"`
	HomeURL           string     `db:"home_url"`
	CreatedAt         store.Time `db:"created_at"`
	UpdatedAt         store.Time `db:"updated_at"`
}

const corpCols = `id, corp_key, name, corp_id, api_base_url, proxy_url_enc, contact_permission,
	contact_secret_enc, customer_secret_enc, callback_token_enc, callback_aes_key_enc,
	demo, demo_seed, active, created_at, updated_at`

const appCols = `id, corp_ref, name, agent_id, secret_enc, callback_token_enc, callback_aes_key_enc,
	home_url, created_at, updated_at`

// ErrNotFound is returned for a corp or app id that does not exist.
var ErrNotFound = store.ErrNotFound

type querier interface {
	sqlx.QueryerContext
	sqlx.ExecerContext
	GetContext(ctx context.Context, dest any, query string, args ...any) error
	SelectContext(ctx context.Context, dest any, query string, args ...any) error
}

func getCorpRow(ctx context.Context, q querier, id int64) (*corpRow, error) {
	var r corpRow
	err := q.GetContext(ctx, &r, `SELECT `+corpCols+` FROM corps WHERE id = ?`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, usererr.Wrap(ErrNotFound, "corp_not_found", usererr.Args{"id": id})
	}
	return &r, err
}

func getCorpRowWhere(ctx context.Context, q querier, where string, args ...any) (*corpRow, error) {
	var r corpRow
	err := q.GetContext(ctx, &r, `SELECT `+corpCols+` FROM corps WHERE `+where+` LIMIT 1`, args...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &r, err
}

func listCorpRows(ctx context.Context, q querier) ([]corpRow, error) {
	var rows []corpRow
	err := q.SelectContext(ctx, &rows, `SELECT `+corpCols+` FROM corps ORDER BY active DESC, name, id`)
	return rows, err
}

func listAppRows(ctx context.Context, q querier, corpRef int64) ([]appRow, error) {
	var rows []appRow
	err := q.SelectContext(ctx, &rows, `SELECT `+appCols+` FROM apps WHERE corp_ref = ? ORDER BY agent_id`, corpRef)
	return rows, err
}

func getAppRow(ctx context.Context, q querier, id int64) (*appRow, error) {
	var r appRow
	err := q.GetContext(ctx, &r, `SELECT `+appCols+` FROM apps WHERE id = ?`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, usererr.Wrap(ErrNotFound, "app_not_found", usererr.Args{"id": id})
	}
	return &r, err
}

func insertCorpRow(ctx context.Context, q querier, r *corpRow) (int64, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO corps(corp_key, name, corp_id, api_base_url, proxy_url_enc,
		contact_permission, contact_secret_enc, customer_secret_enc, callback_token_enc, callback_aes_key_enc,
		demo, demo_seed, active) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.Key, r.Name, r.CorpID, r.APIBaseURL, r.ProxyEnc, r.ContactPermission, r.ContactSecretEnc,
		r.CustomerSecretEnc, r.CallbackTokenEnc, r.CallbackAESKeyEnc, r.Demo, r.DemoSeed, r.Active)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func updateCorpRow(ctx context.Context, q querier, r *corpRow) error {
	_, err := q.ExecContext(ctx, `UPDATE corps SET name=?, corp_id=?, api_base_url=?, proxy_url_enc=?,
		contact_permission=?, contact_secret_enc=?, customer_secret_enc=?, callback_token_enc=?,
		callback_aes_key_enc=?, demo=?, demo_seed=?, updated_at=? WHERE id=?`,
		r.Name, r.CorpID, r.APIBaseURL, r.ProxyEnc, r.ContactPermission, r.ContactSecretEnc,
		r.CustomerSecretEnc, r.CallbackTokenEnc, r.CallbackAESKeyEnc, r.Demo, r.DemoSeed, store.TimeOf(time.Now()), r.ID)
	return err
}

func insertAppRow(ctx context.Context, q querier, r *appRow) (int64, error) {
	res, err := q.ExecContext(ctx, `INSERT INTO apps(corp_ref, name, agent_id, secret_enc, callback_token_enc,
		callback_aes_key_enc, home_url) VALUES(?,?,?,?,?,?,?)`,
		r.CorpRef, r.Name, r.AgentID, r.SecretEnc, r.CallbackTokenEnc, r.CallbackAESKeyEnc, r.HomeURL)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func updateAppRow(ctx context.Context, q querier, r *appRow) error {
	_, err := q.ExecContext(ctx, `UPDATE apps SET name=?, agent_id=?, secret_enc=?, callback_token_enc=?,
		callback_aes_key_enc=?, home_url=?, updated_at=? WHERE id=?`,
		r.Name, r.AgentID, r.SecretEnc, r.CallbackTokenEnc, r.CallbackAESKeyEnc, r.HomeURL, store.TimeOf(time.Now()), r.ID)
	return err
}

// setActive makes id the only active corp (id 0: none).
func setActive(ctx context.Context, q querier, id int64) error {
	if _, err := q.ExecContext(ctx, `UPDATE corps SET active = 0 WHERE active = 1 AND id <> ?`, id); err != nil {
		return err
	}
	if id == 0 {
		return nil
	}
	_, err := q.ExecContext(ctx, `UPDATE corps SET active = 1 WHERE id = ?`, id)
	return err
}

// newCorpKey returns a random key for callback URLs: 16 lower-case base32 characters.
func newCorpKey() string {
	b := make([]byte, 10)
	rand.Read(b)
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}
