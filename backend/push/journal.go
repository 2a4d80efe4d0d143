package push

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"
)

// rowsPerInsert is how many rows one multi-row INSERT carries (a 2,500
// recipient message would otherwise be 2,500 statements).
const rowsPerInsert = 100

// insertRows inserts rows (each len(cols) values) into table in multi-row statements.
func (s *Service) insertRows(ctx context.Context, tx *sqlx.Tx, table string, cols []string, rows [][]any) error {
	one := "(" + strings.Repeat("?,", len(cols)-1) + "?)"
	for len(rows) > 0 {
		n := min(len(rows), rowsPerInsert)
		args := make([]any, 0, n*len(cols))
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		q := "INSERT INTO " + table + "(" + strings.Join(cols, ",") + ") VALUES " + strings.Repeat(one+",", n-1) + one
		if _, err := s.exec(ctx, tx, q, args...); err != nil {
			return fmt.Errorf("insert into %s: %w", table, err)
		}
		rows = rows[n:]
	}
	return nil
}

// listCap bounds the lists kept on a log row; push_recipients has them all.
const listCap = 200

func jsonList(xs []string) string {
	if len(xs) > listCap {
		xs = xs[:listCap]
	}
	if xs == nil {
		xs = []string{}
	}
	b, _ := json.Marshal(xs)
	return string(b)
}

// deliveryIDShift: a delivery's id is its message's id << 16 plus its
// index. Deliveries are planned by concurrent goroutines, in no strict
// order; these ids still sort like the messages' acceptance, so the log's
// search can page by id (see ListLogs). 65,536 targets a message is beyond
// any rule set.
const deliveryIDShift = 16

// savePlan writes a message's deliveries, recipients, chunks and search terms
// and moves it on from queued, in one transaction: a crash leaves either the
// queued message (planned again) or the whole plan.
func (s *Service) savePlan(ctx context.Context, m *queuedMessage, plans []deliveryPlan) error {
	if len(plans) > 1<<deliveryIDShift {
		s.log.Error("push: a message matched more targets than one message can have; the rest are not sent",
			"message", m.ID, "targets", len(plans), "max", 1<<deliveryIDShift)
		plans = plans[:1<<deliveryIDShift]
	}
	tx, done, err := s.beginWorkerWrite(ctx)
	if err != nil {
		return err
	}
	defer done()
	pending := false
	for i, p := range plans {
		id := m.ID<<deliveryIDShift | int64(i)
		_, err := s.exec(ctx, tx, `INSERT INTO push_deliveries(id, message_id, created_at, source, rule_id, rule_name, target_id,
			corp_id, agent_id, msgtype, title, body, status, recipient_count, unbound_count, unbound, error, fix, truncated)
			VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			id, m.ID, m.CreatedAt, m.Source, p.ruleID, p.ruleName, p.targetID, p.corpID, p.agentID, p.msgType, p.title, p.body,
			p.status, len(p.recipients), len(p.unbound), jsonList(p.unbound), p.errText.Stored(), p.fix.Stored(), strings.Join(p.truncated, ","))
		if err != nil {
			return fmt.Errorf("save delivery: %w", err)
		}
		if _, err := s.exec(ctx, tx, `INSERT INTO push_log_fts(rowid, uni, bi) VALUES(?, ?, ?)`, id, unigrams(p.title), bigrams(p.title)); err != nil {
			return fmt.Errorf("index the title: %w", err)
		}
		recips := make([][]any, len(p.recipients))
		for j, r := range p.recipients {
			recips[j] = []any{id, j, r.kind, r.name, r.userid, r.state}
		}
		if err := s.insertRows(ctx, tx, "push_recipients", []string{"delivery_id", "seq", "kind", "name", "userid", "state"}, recips); err != nil {
			return err
		}
		chunks := make([][]any, len(p.chunks))
		for j, c := range p.chunks {
			chunks[j] = []any{id, j, strings.Join(c.users, "|"), strings.Join(c.parties, "|"), "pending"}
		}
		if err := s.insertRows(ctx, tx, "push_chunks", []string{"delivery_id", "seq", "touser", "toparty", "state"}, chunks); err != nil {
			return err
		}
		pending = pending || p.status == StatusQueued
	}
	state := stateDone
	if pending {
		state = stateSending
	}
	if _, err := s.exec(ctx, tx, `UPDATE push_messages SET state = ?, last_error = '' WHERE id = ?`, state, m.ID); err != nil {
		return err
	}
	return tx.Commit()
}

// chunkOutcome is what one send of a chunk came to.
type chunkOutcome struct {
	state        string // sent, failed, or pending (retry later)
	msgid        string
	errcode      int
	errText      string
	invalidUser  string
	invalidParty string
	unlicensed   string
	at           int64
}

// recordChunk journals a chunk's send and, when it was the delivery's last
// open chunk, settles the delivery (and the message when all are settled).
func (s *Service) recordChunk(ctx context.Context, messageID, deliveryID int64, seq int, o chunkOutcome, notBefore int64) error {
	tx, done, err := s.beginWorkerWrite(ctx)
	if err != nil {
		return err
	}
	defer done()
	var sentAt any
	if o.state == "sent" {
		sentAt = o.at
	}
	if _, err := s.exec(ctx, tx, `UPDATE push_chunks SET state = ?, attempts = attempts + 1, msgid = ?, errcode = ?, error = ?,
		invalid_user = ?, invalid_party = ?, unlicensed_user = ?, sent_at = COALESCE(sent_at, ?) WHERE delivery_id = ? AND seq = ?`,
		o.state, o.msgid, o.errcode, o.errText, o.invalidUser, o.invalidParty, o.unlicensed, sentAt, deliveryID, seq); err != nil {
		return err
	}
	if err := markRecipients(ctx, tx, deliveryID, o); err != nil {
		return err
	}
	if o.state == "pending" {
		if _, err := s.exec(ctx, tx, `UPDATE push_messages SET not_before = ?, last_error = ? WHERE id = ?`, notBefore, o.errText, messageID); err != nil {
			return err
		}
		return tx.Commit()
	}
	if err := s.settleDelivery(ctx, tx, deliveryID); err != nil {
		return err
	}
	if _, err := s.exec(ctx, tx, `UPDATE push_messages SET state = 'done' WHERE id = ? AND NOT EXISTS
		(SELECT 1 FROM push_deliveries WHERE message_id = ? AND status = 'queued')`, messageID, messageID); err != nil {
		return err
	}
	return tx.Commit()
}

// markRecipients sets the state of the recipients WeCom reported invalid or unlicensed.
func markRecipients(ctx context.Context, tx *sqlx.Tx, deliveryID int64, o chunkOutcome) error {
	for _, set := range []struct {
		ids, state, kinds string
	}{{o.invalidUser, recipInvalid, "'account','userid'"}, {o.unlicensed, recipUnlicensed, "'account','userid'"},
		{o.invalidParty, recipInvalid, "'department'"}} {
		ids := splitLower(set.ids)
		if len(ids) == 0 {
			continue
		}
		q, args, err := sqlx.In(`UPDATE push_recipients SET state = ? WHERE delivery_id = ? AND kind IN (`+set.kinds+`)
			AND lower(userid) IN (?)`, set.state, deliveryID, ids)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

func splitLower(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, strings.ToLower(p))
		}
	}
	return out
}
