package wecomsim

import (
	"slices"
	"strings"
)

// app is a self-built app with its visible scope (可见范围) and settings.
type app struct {
	agentID    int
	secret     string
	name       string
	allowParty []int
	allowUser  []string
	party      map[int]bool
	user       map[string]bool // lower-cased userids
	privacy    bool            // created after 2022-06-20: sensitive fields withheld

	description    string
	redirectDomain string
	homeURL        string
	reportLocation int
	isReportEnter  int
	menu           []byte // JSON of the last menu/create body; nil = no menu
}

func newApp(a App) *app {
	x := &app{
		agentID: a.AgentID, secret: a.Secret, name: a.Name, privacy: a.PrivacyRestricted,
		allowParty: slices.Clone(a.AllowParty), allowUser: slices.Clone(a.AllowUser),
		party: map[int]bool{}, user: map[string]bool{},
		description: a.Name, redirectDomain: "",
	}
	for _, d := range a.AllowParty {
		x.party[d] = true
	}
	for _, u := range a.AllowUser {
		x.user[strings.ToLower(u)] = true
	}
	return x
}

// export returns the app in the file format.
func (a *app) export() App {
	return App{AgentID: a.agentID, Secret: a.secret, Name: a.name,
		AllowParty: slices.Clone(a.allowParty), AllowUser: slices.Clone(a.allowUser),
		PrivacyRestricted: a.privacy}
}

// seesDept reports whether x is in the app's scope: x or an ancestor is in allow_party.
func (a *app) seesDept(x *dept) bool {
	for p := x; p != nil; p = p.parent {
		if a.party[p.id] {
			return true
		}
	}
	return false
}

// seesUser reports whether m is in allow_user or in a visible department.
func (a *app) seesUser(d *directory, m *member) bool {
	if a.user[m.key] {
		return true
	}
	for _, id := range m.depts {
		if x := d.depts[id]; x != nil && a.seesDept(x) {
			return true
		}
	}
	return false
}

// canSeeDept and canSeeUser apply the caller's scope; the contact secret sees everything.
func (c *call) canSeeDept(x *dept) bool { return c.app == nil || c.app.seesDept(x) }

func (c *call) canSeeUser(m *member) bool { return c.app == nil || c.app.seesUser(c.s.dir, m) }

// visibleDepts walks from x (pre-order) and returns the departments the caller sees.
func (c *call) visibleDepts(x *dept) []*dept {
	var out []*dept
	var visit func(y *dept, seen bool)
	visit = func(y *dept, seen bool) {
		seen = seen || c.app == nil || c.app.party[y.id] // ancestors were checked on the way down
		if seen {
			out = append(out, y)
		}
		for _, ch := range y.children {
			visit(ch, seen)
		}
	}
	visit(x, false)
	return out
}

// tag is a contact tag; users are lower-cased userids.
type tag struct {
	id      int
	name    string
	users   []string
	parties []int
}

func newTag(t Tag) *tag {
	x := &tag{id: t.ID, name: t.Name, parties: slices.Clone(t.Parties)}
	for _, u := range t.Users {
		x.users = append(x.users, strings.ToLower(u))
	}
	return x
}
