package review

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"wecom-bridge/backend/binding"
)

// A row's reason is kept twice: the English text (the CLI, exports, and what
// the screen shows for a code it does not know, such as rows written before
// codes existed) and a stable code with named arguments, which the screen
// translates. The engine's codes are binding.Reason*; the rows the review
// writes itself use these. Arguments are strings; lists are joined by
// binding.ListSep.
const (
	ReasonUnboundLocal = "unbound_local"  // (none): nothing in WeCom resembles the account
	ReasonUnboundWeCom = "unbound_wecom"  // (none): no local account resembles the member
	ReasonRejectedBy   = "rejected_by"    // actor
	ReasonRejectedByAt = "rejected_by_at" // actor, at (UTC time, as stored)
	ReasonBoundByHand  = "bound_by_hand"  // actor
	// ReasonChosen: actor, count, and the ambiguous row's own reason as
	// reason_code with its arguments under "reason." (reason.name, …).
	ReasonChosen     = "chosen"
	ReasonImportedBy = "imported_by" // actor, line
	// ReasonLastCandidate: (none): an ambiguous row's other candidates were
	// chosen elsewhere, so the one left is proposed.
	ReasonLastCandidate = "last_candidate"
)

// Codes of the lines a binding import refuses (ImportReject).
const (
	RejectUnknownKey    = "import_unknown_key"    // field (account, employee_no, mobile, email), value
	RejectSharedKey     = "import_shared_key"     // field, value, count, accounts
	RejectUnknownUserID = "import_unknown_userid" // userid
	RejectAccountBound  = "import_account_bound"  // account, userid, row: the account is confirmed with another member
	RejectUserIDBound   = "import_userid_bound"   // userid, account, row
	RejectDuplicateLine = "import_duplicate_line" // line: the same pair on an earlier line
	// RejectConflict: field (account or userid), value, line: another line
	// names the same account or userid with a different counterpart.
	RejectConflict = "import_conflict"
)

// reason is a row's reason as stored: the English text, its code, and the
// code's arguments as a JSON object ("" for none).
type reason struct {
	text, code, args string
}

// newReason makes a reason from key, value pairs.
func newReason(text, code string, kv ...string) reason {
	return reason{text: text, code: code, args: encodeArgs(kv)}
}

// proposalReason is the reason of an engine proposal. buf is scratch space
// for the arguments, reused across calls.
func proposalReason(p *binding.Proposal, buf *[]string) reason {
	*buf = p.AppendArgs((*buf)[:0])
	return reason{text: p.Reason, code: string(p.ReasonCode), args: encodeArgs(*buf)}
}

// reason returns the row's stored reason.
func (r *rowRec) reason() reason {
	return reason{text: r.Reason, code: r.ReasonCode, args: r.ReasonArgs}
}

// chosenReason is the reason of a binding chosen among an ambiguous row's
// candidates: it names the chooser and keeps the row's own reason.
func chosenReason(actor string, count int, amb *rowRec) reason {
	kv := []string{"actor", actor, "count", strconv.Itoa(count)}
	if amb.ReasonCode != "" {
		kv = append(kv, "reason_code", amb.ReasonCode)
		args := decodeArgs(amb.ReasonArgs)
		keys := make([]string, 0, len(args))
		for k := range args {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			kv = append(kv, "reason."+k, args[k])
		}
	}
	text := "chosen by " + actor + " among " + strconv.Itoa(count) + " candidates (" + amb.Reason + ")"
	return newReason(text, ReasonChosen, kv...)
}

// encodeArgs writes key, value pairs as a JSON object, in the order given, or
// "" for none. Written by hand: a rematch encodes 100,000 of them.
func encodeArgs(kv []string) string {
	if len(kv) < 2 {
		return ""
	}
	var b strings.Builder
	b.Grow(16 * len(kv))
	b.WriteByte('{')
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		writeJSONString(&b, kv[i])
		b.WriteByte(':')
		writeJSONString(&b, kv[i+1])
	}
	b.WriteByte('}')
	return b.String()
}

func writeJSONString(b *strings.Builder, s string) {
	if !utf8.ValidString(s) {
		j, _ := json.Marshal(s) // replaces invalid bytes, as any reader would
		b.Write(j)
		return
	}
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&0xf])
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
}

// decodeArgs reads what encodeArgs wrote; nil for none (or unreadable).
func decodeArgs(s string) map[string]string {
	if s == "" {
		return nil
	}
	var m map[string]string
	if json.Unmarshal([]byte(s), &m) != nil || len(m) == 0 {
		return nil
	}
	return m
}
