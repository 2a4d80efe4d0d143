package syncer

import (
	"slices"
	"strings"
	"wecom-bridge/backend/usererr"
)

// mappedPair is one local field ↔ WeCom field of a mapping.
type mappedPair struct{ local, remote string }

// pairs returns the mapping in a stable order (local field order).
func (m FieldMapping) pairs() []mappedPair {
	out := make([]mappedPair, 0, len(m))
	for _, l := range localFields {
		if r, ok := m[l]; ok {
			out = append(out, mappedPair{l, r})
		}
	}
	return out
}

func localValue(u *LocalUser, field string) string {
	switch field {
	case FieldName:
		return u.Name
	case FieldPosition:
		return u.Position
	case FieldMobile:
		return u.Mobile
	case FieldEmail:
		return u.Email
	case FieldEmployeeNo:
		return u.EmployeeNo
	}
	return ""
}

// wecomValue returns a member's field; known is false when the inputs do
// not carry it (an extattr of a member read without extattrs).
func wecomValue(m *WeComUser, field string) (v string, known bool) {
	switch field {
	case FieldName:
		return m.Name, true
	case FieldPosition:
		return m.Position, true
	case FieldMobile:
		return m.Mobile, true
	case FieldEmail:
		return m.Email, true
	case FieldAlias:
		return m.Alias, true
	}
	if name, ok := strings.CutPrefix(field, extAttrPrefix); ok && m.ExtAttrs != nil {
		return m.ExtAttrs[name], true
	}
	return "", false
}

// setShared puts a field both sides have into v and reports whether it was one.
func setShared(v *Values, field, val string) bool {
	switch field {
	case FieldName:
		v.Name = strp(val)
	case FieldPosition:
		v.Position = strp(val)
	case FieldMobile:
		v.Mobile = strp(val)
	case FieldEmail:
		v.Email = strp(val)
	default:
		return false
	}
	return true
}

// setWeCom puts a WeCom field into v.
func setWeCom(v *Values, field, val string) {
	if setShared(v, field, val) {
		return
	}
	if field == FieldAlias {
		v.Alias = strp(val)
	} else if name, ok := strings.CutPrefix(field, extAttrPrefix); ok {
		if v.ExtAttrs == nil {
			v.ExtAttrs = map[string]string{}
		}
		v.ExtAttrs[name] = val
	}
}

// setLocal puts a local field into v.
func setLocal(v *Values, field, val string) {
	if !setShared(v, field, val) && field == FieldEmployeeNo {
		v.EmployeeNo = strp(val)
	}
}

// neverCleared are WeCom fields an empty local value does not clear: WeCom
// refuses an empty name, and needs a mobile or an email on every member.
var neverCleared = []string{FieldName, FieldMobile, FieldEmail}

// fieldDiff compares the mapped fields of u and m (to-wecom: u wins) and
// fills before/after with the ones that differ. It returns their names.
func (p *planner) fieldDiff(u *LocalUser, m *WeComUser, before, after *Values) []string {
	var changed []string
	for _, pr := range p.fields {
		want := localValue(u, pr.local)
		if want == "" && slices.Contains(neverCleared, pr.remote) {
			continue
		}
		if p.in.WeComFieldsWithheld && (pr.remote == FieldMobile || pr.remote == FieldEmail) {
			continue
		}
		have, known := wecomValue(m, pr.remote)
		if !known {
			continue
		}
		if have != want && pr.remote == FieldMobile && m.Status == 1 {
			// user/update silently ignores it (api facts §1.2): a warning, never an operation.
			p.warn("mobile_locked", m.UserID, usererr.Args{"userid": m.UserID, "from": maskTail(have), "to": maskTail(want)})
			continue
		}
		if have != want {
			setWeCom(before, pr.remote, have)
			setWeCom(after, pr.remote, want)
			changed = append(changed, pr.remote)
		}
	}
	return changed
}

// createValues are all mapped fields of a new member.
func (p *planner) createValues(u *LocalUser, v *Values) {
	for _, pr := range p.fields {
		if val := localValue(u, pr.local); val != "" {
			setWeCom(v, pr.remote, val)
		}
	}
}

// unknownExtAttrs lists extattr fields the inputs did not carry for m: they
// are sent with any other update of m, since they cannot be compared.
func (p *planner) unknownExtAttrs(u *LocalUser, m *WeComUser, after *Values) {
	for _, pr := range p.fields {
		if !strings.HasPrefix(pr.remote, extAttrPrefix) {
			continue
		}
		if _, known := wecomValue(m, pr.remote); !known {
			setWeCom(after, pr.remote, localValue(u, pr.local))
		}
	}
}

func lower(s string) string { return strings.ToLower(s) }

// maskTail shows a phone number's last four digits only.
func maskTail(s string) string {
	if len(s) <= 4 {
		return s
	}
	return strings.Repeat("*", len(s)-4) + s[len(s)-4:]
}
