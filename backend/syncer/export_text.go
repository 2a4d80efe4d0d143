package syncer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"wecom-bridge/backend/usererr"
)

// The plan export's words in one UI language ("en" or Chinese): sheet and
// column names, operation types, states, and an operation's values as
// "label: value" text (catalogue codes sync_xlsx_*, sync_op_*, sync_state_*,
// sync_field_*, sync_value_*).
type exportWords struct{ lang string }

func (w exportWords) say(code string, args usererr.Args) string {
	return usererr.Msg(code, args).In(w.lang)
}

func (w exportWords) text(m *usererr.Message) string {
	if m == nil {
		return ""
	}
	return m.In(w.lang)
}

// word is code's text, or fallback when the catalogue has no such code.
func (w exportWords) word(code, fallback string) string {
	if !usererr.Known(code) {
		return fallback
	}
	return w.say(code, nil)
}

func (w exportWords) opType(t OpType) string { return w.word("sync_op_"+string(t), string(t)) }
func (w exportWords) state(s string) string  { return w.word("sync_state_"+s, s) }
func (w exportWords) yesNo(b bool) string {
	return w.say(map[bool]string{true: "sync_value_yes", false: "sync_value_no"}[b], nil)
}
func (w exportWords) field(key string) string  { return fieldLabel(key).In(w.lang) }
func (w exportWords) trigger(t Trigger) string { return w.word("sync_trigger_"+string(t), string(t)) }

// values is one side of an operation as "label: value; …" text.
func (w exportWords) values(v *Values) string {
	if v == nil {
		return ""
	}
	var parts []string
	add := func(key, value string) {
		if value == "" {
			value = w.say("sync_value_empty", nil)
		}
		parts = append(parts, w.field(key)+": "+value)
	}
	str := func(key string, p *string) {
		if p != nil {
			add(key, *p)
		}
	}
	refs := func(rs ...Ref) string {
		out := make([]string, len(rs))
		for i, r := range rs {
			out[i] = r.Path
			if out[i] == "" {
				out[i] = "#" + strconv.FormatInt(r.ID, 10)
			}
		}
		return strings.Join(out, "; ")
	}
	if v.UserID != "" {
		add("userid", v.UserID)
	}
	if v.Account != "" {
		add("account", v.Account)
	}
	if v.ID != 0 {
		add("id", strconv.FormatInt(v.ID, 10))
	}
	str("name", v.Name)
	if v.Parent != nil {
		add("parent", refs(*v.Parent))
	}
	str("position", v.Position)
	str("mobile", v.Mobile)
	str("email", v.Email)
	str("alias", v.Alias)
	str("employeeNo", v.EmployeeNo)
	names := make([]string, 0, len(v.ExtAttrs))
	for n := range v.ExtAttrs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		add(extAttrPrefix+n, v.ExtAttrs[n])
	}
	if len(v.Departments) > 0 {
		add("departments", refs(v.Departments...))
	}
	if v.Enable != nil {
		add("enable", w.say(map[bool]string{true: "sync_value_enabled", false: "sync_value_disabled"}[*v.Enable == 1], nil))
	}
	if v.Status != 0 {
		add("status", w.word(fmt.Sprintf("sync_value_status%d", v.Status), strconv.Itoa(v.Status)))
	}
	if v.ToInvite != nil {
		add("toInvite", w.yesNo(*v.ToInvite))
	}
	if v.Resigned != nil {
		add("resigned", w.say(map[bool]string{true: "sync_value_resigned", false: "sync_value_active"}[*v.Resigned], nil))
	}
	if v.DisabledAt != "" {
		add("disabledAt", v.DisabledAt)
	}
	return strings.Join(parts, "; ")
}
