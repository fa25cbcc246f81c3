package postgis

import (
	"context"
	"net"
	"sync"
	"time"
)

// dialer gives every connection a read deadline, so that a database that
// stops answering without closing its sockets (frozen, or cut off by the
// network) fails a call after readTimeout instead of hanging it: lib/pq
// only asks the server to cancel a query whose context ends, and waits
// for the answer.
type dialer struct {
	net         net.Dialer
	readTimeout time.Duration
	backoff     *redial // nil: dial every time
}

func (d *dialer) Dial(network, address string) (net.Conn, error) {
	return d.DialContext(context.Background(), network, address)
}

func (d *dialer) DialTimeout(network, address string, timeout time.Duration) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return d.DialContext(ctx, network, address)
}

func (d *dialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	if d.backoff != nil {
		if err := d.backoff.allow(); err != nil {
			return nil, err
		}
	}
	c, err := d.net.DialContext(ctx, network, address)
	if d.backoff != nil && ctx.Err() == nil {
		d.backoff.done(err)
	}
	if err != nil || d.readTimeout <= 0 {
		return c, err
	}
	return &deadlineConn{Conn: c, readTimeout: d.readTimeout}, nil
}

// deadlineConn sets a read deadline of readTimeout before each read,
// unless the driver has set a deadline of its own (while connecting).
type deadlineConn struct {
	net.Conn
	readTimeout time.Duration
	mu          sync.Mutex
	fixed       bool
}

func (c *deadlineConn) SetDeadline(t time.Time) error {
	c.mu.Lock()
	c.fixed = !t.IsZero()
	c.mu.Unlock()
	return c.Conn.SetDeadline(t)
}

func (c *deadlineConn) Read(b []byte) (int, error) {
	c.mu.Lock()
	fixed := c.fixed
	c.mu.Unlock()
	if !fixed {
		if err := c.Conn.SetReadDeadline(time.Now().Add(c.readTimeout)); err != nil {
			return 0, err
		}
	}
	return c.Conn.Read(b)
}
