// Package services is the composition root: it opens the store, sets up the
// event emitter and builds every feature service. The Wails-bound App and the
// CLI subcommands both delegate to it, so they cannot drift apart.
package services

import (
	"context"
	"log/slog"
	"sync"
	"wecom-bridge/backend/actor"

	"wecom-bridge/backend/autoreply"
	"wecom-bridge/backend/callback"
	"wecom-bridge/backend/contactsync"
	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/events"
	"wecom-bridge/backend/integration"
	"wecom-bridge/backend/jobs"
	"wecom-bridge/backend/login"
	"wecom-bridge/backend/mirror"
	"wecom-bridge/backend/oidc"
	"wecom-bridge/backend/push"
	"wecom-bridge/backend/review"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/syncer"
	"wecom-bridge/backend/transfer"
)

// Mode says how the process presents its UI.
type Mode string

const (
	ModeDesktop Mode = "desktop"
	ModeServe   Mode = "serve"
	ModeCLI     Mode = "cli"
)

// Services holds everything the app runs on.
type Services struct {
	DataDir string
	Mode    Mode
	// Actor is who acts through this process, for audit and history ("desktop:alice").
	Actor     string
	Store     *store.Store
	Events    *events.Switch
	Log       *slog.Logger
	Corps     *corp.Service
	Mirror    *mirror.Service
	Directory *directory.Service
	Transfer  *transfer.Store
	Review    *review.Service
	Sync      *syncer.Service
	Push      *push.Service
	// Callbacks is WeCom's callback receiver and its event log.
	Callbacks *callback.Service
	// AutoReply holds the app messages' auto-reply rules (app_callbacks.go).
	AutoReply *autoreply.Service
	// ContactSync processes contact-change callbacks (contactsync.go).
	ContactSync *contactsync.Service
	// Login builds login links and keeps the sign-in log; OIDC is the
	// OpenID Connect provider (docs/login.md).
	Login *login.Service
	OIDC  *oidc.Service
	// ServeAddr is the address serve mode listens on (the issuer when the
	// 对外域名 is not set); set by launch.Serve.
	ServeAddr string
	// Listener is the desktop's integration listener (IntegrationRoutes on
	// its own address; integrations.go).
	Listener   *integration.Listener
	routesOnce sync.Once
	routes     integration.Routes
	// Jobs are the long jobs the UI started (jobs.go).
	Jobs      *jobs.Registry
	scheduler *syncer.Scheduler
	// housekeeping (housekeep.go), started by StartBackground
	stopHousekeeping context.CancelFunc
	housekeepDone    chan struct{}
}

// Open opens the store in dataDir. The caller owns the data-directory lock.
func Open(ctx context.Context, dataDir string, mode Mode, log *slog.Logger) (*Services, error) {
	st, err := store.Open(ctx, dataDir)
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	s := &Services{DataDir: dataDir, Mode: mode, Actor: actor.Of(string(mode)), Store: st, Events: &events.Switch{}, Log: log}
	s.Jobs = jobs.New(s.Events, log)
	if s.Corps, err = corp.Open(ctx, st, corp.WithEmitter(s.Events), corp.WithLogger(log), corp.WithActor(s.Actor)); err != nil {
		st.Close()
		return nil, err
	}
	s.Mirror = mirror.New(st, s.Events)
	s.Directory = directory.New(st)
	s.Review = review.New(st, reviewSources{dir: s.Directory, mirror: s.Mirror})
	s.wireLookups()
	s.Sync = syncer.New(st, s.Events, syncer.WithMirror(s.Mirror))
	s.Push = push.New(st, pushClients{s}, pushRecipients{s}, push.WithEmitter(s.Events), push.WithLogger(log),
		push.WithActor(s.Actor), push.WithVault(s.Corps.Vault()))
	s.AutoReply = autoreply.New(st)
	s.ContactSync = s.newContactSync()
	s.Callbacks = callback.New(callback.Config{Store: st, Configs: s.Corps, Contact: s.ContactSync, App: s.appCallbacks(), Log: log})
	s.Listener = integration.NewListener(s.IntegrationRoutes, log)
	s.Login = login.New(st, s.Corps)
	s.Login.Served = s.servedURL
	s.OIDC = oidc.New(st, s.Corps, s.Review, s.Directory, s.Login)
	s.wireDependents()
	// A run left "running" by a process that died (kill -9, power loss) shows
	// as interrupted and can be resumed.
	if _, err := s.Sync.MarkInterrupted(ctx); err != nil {
		s.Close()
		return nil, err
	}
	// Likewise a pull whose process died is recorded as interrupted.
	if _, err := s.Mirror.RecordInterrupted(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if s.Transfer, err = transfer.New(dataDir); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// StartBackground starts the sync scheduler (desktop and serve modes only;
// scripts must not run scheduled syncs).
func (s *Services) StartBackground(ctx context.Context) error {
	s.scheduler = syncer.NewScheduler(s.Sync, s.planner, wecomNotifier{s}, s.Log)
	s.scheduler.Launch = s.launchScheduled // each tick runs as a job (jobs_sync.go)
	if err := s.scheduler.Start(ctx); err != nil {
		return err
	}
	// Uploads, exports and import previews past the retention go at start
	// and daily.
	s.startHousekeeping(ctx)
	// Callbacks persisted but not processed (restart included) are processed.
	s.Callbacks.Start(ctx)
	// The push worker drains the persisted queue (restart included).
	return s.Push.Start(ctx)
}

// Close stops background work (listener, scheduler, demo simulator) and closes the store.
func (s *Services) Close() error {
	s.Listener.Stop() // no request reaches a closing store
	s.Jobs.Close()    // running jobs end cancelled before the store closes
	if s.stopHousekeeping != nil {
		s.stopHousekeeping()
		<-s.housekeepDone
	}
	if s.scheduler != nil {
		s.scheduler.Stop()
		s.Push.Stop()
		s.Callbacks.Stop()
	}
	s.ContactSync.Close()
	s.Corps.Close()
	return s.Store.Close()
}
