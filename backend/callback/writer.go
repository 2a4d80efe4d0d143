package callback

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
)

// The callback log's writes go through one group-commit writer: each write
// is a job; the jobs that queue while a transaction runs are written
// together in the next one, and each caller returns only once the
// transaction that holds its job has committed (a receipt is still
// persisted before it is answered). One transaction per batch instead of
// one per event, and no Go mutex convoy: at 200 events a second, a receipt
// that arrives while another writer of the database holds SQLite's write
// lock waits for that one transaction, not for every receipt queued before
// it (the bench's p99 was the queue on the old per-write mutex).

// maxBatch bounds the jobs of one transaction.
const maxBatch = 256

// batchTimeout bounds one batch (SQLite's busy timeout is 10 s).
const batchTimeout = 30 * time.Second

type writeJob struct {
	fn   func(ctx context.Context, tx *sqlx.Tx) error
	done chan error
}

type writer struct {
	db      *sqlx.DB
	mu      sync.Mutex
	queue   []*writeJob
	running bool
}

// write runs fn in a write transaction shared with the writes queued beside
// it and returns once that transaction committed (or fn's error; a failing
// job is rolled back to its savepoint and does not spoil the others).
func (w *writer) write(fn func(ctx context.Context, tx *sqlx.Tx) error) error {
	j := &writeJob{fn: fn, done: make(chan error, 1)}
	w.mu.Lock()
	w.queue = append(w.queue, j)
	if !w.running {
		w.running = true
		go w.loop()
	}
	w.mu.Unlock()
	return <-j.done
}

// loop writes batches until the queue is empty, then ends.
func (w *writer) loop() {
	conn, restore, connErr := w.open()
	if connErr == nil {
		defer restore()
	}
	for {
		w.mu.Lock()
		n := min(len(w.queue), maxBatch)
		if n == 0 {
			w.running = false
			w.mu.Unlock()
			return
		}
		batch := w.queue[:n:n]
		w.queue = w.queue[n:]
		w.mu.Unlock()
		w.run(conn, connErr, batch)
	}
}

// open takes a connection for the writer's run and turns off its busy
// timeout: SQLite's busy handler sleeps 1, 2, 5 … 100 ms between tries, so
// a receipt would wait up to 100 ms after another writer of the database
// committed; begin polls every pollEvery instead. restore gives the
// connection back to the pool as it was.
func (w *writer) open() (*sqlx.Conn, func(), error) {
	ctx := context.Background()
	conn, err := w.db.Connx(ctx)
	if err != nil {
		return nil, nil, err
	}
	var timeout int
	err = conn.GetContext(ctx, &timeout, `PRAGMA busy_timeout`)
	if err == nil {
		_, err = conn.ExecContext(ctx, `PRAGMA busy_timeout = 0`)
	}
	if err != nil {
		conn.Close()
		return nil, nil, err
	}
	return conn, func() {
		if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA busy_timeout = %d`, timeout)); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn }) // not back to the pool without its timeout
		}
		conn.Close()
	}, nil
}

// pollEvery is how often begin tries for SQLite's write lock.
const pollEvery = time.Millisecond

// begin starts a write transaction on conn, polling while another
// connection holds the write lock.
func begin(ctx context.Context, conn *sqlx.Conn) (*sqlx.Tx, error) {
	for {
		tx, err := conn.BeginTxx(ctx, nil)
		var coded interface{ Code() int }
		if err == nil || !errors.As(err, &coded) || coded.Code()&0xff != sqliteBusy {
			return tx, err
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("the database stayed locked: %w", err)
		case <-time.After(pollEvery):
		}
	}
}

// sqliteBusy is SQLITE_BUSY (its extended codes share the low byte).
const sqliteBusy = 5

// run writes one batch in one transaction.
func (w *writer) run(conn *sqlx.Conn, connErr error, batch []*writeJob) {
	ctx, cancel := context.WithTimeout(context.Background(), batchTimeout)
	defer cancel()
	errs := make([]error, len(batch))
	err := func() error {
		if connErr != nil {
			return connErr
		}
		tx, err := begin(ctx, conn)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		for i, j := range batch {
			errs[i] = runJob(ctx, tx, j)
		}
		return tx.Commit()
	}()
	for i, j := range batch {
		if err != nil {
			errs[i] = fmt.Errorf("write the callback log: %w", err)
		}
		j.done <- errs[i]
	}
}

// runJob runs one job inside a savepoint (a panic fails the job, not the
// batch).
func runJob(ctx context.Context, tx *sqlx.Tx, j *writeJob) (err error) {
	if _, err := tx.ExecContext(ctx, `SAVEPOINT job`); err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("callback log write panicked: %v", p)
		}
		if err != nil {
			tx.ExecContext(ctx, `ROLLBACK TO job`)
		}
		tx.ExecContext(ctx, `RELEASE job`)
	}()
	return j.fn(ctx, tx)
}
