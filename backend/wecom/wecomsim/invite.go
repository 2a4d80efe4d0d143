package wecomsim

import (
	"slices"
	"strconv"
	"sync"
)

// joinQRSizes: corp/get_join_qrcode's size_type 1…4 (doc 91714).
var joinQRSizes = map[int]int{1: 171, 2: 399, 3: 741, 4: 2052}

// corpJoinQRCode answers the corp's join QR image URL (通讯录同步 secret only).
func (s *Sim) corpJoinQRCode(c *call) (any, *apiError) {
	size := 2 // WeCom's default: 399×399
	if c.param("size_type") != "" {
		n, ok := c.intParam("size_type")
		if _, known := joinQRSizes[n]; !ok || !known {
			return nil, apiErrf(40058, "invalid size_type: 1, 2, 3 or 4")
		}
		size = n
	}
	return struct {
		status
		JoinQRCode string `json:"join_qrcode"`
	}{statusOK, "https://work.weixin.qq.com/wework_admin/genqrcode?action=join&vcode=sim" + s.corpID + "&qr_size=" + strconv.Itoa(size)}, nil
}

// inviteLog records who batch/invite invited, for tests and the admin API.
type inviteLog struct {
	mu    sync.Mutex
	users []string
}

// Invited returns the userids batch/invite has invited so far, in order.
func (s *Sim) Invited() []string {
	s.invites.mu.Lock()
	defer s.invites.mu.Unlock()
	return append([]string{}, s.invites.users...)
}

// batchInvite invites members who have not activated WeCom yet (status 4).
// Unknown ids, members outside the caller's scope and active members come
// back in invaliduser/invalidparty/invalidtag (doc 90975; limits 1000/100/100).
func (s *Sim) batchInvite(c *call) (any, *apiError) {
	var b struct {
		User  []string `json:"user"`
		Party []int    `json:"party"`
		Tag   []int    `json:"tag"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	switch {
	case len(b.User)+len(b.Party)+len(b.Tag) == 0:
		return nil, apiErr(81013)
	case len(b.User) > 1000 || len(b.Party) > 100 || len(b.Tag) > 100:
		return nil, apiErrf(40058, "invalid Parameter: at most 1000 user, 100 party and 100 tag")
	}
	res := struct {
		status
		InvalidUser  []string `json:"invaliduser"`
		InvalidParty []int    `json:"invalidparty"`
		InvalidTag   []int    `json:"invalidtag"`
	}{statusOK, []string{}, []int{}, []int{}}
	invited := []string{}
	seen := map[string]bool{}
	s.mu.RLock()
	invite := func(m *member) bool {
		if m == nil || m.deleted || !c.canSeeUser(m) || m.status != 4 {
			return false
		}
		if !seen[m.key] {
			seen[m.key] = true
			invited = append(invited, m.userid)
		}
		return true
	}
	for _, u := range b.User {
		if !invite(s.dir.user(u)) {
			res.InvalidUser = append(res.InvalidUser, u)
		}
	}
	for _, id := range b.Party {
		x := s.dir.depts[id]
		if x == nil || !c.canSeeDept(x) {
			res.InvalidParty = append(res.InvalidParty, id)
			continue
		}
		for _, m := range s.dir.bySeq {
			if !m.deleted && slices.Contains(m.depts, id) {
				invite(m)
			}
		}
	}
	for _, id := range b.Tag {
		t := s.tags[id]
		if t == nil {
			res.InvalidTag = append(res.InvalidTag, id)
			continue
		}
		for _, u := range t.users {
			invite(s.dir.user(u))
		}
	}
	s.mu.RUnlock()
	if len(res.InvalidUser) == len(b.User) && len(res.InvalidParty) == len(b.Party) && len(res.InvalidTag) == len(b.Tag) {
		return nil, apiErr(81013)
	}
	s.invites.mu.Lock()
	s.invites.users = append(s.invites.users, invited...)
	s.invites.mu.Unlock()
	return res, nil
}
