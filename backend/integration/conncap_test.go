package integration

import (
	"net"
	"testing"
)

// TestConnectionCapHoldsAndReleasesSlots: with a cap of 1, a held connection
// takes the only slot; closing it (twice, as net/http may) frees exactly one
// slot, so the next connection is accepted and the cap is still 1.
func TestConnectionCapHoldsAndReleasesSlots(t *testing.T) {
	raw, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln := limitConns(raw, 1).(*capListener)
	defer ln.Close()
	dial := func() net.Conn {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}
	dial()
	first, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	if used := len(ln.slots); used != 1 {
		t.Fatalf("%d slots used after one accept, want 1", used)
	}
	accepted := make(chan net.Conn, 1)
	go func() {
		c, err := ln.Accept()
		if err == nil {
			accepted <- c
		}
		close(accepted)
	}()
	dial()
	first.Close()
	first.Close() // a second Close must not free a second slot
	second, ok := <-accepted
	if !ok {
		t.Fatal("the waiting connection was never accepted after the first closed")
	}
	if used := len(ln.slots); used != 1 {
		t.Fatalf("%d slots used with one open connection, want 1 (a double Close freed two?)", used)
	}
	second.Close()
	if used := len(ln.slots); used != 0 {
		t.Fatalf("%d slots used with none open", used)
	}
}
