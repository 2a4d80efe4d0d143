// Package configaudit records configuration changes (a corp's API base URL
// or proxy, secrets set or cleared, intake settings) in the config_audit
// table: who, when, which field and why, never a value. Secrets, proxy
// passwords and even harmless values stay out, so the audit can be shown and
// exported without redaction.
package configaudit

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// Actions.
const (
	ActionHostChanged     = "host_changed"          // API base URL or proxy host; its secrets were cleared
	ActionFieldChanged    = "field_changed"         // a non-secret setting (API base URL, proxy, intake setting)
	ActionSecretSet       = "secret_set"            // a secret was entered (new or replaced)
	ActionSecretCleared   = "secret_cleared"        // a secret was removed on purpose
	ActionSecretsDropped  = "secrets_dropped"       // secrets cleared because the host changed
	ActionPermissionGiven = "permission_given"      // an API key was created with a permission
	ActionKeyCorpAssigned = "api_key_corp_assigned" // migration 0027 gave an existing API key its corp
	ActionKeyRevoked      = "api_key_revoked"       // an API key was revoked by the product (its corp went, or it had none)
)

// Entry is one change. Field names the field; Note says why in words and
// must not carry a value.
type Entry struct {
	ID      int64     `json:"id" db:"id"`
	At      time.Time `json:"at" db:"-"`
	Actor   string    `json:"actor" db:"actor"`
	Subject string    `json:"subject" db:"subject"`
	Action  string    `json:"action" db:"action"`
	Field   string    `json:"field" db:"field"`
	Note    string    `json:"note" db:"note"`
}

// Record writes entries with actor and the time now, through x: a *sqlx.DB
// or the transaction of the change itself, so both commit together.
func Record(ctx context.Context, x sqlx.ExecerContext, actor string, now time.Time, entries ...Entry) error {
	for _, e := range entries {
		if e.Subject == "" || e.Action == "" {
			return fmt.Errorf("config audit: subject and action are required (%+v)", e)
		}
		if _, err := x.ExecContext(ctx, `INSERT INTO config_audit(at, actor, subject, action, field, note) VALUES(?,?,?,?,?,?)`,
			now.UnixMilli(), actor, e.Subject, e.Action, e.Field, e.Note); err != nil {
			return fmt.Errorf("config audit: %w", err)
		}
	}
	return nil
}

// List returns the newest limit entries (at most 1,000), optionally for
// subjects starting with prefix ("corp:3", "push.").
func List(ctx context.Context, db sqlx.QueryerContext, prefix string, limit int) ([]Entry, error) {
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	var rows []struct {
		Entry
		AtMS int64 `db:"at"`
	}
	like := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(prefix) + "%"
	if err := sqlx.SelectContext(ctx, db, &rows, `SELECT id, at, actor, subject, action, field, note FROM config_audit
		WHERE subject LIKE ? ESCAPE '\' ORDER BY id DESC LIMIT ?`, like, limit); err != nil {
		return nil, err
	}
	out := make([]Entry, len(rows))
	for i, r := range rows {
		out[i] = r.Entry
		out[i].At = time.UnixMilli(r.AtMS)
	}
	return out, nil
}
