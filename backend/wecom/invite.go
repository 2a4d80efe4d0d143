package wecom

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
)

// Join-QR sizes of corp/get_join_qrcode (doc 91714): size_type 1…4 give
// 171×171, 399×399, 741×741 and 2052×2052 pixels.
var JoinQRSizes = map[int]int{1: 171, 2: 399, 3: 741, 4: 2052}

// Invitation limits of batch/invite (doc 90975).
const (
	InviteMaxUsers = 1000
	InviteMaxParty = 100
	InviteMaxTags  = 100
)

// GetJoinQRCode calls corp/get_join_qrcode and returns the URL of the corp's
// join QR image (valid 7 days per WeCom; needs the 通讯录同步 secret).
func (c *Client) GetJoinQRCode(ctx context.Context, cred Credential, sizeType int) (string, error) {
	if _, ok := JoinQRSizes[sizeType]; !ok {
		return "", fmt.Errorf("wecom: join QR size_type must be 1, 2, 3 or 4, not %d", sizeType)
	}
	var out struct {
		JoinQRCode string `json:"join_qrcode"`
	}
	if err := c.do(ctx, cred, get("corp/get_join_qrcode", url.Values{"size_type": {strconv.Itoa(sizeType)}}), &out); err != nil {
		return "", err
	}
	return out.JoinQRCode, nil
}

// Invite is batch/invite's request: members, departments and tags to invite.
type Invite struct {
	User  []string `json:"user,omitempty"`
	Party []int64  `json:"party,omitempty"`
	Tag   []int64  `json:"tag,omitempty"`
}

// InviteResult lists what WeCom could not invite (unknown ids, already
// active members, outside the caller's scope).
type InviteResult struct {
	InvalidUser  []string `json:"invaliduser"`
	InvalidParty []int64  `json:"invalidparty"`
	InvalidTag   []int64  `json:"invalidtag"`
}

// BatchInvite calls batch/invite. At least one list must be non-empty and
// each is bounded (1,000 members, 100 departments, 100 tags).
func (c *Client) BatchInvite(ctx context.Context, cred Credential, in Invite) (*InviteResult, error) {
	switch {
	case len(in.User)+len(in.Party)+len(in.Tag) == 0:
		return nil, fmt.Errorf("wecom: batch/invite needs members, departments or tags")
	case len(in.User) > InviteMaxUsers:
		return nil, fmt.Errorf("wecom: batch/invite takes at most %d members, got %d", InviteMaxUsers, len(in.User))
	case len(in.Party) > InviteMaxParty:
		return nil, fmt.Errorf("wecom: batch/invite takes at most %d departments, got %d", InviteMaxParty, len(in.Party))
	case len(in.Tag) > InviteMaxTags:
		return nil, fmt.Errorf("wecom: batch/invite takes at most %d tags, got %d", InviteMaxTags, len(in.Tag))
	}
	out := InviteResult{InvalidUser: []string{}, InvalidParty: []int64{}, InvalidTag: []int64{}}
	if err := c.do(ctx, cred, post("batch/invite", in), &out); err != nil {
		return nil, err
	}
	if out.InvalidUser == nil {
		out.InvalidUser = []string{}
	}
	if out.InvalidParty == nil {
		out.InvalidParty = []int64{}
	}
	if out.InvalidTag == nil {
		out.InvalidTag = []int64{}
	}
	return &out, nil
}
