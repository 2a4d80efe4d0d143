package wecomsim

import (
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
)

// Contact-change callbacks: when the simulated directory changes (through
// the API or the admin endpoints) and a contact callback (agentid 0) is
// configured, the simulator sends change_contact as WeCom does since
// 2022-08-15: little more than the change type and the id, so the receiver
// reads the details. Events go out one at a time, in order, off the API
// call's path (SendCallback's retries included).

var contactAdminIndex = []string{
	"POST /sim/contact/rename        {\"userid\":\"...\",\"new_userid\":\"...\"}: the admin renames a member's userid (update_user with NewUserID)",
}

// maxContactQueue bounds the events waiting to be sent; past it the oldest
// wait and new ones are dropped (WeCom, too, may drop callbacks).
const maxContactQueue = 10000

type contactEvent struct {
	XMLName      xml.Name  `xml:"xml"`
	ToUserName   cdataOut  `xml:"ToUserName"`
	FromUserName cdataOut  `xml:"FromUserName"`
	CreateTime   int64     `xml:"CreateTime"`
	MsgType      cdataOut  `xml:"MsgType"`
	Event        cdataOut  `xml:"Event"`
	ChangeType   string    `xml:"ChangeType"`
	UserID       *cdataOut `xml:"UserID,omitempty"`
	NewUserID    *cdataOut `xml:"NewUserID,omitempty"`
	ID           *cdataOut `xml:"Id,omitempty"`
}

// contactChanged queues a change_contact event (s.mu is held by the caller).
// fields are name/value pairs: "UserID", "NewUserID" or "Id".
func (s *Sim) contactChanged(changeType string, fields ...string) {
	s.cb.mu.Lock()
	defer s.cb.mu.Unlock()
	if _, ok := s.cb.targets[0]; !ok {
		return
	}
	ev := contactEvent{ToUserName: cdataOut{s.corpID}, FromUserName: cdataOut{"sys"}, CreateTime: s.clock.Now().Unix(),
		MsgType: cdataOut{"event"}, Event: cdataOut{"change_contact"}, ChangeType: changeType}
	for i := 0; i+1 < len(fields); i += 2 {
		v := &cdataOut{fields[i+1]}
		switch fields[i] {
		case "UserID":
			ev.UserID = v
		case "NewUserID":
			ev.NewUserID = v
		case "Id":
			ev.ID = v
		}
	}
	plain, err := xml.Marshal(ev)
	if err != nil {
		return
	}
	if s.cb.contactQ == nil {
		s.cb.contactQ = make(chan []byte, maxContactQueue)
		go s.sendContactEvents(s.cb.contactQ)
	}
	select {
	case s.cb.contactQ <- plain:
	default:
	}
}

func (s *Sim) sendContactEvents(q chan []byte) {
	for plain := range q {
		s.SendCallback(context.Background(), 0, "change_contact", plain)
	}
}

// RenameUser changes a member's userid, as the admin console may once for a
// system-generated userid; the contact callback gets update_user with NewUserID.
func (s *Sim) RenameUser(oldID, newID string) error {
	if !validUserID(newID) {
		return fmt.Errorf("invalid new userid %q", newID)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.dir
	m := d.user(oldID)
	if m == nil {
		return fmt.Errorf("no member %q", oldID)
	}
	if other := d.user(newID); other != nil && other != m {
		return fmt.Errorf("userid %q is taken", newID)
	}
	old := m.userid
	delete(d.users, m.key)
	m.userid, m.key = newID, strings.ToLower(newID)
	d.users[m.key] = m
	s.contactChanged("update_user", "UserID", old, "NewUserID", newID)
	return nil
}

// serveContactAdmin answers the contact admin endpoints; false when key is
// not one of them.
func (s *Sim) serveContactAdmin(w http.ResponseWriter, r *http.Request, key string) bool {
	switch key {
	case "POST /contact/rename":
		var b struct {
			UserID    string `json:"userid"`
			NewUserID string `json:"new_userid"`
		}
		if readAdmin(w, r, &b) {
			if err := s.RenameUser(b.UserID, b.NewUserID); err != nil {
				adminError(w, http.StatusBadRequest, "%v", err)
				return true
			}
			writeJSON(w, http.StatusOK, map[string]any{"ok": true})
		}
	default:
		return false
	}
	return true
}
func init() { adminIndex = append(adminIndex, contactAdminIndex...) }
