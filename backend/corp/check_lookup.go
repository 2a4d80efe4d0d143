package corp

import (
	"context"
	"errors"
	"fmt"

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

// LookupSample gives the connectivity check a value to look up: a mobile
// or an email from the local directory ("" when it has none). Set at
// wiring time with SetLookupSample.
type LookupSample func(ctx context.Context) (mobile, email string, err error)

// SetLookupSample lets the check try one lookup with a value of the local
// directory.
func (s *Service) SetLookupSample(f LookupSample) { s.lookupSample = f }

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
			if r.s.lookupSample != nil {
				var err error
				if mobile, email, err = r.s.lookupSample(ctx); err != nil {
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
			default:
				setDetail(st, StatusNA, usererr.Msg("lookup_check_no_value", usererr.Args{"via": via}))
				return
			}
			value := maskValue(mobile, email)
			var we *wecom.Error
			switch {
			case err == nil:
				setDetail(st, StatusOK, usererr.Msg("lookup_check_ok", usererr.Args{"via": via, "value": value, "userid": uid}))
			case errors.As(err, &we) && we.Code == 46004:
				setDetail(st, StatusOK, usererr.Msg("lookup_check_no_owner", usererr.Args{"via": via, "value": value}))
			case errors.As(err, &we) && we.Code == wecom.CodeAPIFreqOutOfLimit:
				setDetail(st, StatusFailed, usererr.Msg("lookup_check_blocked", usererr.Args{"via": via}))
				st.Errcode = we.Code
			default:
				r.fail(st, st.API, err, nil)
			}
		}}
}

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
