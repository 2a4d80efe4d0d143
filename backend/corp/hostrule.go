package corp

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"wecom-bridge/backend/configaudit"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// Secrets follow the host. The app secrets, the 通讯录同步 and 客户联系
// secrets go to the API host (gettoken?corpsecret=…) through the proxy, so
// when either of them changes to a host they were not entered for, the
// stored ones are cleared with their access tokens and must be entered again:
// a changed address (by mistake, or by someone who got into the UI) never
// receives the old secrets. The callback Token and EncodingAESKey are kept:
// they never leave this app.

// HostChange is what a save that moved the corp to another API or proxy host
// cleared, and why, in both languages.
type HostChange struct {
	Cleared []string        `json:"cleared"` // contactSecret, customerSecret, app:<AgentId>
	Message usererr.Message `json:"message"` // secrets_cleared_new_host
}

// receiverOf is a URL's scheme, host and port in lower case ("" for none): the
// party that receives what is sent to it.
func receiverOf(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return strings.ToLower(raw)
	}
	host, port := u.Hostname(), u.Port()
	if port == "" {
		switch u.Scheme {
		case "https":
			port = "443"
		case "http":
			port = "80"
		case "socks5", "socks5h":
			port = "1080"
		}
	}
	return strings.ToLower(u.Scheme + "://" + net.JoinHostPort(host, port))
}

// movedHost says what moved: the API base URL's host, or a proxy that is
// set to another host than before (removing a proxy sends to the API host
// the secrets were entered for, so it moves nothing).
func movedHost(oldBase, oldProxy, newBase, newProxy string) (what usererr.Message, moved bool) {
	switch {
	case receiverOf(oldBase) != receiverOf(newBase):
		return usererr.Msg("host_api_base", nil), true
	case newProxy != "" && receiverOf(oldProxy) != receiverOf(newProxy):
		return usererr.Msg("host_proxy", nil), true
	}
	return usererr.Message{}, false
}

// clearForNewHost empties r's API secrets that were not entered anew in
// this save, and lists what it cleared.
func clearForNewHost(r *corpRow, in CorpInput, apps []appRow) []string {
	var cleared []string
	if r.ContactSecretEnc != "" && in.ContactSecret == "" {
		r.ContactSecretEnc, cleared = "", append(cleared, FieldContactSecret)
	}
	if r.CustomerSecretEnc != "" && in.CustomerSecret == "" {
		r.CustomerSecretEnc, cleared = "", append(cleared, FieldCustomerSecret)
	}
	for _, a := range apps {
		if a.SecretEnc != "" {
			cleared = append(cleared, fmt.Sprintf("app:%d", a.AgentID))
		}
	}
	return cleared
}

func hostChangeNotice(what usererr.Message, cleared []string) *HostChange {
	return &HostChange{Cleared: cleared, Message: usererr.Msg("secrets_cleared_new_host", usererr.Args{
		"what": what.ZH, "whatEn": what.EN, "cleared": strings.Join(cleared, ", ")})}
}

// dropHostSecrets clears the apps' secrets and every cached access token of
// the corp, inside the save's transaction.
func dropHostSecrets(ctx context.Context, q querier, corpRef int64, corpIDs ...string) error {
	if _, err := q.ExecContext(ctx, `UPDATE apps SET secret_enc = '', updated_at = ?
		WHERE corp_ref = ? AND secret_enc <> ''`, store.TimeOf(time.Now()), corpRef); err != nil {
		return err
	}
	for _, id := range corpIDs {
		// Token keys are corpID + ":" + a hash of the secret (wecom.TokenKey).
		if _, err := q.ExecContext(ctx, `DELETE FROM wecom_tokens WHERE substr(key, 1, ?) = ?`, len(id)+1, id+":"); err != nil {
			return err
		}
	}
	return nil
}

// corpAudit lists a corp save's changes for the configuration audit:
// addresses changed, secrets entered, cleared or dropped, never a value.
func corpAudit(old *corpRow, oldProxy string, in CorpInput, isNew bool, change *HostChange) []configaudit.Entry {
	var out []configaudit.Entry
	add := func(action, field, note string) {
		out = append(out, configaudit.Entry{Action: action, Field: field, Note: note})
	}
	if (isNew && in.APIBaseURL != DefaultAPIBaseURL) || (!isNew && old.APIBaseURL != in.APIBaseURL) {
		add(configaudit.ActionFieldChanged, FieldAPIBaseURL, "API base URL set")
	}
	if oldProxy != in.ProxyURL {
		add(configaudit.ActionFieldChanged, FieldProxyURL, "proxy set or removed")
	}
	if change != nil {
		add(configaudit.ActionHostChanged, "", "API or proxy host changed: stored secrets and access tokens cleared")
		for _, f := range change.Cleared {
			add(configaudit.ActionSecretsDropped, f, "cleared because the host changed")
		}
	}
	for _, f := range []struct{ field, v string }{{FieldContactSecret, in.ContactSecret}, {FieldCustomerSecret, in.CustomerSecret},
		{FieldCallbackToken, in.CallbackToken}, {FieldCallbackAESKey, in.CallbackAESKey}} {
		switch {
		case f.v != "":
			add(configaudit.ActionSecretSet, f.field, "secret entered")
		case hasAny(in.Clear, f.field):
			add(configaudit.ActionSecretCleared, f.field, "secret removed")
		}
	}
	return out
}

// appAudit lists an app save's secrets entered or cleared.
func appAudit(in AppInput) []configaudit.Entry {
	var out []configaudit.Entry
	for _, f := range []struct{ field, v string }{{FieldSecret, in.Secret}, {FieldCallbackToken, in.CallbackToken}, {FieldCallbackAESKey, in.CallbackAESKey}} {
		switch {
		case f.v != "":
			out = append(out, configaudit.Entry{Action: configaudit.ActionSecretSet, Field: f.field, Note: "secret entered"})
		case hasAny(in.Clear, f.field):
			out = append(out, configaudit.Entry{Action: configaudit.ActionSecretCleared, Field: f.field, Note: "secret removed"})
		}
	}
	return out
}

// withSubject sets the subject of entries.
func withSubject(subject string, entries []configaudit.Entry) []configaudit.Entry {
	for i := range entries {
		entries[i].Subject = subject
	}
	return entries
}
