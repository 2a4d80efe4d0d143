package wecom

import "context"

// Agent is agent/get's answer.
type Agent struct {
	AgentID                 int64        `json:"agentid"`
	Name                    string       `json:"name"`
	SquareLogoURL           string       `json:"square_logo_url"`
	Description             string       `json:"description"`
	AllowUserInfos          AgentUsers   `json:"allow_userinfos"`
	AllowPartys             AgentParties `json:"allow_partys"`
	AllowTags               AgentTags    `json:"allow_tags"`
	Close                   int          `json:"close"` // 1 = disabled
	RedirectDomain          string       `json:"redirect_domain"`
	ReportLocationFlag      int          `json:"report_location_flag"`
	IsReportEnter           int          `json:"isreportenter"`
	HomeURL                 string       `json:"home_url"`
	CustomizedPublishStatus int          `json:"customized_publish_status,omitempty"`
}

// AgentUsers are the members named in an app's visibility.
type AgentUsers struct {
	User []UserRef `json:"user"`
}

// AgentParties are the departments in an app's visibility.
type AgentParties struct {
	PartyID []int64 `json:"partyid"`
}

// AgentTags are the tags in an app's visibility.
type AgentTags struct {
	TagID []int64 `json:"tagid"`
}

// VisibleUserIDs lists the userids in the app's visibility (members named directly).
func (a *Agent) VisibleUserIDs() []string {
	ids := make([]string, 0, len(a.AllowUserInfos.User))
	for _, u := range a.AllowUserInfos.User {
		ids = append(ids, u.UserID)
	}
	return ids
}

// AgentSettings is the body of agent/set: nil fields stay unchanged.
// AgentID 0 means the credential's.
type AgentSettings struct {
	AgentID            int64   `json:"agentid"`
	ReportLocationFlag *int    `json:"report_location_flag,omitempty"`
	LogoMediaID        *string `json:"logo_mediaid,omitempty"`
	Name               *string `json:"name,omitempty"`        // ≤32 characters (45022)
	Description        *string `json:"description,omitempty"` // 4..120 characters (45004)
	RedirectDomain     *string `json:"redirect_domain,omitempty"`
	IsReportEnter      *int    `json:"isreportenter,omitempty"`
	HomeURL            *string `json:"home_url,omitempty"`
}

// GetAgent calls agent/get. agentID 0 means the credential's.
func (c *Client) GetAgent(ctx context.Context, cred Credential, agentID int64) (*Agent, error) {
	if agentID == 0 {
		agentID = cred.AgentID
	}
	var out Agent
	if err := c.do(ctx, cred, get("agent/get", idQuery("agentid", agentID)), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// SetAgent calls agent/set.
func (c *Client) SetAgent(ctx context.Context, cred Credential, s AgentSettings) error {
	if s.AgentID == 0 {
		s.AgentID = cred.AgentID
	}
	return c.do(ctx, cred, post("agent/set", s), nil)
}
