package push

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"wecom-bridge/backend/store"
)

// Message states in push_messages.
const (
	stateQueued  = "queued"  // accepted, not planned
	stateSending = "sending" // deliveries and chunks planned, some not sent
	stateDone    = "done"
)

// Accepted is the intake's 202 answer.
type Accepted struct {
	ID     int64  `json:"id"`
	Status string `json:"status"` // always "queued": the worker sends it
}

// Submit queues a message from inside the app (no API key, source required).
// Like the intake, it returns once the message is committed.
func (s *Service) Submit(ctx context.Context, in Input) (Accepted, error) {
	a, _, err := s.accept(ctx, caller{inApp: true}, in)
	return a, err
}

// accept validates in, then commits it (or finds the message an earlier
// request with the same idempotency key created: replay) and wakes the worker.
func (s *Service) accept(ctx context.Context, c caller, in Input) (Accepted, bool, error) {
	in.normalize(c.name)
	if verr := in.validate(); verr != nil {
		return Accepted{}, false, verr
	}
	if verr := checkPermissions(c, in.To); verr != nil {
		return Accepted{}, false, verr
	}
	if verr, err := s.checkKeyCorp(ctx, c, in.Source); err != nil || verr != nil {
		if err != nil {
			return Accepted{}, false, err
		}
		return Accepted{}, false, verr
	}
	set, err := s.cachedSettings(ctx)
	if err != nil {
		return Accepted{}, false, err
	}
	if verr := checkRecipientCap(in.To, set); verr != nil && !c.inApp {
		return Accepted{}, false, verr
	}
	if set.StrictSources {
		var known bool
		if err := s.get(ctx, nil, &known, `SELECT EXISTS(SELECT 1 FROM push_rules WHERE source = ?)`, in.Source); err != nil {
			return Accepted{}, false, err
		}
		if !known {
			return Accepted{}, false, invalid("unknown_source", "source",
				"no rule names the source %q and strict source checking is on; add a rule for it or fix the source", in.Source)
		}
	}
	payload, err := json.Marshal(in)
	if err != nil {
		return Accepted{}, false, err
	}
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return Accepted{}, false, err
	}
	defer done()
	if in.IdempotencyKey != "" {
		var id int64
		err := s.get(ctx, tx, &id, `SELECT id FROM push_messages WHERE api_key_id = ? AND idempotency_key = ?`, c.keyID, in.IdempotencyKey)
		if err == nil {
			return Accepted{ID: id, Status: stateQueued}, true, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return Accepted{}, false, err
		}
	}
	res, err := s.exec(ctx, tx, `INSERT INTO push_messages(api_key_id, idempotency_key, source, payload, state, created_at)
		VALUES(?,?,?,?,?,?)`, c.keyID, in.IdempotencyKey, in.Source, string(payload), stateQueued, ms(s.now()))
	if err != nil {
		return Accepted{}, false, fmt.Errorf("queue the message: %w", err)
	}
	id, _ := res.LastInsertId()
	if err := tx.Commit(); err != nil {
		return Accepted{}, false, fmt.Errorf("queue the message: %w", err)
	}
	s.kick()
	return Accepted{ID: id, Status: stateQueued}, false, nil
}

// checkRecipientCap refuses a message naming more people or departments
// than the settings allow (Settings.MaxUsers, MaxDepartments).
func checkRecipientCap(to To, set Settings) *ValidationError {
	if n := len(to.Accounts) + len(to.UserIDs); n > set.MaxUsers {
		return invalid("too_many_recipients", "to", "names %d people (to.accounts + to.userids); one message takes at most %d "+
			"(Settings → Integrations); split it into several messages", n, set.MaxUsers)
	}
	if n := len(to.Departments); n > set.MaxDepartments {
		return invalid("too_many_departments", "to.departments", "names %d departments; one message takes at most %d "+
			"(Settings → Integrations); split it into several messages", n, set.MaxDepartments)
	}
	return nil
}

// MessageStatus is a message's progress, for GET /api/v1/messages/{id}.
type MessageStatus struct {
	ID     int64  `json:"id"`
	Source string `json:"source"`
	// Status: queued, sending, then what its deliveries came to: sent,
	// partial, failed, recalled or no_rule.
	Status     string    `json:"status"`
	CreatedAt  time.Time `json:"created_at"`
	Deliveries []LogRow  `json:"deliveries"`
	apiKeyID   int64
}

// Message returns message id's status and deliveries.
func (s *Service) Message(ctx context.Context, id int64) (MessageStatus, error) {
	var m struct {
		Source  string `db:"source"`
		State   string `db:"state"`
		Created int64  `db:"created_at"`
		KeyID   int64  `db:"api_key_id"`
	}
	err := s.st.DB.GetContext(ctx, &m, `SELECT source, state, created_at, api_key_id FROM push_messages WHERE id = ?`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return MessageStatus{}, fmt.Errorf("message %d: %w (it may have been pruned after the retention period)", id, store.ErrNotFound)
	}
	if err != nil {
		return MessageStatus{}, err
	}
	rows, err := s.logRows(ctx, `WHERE d.message_id = ? ORDER BY d.id`, id)
	if err != nil {
		return MessageStatus{}, err
	}
	st := MessageStatus{ID: id, Source: m.Source, Status: m.State, CreatedAt: fromMS(m.Created), Deliveries: rows, apiKeyID: m.KeyID}
	if m.State == stateDone {
		st.Status = overallStatus(rows)
	}
	return st, nil
}

// overallStatus folds delivery statuses into one for the sender.
func overallStatus(rows []LogRow) string {
	count := map[string]int{}
	for _, r := range rows {
		count[r.Status]++
	}
	n := len(rows)
	switch {
	case n == 0:
		return StatusNoRule
	case count[StatusSent] == n:
		return StatusSent
	case count[StatusFailed] == n:
		return StatusFailed
	case count[StatusRecalled] == n:
		return StatusRecalled
	case count[StatusNoRule] == n:
		return StatusNoRule
	}
	return StatusPartial
}
