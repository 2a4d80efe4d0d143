// Package corp is the Setup (接入配置) backend: the WeCom corps and their
// self-built apps, their secrets (sealed by backend/secrets), input that
// forgives pasted whitespace and explains mistakes, one cached WeCom client
// per corp, the read-only connectivity check, the copy panel, the demo corp
// on an in-process simulator, and the `corp` CLI.
package corp

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"wecom-bridge/backend/usererr"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/secrets"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/wecom"
)

// Service owns corps and apps. It is safe for concurrent use.
type Service struct {
	st         *store.Store
	vault      *secrets.Vault
	log        *slog.Logger
	emitter    events.Emitter
	clientOpts []wecom.Option
	keyOpts    secrets.Options
	tlsRoots   *x509.CertPool // nil: the system roots (tests trust their own CA)

	mu      sync.Mutex // guards clients
	clients map[int64]*cachedClient

	demoMu sync.Mutex // guards demo
	demo   *demoSim

	deps dependents // what features keep for a corp or an app, registered at wiring time

	lookupProbe LookupProbe // the check's lookup value and its answer (check_lookup.go)

	actor string // who saves, for the configuration audit
}

// Option configures Open.
type Option func(*Service)

// WithVault uses v instead of opening the vault of the store's data directory.
func WithVault(v *secrets.Vault) Option { return func(s *Service) { s.vault = v } }

// WithKeyOptions passes options to secrets.Open (e.g. Backend: file).
func WithKeyOptions(o secrets.Options) Option { return func(s *Service) { s.keyOpts = o } }

// WithActor names who acts through this service in the configuration audit (default "app").
func WithActor(actor string) Option {
	return func(s *Service) {
		if actor != "" {
			s.actor = actor
		}
	}
}

// WithLogger sets the logger (secrets are redacted by the logging package).
func WithLogger(l *slog.Logger) Option {
	return func(s *Service) {
		if l != nil {
			s.log = l
		}
	}
}

// WithEmitter sends "corp:check" progress events to e.
func WithEmitter(e events.Emitter) Option {
	return func(s *Service) {
		if e != nil {
			s.emitter = e
		}
	}
}

// WithClientOptions adds options to every WeCom client the service builds
// (after base URL, proxy, token store and logger), e.g. a faster retry backoff in tests.
func WithClientOptions(opts ...wecom.Option) Option {
	return func(s *Service) { s.clientOpts = append(s.clientOpts, opts...) }
}

// Open builds the service over st, opening the vault of st.DataDir unless one
// is given, and brings the demo simulator back if a demo corp exists.
func Open(ctx context.Context, st *store.Store, opts ...Option) (*Service, error) {
	s := &Service{st: st, log: slog.Default(), emitter: events.Discard{}, clients: map[int64]*cachedClient{}, actor: "app"}
	for _, o := range opts {
		o(s)
	}
	if s.vault == nil {
		ko := s.keyOpts
		if ko.Logger == nil {
			ko.Logger = s.log
		}
		v, err := secrets.Open(st.DataDir, ko)
		if err != nil {
			return nil, fmt.Errorf("open the secret vault: %w", err)
		}
		s.vault = v
	}
	if err := s.resumeDemo(ctx); err != nil {
		// The app must still start: the demo corp shows its check failing instead.
		s.log.Warn("corp: could not restart the demo simulator", "err", err)
	}
	return s, nil
}

// Close stops the demo simulator, if running.
func (s *Service) Close() error {
	s.stopDemo()
	return nil
}

// Vault returns the vault sealing the secrets.
func (s *Service) Vault() *secrets.Vault { return s.vault }

// List returns every corp with its apps, the active one first.
func (s *Service) List(ctx context.Context) ([]Corp, error) {
	rows, err := listCorpRows(ctx, s.st.DB)
	if err != nil {
		return nil, err
	}
	out := make([]Corp, 0, len(rows))
	for i := range rows {
		c, err := s.readModel(ctx, &rows[i])
		if err != nil {
			return nil, err
		}
		out = append(out, *c)
	}
	return out, nil
}

// Get returns one corp by its row id.
func (s *Service) Get(ctx context.Context, id int64) (*Corp, error) {
	r, err := getCorpRow(ctx, s.st.DB, id)
	if err != nil {
		return nil, err
	}
	return s.readModel(ctx, r)
}

// Active returns the active corp, or nil when none is configured.
func (s *Service) Active(ctx context.Context) (*Corp, error) {
	r, err := getCorpRowWhere(ctx, s.st.DB, `active = 1`)
	if err != nil || r == nil {
		return nil, err
	}
	return s.readModel(ctx, r)
}

// SetActive makes corp id the active one (shown in the header).
func (s *Service) SetActive(ctx context.Context, id int64) error {
	tx, err := s.st.DB.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := getCorpRow(ctx, tx, id); err != nil {
		return err
	}
	if err := setActive(ctx, tx, id); err != nil {
		return err
	}
	return tx.Commit()
}

// CorpByKey finds a corp by the key in its callback URLs (nil if none).
func (s *Service) CorpByKey(ctx context.Context, key string) (*Corp, error) {
	r, err := getCorpRowWhere(ctx, s.st.DB, `corp_key = ?`, key)
	if err != nil || r == nil {
		return nil, err
	}
	return s.readModel(ctx, r)
}

// Find resolves what an admin types on the command line: a row id, a corp ID
// (ww…), a corp key or a name.
func (s *Service) Find(ctx context.Context, ref string) (*Corp, error) {
	r, err := getCorpRowWhere(ctx, s.st.DB, `CAST(id AS TEXT) = ?1 OR corp_id = ?1 OR corp_key = ?1 OR name = ?1 ORDER BY CAST(id AS TEXT) = ?1 DESC, corp_id = ?1 DESC`, ref)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, usererr.Wrap(ErrNotFound, "corp_ref_not_found", usererr.Args{"ref": ref})
	}
	return s.readModel(ctx, r)
}

// readModel decrypts only to mask: no secret leaves this function.
func (s *Service) readModel(ctx context.Context, r *corpRow) (*Corp, error) {
	var mismatch error
	field := func(enc string) SecretField {
		f, _, err := s.open(enc)
		if err != nil && mismatch == nil {
			mismatch = err
		}
		return f
	}
	c := &Corp{
		ID: r.ID, Key: r.Key, Name: r.Name, CorpID: r.CorpID, APIBaseURL: r.APIBaseURL,
		ContactPermission: r.ContactPermission,
		ContactSecret:     field(r.ContactSecretEnc),
		CustomerSecret:    field(r.CustomerSecretEnc),
		CallbackToken:     field(r.CallbackTokenEnc),
		CallbackAESKey:    field(r.CallbackAESKeyEnc),
		Demo:              r.Demo, Active: r.Active, CreatedAt: r.CreatedAt.String(), UpdatedAt: r.UpdatedAt.String(),
		Apps: []App{},
	}
	if _, proxy, err := s.open(r.ProxyEnc); err != nil {
		mismatch = cmpErr(mismatch, err)
	} else {
		c.ProxyURL = redactProxy(proxy)
	}
	apps, err := listAppRows(ctx, s.st.DB, r.ID)
	if err != nil {
		return nil, err
	}
	for i := range apps {
		a := appModel(&apps[i], field)
		c.Apps = append(c.Apps, a)
	}
	if err := s.fillLastCheck(ctx, c); err != nil {
		return nil, err
	}
	if mismatch != nil {
		c.NeedsSecrets = true
		if m, ok := usererr.As(mismatch); ok {
			c.NeedsSecretsMessage = m.Message.Ptr()
		} else {
			c.NeedsSecretsMessage = usererr.Msg("secret_damaged", nil).Ptr()
		}
	}
	return c, nil
}

func appModel(r *appRow, field func(string) SecretField) App {
	a := App{ID: r.ID, CorpRef: r.CorpRef, Name: r.Name, AgentID: r.AgentID, HomeURL: r.HomeURL,
		Secret: field(r.SecretEnc), CallbackToken: field(r.CallbackTokenEnc), CallbackAESKey: field(r.CallbackAESKeyEnc)}
	a.NeedsSecrets = a.Secret.Unreadable || a.CallbackToken.Unreadable || a.CallbackAESKey.Unreadable
	return a
}

// open decrypts a stored value and describes it. Unreadable values (another
// machine's key, damage) are reported, never fatal.
func (s *Service) open(enc string) (SecretField, string, error) {
	if enc == "" {
		return SecretField{}, "", nil
	}
	plain, err := s.vault.Decrypt(enc)
	if err != nil {
		var de *secrets.DecryptError
		if !errors.As(err, &de) {
			return SecretField{}, "", err
		}
		return SecretField{HasSecret: true, Unreadable: true}, "", err
	}
	return SecretField{HasSecret: true, SecretMask: secrets.Mask(plain)}, plain, nil
}

// cmpErr keeps the first error.
func cmpErr(first, next error) error {
	if first != nil {
		return first
	}
	return next
}
