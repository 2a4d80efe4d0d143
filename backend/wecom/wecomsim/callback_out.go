package wecomsim

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"wecom-bridge/backend/wecom/wxcrypt"
)

// Callback sending: like WeCom, the simulator POSTs encrypted events to the
// URL configured for the contact callback (agentid 0) or an app, signed with
// that callback's Token and encrypted with its EncodingAESKey (receiveid: the
// corp ID). A receiver that does not answer within the timeout (WeCom: 5 s),
// or cannot be reached, gets the same request again, at most 3 more times.
// A non-empty answer is a passive reply: the simulator decrypts it and
// records it in the message log (Via "passive_reply").

// CallbackTarget is where the simulator sends one callback's events.
type CallbackTarget struct {
	AgentID        int    `json:"agentid"` // 0: contact changes
	URL            string `json:"url"`
	Token          string `json:"token,omitempty"`
	EncodingAESKey string `json:"encoding_aes_key,omitempty"`
}

// CallbackDelivery is one event the simulator sent, with its attempts.
type CallbackDelivery struct {
	ID        int64     `json:"id"`
	AgentID   int       `json:"agentid"`
	Event     string    `json:"event"` // MsgType, or Event for events
	Plaintext string    `json:"plaintext"`
	Attempts  int       `json:"attempts"`
	Status    int       `json:"status"` // last HTTP status; 0 when none arrived
	Error     string    `json:"error,omitempty"`
	Reply     string    `json:"reply,omitempty"` // decrypted passive reply
	ReplyErr  string    `json:"reply_error,omitempty"`
	At        time.Time `json:"at"`
}

// CallbackRetries is how many times WeCom repeats a request that timed out.
const CallbackRetries = 3

const maxCallbackLog = 1000

type callbackOut struct {
	mu      sync.Mutex
	targets map[int]CallbackTarget
	log     []CallbackDelivery
	seq     int64
	timeout time.Duration // per attempt; 0 means 5 s
	client  *http.Client
	// contactQ carries change_contact events to their sender, in order
	// (contact_callback.go); started with the first one.
	contactQ chan []byte
}

// SetCallback configures (or, with an empty URL, removes) the callback of
// the contact directory (AgentID 0) or of an app.
func (s *Sim) SetCallback(t CallbackTarget) error {
	if t.URL != "" {
		u, err := url.Parse(t.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("callback url %q must be an http(s) URL", t.URL)
		}
		if _, err := wxcrypt.New(t.Token, t.EncodingAESKey, s.corpID); err != nil {
			return fmt.Errorf("callback token/encoding_aes_key: %w", err)
		}
	}
	if t.AgentID != 0 {
		s.mu.RLock()
		_, ok := s.apps[t.AgentID]
		s.mu.RUnlock()
		if !ok {
			return fmt.Errorf("no app with agentid %d", t.AgentID)
		}
	}
	s.cb.mu.Lock()
	defer s.cb.mu.Unlock()
	if s.cb.targets == nil {
		s.cb.targets = map[int]CallbackTarget{}
	}
	if t.URL == "" {
		delete(s.cb.targets, t.AgentID)
	} else {
		s.cb.targets[t.AgentID] = t
	}
	return nil
}

// SetCallbackTimeout sets how long one attempt waits (default 5 s, as WeCom).
func (s *Sim) SetCallbackTimeout(d time.Duration) {
	s.cb.mu.Lock()
	s.cb.timeout = d
	s.cb.mu.Unlock()
}

// CallbackTargets lists the configured callbacks without their secrets.
func (s *Sim) CallbackTargets() []CallbackTarget {
	s.cb.mu.Lock()
	defer s.cb.mu.Unlock()
	out := []CallbackTarget{}
	for _, t := range s.cb.targets {
		out = append(out, CallbackTarget{AgentID: t.AgentID, URL: t.URL})
	}
	return out
}

// CallbackLog returns the sent events, oldest first.
func (s *Sim) CallbackLog() []CallbackDelivery {
	s.cb.mu.Lock()
	defer s.cb.mu.Unlock()
	return append([]CallbackDelivery{}, s.cb.log...)
}

// ErrNoCallback means no callback URL is configured for the agent.
var ErrNoCallback = errors.New("no callback URL configured")

type envelopeOut struct {
	XMLName    xml.Name `xml:"xml"`
	ToUserName cdataOut `xml:"ToUserName"`
	Encrypt    cdataOut `xml:"Encrypt"`
	AgentID    cdataOut `xml:"AgentID"`
}

type cdataOut struct {
	Value string `xml:",cdata"`
}

// SendCallback encrypts plaintext and POSTs it to agentID's callback,
// repeating on timeouts and connection failures, and returns the delivery.
func (s *Sim) SendCallback(ctx context.Context, agentID int, event string, plaintext []byte) (CallbackDelivery, error) {
	s.cb.mu.Lock()
	t, ok := s.cb.targets[agentID]
	timeout, client := s.cb.timeout, s.cb.client
	if timeout <= 0 {
		timeout = 5 * time.Second
	}
	if client == nil {
		s.cb.client = &http.Client{}
		client = s.cb.client
	}
	s.cb.mu.Unlock()
	if !ok {
		return CallbackDelivery{}, fmt.Errorf("agentid %d: %w", agentID, ErrNoCallback)
	}
	crypt, err := wxcrypt.New(t.Token, t.EncodingAESKey, s.corpID)
	if err != nil {
		return CallbackDelivery{}, err
	}
	// Encrypt via the reply envelope (same AES + signature), then re-wrap it
	// in the request shape WeCom POSTs.
	env, err := crypt.Encrypt(plaintext, "", "")
	if err != nil {
		return CallbackDelivery{}, err
	}
	var sealed struct{ Encrypt, MsgSignature, TimeStamp, Nonce string }
	if err := xml.Unmarshal(env, &sealed); err != nil {
		return CallbackDelivery{}, err
	}
	agent := ""
	if agentID != 0 {
		agent = strconv.Itoa(agentID)
	}
	body, _ := xml.Marshal(envelopeOut{ToUserName: cdataOut{s.corpID}, Encrypt: cdataOut{sealed.Encrypt}, AgentID: cdataOut{agent}})
	q := url.Values{"msg_signature": {sealed.MsgSignature}, "timestamp": {sealed.TimeStamp}, "nonce": {sealed.Nonce}}
	target := t.URL
	if u, err := url.Parse(t.URL); err == nil {
		for k, v := range u.Query() {
			q[k] = v
		}
		u.RawQuery = q.Encode()
		target = u.String()
	}
	d := CallbackDelivery{AgentID: agentID, Event: event, Plaintext: string(plaintext), At: s.clock.Now()}
	var reply []byte
	for d.Attempts < 1+CallbackRetries {
		d.Attempts++
		status, answer, err := postCallback(ctx, client, target, body, timeout)
		d.Status, d.Error = status, ""
		if err == nil {
			reply = answer
			break
		}
		d.Error = err.Error()
		if ctx.Err() != nil || status != 0 {
			break // only timeouts and failed connections are repeated
		}
	}
	if d.Error == "" && d.Status != http.StatusOK {
		d.Error = fmt.Sprintf("receiver answered HTTP %d", d.Status)
	}
	if d.Error == "" && len(bytes.TrimSpace(reply)) > 0 {
		d.Reply, d.ReplyErr = s.openPassiveReply(crypt, agentID, reply)
	}
	s.cb.mu.Lock()
	s.cb.seq++
	d.ID = s.cb.seq
	s.cb.log = append(s.cb.log, d)
	if len(s.cb.log) > maxCallbackLog {
		s.cb.log = s.cb.log[len(s.cb.log)-maxCallbackLog:]
	}
	s.cb.mu.Unlock()
	return d, nil
}

func postCallback(ctx context.Context, client *http.Client, target string, body []byte, timeout time.Duration) (int, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return resp.StatusCode, nil, err
	}
	return resp.StatusCode, answer, nil
}

// openPassiveReply checks and decrypts a passive reply as WeCom would and
// records it in the message log; it returns the plaintext or why it was
// refused.
func (s *Sim) openPassiveReply(crypt *wxcrypt.Crypt, agentID int, reply []byte) (string, string) {
	var env struct{ Encrypt, MsgSignature, TimeStamp, Nonce string }
	if err := xml.Unmarshal(reply, &env); err != nil || env.Encrypt == "" {
		return "", "passive reply is not an encrypted envelope"
	}
	body, _ := xml.Marshal(envelopeOut{Encrypt: cdataOut{env.Encrypt}})
	plain, err := crypt.Decrypt(env.MsgSignature, env.TimeStamp, env.Nonce, body)
	if err != nil {
		return "", "passive reply: " + err.Error()
	}
	var m struct {
		ToUserName, FromUserName, MsgType, Content string
	}
	if err := xml.Unmarshal(plain, &m); err != nil {
		return string(plain), "passive reply plaintext is not XML"
	}
	if m.FromUserName != s.corpID {
		return string(plain), "passive reply FromUserName is not the corp ID"
	}
	s.recordPassiveReply(agentID, m.ToUserName, m.MsgType, m.Content, plain)
	return string(plain), ""
}
