package corp

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// startTLSSim serves the simulator over HTTPS with httptest's own CA.
func startTLSSim(t *testing.T, org *wecomsim.Org) *httptest.Server {
	t.Helper()
	srv := httptest.NewTLSServer(wecomsim.New(org).Handler())
	t.Cleanup(srv.Close)
	return srv
}

func TestCheckUntrustedCertificate(t *testing.T) {
	e := newEnv(t)
	org := smallOrg()
	srv := startTLSSim(t, org)
	c := e.addSimCorp(org, srv.URL, wecomsim.AgentAll)
	res := e.check(c.ID)
	wantFailed(t, res, "tls", 0, "证书不受信任")
	if st := step(t, res, "app:1000002:token"); st.Status != StatusSkipped {
		t.Fatalf("token step after a failed TLS step: %+v", st)
	}
}

// connectProxy is a minimal HTTP CONNECT proxy that counts tunnels.
func connectProxy(t *testing.T) (string, *atomic.Int64) {
	t.Helper()
	var tunnels atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect {
			http.Error(w, "CONNECT only", http.StatusMethodNotAllowed)
			return
		}
		up, err := net.Dial("tcp", r.Host)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		tunnels.Add(1)
		// Hijack before answering, and read the client side through the
		// returned buffer: a ClientHello sent right after CONNECT may already
		// sit in it, and copying from the raw conn would drop those bytes.
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			up.Close()
			return
		}
		conn.Write([]byte("HTTP/1.1 200 Connection Established\r\n\r\n"))
		go func() { io.Copy(up, buf); up.Close() }()
		go func() { io.Copy(conn, up); conn.Close() }()
	}))
	t.Cleanup(srv.Close)
	return srv.URL, &tunnels
}

func TestCheckOverTLSThroughProxy(t *testing.T) {
	e := newEnv(t)
	org := smallOrg()
	srv := startTLSSim(t, org)
	proxyURL, tunnels := connectProxy(t)
	// Trust the test CA, in the check's own TLS step and in the WeCom client.
	e.svc.tlsRoots = srv.Client().Transport.(*http.Transport).TLSClientConfig.RootCAs
	e.svc.clientOpts = append(e.svc.clientOpts, wecom.WithHTTPClient(srv.Client()))

	res0 := e.saveCorp(CorpInput{Name: "tls", CorpID: org.CorpID, APIBaseURL: srv.URL, ProxyURL: proxyURL, ContactSecret: org.ContactSecret})
	e.addApp(res0.ID, org.Apps[0].Name, fmt.Sprint(org.Apps[0].AgentID), org.Apps[0].Secret)
	res := e.check(res0.ID)
	if !res.Passed {
		t.Fatalf("check through the proxy: %v", stepKeys(res))
	}
	tlsStep := step(t, res, "tls")
	if !strings.Contains(tlsStep.Detail.ZH, "TLS 1.3") || !strings.Contains(tlsStep.Detail.ZH, "经代理") {
		t.Fatalf("tls detail: %q", tlsStep.Detail)
	}
	if !strings.Contains(step(t, res, "tcp").Detail.ZH, "经代理") {
		t.Fatal("the TCP step must connect to the proxy")
	}
	if tunnels.Load() < 2 {
		t.Fatalf("want the TLS step and the API calls through the proxy, saw %d tunnels", tunnels.Load())
	}
}

// otherAgent answers agent/get for another app, as a mismatched secret would.
func otherAgent(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/cgi-bin/agent/get" {
			fmt.Fprint(w, `{"errcode":0,"errmsg":"ok","agentid":1000099,"name":"别的应用","close":0}`)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func TestCheckAgentAnswerForAnotherApp(t *testing.T) {
	e := newEnv(t)
	org := smallOrg()
	_, url := startSim(t, org, otherAgent)
	c := e.addSimCorp(org, url, wecomsim.AgentAll)
	st := wantFailed(t, e.check(c.ID), "app:1000002:agent", 0, "AgentId 和 Secret 必须来自同一个应用")
	if !strings.Contains(st.Detail.ZH, "1000099") {
		t.Fatalf("detail should name the app the secret belongs to: %q", st.Detail)
	}
	if got, err := e.svc.CorpByKey(e.ctx, c.Key); err != nil || got.ID != c.ID {
		t.Fatalf("CorpByKey: %v %v", got, err)
	}
}
