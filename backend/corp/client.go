package corp

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"wecom-bridge/backend/usererr"

	"wecom-bridge/backend/wecom"
)

// Credentials are a corp's decrypted secrets, for the backend only: never
// send them to the UI. JSON and %v show names and agent ids, not secrets.
type Credentials struct {
	CorpRef         int64
	CorpID          string
	Contact         wecom.Credential // 通讯录同步 (AgentID 0); Secret "" when not configured
	ContactWritable bool             // permission 读写
	Customer        wecom.Credential // 客户联系; Secret "" when not configured
	Apps            []wecom.Credential
}

// App returns the credential of the app with agentID.
func (c Credentials) App(agentID int64) (wecom.Credential, bool) {
	for _, a := range c.Apps {
		if a.AgentID == agentID {
			return a, true
		}
	}
	return wecom.Credential{}, false
}

// HasContact reports whether the 通讯录同步 secret is configured.
func (c Credentials) HasContact() bool { return c.Contact.Secret != "" }

// MarshalJSON leaves the secrets out.
func (c Credentials) MarshalJSON() ([]byte, error) {
	apps := make([]string, len(c.Apps))
	for i, a := range c.Apps {
		apps[i] = a.String()
	}
	return json.Marshal(map[string]any{"corpRef": c.CorpRef, "corpId": c.CorpID, "contact": c.HasContact(),
		"contactWritable": c.ContactWritable, "customer": c.Customer.Secret != "", "apps": apps})
}

// String describes the credentials without secrets.
func (c Credentials) String() string {
	b, _ := c.MarshalJSON()
	return string(b)
}

// ErrNeedsSecrets means some secret of the corp cannot be decrypted here;
// errors.Is matches it. The message asks to enter the secrets again.
var ErrNeedsSecrets = errors.New("corp secrets must be entered again")

// corpConfig is a corp with its secrets opened.
type corpConfig struct {
	row        corpRow
	proxy      string
	cred       Credentials
	apps       []appConfig
	unreadable error // first decrypt failure, nil when all secrets open
}

type appConfig struct {
	row            appRow
	cred           wecom.Credential
	callbackToken  string
	callbackAESKey string
}

func (s *Service) loadConfig(ctx context.Context, id int64) (*corpConfig, error) {
	r, err := getCorpRow(ctx, s.st.DB, id)
	if err != nil {
		return nil, err
	}
	cfg := &corpConfig{row: *r}
	open := func(enc string) string {
		_, plain, err := s.open(enc)
		if err != nil && cfg.unreadable == nil {
			cfg.unreadable = err
		}
		return plain
	}
	cfg.proxy = open(r.ProxyEnc)
	cfg.cred = Credentials{CorpRef: r.ID, CorpID: r.CorpID, ContactWritable: r.ContactPermission == PermissionWrite,
		Contact:  wecom.Credential{Name: "通讯录同步", Secret: open(r.ContactSecretEnc)},
		Customer: wecom.Credential{Name: "客户联系", Secret: open(r.CustomerSecretEnc)},
	}
	apps, err := listAppRows(ctx, s.st.DB, r.ID)
	if err != nil {
		return nil, err
	}
	for _, a := range apps {
		ac := appConfig{row: a, cred: wecom.Credential{Name: a.Name, AgentID: a.AgentID, Secret: open(a.SecretEnc)},
			callbackToken: open(a.CallbackTokenEnc), callbackAESKey: open(a.CallbackAESKeyEnc)}
		cfg.apps = append(cfg.apps, ac)
		cfg.cred.Apps = append(cfg.cred.Apps, ac.cred)
	}
	return cfg, nil
}

// fingerprint changes whenever anything the client is built from changes.
func (c *corpConfig) fingerprint() string {
	h := sha256.New()
	for _, s := range []string{c.row.CorpID, c.row.APIBaseURL, c.proxy, c.cred.Contact.Secret, c.cred.Customer.Secret} {
		h.Write([]byte(s + "\x00"))
	}
	for _, a := range c.cred.Apps {
		h.Write([]byte(strconv.FormatInt(a.AgentID, 10) + ":" + a.Secret + "\x00"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

type cachedClient struct {
	fingerprint string
	client      *wecom.Client
}

// Client returns the corp's WeCom client (one per corp, rebuilt when its base
// URL, proxy or secrets change) and its decrypted credentials. A corp whose
// secrets cannot be decrypted here gives an error matching ErrNeedsSecrets.
func (s *Service) Client(ctx context.Context, id int64) (*wecom.Client, Credentials, error) {
	cfg, err := s.loadConfig(ctx, id)
	if err != nil {
		return nil, Credentials{}, err
	}
	if cfg.unreadable != nil {
		return nil, Credentials{}, usererr.Wrap(fmt.Errorf("%w: %v", ErrNeedsSecrets, cfg.unreadable), "corp_needs_secrets", usererr.Args{"corp": cfg.row.Name})
	}
	return s.clientFor(cfg), cfg.cred, nil
}

func (s *Service) clientFor(cfg *corpConfig) *wecom.Client {
	fp := cfg.fingerprint()
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.clients[cfg.row.ID]; c != nil && c.fingerprint == fp {
		return c.client
	}
	opts := []wecom.Option{wecom.WithBaseURL(cfg.row.APIBaseURL), wecom.WithTokenStore(s.st.Tokens(s.vault)), wecom.WithLogger(s.log)}
	if cfg.proxy != "" {
		opts = append(opts, wecom.WithProxy(cfg.proxy))
	}
	opts = append(opts, s.clientOpts...)
	c := wecom.New(cfg.row.CorpID, opts...)
	s.clients[cfg.row.ID] = &cachedClient{fingerprint: fp, client: c}
	return c
}

func (s *Service) forgetClient(id int64) {
	s.mu.Lock()
	delete(s.clients, id)
	s.mu.Unlock()
}

// CallbackConfig is what a callback receiver needs to verify and decrypt.
// It holds secrets: keep it in the backend. %v does not show them.
type CallbackConfig struct {
	CorpRef        int64
	CorpID         string // the receiveid of self-built app callbacks
	AgentID        int64  // 0 for the contact-change callback
	Token          string
	EncodingAESKey string
}

// String describes the config without its Token and EncodingAESKey.
func (c CallbackConfig) String() string {
	return fmt.Sprintf("callback config (corp %s, agentid %d)", c.CorpID, c.AgentID)
}

// GoString keeps %#v from printing the secrets.
func (c CallbackConfig) GoString() string { return c.String() }

// CallbackConfig returns the callback Token/EncodingAESKey for the corp with
// callback key corpKey: agentID 0 for contact changes, else that app's.
func (s *Service) CallbackConfig(ctx context.Context, corpKey string, agentID int64) (*CallbackConfig, error) {
	r, err := getCorpRowWhere(ctx, s.st.DB, `corp_key = ?`, corpKey)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, fmt.Errorf("no corp with callback key %q: %w", corpKey, ErrNotFound)
	}
	cfg, err := s.loadConfig(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	out := &CallbackConfig{CorpRef: r.ID, CorpID: r.CorpID, AgentID: agentID}
	tokenEnc, keyEnc := r.CallbackTokenEnc, r.CallbackAESKeyEnc
	if agentID != 0 {
		var found *appConfig
		for i := range cfg.apps {
			if cfg.apps[i].row.AgentID == agentID {
				found = &cfg.apps[i]
			}
		}
		if found == nil {
			return nil, fmt.Errorf("corp %q has no app with AgentId %d: %w", r.Name, agentID, ErrNotFound)
		}
		tokenEnc, keyEnc = found.row.CallbackTokenEnc, found.row.CallbackAESKeyEnc
	}
	var e1, e2 error
	_, out.Token, e1 = s.open(tokenEnc)
	_, out.EncodingAESKey, e2 = s.open(keyEnc)
	if err := errors.Join(e1, e2); err != nil {
		return nil, fmt.Errorf("corp %q callback: %w: %v", r.Name, ErrNeedsSecrets, err)
	}
	if out.Token == "" || out.EncodingAESKey == "" {
		return nil, fmt.Errorf("corp %q: no callback Token/EncodingAESKey configured for agentid %d: generate them in Setup", r.Name, agentID)
	}
	return out, nil
}
