package postgis

import (
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// redial spaces out dials to a database that refuses them: after a failed
// dial, dials fail at once with that error for a wait that doubles from
// 100 ms to 5 s, so that a server under load does not hammer a database
// that is down (every request used to dial anew). It logs once when the
// database becomes unreachable and once when it is back.
type redial struct {
	log *slog.Logger

	mu       sync.Mutex
	lastErr  error     // the last dial's error; nil while dials succeed
	retryAt  time.Time // no dial before this
	wait     time.Duration
	downFrom time.Time
}

const (
	redialFirst = 100 * time.Millisecond
	redialMax   = 5 * time.Second
)

// allow returns nil when a dial may be made now, else the error to fail
// it with.
func (r *redial) allow() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.lastErr == nil || !time.Now().Before(r.retryAt) {
		return nil
	}
	return fmt.Errorf("database unreachable (next dial in %v): %w", time.Until(r.retryAt).Round(time.Millisecond), r.lastErr)
}

// done records the outcome of a dial.
func (r *redial) done(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err == nil {
		if r.lastErr != nil {
			r.log.Info("database reachable again", "outage", time.Since(r.downFrom).Round(time.Millisecond))
		}
		r.lastErr, r.wait = nil, 0
		return
	}
	if r.lastErr == nil {
		r.downFrom = time.Now()
		r.log.Error("database unreachable: dialling again with backoff, up to every 5s", "err", err)
	}
	r.wait = min(max(2*r.wait, redialFirst), redialMax)
	r.lastErr, r.retryAt = err, time.Now().Add(r.wait)
}
