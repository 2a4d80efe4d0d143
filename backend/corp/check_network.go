package corp

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// dialTimeout bounds DNS, TCP and TLS each: a firewall that drops packets
// should fail the step in seconds, not a minute.
const dialTimeout = 8 * time.Second

// endpoint is where the network steps connect: the API host, or the proxy.
type endpoint struct {
	base      *url.URL
	proxy     *url.URL // nil: direct
	host      string   // host to resolve and dial
	port      string
	viaProxyZ string // ", 经代理 …" for details
	viaProxyE string
}

func (r *checkRun) endpoint() (*endpoint, error) {
	base, err := url.Parse(r.cfg.row.APIBaseURL)
	if err != nil || base.Host == "" {
		return nil, fmt.Errorf("API base URL %q is not a URL", r.cfg.row.APIBaseURL)
	}
	ep := &endpoint{base: base, host: base.Hostname(), port: portOf(base)}
	if r.cfg.proxy != "" {
		p, err := url.Parse(r.cfg.proxy)
		if err != nil || p.Host == "" {
			return nil, errors.New("proxy URL is not a URL: fix it in Setup")
		}
		ep.proxy, ep.host, ep.port = p, p.Hostname(), portOf(p)
		ep.viaProxyZ = fmt.Sprintf("（经代理 %s）", p.Host)
		ep.viaProxyE = fmt.Sprintf(" (via proxy %s)", p.Host)
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
			st.Status, st.Detail, st.DetailEN = StatusFailed, epErr.Error(), epErr.Error()
			st.Fix, st.FixEN = "在“接入配置”中修正 API 地址或代理。", "Correct the API base URL or proxy in Setup."
			return true
		}
		return false
	}
	return []stepDef{
		{key: "dns", title: "解析域名 (DNS)", titleEN: "Resolve the host (DNS)", run: func(ctx context.Context, st *CheckStep) {
			if bad(st) {
				return
			}
			if ip := net.ParseIP(ep.host); ip != nil {
				st.Detail, st.DetailEN = ep.host+" 是 IP 地址，无需解析"+ep.viaProxyZ, ep.host+" is an IP address; nothing to resolve"+ep.viaProxyE
				return
			}
			ctx, cancel := context.WithTimeout(ctx, dialTimeout)
			defer cancel()
			addrs, err := net.DefaultResolver.LookupHost(ctx, ep.host)
			if err != nil {
				st.Status, st.Detail, st.DetailEN = StatusFailed, err.Error(), err.Error()
				st.Fix = fmt.Sprintf("本机无法解析 %s：检查服务器的 DNS 设置（/etc/resolv.conf 或网卡 DNS）或 hosts 文件；私有化部署请核对 API 地址。", ep.host)
				st.FixEN = fmt.Sprintf("This machine cannot resolve %s: check its DNS settings or hosts file; for a private deployment check the API base URL.", ep.host)
				return
			}
			st.Detail = fmt.Sprintf("%s → %s%s", ep.host, joinMax(addrs, 4), ep.viaProxyZ)
			st.DetailEN = fmt.Sprintf("%s → %s%s", ep.host, joinMax(addrs, 4), ep.viaProxyE)
		}},
		{key: "tcp", title: "建立连接 (TCP)", titleEN: "Connect (TCP)", needs: []string{"dns"}, run: func(ctx context.Context, st *CheckStep) {
			if bad(st) {
				return
			}
			addr := net.JoinHostPort(ep.host, ep.port)
			d := net.Dialer{Timeout: dialTimeout}
			conn, err := d.DialContext(ctx, "tcp", addr)
			if err != nil {
				st.Status, st.Detail, st.DetailEN = StatusFailed, err.Error(), err.Error()
				st.Fix = fmt.Sprintf("连不上 %s：请网络管理员放行本服务器到 %s 的出站连接（企业微信 API 的 IP 见最后一步“API IP 清单”）；若必须经代理上网，请在“接入配置”填写代理。", addr, addr)
				st.FixEN = fmt.Sprintf("Cannot connect to %s: ask the network admin to allow outbound connections to %s (WeCom's API IPs are in the last step); if this server needs a proxy, set it in Setup.", addr, addr)
				return
			}
			st.Detail = fmt.Sprintf("已连接 %s（%s）%s", addr, conn.RemoteAddr(), ep.viaProxyZ)
			st.DetailEN = fmt.Sprintf("Connected to %s (%s)%s", addr, conn.RemoteAddr(), ep.viaProxyE)
			conn.Close()
		}},
		{key: "tls", title: "加密握手 (TLS)", titleEN: "Secure handshake (TLS)", needs: []string{"tcp"}, run: func(ctx context.Context, st *CheckStep) {
			if bad(st) {
				return
			}
			if ep.base.Scheme != "https" {
				st.Status = StatusNA
				st.Detail, st.DetailEN = "不使用 TLS（http 地址，例如模拟器）", "Not used (http base URL, e.g. the simulator)"
				return
			}
			state, err := r.tlsHandshake(ctx, ep)
			if err != nil {
				st.Status, st.Detail, st.DetailEN = StatusFailed, err.Error(), err.Error()
				st.Fix, st.FixEN = tlsFix(err)
				return
			}
			v := tls.VersionName(state.Version)
			if len(state.PeerCertificates) > 0 {
				c := state.PeerCertificates[0]
				st.Detail = fmt.Sprintf("%s，证书 %s，签发者 %s，有效期至 %s%s", v, c.Subject.CommonName, c.Issuer.CommonName, c.NotAfter.Format("2006-01-02"), ep.viaProxyZ)
				st.DetailEN = fmt.Sprintf("%s, certificate %s issued by %s, valid until %s%s", v, c.Subject.CommonName, c.Issuer.CommonName, c.NotAfter.Format("2006-01-02"), ep.viaProxyE)
			} else {
				st.Detail, st.DetailEN = v+ep.viaProxyZ, v+ep.viaProxyE
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

func tlsFix(err error) (string, string) {
	var ua x509.UnknownAuthorityError
	var hn x509.HostnameError
	switch {
	case errors.As(err, &ua):
		return "证书不受信任：网络中可能有解密网关或中间人代理。请把其根证书加入本机系统信任库，或让网关对 qyapi.weixin.qq.com 放行不解密。",
			"Untrusted certificate: a decrypting gateway or proxy may be in the way. Add its root certificate to this machine's trust store, or have it pass qyapi.weixin.qq.com through undecrypted."
	case errors.As(err, &hn):
		return "证书与域名不符：核对 API 地址（私有化部署请用证书上的域名，而不是 IP）。",
			"The certificate does not match the host: check the API base URL (for a private deployment use the certificate's host name, not an IP)."
	case strings.Contains(err.Error(), "Proxy"), strings.Contains(err.Error(), "proxy"):
		return "代理拒绝了连接：核对代理地址、账号密码，以及代理是否允许访问该域名的 443 端口。",
			"The proxy refused: check the proxy address and credentials, and that it allows port 443 to this host."
	}
	return "TLS 握手失败：检查系统时间是否正确、网络是否拦截 HTTPS，或联系网络管理员。",
		"The TLS handshake failed: check the system clock, whether HTTPS is intercepted, or ask the network admin."
}
