package review

import (
	"context"
	"fmt"

	"wecom-bridge/backend/binding"
)

// Sources gives the review the two sides to match. The lead wires it to the
// local directory and to the pulled WeCom mirror; tests use StaticSources.
type Sources interface {
	// Locals returns the local directory, resigned accounts included.
	Locals(ctx context.Context) ([]LocalRecord, error)
	// Members returns the pulled WeCom contact mirror of one corp.
	Members(ctx context.Context, corpID int64) ([]MemberRecord, error)
}

// LocalRecord is a local account with the display fields the engine does not
// need. Local.DeptPaths and Local.Resigned must be filled.
type LocalRecord struct {
	binding.Local
	Position string
}

// MemberRecord is a WeCom member with its display fields.
type MemberRecord struct {
	binding.Member
	Position string
}

// StaticSources is an in-memory Sources: one local directory, and members per
// corp. Tests and demos fill it directly.
type StaticSources struct {
	LocalRecords  []LocalRecord
	MemberRecords map[int64][]MemberRecord
	Err           error // returned by both methods when set
}

// Locals implements Sources.
func (s *StaticSources) Locals(context.Context) ([]LocalRecord, error) {
	if s.Err != nil {
		return nil, s.Err
	}
	return s.LocalRecords, nil
}

// Members implements Sources.
func (s *StaticSources) Members(_ context.Context, corpID int64) ([]MemberRecord, error) {
	if s.Err != nil {
		return nil, s.Err
	}
	ms, ok := s.MemberRecords[corpID]
	if !ok {
		return nil, fmt.Errorf("no WeCom members pulled for corp %d", corpID)
	}
	return ms, nil
}
