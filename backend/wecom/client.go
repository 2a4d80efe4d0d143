// Package wecom is the WeCom (企业微信) server-API client.
//
// One Client serves one corp. Every call runs under a Credential (an app's
// AgentID + Secret, or the 通讯录同步 secret with AgentID 0); each secret has
// its own cached access_token, refreshed through a single flight and
// persisted through a TokenStore. Calls pass a per-API Limiter and are retried
// by errcode: -1 / 5xx / connection resets with backoff, 45009 after the
// minute's block, token errors once after a refresh, configuration errors never.
package wecom

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// DefaultAttemptTimeout bounds one HTTP attempt of a call: a host that
// accepts the connection and never answers costs this much per attempt, not
// minutes. WeCom answers within a second or two even for large lists.
const DefaultAttemptTimeout = 15 * time.Second

// DefaultBaseURL is WeCom's public API host.
const DefaultBaseURL = "https://qyapi.weixin.qq.com"

// Credential is one secret of the corp: an app's secret (with its AgentID)
// or the 通讯录同步 secret (AgentID 0). Its String and LogValue never show the secret.
type Credential struct {
	Name    string // what the admin calls it, e.g. "通讯录同步" or the app's name
	AgentID int64  // 0 for the 通讯录同步 secret
	Secret  string
}

// String describes the credential without its secret, so %v and %+v are safe.
func (c Credential) String() string {
	return fmt.Sprintf("%s (agentid %d)", c.Name, c.AgentID)
}

// GoString keeps %#v from printing the secret.
func (c Credential) GoString() string { return "wecom.Credential{" + c.String() + "}" }

// LogValue keeps slog from printing the secret.
func (c Credential) LogValue() slog.Value {
	return slog.GroupValue(slog.String("name", c.Name), slog.Int64("agentid", c.AgentID))
}

// Client calls the WeCom API for one corp. It is safe for concurrent use.
type Client struct {
	corpID      string
	baseURL     string
	http        *http.Client
	proxyURL    string
	store       TokenStore
	limiter     Limiter
	log         *slog.Logger
	clock       Clock
	backoffBase time.Duration
	backoffMax  time.Duration
	maxRetries  int
	attempt     time.Duration // bound of one HTTP attempt (connect, send, whole answer)
	err         error         // a configuration error (e.g. a bad proxy URL) returned by every call

	mu     sync.Mutex
	tokens map[string]*tokenEntry // by TokenKey
	flight singleflight.Group
}

// New returns a client for corpID. Without options it talks to DefaultBaseURL,
// keeps tokens in memory and limits every API to DefaultPerMinute calls a minute.
func New(corpID string, opts ...Option) *Client {
	c := &Client{
		corpID:      corpID,
		baseURL:     DefaultBaseURL,
		clock:       realClock{},
		backoffBase: 200 * time.Millisecond,
		backoffMax:  5 * time.Second,
		maxRetries:  3,
		attempt:     DefaultAttemptTimeout,
		tokens:      map[string]*tokenEntry{},
	}
	for _, opt := range opts {
		opt(c)
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if c.store == nil {
		c.store = NewMemoryTokenStore()
	}
	if c.limiter == nil {
		c.limiter = newRateLimiter(DefaultPerMinute, c.clock)
	}
	if c.http == nil {
		c.http = &http.Client{} // each attempt is bounded by its own context (WithAttemptTimeout)
	}
	if c.proxyURL != "" {
		hc, err := withProxy(c.http, c.proxyURL)
		if err != nil {
			c.err = err
			c.log.Error("wecom: proxy not usable; every call will fail", "err", err)
		} else {
			c.http = hc
		}
	}
	return c
}

// CorpID returns the corp this client serves.
func (c *Client) CorpID() string { return c.corpID }

// normalizeBaseURL trims the trailing slash and a trailing /cgi-bin, which
// people often paste along with the host.
func normalizeBaseURL(u string) string {
	u = strings.TrimRight(strings.TrimSpace(u), "/")
	u = strings.TrimSuffix(u, "/cgi-bin")
	return u
}
