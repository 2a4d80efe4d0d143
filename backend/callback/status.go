package callback

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// EndpointStatus is what the copy panel shows beside a callback URL.
type EndpointStatus struct {
	AgentID     int64      `json:"agentId"` // 0: the contact callback
	VerifiedAt  *time.Time `json:"verifiedAt"`
	LastEventAt *time.Time `json:"lastEventAt"`
}

// Endpoints returns the status of the corp's contact endpoint and of each
// agent's app endpoint, in that order.
func (s *Service) Endpoints(ctx context.Context, corpRef int64, agents []int64) ([]EndpointStatus, error) {
	out := make([]EndpointStatus, 0, len(agents)+1)
	for _, a := range append([]int64{0}, agents...) {
		st := EndpointStatus{AgentID: a}
		var verified, last sql.NullInt64
		if err := s.st.DB.GetContext(ctx, &verified, `SELECT verified_at FROM callback_endpoints WHERE corp_ref = ? AND agent_id = ?`,
			corpRef, a); err != nil && err != sql.ErrNoRows {
			return nil, fmt.Errorf("read callback endpoint: %w", err)
		}
		if err := s.st.DB.GetContext(ctx, &last, `SELECT received_at FROM callback_events WHERE corp_ref = ? AND agent_id = ?
			ORDER BY id DESC LIMIT 1`, corpRef, a); err != nil && err != sql.ErrNoRows {
			return nil, fmt.Errorf("read last callback: %w", err)
		}
		st.VerifiedAt, st.LastEventAt = msTime(verified), msTime(last)
		out = append(out, st)
	}
	return out, nil
}

func msTime(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := time.UnixMilli(v.Int64).UTC()
	return &t
}
