package wecom

import (
	"context"
	"fmt"
	"net/url"
)

// The credential of these calls must be the 客户联系 secret (older corps) or
// an app configured under 客户联系 → 可调用接口的应用.

// ExternalContact is a customer as externalcontact/get returns it.
type ExternalContact struct {
	ExternalUserID  string           `json:"external_userid"`
	Name            string           `json:"name"`
	Position        string           `json:"position,omitempty"`
	Avatar          string           `json:"avatar,omitempty"`
	CorpName        string           `json:"corp_name,omitempty"`
	CorpFullName    string           `json:"corp_full_name,omitempty"`
	Type            int              `json:"type"`   // 1 WeChat user, 2 WeCom user
	Gender          int              `json:"gender"` // 0 unknown, 1 male, 2 female (a number here)
	UnionID         string           `json:"unionid,omitempty"`
	ExternalProfile *ExternalProfile `json:"external_profile,omitempty"`
}

// FollowUser is a member who added the customer (externalcontact/get).
type FollowUser struct {
	UserID         string          `json:"userid"`
	Remark         string          `json:"remark"`
	Description    string          `json:"description"`
	CreateTime     int64           `json:"createtime"`
	Tags           []FollowUserTag `json:"tags"`
	RemarkCorpName string          `json:"remark_corp_name,omitempty"`
	RemarkMobiles  []string        `json:"remark_mobiles,omitempty"`
	OperUserID     string          `json:"oper_userid"`
	AddWay         int             `json:"add_way"`
	State          string          `json:"state,omitempty"`
}

// FollowUserTag is a tag the member put on the customer: Type 1 corp, 2 personal, 3 rule group.
type FollowUserTag struct {
	GroupName string `json:"group_name"`
	TagName   string `json:"tag_name"`
	TagID     string `json:"tag_id,omitempty"`
	Type      int    `json:"type"`
}

// ExternalContactDetail is externalcontact/get's answer. NextCursor is set
// when the customer has more than 500 followers.
type ExternalContactDetail struct {
	ExternalContact ExternalContact `json:"external_contact"`
	FollowUser      []FollowUser    `json:"follow_user"`
	NextCursor      string          `json:"next_cursor"`
}

// FollowInfo is one member's side of a customer in batch/get_by_user (tag ids only).
type FollowInfo struct {
	UserID         string   `json:"userid"`
	Remark         string   `json:"remark"`
	Description    string   `json:"description"`
	CreateTime     int64    `json:"createtime"`
	TagID          []string `json:"tag_id"`
	RemarkCorpName string   `json:"remark_corp_name,omitempty"`
	RemarkMobiles  []string `json:"remark_mobiles,omitempty"`
	OperUserID     string   `json:"oper_userid"`
	AddWay         int      `json:"add_way"`
	State          string   `json:"state,omitempty"`
}

// ContactWithFollow is a row of batch/get_by_user.
type ContactWithFollow struct {
	ExternalContact ExternalContact `json:"external_contact"`
	FollowInfo      FollowInfo      `json:"follow_info"`
}

// BatchGetByUserRequest is the body of externalcontact/batch/get_by_user:
// ≤100 userids, limit ≤100 (0 = WeCom's default 50).
type BatchGetByUserRequest struct {
	UserIDList []string `json:"userid_list"`
	Cursor     string   `json:"cursor"`
	Limit      int      `json:"limit,omitempty"`
}

// BatchGetByUserResult is one page; NextCursor "" means the last.
type BatchGetByUserResult struct {
	ExternalContactList []ContactWithFollow `json:"external_contact_list"`
	NextCursor          string              `json:"next_cursor"`
}

// GetFollowUserList calls externalcontact/get_follow_user_list: members with 客户联系 enabled.
func (c *Client) GetFollowUserList(ctx context.Context, cred Credential) ([]string, error) {
	var out struct {
		FollowUser []string `json:"follow_user"`
	}
	if err := c.do(ctx, cred, get("externalcontact/get_follow_user_list", nil), &out); err != nil {
		return nil, err
	}
	return out.FollowUser, nil
}

// ListExternalContacts calls externalcontact/list: the customers' external_userids of a member.
func (c *Client) ListExternalContacts(ctx context.Context, cred Credential, userID string) ([]string, error) {
	var out struct {
		ExternalUserID []string `json:"external_userid"`
	}
	if err := c.do(ctx, cred, get("externalcontact/list", url.Values{"userid": {userID}}), &out); err != nil {
		return nil, err
	}
	return out.ExternalUserID, nil
}

// GetExternalContact calls externalcontact/get; cursor "" for the first page of followers.
func (c *Client) GetExternalContact(ctx context.Context, cred Credential, externalUserID, cursor string) (*ExternalContactDetail, error) {
	q := url.Values{"external_userid": {externalUserID}}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	var out ExternalContactDetail
	if err := c.do(ctx, cred, get("externalcontact/get", q), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// BatchGetExternalContactsByUser calls externalcontact/batch/get_by_user.
func (c *Client) BatchGetExternalContactsByUser(ctx context.Context, cred Credential, req BatchGetByUserRequest) (*BatchGetByUserResult, error) {
	if n := len(req.UserIDList); n < 1 || n > 100 {
		return nil, fmt.Errorf("wecom externalcontact/batch/get_by_user: %d userids, want 1..100", n)
	}
	if req.Limit < 0 || req.Limit > 100 {
		return nil, fmt.Errorf("wecom externalcontact/batch/get_by_user: limit %d, want 0..100", req.Limit)
	}
	var out BatchGetByUserResult
	if err := c.do(ctx, cred, post("externalcontact/batch/get_by_user", req), &out); err != nil {
		return nil, err
	}
	return &out, nil
}
