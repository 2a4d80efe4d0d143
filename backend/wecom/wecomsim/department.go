package wecomsim

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

type deptJSON struct {
	ID       int      `json:"id"`
	Name     string   `json:"name"`
	NameEn   string   `json:"name_en,omitempty"`
	Leader   []string `json:"department_leader"`
	ParentID int      `json:"parentid"`
	Order    int64    `json:"order"`
}

type deptIDJSON struct {
	ID       int   `json:"id"`
	ParentID int   `json:"parentid"`
	Order    int64 `json:"order"`
}

func (x *dept) json() deptJSON {
	leaders := x.leaders
	if leaders == nil {
		leaders = []string{}
	}
	return deptJSON{ID: x.id, Name: x.name, NameEn: x.nameEn, Leader: leaders, ParentID: x.parentID(), Order: x.order}
}

func (x *dept) parentID() int {
	if x.parent == nil {
		return 0
	}
	return x.parent.id
}

// deptParam resolves ?id=; absent means the root with all=true.
func (c *call) deptParam() (x *dept, all bool, err *apiError) {
	if c.param("id") == "" {
		return c.s.dir.root, true, nil
	}
	id, ok := c.intParam("id")
	if !ok || id <= 0 {
		return nil, false, apiErr(60123)
	}
	if x = c.s.dir.depts[id]; x == nil {
		return nil, false, apiErr(60003)
	}
	if !c.canSeeDept(x) {
		return nil, false, apiErr(60011)
	}
	return x, false, nil
}

func (s *Sim) departmentList(c *call) (any, *apiError) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	x, _, err := c.deptParam()
	if err != nil {
		return nil, err
	}
	list := c.visibleDepts(x)
	out := make([]deptJSON, len(list))
	for i, d := range list {
		out[i] = d.json()
	}
	return struct {
		status
		Department []deptJSON `json:"department"`
	}{statusOK, out}, nil
}

func (s *Sim) departmentSimpleList(c *call) (any, *apiError) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	x, _, err := c.deptParam()
	if err != nil {
		return nil, err
	}
	list := c.visibleDepts(x)
	out := make([]deptIDJSON, len(list))
	for i, d := range list {
		out[i] = deptIDJSON{ID: d.id, ParentID: d.parentID(), Order: d.order}
	}
	return struct {
		status
		DepartmentID []deptIDJSON `json:"department_id"`
	}{statusOK, out}, nil
}

func (s *Sim) departmentGet(c *call) (any, *apiError) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	x, all, err := c.deptParam()
	if all {
		return nil, apiErrf(40058, "invalid Parameter, id is required")
	}
	if err != nil {
		return nil, err
	}
	return struct {
		status
		Department deptJSON `json:"department"`
	}{statusOK, x.json()}, nil
}

type deptBody struct {
	ID       int     `json:"id"`
	Name     *string `json:"name"`
	NameEn   *string `json:"name_en"`
	ParentID *int    `json:"parentid"`
	Order    *int64  `json:"order"`
}

// checkDeptName applies the name rules: 1~32 characters, none of \:*?"<>|.
func checkDeptName(name string) *apiError {
	if n := utf8.RuneCountInString(strings.TrimSpace(name)); n == 0 || n > 32 {
		return apiErr(60001)
	}
	if strings.ContainsAny(name, "\\:*?\"<>|｜") {
		return apiErr(60009)
	}
	return nil
}

func (s *Sim) departmentCreate(c *call) (any, *apiError) {
	var b deptBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.Name == nil {
		return nil, apiErrf(60001, "department name missing")
	}
	if err := checkDeptName(*b.Name); err != nil {
		return nil, err
	}
	if b.NameEn != nil {
		if err := checkDeptName(*b.NameEn); err != nil {
			return nil, err
		}
	}
	if b.ParentID == nil {
		return nil, apiErrf(60004, "parentid missing")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.dir
	parent := d.depts[*b.ParentID]
	if parent == nil {
		return nil, apiErr(60004)
	}
	if b.ID != 0 {
		if b.ID <= 1 {
			return nil, apiErr(60123)
		}
		if d.depts[b.ID] != nil {
			return nil, apiErrf(60008, "department existed, id %d", b.ID)
		}
	}
	if parent.childNamed(*b.Name) != nil {
		return nil, apiErrf(60008, "department existed, name %s", *b.Name)
	}
	if parent.depth() >= 15 {
		return nil, apiErr(81002)
	}
	if len(parent.children)+len(parent.members) >= 30000 {
		return nil, apiErr(81001)
	}
	id := b.ID
	if id == 0 {
		id = d.nextDeptID
	}
	var order int64
	if b.Order != nil {
		order = *b.Order
	}
	var nameEn string
	if b.NameEn != nil {
		nameEn = *b.NameEn
	}
	d.addDept(id, *b.Name, nameEn, parent, order)
	s.contactChanged("create_party", "Id", strconv.Itoa(id))
	return struct {
		status
		ID int `json:"id"`
	}{statusCreated, id}, nil
}

func (s *Sim) departmentUpdate(c *call) (any, *apiError) {
	var b deptBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.dir
	x := d.depts[b.ID]
	if x == nil {
		return nil, apiErr(60003)
	}
	parent := x.parent
	if b.ParentID != nil && x != d.root && *b.ParentID != parent.id {
		if parent = d.depts[*b.ParentID]; parent == nil {
			return nil, apiErr(60004)
		}
		if parent.within(x) {
			return nil, apiErr(60010)
		}
		if parent.depth()+subtreeHeight(x) > 15 {
			return nil, apiErr(81002)
		}
	}
	name := x.name
	if b.Name != nil {
		if err := checkDeptName(*b.Name); err != nil {
			return nil, err
		}
		name = *b.Name
	}
	if parent != nil {
		if other := parent.childNamed(name); other != nil && other != x {
			return nil, apiErrf(60008, "department existed, name %s", name)
		}
	}
	if b.NameEn != nil {
		if err := checkDeptName(*b.NameEn); err != nil {
			return nil, err
		}
		x.nameEn = *b.NameEn
	}
	x.name = name
	if b.Order != nil {
		x.order = *b.Order
	}
	if parent != x.parent {
		d.moveDept(x, parent)
	}
	s.contactChanged("update_party", "Id", strconv.Itoa(x.id))
	return statusUpdated, nil
}

func subtreeHeight(x *dept) int {
	h := 0
	for _, c := range x.children {
		h = max(h, subtreeHeight(c))
	}
	return h + 1
}

func (s *Sim) departmentDelete(c *call) (any, *apiError) {
	id, ok := c.intParam("id")
	if !ok {
		return nil, apiErrf(40058, "invalid Parameter, id is required")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	x := s.dir.depts[id]
	switch {
	case x == nil:
		return nil, apiErr(60003)
	case x == s.dir.root:
		return nil, apiErr(60007)
	case len(x.members) > 0:
		return nil, apiErr(60005)
	case len(x.children) > 0:
		return nil, apiErr(60006)
	}
	s.dir.removeDept(x)
	for _, t := range s.tags {
		t.parties = slices.DeleteFunc(t.parties, func(p int) bool { return p == id })
	}
	s.contactChanged("delete_party", "Id", strconv.Itoa(id))
	return statusDeleted, nil
}
