package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/usererr"
)

// ErrNotFound is the one "no such row" sentinel: repositories wrap it, and
// callers test errors.Is(err, store.ErrNotFound). Packages that re-export it
// (corp, directory, review, syncer) re-export this value.
var ErrNotFound = errors.New("not found")

// CheckCorp is the one "does this corp exist" check: nil when it does, the
// admin's message corp_not_found (wrapping ErrNotFound) when it does not.
// q is the database or a transaction.
func CheckCorp(ctx context.Context, q sqlx.QueryerContext, corpID int64) error {
	var ok bool
	if err := sqlx.GetContext(ctx, q, &ok, `SELECT EXISTS (SELECT 1 FROM corps WHERE id = ?)`, corpID); err != nil {
		return fmt.Errorf("look up corp %d: %w", corpID, err)
	}
	if !ok {
		return usererr.Wrap(ErrNotFound, "corp_not_found", usererr.Args{"id": corpID})
	}
	return nil
}
