package wecomsim

import (
	"maps"
	"slices"
)

type tagJSON struct {
	TagID   int    `json:"tagid"`
	TagName string `json:"tagname"`
}

func (s *Sim) tagList(c *call) (any, *apiError) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := []tagJSON{}
	for _, id := range slices.Sorted(maps.Keys(s.tags)) {
		out = append(out, tagJSON{id, s.tags[id].name})
	}
	return struct {
		status
		TagList []tagJSON `json:"taglist"`
	}{statusOK, out}, nil
}

type tagUserJSON struct {
	UserID string `json:"userid"`
	Name   string `json:"name"`
}

// tagGet answers members and departments of a tag, within the caller's scope.
func (s *Sim) tagGet(c *call) (any, *apiError) {
	id, ok := c.intParam("tagid")
	if !ok {
		return nil, apiErr(40068)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	t := s.tags[id]
	if t == nil {
		return nil, apiErr(40068)
	}
	users := []tagUserJSON{}
	for _, key := range t.users {
		if m := s.dir.users[key]; m != nil && c.canSeeUser(m) {
			users = append(users, tagUserJSON{m.userid, m.name})
		}
	}
	parties := []int{}
	for _, p := range t.parties {
		if x := s.dir.depts[p]; x != nil && c.canSeeDept(x) {
			parties = append(parties, p)
		}
	}
	return struct {
		status
		TagName   string        `json:"tagname"`
		UserList  []tagUserJSON `json:"userlist"`
		PartyList []int         `json:"partylist"`
	}{statusOK, t.name, users, parties}, nil
}

// AddTag creates a tag (or replaces the one with the same id) for tests and demos.
func (s *Sim) AddTag(t Tag) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tags[t.ID] = newTag(t)
}
