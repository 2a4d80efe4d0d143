package server

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// Finding 7: unauthenticated connections cannot take serve down.

func TestDefaultLimitsAreSet(t *testing.T) {
	l := DefaultLimits()
	srv := NewHTTPServer(http.NotFoundHandler(), l)
	if l.MaxConns <= 0 || srv.ReadHeaderTimeout <= 0 || srv.IdleTimeout <= 0 || srv.MaxHeaderBytes <= 0 || l.BodyReadTimeout <= 0 {
		t.Fatalf("every limit must be set: %+v", l)
	}
	if srv.WriteTimeout != 0 {
		t.Fatal("a WriteTimeout would cut the event stream")
	}
}

// waitClosed reads from c until the server closes it (or 10 s pass).
func waitClosed(t *testing.T, c net.Conn, what string) {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err := io.Copy(io.Discard, c)
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatalf("%s: the server kept the connection open", what)
	}
}

func startLimited(t *testing.T, l Limits) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewHTTPServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Write([]byte("ok"))
	}), l)
	go srv.Serve(LimitListener(ln, l.MaxConns))
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

func TestIdleAndSilentConnectionsAreClosed(t *testing.T) {
	addr := startLimited(t, Limits{MaxConns: 8, ReadHeaderTimeout: 200 * time.Millisecond,
		IdleTimeout: 200 * time.Millisecond, BodyReadTimeout: 200 * time.Millisecond, MaxHeaderBytes: 4096})

	silent, _ := net.Dial("tcp", addr)
	defer silent.Close()
	waitClosed(t, silent, "a connection that never sends a request")

	idle, _ := net.Dial("tcp", addr)
	defer idle.Close()
	io.WriteString(idle, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(idle), nil)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("first request: %v", err)
	}
	resp.Body.Close()
	waitClosed(t, idle, "an idle keep-alive connection")

	trickle, _ := net.Dial("tcp", addr)
	defer trickle.Close()
	io.WriteString(trickle, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\nabc")
	waitClosed(t, trickle, "a body that never finishes")
}

func TestConnectionCap(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ll := LimitListener(ln, 2)
	defer ll.Close()
	var held []net.Conn
	for i := 0; i < 3; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
	}
	for i := 0; i < 2; i++ {
		c, err := ll.Accept()
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
	}
	third := make(chan net.Conn, 1)
	go func() {
		if c, err := ll.Accept(); err == nil {
			third <- c
		}
	}()
	select {
	case <-third:
		t.Fatal("a third connection was accepted while 2 (the cap) were open")
	case <-time.After(200 * time.Millisecond):
	}
	held[0].Close()
	held[0].Close() // closing twice frees one slot, not two
	select {
	case c := <-third:
		c.Close()
	case <-time.After(10 * time.Second):
		t.Fatal("closing a connection did not free its slot")
	}
	held[1].Close()
}
