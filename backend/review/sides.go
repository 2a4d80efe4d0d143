package review

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"wecom-bridge/backend/binding"
)

// Sides of a binding, as stored in bind_sides.side.
const (
	sideLocal = "local"
	sideWeCom = "wecom"
)

// sideRec is one local account or WeCom member of the last match (a row of
// bind_sides). Keys are normalised once, here, so every later lookup compares
// like with like.
type sideRec struct {
	Side       string    `db:"side"`
	Key        string    `db:"key"`
	Name       string    `db:"name"`
	EmployeeNo string    `db:"employee_no"`
	Mobile     string    `db:"mobile"`
	Email      string    `db:"email"`
	Position   string    `db:"position"`
	DeptPaths  deptPaths `db:"dept_paths"`
	Inactive   bool      `db:"inactive"`
	SearchText string    `db:"search_text"`
}

func localSide(l *LocalRecord) sideRec {
	s := sideRec{
		Side: sideLocal, Key: strings.TrimSpace(l.Account), Name: l.Name,
		EmployeeNo: strings.TrimSpace(l.EmployeeNo),
		Mobile:     binding.NormalizeMobile(l.Mobile), Email: binding.NormalizeEmail(l.Email),
		Position: l.Position, DeptPaths: l.DeptPaths, Inactive: l.Resigned,
	}
	s.SearchText = s.search()
	return s
}

func memberSide(m *MemberRecord) sideRec {
	s := sideRec{
		Side: sideWeCom, Key: strings.TrimSpace(m.UserID), Name: m.Name,
		Mobile: binding.NormalizeMobile(m.Mobile), Email: binding.NormalizeEmail(m.Email),
		Position: m.Position, DeptPaths: m.DeptPaths, Inactive: !m.Active,
	}
	s.SearchText = s.search()
	return s
}

// search is the side's part of a row's search haystack: every field the
// search box promises, normalised like the query, separated by U+001F so a
// term never matches across two fields.
func (s *sideRec) search() string {
	return strings.Join([]string{
		binding.NormalizeName(s.Key), binding.NormalizeName(s.Name), strings.ToLower(s.EmployeeNo),
		s.Mobile, s.Email, binding.NormalizeName(s.DeptPaths.Text()), binding.NormalizeName(s.Position),
	}, "\x1f")
}

// deptPaths is a record's department paths, main first, stored as JSON.
type deptPaths [][]string

// Text shows the paths as the review screen does: "总部/研发部; 总部/质量部".
func (d deptPaths) Text() string {
	parts := make([]string, 0, len(d))
	for _, p := range d {
		if len(p) > 0 {
			parts = append(parts, strings.Join(p, "/"))
		}
	}
	return strings.Join(parts, "; ")
}

// Value implements driver.Valuer.
func (d deptPaths) Value() (driver.Value, error) {
	if len(d) == 0 {
		return "[]", nil
	}
	b, err := json.Marshal([][]string(d))
	return string(b), err
}

// Scan implements sql.Scanner.
func (d *deptPaths) Scan(v any) error {
	var b []byte
	switch t := v.(type) {
	case string:
		b = []byte(t)
	case []byte:
		b = t
	case nil:
		*d = nil
		return nil
	default:
		return fmt.Errorf("dept_paths: unexpected %T", v)
	}
	return json.Unmarshal(b, (*[][]string)(d))
}

// maskMobile: the review screen shows enough of a mobile to tell two
// namesakes apart, no more (binding.MaskMobile).
func maskMobile(m string) string { return binding.MaskMobile(m) }

// searchTerms splits the search box into lower-cased terms, normalised like
// the haystack. A query that looks like a phone number is one term without
// separators or China prefix, so "+86 138-1234-5678" finds 13812345678.
//
// A mobile typed as the screen shows it masked ("138****8001") is one GLOB
// term: its visible digits with one digit per star between them, so both
// parts must come from one number.
func searchTerms(q string) []string {
	if looksLikePhone(q) {
		q = strings.ReplaceAll(q, "＊", "*")
		if strings.Contains(q, "*") {
			var b strings.Builder
			b.WriteString(globMark)
			for _, r := range q {
				switch {
				case r == '*':
					b.WriteString("[0-9]")
				case r >= '0' && r <= '9':
					b.WriteRune(r)
				}
			}
			return []string{b.String() + "*"}
		}
		return []string{binding.NormalizeMobile(q)}
	}
	// Split before normalising: NormalizeName drops a space between two CJK
	// characters, but in the search box it separates terms ("刘洋 市场部").
	fields := strings.FieldsFunc(q, unicode.IsSpace)
	terms := fields[:0]
	for _, f := range fields {
		if t := binding.NormalizeName(f); t != "" {
			terms = append(terms, t)
		}
	}
	return terms
}

// globMark starts a search term that is a GLOB pattern (a masked mobile)
// rather than text to find; a typed term cannot start with it (NormalizeName
// keeps no control characters).
const globMark = "\x00*"

// termCond is the condition for one search term on col, and its argument.
func termCond(col, t string) (string, any) {
	if strings.HasPrefix(t, globMark) {
		return col + " GLOB ?", t[1:]
	}
	return "instr(" + col + ", ?) > 0", t
}

func looksLikePhone(t string) bool {
	digits := 0
	for _, c := range t {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '+' || c == '-' || c == '(' || c == ')' || c == ' ' || c == '*' || c == '＊':
		default:
			return false
		}
	}
	return digits >= 3
}

// foldKey is how keys are compared in memory: case-insensitively, as WeCom
// compares userids and the directory compares accounts.
func foldKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
