package directory

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"wecom-bridge/backend/tabular"
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
	dups := map[string]*dupLines{} // account key → its lines, for accounts on several lines
	// A CSV row must have a cell for every column the header names: a row cut
	// short would otherwise read as empty cells and clear those fields.
	need := 0
	for _, i := range h {
		need = max(need, i+1)
	}
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
				return strings.TrimSpace(tabular.Undefuse(strings.TrimSpace(rec.Cells[i])))
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
			bad(colName, newIssue(ProblemNameEmpty))
		}
		if t.CSV && len(rec.Cells) < need {
			missing := column(0)
			for c := column(0); c < numColumns; c++ {
				if h[c] >= len(rec.Cells) {
					missing = c
					break
				}
			}
			bad(missing, newIssue(ProblemRowShort, "fields", strconv.Itoa(len(rec.Cells)), "expected", strconv.Itoa(need),
				"missing", missing.String()))
		}
		for _, c := range []column{colName, colEmployeeNo, colPosition} {
			if is := checkText(c, cell(c)); is != nil {
				bad(c, is)
			}
		}
		var is *issue
		if row.Mobile, is = normalizeMobile(cell(colMobile)); is != nil {
			bad(colMobile, is)
		}
		if row.Email, is = checkEmail(cell(colEmail)); is != nil {
			bad(colEmail, is)
		}
		if row.WeComUserID, is = checkWeComUserID(cell(colWeComUserID)); is != nil {
			bad(colWeComUserID, is)
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
			} else if d := dups[k]; d == nil {
				dups[k] = &dupLines{first: first, count: 2, examples: []int{first, rec.Line}}
			} else {
				d.add(rec.Line)
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

// maxDupExamples is how many lines a duplicate's problem names: the report
// stays linear in the file however often one account repeats.
const maxDupExamples = 5

// dupLines are the lines of an account named on several lines: the first,
// how many, and the first few (first included) as examples.
type dupLines struct {
	first, count int
	examples     []int
	problems     map[int]Problem // one per example line, made once
	rest         *Problem        // shared by every other line
}

func (d *dupLines) add(line int) {
	d.count++
	if len(d.examples) < maxDupExamples+1 {
		d.examples = append(d.examples, line)
	}
}

// problem is the duplicate problem of one line: it names the first line, the
// count and up to maxDupExamples other lines. Lines past the examples share
// one Problem, so 5,000 repeats cost 5,000 small rejections, not 25 million
// line numbers.
func (d *dupLines) problem(account string, line int) Problem {
	if p, ok := d.problems[line]; ok {
		return p
	}
	if d.rest != nil && !slices.Contains(d.examples, line) {
		return *d.rest
	}
	others := make([]int, 0, maxDupExamples)
	for _, l := range d.examples {
		if l != line && len(others) < maxDupExamples {
			others = append(others, l)
		}
	}
	p := newIssue(ProblemAccountDuplicate,
		"account", account, "first", strconv.Itoa(d.first), "count", strconv.Itoa(d.count), "others", joinLines(others)).
		problem(colAccount.String())
	if slices.Contains(d.examples, line) {
		if d.problems == nil {
			d.problems = map[int]Problem{}
		}
		d.problems[line] = p
	} else {
		d.rest = &p
	}
	return p
}

// rejectDuplicates rejects every row of an account that is on several lines,
// and keeps the rejections in line order.
func rejectDuplicates(p *parsed, dups map[string]*dupLines) {
	for i, r := range p.rejected { // rows already rejected for other reasons
		if d := dups[accountKey(r.Account)]; r.Account != "" && d != nil {
			p.rejected[i].Problems = append([]Problem{d.problem(r.Account, r.Line)}, r.Problems...)
		}
	}
	kept := p.rows[:0]
	for _, r := range p.rows {
		if d := dups[accountKey(r.Account)]; d != nil {
			p.rejected = append(p.rejected, Rejection{Line: r.Line, Account: r.Account, Problems: []Problem{d.problem(r.Account, r.Line)}})
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
