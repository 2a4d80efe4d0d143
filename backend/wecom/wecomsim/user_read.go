package wecomsim

import (
	"encoding/base64"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
)

// userJSON is a member as user/get and user/list answer it. Fields WeCom
// withholds from privacy-restricted apps are omitempty.
type userJSON struct {
	UserID           string   `json:"userid"`
	Name             string   `json:"name"`
	Department       []int    `json:"department"`
	Order            []int64  `json:"order"`
	Position         string   `json:"position"`
	Mobile           string   `json:"mobile,omitempty"`
	Gender           string   `json:"gender"`
	Email            string   `json:"email,omitempty"`
	BizMail          string   `json:"biz_mail,omitempty"`
	IsLeaderInDept   []int    `json:"is_leader_in_dept"`
	DirectLeader     []string `json:"direct_leader"`
	Avatar           string   `json:"avatar,omitempty"`
	ThumbAvatar      string   `json:"thumb_avatar,omitempty"`
	Telephone        string   `json:"telephone"`
	Alias            string   `json:"alias"`
	Address          string   `json:"address,omitempty"`
	MainDepartment   int      `json:"main_department"`
	Status           int      `json:"status"`
	Enable           int      `json:"enable"`
	QRCode           string   `json:"qr_code,omitempty"`
	ExternalPosition string   `json:"external_position"`
}

// userView renders m; restricted drops what apps created after 2022-06-20 don't get.
func userView(m *member, restricted bool) userJSON {
	v := userJSON{
		UserID: m.userid, Name: m.name, Department: m.depts, Order: m.orders,
		Position: m.position, Gender: m.gender, IsLeaderInDept: m.leaderIn,
		DirectLeader: m.directLeader, Telephone: m.telephone, Alias: m.alias,
		MainDepartment: m.mainDept, Status: m.status, Enable: m.enable,
		ExternalPosition: m.extPosition,
	}
	if v.DirectLeader == nil {
		v.DirectLeader = []string{}
	}
	if v.Gender == "" {
		v.Gender = "0"
	}
	if restricted {
		v.Gender = "0"
		return v
	}
	v.Mobile, v.Email, v.BizMail, v.Address = m.mobile, m.email, m.bizMail, m.address
	h := fnv.New64a()
	h.Write([]byte(m.key))
	pic := base64.RawURLEncoding.EncodeToString(h.Sum(nil))
	v.Avatar = "https://wework.qpic.cn/wwpic/" + pic + "/0"
	v.ThumbAvatar = "https://wework.qpic.cn/wwpic/" + pic + "/100"
	v.QRCode = "https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=vc" + pic
	return v
}

func (c *call) restricted() bool { return c.app != nil && c.app.privacy }

func (s *Sim) userGet(c *call) (any, *apiError) {
	id := c.param("userid")
	if id == "" {
		return nil, apiErr(41009)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	m := s.dir.user(id)
	if m == nil {
		return nil, apiErr(60111)
	}
	if !c.canSeeUser(m) {
		return nil, apiErr(60011)
	}
	return struct {
		status
		userJSON
	}{statusOK, userView(m, c.restricted())}, nil
}

// deptMembers resolves ?department_id= (and the deprecated fetch_child=1)
// into the members to list, each once.
func (c *call) deptMembers() ([]*member, *apiError) {
	id, ok := c.intParam("department_id")
	if !ok || id <= 0 {
		return nil, apiErr(60123)
	}
	x := c.s.dir.depts[id]
	if x == nil {
		return nil, apiErr(60003)
	}
	if !c.canSeeDept(x) {
		return nil, apiErr(60011)
	}
	if c.param("fetch_child") != "1" {
		return x.members, nil
	}
	var out []*member
	seen := map[*member]bool{}
	x.walk(func(y *dept) bool {
		for _, m := range y.members {
			if !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
		return true
	})
	return out, nil
}

func (s *Sim) userList(c *call) (any, *apiError) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	members, err := c.deptMembers()
	if err != nil {
		return nil, err
	}
	out := make([]userJSON, len(members))
	restricted := c.restricted()
	for i, m := range members {
		out[i] = userView(m, restricted)
	}
	return struct {
		status
		UserList []userJSON `json:"userlist"`
	}{statusOK, out}, nil
}

type simpleUserJSON struct {
	UserID     string `json:"userid"`
	Name       string `json:"name"`
	Department []int  `json:"department"`
}

func (s *Sim) userSimpleList(c *call) (any, *apiError) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	members, err := c.deptMembers()
	if err != nil {
		return nil, err
	}
	out := make([]simpleUserJSON, len(members))
	for i, m := range members {
		out[i] = simpleUserJSON{m.userid, m.name, m.depts}
	}
	return struct {
		status
		UserList []simpleUserJSON `json:"userlist"`
	}{statusOK, out}, nil
}

// ListIDPageLimit is the largest limit user/list_id accepts.
const ListIDPageLimit = 10000

type deptUserJSON struct {
	UserID     string `json:"userid"`
	Department int    `json:"department"`
}

// userListID pages through one row per (member, department) in creation
// order. The cursor names the next row: member seq and department index.
func (s *Sim) userListID(c *call) (any, *apiError) {
	var b struct {
		Cursor string `json:"cursor"`
		Limit  int    `json:"limit"`
	}
	if len(c.body) > 0 {
		if err := c.decode(&b); err != nil {
			return nil, err
		}
	}
	if b.Limit == 0 {
		b.Limit = ListIDPageLimit
	}
	if b.Limit < 0 || b.Limit > ListIDPageLimit {
		return nil, apiErrf(40058, "invalid Parameter, limit must be between 1 and %d", ListIDPageLimit)
	}
	seq, idx := uint64(0), 0
	if b.Cursor != "" {
		var ok bool
		if seq, idx, ok = decodeCursor(b.Cursor); !ok {
			return nil, apiErrf(40058, "invalid Parameter, invalid cursor")
		}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	rows := make([]deptUserJSON, 0, min(b.Limit, 1024))
	next := ""
	for i := s.dir.seqIndex(seq); i < len(s.dir.bySeq); i++ {
		m := s.dir.bySeq[i]
		if m.deleted {
			continue
		}
		start := 0
		if m.seq == seq {
			start = idx
		}
		for j := start; j < len(m.depts); j++ {
			if len(rows) == b.Limit {
				next = encodeCursor(m.seq, j)
				break
			}
			rows = append(rows, deptUserJSON{m.userid, m.depts[j]})
		}
		if next != "" {
			break
		}
	}
	return struct {
		status
		NextCursor string         `json:"next_cursor"`
		DeptUser   []deptUserJSON `json:"dept_user"`
	}{statusOK, next, rows}, nil
}

func encodeCursor(seq uint64, idx int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf("c1:%d:%d", seq, idx)))
}

func decodeCursor(s string) (uint64, int, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return 0, 0, false
	}
	parts := strings.Split(string(raw), ":")
	if len(parts) != 3 || parts[0] != "c1" {
		return 0, 0, false
	}
	seq, err1 := strconv.ParseUint(parts[1], 10, 64)
	idx, err2 := strconv.Atoi(parts[2])
	return seq, idx, err1 == nil && err2 == nil && idx >= 0
}

type useridJSON struct {
	status
	UserID string `json:"userid"`
}

func (s *Sim) userGetUserID(c *call) (any, *apiError) {
	var b struct {
		Mobile string `json:"mobile"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if n := len(b.Mobile); n < 5 || n > 32 {
		return nil, apiErrf(40058, "invalid Parameter, mobile must be 5~32 bytes")
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	now := s.clock.Now()
	if s.lookups.blocked(now, len(s.dir.users)) {
		return nil, lookupBlockedErr()
	}
	m := s.dir.byMobile[b.Mobile]
	if m == nil || !c.canSeeUser(m) {
		s.lookups.fail(now)
		return nil, apiErr(46004)
	}
	return useridJSON{statusOK, m.userid}, nil
}

// userGetUserIDByEmail: email_type 1 (default) looks up 企业邮箱 and then
// the member's email; 2 looks up the email field only.
func (s *Sim) userGetUserIDByEmail(c *call) (any, *apiError) {
	var b struct {
		Email     string `json:"email"`
		EmailType int    `json:"email_type"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.Email == "" || !slices.Contains([]int{0, 1, 2}, b.EmailType) {
		return nil, apiErrf(40058, "invalid Parameter, email and email_type 1 or 2 are required")
	}
	key := strings.ToLower(b.Email)
	s.mu.RLock()
	defer s.mu.RUnlock()
	now := s.clock.Now()
	if s.lookups.blocked(now, len(s.dir.users)) {
		return nil, lookupBlockedErr()
	}
	var m *member
	if b.EmailType != 2 {
		m = s.dir.byBizMail[key]
	}
	if m == nil {
		m = s.dir.byEmail[key]
	}
	if m == nil || !c.canSeeUser(m) {
		s.lookups.fail(now)
		return nil, apiErr(46004)
	}
	return useridJSON{statusOK, m.userid}, nil
}
