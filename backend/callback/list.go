package callback

import (
	"context"
	"fmt"
	"strings"
	"time"

	"wecom-bridge/backend/usererr"
)

// MaxListLimit caps one page of the log.
const MaxListLimit = 500

// Filter selects events from the log; zero fields do not filter.
type Filter struct {
	CorpRef  int64     `json:"corpRef"`
	AgentID  *int64    `json:"agentId,omitempty"` // 0: the contact callback
	Type     string    `json:"type"`              // change_contact, text, enter_agent …
	State    string    `json:"state"`             // received | processed | duplicate | failed
	From     time.Time `json:"from"`              // received at or after
	To       time.Time `json:"to"`                // received before
	Limit    int       `json:"limit"`             // default 100, at most MaxListLimit
	BeforeID int64     `json:"beforeId"`          // paging: events older than this id
}

// List returns the newest events matching f first.
func (s *Service) List(ctx context.Context, f Filter) ([]Event, error) {
	where, args := []string{"1=1"}, []any{}
	add := func(cond string, a any) { where, args = append(where, cond), append(args, a) }
	if f.CorpRef != 0 {
		add("corp_ref = ?", f.CorpRef)
	}
	if f.AgentID != nil {
		add("agent_id = ?", *f.AgentID)
	}
	if f.Type != "" {
		add("(CASE WHEN msg_type = 'event' AND event <> '' THEN event ELSE msg_type END) = ?", f.Type)
	}
	if f.State != "" {
		switch f.State {
		case StateReceived, StateProcessed, StateDuplicate, StateFailed:
		default:
			return nil, usererr.New("callback_bad_state", usererr.Args{"value": f.State})
		}
		add("state = ?", f.State)
	}
	if !f.From.IsZero() {
		add("received_at >= ?", f.From.UnixMilli())
	}
	if !f.To.IsZero() {
		add("received_at < ?", f.To.UnixMilli())
	}
	if f.BeforeID > 0 {
		add("id < ?", f.BeforeID)
	}
	if f.Limit <= 0 {
		f.Limit = 100
	}
	f.Limit = min(f.Limit, MaxListLimit)
	var rows []eventRow
	if err := s.st.DB.SelectContext(ctx, &rows, `SELECT `+eventCols+` FROM callback_events WHERE `+
		strings.Join(where, " AND ")+` ORDER BY id DESC LIMIT ?`, append(args, f.Limit)...); err != nil {
		return nil, fmt.Errorf("list callbacks: %w", err)
	}
	out := make([]Event, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.event())
	}
	return out, nil
}

// Rejection is one day's count of one refusal reason at one endpoint.
type Rejection struct {
	Day     string    `json:"day"` // YYYY-MM-DD (UTC)
	CorpRef int64     `json:"corpRef"`
	AgentID int64     `json:"agentId"`
	Reason  string    `json:"reason"` // bad_signature, wrong_corp, undecryptable, too_large, unknown_endpoint, not_configured
	Count   int       `json:"count"`
	LastAt  time.Time `json:"lastAt"`
}

// Rejections returns the refusal counts of the last days (corpRef 0: all,
// with those whose URL named no known corp).
func (s *Service) Rejections(ctx context.Context, corpRef int64, days int) ([]Rejection, error) {
	if days <= 0 || days > 366 {
		days = 30
	}
	since := s.now().UTC().AddDate(0, 0, -days+1).Format("2006-01-02")
	var rows []struct {
		Day     string `db:"day"`
		CorpRef int64  `db:"corp_ref"`
		AgentID int64  `db:"agent_id"`
		Reason  string `db:"reason"`
		Count   int    `db:"count"`
		LastAt  int64  `db:"last_at"`
	}
	q := `SELECT day, corp_ref, agent_id, reason, count, last_at FROM callback_rejections WHERE day >= ?`
	args := []any{since}
	if corpRef != 0 {
		q += ` AND corp_ref IN (?, 0)`
		args = append(args, corpRef)
	}
	if err := s.st.DB.SelectContext(ctx, &rows, q+` ORDER BY day DESC, reason`, args...); err != nil {
		return nil, fmt.Errorf("list callback refusals: %w", err)
	}
	out := make([]Rejection, 0, len(rows))
	for _, r := range rows {
		out = append(out, Rejection{Day: r.Day, CorpRef: r.CorpRef, AgentID: r.AgentID, Reason: r.Reason, Count: r.Count,
			LastAt: time.UnixMilli(r.LastAt).UTC()})
	}
	return out, nil
}
