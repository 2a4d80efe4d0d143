package syncer

import "strings"

// scopeSet answers scope questions for one plan. Department paths are
// "/"-joined names of the truth side.
type scopeSet struct {
	allDepts bool
	incl     map[string]bool // included subtrees
	anc      map[string]bool // strict ancestors of included subtrees: synced as structure only
	include  map[string]bool // lower-cased users; empty = everyone
	exclude  map[string]bool
}

func newScope(s Scope) *scopeSet {
	ss := &scopeSet{allDepts: len(s.Departments) == 0, incl: map[string]bool{}, anc: map[string]bool{},
		include: lowerSet(s.IncludeUsers), exclude: lowerSet(s.ExcludeUsers)}
	for _, p := range s.Departments {
		ss.incl[p] = true
		for i := strings.LastIndexByte(p, '/'); i > 0; i = strings.LastIndexByte(p[:i], '/') {
			ss.anc[p[:i]] = true
		}
	}
	return ss
}

func lowerSet(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[strings.ToLower(s)] = true
	}
	return m
}

// members reports whether the members of the department at path are in scope.
func (s *scopeSet) members(path string) bool {
	if s.allDepts || s.incl[path] {
		return true
	}
	for i := strings.LastIndexByte(path, '/'); i > 0; i = strings.LastIndexByte(path[:i], '/') {
		if s.incl[path[:i]] {
			return true
		}
	}
	return false
}

// dept reports whether the department at path is synced at all (in scope,
// or an ancestor of something in scope).
func (s *scopeSet) dept(path string) bool {
	return s.members(path) || s.anc[path]
}

// user applies the user lists to a user known by any of ids: excluded
// beats included.
func (s *scopeSet) user(ids ...string) bool {
	for _, id := range ids {
		if id != "" && s.exclude[strings.ToLower(id)] {
			return false
		}
	}
	if len(s.include) == 0 {
		return true
	}
	for _, id := range ids {
		if id != "" && s.include[strings.ToLower(id)] {
			return true
		}
	}
	return false
}

// Everything reports whether the scope keeps nothing out.
func (s Scope) Everything() bool {
	return len(s.Departments) == 0 && len(s.IncludeUsers) == 0 && len(s.ExcludeUsers) == 0
}

// Describe is the scope in one line, for the CLI.
func (s Scope) Describe() string {
	if s.Everything() {
		return "everything (every department and user)"
	}
	var parts []string
	if len(s.Departments) > 0 {
		parts = append(parts, "departments "+strings.Join(s.Departments, ", "))
	} else {
		parts = append(parts, "every department")
	}
	if len(s.IncludeUsers) > 0 {
		parts = append(parts, "only users "+strings.Join(s.IncludeUsers, ", "))
	}
	if len(s.ExcludeUsers) > 0 {
		parts = append(parts, "except "+strings.Join(s.ExcludeUsers, ", "))
	}
	return strings.Join(parts, "; ")
}
