package corp

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"wecom-bridge/backend/usererr"
)

// dialTimeout bounds DNS, TCP and TLS each: a firewall that drops packets
// should fail the step in seconds, not a minute.
const dialTimeout = 8 * time.Second

// endpoint is where the network steps connect: the API host, or the proxy.
type endpoint struct {
	base  *url.URL
	proxy *url.URL // nil: direct
	host  string   // host to resolve and dial
	port  string
	via   usererr.Message // "(via proxy …)" for details; zero when direct
}

func (r *checkRun) endpoint() (*endpoint, *usererr.Error) {
	base, err := url.Parse(r.cfg.row.APIBaseURL)
	if err != nil || base.Host == "" {
		return nil, usererr.New("check_bad_base_url", usererr.Args{"url": r.cfg.row.APIBaseURL})
	}
	ep := &endpoint{base: base, host: base.Hostname(), port: portOf(base)}
	if r.cfg.proxy != "" {
		p, err := url.Parse(r.cfg.proxy)
		if err != nil || p.Host == "" {
			return nil, usererr.New("check_bad_proxy_url", nil)
		}
		ep.proxy, ep.host, ep.port = p, p.Hostname(), portOf(p)
		ep.via = msg("check_via_proxy", usererr.Args{"proxy": p.Host})
	}
	return ep, nil
}

func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch u.Scheme {
	case "https":
		return "443"
	case "socks5", "socks5h":
		return "1080"
	}
	return "80"
}

func (r *checkRun) networkSteps() []stepDef {
	ep, epErr := r.endpoint()
	bad := func(st *CheckStep) bool {
		if epErr != nil {
			st.Status, st.Detail = StatusFailed, epErr.Message
			st.fix(msg("check_fix_endpoint", nil))
			return true
		}
		return false
	}
	return []stepDef{
		{key: "dns", title: msg("check_title_dns", nil), run: func(ctx context.Context, st *CheckStep) {
			if bad(st) {
				return
			}
			if ip := net.ParseIP(ep.host); ip != nil {
				st.Detail = msg("check_dns_ip", usererr.Args{"host": ep.host, "via": ep.via})
				return
			}
			ctx, cancel := context.WithTimeout(ctx, dialTimeout)
			defer cancel()
			addrs, err := net.DefaultResolver.LookupHost(ctx, ep.host)
			if err != nil {
				st.Status, st.Detail = StatusFailed, msg("check_error", usererr.Args{"error": err.Error()})
				st.fix(msg("check_fix_dns", usererr.Args{"host": ep.host}))
				return
			}
			st.Detail = msg("check_dns_ok", usererr.Args{"host": ep.host, "addrs": joinMax(addrs, 4), "via": ep.via})
		}},
		{key: "tcp", title: msg("check_title_tcp", nil), needs: []string{"dns"}, run: func(ctx context.Context, st *CheckStep) {
			if bad(st) {
				return
			}
			addr := net.JoinHostPort(ep.host, ep.port)
			d := net.Dialer{Timeout: dialTimeout}
			conn, err := d.DialContext(ctx, "tcp", addr)
			if err != nil {
				st.Status, st.Detail = StatusFailed, msg("check_error", usererr.Args{"error": err.Error()})
				st.fix(msg("check_fix_tcp", usererr.Args{"addr": addr}))
				return
			}
			st.Detail = msg("check_tcp_ok", usererr.Args{"addr": addr, "remote": conn.RemoteAddr().String(), "via": ep.via})
			conn.Close()
		}},
		{key: "tls", title: msg("check_title_tls", nil), needs: []string{"tcp"}, run: func(ctx context.Context, st *CheckStep) {
			if bad(st) {
				return
			}
			if ep.base.Scheme != "https" {
				st.Status = StatusNA
				st.Detail = msg("check_tls_na", nil)
				return
			}
			state, err := r.tlsHandshake(ctx, ep)
			if err != nil {
				st.Status, st.Detail = StatusFailed, msg("check_error", usererr.Args{"error": err.Error()})
				st.fix(tlsFix(err))
				return
			}
			v := tls.VersionName(state.Version)
			if len(state.PeerCertificates) > 0 {
				c := state.PeerCertificates[0]
				st.Detail = msg("check_tls_ok", usererr.Args{"version": v, "subject": c.Subject.CommonName, "issuer": c.Issuer.CommonName,
					"until": c.NotAfter.Format("2006-01-02"), "via": ep.via})
			} else {
				st.Detail = msg("check_tls_ok_plain", usererr.Args{"version": v, "via": ep.via})
			}
		}},
	}
}

// tlsHandshake proves TLS to the API host: directly, or through the proxy
// with a harmless GET of the base URL (which needs CONNECT and the handshake).
func (r *checkRun) tlsHandshake(ctx context.Context, ep *endpoint) (*tls.ConnectionState, error) {
	ctx, cancel := context.WithTimeout(ctx, dialTimeout)
	defer cancel()
	if ep.proxy == nil {
		d := tls.Dialer{NetDialer: &net.Dialer{Timeout: dialTimeout}, Config: &tls.Config{ServerName: ep.base.Hostname(), RootCAs: r.s.tlsRoots}}
		conn, err := d.DialContext(ctx, "tcp", net.JoinHostPort(ep.base.Hostname(), portOf(ep.base)))
		if err != nil {
			return nil, err
		}
		defer conn.Close()
		st := conn.(*tls.Conn).ConnectionState()
		return &st, nil
	}
	tr := &http.Transport{Proxy: http.ProxyURL(ep.proxy), TLSHandshakeTimeout: dialTimeout, TLSClientConfig: &tls.Config{RootCAs: r.s.tlsRoots}}
	defer tr.CloseIdleConnections()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ep.base.String()+"/", nil)
	if err != nil {
		return nil, err
	}
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	if resp.TLS == nil {
		return nil, errors.New("the answer did not come over TLS")
	}
	return resp.TLS, nil
}

func tlsFix(err error) usererr.Message {
	var ua x509.UnknownAuthorityError
	var hn x509.HostnameError
	switch {
	case errors.As(err, &ua):
		return msg("check_fix_tls_untrusted", nil)
	case errors.As(err, &hn):
		return msg("check_fix_tls_hostname", nil)
	case strings.Contains(err.Error(), "Proxy"), strings.Contains(err.Error(), "proxy"):
		return msg("check_fix_tls_proxy", nil)
	}
	return msg("check_fix_tls", nil)
}
