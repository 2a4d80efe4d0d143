package launch

import (
	"context"
	"io/fs"

	"wecom-bridge/backend/desktop"
	"wecom-bridge/backend/events"
	"wecom-bridge/backend/services"
)

// Desktop opens the data directory and runs the Wails window until it closes.
func Desktop(dataFlag string, assets fs.FS, bind Binder) error {
	if !desktop.Available {
		return desktop.Run(desktop.Options{}) // returns the "built without the window" explanation
	}
	if desktop.GeneratingBindings {
		// Wails runs this build only to read the bound methods: touch no data.
		bound, _ := bind(nil)
		return desktop.Run(desktop.Options{Title: "WeCom Bridge", Assets: assets, Bind: []any{bound}})
	}
	s, err := open(context.Background(), dataFlag, services.ModeDesktop)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.svc.StartBackground(context.Background()); err != nil {
		return err
	}
	// The endpoints other systems call (intake API, callbacks) listen on
	// their own address in the desktop (Settings → 集成接口; off until enabled).
	if err := s.svc.ApplyIntegrationListener(context.Background()); err != nil {
		s.logger.Warn("integration listener not started", "err", err)
	}
	bound, onStartup := bind(s.svc)
	return desktop.Run(desktop.Options{
		Title:   "WeCom Bridge 企微桥",
		Assets:  assets,
		Bind:    []any{bound},
		Handler: s.svc.FileHandlerMux(),
		OnStartup: func(ctx context.Context) {
			s.svc.Events.Set(events.Wails{Ctx: ctx})
			if onStartup != nil {
				onStartup(ctx)
			}
		},
	})
}
