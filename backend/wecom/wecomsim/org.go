package wecomsim

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Org is a simulated corp in the file format documented in docs/sim-org-format.md.
type Org struct {
	CorpID        string       `json:"corp_id"`
	ContactSecret string       `json:"contact_secret"`
	Apps          []App        `json:"apps"`
	Departments   []Department `json:"departments"`
	Users         []User       `json:"users"`

	// Tags are seeded by GenerateOrg; they are not part of the file format.
	Tags []Tag `json:"-"`
}

// App is a self-built app (自建应用) and its visible scope.
type App struct {
	AgentID           int      `json:"agentid"`
	Secret            string   `json:"secret"`
	Name              string   `json:"name"`
	AllowParty        []int    `json:"allow_party"`
	AllowUser         []string `json:"allow_user"`
	PrivacyRestricted bool     `json:"privacy_restricted"` // created after 2022-06-20: no mobile, email, avatar…
}

// Department is one node of the department tree; the root has id 1 and parentid 0.
type Department struct {
	ID       int    `json:"id"`
	Name     string `json:"name"`
	ParentID int    `json:"parentid"`
	Order    int64  `json:"order"`
}

// User is a member. Status: 1 active, 2 disabled, 4 not activated, 5 left.
type User struct {
	UserID     string `json:"userid"`
	Name       string `json:"name"`
	Department []int  `json:"department"`
	Mobile     string `json:"mobile"`
	Email      string `json:"email"`
	Position   string `json:"position"`
	Status     int    `json:"status"`
	Enable     int    `json:"enable"`
}

// UnmarshalJSON reads a user; status and enable default to 1 when absent.
func (u *User) UnmarshalJSON(b []byte) error {
	type plain User
	p := plain{Status: 1, Enable: 1}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return err
	}
	*u = User(p)
	return nil
}

// Tag is a contact tag (标签).
type Tag struct {
	ID      int
	Name    string
	Users   []string
	Parties []int
}

// LoadOrg reads and validates an organisation file.
func LoadOrg(path string) (*Org, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	o, err := ReadOrg(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return o, nil
}

// ReadOrg decodes and validates an organisation from r.
func ReadOrg(r io.Reader) (*Org, error) {
	var o Org
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&o); err != nil {
		return nil, fmt.Errorf("decode org: %w", err)
	}
	if err := o.Validate(); err != nil {
		return nil, err
	}
	return &o, nil
}

// Dump writes the organisation as indented JSON in the file format.
func (o *Org) Dump(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(o)
}

// Validate checks what the simulator relies on: a root department 1, known
// parents without cycles, unique ids, userids, mobiles and emails, and apps
// whose scope names existing departments and users.
func (o *Org) Validate() error {
	if o.CorpID == "" {
		return errors.New("org: corp_id is empty")
	}
	if o.ContactSecret == "" {
		return errors.New("org: contact_secret is empty")
	}
	parent := make(map[int]int, len(o.Departments))
	for _, d := range o.Departments {
		if _, dup := parent[d.ID]; dup {
			return fmt.Errorf("org: department %d appears twice", d.ID)
		}
		if d.Name == "" {
			return fmt.Errorf("org: department %d has no name", d.ID)
		}
		parent[d.ID] = d.ParentID
	}
	if p, ok := parent[1]; !ok || p != 0 {
		return errors.New("org: department 1 (root, parentid 0) is missing")
	}
	for id := range parent {
		if id == 1 {
			continue
		}
		if id < 1 {
			return fmt.Errorf("org: department id %d is not positive", id)
		}
		for steps, cur := 0, id; cur != 1; steps++ {
			next, ok := parent[cur]
			if !ok || next == 0 {
				return fmt.Errorf("org: department %d: ancestor %d not found", id, cur)
			}
			if steps > len(parent) {
				return fmt.Errorf("org: department %d is in a cycle", id)
			}
			cur = next
		}
	}
	users := make(map[string]bool, len(o.Users))
	mobiles := make(map[string]bool)
	emails := make(map[string]bool)
	for _, u := range o.Users {
		key := strings.ToLower(u.UserID)
		if !validUserID(u.UserID) {
			return fmt.Errorf("org: invalid userid %q", u.UserID)
		}
		if users[key] {
			return fmt.Errorf("org: userid %q appears twice", u.UserID)
		}
		users[key] = true
		if u.Name == "" || len(u.Department) == 0 {
			return fmt.Errorf("org: user %q needs a name and a department", u.UserID)
		}
		for _, d := range u.Department {
			if _, ok := parent[d]; !ok {
				return fmt.Errorf("org: user %q: department %d not found", u.UserID, d)
			}
		}
		if u.Mobile != "" {
			if mobiles[u.Mobile] {
				return fmt.Errorf("org: mobile %s appears twice", u.Mobile)
			}
			mobiles[u.Mobile] = true
		}
		if e := strings.ToLower(u.Email); e != "" {
			if emails[e] {
				return fmt.Errorf("org: email %s appears twice", u.Email)
			}
			emails[e] = true
		}
	}
	agents := make(map[int]bool)
	for _, a := range o.Apps {
		if a.AgentID <= 0 || a.Secret == "" {
			return fmt.Errorf("org: app %q needs a positive agentid and a secret", a.Name)
		}
		if agents[a.AgentID] {
			return fmt.Errorf("org: agentid %d appears twice", a.AgentID)
		}
		agents[a.AgentID] = true
		if a.Secret == o.ContactSecret {
			return fmt.Errorf("org: app %d reuses the contact secret", a.AgentID)
		}
		for _, d := range a.AllowParty {
			if _, ok := parent[d]; !ok {
				return fmt.Errorf("org: app %d: allow_party %d not found", a.AgentID, d)
			}
		}
		for _, u := range a.AllowUser {
			if !users[strings.ToLower(u)] {
				return fmt.Errorf("org: app %d: allow_user %q not found", a.AgentID, u)
			}
		}
	}
	return nil
}
