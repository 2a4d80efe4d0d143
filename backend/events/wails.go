package events

import (
	"context"

	"wecom-bridge/backend/contract"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Wails emits through the Wails runtime. Only the desktop entry point creates
// one, with the context Wails passes to OnStartup.
type Wails struct{ Ctx context.Context }

// Emit forwards to runtime.EventsEmit; lists in the payload arrive as [], never null.
func (w Wails) Emit(name string, payload any) {
	if w.Ctx == nil {
		return
	}
	runtime.EventsEmit(w.Ctx, name, contract.Filled(payload))
}
