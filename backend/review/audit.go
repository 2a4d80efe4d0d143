package review

import (
	"context"
	"strings"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// Audit actions.
const (
	ActionAutoConfirm     = "auto_confirm"     // confirmed by the policy during Rematch
	ActionConfirm         = "confirm"          // Confirm, ConfirmHighConfidence
	ActionReject          = "reject"           // Reject
	ActionUnbind          = "unbind"           // Unbind, or a forced BindManual
	ActionBindManual      = "bind_manual"      // BindManual
	ActionResolve         = "resolve"          // ResolveAmbiguous
	ActionImport          = "import"           // ApplyImport
	ActionReplaceProposal = "replace_proposal" // a proposal dropped for a manual, resolved or imported binding
	ActionDropStale       = "drop_stale"       // a confirmed decision whose side had gone, replaced by a new one
	// ActionLastCandidate: an ambiguous row left with one candidate after a
	// choice elsewhere became a proposal of that pair.
	ActionLastCandidate = "last_candidate"
)

// AuditEntry is one change of a binding: who, when, which pair, from → to.
type AuditEntry struct {
	ID         int64  `json:"id" db:"id"`
	At         string `json:"at" db:"-"` // UTC, 2006-01-02T15:04:05.000Z (store.Time.String)
	Actor      string `json:"actor" db:"actor"`
	Action     string `json:"action" db:"action"`
	Account    string `json:"account" db:"account"`
	UserID     string `json:"userid" db:"userid"`
	FromState  string `json:"fromState" db:"from_state"`
	FromMethod string `json:"fromMethod" db:"from_method"`
	ToState    string `json:"toState" db:"to_state"`
	ToMethod   string `json:"toMethod" db:"to_method"`
	// Note says why, as a catalogue message (an old row's plain text comes back as code "text").
	Note usererr.Message `json:"note" db:"-"`
}

// AuditQuery pages through a corp's audit, newest first, optionally for one
// account and/or userid.
type AuditQuery struct {
	Offset  int    `json:"offset"`
	Limit   int    `json:"limit"` // 0 means 50; at most 200
	Account string `json:"account"`
	UserID  string `json:"userid"`
}

// AuditPage is one page of the audit.
type AuditPage struct {
	Total   int          `json:"total"`
	Entries []AuditEntry `json:"entries"`
}

// StateUnbound is the "to" state of an unbind in the audit.
const StateUnbound = "unbound"

// audit records one change under the transaction's actor.
func (o *txOps) audit(e AuditEntry) error {
	return o.exec(`INSERT INTO bind_audit(corp_id, actor, action, account, userid, from_state, from_method,
		to_state, to_method, note) VALUES(?,?,?,?,?,?,?,?,?,?)`, o.corpID, o.actor, e.Action, e.Account, e.UserID,
		e.FromState, e.FromMethod, e.ToState, e.ToMethod, e.Note.Stored())
}

// Audit returns a page of the corp's binding audit, newest first.
func (s *Service) Audit(ctx context.Context, corpID int64, q AuditQuery) (AuditPage, error) {
	limit, err := pageLimit(q.Offset, q.Limit)
	if err != nil {
		return AuditPage{}, err
	}
	where := []string{"corp_id = ?"}
	args := []any{corpID}
	if a := strings.TrimSpace(q.Account); a != "" {
		where, args = append(where, "account = ?"), append(args, a)
	}
	if u := strings.TrimSpace(q.UserID); u != "" {
		where, args = append(where, "userid = ?"), append(args, u)
	}
	w := strings.Join(where, " AND ")
	var page AuditPage
	if err := s.st.DB.GetContext(ctx, &page.Total, `SELECT COUNT(*) FROM bind_audit WHERE `+w, args...); err != nil {
		return AuditPage{}, err
	}
	var rows []struct {
		AuditEntry
		AtMS store.Time `db:"at_ms"`
		Note string     `db:"note"`
	}
	err = s.st.DB.SelectContext(ctx, &rows, `SELECT id, at AS at_ms, actor, action, account, userid, from_state,
		from_method, to_state, to_method, note FROM bind_audit WHERE `+w+` ORDER BY id DESC LIMIT ? OFFSET ?`,
		append(args, limit, q.Offset)...)
	page.Entries = make([]AuditEntry, len(rows))
	for i, r := range rows {
		page.Entries[i] = r.AuditEntry
		page.Entries[i].At = r.AtMS.String()
		page.Entries[i].Note = usererr.FromStored(r.Note)
	}
	return page, err
}

// pageLimit checks a page request: Limit 0 means 50, at most 200.
func pageLimit(offset, limit int) (int, error) {
	switch {
	case offset < 0:
		return 0, invalidMsg("review_bad_offset", usererr.Args{"value": offset})
	case limit < 0:
		return 0, invalidMsg("review_bad_limit", usererr.Args{"value": limit, "max": MaxPage})
	case limit > MaxPage:
		return 0, invalidMsg("review_bad_limit", usererr.Args{"value": limit, "max": MaxPage})
	case limit == 0:
		return 50, nil
	}
	return limit, nil
}

// MaxPage is the largest page List and Audit return.
const MaxPage = 200

// noteMsg is an audit note: the catalogue's binding_note_<code>.
func noteMsg(code string, args usererr.Args) usererr.Message {
	return usererr.Msg("binding_note_"+code, args)
}

// pairNote is the note of a change caused by binding account ↔ userid
// through action (bind_manual, resolve, import): kind is "forced" (a
// confirmed binding removed) or "replaced" (a proposal dropped).
func pairNote(kind, action, account, userid string) usererr.Message {
	args := usererr.Args{"account": account, "userid": userid}
	if code := "binding_note_" + kind + "_" + action; usererr.Known(code) {
		return usererr.Msg(code, args)
	}
	return noteMsg("replaced_by_pair", usererr.Args{"pair": account + " ↔ " + userid})
}

// proposalNote is the note of an auto-confirmation: the proposal's reason
// as the review page and the export say it.
func proposalNote(p *binding.Proposal) usererr.Message {
	if m, ok := reasonMessage(string(p.ReasonCode), p.Args()); ok {
		return m
	}
	return usererr.Message{Code: usererr.CodeText, ZH: p.Reason, EN: p.Reason}
}
