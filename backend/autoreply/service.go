package autoreply

import (
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
)

// Service stores the rules and switches and answers messages.
type Service struct {
	db  *sqlx.DB
	now func() time.Time
}

// New returns the service over the store's database.
func New(st *store.Store) *Service {
	return &Service{db: st.DB, now: time.Now}
}
