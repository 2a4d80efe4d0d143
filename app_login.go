package main

import (
	"wecom-bridge/backend/contract"
	"wecom-bridge/backend/login"
	"wecom-bridge/backend/oidc"
	"wecom-bridge/backend/wecom"
)

// The 登录链接 page (docs/login.md): link builders, QR codes, invitations,
// the trusted-domain file, the OIDC clients and the sign-in log.

// BuildLoginLink builds an OAuth, web QR login or free-login link.
func (a *App) BuildLoginLink(req login.LinkRequest) (login.Link, error) {
	return contract.Result(a.svc.Login.BuildLink(a.ctx, req))
}

// LoginQRCode renders content as a PNG QR code (size s, m or l) and returns
// it as a data: URL for the page to show and download.
func (a *App) LoginQRCode(content, size string) (string, error) {
	return contract.Result(login.QRDataURL(content, size))
}

// GetJoinQRCode asks WeCom for the corp's join QR code (size 1–4).
func (a *App) GetJoinQRCode(corpID int64, sizeType int) (login.JoinQR, error) {
	return contract.Result(a.svc.Login.JoinQRCode(a.ctx, corpID, sizeType))
}

// InviteMembers sends WeCom invitations to members, departments and tags.
func (a *App) InviteMembers(corpID int64, in wecom.Invite) (*wecom.InviteResult, error) {
	return contract.Result(a.svc.Login.Invite(a.ctx, corpID, in))
}

// GetVerifyFile returns the uploaded WW_verify_*.txt (empty name: none).
func (a *App) GetVerifyFile() (login.VerifyFile, error) {
	return contract.Result(a.svc.Login.GetVerifyFile(a.ctx))
}

// SetVerifyFile stores the WW_verify_*.txt to serve ("" name removes it).
func (a *App) SetVerifyFile(name, content string) (login.VerifyFile, error) {
	return contract.Result(a.svc.Login.SetVerifyFile(a.ctx, name, []byte(content)))
}

// ListSignIns lists the sign-in log, newest first.
func (a *App) ListSignIns(offset, limit int) (login.SignInPage, error) {
	return contract.Result(a.svc.Login.SignIns(a.ctx, offset, limit))
}

// GetOIDCInfo returns the issuer and the endpoints relying parties use.
func (a *App) GetOIDCInfo() (oidc.Info, error) {
	return contract.Result(a.svc.OIDC.Info(a.ctx))
}

// ListOIDCClients lists the systems that sign members in through the bridge.
func (a *App) ListOIDCClients() ([]oidc.Client, error) {
	return contract.Result(a.svc.OIDC.Clients(a.ctx))
}

// AddOIDCClient registers a system; its secret is in the answer only.
func (a *App) AddOIDCClient(in oidc.ClientInput) (oidc.NewClient, error) {
	return contract.Result(a.svc.OIDC.AddClient(a.ctx, in, a.svc.Actor))
}

// RemoveOIDCClient removes a system.
func (a *App) RemoveOIDCClient(clientID string) error {
	return a.svc.OIDC.RemoveClient(a.ctx, clientID)
}
