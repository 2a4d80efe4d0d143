package wecom

import (
	"context"
	"fmt"
	"net/url"
)

// User is a member as user/get and user/list return it. Since 2022-06-20 apps
// created after that date get no avatar, gender ("0"), mobile, email,
// biz_mail, qr_code or address here.
type User struct {
	UserID           string           `json:"userid"`
	Name             string           `json:"name"`
	Department       []int64          `json:"department"`
	Order            []int64          `json:"order"` // per department, [0, 2^32)
	Position         string           `json:"position"`
	Mobile           string           `json:"mobile"`
	Gender           string           `json:"gender"` // "0" unknown, "1" male, "2" female: a string
	Email            string           `json:"email"`
	BizMail          string           `json:"biz_mail"`
	IsLeaderInDept   []int            `json:"is_leader_in_dept"`
	DirectLeader     []string         `json:"direct_leader"`
	Avatar           string           `json:"avatar"`
	ThumbAvatar      string           `json:"thumb_avatar"`
	Telephone        string           `json:"telephone"`
	Alias            string           `json:"alias"`
	Address          string           `json:"address"`
	OpenUserID       string           `json:"open_userid"`
	MainDepartment   int64            `json:"main_department"`
	ExtAttr          *ExtAttrs        `json:"extattr,omitempty"`
	Status           int              `json:"status"` // 1 active, 2 disabled, 4 not activated, 5 left
	QRCode           string           `json:"qr_code"`
	ExternalPosition string           `json:"external_position"`
	ExternalProfile  *ExternalProfile `json:"external_profile,omitempty"`
	EnglishName      string           `json:"english_name,omitempty"` // old docs only
}

// User.Status values.
const (
	UserActive      = 1 // 已激活
	UserDisabled    = 2 // 已禁用
	UserInactive    = 4 // 未激活
	UserLeftTheCorp = 5 // 退出企业
)

const (
	maxBatchDelete = 200   // user/batchdelete
	maxListIDLimit = 10000 // user/list_id
)

// ExtAttrs holds custom fields (extattr).
type ExtAttrs struct {
	Attrs []ExtAttr `json:"attrs"`
}

// ExtAttr is one custom field: Type 0 text, 1 web, 2 mini program.
type ExtAttr struct {
	Type        int              `json:"type"`
	Name        string           `json:"name"`
	Text        *ExtAttrText     `json:"text,omitempty"`
	Web         *ExtAttrWeb      `json:"web,omitempty"`
	Miniprogram *ExtAttrMiniProg `json:"miniprogram,omitempty"`
}

// ExtAttrText is a text custom field.
type ExtAttrText struct {
	Value string `json:"value"`
}

// ExtAttrWeb is a web-link custom field.
type ExtAttrWeb struct {
	URL   string `json:"url"`
	Title string `json:"title"`
}

// ExtAttrMiniProg is a mini-program custom field.
type ExtAttrMiniProg struct {
	AppID    string `json:"appid"`
	PagePath string `json:"pagepath"`
	Title    string `json:"title"`
}

// ExternalProfile is what outside contacts see of a member.
type ExternalProfile struct {
	ExternalCorpName string          `json:"external_corp_name,omitempty"`
	WechatChannels   *WechatChannels `json:"wechat_channels,omitempty"`
	ExternalAttr     []ExtAttr       `json:"external_attr,omitempty"`
}

// WechatChannels is the member's 视频号. Status is read-only.
type WechatChannels struct {
	Nickname string `json:"nickname"`
	Status   int    `json:"status,omitempty"`
}

// UserWrite is the body of user/create and user/update. Only UserID is always
// sent. A nil pointer or nil slice leaves the field out (unchanged on update);
// a non-nil one is sent even when empty or zero, so Enable can be 0 and
// Position can be cleared with Ptr(""), DirectLeader with []string{}.
type UserWrite struct {
	UserID           string           `json:"userid"`
	NewUserID        *string          `json:"new_userid,omitempty"` // update only; system-generated userids, once
	Name             *string          `json:"name,omitempty"`
	Alias            *string          `json:"alias,omitempty"`
	Mobile           *string          `json:"mobile,omitempty"`
	Department       []int64          `json:"department,omitzero"`
	Order            []int64          `json:"order,omitzero"`
	Position         *string          `json:"position,omitempty"`
	Gender           *string          `json:"gender,omitempty"` // "1" male, "2" female
	Email            *string          `json:"email,omitempty"`
	BizMail          *string          `json:"biz_mail,omitempty"`
	IsLeaderInDept   []int            `json:"is_leader_in_dept,omitzero"`
	DirectLeader     []string         `json:"direct_leader,omitzero"`
	Enable           *int             `json:"enable,omitempty"` // 1 enabled, 0 disabled
	AvatarMediaID    *string          `json:"avatar_mediaid,omitempty"`
	Telephone        *string          `json:"telephone,omitempty"`
	Address          *string          `json:"address,omitempty"`
	MainDepartment   *int64           `json:"main_department,omitempty"`
	ExtAttr          *ExtAttrs        `json:"extattr,omitempty"`
	ToInvite         *bool            `json:"to_invite,omitempty"` // create only; WeCom's default is true
	ExternalPosition *string          `json:"external_position,omitempty"`
	ExternalProfile  *ExternalProfile `json:"external_profile,omitempty"`
	Nickname         *string          `json:"nickname,omitempty"`
}

// UserSimple is a row of user/simplelist.
type UserSimple struct {
	UserID     string  `json:"userid"`
	Name       string  `json:"name"`
	Department []int64 `json:"department"`
	OpenUserID string  `json:"open_userid,omitempty"`
}

// DeptUser is a row of user/list_id: one per (member, department).
type DeptUser struct {
	UserID     string `json:"userid"`
	Department int64  `json:"department"`
}

// UserIDPage is one page of user/list_id. NextCursor "" means the last page.
type UserIDPage struct {
	NextCursor string     `json:"next_cursor"`
	DeptUser   []DeptUser `json:"dept_user"`
}

// GetUser calls user/get.
func (c *Client) GetUser(ctx context.Context, cred Credential, userID string) (*User, error) {
	var out User
	if err := c.do(ctx, cred, get("user/get", url.Values{"userid": {userID}}), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListUsers calls user/list for the members directly in deptID. It does not
// recurse: walk ListDepartmentIDs and call it per department (fetch_child is
// deprecated and makes big corps hit 45029).
func (c *Client) ListUsers(ctx context.Context, cred Credential, deptID int64) ([]User, error) {
	var out struct {
		UserList []User `json:"userlist"`
	}
	if err := c.do(ctx, cred, get("user/list", idQuery("department_id", deptID)), &out); err != nil {
		return nil, err
	}
	return out.UserList, nil
}

// ListUsersSimple calls user/simplelist for the members directly in deptID.
func (c *Client) ListUsersSimple(ctx context.Context, cred Credential, deptID int64) ([]UserSimple, error) {
	var out struct {
		UserList []UserSimple `json:"userlist"`
	}
	if err := c.do(ctx, cred, get("user/simplelist", idQuery("department_id", deptID)), &out); err != nil {
		return nil, err
	}
	return out.UserList, nil
}

// ListUserIDs calls user/list_id for one page. cursor "" starts; limit is
// 1..10000 (0 means 10000). Documented for the 通讯录同步 secret.
func (c *Client) ListUserIDs(ctx context.Context, cred Credential, cursor string, limit int) (*UserIDPage, error) {
	if limit == 0 {
		limit = maxListIDLimit
	}
	if limit < 1 || limit > maxListIDLimit {
		return nil, fmt.Errorf("wecom user/list_id: limit %d not in 1..%d", limit, maxListIDLimit)
	}
	body := struct {
		Cursor string `json:"cursor,omitempty"`
		Limit  int    `json:"limit"`
	}{cursor, limit}
	var out UserIDPage
	if err := c.do(ctx, cred, post("user/list_id", body), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListAllUserIDs follows user/list_id's cursor to the end.
func (c *Client) ListAllUserIDs(ctx context.Context, cred Credential) ([]DeptUser, error) {
	var all []DeptUser
	cursor := ""
	for {
		page, err := c.ListUserIDs(ctx, cred, cursor, maxListIDLimit)
		if err != nil {
			return nil, err
		}
		all = append(all, page.DeptUser...)
		if page.NextCursor == "" || page.NextCursor == cursor {
			return all, nil
		}
		cursor = page.NextCursor
	}
}

// CreateUser calls user/create (通讯录同步 secret only). 60102 means the
// userid exists: update instead.
func (c *Client) CreateUser(ctx context.Context, cred Credential, u UserWrite) error {
	return c.do(ctx, cred, post("user/create", u), nil)
}

// UpdateUser calls user/update. The mobile of an activated member is ignored by WeCom.
func (c *Client) UpdateUser(ctx context.Context, cred Credential, u UserWrite) error {
	return c.do(ctx, cred, post("user/update", u), nil)
}

// DeleteUser calls user/delete (a GET). It also deletes the member's business mailbox.
func (c *Client) DeleteUser(ctx context.Context, cred Credential, userID string) error {
	return c.do(ctx, cred, get("user/delete", url.Values{"userid": {userID}}), nil)
}

// BatchDeleteUsers calls user/batchdelete with at most 200 userids; one bad
// userid fails the whole call.
func (c *Client) BatchDeleteUsers(ctx context.Context, cred Credential, userIDs []string) error {
	if len(userIDs) == 0 || len(userIDs) > maxBatchDelete {
		return fmt.Errorf("wecom user/batchdelete: %d userids, want 1..%d", len(userIDs), maxBatchDelete)
	}
	body := struct {
		UserIDList []string `json:"useridlist"`
	}{userIDs}
	return c.do(ctx, cred, post("user/batchdelete", body), nil)
}

// lookup is a userid lookup: WeCom answers 45009 for the rest of the day
// once too many of them failed, so that answer is not waited out.
func lookup(api string, body any) request {
	r := post(api, body)
	r.dayBlock = true
	return r
}

// GetUserIDByMobile calls user/getuserid. Many misses (46004) block it for a
// day (45009, returned at once, not retried).
func (c *Client) GetUserIDByMobile(ctx context.Context, cred Credential, mobile string) (string, error) {
	body := struct {
		Mobile string `json:"mobile"`
	}{mobile}
	var out struct {
		UserID string `json:"userid"`
	}
	if err := c.do(ctx, cred, lookup("user/getuserid", body), &out); err != nil {
		return "", err
	}
	return out.UserID, nil
}

// Email types of GetUserIDByEmail.
const (
	EmailBusiness = 1 // 企业邮箱 (default)
	EmailPersonal = 2 // 个人邮箱
)

// GetUserIDByEmail calls user/get_userid_by_email. emailType 0 means EmailBusiness.
func (c *Client) GetUserIDByEmail(ctx context.Context, cred Credential, email string, emailType int) (string, error) {
	if emailType == 0 {
		emailType = EmailBusiness
	}
	body := struct {
		Email     string `json:"email"`
		EmailType int    `json:"email_type"`
	}{email, emailType}
	var out struct {
		UserID string `json:"userid"`
	}
	if err := c.do(ctx, cred, lookup("user/get_userid_by_email", body), &out); err != nil {
		return "", err
	}
	return out.UserID, nil
}
