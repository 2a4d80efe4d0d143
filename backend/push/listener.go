package push

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
	"wecom-bridge/backend/usererr"
)

// StartListener serves the intake API (at /api/v1/) on addr, for the desktop
// app; serve mode mounts IntakeHandler on its own server instead. A running
// listener is stopped first, so this also moves it to a new address.
func (s *Service) StartListener(ctx context.Context, addr string) error {
	if err := checkAddr(addr); err != nil {
		return err
	}
	if err := s.StopListener(); err != nil {
		return err
	}
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", addr)
	if err != nil {
		return usererr.Wrap(err, "intake_listen", usererr.Args{"addr": addr, "detail": err.Error()})
	}
	mux := http.NewServeMux()
	mux.Handle("/api/v1/", s.IntakeHandler())
	// Slow or idle clients are cut off: headers within 10 s, a body within a
	// minute, an idle keep-alive after 30 s; MaxIntakeConns bounds the rest.
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: time.Minute, IdleTimeout: 30 * time.Second, MaxHeaderBytes: 64 << 10}
	s.lnMu.Lock()
	s.listener, s.lnAddr = srv, ln.Addr().String()
	s.lnMu.Unlock()
	go func() {
		if err := srv.Serve(limitConns(ln, MaxIntakeConns)); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("push: intake listener stopped", "addr", ln.Addr().String(), "err", err)
		}
	}()
	s.log.Info("push: intake API listening", "addr", ln.Addr().String())
	return nil
}

// StopListener stops the intake listener, letting requests in flight finish
// (up to 5 s). It does nothing when none runs.
func (s *Service) StopListener() error {
	s.lnMu.Lock()
	srv := s.listener
	s.listener, s.lnAddr = nil, ""
	s.lnMu.Unlock()
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

// ListenerAddr is the address the intake listener is bound to, or "" when it is off.
func (s *Service) ListenerAddr() string {
	s.lnMu.Lock()
	defer s.lnMu.Unlock()
	return s.lnAddr
}

// ApplyListener starts, moves or stops the listener to match the saved
// settings (IntakeEnabled, IntakeAddr). The desktop calls it at start and
// after SaveSettings.
func (s *Service) ApplyListener(ctx context.Context) error {
	set, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	if !set.IntakeEnabled {
		return s.StopListener()
	}
	if cur := s.ListenerAddr(); cur != "" && cur == set.IntakeAddr {
		return nil
	}
	return s.StartListener(ctx, set.IntakeAddr)
}
