package store

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// SQLite copies the WAL back into the database file (a checkpoint, which
// fsyncs) inside whichever commit takes the WAL past wal_autocheckpoint
// pages, so that one commit waits for the fsync: a rematch rewriting 2,000
// bindings at 100,000 people committed in 130 ms, 32 ms without it. So the
// store checkpoints in the background, every checkpointEvery while the
// database changed, and the automatic threshold in dsn() is only the safety
// net. A PASSIVE checkpoint never waits for readers or writers.
var checkpointEvery = 500 * time.Millisecond // a variable so a test can stretch it

// checkpointer is the store's background checkpoint loop.
type checkpointer struct {
	cancel context.CancelFunc
	done   chan struct{}
	once   sync.Once
}

// startCheckpointer opens the loop's own connection, outside the store's
// pool (a test may shrink the pool to one connection): PRAGMA data_version
// tells a connection about commits made by others since its own last look,
// in this process or another (the CLI).
func (s *Store) startCheckpointer(ctx context.Context, every time.Duration) error {
	db, err := sql.Open("sqlite", dsn(s.Path))
	if err != nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return err
	}
	loopCtx, cancel := context.WithCancel(context.Background())
	c := &checkpointer{cancel: cancel, done: make(chan struct{})}
	s.ckpt = c
	go func() {
		defer close(c.done)
		defer db.Close()
		defer conn.Close()
		checkpointLoop(loopCtx, conn, every)
	}()
	return nil
}

// stop ends the loop and waits for it (an in-flight PASSIVE checkpoint does
// not wait on anyone, and the cancelled context interrupts it).
func (c *checkpointer) stop() {
	if c == nil {
		return
	}
	c.once.Do(func() {
		c.cancel()
		<-c.done
	})
}

// checkpointLoop checkpoints when the database changed since the last look,
// and again while a reader held frames back. The first tick checkpoints what
// Open's migrations left. An idle store costs one data_version read a tick.
func checkpointLoop(ctx context.Context, conn *sql.Conn, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	seen, pending := int64(-1), true
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		var version int64
		if err := conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&version); err != nil {
			continue // the automatic checkpoint is the safety net
		}
		if version != seen {
			seen, pending = version, true
		}
		if !pending {
			continue
		}
		var busy, frames, copied int64
		if err := conn.QueryRowContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &frames, &copied); err != nil {
			continue
		}
		pending = busy != 0 || frames > copied
	}
}
