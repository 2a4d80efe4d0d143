package integration

import (
	"net"
	"sync"
)

// MaxConns caps the desktop integration listener's open connections: past
// it, new connections wait in the kernel's backlog instead of each holding a
// goroutine and buffers, so held-open connections cannot take it down.
const MaxConns = 256

// capListener accepts at most n connections at a time.
type capListener struct {
	net.Listener
	slots chan struct{}
}

func limitConns(l net.Listener, n int) net.Listener {
	return &capListener{Listener: l, slots: make(chan struct{}, n)}
}

func (l *capListener) Accept() (net.Conn, error) {
	l.slots <- struct{}{}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &slotConn{Conn: c, free: func() { <-l.slots }}, nil
}

// slotConn gives its slot back once, on the first Close.
type slotConn struct {
	net.Conn
	once sync.Once
	free func()
}

func (c *slotConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.free)
	return err
}
