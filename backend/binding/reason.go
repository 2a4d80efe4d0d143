package binding

import (
	"strconv"
	"strings"
)

// ReasonCode names the kind of a Proposal's reason, so that a screen can say
// it in the reader's language; Proposal.Reason stays the English text (the
// CLI, exports, logs). The values are stored with the review rows, so they
// never change.
type ReasonCode string

// Reason codes, with the arguments Proposal.Args gives for each.
const (
	ReasonConfirmedEarlier   ReasonCode = "confirmed_earlier"    // (none): an existing decision, method unknown
	ReasonConfirmedEarlierBy ReasonCode = "confirmed_earlier_by" // method
	ReasonProposedBy         ReasonCode = "proposed_by"          // method: manual or import, awaiting confirmation
	ReasonKeyUserID          ReasonCode = "key_userid"           // userid, account
	ReasonKeyEmployeeNo      ReasonCode = "key_employee_no"      // userid, employee_no
	ReasonKeyMobile          ReasonCode = "key_mobile"           // mobile (normalised)
	ReasonKeyEmail           ReasonCode = "key_email"            // email (normalised)
	ReasonKeyMobileLookup    ReasonCode = "key_mobile_lookup"    // mobile (masked), userid: WeCom says who owns it
	ReasonKeyEmailLookup     ReasonCode = "key_email_lookup"     // email (normalised), userid
	ReasonKeyConflict        ReasonCode = "key_conflict"         // userids, methods: two lists, item by item
	ReasonKeyShared          ReasonCode = "key_shared"           // method, accounts (a list)
	ReasonNameSameDept       ReasonCode = "name_same_dept"       // name, dept
	ReasonNameDeptsDiffer    ReasonCode = "name_depts_differ"    // name
	ReasonNamesakeDept       ReasonCode = "namesake_dept"        // name, locals, wecom, dept, score
	ReasonNamesakeAmbiguous  ReasonCode = "namesake_ambiguous"   // name, locals, wecom
)

// ListSep separates the items of a list argument (accounts, userids,
// methods). Accounts and userids never contain a space.
const ListSep = ", "

// ReasonArgs holds the values of a reason that the Proposal does not already
// carry; only the fields its code uses are set. A small fixed struct rather
// than a map, and only for the codes that need one (userid matches, the
// commonest, and conflicts, whose values are the candidates, have none), so
// that 100,000 proposals stay cheap: Args and AppendArgs give the full, named
// list.
type ReasonArgs struct {
	Name  string // name reasons: the name, as the local account writes it
	Dept  string // the leaf department both sides share, or that fits best
	Value string // key reasons: the value that matched (employee number, normalised mobile or email)
	// Namesake reasons: how many records have this name on each side.
	Locals, WeCom int32
	Score         float64 // namesake_dept: the department similarity (0..1)
}

// AppendArgs appends the arguments of p's reason to dst as key, value pairs,
// in a fixed order (see the codes for the keys). Lists are joined by ListSep
// and numbers written as in Reason.
func (p *Proposal) AppendArgs(dst []string) []string {
	a := p.ReasonArgs
	if a == nil {
		a = &ReasonArgs{}
	}
	switch p.ReasonCode {
	case ReasonConfirmedEarlierBy, ReasonProposedBy:
		dst = append(dst, "method", string(p.Method))
	case ReasonKeyUserID:
		dst = append(dst, "userid", p.UserID, "account", p.Account)
	case ReasonKeyEmployeeNo:
		dst = append(dst, "userid", p.UserID, "employee_no", a.Value)
	case ReasonKeyMobile:
		dst = append(dst, "mobile", a.Value)
	case ReasonKeyEmail:
		dst = append(dst, "email", a.Value)
	case ReasonKeyMobileLookup:
		dst = append(dst, "mobile", a.Value, "userid", p.UserID)
	case ReasonKeyEmailLookup:
		dst = append(dst, "email", a.Value, "userid", p.UserID)
	case ReasonKeyConflict:
		var ids, methods strings.Builder
		for i, c := range p.Candidates {
			if i > 0 {
				ids.WriteString(ListSep)
				methods.WriteString(ListSep)
			}
			ids.WriteString(c.UserID)
			methods.WriteString(string(c.Method))
		}
		dst = append(dst, "userids", ids.String(), "methods", methods.String())
	case ReasonKeyShared:
		var accounts strings.Builder
		for i, c := range p.Candidates {
			if i > 0 {
				accounts.WriteString(ListSep)
			}
			accounts.WriteString(c.Account)
		}
		dst = append(dst, "method", string(p.Method), "accounts", accounts.String())
	case ReasonNameSameDept:
		dst = append(dst, "name", a.Name, "dept", a.Dept)
	case ReasonNameDeptsDiffer:
		dst = append(dst, "name", a.Name)
	case ReasonNamesakeDept:
		dst = append(dst, "name", a.Name, "locals", strconv.Itoa(int(a.Locals)), "wecom", strconv.Itoa(int(a.WeCom)),
			"dept", a.Dept, "score", strconv.FormatFloat(a.Score, 'f', 2, 64))
	case ReasonNamesakeAmbiguous:
		dst = append(dst, "name", a.Name, "locals", strconv.Itoa(int(a.Locals)), "wecom", strconv.Itoa(int(a.WeCom)))
	}
	return dst
}

// Args returns the arguments of p's reason by name, or nil if it has none.
func (p *Proposal) Args() map[string]string {
	kv := p.AppendArgs(nil)
	if len(kv) == 0 {
		return nil
	}
	m := make(map[string]string, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}
