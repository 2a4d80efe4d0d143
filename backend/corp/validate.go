package corp

import (
	"net/url"
	"regexp"
	"strconv"
	"unicode/utf8"

	"wecom-bridge/backend/usererr"
)

var (
	corpIDRe = regexp.MustCompile(`^(ww|wx)[0-9a-fA-F]{16}$`)
	secretRe = regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`)
	aesKeyRe = regexp.MustCompile(`^[A-Za-z0-9]{43}$`) // base64 without +/=, as the console generates and wxcrypt accepts
	tokenRe  = regexp.MustCompile(`^[A-Za-z0-9]{1,32}$`)
	maxName  = 64
	maxAgent = int64(1) << 31
)

// errs collects field errors for one form.
type errs struct {
	form string
	list []FieldError
}

func (e *errs) add(field, code string, args usererr.Args) {
	e.list = append(e.list, FieldError{Field: field, Message: usererr.Msg(code, args), Where: help(e.form, field).Where})
}

func (e *errs) name(v string) {
	switch n := utf8.RuneCountInString(v); {
	case n == 0:
		e.add(FieldName, "field_name_empty", nil)
	case n > maxName:
		e.add(FieldName, "field_name_too_long", usererr.Args{"max": maxName, "n": n})
	}
}

func (e *errs) corpID(v string) {
	switch {
	case v == "":
		e.add(FieldCorpID, "field_corp_id_empty", nil)
	case !corpIDRe.MatchString(v):
		e.add(FieldCorpID, "field_corp_id_bad", usererr.Args{"n": utf8.RuneCountInString(v), "looks": looksLike(v)})
	}
}

// secret checks a 43-character WeCom Secret; required says whether "" is an error.
func (e *errs) secret(field, v string, required bool) {
	switch {
	case v == "" && required:
		e.add(field, "field_secret_empty", nil)
	case v != "" && !secretRe.MatchString(v):
		e.add(field, "field_secret_bad", usererr.Args{"n": utf8.RuneCountInString(v), "looks": looksLike(v)})
	}
}

func (e *errs) token(v string) {
	if v != "" && !tokenRe.MatchString(v) {
		e.add(FieldCallbackToken, "field_token_bad", usererr.Args{"n": utf8.RuneCountInString(v)})
	}
}

func (e *errs) aesKey(v string) {
	if v != "" && !aesKeyRe.MatchString(v) {
		e.add(FieldCallbackAESKey, "field_aes_key_bad", usererr.Args{"n": utf8.RuneCountInString(v)})
	}
}

// callbackPair requires Token and EncodingAESKey together (stored or new).
func (e *errs) callbackPair(hasToken, hasKey bool) {
	switch {
	case hasToken && !hasKey:
		e.add(FieldCallbackAESKey, "field_aes_key_missing", nil)
	case hasKey && !hasToken:
		e.add(FieldCallbackToken, "field_token_missing", nil)
	}
}

// webURL checks an http(s) URL; required says whether "" is an error. Base
// URLs (API, external) get paths appended, so they may not carry ?query or #fragment.
func (e *errs) webURL(field, v string, required, base bool) {
	if v == "" {
		if required {
			e.add(field, "field_url_empty", nil)
		}
		return
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		e.add(field, "field_url_bad", nil)
		return
	}
	if base && (u.RawQuery != "" || u.Fragment != "") {
		e.add(field, "field_url_query", nil)
	}
}

func (e *errs) proxyURL(v string) {
	if v == "" {
		return
	}
	u, err := url.Parse(v)
	if err != nil || u.Host == "" {
		e.add(FieldProxyURL, "field_proxy_bad", nil)
		return
	}
	switch u.Scheme {
	case "http", "https", "socks5", "socks5h":
	default:
		e.add(FieldProxyURL, "field_proxy_scheme", nil)
	}
}

// agentID parses the AgentId typed into the form.
func (e *errs) agentID(v string) int64 {
	if v == "" {
		e.add(FieldAgentID, "field_agent_empty", nil)
		return 0
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 || n >= maxAgent {
		e.add(FieldAgentID, "field_agent_bad", nil)
		return 0
	}
	return n
}

// looksLike names a common paste mix-up, e.g. a Secret in the corp ID field.
func looksLike(v string) usererr.Message {
	switch {
	case corpIDRe.MatchString(v):
		return usererr.Msg("field_looks_corp_id", nil)
	case secretRe.MatchString(v):
		return usererr.Msg("field_looks_secret", nil)
	}
	if _, err := strconv.ParseInt(v, 10, 64); err == nil {
		return usererr.Msg("field_looks_agent_id", nil)
	}
	return usererr.Message{}
}

// hasAny reports whether the named field is in list (Clear lists).
func hasAny(list []string, field string) bool {
	for _, f := range list {
		if f == field {
			return true
		}
	}
	return false
}

// validateCorp checks a cleaned CorpInput. stored says which secrets the
// corp already has, so an empty field (keep) still counts as set.
func validateCorp(in CorpInput, stored storedSecrets) []FieldError {
	e := &errs{form: FormCorp}
	e.name(in.Name)
	e.corpID(in.CorpID)
	e.webURL(FieldAPIBaseURL, in.APIBaseURL, false, true)
	e.proxyURL(in.ProxyURL)
	switch in.ContactPermission {
	case "", PermissionRead, PermissionWrite:
	default:
		e.add(FieldContactPermission, "field_permission_bad", nil)
	}
	e.secret(FieldContactSecret, in.ContactSecret, false)
	e.secret(FieldCustomerSecret, in.CustomerSecret, false)
	e.token(in.CallbackToken)
	e.aesKey(in.CallbackAESKey)
	has := func(field, v string, was bool) bool {
		return v != "" || (was && !hasAny(in.Clear, field))
	}
	if in.ContactPermission == PermissionWrite && !has(FieldContactSecret, in.ContactSecret, stored.contact) {
		e.add(FieldContactSecret, "field_contact_secret_for_write", nil)
	}
	e.callbackPair(has(FieldCallbackToken, in.CallbackToken, stored.token), has(FieldCallbackAESKey, in.CallbackAESKey, stored.aesKey))
	return e.list
}

// validateApp checks a cleaned AppInput and returns the parsed AgentId.
func validateApp(in AppInput, stored storedSecrets) (int64, []FieldError) {
	e := &errs{form: FormApp}
	e.name(in.Name)
	agent := e.agentID(in.AgentID)
	e.secret(FieldSecret, in.Secret, !stored.secret || hasAny(in.Clear, FieldSecret))
	e.token(in.CallbackToken)
	e.aesKey(in.CallbackAESKey)
	e.webURL(FieldHomeURL, in.HomeURL, false, false)
	has := func(field, v string, was bool) bool {
		return v != "" || (was && !hasAny(in.Clear, field))
	}
	e.callbackPair(has(FieldCallbackToken, in.CallbackToken, stored.token), has(FieldCallbackAESKey, in.CallbackAESKey, stored.aesKey))
	return agent, e.list
}

// storedSecrets says which secrets a row already holds.
type storedSecrets struct {
	contact, customer, token, aesKey, secret bool
}

// ValidateExternalBaseURL checks the 对外域名 setting.
func validateExternalBaseURL(v string) []FieldError {
	e := &errs{form: FormSettings}
	e.webURL(FieldExternalBaseURL, v, false, true)
	return e.list
}
