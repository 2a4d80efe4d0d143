package review

import (
	"strings"

	"wecom-bridge/backend/binding"
)

// Conflict fields: what two sides of a binding may disagree on besides the
// evidence that paired them. Stored comma-separated in this order.
const (
	ConflictMobile     = "mobile"
	ConflictEmail      = "email"
	ConflictDepartment = "department" // leaf of the main department
	ConflictPosition   = "position"
)

// conflictsOf lists the fields both sides know and disagree on: the
// normalised mobiles and emails, the leaf of the main department and the
// position, both compared as names are. A field one side lacks (WeCom
// withholds mobile and email from new apps) is no conflict.
func conflictsOf(l, w *sideRec) []string {
	var out []string
	if differ(l.Mobile, w.Mobile) {
		out = append(out, ConflictMobile)
	}
	if differ(l.Email, w.Email) {
		out = append(out, ConflictEmail)
	}
	if differ(binding.NormalizeName(mainLeaf(l.DeptPaths)), binding.NormalizeName(mainLeaf(w.DeptPaths))) {
		out = append(out, ConflictDepartment)
	}
	if differ(binding.NormalizeName(l.Position), binding.NormalizeName(w.Position)) {
		out = append(out, ConflictPosition)
	}
	return out
}

func differ(a, b string) bool { return a != "" && b != "" && a != b }

// mainLeaf is the last department of the main (first) path.
func mainLeaf(d deptPaths) string {
	if len(d) == 0 || len(d[0]) == 0 {
		return ""
	}
	return d[0][len(d[0])-1]
}

// mainPath is the main department's path as the screen shows it: 总部/研发部.
func mainPath(d deptPaths) string {
	if len(d) == 0 {
		return ""
	}
	return deptPaths(d[:1]).Text()
}

// splitConflicts reads the stored list; empty, not nil, for none.
func splitConflicts(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, ",")
}
