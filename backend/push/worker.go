package push

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Start runs the delivery worker and the daily prune until ctx ends or Stop
// is called. Messages left queued or sending by a previous run (a crash
// included) are picked up again. Calling Start twice does nothing.
func (s *Service) Start(ctx context.Context) error {
	s.runMu.Lock()
	defer s.runMu.Unlock()
	if s.cancel != nil {
		return nil
	}
	if err := s.seedMemberLimits(ctx); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	s.cancel = cancel
	s.done.Add(4)
	go func() { defer s.done.Done(); s.workLoop(ctx) }()
	go func() { defer s.done.Done(); s.pruneLoop(ctx) }()
	go func() { defer s.done.Done(); s.notifyLoop(ctx) }()
	go func() { defer s.done.Done(); s.webhookLoop(ctx) }()
	return nil
}

// Stop stops the worker (a send in flight is abandoned; its chunk stays
// pending and is resent, deduplicated, on the next Start) and the prune,
// and waits for them.
func (s *Service) Stop() {
	s.runMu.Lock()
	cancel := s.cancel
	s.cancel = nil
	s.runMu.Unlock()
	if cancel != nil {
		cancel()
		s.done.Wait()
	}
}

// Kick wakes the worker now, e.g. after a test moved the clock.
func (s *Service) Kick() { s.kick() }

func (s *Service) kick() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// inflightSet is the messages a goroutine is working on, so the dispatcher
// never hands one out twice.
type inflightSet struct {
	mu  sync.Mutex
	ids map[int64]bool
	wg  sync.WaitGroup
}

func (f *inflightSet) init() { f.ids = map[int64]bool{} }

func (f *inflightSet) add(id int64) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.ids[id] {
		return false
	}
	f.ids[id] = true
	f.wg.Add(1)
	return true
}

func (f *inflightSet) remove(id int64) {
	f.mu.Lock()
	delete(f.ids, id)
	f.mu.Unlock()
	f.wg.Done()
}

func (f *inflightSet) len() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.ids)
}

func (s *Service) workLoop(ctx context.Context) {
	poll := time.NewTicker(s.pollInterval)
	defer poll.Stop()
	for {
		s.dispatch(ctx)
		select {
		case <-ctx.Done():
			s.inflight.wg.Wait()
			return
		case <-s.wake:
		case <-poll.C:
		}
	}
}

// dispatch hands due messages to goroutines, at most concurrency at a time,
// oldest first.
func (s *Service) dispatch(ctx context.Context) {
	free := s.concurrency - s.inflight.len()
	if free <= 0 || ctx.Err() != nil {
		return
	}
	var ids []int64
	err := s.sel(ctx, nil, &ids, `SELECT id FROM push_messages WHERE state <> 'done' AND not_before <= ?
		ORDER BY not_before, id LIMIT ?`, ms(s.now()), free+s.concurrency)
	if err != nil {
		if ctx.Err() == nil {
			s.log.Error("push: look for queued messages", "err", err)
		}
		return
	}
	for _, id := range ids {
		if free == 0 {
			break
		}
		if !s.inflight.add(id) {
			continue
		}
		free--
		go func() {
			defer s.kick() // a slot is free: look again
			defer s.inflight.remove(id)
			s.process(ctx, id)
		}()
	}
}

// changeNotifier throttles EventChanged to ~4 a second.
type changeNotifier struct{ dirty atomic.Bool }

func (c *changeNotifier) mark() { c.dirty.Store(true) }

func (s *Service) notifyLoop(ctx context.Context) {
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if s.changed.dirty.Swap(false) {
				s.emitter.Emit(EventChanged, map[string]any{})
			}
		}
	}
}
