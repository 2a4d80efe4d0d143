// Package integration serves the endpoints other systems call, each with its
// own auth (the intake API's API keys, WeCom's callback signature, OIDC):
// one route table, built once by services.IntegrationRoutes, mounted by serve
// mode beside the UI (server.Config.Integrations) and served by the desktop's
// own listener (Listener, Settings → 集成接口).
//
// Adding an endpoint is one line in services/integrations.go:
//
//	routes["GET /oidc/authorize"] = s.Login.AuthorizeHandler()
//
// A key is a Go 1.22 ServeMux pattern ("/api/v1/" prefix, "POST /callback/app/{key}/{agentid}").
// A route for some names of a segment only (a wildcard takes any) is wrapped
// in Only: the names it refuses go on to serve mode's page (Routes.Mount).
package integration
