package directory

import (
	"strconv"

	"wecom-bridge/backend/usererr"
)

// Codes of the problems an import row (and a manual edit) can have. A Problem
// and a FieldError carry the English text and the same as a code with named
// arguments, for a screen to translate. The values are stored with previews,
// so they never change.
const (
	ProblemAccountEmpty      = "account_empty"        // (none)
	ProblemAccountSpace      = "account_space"        // value
	ProblemAccountControl    = "account_control"      // value
	ProblemAccountTooLong    = "account_too_long"     // value, length
	ProblemNameEmpty         = "name_empty"           // (none)
	ProblemControlChar       = "control_char"         // field (a column: name, employee_no, position), value, char (U+202E)
	ProblemTooLong           = "too_long"             // field, value (shortened), length, limit
	ProblemDeptTooDeep       = "dept_too_deep"        // value (the path), depth, limit
	ProblemTooManyDepts      = "too_many_depts"       // limit
	ProblemRowShort          = "row_short"            // fields (the row's), expected (the header's), missing (first column without a cell)
	ProblemMobileInvalid     = "mobile_invalid"       // value
	ProblemEmailInvalid      = "email_invalid"        // value
	ProblemStatusUnknown     = "status_unknown"       // value
	ProblemDeptEmptyLevel    = "dept_empty_level"     // value: the path as written
	ProblemDeptNameEmpty     = "dept_name_empty"      // (none)
	ProblemDeptNameForbidden = "dept_name_forbidden"  // value, char, forbidden (every refused character)
	ProblemDeptNameControl   = "dept_name_control"    // value
	ProblemDeptNameTooLong   = "dept_name_too_long"   // value, length
	ProblemWeComUserID       = "wecom_userid_invalid" // value
	// ProblemAccountDuplicate: account, first (its first line), count (lines
	// naming it), others (up to maxDupExamples other lines, joined by ", ").
	// Previews stored before counts have lines (every line) instead.
	ProblemAccountDuplicate = "account_duplicate"
)

// issue is why a value is refused: the code with its arguments, and the
// English message (the catalogue's directory_problem_<code>, the columns
// named by their header). Validators return nil for a good value, so the
// common case allocates nothing.
type issue struct {
	code    string
	args    map[string]string
	message string
}

// newIssue makes an issue; kv are the arguments as key, value pairs.
func newIssue(code string, kv ...string) *issue {
	is := &issue{code: code}
	if len(kv) >= 2 {
		is.args = make(map[string]string, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			is.args[kv[i]] = kv[i+1]
		}
	}
	is.message = problemMessage(code, is.args).EN
	return is
}

// problemMessage is the catalogue's directory_problem_<code> filled with
// args, the columns in {field} and {missing} named in each language
// (directory_column_*).
func problemMessage(code string, args map[string]string) usererr.Message {
	shown := usererr.Args{}
	for k, v := range args {
		shown[k] = v
	}
	for _, k := range []string{"field", "missing"} {
		if v, ok := args[k]; ok {
			shown[k] = columnMessage(v)
		}
	}
	return usererr.Msg("directory_problem_"+code, shown)
}

// problem is the issue as a rejection reason of column field.
func (is *issue) problem(field string) Problem {
	return Problem{Field: field, Message: is.message, Code: is.code, Args: is.args}
}

// fieldError is the issue as the error of a manual edit.
func (is *issue) fieldError(field string) error {
	return &FieldError{Field: field, Message: is.message, Code: is.code, Args: is.args}
}

// joinLines writes 3, 7, 9: the list form of line arguments.
func joinLines(lines []int) string {
	b := make([]byte, 0, 8*len(lines))
	for i, l := range lines {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendInt(b, int64(l), 10)
	}
	return string(b)
}
