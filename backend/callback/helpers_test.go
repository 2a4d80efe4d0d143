package callback

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/integration"
	"wecom-bridge/backend/logging"
	"wecom-bridge/backend/secrets"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// vectors are the official WXBizMsgCrypt vectors (../shared/reference).
type vectorSet struct {
	Name           string `json:"name"`
	Token          string `json:"token"`
	EncodingAESKey string `json:"encoding_aes_key"`
	ReceiveID      string `json:"receive_id"`
	Verify         struct {
		Sig, TS, Nonce, Echostr string
		EchostrInQuery          string `json:"echostr_as_sent_in_query"`
		Expected                string `json:"expected_plaintext"`
	} `json:"verify_url"`
	Post struct {
		Sig, TS, Nonce, Body string
		Expected             string `json:"expected_plaintext"`
	} `json:"decrypt_post"`
}

func (v *vectorSet) UnmarshalJSON(b []byte) error {
	type plain vectorSet
	if err := json.Unmarshal(b, (*plain)(v)); err != nil {
		return err
	}
	var raw struct {
		V map[string]string `json:"verify_url"`
		P map[string]string `json:"decrypt_post"`
	}
	json.Unmarshal(b, &raw)
	v.Verify.Sig, v.Verify.TS, v.Verify.Nonce, v.Verify.Echostr = raw.V["msg_signature"], raw.V["timestamp"], raw.V["nonce"], raw.V["echostr"]
	v.Post.Sig, v.Post.TS, v.Post.Nonce, v.Post.Body = raw.P["msg_signature"], raw.P["timestamp"], raw.P["nonce"], raw.P["body"]
	return nil
}

func loadVectors(t *testing.T) []vectorSet {
	t.Helper()
	raw, err := os.ReadFile("../wecom/wxcrypt/testdata/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Sets []vectorSet }
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Sets) < 2 {
		t.Fatalf("%d vector sets", len(doc.Sets))
	}
	return doc.Sets
}

// recorder is a Processor and AppHandler that records what it was given.
type recorder struct {
	mu     sync.Mutex
	seen   []Event
	fail   error
	reply  []byte
	called chan struct{}
}

func newRecorder() *recorder { return &recorder{called: make(chan struct{}, 100)} }

func (r *recorder) Process(_ context.Context, ev Event) ([]usererr.Message, error) {
	r.mu.Lock()
	r.seen = append(r.seen, ev)
	err := r.fail
	r.mu.Unlock()
	r.called <- struct{}{}
	return []usererr.Message{usererr.Msg("callback_effect_logged", nil)}, err
}

func (r *recorder) Reply(_ context.Context, ev Event) ([]byte, error) { return r.reply, nil }

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.seen)
}

// env is a corp service and a receiver over a real SQLite store, served
// through the integration route table on a real HTTP server.
type env struct {
	t    *testing.T
	ctx  context.Context
	st   *store.Store
	corp *corp.Service
	svc  *Service
	app  *recorder
	con  *recorder
	url  string
	logs interface{ String() string }
}

func newEnv(t *testing.T) *env {
	t.Helper()
	e := &env{t: t, ctx: context.Background(), app: newRecorder(), con: newRecorder()}
	st, err := store.Open(e.ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	cs, err := corp.Open(e.ctx, st, corp.WithKeyOptions(secrets.Options{Backend: secrets.BackendFile}))
	if err != nil {
		t.Fatal(err)
	}
	var log interface{ String() string }
	l, b := logging.Capture()
	log = b
	e.st, e.corp, e.logs = st, cs, log
	e.svc = New(Config{Store: st, Configs: cs, Contact: e.con, App: e.app, Log: l})
	e.svc.Start(e.ctx)
	srv := httptest.NewServer(integration.Routes(e.svc.Routes()).Mux())
	e.url = srv.URL
	t.Cleanup(func() { srv.Close(); e.svc.Stop(); cs.Close(); st.Close() })
	return e
}

// addCorp saves a corp with the vector set's corp ID and callback keys on the
// corp and on one app (agentID); it returns the corp.
func (e *env) addCorp(v vectorSet, agentID string) *corp.Corp {
	e.t.Helper()
	res, err := e.corp.SaveCorp(e.ctx, corp.CorpInput{Name: "vec " + v.Name, CorpID: v.ReceiveID, ContactPermission: corp.PermissionRead,
		CallbackToken: v.Token, CallbackAESKey: v.EncodingAESKey})
	if err != nil || !res.OK {
		e.t.Fatalf("save corp: %v %+v", err, res.Errors)
	}
	res, err = e.corp.SaveApp(e.ctx, corp.AppInput{CorpRef: res.ID, Name: "app", AgentID: agentID,
		Secret: strings.Repeat("s", 43), CallbackToken: v.Token, CallbackAESKey: v.EncodingAESKey})
	if err != nil || !res.OK {
		e.t.Fatalf("save app: %v %+v", err, res.Errors)
	}
	return res.Corp
}

// do sends a request and returns the status and body.
func (e *env) do(method, path, body string) (int, string) {
	e.t.Helper()
	req, _ := http.NewRequest(method, e.url+path, strings.NewReader(body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitState waits for event id to leave state received.
func (e *env) waitState(id int64) Event {
	e.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ev, err := e.svc.Get(e.ctx, id)
		if err != nil {
			e.t.Fatal(err)
		}
		if ev.State != StateReceived || time.Now().After(deadline) {
			return ev
		}
		time.Sleep(10 * time.Millisecond)
	}
}
