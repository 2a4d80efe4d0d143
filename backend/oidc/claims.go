package oidc

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/zitadel/oidc/v3/pkg/oidc"

	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/login"
)

// Claims beyond the standard ones (scope profile or wecom).
const (
	ClaimWeComUserID = "wecom_userid"
	ClaimWeComCorpID = "wecom_corpid"
	ClaimDepartments = "departments"
)

var supportedClaims = []string{"sub", "aud", "exp", "iat", "iss", "auth_time", "nonce", "amr", "azp",
	"name", "preferred_username", "email", "email_verified", "phone_number", "phone_number_verified",
	ClaimWeComUserID, ClaimWeComCorpID, ClaimDepartments}

// subjectOf returns the stable subject of a corp's account, creating it on
// first sign-in. It is random: never the WeCom userid or the account name.
func (s *Service) subjectOf(ctx context.Context, corpID int64, account string) (string, error) {
	var sub string
	err := s.st.DB.GetContext(ctx, &sub, `SELECT sub FROM oidc_subjects WHERE corp_id = ? AND account = ?`, corpID, account)
	if err == nil {
		return sub, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	sub = randomID(16)
	if _, err := s.st.DB.ExecContext(ctx, `INSERT INTO oidc_subjects(sub, corp_id, account) VALUES (?, ?, ?)
		ON CONFLICT(corp_id, account) DO NOTHING`, sub, corpID, account); err != nil {
		return "", err
	}
	err = s.st.DB.GetContext(ctx, &sub, `SELECT sub FROM oidc_subjects WHERE corp_id = ? AND account = ?`, corpID, account)
	return sub, err
}

// member is who a subject is now: the account, its confirmed WeCom member
// and the corp. ok is false when the binding is no longer confirmed or the
// account resigned: such a subject gets no claims.
type member struct {
	corpID  int64
	corpWW  string
	account directory.Account
	userid  string
}

func (s *Service) memberOf(ctx context.Context, sub string) (*member, string, error) {
	var row struct {
		CorpID  int64  `db:"corp_id"`
		Account string `db:"account"`
	}
	if err := s.st.DB.GetContext(ctx, &row, `SELECT corp_id, account FROM oidc_subjects WHERE sub = ?`, sub); err != nil {
		return nil, login.ResultUnbound, err
	}
	return s.resolveAccount(ctx, row.CorpID, row.Account, "")
}

// resolve maps a WeCom member to a local account: confirmed bindings only,
// active accounts only. The result says why not.
func (s *Service) resolve(ctx context.Context, corpID int64, userid string) (*member, string, error) {
	b, err := s.review.ForSignIn(ctx, corpID, userid)
	if err != nil {
		return nil, login.ResultWeComError, err
	}
	if !b.Confirmed {
		if b.Awaiting {
			return &member{corpID: corpID, userid: userid, account: directory.Account{Account: b.Pending}}, login.ResultUnconfirmed, nil
		}
		return &member{corpID: corpID, userid: userid}, login.ResultUnbound, nil
	}
	return s.resolveAccount(ctx, corpID, b.Account, userid)
}

func (s *Service) resolveAccount(ctx context.Context, corpID int64, account, userid string) (*member, string, error) {
	if userid == "" {
		u, err := s.review.ConfirmedUserID(ctx, corpID, account)
		if err != nil {
			return nil, login.ResultWeComError, err
		}
		if userid = u; userid == "" {
			return &member{corpID: corpID, account: directory.Account{Account: account}}, login.ResultUnbound, nil
		}
	}
	m := &member{corpID: corpID, userid: userid, account: directory.Account{Account: account}}
	id, err := s.dir.AccountID(ctx, account)
	if errors.Is(err, directory.ErrNotFound) {
		return m, login.ResultUnbound, nil
	}
	if err != nil {
		return nil, login.ResultWeComError, err
	}
	if m.account, err = s.dir.GetAccount(ctx, id); err != nil {
		return nil, login.ResultWeComError, err
	}
	if m.account.Status == directory.StatusResigned {
		return m, login.ResultResigned, nil
	}
	c, err := s.corps.Get(ctx, corpID)
	if err != nil {
		return nil, login.ResultWeComError, err
	}
	m.corpWW = c.CorpID
	return m, login.ResultOK, nil
}

// fill sets the claims the scopes grant.
func (m *member) fill(info *oidc.UserInfo, sub string, scopes []string) {
	info.Subject = sub
	for _, sc := range scopes {
		switch sc {
		case oidc.ScopeProfile:
			info.Name = m.account.Name
			info.PreferredUsername = m.account.Account
			m.wecomClaims(info)
		case oidc.ScopeEmail:
			if m.account.Email != "" {
				info.Email, info.EmailVerified = m.account.Email, oidc.Bool(false)
			}
		case oidc.ScopePhone:
			if m.account.Mobile != "" {
				info.PhoneNumber, info.PhoneNumberVerified = m.account.Mobile, false
			}
		case "wecom":
			m.wecomClaims(info)
		}
	}
}

func (m *member) wecomClaims(info *oidc.UserInfo) {
	depts := make([]string, 0, len(m.account.DeptPaths))
	for _, p := range m.account.DeptPaths {
		depts = append(depts, strings.Join(p, "/"))
	}
	info.AppendClaims(ClaimWeComUserID, m.userid)
	info.AppendClaims(ClaimWeComCorpID, m.corpWW)
	info.AppendClaims(ClaimDepartments, depts)
}
