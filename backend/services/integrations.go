package services

import (
	"context"
	"net/http"

	"wecom-bridge/backend/integration"
	"wecom-bridge/backend/login"
)

// IntegrationRoutes is the table of endpoints other systems call, each doing
// its own auth; serve mode mounts it beside the UI and the desktop serves it
// on its integration listener. It is built once. To add an endpoint, add one
// line here (a Go 1.22 ServeMux pattern → handler).
func (s *Services) IntegrationRoutes() integration.Routes {
	s.routesOnce.Do(func() {
		s.routes = integration.Routes{
			"/api/v1/": s.Push.IntakeHandler(), // intake API, API keys (docs/push-api.md)
		}
		for pattern, h := range s.Callbacks.Routes() { // WeCom callbacks, WeCom's signature (docs/callbacks.md)
			s.routes[pattern] = h
		}
		for pattern, h := range s.OIDC.Routes() { // OpenID Connect provider and free-login links (docs/login.md)
			s.routes[pattern] = h
		}
		// WW_verify_*.txt at the root (docs/login.md); other names at the root are serve mode's page.
		s.routes["GET /{file}"] = integration.Only(func(r *http.Request) bool { return login.IsVerifyFileName(r.PathValue("file")) },
			s.Login.VerifyFileHandler())
	})
	return s.routes
}

// ApplyIntegrationListener starts, moves or stops the desktop's integration
// listener to match Settings → 集成接口 (push settings IntakeEnabled and
// IntakeAddr). The desktop calls it at start and after saving those settings.
func (s *Services) ApplyIntegrationListener(ctx context.Context) error {
	set, err := s.Push.Settings(ctx)
	if err != nil {
		return err
	}
	return s.Listener.Apply(ctx, set.IntakeEnabled, set.IntakeAddr)
}

// servedURL is where this process serves the integration endpoints: serve
// mode's address, else the desktop's integration listener ("" when off).
func (s *Services) servedURL() string {
	if s.ServeAddr != "" {
		return "http://" + s.ServeAddr
	}
	if a := s.Listener.Addr(); a != "" {
		return "http://" + a
	}
	return ""
}
