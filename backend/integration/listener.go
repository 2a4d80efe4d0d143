package integration

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"wecom-bridge/backend/usererr"
)

// Listener is the desktop's integration listener: the route table on its own
// address (serve mode mounts the same table on its server instead).
type Listener struct {
	log    *slog.Logger
	routes func() Routes

	mu   sync.Mutex
	srv  *http.Server
	addr string
}

// NewListener serves routes() (called at each start) once started.
func NewListener(routes func() Routes, log *slog.Logger) *Listener {
	if log == nil {
		log = slog.Default()
	}
	return &Listener{log: log, routes: routes}
}

// Start serves the routes on addr. A running listener is stopped first, so
// this also moves it to a new address.
func (l *Listener) Start(ctx context.Context, addr string) error {
	if err := CheckAddr(addr); err != nil {
		return err
	}
	if err := l.Stop(); err != nil {
		return err
	}
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", addr)
	if err != nil {
		return usererr.Wrap(err, "intake_listen", usererr.Args{"addr": addr, "detail": err.Error()})
	}
	// Slow or idle clients are cut off: headers within 10 s, a body within a
	// minute, an idle keep-alive after 30 s; MaxConns bounds the rest.
	srv := &http.Server{Handler: l.routes().Mux(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: time.Minute, IdleTimeout: 30 * time.Second, MaxHeaderBytes: 64 << 10}
	l.mu.Lock()
	l.srv, l.addr = srv, ln.Addr().String()
	l.mu.Unlock()
	go func() {
		if err := srv.Serve(limitConns(ln, MaxConns)); err != nil && !errors.Is(err, http.ErrServerClosed) {
			l.log.Error("integration listener stopped", "addr", ln.Addr().String(), "err", err)
		}
	}()
	l.log.Info("integration listener serving", "addr", ln.Addr().String())
	return nil
}

// Stop stops the listener, letting requests in flight finish (up to 5 s).
// It does nothing when none runs.
func (l *Listener) Stop() error {
	l.mu.Lock()
	srv := l.srv
	l.srv, l.addr = nil, ""
	l.mu.Unlock()
	if srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return srv.Close()
	}
	return nil
}

// Addr is the address the listener is bound to, or "" when it is off.
func (l *Listener) Addr() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.addr
}

// Apply starts, moves or stops the listener to match the settings.
func (l *Listener) Apply(ctx context.Context, enabled bool, addr string) error {
	if !enabled {
		return l.Stop()
	}
	if cur := l.Addr(); cur != "" && cur == addr {
		return nil
	}
	return l.Start(ctx, addr)
}

// ExampleAddr is the address errors suggest (the desktop default).
const ExampleAddr = "127.0.0.1:8751"

// CheckAddr accepts host:port with a numeric port (host may be empty: all interfaces).
func CheckAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return usererr.New("bad_intake_addr", usererr.Args{"addr": fmt.Sprintf("%q", addr), "example": ExampleAddr})
	}
	if p, err := strconv.Atoi(port); err != nil || p < 0 || p > 65535 {
		return usererr.New("bad_intake_port", usererr.Args{"port": fmt.Sprintf("%q", port)})
	}
	return nil
}
