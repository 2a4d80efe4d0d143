// Package desktop opens the Wails window. The real implementation is compiled
// only with the Wails build tags (wails build / wails dev / bindings); a plain
// `go build .` gets the stub, so serve and every other subcommand work without
// GTK/WebKit.
package desktop

import (
	"context"
	"io/fs"
	"net/http"

	"wecom-bridge/backend/usererr"
)

// Options configures the window.
type Options struct {
	Title      string
	Assets     fs.FS
	Bind       []any
	Handler    http.Handler // non-asset requests (uploads, downloads) from the window
	OnStartup  func(ctx context.Context)
	OnShutdown func(ctx context.Context)
}

// FormatError is the window's Wails ErrorFormatter: a failed bound call
// rejects its promise with the message (usererr.Message, {code, args, zh,
// en}) instead of the error's text, as serve mode's RPC error body does.
func FormatError(err error) any { return usererr.ForUI("desktop", err) }
