package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"reflect"
	"sort"
	"strings"

	"wecom-bridge/backend/usererr"
)

// MaxBodyBytes caps every RPC request body (1 MiB).
const MaxBodyBytes = 1 << 20

var errorType = reflect.TypeOf((*error)(nil)).Elem()

// method is one bound App method, as Wails would bind it.
type method struct {
	fn      reflect.Value
	params  []reflect.Type
	results []reflect.Type
}

// methodTable reflects the exported methods of the bound value, the same set
// Wails binds for the desktop window.
func methodTable(bound any) map[string]method {
	v := reflect.ValueOf(bound)
	t := v.Type()
	out := map[string]method{}
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		ft := m.Func.Type()
		var params []reflect.Type
		for p := 1; p < ft.NumIn(); p++ { // skip the receiver
			params = append(params, ft.In(p))
		}
		var results []reflect.Type
		for r := 0; r < ft.NumOut(); r++ {
			results = append(results, ft.Out(r))
		}
		out[m.Name] = method{fn: v.Method(i), params: params, results: results}
	}
	return out
}

// MethodNames lists the bound method names, sorted.
func (s *Server) MethodNames() []string {
	names := make([]string, 0, len(s.methods))
	for n := range s.methods {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// rpcError is the body of a failed call: {"error": {code, message, args, zh,
// en}}. zh/en/args are the admin's message (usererr.Message); message is the
// English text, for scripts.
type rpcError struct {
	Code    string       `json:"code"`
	Message string       `json:"message"`
	Args    usererr.Args `json:"args"`
	ZH      string       `json:"zh"`
	EN      string       `json:"en"`
}

func writeMessage(w http.ResponseWriter, status int, m usererr.Message) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]rpcError{"error": {Code: m.Code, Message: m.EN, Args: m.Args, ZH: m.ZH, EN: m.EN}})
}

// writeError answers a transport failure (not a bound method's error): the
// text is for scripts and the log, the UI shows it as an internal error.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]rpcError{"error": {Code: code, Message: msg}})
}

func (s *Server) handleRPC(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", "use POST /api/rpc/<Method> with a JSON array of arguments")
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/api/rpc/")
	m, ok := s.methods[name]
	if !ok {
		writeError(w, http.StatusNotFound, "unknown_method", fmt.Sprintf("no bound method %q", name))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "body_too_large", fmt.Sprintf("request body is over %d bytes; send less data per call", MaxBodyBytes))
			return
		}
		writeError(w, http.StatusBadRequest, "bad_body", "could not read the request body: "+err.Error())
		return
	}
	args, err := decodeArgs(m, body)
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_arguments", fmt.Sprintf("%s: %v", name, err))
		return
	}
	result, callErr := s.call(name, m, args)
	if callErr != nil {
		m := usererr.ForUI(name, callErr)
		status := http.StatusBadRequest
		if m.Code == usererr.CodeInternal {
			status = http.StatusInternalServerError
		}
		writeMessage(w, status, m)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if err := json.NewEncoder(w).Encode(map[string]any{"result": result}); err != nil {
		slog.Error("rpc: encode result", "method", name, "err", err)
	}
}

func decodeArgs(m method, body []byte) ([]reflect.Value, error) {
	var raw []json.RawMessage
	if len(strings.TrimSpace(string(body))) == 0 {
		raw = nil
	} else if err := json.Unmarshal(body, &raw); err != nil {
		return nil, fmt.Errorf("the body must be a JSON array of arguments: %v", err)
	}
	if len(raw) != len(m.params) {
		return nil, fmt.Errorf("takes %d argument(s), got %d", len(m.params), len(raw))
	}
	out := make([]reflect.Value, len(raw))
	for i, r := range raw {
		p := reflect.New(m.params[i])
		if err := json.Unmarshal(r, p.Interface()); err != nil {
			return nil, fmt.Errorf("argument %d (%s): %v", i+1, m.params[i], err)
		}
		out[i] = p.Elem()
	}
	return out, nil
}

// call runs the method, turning a panic into an internal error so one bad
// call never takes the server down.
func (s *Server) call(name string, m method, args []reflect.Value) (result any, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s panicked: %v", name, p) // logged with a reference by usererr.ForUI
		}
	}()
	outs := m.fn.Call(args)
	for i, t := range m.results {
		if t.Implements(errorType) && t == errorType {
			if e, _ := outs[i].Interface().(error); e != nil {
				return nil, e
			}
			continue
		}
		result = outs[i].Interface()
	}
	return result, nil
}
