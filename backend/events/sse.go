package events

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"wecom-bridge/backend/contract"
)

// Hub is the serve-mode emitter: every event is written to each connected
// browser as a Server-Sent Event. A slow client loses events rather than
// stalling the backend (its buffer is bounded).
type Hub struct {
	mu      sync.Mutex
	clients map[chan []byte]struct{}
}

// NewHub makes an empty hub.
func NewHub() *Hub { return &Hub{clients: map[chan []byte]struct{}{}} }

type wireEvent struct {
	Name string `json:"name"`
	Data any    `json:"data"`
}

// Emit broadcasts to every connected client; lists in the payload arrive as [], never null.
func (h *Hub) Emit(name string, payload any) {
	b, err := json.Marshal(wireEvent{name, contract.Filled(payload)})
	if err != nil {
		b, _ = json.Marshal(wireEvent{name, fmt.Sprintf("unserialisable payload: %v", err)})
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- b:
		default: // client too slow: drop this event for it
		}
	}
}

// Clients returns the number of connected streams.
func (h *Hub) Clients() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// ServeHTTP streams events until the client goes away. Auth is the caller's job.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Accel-Buffering", "no")
	c := make(chan []byte, 256)
	h.mu.Lock()
	h.clients[c] = struct{}{}
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.clients, c)
		h.mu.Unlock()
	}()
	fmt.Fprint(w, ": connected\n\n")
	fl.Flush()
	ping := time.NewTicker(25 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case b := <-c:
			fmt.Fprintf(w, "data: %s\n\n", b)
			fl.Flush()
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n")
			fl.Flush()
		}
	}
}
