//go:build !(desktop || dev || production || bindings)

package desktop

import "errors"

// Available reports whether this binary can open a window.
const Available = false

// ErrNoWindow explains how to get a binary with the desktop window.
var ErrNoWindow = errors.New("this wecom-bridge was built without the desktop window (plain `go build`). " +
	"Build it with `make build` (uses `wails build -tags webkit2_41`), or run `wecom-bridge serve` to use the same UI in a browser")

// Run always fails in a build without the window.
func Run(Options) error { return ErrNoWindow }
