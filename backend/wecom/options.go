package wecom

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"wecom-bridge/backend/logging"
)

// Option configures a Client in New.
type Option func(*Client)

// WithBaseURL points the client at another host: a private deployment or the
// simulator. "https://host", "https://host/" and "https://host/cgi-bin" are the same.
func WithBaseURL(u string) Option {
	return func(c *Client) { c.baseURL = normalizeBaseURL(u) }
}

// WithHTTPClient sets the HTTP client. The client's own Timeout still applies
// besides the attempt timeout; cancellation comes from each call's context.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) {
		if hc != nil {
			c.http = hc
		}
	}
}

// WithAttemptTimeout bounds one HTTP attempt (connect, send, read the whole
// answer); default DefaultAttemptTimeout. An attempt that runs out is retried
// like a broken connection, so a hung host costs at most (retries+1) × d.
func WithAttemptTimeout(d time.Duration) Option {
	return func(c *Client) {
		if d > 0 {
			c.attempt = d
		}
	}
}

// WithProxy sends every request through an HTTP(S) or SOCKS5 proxy, e.g.
// "http://proxy.corp:3128". A bad URL makes every call fail with the reason.
func WithProxy(proxyURL string) Option {
	return func(c *Client) { c.proxyURL = proxyURL }
}

// WithTokenStore persists access tokens, so a restart does not call gettoken again.
func WithTokenStore(s TokenStore) Option {
	return func(c *Client) {
		if s != nil {
			c.store = s
		}
	}
}

// WithLimiter replaces the default per-API limiter (DefaultPerMinute a minute).
func WithLimiter(l Limiter) Option {
	return func(c *Client) {
		if l != nil {
			c.limiter = l
		}
	}
}

// WithLogger sets the logger. URLs are logged redacted; secrets and tokens never are.
func WithLogger(l *slog.Logger) Option {
	return func(c *Client) {
		if l != nil {
			c.log = l
		}
	}
}

// WithRetryBackoff sets the first retry delay and the cap of the exponential
// backoff used after -1, 5xx and connection resets. Defaults: 200ms and 5s.
func WithRetryBackoff(base, max time.Duration) Option {
	return func(c *Client) {
		if base > 0 {
			c.backoffBase = base
		}
		if max >= base && max > 0 {
			c.backoffMax = max
		}
	}
}

// WithClock replaces the wall clock (token expiry, backoff and the default
// limiter). Tests use it to run minutes of rate limiting instantly.
func WithClock(clk Clock) Option {
	return func(c *Client) {
		if clk != nil {
			c.clock = clk
		}
	}
}

// Clock is the time source of a Client and of the default limiter.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// sleep waits d on clk, returning early with ctx's error when ctx ends. It
// refuses a wait that would outlast ctx's deadline, so a doomed call fails now.
func sleep(ctx context.Context, clk Clock, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < d {
		return fmt.Errorf("wecom: waiting %v would pass the deadline: %w", d.Round(time.Millisecond), context.DeadlineExceeded)
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-clk.After(d):
		return nil
	}
}

// withProxy returns a copy of hc whose transport goes through proxyURL.
func withProxy(hc *http.Client, proxyURL string) (*http.Client, error) {
	u, err := url.Parse(proxyURL)
	if err != nil || u.Host == "" {
		// The raw text may hold proxy credentials, so it is not echoed.
		return nil, errors.New("wecom: invalid proxy URL (want e.g. http://proxy.corp:3128)")
	}
	switch u.Scheme {
	case "http", "https", "socks5", "socks5h":
	default:
		return nil, fmt.Errorf("wecom: proxy URL %q: scheme must be http, https or socks5", logging.RedactURL(u.Redacted()))
	}
	var tr *http.Transport
	switch t := hc.Transport.(type) {
	case nil:
		tr = http.DefaultTransport.(*http.Transport).Clone()
	case *http.Transport:
		tr = t.Clone()
	default:
		return nil, errors.New("wecom: WithProxy needs the HTTP client's Transport to be an *http.Transport")
	}
	tr.Proxy = http.ProxyURL(u)
	cp := *hc
	cp.Transport = tr
	return &cp, nil
}
