package events

import "sync"

// Recorded is one event captured by a Recorder.
type Recorded struct {
	Name    string
	Payload any
}

// Recorder keeps every emitted event in memory, for tests.
type Recorder struct {
	mu     sync.Mutex
	events []Recorded
}

// Emit records the event.
func (r *Recorder) Emit(name string, payload any) {
	r.mu.Lock()
	r.events = append(r.events, Recorded{name, payload})
	r.mu.Unlock()
}

// Events returns a copy of everything recorded so far.
func (r *Recorder) Events() []Recorded {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Recorded(nil), r.events...)
}

// Named returns the recorded payloads with the given name.
func (r *Recorder) Named(name string) []any {
	var out []any
	for _, e := range r.Events() {
		if e.Name == name {
			out = append(out, e.Payload)
		}
	}
	return out
}
