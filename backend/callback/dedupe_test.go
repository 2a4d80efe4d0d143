package callback

import (
	"encoding/xml"
	"errors"
	"testing"
)

func decodeEnvelope(t *testing.T, env []byte, out any) {
	t.Helper()
	if err := xml.Unmarshal(env, out); err != nil {
		t.Fatal(err)
	}
}

// TestRetriesAreDuplicatesProcessedOnce: WeCom's retry of the same POST is
// logged as a duplicate of the first and not processed again; a failed
// event is replayed once and only a failed one can be.
func TestRetriesAreDuplicatesProcessedOnce(t *testing.T) {
	e := newEnv(t)
	a := loadVectors(t)[0]
	c := e.addCorp(a, "218")
	e.app.fail = errors.New("source system down")
	path := "/callback/app/" + c.Key + "/218" + query(a.Post.Sig, a.Post.TS, a.Post.Nonce)
	for range 3 {
		if code, _ := e.do("POST", path, a.Post.Body); code != 200 {
			t.Fatalf("POST = %d", code)
		}
	}
	evs, _ := e.svc.List(e.ctx, Filter{CorpRef: c.ID})
	if len(evs) != 3 {
		t.Fatalf("%d rows", len(evs))
	}
	orig := evs[2]
	if evs[0].State != StateDuplicate || evs[1].State != StateDuplicate || evs[0].DupOf != orig.ID {
		t.Fatalf("retries not duplicates: %+v", evs)
	}
	if ev := e.waitState(orig.ID); ev.State != StateFailed || ev.Error == nil || ev.Attempts != 1 {
		t.Fatalf("first processing = %+v", ev)
	}
	if _, err := e.svc.Replay(e.ctx, evs[0].ID); err == nil {
		t.Error("a duplicate was replayed")
	}
	e.app.mu.Lock()
	e.app.fail = nil
	e.app.mu.Unlock()
	if _, err := e.svc.Replay(e.ctx, orig.ID); err != nil {
		t.Fatal(err)
	}
	<-e.app.called
	<-e.app.called
	if ev := e.waitState(orig.ID); ev.State != StateProcessed || ev.Error != nil || ev.Attempts != 2 || len(ev.Effects) != 1 {
		t.Fatalf("after replay = %+v", ev)
	}
	if _, err := e.svc.Replay(e.ctx, orig.ID); err == nil {
		t.Error("a processed event was replayed")
	}
	if n := e.app.count(); n != 2 {
		t.Errorf("processed %d times, want 2 (once, then the replay)", n)
	}
	for _, f := range []Filter{{State: StateDuplicate}, {Type: "text"}} {
		got, err := e.svc.List(e.ctx, f)
		if err != nil || len(got) == 0 {
			t.Errorf("filter %+v: %d, %v", f, len(got), err)
		}
	}
	if _, err := e.svc.List(e.ctx, Filter{State: "odd"}); err == nil {
		t.Error("a bad state filter was accepted")
	}
}

// TestSameSecondEventsStayApartRetriesDoNot: two different change_contact
// events of one member in the same second (WeCom's key fields equal,
// CreateTime has 1 s resolution) are two events; the same event laid out
// differently (CDATA, whitespace, element order) is still one.
func TestSameSecondEventsStayApartRetriesDoNot(t *testing.T) {
	ev := func(dept string) string {
		return "<xml><ToUserName><![CDATA[ww1]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1700000000</CreateTime>" +
			"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event><ChangeType>update_user</ChangeType>" +
			"<UserID><![CDATA[zhangsan]]></UserID><Department><![CDATA[" + dept + "]]></Department></xml>"
	}
	key := func(plain string) string {
		m, err := ParseMessage([]byte(plain))
		if err != nil {
			t.Fatal(err)
		}
		return m.DedupeKey([]byte(plain))
	}
	a, b := key(ev("1,2")), key(ev("3"))
	if a == b {
		t.Fatal("two different events in the same second share a key")
	}
	relaid := "<xml>\n  <FromUserName>sys</FromUserName>\n  <ToUserName>ww1</ToUserName><CreateTime>1700000000</CreateTime><MsgType>event</MsgType>" +
		"<Event>change_contact</Event><ChangeType>update_user</ChangeType><Department>1,2</Department><UserID>zhangsan</UserID>\n</xml>"
	if key(relaid) != a {
		t.Fatal("the same event laid out differently got another key")
	}
	if key(ev("1,2")) != a {
		t.Fatal("a retry got another key")
	}
	msg := func(id, text string) string {
		return "<xml><ToUserName>ww1</ToUserName><FromUserName>u</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>" +
			"<Content>" + text + "</Content><MsgId>" + id + "</MsgId></xml>"
	}
	if key(msg("9", "a")) != key(msg("9", "a")) || key(msg("9", "a")) == key(msg("10", "a")) {
		t.Fatal("messages are not keyed by MsgId")
	}
}
