package syncer

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// valuesJSON is v as JSON, "" for nil.
func valuesJSON(v *Values) string {
	s, _ := valuesJSONWith(nil, v)
	return s
}

// valuesJSONWith is valuesJSON encoding in scratch, which it returns for the
// next call: one allocation per value, the string itself.
func valuesJSONWith(scratch []byte, v *Values) (string, []byte) {
	if v == nil {
		return "", scratch
	}
	scratch = v.appendJSON(scratch[:0])
	return string(scratch), scratch
}

// appendJSON appends v as JSON, the same object encoding/json writes for
// Values (same names, same omissions). A 100,000-user plan encodes 200,000
// of these; by hand it is several times faster than by reflection.
func (v *Values) appendJSON(b []byte) []byte {
	b = append(b, '{')
	n := 0
	key := func(k string) {
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = append(b, '"')
		b = append(b, k...)
		b = append(b, '"', ':')
	}
	str := func(k, s string) {
		if s != "" {
			key(k)
			b = appendJSONString(b, s)
		}
	}
	ptr := func(k string, s *string) {
		if s != nil {
			key(k)
			b = appendJSONString(b, *s)
		}
	}
	if v.ID != 0 {
		key("id")
		b = strconv.AppendInt(b, v.ID, 10)
	}
	str("userid", v.UserID)
	str("account", v.Account)
	ptr("name", v.Name)
	if v.Parent != nil {
		key("parent")
		b = v.Parent.appendJSON(b)
	}
	str("path", v.Path)
	ptr("position", v.Position)
	ptr("mobile", v.Mobile)
	ptr("email", v.Email)
	ptr("alias", v.Alias)
	ptr("employeeNo", v.EmployeeNo)
	if len(v.ExtAttrs) > 0 {
		key("extattrs")
		b = append(b, '{')
		for i, k := range sortedKeys(v.ExtAttrs) {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, k)
			b = append(b, ':')
			b = appendJSONString(b, v.ExtAttrs[k])
		}
		b = append(b, '}')
	}
	if len(v.Departments) > 0 {
		key("departments")
		b = append(b, '[')
		for i := range v.Departments {
			if i > 0 {
				b = append(b, ',')
			}
			b = v.Departments[i].appendJSON(b)
		}
		b = append(b, ']')
	}
	if v.Enable != nil {
		key("enable")
		b = strconv.AppendInt(b, int64(*v.Enable), 10)
	}
	if v.Status != 0 {
		key("status")
		b = strconv.AppendInt(b, int64(v.Status), 10)
	}
	if v.ToInvite != nil {
		key("toInvite")
		b = strconv.AppendBool(b, *v.ToInvite)
	}
	if v.Resigned != nil {
		key("resigned")
		b = strconv.AppendBool(b, *v.Resigned)
	}
	str("disabledAt", v.DisabledAt)
	return append(b, '}')
}

func (r *Ref) appendJSON(b []byte) []byte {
	b = append(b, '{')
	sep := false
	if r.ID != 0 {
		b = append(b, `"id":`...)
		b = strconv.AppendInt(b, r.ID, 10)
		sep = true
	}
	for _, f := range [2][2]string{{"key", r.Key}, {"path", r.Path}} {
		if f[1] == "" {
			continue
		}
		if sep {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, f[0]...)
		b = append(b, '"', ':')
		b = appendJSONString(b, f[1])
		sep = true
	}
	return append(b, '}')
}

// appendJSONString quotes s for JSON. Invalid UTF-8 goes through
// encoding/json, which replaces it the standard way.
func appendJSONString(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		q, _ := json.Marshal(s)
		return append(b, q...)
	}
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
