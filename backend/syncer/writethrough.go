package syncer

import (
	"context"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/wecom"
)

// MirrorWriter writes what an apply did in WeCom into the WeCom mirror, in
// the transaction of the operation's journal entry (package mirror
// implements it), so a preview right after an apply starts from what WeCom
// now holds. With none (WithMirror not given) nothing is written through.
type MirrorWriter interface {
	CreateDepartment(ctx context.Context, tx *sqlx.Tx, corpID, id int64, d wecom.DepartmentCreate) error
	UpdateDepartment(ctx context.Context, tx *sqlx.Tx, corpID int64, d wecom.DepartmentUpdate) error
	DeleteDepartment(ctx context.Context, tx *sqlx.Tx, corpID, id int64) error
	CreateUser(ctx context.Context, tx *sqlx.Tx, corpID int64, u wecom.UserWrite) error
	UpdateUser(ctx context.Context, tx *sqlx.Tx, corpID int64, u wecom.UserWrite) error
	DeleteUser(ctx context.Context, tx *sqlx.Tx, corpID int64, userID string) error
}

// WithMirror writes every finished WeCom operation through to m.
func WithMirror(m MirrorWriter) Option { return func(s *Service) { s.mirror = m } }

// mirrorWrite is the write-through of one finished operation.
type mirrorWrite func(ctx context.Context, tx *sqlx.Tx, m MirrorWriter, corpID int64) error

func writeDeptCreate(id int64, d wecom.DepartmentCreate) mirrorWrite {
	return func(ctx context.Context, tx *sqlx.Tx, m MirrorWriter, corp int64) error {
		return m.CreateDepartment(ctx, tx, corp, id, d)
	}
}

func writeDeptUpdate(d wecom.DepartmentUpdate) mirrorWrite {
	return func(ctx context.Context, tx *sqlx.Tx, m MirrorWriter, corp int64) error {
		return m.UpdateDepartment(ctx, tx, corp, d)
	}
}

func writeDeptDelete(id int64) mirrorWrite {
	return func(ctx context.Context, tx *sqlx.Tx, m MirrorWriter, corp int64) error {
		return m.DeleteDepartment(ctx, tx, corp, id)
	}
}

func writeUser(u wecom.UserWrite, create bool) mirrorWrite {
	return func(ctx context.Context, tx *sqlx.Tx, m MirrorWriter, corp int64) error {
		if create {
			return m.CreateUser(ctx, tx, corp, u)
		}
		return m.UpdateUser(ctx, tx, corp, u)
	}
}

func writeUserDelete(userID string) mirrorWrite {
	return func(ctx context.Context, tx *sqlx.Tx, m MirrorWriter, corp int64) error {
		return m.DeleteUser(ctx, tx, corp, userID)
	}
}
