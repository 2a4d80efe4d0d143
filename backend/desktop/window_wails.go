//go:build desktop || dev || production || bindings

package desktop

import (
	"context"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
)

// Available reports whether this binary can open a window.
const Available = true

// Run opens the window and blocks until it closes.
func Run(o Options) error {
	return wails.Run(&options.App{
		Title:            o.Title,
		Width:            1280,
		Height:           820,
		MinWidth:         960,
		MinHeight:        600,
		AssetServer:      &assetserver.Options{Assets: o.Assets, Handler: o.Handler},
		BackgroundColour: &options.RGBA{R: 255, G: 255, B: 255, A: 255},
		OnStartup:        o.OnStartup,
		OnShutdown:       func(ctx context.Context) { callIf(o.OnShutdown, ctx) },
		Bind:             o.Bind,
		ErrorFormatter:   FormatError,
		Linux:            &linux.Options{ProgramName: "wecom-bridge", WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
	})
}

func callIf(f func(context.Context), ctx context.Context) {
	if f != nil {
		f(ctx)
	}
}
