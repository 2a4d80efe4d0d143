package directory

import (
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// WeCom's own limits (docs/directory-import.md lists them): a value over one
// is refused at import, not by WeCom halfway through a sync.
const (
	maxNameChars       = 64  // user/create name: 1~64 UTF-8 characters
	maxPositionChars   = 128 // user/create position: ≤128 characters
	maxEmployeeNoChars = 64  // local only; kept to a userid's size
	maxDeptDepth       = 15  // 81002: departments have at most 15 levels
	maxDeptsPerAccount = 100 // user/create department: ≤100 departments
)

// textLimits are the free-text columns and their length limits.
var textLimits = map[column]int{colName: maxNameChars, colEmployeeNo: maxEmployeeNoChars, colPosition: maxPositionChars}

// checkText refuses invisible characters in a free-text column and a value
// over the column's length limit.
func checkText(col column, v string) *issue {
	if is := checkInvisible(col.String(), v); is != nil {
		return is
	}
	if limit := textLimits[col]; limit > 0 {
		if n := utf8.RuneCountInString(v); n > limit {
			return newIssue(ProblemTooLong, "field", col.String(), "value", shorten(v),
				"length", strconv.Itoa(n), "limit", strconv.Itoa(limit))
		}
	}
	return nil
}

// checkInvisible refuses control characters (line breaks included) and the
// invisible marks that reorder or hide text: bidi controls such as U+202E,
// which make a name display differently from what it is, line and paragraph
// separators and a BOM inside the text.
func checkInvisible(field, v string) *issue {
	for _, r := range v {
		if invisible(r) {
			return newIssue(ProblemControlChar, "field", field, "value", shorten(v), "char", fmt.Sprintf("%U", r))
		}
	}
	return nil
}

func invisible(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r < 0xa0: // C0, DEL, C1
		return true
	case r < 0x200e: // the common case
		return false
	case r == 0x200e, r == 0x200f, r == 0x061c, // LRM, RLM, ALM
		r >= 0x202a && r <= 0x202e, // LRE…RLO
		r >= 0x2066 && r <= 0x2069, // LRI…PDI
		r == 0x2028, r == 0x2029, r == 0xfeff, r >= 0xfff9 && r <= 0xfffb:
		return true
	}
	return unicode.Is(unicode.Cc, r)
}

// shorten keeps a refused value short enough to show (and to store with
// the preview): a 100,000-character name is not repeated back whole.
func shorten(v string) string {
	const keep = 40
	if utf8.RuneCountInString(v) <= keep {
		return quoteInvisible(v)
	}
	n := 0
	for i := range v {
		if n == keep {
			return quoteInvisible(v[:i]) + "…"
		}
		n++
	}
	return quoteInvisible(v)
}

// quoteInvisible writes invisible characters as \u escapes, so a shown value
// cannot reorder the text around it.
func quoteInvisible(v string) string {
	for _, r := range v {
		if invisible(r) {
			q := strconv.QuoteToGraphic(v)
			return q[1 : len(q)-1]
		}
	}
	return v
}
