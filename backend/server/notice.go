package server

import (
	"html"
	"net/http"
	"strings"

	"wecom-bridge/backend/usererr"
)

// writeNotice answers a page for a browser when the UI cannot be served (a
// wrong host name, a binary built without the UI), in the browser's language
// (Accept-Language: en… is English, anything else Chinese). The texts are
// catalogue messages; HTML-escaped, with `code` in backquotes shown as code.
func writeNotice(w http.ResponseWriter, r *http.Request, status int, title, body usererr.Message) {
	lang, in := "zh-CN", title.ZH
	text := body.ZH
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(r.Header.Get("Accept-Language"))), "en") {
		lang, in, text = "en", title.EN, body.EN
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="` + lang + `"><meta charset="utf-8"><title>WeCom Bridge</title>` +
		`<body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>`)
	b.WriteString(html.EscapeString(in))
	b.WriteString("</h1><p>")
	for i, part := range strings.Split(html.EscapeString(text), "`") {
		if i%2 == 1 {
			part = "<code>" + part + "</code>"
		}
		b.WriteString(part)
	}
	b.WriteString("</p></body></html>")
	w.Write([]byte(b.String()))
}
