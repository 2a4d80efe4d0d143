package wecom

import (
	"context"
	"net/url"
)

// Menu is an app's menu: 1..3 buttons, each with 1..5 sub-buttons or an action.
type Menu struct {
	Button []MenuButton `json:"button"`
}

// MenuButton is a menu entry. Type is click, view, scancode_push,
// scancode_waitmsg, pic_sysphoto, pic_photo_or_album, pic_weixin,
// location_select or view_miniprogram; empty for a parent of SubButton.
type MenuButton struct {
	Type      string       `json:"type,omitempty"`
	Name      string       `json:"name"`
	Key       string       `json:"key,omitempty"`      // click etc., ≤128 bytes
	URL       string       `json:"url,omitempty"`      // view, ≤1024 bytes, trusted domain
	AppID     string       `json:"appid,omitempty"`    // view_miniprogram
	PagePath  string       `json:"pagepath,omitempty"` // view_miniprogram
	SubButton []MenuButton `json:"sub_button,omitempty"`
}

// menuQuery: the menu APIs take agentid in the query, not the body.
func menuQuery(cred Credential, agentID int64) url.Values {
	if agentID == 0 {
		agentID = cred.AgentID
	}
	return idQuery("agentid", agentID)
}

// CreateMenu calls menu/create. agentID 0 means the credential's.
func (c *Client) CreateMenu(ctx context.Context, cred Credential, agentID int64, m Menu) error {
	r := post("menu/create", m)
	r.query = menuQuery(cred, agentID)
	return c.do(ctx, cred, r, nil)
}

// GetMenu calls menu/get (46003 when the app has none).
func (c *Client) GetMenu(ctx context.Context, cred Credential, agentID int64) (*Menu, error) {
	var out Menu
	if err := c.do(ctx, cred, get("menu/get", menuQuery(cred, agentID)), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// DeleteMenu calls menu/delete.
func (c *Client) DeleteMenu(ctx context.Context, cred Credential, agentID int64) error {
	return c.do(ctx, cred, get("menu/delete", menuQuery(cred, agentID)), nil)
}
