// Package launch starts the two UI modes (desktop window and serve) around a
// bound App: data directory, lock, logging, services, then the window or the
// HTTP server. main.go only parses the command line and calls in here.
package launch

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"wecom-bridge/backend/datadir"
	"wecom-bridge/backend/logging"
	"wecom-bridge/backend/services"
)

// Binder builds the bound facade (main.App) over the services, and returns the
// hook that receives the Wails context on startup.
type Binder func(svc *services.Services) (bound any, onStartup func(ctx context.Context))

// session is an opened data directory: lock, log file and services.
type session struct {
	lock   *datadir.Lock
	logs   io.Closer
	svc    *services.Services
	logger *slog.Logger
}

func open(ctx context.Context, dataFlag string, mode services.Mode) (*session, error) {
	dir, err := datadir.Resolve(dataFlag)
	if err != nil {
		return nil, err
	}
	lock, err := datadir.Acquire(dir)
	if err != nil {
		return nil, err
	}
	level := slog.LevelInfo
	if mode == services.ModeCLI {
		level = cliLevel
	}
	logger, logs, err := logging.Setup(dir, level)
	if err != nil {
		lock.Release()
		return nil, fmt.Errorf("open log file in %s/logs: %w", dir, err)
	}
	svc, err := services.Open(ctx, dir, mode, logger)
	if err != nil {
		logs.Close()
		lock.Release()
		return nil, err
	}
	logger.Info("data directory opened", "dir", dir, "mode", mode)
	return &session{lock: lock, logs: logs, svc: svc, logger: logger}, nil
}

func (s *session) close() {
	if err := s.svc.Close(); err != nil {
		s.logger.Error("close services", "err", err)
	}
	s.logs.Close()
	s.lock.Release()
}
