package review

import (
	"runtime"
	"sync"
)

// parallel runs fn over [0, n) in about one chunk per CPU and returns when
// every chunk is done. The pure per-record work of a rematch at 100,000
// people (sides, digests) takes a few tenths of a second on one core; the
// admin waits for the wall time.
func parallel(n int, fn func(lo, hi int)) {
	chunks := min(runtime.GOMAXPROCS(0), max(1, n/1000))
	if chunks <= 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	for c := range chunks {
		lo, hi := c*n/chunks, (c+1)*n/chunks
		wg.Go(func() { fn(lo, hi) })
	}
	wg.Wait()
}

// both runs a and b at once and returns when both are done.
func both(a, b func()) {
	var wg sync.WaitGroup
	wg.Go(b)
	a()
	wg.Wait()
}
