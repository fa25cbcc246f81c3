// Command hostile measures how a Timeslice server on loopback holds up
// under hostile connections: it opens -conns connections spread over
// -ips source addresses (127.0.0.2 …; Linux routes all of 127/8 to lo),
// each of one kind — slow headers, headers announcing a body never sent,
// requests for large answers never read, idle connections — and, while
// they are held, times -probes ordinary requests from 127.0.0.1. It
// prints the probes' latencies, how many hostile connections the server
// accepted and how many it closed, and the server's RSS (-pid).
//
// Every loop is bounded, it only dials loopback addresses, and it stops
// after -hold. Usage (with a server on :8080):
//
//	go run ./scripts/hostile -addr 127.0.0.1:8080 -pid $(pgrep -n timeslice)
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "server address (loopback only)")
	conns := flag.Int("conns", 5000, "hostile connections (at most 20000)")
	ips := flag.Int("ips", 1, "source addresses they come from, 127.0.0.2 on (at most 200)")
	kind := flag.String("kind", "mix", "slowheaders, nobody, noread, idle or mix")
	probes := flag.Int("probes", 200, "ordinary requests timed while the connections are held (at most 10000)")
	hold := flag.Duration("hold", 20*time.Second, "how long the hostile connections are held (at most 5m)")
	pid := flag.Int("pid", 0, "server process id, for its RSS")
	fill := flag.Int("fill", 0, "instead: make this many distinct cacheable requests (at most 20000) and print the RSS")
	flag.Parse()
	host, _, err := net.SplitHostPort(*addr)
	if err != nil || !net.ParseIP(host).IsLoopback() {
		log.Fatalf("-addr %s: loopback addresses only", *addr)
	}
	*conns, *ips, *probes = min(*conns, 20000), max(1, min(*ips, 200)), min(*probes, 10000)
	*hold = min(*hold, 5*time.Minute)
	if *fill > 0 {
		fillCache(*addr, min(*fill, 20000), *pid)
		return
	}

	var opened, refused, dialErr atomic.Int64
	var firstErr atomic.Value
	stop := make(chan struct{})
	var wg sync.WaitGroup
	rss0 := rss(*pid)
	start := time.Now()
	kinds := []string{"slowheaders", "nobody", "noread", "idle"}
	for i := range *conns {
		k := *kind
		if k == "mix" {
			k = kinds[i%len(kinds)]
		}
		src := net.IPv4(127, 0, 0, byte(2+i%*ips))
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := net.Dialer{LocalAddr: &net.TCPAddr{IP: src}, Timeout: 5 * time.Second}
			c, err := d.Dial("tcp", *addr)
			if err != nil {
				if dialErr.Add(1) == 1 {
					firstErr.Store(err.Error())
				}
				return
			}
			defer c.Close()
			opened.Add(1)
			if closed := hostile(c, k, stop); closed {
				refused.Add(1)
			}
		}()
		if i%200 == 199 {
			time.Sleep(10 * time.Millisecond) // let the accept queue drain
		}
	}
	time.Sleep(time.Second)
	lat, fails := probe(*addr, *probes)
	rss1 := rss(*pid)
	if rest := *hold - time.Since(start); rest > 0 {
		time.Sleep(rest)
	}
	close(stop)
	wg.Wait()
	slices.Sort(lat)
	q := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))].Round(100 * time.Microsecond)
	}
	fmt.Printf("hostile: %d %s connections from %d address(es); dialled %d, dial errors %d, closed by the server within %v: %d\n",
		*conns, *kind, *ips, opened.Load(), dialErr.Load(), *hold, refused.Load())
	if e := firstErr.Load(); e != nil {
		fmt.Printf("first dial error: %s\n", e)
	}
	fmt.Printf("probes: %d ok, %d failed; p50 %v p99 %v max %v\n", len(lat), fails, q(0.5), q(0.99), q(1))
	if *pid > 0 {
		fmt.Printf("server RSS: %d MiB before, %d MiB under attack\n", rss0>>20, rss1>>20)
	}
}

// hostile misbehaves on c as kind says until stop, and reports whether
// the server closed the connection first.
func hostile(c net.Conn, kind string, stop <-chan struct{}) (closedByServer bool) {
	closed := make(chan struct{})
	var req string
	switch kind {
	case "slowheaders":
		req = "GET /collections HTTP/1.1\r\nHost: x\r\n"
	case "nobody":
		req = "GET /collections HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n"
	case "noread":
		req = strings.Repeat("GET /collections/advances/items?limit=10000 HTTP/1.1\r\nHost: x\r\n\r\n", 20)
	case "idle":
		req = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
	}
	if tc, ok := c.(*net.TCPConn); ok && kind == "noread" {
		tc.SetReadBuffer(4096)
	}
	go func() {
		defer close(closed)
		if _, err := io.WriteString(c, req); err != nil {
			return
		}
		if kind == "noread" {
			// Read nothing: wait for the server to give up (a reset or
			// a timeout shows as an error on the next write).
			for i := 0; i < 600; i++ {
				time.Sleep(500 * time.Millisecond)
				if _, err := c.Write([]byte("G")); err != nil {
					return
				}
			}
			return
		}
		br := bufio.NewReader(c)
		for {
			if _, err := br.ReadByte(); err != nil {
				return // EOF or reset: the server closed it
			}
			if kind == "idle" {
				br.Discard(br.Buffered()) // the answer; then stay idle
			}
		}
	}()
	select {
	case <-closed:
		return true
	case <-stop:
		return false
	}
}

// probe times n ordinary requests, one after another, from 127.0.0.1.
func probe(addr string, n int) ([]time.Duration, int) {
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
		DialContext:         (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)}}).DialContext,
		MaxIdleConnsPerHost: 1,
	}}
	var lat []time.Duration
	fails := 0
	for i := range n {
		t := time.Now()
		res, err := client.Get(fmt.Sprintf("http://%s/collections/flows/items?datetime=1979-01-%02dT12:00:00%%2B07:00", addr, 1+i%28))
		if err == nil {
			_, err = io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != 200 {
				err = fmt.Errorf("status %d", res.StatusCode)
			}
		}
		if err != nil {
			fails++
			continue
		}
		lat = append(lat, time.Since(t))
	}
	return lat, fails
}

// rss reads a process's resident set size from /proc.
func rss(pid int) int64 {
	if pid <= 0 {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
			return kb << 10
		}
	}
	return 0
}

// fillCache makes n distinct requests for large answers, each cacheable,
// two at a time with gzip, so that the server's response cache fills and
// evicts; it prints the server's RSS after.
func fillCache(addr string, n, pid int) {
	client := &http.Client{Timeout: 30 * time.Second}
	layers := []string{"advances", "zones", "control"}
	var next atomic.Int64
	var wg sync.WaitGroup
	var bytes atomic.Int64
	start := time.Now()
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)); i <= n; i = int(next.Add(1)) {
				url := fmt.Sprintf("http://%s/collections/%s/items?datetime=1979-%02d-%02dT%02d:00:00%%2B07:00&bbox=100,8,%d,%d",
					addr, layers[i%3], 1+i/700%12, 1+i/24%28, i%24, 108+i%5, 14+i/3%40)
				req, _ := http.NewRequest(http.MethodGet, url, nil)
				req.Header.Set("Accept-Encoding", "gzip")
				res, err := client.Do(req)
				if err != nil {
					continue
				}
				m, _ := io.Copy(io.Discard, res.Body)
				bytes.Add(m)
				res.Body.Close()
			}
		}()
	}
	wg.Wait()
	fmt.Printf("fill: %d requests in %v, %d MiB of (gzip) answers; server RSS %d MiB\n", n, time.Since(start).Round(100*time.Millisecond), bytes.Load()>>20, rss(pid)>>20)
}
