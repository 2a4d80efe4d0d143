package oidc

import (
	"html/template"
	"net/http"
	"strings"

	"wecom-bridge/backend/login"
	"wecom-bridge/backend/usererr"
)

var refusalCodes = map[string]string{
	login.ResultUnbound:     "login_refused_unbound",
	login.ResultUnconfirmed: "login_refused_unconfirmed",
	login.ResultResigned:    "login_refused_resigned",
	login.ResultNotMember:   "login_refused_not_member",
	login.ResultState:       "login_refused_state",
	login.ResultWeComError:  "login_refused_wecom",
}

var refusalPage = template.Must(template.New("refused").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.6">
<h1 data-testid="login-refused" data-result="{{.Result}}" style="font-size:1.4em">{{.Title}}</h1>
<p>{{.Text}}</p>
</body></html>`))

// refuse shows the member why they were not signed in and who to ask, in
// the browser's language. Never a login.
func (s *Service) refuse(w http.ResponseWriter, r *http.Request, result string, args map[string]any) {
	refusal(w, r, http.StatusForbidden, result, usererr.Msg(refusalCodes[result], usererr.Args(args)))
}

// refusal writes the refusal page with status: its title and msg in the
// browser's language (Accept-Language en… is English, anything else Chinese).
func refusal(w http.ResponseWriter, r *http.Request, status int, result string, msg usererr.Message) {
	lang := "zh-CN"
	if strings.HasPrefix(strings.ToLower(r.Header.Get("Accept-Language")), "en") {
		lang = "en"
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	title := usererr.Msg("login_refused_title", nil)
	_ = refusalPage.Execute(w, map[string]string{"Lang": lang, "Title": title.In(lang), "Text": msg.In(lang), "Result": result})
}
