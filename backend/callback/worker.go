package callback

import (
	"context"
	"fmt"
	"time"

	"wecom-bridge/backend/usererr"
)

// idlePoll is how often an idle worker looks at the log without a kick (a
// replay from another process, say the CLI).
const idlePoll = 5 * time.Second

// work processes the kind's received events in the order they arrived.
func (s *Service) work(ctx context.Context, kind string) {
	t := time.NewTicker(idlePoll)
	defer t.Stop()
	for {
		for ctx.Err() == nil {
			n, err := s.processBatch(ctx, kind)
			if err != nil {
				s.log.Error("callback: processing the log", "kind", kind, "err", err)
				break
			}
			if n == 0 {
				break
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-s.wake[kind]:
		case <-t.C:
		}
	}
}

// processBatch processes up to 50 received events; it returns how many.
func (s *Service) processBatch(ctx context.Context, kind string) (int, error) {
	var rows []eventRow
	if err := s.st.DB.SelectContext(ctx, &rows, `SELECT `+eventCols+` FROM callback_events
		WHERE state = 'received' AND kind = ? ORDER BY id LIMIT 50`, kind); err != nil {
		return 0, fmt.Errorf("read received callbacks: %w", err)
	}
	for _, r := range rows {
		if ctx.Err() != nil {
			return 0, nil
		}
		ev := r.event()
		effects, perr := s.process(ctx, ev)
		if ctx.Err() != nil {
			return 0, nil // stopped mid-way: the event stays received for the next start
		}
		if perr != nil {
			s.log.Warn("callback: event failed", "id", ev.ID, "type", ev.Type, "err", perr)
		}
		if err := s.finish(ev.ID, effects, perr); err != nil {
			return 0, fmt.Errorf("record callback %d: %w", ev.ID, err)
		}
	}
	return len(rows), nil
}

// process hands the event to its processor; a panic there fails the event
// instead of the process.
func (s *Service) process(ctx context.Context, ev Event) (effects []usererr.Message, err error) {
	defer func() {
		if p := recover(); p != nil {
			effects, err = nil, fmt.Errorf("processor panicked: %v", p)
		}
	}()
	var p Processor
	switch ev.Kind {
	case KindContact:
		p = s.contact
	case KindApp:
		if s.app != nil {
			p = s.app
		}
	}
	if p == nil {
		return []usererr.Message{usererr.Msg("callback_effect_logged", nil)}, nil
	}
	return p.Process(ctx, ev)
}
