package push

import (
	"context"
	"database/sql"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
)

// The worker and the intake run the same few statements thousands of times
// a minute. SQLite parsing them again each time was a third of the worker's
// CPU, so they are prepared once (database/sql keeps one per connection)
// and bound to a transaction when one is given.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sqlx.Stmt
}

func (s *Service) prepared(ctx context.Context, tx *sqlx.Tx, q string) (*sqlx.Stmt, error) {
	c := &s.stmts
	c.mu.Lock()
	st := c.m[q]
	c.mu.Unlock()
	if st == nil {
		var err error
		if st, err = s.st.DB.PreparexContext(ctx, q); err != nil {
			return nil, err
		}
		c.mu.Lock()
		if prev := c.m[q]; prev != nil {
			st.Close()
			st = prev
		} else {
			if c.m == nil {
				c.m = map[string]*sqlx.Stmt{}
			}
			c.m[q] = st
		}
		c.mu.Unlock()
	}
	if tx != nil {
		return tx.StmtxContext(ctx, st), nil
	}
	return st, nil
}

// beginWrite takes the service's write lock and begins an IMMEDIATE
// transaction; done rolls back (a no-op after Commit) and releases the lock.
// SQLite has one writer: contending connections would wait in its busy
// handler, which sleeps 1, 2, 5, 10, 15… ms between tries, and that was the
// intake's p99. Queued on a Go mutex instead, a writer starts the moment
// the previous one commits.
func (s *Service) beginWrite(ctx context.Context) (*sqlx.Tx, func(), error) {
	s.writeMu.Lock()
	tx, err := s.st.DB.BeginTxx(ctx, nil)
	if err != nil {
		s.writeMu.Unlock()
		return nil, nil, err
	}
	return tx, func() { tx.Rollback(); s.writeMu.Unlock() }, nil
}

// beginWorkerWrite is beginWrite for the worker's goroutines, which first
// queue among themselves: at most one of them waits for the write lock, so
// an intake request waits for at most one worker transaction, not for every
// goroutine of a busy worker.
func (s *Service) beginWorkerWrite(ctx context.Context) (*sqlx.Tx, func(), error) {
	s.workerMu.Lock()
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		s.workerMu.Unlock()
		return nil, nil, err
	}
	return tx, func() { done(); s.workerMu.Unlock() }, nil
}

// writeExec runs one writing statement under the write lock.
func (s *Service) writeExec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return s.exec(ctx, nil, q, args...)
}

// workerExec is writeExec for the worker (see beginWorkerWrite).
func (s *Service) workerExec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	s.workerMu.Lock()
	defer s.workerMu.Unlock()
	return s.writeExec(ctx, q, args...)
}

// exec runs q, in tx when it is not nil.
func (s *Service) exec(ctx context.Context, tx *sqlx.Tx, q string, args ...any) (sql.Result, error) {
	st, err := s.prepared(ctx, tx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// get scans one row of q into dest.
func (s *Service) get(ctx context.Context, tx *sqlx.Tx, dest any, q string, args ...any) error {
	st, err := s.prepared(ctx, tx, q)
	if err != nil {
		return err
	}
	return st.GetContext(ctx, dest, args...)
}

// sel scans all rows of q into dest.
func (s *Service) sel(ctx context.Context, tx *sqlx.Tx, dest any, q string, args ...any) error {
	st, err := s.prepared(ctx, tx, q)
	if err != nil {
		return err
	}
	return st.SelectContext(ctx, dest, args...)
}

// cacheTTL bounds how stale cached rules and settings can be when something
// other than this service changes them (a corp removed with its targets).
const cacheTTL = 5 * time.Second

// ruleCache holds the enabled rules; rule writes invalidate it.
type ruleCache struct {
	mu      sync.Mutex
	rules   []Rule
	fetched time.Time
}

func (c *ruleCache) invalidate() {
	c.mu.Lock()
	c.rules, c.fetched = nil, time.Time{}
	c.mu.Unlock()
}

// enabledRules returns the enabled rules, from the cache when fresh.
func (s *Service) enabledRules(ctx context.Context) ([]Rule, error) {
	c := &s.ruleCache
	c.mu.Lock()
	if c.rules != nil && time.Since(c.fetched) < cacheTTL {
		r := c.rules
		c.mu.Unlock()
		return r, nil
	}
	c.mu.Unlock()
	rules, err := s.loadRules(ctx, s.st.DB, `WHERE enabled = 1 ORDER BY id`)
	if err != nil {
		return nil, err
	}
	if rules == nil {
		rules = []Rule{}
	}
	c.mu.Lock()
	c.rules, c.fetched = rules, time.Now()
	c.mu.Unlock()
	return rules, nil
}

// settingsCache keeps Settings for the intake, which reads them per request.
type settingsCache struct {
	mu      sync.Mutex
	set     Settings
	fetched time.Time
}

func (s *Service) cachedSettings(ctx context.Context) (Settings, error) {
	c := &s.setCache
	c.mu.Lock()
	if !c.fetched.IsZero() && time.Since(c.fetched) < cacheTTL {
		set := c.set
		c.mu.Unlock()
		return set, nil
	}
	c.mu.Unlock()
	set, err := s.Settings(ctx)
	if err != nil {
		return set, err
	}
	c.mu.Lock()
	c.set, c.fetched = set, time.Now()
	c.mu.Unlock()
	return set, nil
}
