package directory

import (
	"strconv"
	"strings"
	"unicode"
)

// normalizeMobile returns the stored form of a mobile number, or why it is
// refused. Mainland numbers (1[3-9] + 9 digits, with an optional +86/0086
// and any spaces or dashes) become 11 digits. Other countries need a +
// prefix and become +CC-…, WeCom's accepted form (digits, + and - only);
// the groups the admin typed are kept, joined by dashes.
func normalizeMobile(raw string) (string, *issue) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", nil
	}
	if isMainlandMobile(s) { // the common case, without allocating
		return s, nil
	}
	bad := newIssue(ProblemMobileInvalid, "value", shorten(raw))
	var groups []string
	cur := strings.Builder{}
	plus := false
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			cur.WriteRune(r)
		case r == ' ' || r == '-' || r == '\u00a0' || r == '\u3000':
			if cur.Len() > 0 {
				groups = append(groups, cur.String())
				cur.Reset()
			}
		case r == '+' && i == 0:
			plus = true
		default:
			return "", bad
		}
	}
	if cur.Len() > 0 {
		groups = append(groups, cur.String())
	}
	digits := strings.Join(groups, "")
	switch {
	case plus && strings.HasPrefix(digits, "86"):
		digits = digits[2:]
	case !plus && strings.HasPrefix(digits, "0086"):
		digits = digits[4:]
	case plus:
		// International: E.164 allows at most 15 digits; a country code never starts with 0.
		if len(digits) < 7 || len(digits) > 15 || digits[0] == '0' {
			return "", bad
		}
		return "+" + strings.Join(groups, "-"), nil
	}
	if len(digits) == 13 && strings.HasPrefix(digits, "86") && len(groups) > 1 && groups[0] == "86" {
		digits = digits[2:] // "86 138…": the + was left out
	}
	if len(digits) != 11 || digits[0] != '1' || digits[1] < '3' {
		return "", bad
	}
	return digits, nil
}

func isMainlandMobile(s string) bool {
	if len(s) != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9' {
		return false
	}
	for i := 2; i < 11; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// validEmail is a deliberately plain check: one @, a non-empty local part and
// a dotted domain, no spaces. Deliverability is not ours to judge.
func validEmail(s string) bool {
	if len(s) > 254 || hasControl(s) || strings.ContainsAny(s, " ,;<>()[]\\\"") {
		return false
	}
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || strings.Contains(domain, "@") {
		return false
	}
	dot := strings.LastIndexByte(domain, '.')
	return dot > 0 && dot < len(domain)-1 && !strings.Contains(domain, "..") && !strings.HasPrefix(domain, "-")
}

func checkEmail(raw string) (string, *issue) {
	s := strings.TrimSpace(raw)
	if s == "" || validEmail(s) {
		return s, nil
	}
	return "", newIssue(ProblemEmailInvalid,
		"value", shorten(raw))
}

// parseStatus reads the status column: empty means active.
func parseStatus(raw string) (Status, *issue) {
	switch strings.ToLower(strings.TrimSpace(raw)) {
	case "", "active", statusZh(StatusActive), "正常", "1":
		return StatusActive, nil
	case "resigned", statusZh(StatusResigned), "0":
		return StatusResigned, nil
	}
	return "", newIssue(ProblemStatusUnknown, "value", shorten(raw))
}

func checkAccount(raw string) (string, *issue) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", newIssue(ProblemAccountEmpty)
	}
	if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		return "", newIssue(ProblemAccountSpace, "value", shorten(raw))
	}
	if strings.IndexFunc(s, invisible) >= 0 {
		return "", newIssue(ProblemAccountControl,
			"value", shorten(s))
	}
	if n := len([]rune(s)); n > 64 {
		return "", newIssue(ProblemAccountTooLong,
			"value", shorten(s), "length", strconv.Itoa(n))
	}
	return s, nil
}

// checkWeComUserID validates the optional WeCom userid of an account: empty
// (the account is used), or WeCom's userid rules: 1~64 bytes of letters,
// digits and _-@., starting with a letter or digit.
func checkWeComUserID(raw string) (string, *issue) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", nil
	}
	ok := len(s) <= 64
	for i := 0; ok && i < len(s); i++ {
		c := s[i]
		alnum := c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		ok = alnum || i > 0 && (c == '_' || c == '-' || c == '@' || c == '.')
	}
	if !ok {
		return "", newIssue(ProblemWeComUserID, "value", shorten(raw))
	}
	return s, nil
}

// deptNameForbidden are the separators of import files plus the characters
// WeCom refuses in department names (errcode 60009).
const deptNameForbidden = `/;；\:*?"<>|`

// checkDeptName validates one department name (a level of a path or a name
// typed in the UI).
func checkDeptName(raw string) (string, *issue) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", newIssue(ProblemDeptNameEmpty)
	}
	if i := strings.IndexAny(s, deptNameForbidden); i >= 0 {
		r := []rune(s[i:])[0]
		return "", newIssue(ProblemDeptNameForbidden,
			"value", shorten(s), "char", string(r), "forbidden", deptNameForbidden)
	}
	if strings.IndexFunc(s, invisible) >= 0 {
		return "", newIssue(ProblemDeptNameControl,
			"value", shorten(s))
	}
	if n := len([]rune(s)); n > 64 {
		return "", newIssue(ProblemDeptNameTooLong,
			"value", shorten(s), "length", strconv.Itoa(n))
	}
	return s, nil
}

// parseDeptPaths reads the department column: paths such as 总部/研发中心/后端组,
// several separated by ; or ；. Repeated paths are kept once, main first.
func parseDeptPaths(raw string) ([][]string, *issue) {
	var out [][]string
	seen := map[string]bool{}
	for _, part := range strings.FieldsFunc(raw, func(r rune) bool { return r == ';' || r == '；' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		levels := strings.Split(strings.Trim(part, "/"), "/")
		if len(levels) > maxDeptDepth {
			return nil, newIssue(ProblemDeptTooDeep, "value", shorten(part), "depth", strconv.Itoa(len(levels)),
				"limit", strconv.Itoa(maxDeptDepth))
		}
		path := make([]string, 0, len(levels))
		for _, l := range levels {
			name := strings.TrimSpace(l)
			if name == "" {
				return nil, newIssue(ProblemDeptEmptyLevel, "value", shorten(part))
			}
			if _, is := checkDeptName(name); is != nil {
				return nil, is
			}
			path = append(path, name)
		}
		if k := pathKey(path); !seen[k] {
			seen[k] = true
			if len(out) == maxDeptsPerAccount {
				return nil, newIssue(ProblemTooManyDepts, "limit", strconv.Itoa(maxDeptsPerAccount))
			}
			out = append(out, path)
		}
	}
	return out, nil
}
