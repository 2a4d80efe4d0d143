package wecom

import "context"

// Tag is a row of tag/list.
type Tag struct {
	TagID   int64  `json:"tagid"`
	TagName string `json:"tagname"`
}

// TagMembers is tag/get's answer: only members within the app's scope.
type TagMembers struct {
	TagName   string    `json:"tagname"`
	UserList  []UserRef `json:"userlist"`
	PartyList []int64   `json:"partylist"`
}

// UserRef names a member (tag members, app visibility).
type UserRef struct {
	UserID string `json:"userid"`
	Name   string `json:"name,omitempty"`
}

// ListTags calls tag/list.
func (c *Client) ListTags(ctx context.Context, cred Credential) ([]Tag, error) {
	var out struct {
		TagList []Tag `json:"taglist"`
	}
	if err := c.do(ctx, cred, get("tag/list", nil), &out); err != nil {
		return nil, err
	}
	return out.TagList, nil
}

// GetTag calls tag/get.
func (c *Client) GetTag(ctx context.Context, cred Credential, tagID int64) (*TagMembers, error) {
	var out TagMembers
	if err := c.do(ctx, cred, get("tag/get", idQuery("tagid", tagID)), &out); err != nil {
		return nil, err
	}
	return &out, nil
}
