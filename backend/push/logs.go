package push

import (
	"context"
	"encoding/json"
	"strings"
	"time"
	"wecom-bridge/backend/usererr"

	"wecom-bridge/backend/store"
)

// Delivery statuses (the push log's status column).
const (
	StatusQueued   = "queued"
	StatusSent     = "sent"
	StatusPartial  = "partial" // sent, but some recipients invalid, unlicensed or unbound, or some chunks failed
	StatusFailed   = "failed"
	StatusRecalled = "recalled"
	StatusNoRule   = "no_rule"
)

// recallWindow is how long after sending WeCom lets a message be recalled.
const recallWindow = 24 * time.Hour

// LogRow is one delivery (a message × target) in the push log.
type LogRow struct {
	ID        int64     `json:"id"`
	MessageID int64     `json:"message_id"`
	Time      time.Time `json:"time"` // when the message was accepted
	Source    string    `json:"source"`
	RuleID    int64     `json:"rule_id,omitempty"`
	Rule      string    `json:"rule,omitempty"`
	CorpID    int64     `json:"corp_id,omitempty"`
	AgentID   int64     `json:"agent_id,omitempty"`
	MsgType   string    `json:"msgtype"`
	Title     string    `json:"title"`
	// Recipients is, once sent, how many userids and departments WeCom took
	// (those it answered invalid or unlicensed are not counted; a department
	// counts once); before that, how many the sender named. ToAll: sent to
	// @all, whose reach WeCom does not report.
	Recipients      int              `json:"recipients"`
	ToAll           bool             `json:"to_all"`
	MsgIDs          []string         `json:"msgids"`
	Status          string           `json:"status"`
	ErrCode         int              `json:"errcode,omitempty"`
	Error           *usererr.Message `json:"error,omitempty"` // what went wrong
	Fix             *usererr.Message `json:"fix,omitempty"`   // what to do about it
	InvalidCount    int              `json:"invalid_count"`
	InvalidUsers    []string         `json:"invalid_users"`
	InvalidParties  []string         `json:"invalid_parties"`
	UnlicensedUsers []string         `json:"unlicensed_users"`
	UnboundCount    int              `json:"unbound_count"`
	Unbound         []string         `json:"unbound"` // 未绑定 accounts and unknown departments (first 200)
	Truncated       bool             `json:"truncated"`
	TruncatedFields []string         `json:"truncated_fields"`
	Attempts        int              `json:"attempts"`
	SentAt          *time.Time       `json:"sent_at,omitempty"`
	RecalledAt      *time.Time       `json:"recalled_at,omitempty"`
	RecalledBy      string           `json:"recalled_by,omitempty"`
	RecallError     string           `json:"recall_error,omitempty"`
	// RecallAllowed drives the UI's 撤回 button; RecallReason says why not.
	RecallAllowed bool             `json:"recall_allowed"`
	RecallReason  *usererr.Message `json:"recall_reason,omitempty"`
	// Webhook: its card's button clicks forwarded to the rule's webhook;
	// absent when none was (log_webhook.go).
	Webhook *WebhookSummary `json:"webhook,omitempty"`
}

type logRecord struct {
	ID           int64  `db:"id"`
	MessageID    int64  `db:"message_id"`
	CreatedAt    int64  `db:"created_at"`
	Source       string `db:"source"`
	RuleID       *int64 `db:"rule_id"`
	RuleName     string `db:"rule_name"`
	CorpID       int64  `db:"corp_id"`
	AgentID      int64  `db:"agent_id"`
	MsgType      string `db:"msgtype"`
	Title        string `db:"title"`
	Status       string `db:"status"`
	Recipients   int    `db:"recipient_count"`
	ToAll        bool   `db:"to_all"`
	UnboundCount int    `db:"unbound_count"`
	InvalidCount int    `db:"invalid_count"`
	Unbound      string `db:"unbound"`
	InvUsers     string `db:"invalid_users"`
	InvParties   string `db:"invalid_parties"`
	Unlicensed   string `db:"unlicensed_users"`
	MsgIDs       string `db:"msgids"`
	ErrCode      int    `db:"errcode"`
	Error        string `db:"error"`
	Fix          string `db:"fix"`
	Truncated    string `db:"truncated"`
	Attempts     int    `db:"attempts"`
	SentAt       *int64 `db:"sent_at"`
	RecalledAt   *int64 `db:"recalled_at"`
	RecalledBy   string `db:"recalled_by"`
	RecallError  string `db:"recall_error"`
}

const logColumns = `d.id, d.message_id, d.created_at, d.source, d.rule_id, d.rule_name, d.corp_id, d.agent_id, d.msgtype,
	d.title, d.status, d.recipient_count, d.unbound_count, d.invalid_count, d.unbound, d.invalid_users, d.invalid_parties,
	d.unlicensed_users, d.msgids, d.errcode, d.error, d.fix, d.truncated, d.attempts, d.sent_at, d.recalled_at,
	d.recalled_by, d.recall_error, d.to_all`

// logRows reads log rows: tail is the WHERE/ORDER part of the query on push_deliveries d.
func (s *Service) logRows(ctx context.Context, tail string, args ...any) ([]LogRow, error) {
	return s.logRowsFrom(ctx, `push_deliveries d `, tail, args...)
}

// logRowsFrom reads log rows from a FROM clause that names push_deliveries d.
func (s *Service) logRowsFrom(ctx context.Context, from, tail string, args ...any) ([]LogRow, error) {
	var recs []logRecord
	if err := s.sel(ctx, nil, &recs, `SELECT `+logColumns+` FROM `+from+tail, args...); err != nil {
		return nil, err
	}
	now := s.now()
	out := make([]LogRow, len(recs))
	for i, r := range recs {
		out[i] = r.row(now)
	}
	return out, s.attachWebhooks(ctx, out)
}

func (r logRecord) row(now time.Time) LogRow {
	row := LogRow{ID: r.ID, MessageID: r.MessageID, Time: fromMS(r.CreatedAt), Source: r.Source, Rule: r.RuleName,
		CorpID: r.CorpID, AgentID: r.AgentID, MsgType: r.MsgType, Title: r.Title, Recipients: r.Recipients, ToAll: r.ToAll, Status: r.Status,
		ErrCode: r.ErrCode, Error: usererr.FromStored(r.Error).Ptr(), Fix: usererr.FromStored(r.Fix).Ptr(), InvalidCount: r.InvalidCount, UnboundCount: r.UnboundCount,
		Truncated: r.Truncated != "", Attempts: r.Attempts, SentAt: fromNullMS(r.SentAt), RecalledAt: fromNullMS(r.RecalledAt),
		RecalledBy: r.RecalledBy, RecallError: r.RecallError,
		MsgIDs: decodeList(r.MsgIDs), InvalidUsers: decodeList(r.InvUsers), InvalidParties: decodeList(r.InvParties),
		UnlicensedUsers: decodeList(r.Unlicensed), Unbound: decodeList(r.Unbound)}
	if r.RuleID != nil {
		row.RuleID = *r.RuleID
	}
	if r.Truncated != "" {
		row.TruncatedFields = strings.Split(r.Truncated, ",")
	}
	row.RecallAllowed, row.RecallReason = recallable(row, now)
	return row
}

func decodeList(s string) []string {
	out := []string{}
	if s != "" {
		json.Unmarshal([]byte(s), &out)
	}
	return out
}

// recallable says whether the row's 撤回 button is enabled, and if not why.
func recallable(r LogRow, now time.Time) (bool, *usererr.Message) {
	switch {
	case r.Status == StatusRecalled:
		return false, usererr.Msg("push_recall_done", nil).Ptr()
	case r.Status != StatusSent && r.Status != StatusPartial || len(r.MsgIDs) == 0 || r.SentAt == nil:
		return false, usererr.Msg("push_recall_nothing", nil).Ptr()
	case now.Sub(*r.SentAt) >= recallWindow:
		return false, usererr.Msg("push_recall_expired", usererr.Args{"sentAt": r.SentAt.Local().Format("2006-01-02 15:04")}).Ptr()
	}
	return true, nil
}

// Recipient is one recipient of a delivery, for the log's expanded row.
type Recipient struct {
	Kind   string `json:"kind" db:"kind"`     // account, userid, department
	Name   string `json:"name" db:"name"`     // as the sender named it
	UserID string `json:"userid" db:"userid"` // resolved userid or department id; "" when unbound
	State  string `json:"state" db:"state"`   // ok, unbound, unknown, invalid, unlicensed, not_sent
}

// LogDetail is a log row with all its recipients and the message as sent.
type LogDetail struct {
	LogRow
	RecipientList []Recipient     `json:"recipient_list"`
	Body          json.RawMessage `json:"body,omitempty"` // the rendered message/send body without recipients
}

// GetLog returns delivery id with its recipients, for the expanded row.
func (s *Service) GetLog(ctx context.Context, id int64) (LogDetail, error) {
	rows, err := s.logRows(ctx, `WHERE d.id = ?`, id)
	if err != nil {
		return LogDetail{}, err
	}
	if len(rows) == 0 {
		return LogDetail{}, usererr.Wrap(store.ErrNotFound, "push_log_not_found", usererr.Args{"id": id})
	}
	out := LogDetail{LogRow: rows[0], RecipientList: []Recipient{}}
	var body string
	if err := s.st.DB.GetContext(ctx, &body, `SELECT body FROM push_deliveries WHERE id = ?`, id); err != nil {
		return LogDetail{}, err
	}
	if body != "" {
		out.Body = json.RawMessage(body)
	}
	err = s.st.DB.SelectContext(ctx, &out.RecipientList, `SELECT kind, name, userid, state FROM push_recipients
		WHERE delivery_id = ? ORDER BY seq`, id)
	return out, err
}
