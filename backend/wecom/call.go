package wecom

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"

	"wecom-bridge/backend/logging"
)

// maxResponseBytes caps a response body; user/list of a big department is the largest.
const maxResponseBytes = 64 << 20

// request describes one API call.
type request struct {
	api     string     // path after /cgi-bin/, e.g. "user/list"; also the limiter and error key
	method  string     // http.MethodGet or http.MethodPost
	query   url.Values // without access_token
	body    any        // JSON body of a POST
	noToken bool       // gettoken itself runs without an access_token
	// dayBlock: for this API 45009 means blocked for the day (the userid
	// lookups), so it is returned at once instead of waited out.
	dayBlock bool
}

func get(api string, query url.Values) request {
	return request{api: api, method: http.MethodGet, query: query}
}

func post(api string, body any) request {
	return request{api: api, method: http.MethodPost, body: body}
}

// status is the errcode/errmsg pair every response carries.
type status struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// HTTPError is a non-200 HTTP answer (a gateway or proxy, not WeCom's JSON).
type HTTPError struct {
	API        string
	StatusCode int
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("wecom %s: HTTP %d %s", e.API, e.StatusCode, http.StatusText(e.StatusCode))
}

// do runs r under cred and decodes the JSON answer into out (when out is not
// nil, also when errcode ≠ 0, so message/send can report its invalid lists).
// It returns *Error for errcode ≠ 0 and retries as the package doc describes.
func (c *Client) do(ctx context.Context, cred Credential, r request, out any) error {
	if c.err != nil {
		return c.err
	}
	var body []byte
	if r.body != nil {
		var err error
		if body, err = json.Marshal(r.body); err != nil {
			return fmt.Errorf("wecom %s: encode request: %w", r.api, err)
		}
	}
	var (
		lastErr   error
		retries   int
		refreshed bool
	)
	for {
		if err := ctx.Err(); err != nil {
			return stopped(r.api, lastErr, err)
		}
		var token string
		if !r.noToken {
			t, err := c.AccessToken(ctx, cred)
			if err != nil && ctx.Err() != nil {
				return stopped(r.api, lastErr, ctx.Err())
			}
			if err != nil {
				return err // gettoken's own error (a bad secret, say) is the one to show
			}
			token = t
		}
		if err := c.limiter.Wait(ctx, r.api); err != nil {
			return stopped(r.api, lastErr, err)
		}
		start := c.clock.Now()
		raw, code, err := c.roundTrip(ctx, r, token, body)
		if err != nil && ctx.Err() != nil {
			return stopped(r.api, lastErr, ctx.Err())
		}
		var (
			reason string
			wait   time.Duration // 0: exponential backoff
		)
		switch {
		case err != nil:
			if !isRetryableTransport(err) {
				return err
			}
			reason = "connection"
		case code >= 500:
			err, reason = &HTTPError{API: r.api, StatusCode: code}, "http 5xx"
		case code != http.StatusOK:
			return &HTTPError{API: r.api, StatusCode: code}
		default:
			apiErr, derr := decode(r.api, raw, out)
			c.log.Debug("wecom call", "api", r.api, "cred", cred, "errcode", errcodeOf(apiErr),
				"attempt", retries+1, "took", c.clock.Now().Sub(start))
			if derr != nil {
				return derr
			}
			if apiErr == nil {
				return nil
			}
			err = apiErr
			switch {
			case isTokenError(apiErr.Code) && !r.noToken && !refreshed:
				// Refresh once; this retry does not count against maxRetries.
				refreshed = true
				c.log.Warn("wecom: token rejected, refreshing", "api", r.api, "cred", cred, "errcode", apiErr.Code)
				c.invalidateToken(ctx, cred, token)
				lastErr = err
				continue
			case apiErr.Code == CodeAPIFreqOutOfLimit && r.dayBlock:
				return apiErr
			case apiErr.Code == CodeAPIFreqOutOfLimit:
				// WeCom blocks the API for the rest of the minute. The limiter holds
				// every other caller of this API until then; this one sleeps.
				now := c.clock.Now()
				until := now.Truncate(time.Minute).Add(time.Minute)
				c.limiter.Penalize(r.api, until)
				reason, wait = "45009 rate limited", until.Sub(now)
			case backoffCodes[apiErr.Code]:
				reason = "system busy"
			default:
				return apiErr
			}
		}
		lastErr = err
		if retries >= c.maxRetries {
			return err
		}
		retries++
		if wait == 0 {
			wait = c.backoff(retries)
		}
		c.log.Warn("wecom: retrying", "api", r.api, "cred", cred, "reason", reason,
			"attempt", retries, "wait", wait, "err", err)
		if err := sleep(ctx, c.clock, wait); err != nil {
			return stopped(r.api, lastErr, err)
		}
	}
}

// roundTrip sends one HTTP request and reads the whole body.
func (c *Client) roundTrip(ctx context.Context, r request, token string, body []byte) ([]byte, int, error) {
	q := url.Values{}
	for k, v := range r.query {
		q[k] = v
	}
	if token != "" {
		q.Set("access_token", token)
	}
	u := c.baseURL + "/cgi-bin/" + r.api
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	if c.log.Enabled(ctx, slog.LevelDebug) { // redaction is a regex: skip it when nobody reads the line
		c.log.Debug("wecom request", "method", r.method, "url", logging.RedactURL(u))
	}
	actx, cancel := context.WithTimeout(ctx, c.attempt)
	defer cancel()
	raw, code, err := c.send(actx, r, u, rd)
	if err != nil && ctx.Err() == nil && errors.Is(actx.Err(), context.DeadlineExceeded) {
		return nil, code, &AttemptTimeoutError{API: r.api, After: c.attempt}
	}
	return raw, code, err
}

// AttemptTimeoutError is one attempt that got no whole answer within the
// attempt timeout. It is retried like a broken connection.
type AttemptTimeoutError struct {
	API   string
	After time.Duration
}

func (e *AttemptTimeoutError) Error() string {
	return fmt.Sprintf("wecom %s: no answer within %v (is the API host or proxy reachable and answering?)", e.API, e.After)
}

// Timeout marks it as a net.Error timeout, so it is retried.
func (e *AttemptTimeoutError) Timeout() bool { return true }

// Temporary is part of net.Error.
func (e *AttemptTimeoutError) Temporary() bool { return true }

// send does one HTTP exchange under ctx and reads the whole body.
func (c *Client) send(ctx context.Context, r request, u string, rd io.Reader) ([]byte, int, error) {
	req, err := http.NewRequestWithContext(ctx, r.method, u, rd)
	if err != nil {
		return nil, 0, fmt.Errorf("wecom %s: %w", r.api, redactErr(err))
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, 0, fmt.Errorf("wecom %s: %w", r.api, redactErr(err))
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	if err != nil {
		return nil, resp.StatusCode, fmt.Errorf("wecom %s: read response: %w", r.api, redactErr(err))
	}
	return raw, resp.StatusCode, nil
}

// decode reads errcode/errmsg and, when out is set, the typed answer.
func decode(api string, raw []byte, out any) (*Error, error) {
	st, ok := leadingStatus(raw)
	if !ok {
		if err := json.Unmarshal(raw, &st); err != nil {
			return nil, fmt.Errorf("wecom %s: response is not JSON: %w", api, err)
		}
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil && st.ErrCode == 0 {
			return nil, fmt.Errorf("wecom %s: decode response: %w", api, err)
		}
	}
	if st.ErrCode != 0 {
		return &Error{Code: st.ErrCode, Msg: st.ErrMsg, API: api}, nil
	}
	return nil, nil
}

// backoff is exponential with equal jitter: half the step is fixed, half random.
func (c *Client) backoff(attempt int) time.Duration {
	d := c.backoffBase << (attempt - 1)
	if d > c.backoffMax || d <= 0 {
		d = c.backoffMax
	}
	return d/2 + rand.N(d/2+1)
}

// stopped reports a call ended by its context (or a limiter refusing to wait
// past the deadline), keeping the last WeCom error visible to errors.As.
func stopped(api string, last, cause error) error {
	if last == nil {
		return fmt.Errorf("wecom %s: %w", api, cause)
	}
	return fmt.Errorf("%w (gave up: %w)", last, cause)
}

// isRetryableTransport: the connection broke (reset, EOF) or timed out.
// DNS failures and refused connections are configuration problems; not retried.
func isRetryableTransport(err error) bool {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNABORTED) ||
		errors.Is(err, syscall.EPIPE) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// redactErr cuts the access_token and corpsecret out of a *url.Error's URL.
func redactErr(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		ue.URL = logging.RedactURL(ue.URL)
	}
	return err
}

func errcodeOf(e *Error) int {
	if e == nil {
		return 0
	}
	return e.Code
}

// leadingStatus reads errcode and errmsg when they are the first two keys, as
// WeCom always sends them, without parsing the (possibly large) rest: a full
// second parse of a 1,000-member user/list was most of a pull's CPU.
func leadingStatus(raw []byte) (status, bool) {
	var st status
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return st, false
	}
	gotCode, gotMsg := false, false
	for i := 0; i < 2 && dec.More(); i++ {
		tok, err := dec.Token()
		if err != nil {
			return st, false
		}
		switch tok {
		case "errcode":
			if dec.Decode(&st.ErrCode) != nil {
				return st, false
			}
			gotCode = true
		case "errmsg":
			if dec.Decode(&st.ErrMsg) != nil {
				return st, false
			}
			gotMsg = true
		default:
			return st, false
		}
	}
	return st, gotCode && gotMsg
}
