package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"wecom-bridge/backend/usererr"
)

// The page for a wrong host speaks the browser's language, one language only.
func TestNoticePageInTheBrowsersLanguage(t *testing.T) {
	for _, tc := range []struct{ accept, want, not string }{
		{"en-US,en;q=0.9", "Wrong address", "地址"},
		{"zh-CN,zh;q=0.9", "地址不对", "Wrong address"},
		{"", "地址不对", "Wrong address"},
	} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Accept-Language", tc.accept)
		w := httptest.NewRecorder()
		writeNotice(w, r, http.StatusForbidden, usererr.Msg("serve_page_bad_host_title", nil), usererr.Msg("serve_page_bad_host", nil))
		body := w.Body.String()
		if w.Code != http.StatusForbidden || !strings.Contains(body, tc.want) || strings.Contains(body, tc.not) ||
			!strings.Contains(body, "<code>wecom-bridge serve</code>") {
			t.Errorf("Accept-Language %q: %d %s", tc.accept, w.Code, body)
		}
	}
}
