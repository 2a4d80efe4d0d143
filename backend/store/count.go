package store

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// Count runs a SELECT COUNT(…) query and returns its number (features count
// what they keep for a corp or an app with it, for the delete confirmation).
func Count(ctx context.Context, q sqlx.QueryerContext, query string, args ...any) (int, error) {
	var n int
	err := sqlx.GetContext(ctx, q, &n, query, args...)
	return n, err
}
