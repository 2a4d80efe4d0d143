package wecomsim

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// agentParam reads ?agentid= and checks it is the token's own app.
func (c *call) agentParam() *apiError {
	v := c.param("agentid")
	if v == "" {
		return apiErr(41011)
	}
	id, ok := c.intParam("agentid")
	if !ok || id <= 0 {
		return apiErr(40056)
	}
	if id != c.agent {
		return apiErr(301002)
	}
	return nil
}

type agentUserJSON struct {
	UserID string `json:"userid"`
}

func (s *Sim) agentGet(c *call) (any, *apiError) {
	if err := c.agentParam(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	a := c.app
	users := make([]agentUserJSON, len(a.allowUser))
	for i, u := range a.allowUser {
		users[i] = agentUserJSON{u}
	}
	type userList struct {
		User []agentUserJSON `json:"user"`
	}
	type partyList struct {
		PartyID []int `json:"partyid"`
	}
	type tagList struct {
		TagID []int `json:"tagid"`
	}
	return struct {
		status
		AgentID            int       `json:"agentid"`
		Name               string    `json:"name"`
		SquareLogoURL      string    `json:"square_logo_url"`
		Description        string    `json:"description"`
		AllowUserInfos     userList  `json:"allow_userinfos"`
		AllowPartys        partyList `json:"allow_partys"`
		AllowTags          tagList   `json:"allow_tags"`
		Close              int       `json:"close"`
		RedirectDomain     string    `json:"redirect_domain"`
		ReportLocationFlag int       `json:"report_location_flag"`
		IsReportEnter      int       `json:"isreportenter"`
		HomeURL            string    `json:"home_url"`
	}{statusOK, a.agentID, a.name, "https://p.qlogo.cn/bizmail/sim" + strconv.Itoa(a.agentID) + "/0",
		a.description, userList{users}, partyList{slices.Clone(a.allowParty)}, tagList{[]int{}}, 0,
		a.redirectDomain, a.reportLocation, a.isReportEnter, a.homeURL}, nil
}

func (s *Sim) agentSet(c *call) (any, *apiError) {
	var b struct {
		AgentID            int     `json:"agentid"`
		ReportLocationFlag *int    `json:"report_location_flag"`
		LogoMediaID        string  `json:"logo_mediaid"`
		Name               *string `json:"name"`
		Description        *string `json:"description"`
		RedirectDomain     *string `json:"redirect_domain"`
		IsReportEnter      *int    `json:"isreportenter"`
		HomeURL            *string `json:"home_url"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	switch {
	case b.AgentID == 0:
		return nil, apiErr(41011)
	case b.AgentID != c.agent:
		return nil, apiErr(301002)
	case b.Name != nil && (*b.Name == "" || utf8.RuneCountInString(*b.Name) > 32):
		return nil, apiErr(45022)
	case b.Description != nil && (utf8.RuneCountInString(*b.Description) < 4 || utf8.RuneCountInString(*b.Description) > 120):
		return nil, apiErr(45004)
	case b.RedirectDomain != nil && strings.ContainsAny(*b.RedirectDomain, "/ "):
		return nil, apiErr(85005)
	case b.ReportLocationFlag != nil && (*b.ReportLocationFlag < 0 || *b.ReportLocationFlag > 1),
		b.IsReportEnter != nil && (*b.IsReportEnter < 0 || *b.IsReportEnter > 1):
		return nil, apiErrf(40059, "invalid report location flag")
	case b.HomeURL != nil && *b.HomeURL != "" && !strings.HasPrefix(*b.HomeURL, "http://") && !strings.HasPrefix(*b.HomeURL, "https://"):
		return nil, apiErrf(40094, "invalid url")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := c.app
	setIf(&a.name, b.Name)
	setIf(&a.description, b.Description)
	setIf(&a.redirectDomain, b.RedirectDomain)
	setIf(&a.homeURL, b.HomeURL)
	setIf(&a.reportLocation, b.ReportLocationFlag)
	setIf(&a.isReportEnter, b.IsReportEnter)
	return statusOK, nil
}

func setIf[T any](dst *T, src *T) {
	if src != nil {
		*dst = *src
	}
}

type menuButton struct {
	Type      string       `json:"type"`
	Name      string       `json:"name"`
	Key       string       `json:"key"`
	URL       string       `json:"url"`
	AppID     string       `json:"appid"`
	PagePath  string       `json:"pagepath"`
	SubButton []menuButton `json:"sub_button"`
}

var menuTypes = []string{"click", "view", "scancode_push", "scancode_waitmsg", "pic_sysphoto",
	"pic_photo_or_album", "pic_weixin", "location_select", "view_miniprogram"}

// checkButton validates a leaf button; sub picks the sub-menu errcodes.
func checkButton(b menuButton, sub bool) *apiError {
	code := func(top, subCode int) *apiError {
		if sub {
			return apiErr(subCode)
		}
		return apiErr(top)
	}
	maxName := 16
	if sub {
		maxName = 40
	}
	switch {
	case b.Name == "" || len(b.Name) > maxName:
		return code(40018, 40025)
	case !slices.Contains(menuTypes, b.Type):
		return code(40017, 40024)
	case b.Type == "view" && (b.URL == "" || len(b.URL) > 1024):
		return code(40020, 40027)
	case b.Type == "view_miniprogram" && (b.AppID == "" || b.PagePath == ""):
		return apiErrf(40058, "invalid Parameter, view_miniprogram needs appid and pagepath")
	case b.Type != "view" && b.Type != "view_miniprogram" && (b.Key == "" || len(b.Key) > 128):
		return code(40019, 40026)
	}
	return nil
}

func (s *Sim) menuCreate(c *call) (any, *apiError) {
	if err := c.agentParam(); err != nil {
		return nil, err
	}
	var b struct {
		Button []menuButton `json:"button"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if len(b.Button) == 0 || len(b.Button) > 3 {
		return nil, apiErr(40016)
	}
	for _, top := range b.Button {
		if len(top.SubButton) == 0 {
			if err := checkButton(top, false); err != nil {
				return nil, err
			}
			continue
		}
		if top.Name == "" || len(top.Name) > 16 {
			return nil, apiErr(40018)
		}
		if len(top.SubButton) > 5 {
			return nil, apiErr(40023)
		}
		for _, sb := range top.SubButton {
			if len(sb.SubButton) > 0 {
				return nil, apiErrf(40022, "invalid sub menu level")
			}
			if err := checkButton(sb, true); err != nil {
				return nil, err
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c.app.menu = append([]byte(nil), c.body...)
	return statusOK, nil
}

func (s *Sim) menuGet(c *call) (any, *apiError) {
	if err := c.agentParam(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	menu := c.app.menu
	s.mu.RUnlock()
	if menu == nil {
		return nil, apiErr(46003)
	}
	var b struct {
		Button json.RawMessage `json:"button"`
	}
	json.Unmarshal(menu, &b)
	return struct {
		status
		Button json.RawMessage `json:"button"`
	}{statusOK, b.Button}, nil
}

func (s *Sim) menuDelete(c *call) (any, *apiError) {
	if err := c.agentParam(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c.app.menu = nil
	return statusOK, nil
}
