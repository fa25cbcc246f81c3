package api

import (
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"
)

// Limits bound what one client, and all of them, may hold of a server.
// The zero value of a field takes the default written beside it.
type Limits struct {
	// MaxConns caps open connections (default 1000): over it a new
	// connection is closed at once, so the server never runs out of file
	// descriptors (keep it below `ulimit -n`).
	MaxConns int
	// MaxConnsPerIP caps the open connections of one client address
	// (default 64; negative: no cap). Behind a proxy every client has
	// the proxy's address: turn it off there.
	MaxConnsPerIP int
	// ReadHeaderTimeout bounds reading a request's headers (default 5 s)
	// and ReadTimeout the whole request (default 10 s); WriteTimeout
	// bounds writing an answer, from the end of its request's headers
	// (default 30 s); IdleTimeout closes a kept-alive connection that
	// sends nothing (default 60 s).
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// MaxHeaderBytes caps the request line and headers (default 16 KiB;
	// net/http allows 4 KiB more): larger requests get 431.
	MaxHeaderBytes int
}

// sendBuffer caps each connection's kernel send buffer: a client that
// never reads pins at most twice this much kernel memory (Linux doubles
// it) instead of the autotuned 4 MiB.
const sendBuffer = 256 << 10

func (l *Limits) defaults() {
	def := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.ReadHeaderTimeout, 5*time.Second)
	def(&l.ReadTimeout, 10*time.Second)
	def(&l.WriteTimeout, 30*time.Second)
	def(&l.IdleTimeout, 60*time.Second)
	if l.MaxConns <= 0 {
		l.MaxConns = 1000
	}
	if l.MaxConnsPerIP == 0 {
		l.MaxConnsPerIP = 64
	}
	if l.MaxHeaderBytes <= 0 {
		l.MaxHeaderBytes = 16 << 10
	}
}

// HTTPServer returns an http.Server for h with the limits' timeouts and
// header cap; serve it on Listener(ln) for the connection caps.
func (l Limits) HTTPServer(h http.Handler, log *slog.Logger) *http.Server {
	l.defaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: l.ReadHeaderTimeout,
		ReadTimeout:       l.ReadTimeout,
		WriteTimeout:      l.WriteTimeout,
		IdleTimeout:       l.IdleTimeout,
		MaxHeaderBytes:    l.MaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// Listener wraps ln so that connections over MaxConns in all, or over
// MaxConnsPerIP from one address, are closed as soon as accepted.
// Refusals are counted and logged at most once a minute.
func (l Limits) Listener(ln net.Listener, log *slog.Logger) net.Listener {
	l.defaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &limitListener{Listener: ln, lim: l, log: log, perIP: map[string]int{}}
}

type limitListener struct {
	net.Listener
	lim Limits
	log *slog.Logger

	mu       sync.Mutex
	open     int
	perIP    map[string]int
	refused  int
	loggedAt time.Time
}

func (ll *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := ll.Listener.Accept()
		if err != nil {
			return nil, err
		}
		ip := remoteIP(c)
		if ll.admit(ip) {
			if tc, ok := c.(*net.TCPConn); ok {
				_ = tc.SetWriteBuffer(sendBuffer)
			}
			return &limitConn{Conn: c, ll: ll, ip: ip}, nil
		}
		// Reset rather than close politely: nothing is owed to a client
		// over its share, and no TIME_WAIT is kept for it.
		if tc, ok := c.(*net.TCPConn); ok {
			_ = tc.SetLinger(0)
		}
		c.Close()
	}
}

// admit counts a new connection from ip if the caps allow it.
func (ll *limitListener) admit(ip string) bool {
	ll.mu.Lock()
	defer ll.mu.Unlock()
	if ll.open >= ll.lim.MaxConns || (ll.lim.MaxConnsPerIP > 0 && ll.perIP[ip] >= ll.lim.MaxConnsPerIP) {
		ll.refused++
		if time.Since(ll.loggedAt) >= time.Minute {
			ll.log.Warn("connections refused: over the connection caps", "refused", ll.refused,
				"open", ll.open, "max_conns", ll.lim.MaxConns, "from", ip, "from_ip", ll.perIP[ip], "max_conns_per_ip", ll.lim.MaxConnsPerIP)
			ll.loggedAt, ll.refused = time.Now(), 0
		}
		return false
	}
	ll.open++
	ll.perIP[ip]++
	return true
}

func (ll *limitListener) release(ip string) {
	ll.mu.Lock()
	defer ll.mu.Unlock()
	ll.open--
	if ll.perIP[ip]--; ll.perIP[ip] <= 0 {
		delete(ll.perIP, ip)
	}
}

func remoteIP(c net.Conn) string {
	if a, ok := c.RemoteAddr().(*net.TCPAddr); ok {
		return a.IP.String()
	}
	host, _, err := net.SplitHostPort(c.RemoteAddr().String())
	if err != nil {
		return c.RemoteAddr().String()
	}
	return host
}

// limitConn gives its slot back when closed (once).
type limitConn struct {
	net.Conn
	ll   *limitListener
	ip   string
	once sync.Once
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() { c.ll.release(c.ip) })
	return err
}
