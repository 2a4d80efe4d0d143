package corp

import "wecom-bridge/backend/usererr"

// Field names as they appear in CorpInput/AppInput JSON and in FieldError.Field.
const (
	FieldName              = "name"
	FieldCorpID            = "corpId"
	FieldAPIBaseURL        = "apiBaseUrl"
	FieldProxyURL          = "proxyUrl"
	FieldContactPermission = "contactPermission"
	FieldContactSecret     = "contactSecret"
	FieldCustomerSecret    = "customerSecret"
	FieldCallbackToken     = "callbackToken"
	FieldCallbackAESKey    = "callbackAesKey"
	FieldAgentID           = "agentId"
	FieldSecret            = "secret"
	FieldHomeURL           = "homeUrl"
	FieldExternalBaseURL   = "externalBaseUrl"
)

// Forms that FieldHelp entries belong to.
const (
	FormCorp     = "corp"
	FormApp      = "app"
	FormSettings = "settings"
)

// FieldInfo tells the admin what a field is, its format and where to find
// its value (texts from the catalogue: field_<form>_<field>[_format|_where]).
type FieldInfo struct {
	Form   string          `json:"form"`  // corp | app | settings
	Field  string          `json:"field"` // e.g. "corpId"
	Label  usererr.Message `json:"label"`
	Format usererr.Message `json:"format"` // e.g. "ww + 16 hex"
	Where  usererr.Message `json:"where"`  // path in the WeCom admin console (or in this app)
}

// fieldCodes names each field's catalogue code.
var fieldCodes = []struct{ form, field, code string }{
	{FormCorp, FieldName, "field_corp_name"},
	{FormCorp, FieldCorpID, "field_corp_corp_id"},
	{FormCorp, FieldAPIBaseURL, "field_corp_api_base_url"},
	{FormCorp, FieldProxyURL, "field_corp_proxy_url"},
	{FormCorp, FieldContactPermission, "field_corp_contact_permission"},
	{FormCorp, FieldContactSecret, "field_corp_contact_secret"},
	{FormCorp, FieldCustomerSecret, "field_corp_customer_secret"},
	{FormCorp, FieldCallbackToken, "field_corp_callback_token"},
	{FormCorp, FieldCallbackAESKey, "field_corp_callback_aes_key"},
	{FormApp, FieldName, "field_app_name"},
	{FormApp, FieldAgentID, "field_app_agent_id"},
	{FormApp, FieldSecret, "field_app_secret"},
	{FormApp, FieldCallbackToken, "field_app_callback_token"},
	{FormApp, FieldCallbackAESKey, "field_app_callback_aes_key"},
	{FormApp, FieldHomeURL, "field_app_home_url"},
	{FormSettings, FieldExternalBaseURL, "field_settings_external_base_url"},
}

var fieldHelp = func() []FieldInfo {
	out := make([]FieldInfo, len(fieldCodes))
	for i, f := range fieldCodes {
		out[i] = FieldInfo{Form: f.form, Field: f.field, Label: usererr.Msg(f.code, nil),
			Format: usererr.Msg(f.code+"_format", nil), Where: usererr.Msg(f.code+"_where", nil)}
	}
	return out
}()

// FieldHelp returns, for every field of the setup forms, what it is, its
// format and where to find the value. The UI shows it under each field.
func FieldHelp() []FieldInfo { return append([]FieldInfo(nil), fieldHelp...) }

// help returns the entry for form/field (an empty one if unknown).
func help(form, field string) FieldInfo {
	for _, h := range fieldHelp {
		if h.Form == form && h.Field == field {
			return h
		}
	}
	return FieldInfo{}
}
