package directory

import (
	"fmt"
	"sort"
	"strings"
)

// parsed is the validated content of an import file.
type parsed struct {
	rows     []ImportRow // valid rows, file order
	rejected []Rejection // line order
	// seen holds the key of every account named anywhere in the file,
	// rejected rows included: a full snapshot never resigns an account that is
	// in the file, even if its row had a typo.
	seen     map[string]int // account key → first line
	dataRows int
}

// parseRows validates each non-blank row. A row with problems is rejected
// whole, listing every problem so the admin can fix it in one go. An account
// on several rows rejects all of them: which row is right is the admin's call.
func parseRows(t *table, h headerMap) parsed {
	p := parsed{seen: make(map[string]int, len(t.Rows)), rows: make([]ImportRow, 0, len(t.Rows))}
	dups := map[string][]int{} // account key → every line naming it, for accounts on several lines
	// Department cells repeat across thousands of rows: parse each distinct
	// cell once and share the (read-only) result.
	type deptCell struct {
		paths [][]string
		bad   *issue
	}
	deptCache := map[string]deptCell{}
	for _, rec := range t.Rows {
		if isBlank(rec.Cells) {
			continue
		}
		p.dataRows++
		cell := func(c column) string {
			if i := h[c]; i >= 0 && i < len(rec.Cells) {
				return strings.TrimSpace(rec.Cells[i])
			}
			return ""
		}
		row := ImportRow{Line: rec.Line, Account: cell(colAccount), Name: cell(colName),
			EmployeeNo: cell(colEmployeeNo), Position: cell(colPosition)}
		var problems []Problem
		bad := func(col column, is *issue) {
			problems = append(problems, is.problem(col.String()))
		}
		if acc, is := checkAccount(row.Account); is != nil {
			bad(colAccount, is)
		} else {
			row.Account = acc
		}
		if row.Name == "" {
			bad(colName, newIssue(ProblemNameEmpty, "name is empty: fill in the name (姓名) column"))
		}
		for _, f := range []struct {
			col column
			v   string
		}{{colName, row.Name}, {colEmployeeNo, row.EmployeeNo}, {colPosition, row.Position}} {
			if hasControl(f.v) {
				bad(f.col, newIssue(ProblemControlChar,
					fmt.Sprintf("%s %q contains a line break or another control character; retype it", f.col, f.v),
					"field", f.col.String(), "value", f.v))
			}
		}
		var is *issue
		if row.Mobile, is = normalizeMobile(cell(colMobile)); is != nil {
			bad(colMobile, is)
		}
		if row.Email, is = checkEmail(cell(colEmail)); is != nil {
			bad(colEmail, is)
		}
		raw := cell(colDepartment)
		dc, ok := deptCache[raw]
		if !ok {
			dc.paths, dc.bad = parseDeptPaths(raw)
			deptCache[raw] = dc
		}
		if row.DeptPaths = dc.paths; dc.bad != nil {
			bad(colDepartment, dc.bad)
		}
		if row.Status, is = parseStatus(cell(colStatus)); is != nil {
			bad(colStatus, is)
		}
		if row.Account != "" {
			k := accountKey(row.Account)
			if first, ok := p.seen[k]; !ok {
				p.seen[k] = rec.Line
			} else if dups[k] == nil {
				dups[k] = []int{first, rec.Line}
			} else {
				dups[k] = append(dups[k], rec.Line)
			}
		}
		if len(problems) > 0 {
			p.rejected = append(p.rejected, Rejection{Line: row.Line, Account: row.Account, Problems: problems})
			continue
		}
		p.rows = append(p.rows, row)
	}
	if len(dups) > 0 {
		rejectDuplicates(&p, dups)
	}
	return p
}

// rejectDuplicates rejects every row of an account that is on several lines,
// naming all of them, and keeps the rejections in line order.
func rejectDuplicates(p *parsed, dups map[string][]int) {
	problem := func(account string, line int) Problem {
		lines := dups[accountKey(account)]
		others := make([]int, 0, len(lines)-1)
		for _, l := range lines {
			if l != line {
				others = append(others, l)
			}
		}
		return newIssue(ProblemAccountDuplicate,
			fmt.Sprintf("account %s appears on lines %s; keep one of these rows and import again", account, listLines(lines)),
			"account", account, "lines", joinLines(lines), "others", joinLines(others)).problem(colAccount.String())
	}
	for i, r := range p.rejected { // rows already rejected for other reasons
		if r.Account != "" && dups[accountKey(r.Account)] != nil {
			p.rejected[i].Problems = append([]Problem{problem(r.Account, r.Line)}, r.Problems...)
		}
	}
	kept := p.rows[:0]
	for _, r := range p.rows {
		if dups[accountKey(r.Account)] != nil {
			p.rejected = append(p.rejected, Rejection{Line: r.Line, Account: r.Account, Problems: []Problem{problem(r.Account, r.Line)}})
			continue
		}
		kept = append(kept, r)
	}
	p.rows = kept
	sort.SliceStable(p.rejected, func(i, j int) bool { return p.rejected[i].Line < p.rejected[j].Line })
}

// hasControl reports an ASCII control character (line breaks included).
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f {
			return true
		}
	}
	return false
}

// listLines writes 3, 7 and 9.
func listLines(lines []int) string {
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = fmt.Sprint(l)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
