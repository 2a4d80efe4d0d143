package services

import (
	"context"
	"errors"
	"time"

	"wecom-bridge/backend/binding"
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
	s.Corps.SetLookupProbe(lookupProbe{s})
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

// lookupProbe gives the connectivity check its lookup value and keeps the
// answer with the rematches' (review.ProbeValue, review.RecordProbe).
type lookupProbe struct{ s *Services }

// Sample is the active local accounts' mobiles, then their emails, as the
// review picks among them.
func (p lookupProbe) Sample(ctx context.Context, corpID int64) (mobile, email string, recent int, err error) {
	accounts, err := p.s.Directory.AllAccounts(ctx)
	if err != nil {
		return "", "", 0, err
	}
	var mobiles, emails []review.LookupValue
	for _, a := range accounts {
		if a.Status == directory.StatusResigned {
			continue
		}
		if m := binding.NormalizeMobile(a.Mobile); m != "" {
			mobiles = append(mobiles, review.LookupValue{Mobile: m})
		}
		if e := binding.NormalizeEmail(a.Email); e != "" {
			emails = append(emails, review.LookupValue{Email: e})
		}
	}
	v, recent, ok, err := p.s.Review.ProbeValue(ctx, corpID, append(mobiles, emails...))
	if err != nil || !ok {
		return "", "", recent, err
	}
	return v.Mobile, v.Email, 0, nil
}

func (p lookupProbe) Record(ctx context.Context, corpID int64, mobile, email, userid string, errcode int) error {
	return p.s.Review.RecordProbe(ctx, corpID, review.LookupValue{Mobile: mobile, Email: email}, userid, errcode)
}

func (p lookupProbe) RecordBlock(ctx context.Context, corpID int64) (time.Time, error) {
	return p.s.Review.RecordLookupBlock(ctx, corpID)
}
