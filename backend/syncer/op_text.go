package syncer

import (
	"slices"
	"strings"

	"wecom-bridge/backend/usererr"
)

// The admin's words for an operation: its reason (with the detail the
// planner noted), its fields' names, and the notes and fixes the journal
// keeps as stored messages (usererr.Message.Stored).

// reasonMessage is op's reason for the admin: sync_reason_<code>, followed
// by the changed fields, the old and new name or path, or the day this
// sync disabled the member.
func reasonMessage(op *Op) usererr.Message {
	code := "sync_reason_" + op.Reason
	if !usererr.Known(code) {
		return usererr.Msg("sync_reason_other", usererr.Args{"reason": op.Reason})
	}
	reason := usererr.Msg(code, nil)
	switch {
	case op.Reason == ReasonDisabledNDays && op.Before != nil && len(op.Before.DisabledAt) >= 10:
		return usererr.Msg("sync_reason_disabled_since", usererr.Args{"date": op.Before.DisabledAt[:10]})
	case op.Detail == "" || op.Reason == ReasonDisabledNDays:
		return reason
	}
	if from, to, ok := strings.Cut(op.Detail, " → "); ok { // a department's old and new name or path
		return usererr.Msg("sync_reason_from_to", usererr.Args{"reason": reason, "from": from, "to": to})
	}
	fields := strings.Split(op.Detail, ", ")
	if op.Reason == ReasonChangedDepts { // the reason names them already
		fields = slices.DeleteFunc(fields, func(f string) bool { return f == "departments" })
	}
	if len(fields) == 0 {
		return reason
	}
	return usererr.Msg("sync_reason_fields", usererr.Args{"reason": reason, "fields": fieldList(fields)})
}

// fieldLabel is the admin's name of an operation field: a Values key
// (name, employeeNo, departments, …), a local field (employee_no) or a
// WeCom custom field extattr:NAME.
func fieldLabel(key string) usererr.Message {
	if name, ok := strings.CutPrefix(key, extAttrPrefix); ok {
		return usererr.Msg("sync_field_extattr", usererr.Args{"name": name})
	}
	if code := "sync_field_" + key; usererr.Known(code) {
		return usererr.Msg(code, nil)
	}
	return usererr.Msg("sync_field_other", usererr.Args{"field": key})
}

// fieldList names fields in each language ("姓名、手机" / "Name, Mobile").
func fieldList(keys []string) usererr.Message {
	labels := make([]usererr.Message, len(keys))
	for i, k := range keys {
		labels[i] = fieldLabel(strings.TrimSpace(k))
	}
	return joinMessages(labels, "、", ", ")
}

// joinMessages is one text of several messages, each language joined with
// its own separator.
func joinMessages(ms []usererr.Message, sepZH, sepEN string) usererr.Message {
	zh, en := make([]string, len(ms)), make([]string, len(ms))
	for i, m := range ms {
		zh[i], en[i] = m.ZH, m.EN
	}
	return usererr.Message{Code: usererr.CodeText, Args: usererr.Args{}, ZH: strings.Join(zh, sepZH), EN: strings.Join(en, sepEN)}
}

// msgColumn is a message as a TEXT column keeps it ("" for none).
func msgColumn(m *usererr.Message) string {
	if m == nil {
		return ""
	}
	return m.Stored()
}

// msgFromColumn reads msgColumn's text; legacyEN is the English half kept
// in a second column before messages (fix_en), "" for none.
func msgFromColumn(text, legacyEN string) *usererr.Message {
	if text == "" {
		return nil
	}
	m := usererr.FromStored(text)
	if legacyEN != "" && m.Code == usererr.CodeText {
		m.EN = legacyEN
	}
	return &m
}

func msgPtr(code string, args usererr.Args) *usererr.Message {
	m := usererr.Msg(code, args)
	return &m
}

// msgEN is m's English text, for logs and event fields ("" for none).
func msgEN(m *usererr.Message) string {
	if m == nil {
		return ""
	}
	return m.EN
}
