// Package events carries progress and notifications from the backend to the
// UI. Backend code only sees the Emitter interface; the three implementations
// are the Wails runtime (desktop), an SSE hub (serve mode) and a Recorder (tests).
//
// Nothing else in the project calls the Wails runtime's EventsEmit: outside a
// real Wails app it calls log.Fatalf and would kill `go test`.
package events

// Emitter sends one named event with a JSON-serialisable payload.
type Emitter interface {
	Emit(name string, payload any)
}

// Event names used across the app. Keep them here so the frontend's list
// (src/api/events.ts) has one place to mirror.
const (
	Notice = "notice" // {level, message}: a toast for the admin
	// JobUpdate carries a long job's state (jobs.Job) on each progress step and once when it ends.
	JobUpdate = "job:update"
)

// Discard drops every event. Useful for scripts (CLI subcommands).
type Discard struct{}

// Emit does nothing.
func (Discard) Emit(string, any) {}

// Multi fans an event out to several emitters.
type Multi []Emitter

// Emit sends to each emitter in order.
func (m Multi) Emit(name string, payload any) {
	for _, e := range m {
		if e != nil {
			e.Emit(name, payload)
		}
	}
}
