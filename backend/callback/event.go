package callback

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// Event is one logged callback.
type Event struct {
	ID          int64             `json:"id"`
	CorpRef     int64             `json:"corpRef"`
	AgentID     int64             `json:"agentId"` // 0 for the contact callback
	Kind        string            `json:"kind"`    // contact | app
	Type        string            `json:"type"`    // change_contact, text, enter_agent …
	ChangeType  string            `json:"changeType"`
	FromUser    string            `json:"fromUser"`
	State       string            `json:"state"`
	DupOf       int64             `json:"dupOf,omitempty"`
	Attempts    int               `json:"attempts"`
	Error       *usererr.Message  `json:"error,omitempty"`
	Effects     []usererr.Message `json:"effects"`
	ReceivedAt  time.Time         `json:"receivedAt"`
	ProcessedAt *time.Time        `json:"processedAt,omitempty"`
	Msg         Message           `json:"msg"`
	// Payload is the decrypted XML, for processors (the UI reads Msg, where
	// the once-only ResponseCode is left out).
	Payload string `json:"-"`
}

type eventRow struct {
	ID          int64         `db:"id"`
	CorpRef     int64         `db:"corp_ref"`
	AgentID     int64         `db:"agent_id"`
	Kind        string        `db:"kind"`
	MsgType     string        `db:"msg_type"`
	Event       string        `db:"event"`
	ChangeType  string        `db:"change_type"`
	FromUser    string        `db:"from_user"`
	DupOf       sql.NullInt64 `db:"dup_of"`
	Payload     string        `db:"payload"`
	State       string        `db:"state"`
	Attempts    int           `db:"attempts"`
	Error       string        `db:"error"`
	Effects     string        `db:"effects"`
	ReceivedAt  int64         `db:"received_at"`
	ProcessedAt sql.NullInt64 `db:"processed_at"`
}

const eventCols = `id, corp_ref, agent_id, kind, msg_type, event, change_type, from_user, dup_of, payload, state, attempts,
	error, effects, received_at, processed_at`

func (r eventRow) event() Event {
	ev := Event{ID: r.ID, CorpRef: r.CorpRef, AgentID: r.AgentID, Kind: r.Kind, ChangeType: r.ChangeType, FromUser: r.FromUser,
		State: r.State, DupOf: r.DupOf.Int64, Attempts: r.Attempts, ReceivedAt: time.UnixMilli(r.ReceivedAt).UTC(),
		Payload: r.Payload, Effects: []usererr.Message{}}
	ev.Msg, _ = ParseMessage([]byte(r.Payload))
	ev.Type = ev.Msg.Type()
	if r.Error != "" {
		m := usererr.FromStored(r.Error)
		ev.Error = &m
	}
	var stored []string
	if json.Unmarshal([]byte(r.Effects), &stored) == nil {
		for _, e := range stored {
			ev.Effects = append(ev.Effects, usererr.FromStored(e))
		}
	}
	if r.ProcessedAt.Valid {
		t := time.UnixMilli(r.ProcessedAt.Int64).UTC()
		ev.ProcessedAt = &t
	}
	return ev
}

// record persists a received callback: a new event (state received) or,
// when its dedupe key was seen, a duplicate row pointing at the original.
// It returns once the row is committed.
func (s *Service) record(corpRef, agentID int64, kind string, m Message, payload []byte) (Event, error) {
	r := eventRow{CorpRef: corpRef, AgentID: agentID, Kind: kind, MsgType: m.MsgType, Event: m.Event, ChangeType: m.ChangeType,
		FromUser: m.FromUserName, Payload: string(payload), State: StateReceived, Effects: "[]", ReceivedAt: s.now().UnixMilli()}
	key := m.DedupeKey(payload)
	err := s.w.write(func(ctx context.Context, tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO callback_events
			(corp_ref, agent_id, kind, msg_type, event, change_type, from_user, create_time, dedupe_key, payload, received_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			corpRef, agentID, kind, m.MsgType, m.Event, m.ChangeType, m.FromUserName, m.CreateTime, key, r.Payload, r.ReceivedAt)
		if err != nil {
			return fmt.Errorf("persist callback: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			r.ID, err = res.LastInsertId()
			return err
		}
		if err := tx.GetContext(ctx, &r.DupOf, `SELECT id FROM callback_events
			WHERE corp_ref = ? AND agent_id = ? AND dedupe_key = ? AND dup_of IS NULL`, corpRef, agentID, key); err != nil {
			return fmt.Errorf("find the original of a duplicate callback: %w", err)
		}
		res, err = tx.ExecContext(ctx, `INSERT INTO callback_events
			(corp_ref, agent_id, kind, msg_type, event, change_type, from_user, create_time, dedupe_key, dup_of, payload, state, received_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'duplicate', ?)`,
			corpRef, agentID, kind, m.MsgType, m.Event, m.ChangeType, m.FromUserName, m.CreateTime, key, r.DupOf, r.Payload, r.ReceivedAt)
		if err != nil {
			return fmt.Errorf("persist duplicate callback: %w", err)
		}
		r.State = StateDuplicate
		r.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return Event{}, err
	}
	return r.event(), nil
}

// Get returns one event.
func (s *Service) Get(ctx context.Context, id int64) (Event, error) {
	var r eventRow
	err := s.st.DB.GetContext(ctx, &r, `SELECT `+eventCols+` FROM callback_events WHERE id = ?`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Event{}, usererr.Wrap(store.ErrNotFound, "callback_event_not_found", usererr.Args{"id": id})
	}
	if err != nil {
		return Event{}, fmt.Errorf("read callback event %d: %w", id, err)
	}
	return r.event(), nil
}

// finish records a processor's outcome.
func (s *Service) finish(id int64, effects []usererr.Message, perr error) error {
	stored := make([]string, 0, len(effects))
	for _, e := range effects {
		stored = append(stored, e.Stored())
	}
	eff, _ := json.Marshal(stored)
	state, errText := StateProcessed, ""
	if perr != nil {
		state = StateFailed
		errText = usererr.Wrap(perr, "callback_process_failed", usererr.Args{"detail": perr.Error()}).Stored()
		var ue *usererr.Error
		if errors.As(perr, &ue) {
			errText = ue.Stored()
		}
	}
	return s.exec(`UPDATE callback_events SET state = ?, error = ?, effects = ?,
		attempts = attempts + 1, processed_at = ? WHERE id = ?`, state, errText, string(eff), s.now().UnixMilli(), id)
}

// Replay processes a failed event again (the 回调 page's and the CLI's replay).
func (s *Service) Replay(ctx context.Context, id int64) (Event, error) {
	ev, err := s.Get(ctx, id)
	if err != nil {
		return ev, err
	}
	if ev.State != StateFailed {
		return ev, usererr.New("callback_replay_not_failed", usererr.Args{"id": id, "state": ev.State})
	}
	if err := s.exec(`UPDATE callback_events SET state = 'received' WHERE id = ? AND state = 'failed'`, id); err != nil {
		return ev, fmt.Errorf("queue callback event %d again: %w", id, err)
	}
	s.kick(ev.Kind)
	ev.State = StateReceived
	return ev, nil
}

// exec runs one writing statement through the log's writer.
func (s *Service) exec(q string, args ...any) error {
	return s.w.write(func(ctx context.Context, tx *sqlx.Tx) error {
		_, err := tx.ExecContext(ctx, q, args...)
		return err
	})
}
