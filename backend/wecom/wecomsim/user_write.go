package wecomsim

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// userBody is the user/create and user/update request; pointers and nil
// slices mean "not given".
type userBody struct {
	UserID           string   `json:"userid"`
	NewUserID        string   `json:"new_userid"`
	Name             *string  `json:"name"`
	Alias            *string  `json:"alias"`
	Mobile           *string  `json:"mobile"`
	Department       []int    `json:"department"`
	Order            []int64  `json:"order"`
	Position         *string  `json:"position"`
	Gender           *string  `json:"gender"`
	Email            *string  `json:"email"`
	BizMail          *string  `json:"biz_mail"`
	Telephone        *string  `json:"telephone"`
	IsLeaderInDept   []int    `json:"is_leader_in_dept"`
	DirectLeader     []string `json:"direct_leader"`
	Enable           *int     `json:"enable"`
	MainDepartment   *int     `json:"main_department"`
	Address          *string  `json:"address"`
	ExternalPosition *string  `json:"external_position"`
	ToInvite         *bool    `json:"to_invite"`
}

// validUserID: 1~64 bytes of [0-9A-Za-z_-@.], starting with a letter or digit.
func validUserID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i, r := range id {
		alnum := r < 128 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
		if i == 0 && !alnum {
			return false
		}
		if !alnum && !strings.ContainsRune("_-@.", r) {
			return false
		}
	}
	return true
}

func validMobile(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	return strings.Trim(s, "0123456789+-") == ""
}

func validEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	return len(s) <= 64 && at > 0 && at < len(s)-1 && !strings.ContainsAny(s, " \t,;")
}

func tooLong(p *string, n int) bool { return p != nil && utf8.RuneCountInString(*p) > n }

// checkUser validates b against the directory; m is the member being updated
// (nil on create).
func (d *directory) checkUser(b *userBody, m *member) *apiError {
	if b.Name != nil {
		if n := utf8.RuneCountInString(strings.TrimSpace(*b.Name)); n == 0 || n > 64 {
			return apiErr(60112)
		}
	}
	if b.Department != nil || m == nil {
		if len(b.Department) == 0 {
			return apiErr(60127)
		}
		if len(b.Department) > 100 {
			return apiErr(60110)
		}
		for _, id := range b.Department {
			if d.depts[id] == nil {
				return apiErrf(40066, "invalid department list, department %d not found", id)
			}
			if x := d.depts[id]; len(x.members)+len(x.children) >= 30000 {
				return apiErr(81001)
			}
		}
	}
	n := len(b.Department)
	if b.Department == nil && m != nil {
		n = len(m.depts)
	}
	if b.Order != nil && len(b.Order) != n {
		return apiErrf(40058, "invalid Parameter, order size must match department size")
	}
	if b.IsLeaderInDept != nil && len(b.IsLeaderInDept) != n {
		return apiErr(60132)
	}
	if b.Mobile != nil && *b.Mobile != "" {
		if !validMobile(*b.Mobile) {
			return apiErr(60103)
		}
		if o := d.byMobile[*b.Mobile]; o != nil && o != m {
			return apiErrf(60104, "mobile existed: %s", *b.Mobile)
		}
	}
	for _, e := range []struct {
		v      *string
		idx    map[string]*member
		bad    int
		exists int
	}{{b.Email, d.byEmail, 60105, 60106}, {b.BizMail, d.byBizMail, 60143, 60145}} {
		if e.v == nil || *e.v == "" {
			continue
		}
		if !validEmail(*e.v) {
			return apiErr(e.bad)
		}
		if o := e.idx[strings.ToLower(*e.v)]; o != nil && o != m {
			return apiErrf(e.exists, "email existed: %s", *e.v)
		}
	}
	if m == nil && empty(b.Mobile) && empty(b.Email) {
		return apiErr(60129)
	}
	switch {
	case tooLong(b.Position, 128), tooLong(b.Telephone, 32), tooLong(b.Address, 128),
		tooLong(b.Alias, 64), tooLong(b.ExternalPosition, 12):
		return apiErrf(40058, "invalid Parameter, a field exceeds its length limit")
	case b.Gender != nil && !slices.Contains([]string{"", "0", "1", "2"}, *b.Gender):
		return apiErrf(40058, "invalid Parameter, gender must be 1 or 2")
	case b.Enable != nil && *b.Enable != 0 && *b.Enable != 1:
		return apiErrf(40058, "invalid Parameter, enable must be 0 or 1")
	case len(b.DirectLeader) > 5:
		return apiErrf(40058, "invalid Parameter, at most 5 direct_leader")
	}
	if b.MainDepartment != nil {
		depts := b.Department
		if depts == nil && m != nil {
			depts = m.depts
		}
		if !slices.Contains(depts, *b.MainDepartment) {
			return apiErrf(40058, "invalid Parameter, main_department must be one of department")
		}
	}
	return nil
}

func empty(p *string) bool { return p == nil || *p == "" }

// apply copies the given fields of b onto m (indexes included).
func (d *directory) apply(b *userBody, m *member, lockMobile bool) {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&m.name, b.Name)
	set(&m.alias, b.Alias)
	set(&m.position, b.Position)
	set(&m.gender, b.Gender)
	set(&m.telephone, b.Telephone)
	set(&m.address, b.Address)
	set(&m.extPosition, b.ExternalPosition)
	if b.Mobile != nil && !(lockMobile && m.status == 1) {
		d.setMobile(m, *b.Mobile)
	}
	if b.Email != nil {
		d.setEmail(m, *b.Email)
	}
	if b.BizMail != nil {
		d.setBizMail(m, *b.BizMail)
	}
	if b.Department != nil {
		d.setDepts(m, b.Department)
	}
	if b.Order != nil {
		m.orders = slices.Clone(b.Order)
	}
	if b.IsLeaderInDept != nil {
		m.leaderIn = slices.Clone(b.IsLeaderInDept)
	}
	if b.DirectLeader != nil {
		m.directLeader = slices.Clone(b.DirectLeader)
	}
	if b.MainDepartment != nil {
		m.mainDept = *b.MainDepartment
	}
	if b.Enable != nil {
		m.enable = *b.Enable
		switch {
		case m.enable == 0 && m.status != 2:
			m.status = 2
		case m.enable == 1 && m.status == 2:
			m.status = 1
		}
	}
}

func (s *Sim) userCreate(c *call) (any, *apiError) {
	var b userBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.UserID == "" {
		return nil, apiErr(41009)
	}
	if !validUserID(b.UserID) {
		return nil, apiErrf(40003, "invalid userid: %s", b.UserID)
	}
	if b.Name == nil {
		return nil, apiErr(60112)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.dir
	if d.user(b.UserID) != nil {
		return nil, apiErrf(60102, "userid existed: %s", b.UserID)
	}
	if err := d.checkUser(&b, nil); err != nil {
		return nil, err
	}
	m := &member{userid: b.UserID, status: 4, enable: 1, gender: "0"}
	d.addUser(m, b.Department)
	d.apply(&b, m, false)
	if m.enable == 0 {
		m.status = 2
	}
	s.contactChanged("create_user", "UserID", m.userid)
	return statusCreated, nil
}

func (s *Sim) userUpdate(c *call) (any, *apiError) {
	var b userBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.UserID == "" {
		return nil, apiErr(41009)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.dir
	m := d.user(b.UserID)
	if m == nil {
		return nil, apiErrf(60111, "userid not found: %s", b.UserID)
	}
	if b.NewUserID != "" && !strings.EqualFold(b.NewUserID, m.userid) {
		return nil, apiErr(301036)
	}
	if err := d.checkUser(&b, m); err != nil {
		return nil, err
	}
	s.dropIgnored(&b)
	d.apply(&b, m, s.cfg.activeMobileLock)
	s.contactChanged("update_user", "UserID", m.userid)
	return statusUpdated, nil
}

func (s *Sim) userDelete(c *call) (any, *apiError) {
	id := c.param("userid")
	if id == "" {
		return nil, apiErr(41009)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.dir.user(id)
	if m == nil {
		return nil, apiErrf(60111, "userid not found: %s", id)
	}
	s.dir.removeUser(m)
	s.contactChanged("delete_user", "UserID", m.userid)
	return statusDeleted, nil
}

func (s *Sim) userBatchDelete(c *call) (any, *apiError) {
	var b struct {
		UserIDList []string `json:"useridlist"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if len(b.UserIDList) == 0 || len(b.UserIDList) > 200 {
		return nil, apiErrf(40032, "invalid userid list size, useridlist must hold 1~200 userids")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var ms []*member
	for _, id := range b.UserIDList { // any unknown userid fails the whole call
		m := s.dir.user(id)
		if m == nil {
			return nil, apiErrf(60111, "userid not found: %s", id)
		}
		if !slices.Contains(ms, m) {
			ms = append(ms, m)
		}
	}
	for _, m := range ms {
		s.dir.removeUser(m)
		s.contactChanged("delete_user", "UserID", m.userid)
	}
	return statusDeleted, nil
}
