package wecom

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func TestBaseURLForms(t *testing.T) {
	for _, in := range []string{"https://h.example.com", "https://h.example.com/", "https://h.example.com/cgi-bin/", " https://h.example.com/cgi-bin "} {
		if got := normalizeBaseURL(in); got != "https://h.example.com" {
			t.Errorf("normalizeBaseURL(%q) = %q", in, got)
		}
	}
	if New("ww").baseURL != DefaultBaseURL {
		t.Error("default base URL")
	}
}

func TestProxyCarriesEveryRequest(t *testing.T) {
	var via atomic.Int32
	// A forward proxy for plain-http targets sees absolute URLs; this one
	// answers as WeCom itself.
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Host != "wecom.invalid" {
			http.Error(w, "unexpected target "+r.URL.Host, http.StatusBadGateway)
			return
		}
		via.Add(1)
		if strings.HasSuffix(r.URL.Path, "/gettoken") {
			writeJSON(w, `{"errcode":0,"errmsg":"ok","access_token":"TOKEN-proxy-000001","expires_in":7200}`)
			return
		}
		writeJSON(w, `{"errcode":0,"errmsg":"ok","taglist":[]}`)
	}))
	defer proxy.Close()
	c := New(testCorpID, WithBaseURL("http://wecom.invalid"), WithProxy(proxy.URL))
	_, err := c.ListTags(context.Background(), testCred)
	must(t, err)
	if via.Load() != 2 {
		t.Errorf("%d requests went through the proxy, want 2", via.Load())
	}
}

func TestBadProxyFailsEveryCall(t *testing.T) {
	c := New(testCorpID, WithProxy("ftp://user:pw@proxy.example.com"))
	_, err := c.ListTags(context.Background(), testCred)
	if err == nil || strings.Contains(err.Error(), "pw") {
		t.Errorf("err = %v", err)
	}
	type otherRT struct{ http.RoundTripper }
	c = New(testCorpID, WithHTTPClient(&http.Client{Transport: otherRT{}}), WithProxy("http://proxy.example.com:3128"))
	if _, err := c.ListTags(context.Background(), testCred); err == nil {
		t.Error("a proxy on a custom RoundTripper was silently ignored")
	}
}

func TestWithHTTPClientIsNotMutated(t *testing.T) {
	hc := &http.Client{}
	New(testCorpID, WithHTTPClient(hc), WithProxy("http://proxy.example.com:3128"))
	if hc.Transport != nil {
		t.Error("the caller's http.Client was modified")
	}
}

func TestNonJSONAnswerIsAnError(t *testing.T) {
	f := newFake(t)
	f.on("tag/list", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("<html>gateway</html>")) })
	c, _, _ := newTestClient(t, f)
	if _, err := c.ListTags(context.Background(), testCred); err == nil || f.count("tag/list") != 1 {
		t.Errorf("err = %v after %d calls", err, f.count("tag/list"))
	}
}
