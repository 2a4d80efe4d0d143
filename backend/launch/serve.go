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
	"time"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/server"
	"wecom-bridge/backend/services"
)

// DefaultServeAddr keeps serve mode on loopback unless asked otherwise.
const DefaultServeAddr = "127.0.0.1:8750"

// Serve runs `wecom-bridge serve [--addr A] [--data D]` until ctx ends.
func Serve(ctx context.Context, dataFlag string, args []string, assets fs.FS, bind Binder, stdout io.Writer) error {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fl.String("addr", DefaultServeAddr, "listen address")
	data := fl.String("data", dataFlag, "data directory")
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
	token, err := server.LoadOrCreateToken(s.svc.DataDir)
	if err != nil {
		return err
	}
	hub := events.NewHub()
	s.svc.Events.Set(hub)
	bound, _ := bind(s.svc)
	handler := server.New(server.Config{Bound: bound, Assets: assets, Hub: hub, Token: token,
		Authed:       s.svc.FileHandlers(),
		Integrations: map[string]http.Handler{"/api/v1/": s.svc.Push.IntakeHandler()}})

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another program using the port? pick one with --addr)", *addr, err)
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	url := fmt.Sprintf("http://%s/?token=%s", ln.Addr().String(), token)
	fmt.Fprintf(stdout, "WeCom Bridge is serving on http://%s\nOpen: %s\nData: %s\n", ln.Addr(), url, s.svc.DataDir)
	s.logger.Info("serve mode listening", "addr", ln.Addr().String())

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
