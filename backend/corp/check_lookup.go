package corp

import (
	"context"
	"errors"
	"fmt"
	"time"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// WeCom lookups (user/getuserid, user/get_userid_by_email): the binding
// review asks WeCom who owns a local account's mobile or email. They go
// through the 通讯录同步 secret when it is configured (it sees the whole
// corp), else through the first app (it sees its visible scope).

// LookupCredential is the credential lookups use, and false when the corp
// has neither secret.
func (c Credentials) LookupCredential() (wecom.Credential, bool) {
	if c.HasContact() {
		return c.Contact, true
	}
	if len(c.Apps) > 0 {
		return c.Apps[0], true
	}
	return wecom.Credential{}, false
}

// LookupVia names a lookup credential for the binding summary:
// "contact" or "app:AGENTID".
func LookupVia(cred wecom.Credential) string {
	if cred.AgentID == 0 {
		return "contact"
	}
	return fmt.Sprintf("app:%d", cred.AgentID)
}

// LookupProbe gives the connectivity check a value of the local directory
// to look up and keeps the answer with the binding review's (set at wiring
// time with SetLookupProbe), so the check spends no more of WeCom's daily
// failure budget than a rematch would.
type LookupProbe interface {
	// Sample is a normalised mobile (else email) worth asking about: one
	// WeCom already attributed when there is one, never one that found no
	// owner within the last 24 hours. Both "" when there is none; recent
	// then counts the values left out for a recent miss.
	Sample(ctx context.Context, corpID int64) (mobile, email string, recent int, err error)
	// Record keeps WeCom's answer: the owner, or "" and the errcode of a miss.
	Record(ctx context.Context, corpID int64, mobile, email, userid string, errcode int) error
	// RecordBlock keeps WeCom's daily block (45009) as a rematch's, so no
	// rematch asks before it ends, and returns when it ends.
	RecordBlock(ctx context.Context, corpID int64) (until time.Time, err error)
}

// SetLookupProbe lets the check try one lookup with a value of the local
// directory.
func (s *Service) SetLookupProbe(p LookupProbe) { s.lookupProbe = p }

// lookupStep proves one lookup works, or says why it cannot be tried.
func (r *checkRun) lookupStep(reach []string) stepDef {
	return stepDef{key: "lookup", title: usererr.Msg("lookup_check_title", nil), needs: reach,
		run: func(ctx context.Context, st *CheckStep) {
			cred, ok := r.cfg.cred.LookupCredential()
			if !ok {
				setDetail(st, StatusNA, usererr.Msg("lookup_check_no_secret", nil))
				return
			}
			via := lookupViaText(cred)
			var mobile, email string
			var recent int
			if r.s.lookupProbe != nil {
				var err error
				if mobile, email, recent, err = r.s.lookupProbe.Sample(ctx, r.cfg.row.ID); err != nil {
					setDetail(st, StatusFailed, usererr.Msg("lookup_check_no_sample", usererr.Args{"error": err.Error()}))
					return
				}
			}
			var uid string
			var err error
			switch {
			case mobile != "":
				st.API = "user/getuserid"
				uid, err = r.client.GetUserIDByMobile(ctx, cred, mobile)
			case email != "":
				st.API = "user/get_userid_by_email"
				uid, err = r.client.GetUserIDByEmail(ctx, cred, email, 0)
			case recent > 0:
				setDetail(st, StatusNA, usererr.Msg("lookup_check_recent_misses", usererr.Args{"count": recent, "via": via}))
				return
			default:
				setDetail(st, StatusNA, usererr.Msg("lookup_check_no_value", usererr.Args{"via": via}))
				return
			}
			r.recordLookup(ctx, mobile, email, uid, err)
			value := maskValue(mobile, email)
			var we *wecom.Error
			switch {
			case err == nil:
				setDetail(st, StatusOK, usererr.Msg("lookup_check_ok", usererr.Args{"via": via, "value": value, "userid": uid}))
			case errors.As(err, &we) && we.Code == 46004:
				setDetail(st, StatusOK, usererr.Msg("lookup_check_no_owner", usererr.Args{"via": via, "value": value}))
			case errors.As(err, &we) && we.Code == wecom.CodeAPIFreqOutOfLimit:
				setDetail(st, StatusFailed, r.recordBlock(ctx, via))
				st.Errcode = we.Code
			default:
				r.fail(st, st.API, err, nil)
			}
		}}
}

// recordLookup keeps an owner found or a miss (46004, 40058) for the
// rematches; a failure to keep it is logged, not the check's result.
func (r *checkRun) recordLookup(ctx context.Context, mobile, email, uid string, err error) {
	if r.s.lookupProbe == nil {
		return
	}
	var we *wecom.Error
	code := 0
	switch {
	case err == nil && uid != "":
	case errors.As(err, &we) && (we.Code == 46004 || we.Code == 40058):
		code = we.Code
	default:
		return // blocked or another error: nothing learned about the value
	}
	if err := r.s.lookupProbe.Record(ctx, r.cfg.row.ID, mobile, email, uid, code); err != nil {
		r.s.log.Warn("keeping the check's lookup answer failed", "corp", r.cfg.row.ID, "err", err)
	}
}

// recordBlock keeps WeCom's daily block for the rematches and says until
// when it holds; without a probe, or when keeping it failed (logged), it
// says "tomorrow".
func (r *checkRun) recordBlock(ctx context.Context, via usererr.Message) usererr.Message {
	if r.s.lookupProbe != nil {
		until, err := r.s.lookupProbe.RecordBlock(ctx, r.cfg.row.ID)
		if err == nil {
			return usererr.Msg("lookup_check_blocked_until", usererr.Args{"via": via, "until": blockTime(until)})
		}
		r.s.log.Warn("keeping WeCom's lookup block failed", "corp", r.cfg.row.ID, "err", err)
	}
	return usererr.Msg("lookup_check_blocked", usererr.Args{"via": via})
}

// blockTime is the end of WeCom's block in China time, which its days
// follow, with the offset said: 2026-12-09 00:00 (UTC+08:00).
func blockTime(t time.Time) string {
	return t.In(chinaTime).Format("2006-01-02 15:04 (UTC-07:00)")
}

var chinaTime = time.FixedZone("UTC+8", 8*3600)

func setDetail(st *CheckStep, status string, m usererr.Message) {
	st.Status, st.Detail = status, m
}

func lookupViaText(cred wecom.Credential) usererr.Message {
	if cred.AgentID == 0 {
		return usererr.Msg("lookup_via_contact", nil)
	}
	return usererr.Msg("lookup_via_app", usererr.Args{"app": fmt.Sprintf("%s (%d)", cred.Name, cred.AgentID)})
}

// maskValue shows a mobile as 138****8000 and an email as it is.
func maskValue(mobile, email string) string {
	if mobile == "" {
		return email
	}
	return binding.MaskMobile(mobile)
}
