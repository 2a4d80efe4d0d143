package services

import (
	"context"
	"errors"

	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/review"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// wireLookups lets rematches ask WeCom who owns a mobile or an email, and
// the connectivity check try one lookup with a value of the local directory.
func (s *Services) wireLookups() {
	s.Review.SetLookups(s.lookupFor)
	s.Corps.SetLookupSample(s.lookupSample)
}

// lookupFor is the corp's Lookup: through the 通讯录同步 secret when it is
// configured, else the first app (corp.Credentials.LookupCredential).
func (s *Services) lookupFor(ctx context.Context, corpID int64) (review.Lookup, error) {
	client, creds, err := s.Corps.Client(ctx, corpID)
	if err != nil {
		return nil, err
	}
	cred, ok := creds.LookupCredential()
	if !ok {
		return nil, nil
	}
	return wecomLookup{client: client, cred: cred}, nil
}

// wecomLookup asks WeCom through one credential.
type wecomLookup struct {
	client *wecom.Client
	cred   wecom.Credential
}

func (w wecomLookup) Via() string { return corp.LookupVia(w.cred) }

func (w wecomLookup) UserIDByMobile(ctx context.Context, mobile string) (string, error) {
	uid, err := w.client.GetUserIDByMobile(ctx, w.cred, mobile)
	return uid, lookupError("user/getuserid", w.cred, err)
}

func (w wecomLookup) UserIDByEmail(ctx context.Context, email string) (string, error) {
	uid, err := w.client.GetUserIDByEmail(ctx, w.cred, email, 0)
	return uid, lookupError("user/get_userid_by_email", w.cred, err)
}

// lookupError sorts WeCom's answer for the review: no owner (46004) or a
// value WeCom refuses (40058) is a miss, 45009 the daily block, anything
// else the admin's message (errcode, meaning, fix).
func lookupError(api string, cred wecom.Credential, err error) error {
	var we *wecom.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &we) && (we.Code == 46004 || we.Code == 40058):
		return &review.MissError{Code: we.Code}
	case errors.As(err, &we) && we.Code == wecom.CodeAPIFreqOutOfLimit:
		return review.ErrLookupBlocked
	case errors.As(err, &we):
		return usererr.Wrap(err, "wecom_error", usererr.Args{"api": api, "cred": cred, "detail": err.Error(), "fix": we.Hint().Explain()})
	}
	return err
}

// lookupSample is a mobile (else an email) of an active local account.
func (s *Services) lookupSample(ctx context.Context) (mobile, email string, err error) {
	accounts, err := s.Directory.AllAccounts(ctx)
	if err != nil {
		return "", "", err
	}
	for _, a := range accounts {
		if a.Status == directory.StatusResigned {
			continue
		}
		if a.Mobile != "" {
			return a.Mobile, "", nil
		}
		if email == "" {
			email = a.Email
		}
	}
	return "", email, nil
}
