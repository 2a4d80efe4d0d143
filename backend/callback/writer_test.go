package callback

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/wecom/wxcrypt"
)

// post encrypts plain with the vector set's keys, as WeCom does, and
// returns the path and body of its POST to the app endpoint.
func (e *env) post(v vectorSet, key, agent, plain string, n int) (string, string) {
	e.t.Helper()
	c, err := wxcrypt.New(v.Token, v.EncodingAESKey, v.ReceiveID)
	if err != nil {
		e.t.Fatal(err)
	}
	ts, nonce := fmt.Sprint(1700000000+n), fmt.Sprintf("n%d", n)
	env, err := c.Encrypt([]byte(plain), ts, nonce)
	if err != nil {
		e.t.Fatal(err)
	}
	var w struct{ Encrypt, MsgSignature string }
	decodeEnvelope(e.t, env, &w)
	return "/callback/app/" + key + "/" + agent + query(w.MsgSignature, ts, nonce),
		"<xml><ToUserName><![CDATA[" + v.ReceiveID + "]]></ToUserName><Encrypt><![CDATA[" + w.Encrypt + "]]></Encrypt></xml>"
}

func textMsg(corpID string, msgID int) string {
	return fmt.Sprintf("<xml><ToUserName><![CDATA[%s]]></ToUserName><FromUserName><![CDATA[u1]]></FromUserName><CreateTime>1700000000</CreateTime>"+
		"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi %d]]></Content><MsgId>%d</MsgId><AgentID>218</AgentID></xml>", corpID, msgID, msgID)
}

// TestConcurrentReceiptsPersistBeforeAnswerAndDedupe: 10 messages, each
// POSTed 3 times at once (WeCom's retries racing the first delivery), go
// through the group-commit writer together: every 200 comes after its own
// row is committed, each message has exactly one original that is
// processed once, and its two copies are duplicates pointing at it.
func TestConcurrentReceiptsPersistBeforeAnswerAndDedupe(t *testing.T) {
	e := newEnv(t)
	v := loadVectors(t)[0]
	c := e.addCorp(v, "218")
	const msgs, copies = 10, 3
	var answered [msgs]atomic.Int64
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make(chan string, msgs*copies)
	for m := range msgs {
		for k := range copies {
			path, body := e.post(v, c.Key, "218", textMsg(v.ReceiveID, 7000+m), m*copies+k)
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				code, _ := e.do("POST", path, body)
				if code != 200 {
					errs <- fmt.Sprintf("message %d copy %d: %d", m, k, code)
					return
				}
				// Every answered copy was committed before its answer: the
				// rows of this message are at least the copies answered.
				done := answered[m].Add(1)
				var rows int64
				e.st.DB.Get(&rows, `SELECT COUNT(*) FROM callback_events WHERE corp_ref = ? AND dedupe_key = ?`, c.ID, fmt.Sprintf("msg:%d", 7000+m))
				if rows < done {
					errs <- fmt.Sprintf("message %d: %d answered, %d rows", m, done, rows)
				}
			}()
		}
	}
	close(start)
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Error(s)
	}
	evs, err := e.svc.List(e.ctx, Filter{CorpRef: c.ID, Limit: 100})
	if err != nil || len(evs) != msgs*copies {
		t.Fatalf("%d rows, %v", len(evs), err)
	}
	origs := map[string]int64{}
	for _, ev := range evs {
		if ev.DupOf == 0 {
			if _, seen := origs[ev.Msg.MsgID]; seen {
				t.Fatalf("message %s has two originals", ev.Msg.MsgID)
			}
			origs[ev.Msg.MsgID] = ev.ID
		}
	}
	for _, ev := range evs {
		if ev.DupOf != 0 && (ev.State != StateDuplicate || ev.DupOf != origs[ev.Msg.MsgID]) {
			t.Errorf("copy %d of message %s: state %s dup of %d, want a duplicate of %d", ev.ID, ev.Msg.MsgID, ev.State, ev.DupOf, origs[ev.Msg.MsgID])
		}
	}
	if len(origs) != msgs {
		t.Fatalf("%d originals, want %d", len(origs), msgs)
	}
	for _, id := range origs {
		if ev := e.waitState(id); ev.State != StateProcessed {
			t.Errorf("event %d: %s", id, ev.State)
		}
	}
	time.Sleep(100 * time.Millisecond) // a second processing would show now
	if n := e.app.count(); n != msgs {
		t.Errorf("processed %d times, want %d", n, msgs)
	}
}

// TestUnpersistedReceiptIsNotAnswered200: when the row cannot be written
// (here the corp was deleted after its endpoint was cached), WeCom gets a
// 503, so it retries, and nothing is processed.
func TestUnpersistedReceiptIsNotAnswered200(t *testing.T) {
	e := newEnv(t)
	v := loadVectors(t)[0]
	c := e.addCorp(v, "218")
	path, body := e.post(v, c.Key, "218", textMsg(v.ReceiveID, 1), 1)
	if code, _ := e.do("POST", path, body); code != 200 {
		t.Fatalf("first POST = %d", code)
	}
	<-e.app.called
	if _, err := e.st.DB.Exec(`DELETE FROM corps WHERE id = ?`, c.ID); err != nil {
		t.Fatal(err)
	}
	path, body = e.post(v, c.Key, "218", textMsg(v.ReceiveID, 2), 2)
	if code, _ := e.do("POST", path, body); code != 503 {
		t.Fatalf("POST for a corp that is gone = %d, want 503", code)
	}
	time.Sleep(100 * time.Millisecond)
	if n := e.app.count(); n != 1 {
		t.Errorf("processed %d times, want 1", n)
	}
}

// TestFailingWriteDoesNotSpoilItsBatch: jobs that queued while a
// transaction ran are written together; one failing job is rolled back
// alone and its caller gets the error, the others commit.
func TestFailingWriteDoesNotSpoilItsBatch(t *testing.T) {
	e := newEnv(t)
	w := &writer{db: e.st.DB}
	e.st.DB.MustExec(`CREATE TABLE t (v INTEGER NOT NULL)`)
	hold := make(chan struct{})
	started := make(chan struct{})
	first := make(chan error, 1)
	go func() {
		first <- w.write(func(ctx context.Context, tx *sqlx.Tx) error {
			close(started)
			<-hold
			_, err := tx.ExecContext(ctx, `INSERT INTO t VALUES (0)`)
			return err
		})
	}()
	// The first job's transaction runs (so the jobs below queue behind it,
	// not into its batch: waiting only for running let a slow loop take
	// some of them along, and the queue never reached five).
	<-started
	results := make([]chan error, 5)
	for i := range results {
		results[i] = make(chan error, 1)
		go func() {
			results[i] <- w.write(func(ctx context.Context, tx *sqlx.Tx) error {
				if _, err := tx.ExecContext(ctx, `INSERT INTO t VALUES (?)`, i+1); err != nil {
					return err
				}
				if i == 2 {
					return errors.New("no")
				}
				return nil
			})
		}()
	}
	for w.queued() < len(results) {
		time.Sleep(time.Millisecond)
	}
	close(hold)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	for i, r := range results {
		if err := <-r; (err != nil) != (i == 2) {
			t.Errorf("job %d: %v", i, err)
		}
	}
	var got []int
	e.st.DB.Select(&got, `SELECT v FROM t ORDER BY v`)
	if fmt.Sprint(got) != "[0 1 2 4 5]" {
		t.Errorf("rows %v, want [0 1 2 4 5]", got)
	}
}

func (w *writer) queued() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.queue)
}
