package events

import "sync"

// Switch is an Emitter whose target can be set after construction. The desktop
// app only gets its Wails context in OnStartup, after the services exist.
type Switch struct {
	mu     sync.RWMutex
	target Emitter
}

// Set replaces the target (nil drops events).
func (s *Switch) Set(e Emitter) {
	s.mu.Lock()
	s.target = e
	s.mu.Unlock()
}

// Emit forwards to the current target.
func (s *Switch) Emit(name string, payload any) {
	s.mu.RLock()
	t := s.target
	s.mu.RUnlock()
	if t != nil {
		t.Emit(name, payload)
	}
}
