package wecomsim

import (
	"slices"
	"sort"
	"strings"
)

// member is a user as the simulator stores it. Lookups by userid, mobile and
// email go through directory's maps; dept.members gives per-department lists.
type member struct {
	userid       string // as created; lookups use key
	key          string // lower-cased userid
	name         string
	depts        []int
	orders       []int64
	leaderIn     []int
	directLeader []string
	mainDept     int
	position     string
	mobile       string
	email        string
	bizMail      string
	gender       string
	alias        string
	telephone    string
	address      string
	extPosition  string
	status       int
	enable       int
	seq          uint64 // creation order, the key of user/list_id cursors
	deleted      bool
}

// disabled reports whether the member is switched off (禁用).
func (m *member) disabled() bool { return m.enable == 0 || m.status == 2 }

// dept is a department node with its children and direct members, in order.
type dept struct {
	id       int
	name     string
	nameEn   string
	parent   *dept
	order    int64
	leaders  []string
	children []*dept
	members  []*member
	seq      int // creation order, kept by dumps
}

// directory is the indexed organisation. It is not safe for concurrent use;
// Sim guards it with its RWMutex.
type directory struct {
	users      map[string]*member
	byMobile   map[string]*member
	byEmail    map[string]*member // lower-cased
	byBizMail  map[string]*member // lower-cased
	depts      map[int]*dept
	root       *dept
	bySeq      []*member // ascending seq; deleted members linger until compacted
	tombstones int
	nextSeq    uint64
	nextDeptID int
	deptSeq    int
}

func newDirectory(o *Org) *directory {
	d := &directory{
		users:      make(map[string]*member, len(o.Users)),
		byMobile:   make(map[string]*member, len(o.Users)),
		byEmail:    make(map[string]*member, len(o.Users)),
		byBizMail:  make(map[string]*member),
		depts:      make(map[int]*dept, len(o.Departments)),
		bySeq:      make([]*member, 0, len(o.Users)),
		nextDeptID: 2,
	}
	for _, od := range o.Departments {
		d.deptSeq++
		d.depts[od.ID] = &dept{id: od.ID, name: od.Name, order: od.Order, seq: d.deptSeq}
		d.nextDeptID = max(d.nextDeptID, od.ID+1)
	}
	for _, od := range o.Departments { // file order is the sibling order
		x := d.depts[od.ID]
		if od.ID == 1 {
			d.root = x
			continue
		}
		x.parent = d.depts[od.ParentID]
		x.parent.children = append(x.parent.children, x)
	}
	for _, u := range o.Users {
		m := &member{
			userid: u.UserID, name: u.Name, position: u.Position,
			mobile: u.Mobile, email: u.Email, status: u.Status, enable: u.Enable,
			gender: guessGender(u.Name),
		}
		d.addUser(m, u.Department)
	}
	return d
}

// addUser indexes m and places it in depts (which must exist).
func (d *directory) addUser(m *member, depts []int) {
	m.key = strings.ToLower(m.userid)
	d.nextSeq++
	m.seq = d.nextSeq
	d.users[m.key] = m
	d.bySeq = append(d.bySeq, m)
	d.setMobile(m, m.mobile)
	d.setEmail(m, m.email)
	d.setBizMail(m, m.bizMail)
	d.setDepts(m, depts)
}

// removeUser drops m from every index.
func (d *directory) removeUser(m *member) {
	d.setDepts(m, nil)
	d.setMobile(m, "")
	d.setEmail(m, "")
	d.setBizMail(m, "")
	delete(d.users, m.key)
	m.deleted = true
	d.tombstones++
	if d.tombstones > 1024 && d.tombstones > len(d.bySeq)/2 {
		d.bySeq = slices.DeleteFunc(d.bySeq, func(x *member) bool { return x.deleted })
		d.tombstones = 0
	}
}

// setDepts moves m to exactly depts, keeping its place in departments it stays in.
func (d *directory) setDepts(m *member, depts []int) {
	for _, id := range m.depts {
		if !slices.Contains(depts, id) {
			x := d.depts[id]
			x.members = slices.DeleteFunc(x.members, func(y *member) bool { return y == m })
		}
	}
	for _, id := range depts {
		if !slices.Contains(m.depts, id) {
			x := d.depts[id]
			x.members = append(x.members, m)
		}
	}
	m.depts = slices.Clone(depts)
	if len(m.orders) != len(depts) {
		m.orders = make([]int64, len(depts))
	}
	if len(m.leaderIn) != len(depts) {
		m.leaderIn = make([]int, len(depts))
	}
	if !slices.Contains(depts, m.mainDept) && len(depts) > 0 {
		m.mainDept = depts[0]
	}
}

func (d *directory) setMobile(m *member, v string) { reindex(d.byMobile, m, &m.mobile, v) }
func (d *directory) setEmail(m *member, v string)  { reindex(d.byEmail, m, &m.email, v) }
func (d *directory) setBizMail(m *member, v string) {
	reindex(d.byBizMail, m, &m.bizMail, v)
}

// reindex sets *field to v and keeps idx (keyed by the lower-cased value) in step.
func reindex(idx map[string]*member, m *member, field *string, v string) {
	if old := strings.ToLower(*field); old != "" && idx[old] == m {
		delete(idx, old)
	}
	*field = v
	if v != "" {
		idx[strings.ToLower(v)] = m
	}
}

func (d *directory) user(userid string) *member { return d.users[strings.ToLower(userid)] }

// addDept creates a department under parent.
func (d *directory) addDept(id int, name, nameEn string, parent *dept, order int64) *dept {
	d.deptSeq++
	x := &dept{id: id, name: name, nameEn: nameEn, parent: parent, order: order, seq: d.deptSeq}
	d.depts[id] = x
	parent.children = append(parent.children, x)
	d.nextDeptID = max(d.nextDeptID, id+1)
	return x
}

// removeDept deletes an empty leaf department.
func (d *directory) removeDept(x *dept) {
	p := x.parent
	p.children = slices.DeleteFunc(p.children, func(y *dept) bool { return y == x })
	delete(d.depts, x.id)
}

// moveDept re-parents x under p (the caller has ruled out cycles).
func (d *directory) moveDept(x, p *dept) {
	old := x.parent
	old.children = slices.DeleteFunc(old.children, func(y *dept) bool { return y == x })
	x.parent = p
	p.children = append(p.children, x)
}

// depth is 1 for the root.
func (x *dept) depth() int {
	n := 1
	for p := x.parent; p != nil; p = p.parent {
		n++
	}
	return n
}

// within reports whether x is anc or below it.
func (x *dept) within(anc *dept) bool {
	for p := x; p != nil; p = p.parent {
		if p == anc {
			return true
		}
	}
	return false
}

// walk visits x and its descendants in pre-order until fn returns false.
func (x *dept) walk(fn func(*dept) bool) bool {
	if !fn(x) {
		return false
	}
	for _, c := range x.children {
		if !c.walk(fn) {
			return false
		}
	}
	return true
}

func (x *dept) childNamed(name string) *dept {
	for _, c := range x.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// seqIndex returns the position of the first member with seq >= s.
func (d *directory) seqIndex(s uint64) int {
	return sort.Search(len(d.bySeq), func(i int) bool { return d.bySeq[i].seq >= s })
}

// org exports the directory in the file format, in creation order.
func (d *directory) org() ([]Department, []User) {
	all := make([]*dept, 0, len(d.depts))
	for _, x := range d.depts {
		all = append(all, x)
	}
	slices.SortFunc(all, func(a, b *dept) int { return a.seq - b.seq })
	depts := make([]Department, len(all))
	for i, x := range all {
		depts[i] = Department{ID: x.id, Name: x.name, ParentID: x.parentID(), Order: x.order}
	}
	users := make([]User, 0, len(d.users))
	for _, m := range d.bySeq {
		if m.deleted {
			continue
		}
		users = append(users, User{
			UserID: m.userid, Name: m.name, Department: slices.Clone(m.depts),
			Mobile: m.mobile, Email: m.email, Position: m.position,
			Status: m.status, Enable: m.enable,
		})
	}
	return depts, users
}
