package syncer

import (
	"sync"
	"time"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/usererr"
)

// OpEvent is one finished operation, as the live table of a run shows it.
// They go out in batches under OpRowsEvent ("sync:op") as []OpEvent.
type OpEvent struct {
	RunID   int64            `json:"runId"`
	Seq     int              `json:"seq"`
	Type    OpType           `json:"type"`
	Target  string           `json:"target"`
	Path    string           `json:"path,omitempty"`
	State   string           `json:"state"`
	Note    *usererr.Message `json:"note,omitempty"`
	Errcode int              `json:"errcode,omitempty"`
	Errmsg  string           `json:"errmsg,omitempty"` // technical: WeCom's errmsg or the error
	Fix     *usererr.Message `json:"fix,omitempty"`
}

// opBatchEvery spaces the batches: a 100,000-operation run would otherwise
// send 100,000 events to the UI.
const opBatchEvery = 250 * time.Millisecond

// maxOpBatch caps one batch; rows beyond it are dropped from the live view
// (the journal and the report still have them).
const maxOpBatch = 500

type opBatcher struct {
	em    events.Emitter
	runID int64
	mu    sync.Mutex
	buf   []OpEvent
	quit  chan struct{}
	wg    sync.WaitGroup
}

func newOpBatcher(em events.Emitter, runID int64) *opBatcher {
	b := &opBatcher{em: em, runID: runID, quit: make(chan struct{})}
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		t := time.NewTicker(opBatchEvery)
		defer t.Stop()
		for {
			select {
			case <-b.quit:
				b.flush()
				return
			case <-t.C:
				b.flush()
			}
		}
	}()
	return b
}

func (b *opBatcher) add(op *Op) {
	b.mu.Lock()
	if len(b.buf) < maxOpBatch || op.State == StateFailed {
		b.buf = append(b.buf, OpEvent{RunID: b.runID, Seq: op.Seq, Type: op.Type, Target: op.Target, Path: op.Path,
			State: op.State, Note: op.Note, Errcode: op.Errcode, Errmsg: op.Errmsg, Fix: op.Fix})
	}
	b.mu.Unlock()
}

func (b *opBatcher) flush() {
	b.mu.Lock()
	batch := b.buf
	b.buf = nil
	b.mu.Unlock()
	if len(batch) > 0 {
		b.em.Emit(OpRowsEvent, batch)
	}
}

func (b *opBatcher) close() {
	close(b.quit)
	b.wg.Wait()
}
