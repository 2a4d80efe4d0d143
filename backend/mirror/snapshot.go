// Package mirror pulls a corp's WeCom contacts (departments and members) into
// SQLite, so matching, sync plans and pickers read a local copy instead of
// calling WeCom.
//
// A pull is Fetch (pure HTTP: department/list, then user/list per department
// in parallel) followed by a swap that replaces the corp's mirror in one
// transaction. Only a complete fetch is swapped in: when any department
// fails, or the pull is cancelled, the previous mirror stays as it was and
// the run records why. A half mirror would make members look deleted.
package mirror

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// Snapshot is what one Fetch saw of the corp.
type Snapshot struct {
	Departments []Department // department/list order (a pre-order walk of the visible tree)
	Users       []User       // each member once, in the order first seen
	// FailedDepartments lists departments whose user/list failed (after the
	// client's own retries). A snapshot with any is incomplete and not swapped in.
	FailedDepartments []FailedDept
	// PrivacyRestricted: no member came with a mobile or an email, as for apps
	// created after 2022-06-20. Matching can then only go by userid and name.
	PrivacyRestricted bool
	// APICalls counts the department/list and user/list requests Fetch made;
	// gettoken and the client's retries are not visible here.
	APICalls  int
	FetchedAt time.Time
}

// Department is one WeCom department in the mirror.
type Department struct {
	ID        int64    `json:"id"`
	ParentID  int64    `json:"parentId"` // 0 for the root
	Name      string   `json:"name"`
	NameEN    string   `json:"nameEn,omitempty"`
	SortOrder int64    `json:"sortOrder"` // WeCom's order: bigger sorts first
	Leaders   []string `json:"leaders"`
	// Path holds names from the topmost visible ancestor (the root when the
	// whole corp is in scope) down to this department.
	Path []string `json:"path"`
}

// User is one WeCom member in the mirror.
type User struct {
	UserID         string  `json:"userid"`
	Name           string  `json:"name"`
	Alias          string  `json:"alias,omitempty"`
	Position       string  `json:"position,omitempty"`
	Mobile         string  `json:"mobile,omitempty"` // "" when withheld
	Email          string  `json:"email,omitempty"`  // "" when withheld
	BizMail        string  `json:"bizMail,omitempty"`
	Telephone      string  `json:"telephone,omitempty"`
	Gender         string  `json:"gender"` // "0" unknown, "1" male, "2" female
	Status         int     `json:"status"` // 1 active, 2 disabled, 4 not activated, 5 left
	Enable         bool    `json:"enable"`
	MainDepartment int64   `json:"mainDepartment"`
	Departments    []int64 `json:"departments"` // WeCom's order
	// DeptPaths has one path (names, root → leaf) per department in the
	// mirror, the main department first. Departments outside the app's
	// scope have no path.
	DeptPaths [][]string `json:"deptPaths"`
}

// Active reports whether the member counts as present: active or invited,
// and not disabled.
func (u User) Active() bool {
	return u.Enable && (u.Status == wecom.UserActive || u.Status == wecom.UserInactive)
}

// FailedDept is a department whose members could not be read.
type FailedDept struct {
	ID      int64           `json:"id"`
	Name    string          `json:"name"`
	Errcode int             `json:"errcode"` // 0 when WeCom did not answer (HTTP or network error)
	Errmsg  string          `json:"errmsg"`
	Fix     usererr.Message `json:"fix"` // what to do
}

// UnmarshalJSON reads a stored failed department, also one from before
// messages (fix and fixEn as two texts).
func (f *FailedDept) UnmarshalJSON(b []byte) error {
	type plain FailedDept
	var old struct {
		plain
		Fix       json.RawMessage `json:"fix"`
		LegacyFix string          `json:"fixEn"` // the English half of a fix stored before messages
	}
	if err := json.Unmarshal(b, &old); err != nil {
		return err
	}
	*f = FailedDept(old.plain)
	var text string
	if json.Unmarshal(old.Fix, &text) == nil {
		f.Fix = usererr.Message{Code: usererr.CodeText, Args: usererr.Args{}, ZH: text, EN: cmp.Or(old.LegacyFix, text)}
		return nil
	}
	if len(old.Fix) > 0 && string(old.Fix) != "null" {
		return json.Unmarshal(old.Fix, &f.Fix)
	}
	return nil
}

// maxDepth guards path building against a parent cycle in a bad answer;
// WeCom allows 15 levels.
const maxDepth = 64

// buildDepartments converts department/list's answer and computes each
// department's path. A parent outside the visible scope ends the path.
func buildDepartments(in []wecom.Department) []Department {
	byID := make(map[int64]*wecom.Department, len(in))
	for i := range in {
		byID[in[i].ID] = &in[i]
	}
	out := make([]Department, len(in))
	for i, d := range in {
		var rev []string
		for cur, n := &in[i], 0; cur != nil && n < maxDepth; n++ {
			rev = append(rev, cur.Name)
			if cur.ParentID == cur.ID {
				break
			}
			cur = byID[cur.ParentID]
		}
		slices.Reverse(rev)
		leaders := d.DepartmentLeader
		if leaders == nil {
			leaders = []string{}
		}
		out[i] = Department{ID: d.ID, ParentID: d.ParentID, Name: d.Name, NameEN: d.NameEN,
			SortOrder: d.Order, Leaders: leaders, Path: rev}
	}
	return out
}

// mergeUsers de-duplicates the per-department lists (lists[i] belongs to
// depts[i]; nil for a failed department). A member in several departments
// appears in each list; it is kept once, with all its departments.
func mergeUsers(depts []Department, lists [][]wecom.User) []User {
	paths := make(map[int64][]string, len(depts))
	for _, d := range depts {
		paths[d.ID] = d.Path
	}
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	index := make(map[string]int, n)
	out := make([]User, 0, n)
	for i, list := range lists {
		for j := range list {
			key := strings.ToLower(list[j].UserID)
			if k, seen := index[key]; seen {
				// Normally the same departments again; a list that holds the
				// member without naming the department still counts.
				if !slices.Contains(out[k].Departments, depts[i].ID) {
					out[k].Departments = append(out[k].Departments, depts[i].ID)
				}
				continue
			}
			index[key] = len(out)
			out = append(out, convertUser(&list[j], depts[i].ID))
		}
	}
	for i := range out {
		finishUser(&out[i], paths)
	}
	return out
}

func convertUser(w *wecom.User, listedIn int64) User {
	deps := slices.Clone(w.Department)
	if !slices.Contains(deps, listedIn) {
		deps = append(deps, listedIn)
	}
	gender := w.Gender
	if gender == "" {
		gender = "0"
	}
	return User{
		UserID: w.UserID, Name: w.Name, Alias: w.Alias, Position: w.Position,
		Mobile: w.Mobile, Email: w.Email, BizMail: w.BizMail, Telephone: w.Telephone,
		Gender: gender, Status: w.Status,
		// user/list has no enable field; 禁用 shows as status 2.
		Enable:         w.Status != wecom.UserDisabled,
		MainDepartment: w.MainDepartment,
		Departments:    deps,
	}
}

// finishUser settles the main department (WeCom's, when it is one of the
// member's departments, else the first) and the paths, main first.
func finishUser(u *User, paths map[int64][]string) {
	if !slices.Contains(u.Departments, u.MainDepartment) {
		u.MainDepartment = u.Departments[0]
	}
	u.DeptPaths = make([][]string, 0, len(u.Departments))
	if p, ok := paths[u.MainDepartment]; ok {
		u.DeptPaths = append(u.DeptPaths, p)
	}
	for _, id := range u.Departments {
		if p, ok := paths[id]; ok && id != u.MainDepartment {
			u.DeptPaths = append(u.DeptPaths, p)
		}
	}
}

// privacyRestricted: members exist, and not one came with a mobile or an email.
func privacyRestricted(users []User) bool {
	if len(users) == 0 {
		return false
	}
	for i := range users {
		if users[i].Mobile != "" || users[i].Email != "" {
			return false
		}
	}
	return true
}
