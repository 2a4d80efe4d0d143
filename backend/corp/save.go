package corp

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"
	"wecom-bridge/backend/usererr"

	"wecom-bridge/backend/configaudit"
	"wecom-bridge/backend/wecom/wxcrypt"
)

// GenerateCallbackKeys returns a fresh Token and EncodingAESKey for a callback.
// The UI fills them in; the admin pastes the same pair into the WeCom console.
func GenerateCallbackKeys() CallbackKeys {
	return CallbackKeys{Token: wxcrypt.GenerateToken(), EncodingAESKey: wxcrypt.GenerateEncodingAESKey()}
}

// GenerateCallbackKeys is the bound form of the package function.
func (s *Service) GenerateCallbackKeys() CallbackKeys { return GenerateCallbackKeys() }

// SaveCorp creates (in.ID 0) or updates a corp. Validation problems come back
// in SaveResult.Errors with nothing saved; the error is for system failures.
// The first corp becomes the active one.
func (s *Service) SaveCorp(ctx context.Context, in CorpInput) (SaveResult, error) {
	res := SaveResult{Trimmed: cleanCorpInput(&in)}
	in.APIBaseURL = normalizeBaseURL(in.APIBaseURL)
	old := &corpRow{ContactPermission: PermissionRead}
	var oldProxy string
	if in.ID != 0 {
		r, err := getCorpRow(ctx, s.st.DB, in.ID)
		if err != nil {
			return res, err
		}
		old = r
		// The UI shows the proxy with its password redacted; sent back unchanged it means "keep".
		if _, p, err := s.open(old.ProxyEnc); err == nil && p != "" {
			oldProxy = p
			if in.ProxyURL == redactProxy(p) {
				in.ProxyURL = p
			}
		}
	}
	what, moved := movedHost(old.APIBaseURL, oldProxy, in.APIBaseURL, in.ProxyURL)
	moved = moved && in.ID != 0
	if in.ContactPermission == "" {
		in.ContactPermission = old.ContactPermission
	}
	stored := storedSecrets{contact: old.ContactSecretEnc != "" && !moved, customer: old.CustomerSecretEnc != "" && !moved,
		token: old.CallbackTokenEnc != "", aesKey: old.CallbackAESKeyEnc != ""}
	res.Errors = validateCorp(in, stored)
	if moved {
		for i, e := range res.Errors {
			if e.Field == FieldContactSecret {
				res.Errors[i].Message = usererr.Msg("field_secret_host_moved", usererr.Args{"error": res.Errors[i].Message, "what": what.ZH, "whatEn": what.EN})
			}
		}
	}
	if in.CorpID != "" && len(res.Errors) == 0 {
		other, err := getCorpRowWhere(ctx, s.st.DB, `corp_id = ? AND id <> ?`, in.CorpID, in.ID)
		if err != nil {
			return res, err
		}
		if other != nil {
			e := &errs{form: FormCorp}
			e.add(FieldCorpID, "corp_id_taken", usererr.Args{"name": other.Name})
			res.Errors = e.list
		}
	}
	if len(res.Errors) > 0 {
		return res, nil
	}

	r := *old
	r.Name, r.CorpID, r.APIBaseURL, r.ContactPermission = in.Name, in.CorpID, in.APIBaseURL, in.ContactPermission
	var err error
	seal := func(field, plain, enc string) string {
		if err != nil {
			return enc
		}
		var out string
		out, err = s.sealField(in.Clear, field, plain, enc)
		return out
	}
	r.ProxyEnc = seal(FieldProxyURL, in.ProxyURL, "") // "" means no proxy, so never "keep"
	r.ContactSecretEnc = seal(FieldContactSecret, in.ContactSecret, old.ContactSecretEnc)
	r.CustomerSecretEnc = seal(FieldCustomerSecret, in.CustomerSecret, old.CustomerSecretEnc)
	r.CallbackTokenEnc = seal(FieldCallbackToken, in.CallbackToken, old.CallbackTokenEnc)
	r.CallbackAESKeyEnc = seal(FieldCallbackAESKey, in.CallbackAESKey, old.CallbackAESKeyEnc)
	if err != nil {
		return res, err
	}
	if moved {
		apps, err := listAppRows(ctx, s.st.DB, r.ID)
		if err != nil {
			return res, err
		}
		if cleared := clearForNewHost(&r, in, apps); len(cleared) > 0 {
			res.HostChange = hostChangeNotice(what, cleared)
		}
	}

	tx, err := s.st.DB.BeginTxx(ctx, nil)
	if err != nil {
		return res, err
	}
	defer tx.Rollback()
	if in.ID == 0 {
		var active int
		if err := tx.GetContext(ctx, &active, `SELECT COUNT(*) FROM corps WHERE active = 1`); err != nil {
			return res, err
		}
		r.Key, r.Active = newCorpKey(), active == 0
		if r.ID, err = insertCorpRow(ctx, tx, &r); err != nil {
			return res, err
		}
	} else if err := updateCorpRow(ctx, tx, &r); err != nil {
		return res, err
	}
	if moved {
		if err := dropHostSecrets(ctx, tx, r.ID, old.CorpID, r.CorpID); err != nil {
			return res, err
		}
	}
	audit := withSubject(fmt.Sprintf("corp:%d", r.ID), corpAudit(old, oldProxy, in, in.ID == 0, res.HostChange))
	if err := configaudit.Record(ctx, tx, s.actor, time.Now(), audit...); err != nil {
		return res, err
	}
	if err := tx.Commit(); err != nil {
		return res, err
	}
	s.forgetClient(r.ID)
	return s.savedResult(ctx, res, r.ID, r.ID)
}

// SaveApp creates (in.ID 0) or updates a self-built app of corp in.CorpRef.
func (s *Service) SaveApp(ctx context.Context, in AppInput) (SaveResult, error) {
	res := SaveResult{Trimmed: cleanAppInput(&in)}
	old := &appRow{CorpRef: in.CorpRef}
	if in.ID != 0 {
		r, err := getAppRow(ctx, s.st.DB, in.ID)
		if err != nil {
			return res, err
		}
		old = r
	}
	if _, err := getCorpRow(ctx, s.st.DB, old.CorpRef); err != nil {
		return res, err
	}
	stored := storedSecrets{secret: old.SecretEnc != "", token: old.CallbackTokenEnc != "", aesKey: old.CallbackAESKeyEnc != ""}
	agent, fieldErrs := validateApp(in, stored)
	res.Errors = fieldErrs
	if agent != 0 && len(res.Errors) == 0 {
		var other appRow
		err := s.st.DB.GetContext(ctx, &other, `SELECT `+appCols+` FROM apps WHERE corp_ref = ? AND agent_id = ? AND id <> ?`, old.CorpRef, agent, old.ID)
		if err == nil {
			e := &errs{form: FormApp}
			e.add(FieldAgentID, "agent_id_taken", usererr.Args{"agentId": agent, "name": other.Name})
			res.Errors = e.list
		}
	}
	if len(res.Errors) > 0 {
		return res, nil
	}
	r := *old
	r.Name, r.AgentID, r.HomeURL = in.Name, agent, in.HomeURL
	var err error
	if r.SecretEnc, err = s.sealField(in.Clear, FieldSecret, in.Secret, old.SecretEnc); err != nil {
		return res, err
	}
	if r.CallbackTokenEnc, err = s.sealField(in.Clear, FieldCallbackToken, in.CallbackToken, old.CallbackTokenEnc); err != nil {
		return res, err
	}
	if r.CallbackAESKeyEnc, err = s.sealField(in.Clear, FieldCallbackAESKey, in.CallbackAESKey, old.CallbackAESKeyEnc); err != nil {
		return res, err
	}
	tx, err := s.st.DB.BeginTxx(ctx, nil)
	if err != nil {
		return res, err
	}
	defer tx.Rollback()
	if in.ID == 0 {
		r.ID, err = insertAppRow(ctx, tx, &r)
	} else {
		err = updateAppRow(ctx, tx, &r)
	}
	if err != nil {
		return res, err
	}
	audit := withSubject(fmt.Sprintf("corp:%d/app:%d", r.CorpRef, r.ID), appAudit(in))
	if err := configaudit.Record(ctx, tx, s.actor, time.Now(), audit...); err != nil {
		return res, err
	}
	if err := tx.Commit(); err != nil {
		return res, err
	}
	s.forgetClient(r.CorpRef)
	return s.savedResult(ctx, res, r.ID, r.CorpRef)
}

// sealField encrypts a new value, keeps the old ciphertext for "", or
// drops it when the field is listed in clear.
func (s *Service) sealField(clear []string, field, plain, oldEnc string) (string, error) {
	switch {
	case plain != "":
		return s.vault.Encrypt(plain)
	case hasAny(clear, field):
		return "", nil
	default:
		return oldEnc, nil
	}
}

func (s *Service) savedResult(ctx context.Context, res SaveResult, id, corpRef int64) (SaveResult, error) {
	if err := s.forgetCheck(ctx, corpRef); err != nil {
		return res, err
	}
	c, err := s.Get(ctx, corpRef)
	if err != nil {
		return res, err
	}
	res.OK, res.ID, res.Corp = true, id, c
	return res, nil
}

// normalizeBaseURL defaults the API base URL and drops a trailing "/" or
// "/cgi-bin", which people paste along with the host.
func normalizeBaseURL(u string) string {
	if u == "" {
		return DefaultAPIBaseURL
	}
	u = strings.TrimRight(u, "/")
	return strings.TrimRight(strings.TrimSuffix(u, "/cgi-bin"), "/")
}

// redactProxy hides a proxy password: http://user:xxxxx@host:3128.
func redactProxy(p string) string {
	if p == "" {
		return ""
	}
	u, err := url.Parse(p)
	if err != nil {
		return "(invalid proxy URL)"
	}
	return u.Redacted()
}
