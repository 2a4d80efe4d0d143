package store

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
)

// bigWriteRows rows of one ~4 KB blob each fill about one page each: a
// transaction of more than SQLite's default 1000-page checkpoint threshold.
const bigWriteRows = 1500

// openEvery opens a store (no migrations) whose checkpoint loop ticks every every.
func openEvery(t *testing.T, every time.Duration) *Store {
	t.Helper()
	old := checkpointEvery
	checkpointEvery = every
	defer func() { checkpointEvery = old }()
	s, err := openWith(context.Background(), t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.DB.Exec(`CREATE TABLE scratch (b BLOB)`); err != nil {
		t.Fatal(err)
	}
	return s
}

// bigWrite commits bigWriteRows pages in one transaction through db.
func bigWrite(t *testing.T, db *sqlx.DB) {
	t.Helper()
	_, err := db.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		INSERT INTO scratch (b) SELECT zeroblob(4000) FROM n`, bigWriteRows)
	if err != nil {
		t.Fatal(err)
	}
}

// fileSize is the size of path, 0 when it does not exist. In WAL mode only a
// checkpoint writes the database file, so its growth shows one ran without
// running one to look.
func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// walFrames is how many frames the WAL file holds (a 32-byte header, then a
// 24-byte header and a page per frame).
func walFrames(t *testing.T, s *Store) int64 {
	t.Helper()
	var pageSize int64
	if err := s.DB.Get(&pageSize, `PRAGMA page_size`); err != nil {
		t.Fatal(err)
	}
	n := fileSize(t, s.Path+"-wal")
	if n < 32 {
		return 0
	}
	return (n - 32) / (pageSize + 24)
}

// waitGrown waits (bounded) until the database file holds at least want bytes.
func waitGrown(t *testing.T, s *Store, want int64, what string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for fileSize(t, s.Path) < want {
		if time.Now().After(deadline) {
			t.Fatalf("%s: bridge.db is %d bytes after 20 s, want at least %d: the loop did not checkpoint", what, fileSize(t, s.Path), want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestBigCommitDoesNotCheckpointInline: a commit of more than 1000 pages
// leaves its frames in the WAL (SQLite's default threshold would have made
// that commit copy them into the file and fsync); the database file is not
// written until a checkpoint, here the one on Close.
func TestBigCommitDoesNotCheckpointInline(t *testing.T) {
	s := openEvery(t, time.Hour)
	before := fileSize(t, s.Path)
	bigWrite(t, s.DB)
	if n := walFrames(t, s); n <= 1000 {
		t.Fatalf("WAL holds %d frames after a %d-page commit, want more than 1000", n, bigWriteRows)
	}
	if after := fileSize(t, s.Path); after != before {
		t.Fatalf("bridge.db went from %d to %d bytes inside the commit: it checkpointed inline", before, after)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := fileSize(t, s.Path); got < before+bigWriteRows*4000 {
		t.Fatalf("bridge.db is %d bytes after Close, want at least %d: the last connection did not checkpoint", got, before+bigWriteRows*4000)
	}
	if n := fileSize(t, s.Path+"-wal"); n != 0 {
		t.Fatalf("WAL is %d bytes after Close, want none", n)
	}
}

// TestCheckpointLoopCopiesTheWAL: the loop checkpoints a large write of the
// store's own, then one from a separate connection pool (as the CLI's
// process would make), each within a bounded wait.
func TestCheckpointLoopCopiesTheWAL(t *testing.T) {
	s := openEvery(t, 20*time.Millisecond)
	base := fileSize(t, s.Path)
	bigWrite(t, s.DB)
	waitGrown(t, s, base+bigWriteRows*4000, "the store's own write")

	other, err := sqlx.Open("sqlite", dsn(s.Path))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	base = fileSize(t, s.Path)
	bigWrite(t, other)
	waitGrown(t, s, base+bigWriteRows*4000, "another connection's write")
}

// TestCloseStopsTheCheckpointLoop: Close waits for the loop to end, and a
// second Close is harmless.
func TestCloseStopsTheCheckpointLoop(t *testing.T) {
	s := openEvery(t, time.Millisecond)
	bigWrite(t, s.DB)
	c := s.ckpt
	if c == nil {
		t.Fatal("Open started no checkpoint loop")
	}
	select {
	case <-c.done:
		t.Fatal("the loop ended before Close")
	default:
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-c.done:
	default:
		t.Fatal("Close returned with the loop still running")
	}
	s.Close() // a second Close neither hangs nor panics
}

// TestWALShrinksToTheLimit: a large commit grows the WAL past
// journal_size_limit; once the loop has checkpointed it, the next commit
// starts the WAL over and cuts the file back to the limit (without the
// pragma the file keeps the large commit's size).
func TestWALShrinksToTheLimit(t *testing.T) {
	old := walSizeLimit
	walSizeLimit = 1 << 20
	defer func() { walSizeLimit = old }()
	s := openEvery(t, 20*time.Millisecond)
	base := fileSize(t, s.Path)
	bigWrite(t, s.DB)
	if n := fileSize(t, s.Path+"-wal"); n <= walSizeLimit {
		t.Fatalf("WAL is %d bytes after a %d-page commit, want more than the %d-byte limit", n, bigWriteRows, walSizeLimit)
	}
	waitGrown(t, s, base+bigWriteRows*4000, "the large write")
	waitCopied(t, s)
	if _, err := s.DB.Exec(`INSERT INTO scratch (b) VALUES (x'00')`); err != nil {
		t.Fatal(err)
	}
	if n := fileSize(t, s.Path+"-wal"); n > walSizeLimit {
		t.Fatalf("WAL is %d bytes after a checkpoint and a small commit, want at most the %d-byte limit", n, walSizeLimit)
	}
}

// TestWALSizeLimitIsSet: every connection of an opened store carries the
// production limit.
func TestWALSizeLimitIsSet(t *testing.T) {
	s := openEvery(t, time.Hour)
	var limit int64
	if err := s.DB.Get(&limit, `PRAGMA journal_size_limit`); err != nil {
		t.Fatal(err)
	}
	if limit != 64<<20 {
		t.Fatalf("journal_size_limit = %d, want %d (64 MiB)", limit, 64<<20)
	}
}

// waitCopied waits (bounded) until a PASSIVE checkpoint, the loop's kind,
// finds every WAL frame copied into the file.
func waitCopied(t *testing.T, s *Store) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var busy, frames, copied int64
		if err := s.DB.QueryRow(`PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &frames, &copied); err != nil {
			t.Fatal(err)
		}
		if busy == 0 && frames == copied {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 20 s the WAL still has %d of %d frames to copy", frames-copied, frames)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
