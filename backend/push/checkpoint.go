package push

import (
	"context"
	"sync/atomic"
	"time"
)

// SQLite checkpoints the WAL into the database file when the WAL passes
// 1000 pages, inside whichever commit crosses the line, and a checkpoint
// fsyncs. On a busy disk that fsync took a quarter of a second, with the
// intake waiting behind it for the write lock. So the worker checkpoints
// itself, in the background, every checkpointEvery while the push tables
// are written: the WAL never grows to the automatic threshold, and a
// PASSIVE checkpoint does not block writers.
const checkpointEvery = 500 * time.Millisecond

// wrote notes that the service wrote, so the next tick checkpoints.
func (s *Service) wrote() { s.dirtyWAL.Store(true) }

func (s *Service) checkpointLoop(ctx context.Context) {
	t := time.NewTicker(checkpointEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if !s.dirtyWAL.Swap(false) {
				continue
			}
			if _, err := s.st.DB.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`); err != nil && ctx.Err() == nil {
				s.log.Debug("push: background checkpoint", "err", err)
			}
		}
	}
}

// walFlag is embedded in Service.
type walFlag struct{ dirtyWAL atomic.Bool }
