package login

import (
	"context"

	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// JoinQR is the corp's join QR code (corp/get_join_qrcode).
type JoinQR struct {
	SizeType int    `json:"sizeType"`
	Pixels   int    `json:"pixels"`
	URL      string `json:"url"`
}

// JoinQRCode asks WeCom for the corp's join QR code (通讯录同步 secret).
func (s *Service) JoinQRCode(ctx context.Context, corpID int64, sizeType int) (JoinQR, error) {
	if _, ok := wecom.JoinQRSizes[sizeType]; !ok {
		return JoinQR{}, usererr.New("login_bad_join_size", usererr.Args{"size": sizeType})
	}
	c, cred, err := s.corps.Client(ctx, corpID)
	if err != nil {
		return JoinQR{}, err
	}
	if !cred.HasContact() {
		return JoinQR{}, usererr.New("login_needs_contact_secret", nil)
	}
	u, err := c.GetJoinQRCode(ctx, cred.Contact, sizeType)
	if err != nil {
		return JoinQR{}, err
	}
	return JoinQR{SizeType: sizeType, Pixels: wecom.JoinQRSizes[sizeType], URL: u}, nil
}

// Invite invites members, departments and tags (batch/invite) with the
// 通讯录同步 secret; WeCom sends the invitations.
func (s *Service) Invite(ctx context.Context, corpID int64, in wecom.Invite) (*wecom.InviteResult, error) {
	if len(in.User)+len(in.Party)+len(in.Tag) == 0 {
		return nil, usererr.New("login_invite_empty", nil)
	}
	if len(in.User) > wecom.InviteMaxUsers || len(in.Party) > wecom.InviteMaxParty || len(in.Tag) > wecom.InviteMaxTags {
		return nil, usererr.New("login_invite_too_many", usererr.Args{"users": wecom.InviteMaxUsers, "parties": wecom.InviteMaxParty, "tags": wecom.InviteMaxTags})
	}
	c, cred, err := s.corps.Client(ctx, corpID)
	if err != nil {
		return nil, err
	}
	if !cred.HasContact() {
		return nil, usererr.New("login_needs_contact_secret", nil)
	}
	return c.BatchInvite(ctx, cred.Contact, in)
}
