package launch

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"strings"
	"time"
	"wecom-bridge/backend/usererr"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/server"
	"wecom-bridge/backend/services"
)

// DefaultServeAddr keeps serve mode on loopback unless asked otherwise.
const DefaultServeAddr = "127.0.0.1:8750"

// Serve runs `wecom-bridge serve [--addr A] [--data D] [--token-file F]
// [--allowed-host NAME]…` until ctx ends.
func Serve(ctx context.Context, dataFlag string, args []string, assets fs.FS, bind Binder, stdout io.Writer) error {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fl.String("addr", DefaultServeAddr, "listen address")
	data := fl.String("data", dataFlag, "data directory")
	tokenFile := fl.String("token-file", "", "read the serve token from this file (created with a new token if missing; rotation writes here)")
	var allowed []string
	fl.Func("allowed-host", "a host name a TLS reverse proxy forwards to serve (repeatable, or comma-separated)", func(v string) error {
		for _, h := range strings.Split(v, ",") {
			if h = strings.TrimSpace(h); h != "" {
				allowed = append(allowed, h)
			}
		}
		return nil
	})
	if err := fl.Parse(args); err != nil {
		return err
	}
	s, err := open(ctx, *data, services.ModeServe)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.svc.StartBackground(ctx); err != nil {
		return err
	}
	token, err := server.LoadToken(s.svc.DataDir, *tokenFile)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return usererr.Wrap(err, "serve_listen", usererr.Args{"addr": *addr, "error": err.Error()})
	}
	limits := server.DefaultLimits()
	ln = server.LimitListener(ln, limits.MaxConns)
	bound := ln.Addr().String()
	s.svc.ServeAddr = bound
	openURL := func(tok string) string { return fmt.Sprintf("http://%s/#token=%s", bound, tok) }
	hub := events.NewHub()
	s.svc.Events.Set(hub)
	app, _ := bind(s.svc)
	handler := server.New(server.Config{Bound: app, Assets: assets, Hub: hub, Token: token,
		Addr: []string{*addr, bound}, AllowedHosts: allowed,
		OnRotate: func(tok string) {
			fmt.Fprintf(stdout, "The serve token was rotated; every browser was signed out.\nOpen: %s\n", openURL(tok))
		},
		Authed:       s.svc.FileHandlers(),
		Integrations: s.svc.IntegrationRoutes()})

	srv := server.NewHTTPServer(handler, limits)
	fmt.Fprint(stdout, server.NonLoopbackWarning(*addr))
	fmt.Fprintf(stdout, "WeCom Bridge is serving on http://%s\nOpen: %s\nData: %s\n", bound, openURL(token.Value), s.svc.DataDir)
	s.logger.Info("serve mode listening", "addr", bound, "max_conns", limits.MaxConns)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdownCtx)
		return nil
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	}
}
