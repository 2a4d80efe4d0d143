// Package logging sets up slog for the app (stderr + a size-capped file under <data>/logs)
// and owns the redaction rules that keep secrets and tokens out of every log line.
package logging

import (
	"regexp"
	"sort"
	"strings"
	"sync"
)

// queryParamRe matches sensitive query parameters and JSON-ish key/value pairs.
// access_token and corpsecret are what WeCom puts in URLs; the others show up in
// request bodies and config dumps.
var queryParamRe = regexp.MustCompile(`(?i)((?:access_token|corpsecret|secret|encoding_?aes_?key|jsapi_ticket)["']?\s*[=:]\s*["']?)([^&\s"',}]+)`)

// Redactor removes known secret values and sensitive URL parameters from text.
// It is safe for concurrent use; secrets can be registered at any time (for
// example when a corp's config is loaded).
type Redactor struct {
	mu      sync.RWMutex
	secrets []string // sorted longest first so overlapping secrets are fully cut
}

// Default is the process-wide redactor used by the slog handler and RedactURL.
var Default = &Redactor{}

// AddSecret registers a value that must never appear in logs. Values shorter
// than 6 characters are ignored: redacting them would mangle ordinary text.
func (r *Redactor) AddSecret(s string) {
	s = strings.TrimSpace(s)
	if len(s) < 6 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, x := range r.secrets {
		if x == s {
			return
		}
	}
	r.secrets = append(r.secrets, s)
	sort.Slice(r.secrets, func(i, j int) bool { return len(r.secrets[i]) > len(r.secrets[j]) })
}

// String returns s with every registered secret and sensitive parameter value replaced.
func (r *Redactor) String(s string) string {
	if s == "" {
		return s
	}
	s = queryParamRe.ReplaceAllString(s, "${1}[REDACTED]")
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, secret := range r.secrets {
		if strings.Contains(s, secret) {
			s = strings.ReplaceAll(s, secret, "[REDACTED]")
		}
	}
	return s
}

// Redact applies the Default redactor.
func Redact(s string) string { return Default.String(s) }

// RedactURL cuts access_token, corpsecret and registered secrets out of a URL
// (or any string) before it is logged or put in an error message.
func RedactURL(u string) string { return Default.String(u) }

// AddSecret registers a secret with the Default redactor.
func AddSecret(s string) { Default.AddSecret(s) }
