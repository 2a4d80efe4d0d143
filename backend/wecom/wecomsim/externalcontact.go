package wecomsim

import (
	"encoding/base64"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// externalContact is a seeded customer (外部联系人) and the members following it.
type externalContact struct {
	ID           string
	Name         string
	Position     string
	CorpName     string
	CorpFullName string
	Type         int // 1 微信, 2 企业微信
	Gender       int
	follows      []*follow
}

type follow struct {
	userKey    string
	remark     string
	createTime int64
	addWay     int
	tagName    string
	tagID      string
}

type externalData struct {
	byID   map[string]*externalContact
	byUser map[string][]*externalContact // member key → contacts, in order
}

var extCorps = [][2]string{{"华彩贸易", "深圳市华彩贸易有限公司"}, {"鼎信科技", "杭州鼎信科技股份有限公司"},
	{"远航物流", "上海远航物流有限公司"}, {"青禾教育", "成都青禾教育咨询有限公司"}, {"恒通建材", "广州恒通建材有限公司"}}

var extPositions = []string{"采购经理", "总经理", "技术负责人", "运营主管", "财务", ""}

// externalContacts builds the seeded customers on first use: about one in
// five members follows one to four customers, a few of them shared.
func (s *Sim) externalContacts() *externalData {
	s.extOnce.Do(func() {
		h := fnv.New64a()
		h.Write([]byte(s.corpID))
		r := rand.New(rand.NewPCG(h.Sum64(), 92114))
		x := &externalData{byID: map[string]*externalContact{}, byUser: map[string][]*externalContact{}}
		var all []*externalContact
		base := time.Date(2023, 3, 1, 10, 0, 0, 0, chinaTime).Unix()
		for _, m := range s.dir.bySeq {
			if m.deleted || m.disabled() || r.IntN(5) != 0 {
				continue
			}
			for n := 1 + r.IntN(4); n > 0; n-- {
				var ec *externalContact
				if len(all) > 0 && r.IntN(6) == 0 {
					ec = all[r.IntN(len(all))]
					if ec.followedBy(m.key) {
						continue
					}
				} else {
					ec = newExternalContact(r, len(all))
					all = append(all, ec)
					x.byID[ec.ID] = ec
				}
				level := []string{"重要客户", "一般客户", "潜在客户"}[r.IntN(3)]
				ec.follows = append(ec.follows, &follow{userKey: m.key, remark: ec.Name, addWay: []int{1, 2, 3, 5, 6, 201}[r.IntN(6)],
					createTime: base + int64(r.IntN(700*86400)), tagName: level, tagID: "et" + strconv.Itoa(len(level))})
				x.byUser[m.key] = append(x.byUser[m.key], ec)
			}
		}
		s.ext = x
	})
	return s.ext
}

func newExternalContact(r *rand.Rand, n int) *externalContact {
	name, _, gender := pickChineseName(r)
	ec := &externalContact{Name: name, Type: 1, Gender: gender, Position: extPositions[r.IntN(len(extPositions))]}
	raw := fmt.Appendf(nil, "ext%08d%016x", n, r.Uint64())
	prefix := "wm"
	if r.IntN(4) == 0 {
		c := extCorps[r.IntN(len(extCorps))]
		ec.Type, ec.CorpName, ec.CorpFullName, prefix = 2, c[0], c[1], "wo"
	}
	ec.ID = prefix + strings.ReplaceAll(base64.RawURLEncoding.EncodeToString(raw), "-", "A")[:30]
	return ec
}

func (ec *externalContact) followedBy(key string) bool {
	for _, f := range ec.follows {
		if f.userKey == key {
			return true
		}
	}
	return false
}

type extContactJSON struct {
	ExternalUserID string `json:"external_userid"`
	Name           string `json:"name"`
	Position       string `json:"position,omitempty"`
	Avatar         string `json:"avatar"`
	CorpName       string `json:"corp_name,omitempty"`
	CorpFullName   string `json:"corp_full_name,omitempty"`
	Type           int    `json:"type"`
	Gender         int    `json:"gender"`
}

func (ec *externalContact) json() extContactJSON {
	return extContactJSON{ec.ID, ec.Name, ec.Position, "https://wx.qlogo.cn/mmhead/sim" + ec.ID[2:12] + "/0",
		ec.CorpName, ec.CorpFullName, ec.Type, ec.Gender}
}

type extTagJSON struct {
	GroupName string `json:"group_name"`
	TagName   string `json:"tag_name"`
	TagID     string `json:"tag_id"`
	Type      int    `json:"type"`
}

type followJSON struct {
	UserID         string       `json:"userid"`
	Remark         string       `json:"remark"`
	Description    string       `json:"description"`
	CreateTime     int64        `json:"createtime"`
	Tags           []extTagJSON `json:"tags,omitempty"`
	TagID          []string     `json:"tag_id,omitempty"`
	RemarkCorpName string       `json:"remark_corp_name,omitempty"`
	RemarkMobiles  []string     `json:"remark_mobiles"`
	OperUserID     string       `json:"oper_userid"`
	AddWay         int          `json:"add_way"`
	State          string       `json:"state,omitempty"`
}

// followView renders f; batch answers carry tag_id, single gets carry tags.
func (s *Sim) followView(ec *externalContact, f *follow, batch bool) (followJSON, bool) {
	m := s.dir.users[f.userKey]
	if m == nil {
		return followJSON{}, false
	}
	v := followJSON{UserID: m.userid, Remark: f.remark, CreateTime: f.createTime,
		RemarkCorpName: ec.CorpName, RemarkMobiles: []string{}, OperUserID: m.userid, AddWay: f.addWay}
	if batch {
		v.TagID = []string{f.tagID}
	} else {
		v.Tags = []extTagJSON{{"客户等级", f.tagName, f.tagID, 1}}
	}
	return v, true
}

func (s *Sim) extFollowUsers(c *call) (any, *apiError) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	x := s.externalContacts()
	out := []string{}
	for _, m := range s.dir.bySeq {
		if !m.deleted && len(x.byUser[m.key]) > 0 && c.canSeeUser(m) {
			out = append(out, m.userid)
		}
	}
	return struct {
		status
		FollowUser []string `json:"follow_user"`
	}{statusOK, out}, nil
}

func (s *Sim) extList(c *call) (any, *apiError) {
	id := c.param("userid")
	if id == "" {
		return nil, apiErr(41009)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	m := s.dir.user(id)
	switch {
	case m == nil:
		return nil, apiErr(60111)
	case !c.canSeeUser(m):
		return nil, apiErr(60011)
	}
	list := s.externalContacts().byUser[m.key]
	if len(list) == 0 {
		return nil, apiErr(84061)
	}
	ids := make([]string, len(list))
	for i, ec := range list {
		ids[i] = ec.ID
	}
	return struct {
		status
		ExternalUserID []string `json:"external_userid"`
	}{statusOK, ids}, nil
}

func (s *Sim) extGet(c *call) (any, *apiError) {
	id := c.param("external_userid")
	if id == "" {
		return nil, apiErrf(41035, "missing external userid")
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	ec := s.externalContacts().byID[id]
	if ec == nil {
		return nil, apiErr(40096)
	}
	follows := []followJSON{}
	for _, f := range ec.follows {
		if m := s.dir.users[f.userKey]; m != nil && c.canSeeUser(m) {
			if v, ok := s.followView(ec, f, false); ok {
				follows = append(follows, v)
			}
		}
	}
	if len(follows) == 0 {
		return nil, apiErr(84061)
	}
	return struct {
		status
		ExternalContact extContactJSON `json:"external_contact"`
		FollowUser      []followJSON   `json:"follow_user"`
		NextCursor      string         `json:"next_cursor"`
	}{statusOK, ec.json(), follows, ""}, nil
}

// extBatchByUser pages over (member, customer) pairs; the cursor is the
// index of the next pair.
func (s *Sim) extBatchByUser(c *call) (any, *apiError) {
	var b struct {
		UserIDList []string `json:"userid_list"`
		Cursor     string   `json:"cursor"`
		Limit      int      `json:"limit"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if len(b.UserIDList) == 0 || len(b.UserIDList) > 100 {
		return nil, apiErrf(40058, "invalid Parameter, userid_list must hold 1~100 userids")
	}
	limit := b.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 100)
	skip := 0
	if b.Cursor != "" {
		raw, err := base64.RawURLEncoding.DecodeString(b.Cursor)
		n, perr := strconv.Atoi(strings.TrimPrefix(string(raw), "e1:"))
		if err != nil || perr != nil || n < 0 {
			return nil, apiErrf(40058, "invalid Parameter, invalid cursor")
		}
		skip = n
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	x := s.externalContacts()
	type item struct {
		ExternalContact extContactJSON `json:"external_contact"`
		FollowInfo      followJSON     `json:"follow_info"`
	}
	out := []item{}
	pos, next := 0, ""
	for _, id := range b.UserIDList {
		m := s.dir.user(id)
		if m == nil || !c.canSeeUser(m) {
			continue
		}
		for _, ec := range x.byUser[m.key] {
			if pos++; pos <= skip {
				continue
			}
			if len(out) == limit {
				next = base64.RawURLEncoding.EncodeToString([]byte("e1:" + strconv.Itoa(pos-1)))
				break
			}
			for _, f := range ec.follows {
				if f.userKey == m.key {
					v, _ := s.followView(ec, f, true)
					out = append(out, item{ec.json(), v})
				}
			}
		}
		if next != "" {
			break
		}
	}
	return struct {
		status
		ExternalContactList []item `json:"external_contact_list"`
		NextCursor          string `json:"next_cursor"`
	}{statusOK, out, next}, nil
}
