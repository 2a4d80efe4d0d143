package callbackapps

import "sync"

// replyMemo remembers, per event, which rule Reply answered with (0: none),
// so Process reports what was sent in the POST, not what the rules say by
// the time the event is processed. Bounded: the oldest entries go first; an
// event processed after a restart is judged by the rules as they are.
type replyMemo struct {
	mu    sync.Mutex
	rules map[int64]int64
	order []int64
}

const memoSize = 10000

func (m *replyMemo) put(event, rule int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.rules == nil {
		m.rules = map[int64]int64{}
	}
	if _, ok := m.rules[event]; !ok {
		m.order = append(m.order, event)
	}
	m.rules[event] = rule
	if len(m.order) > memoSize {
		delete(m.rules, m.order[0])
		m.order = m.order[1:]
	}
}

func (m *replyMemo) get(event int64) (int64, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.rules[event]
	return r, ok
}
