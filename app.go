package main

import (
	"context"

	"wecom-bridge/backend/services"
)

// App is the facade bound to the window (Wails) and to serve mode's RPC.
// One exported method per UI action; each only delegates to backend/services.
// Lifecycle hooks are unexported so they are not bound.
type App struct {
	ctx context.Context
	svc *services.Services
}

// NewApp wraps the services.
func NewApp(svc *services.Services) *App {
	return &App{ctx: context.Background(), svc: svc}
}

// startup receives the Wails context (desktop only).
func (a *App) startup(ctx context.Context) { a.ctx = ctx }

// GetAppInfo returns the version, data directory, database size and mode.
func (a *App) GetAppInfo() (services.AppInfo, error) { return a.svc.AppInfo(a.ctx) }

// SetLanguage persists the UI language ("zh-CN" or "en").
func (a *App) SetLanguage(lang string) error { return a.svc.SetLanguage(a.ctx, lang) }

// GetStartStatus reports the five getting-started steps and the active corp.
func (a *App) GetStartStatus() (services.StartStatus, error) { return a.svc.StartStatus(a.ctx) }

// MarkUIReady is called once by the frontend after it has mounted.
func (a *App) MarkUIReady() { a.svc.MarkUIReady() }
