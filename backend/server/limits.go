package server

import (
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// Limits bound what unauthenticated connections can hold.
type Limits struct {
	MaxConns          int           // open connections at once; more wait in the kernel's queue
	ReadHeaderTimeout time.Duration // to send the request line and headers
	IdleTimeout       time.Duration // a keep-alive connection with no request is closed
	BodyReadTimeout   time.Duration // to send a request body (uploads, intake posts)
	MaxHeaderBytes    int
}

// DefaultLimits are serve mode's limits.
func DefaultLimits() Limits {
	return Limits{
		MaxConns:          512,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       60 * time.Second,
		BodyReadTimeout:   5 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// NewHTTPServer wraps h in an http.Server with the limits. Use it with
// LimitListener(ln, l.MaxConns). No WriteTimeout: the event stream is long.
func NewHTTPServer(h http.Handler, l Limits) *http.Server {
	return &http.Server{
		Handler:           bodyDeadline(h, l.BodyReadTimeout),
		ReadHeaderTimeout: l.ReadHeaderTimeout,
		IdleTimeout:       l.IdleTimeout,
		MaxHeaderBytes:    l.MaxHeaderBytes,
	}
}

// bodyDeadline gives a request with a body d to send it, so a trickled body
// cannot hold a connection forever; a bodyless request (the event stream)
// keeps no read deadline.
func bodyDeadline(h http.Handler, d time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if d > 0 && r.Body != nil && r.Body != http.NoBody {
			http.NewResponseController(w).SetReadDeadline(time.Now().Add(d))
		}
		h.ServeHTTP(w, r)
	})
}

// LimitListener accepts at most n connections at once; Accept waits for a
// slot, so the excess waits in the kernel's queue instead of costing memory
// and file descriptors (like golang.org/x/net/netutil.LimitListener).
func LimitListener(ln net.Listener, n int) net.Listener {
	return &limitListener{Listener: ln, sem: make(chan struct{}, n), done: make(chan struct{})}
}

type limitListener struct {
	net.Listener
	sem       chan struct{}
	done      chan struct{}
	closeOnce sync.Once
}

func (l *limitListener) Accept() (net.Conn, error) {
	select {
	case l.sem <- struct{}{}:
	case <-l.done:
		return nil, net.ErrClosed
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.sem
		return nil, err
	}
	return &limitConn{Conn: c, release: func() { <-l.sem }}, nil
}

func (l *limitListener) Close() error {
	err := l.Listener.Close()
	l.closeOnce.Do(func() { close(l.done) })
	return err
}

type limitConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}

// NonLoopbackWarning is what serve prints when --addr is reachable from other
// machines, or "" on loopback.
func NonLoopbackWarning(addr string) string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	host = trimBrackets(host)
	if host == "localhost" {
		return ""
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return ""
	}
	return fmt.Sprintf("WARNING: %s is reachable from other machines and serve speaks plain HTTP: the token and everything "+
		"the UI shows cross the network unencrypted. Put it behind a TLS reverse proxy (listen on 127.0.0.1, "+
		"pass --allowed-host with the proxy's name); see docs/serve-api.md.\n"+
		"警告：%s 可从其他机器访问，而 serve 使用明文 HTTP，令牌和界面上的所有数据都会不加密地经过网络。"+
		"请放在 TLS 反向代理之后（监听 127.0.0.1，并用 --allowed-host 指定代理的域名），详见 docs/serve-api.md。\n", addr, addr)
}

func trimBrackets(s string) string {
	if len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' {
		return s[1 : len(s)-1]
	}
	return s
}
