// Package pgtest starts throwaway PostgreSQL+PostGIS clusters for tests.
//
// A cluster lives in its own temporary directory, listens on a free port
// on 127.0.0.1 and on a unix socket in that directory, runs without fsync,
// and is stopped and removed when the test ends. When the process runs
// as root, the server runs as the "postgres" system user (PostgreSQL
// refuses to run as root).
//
// Without PostgreSQL or PostGIS installed the test is skipped, except
// when the environment variable CI is set: there it fails, because CI
// must never skip silently. Debian packages: postgresql and
// postgresql-15-postgis-3 (or the postgis package of the installed
// PostgreSQL major version).
package pgtest

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/lib/pq" // the postgres driver
)

// Cluster is one running (or stopped) PostgreSQL server.
type Cluster struct {
	t      testing.TB
	bindir string
	dir    string // data, socket and log live here
	port   int
	runAs  string // system user the server runs as; "" for the current one
	// DSN connects as the superuser to a database with the postgis and
	// btree_gist extensions.
	DSN string
}

// missing skips the test, or fails it under CI.
func missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...) + " (install the Debian packages postgresql and postgresql-15-postgis-3)"
	if os.Getenv("CI") != "" {
		t.Fatalf("pgtest: %s; CI is set, so this is a failure, not a skip", msg)
	}
	t.Skipf("pgtest: %s", msg)
}

// bindir finds the PostgreSQL server programs: `pg_config --bindir`, else
// the newest /usr/lib/postgresql/*/bin.
func bindir() string {
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		d := strings.TrimSpace(string(out))
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d
		}
	}
	return ""
}

func version(bindir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(bindir)))
	return v
}

// New initialises and starts a cluster, creates the database "timeslice"
// with PostGIS and btree_gist, and removes everything when t ends.
func New(t testing.TB) *Cluster {
	t.Helper()
	bin := bindir()
	if bin == "" {
		missing(t, "PostgreSQL server programs (initdb, pg_ctl) not found")
	}
	c := &Cluster{t: t, bindir: bin}
	if os.Geteuid() == 0 {
		if _, err := user.Lookup("postgres"); err != nil {
			missing(t, "running as root and there is no \"postgres\" system user to run the server as")
		}
		c.runAs = "postgres"
	}
	dir, err := os.MkdirTemp("", "pgtest-")
	if err != nil {
		t.Fatalf("pgtest: temp dir: %v", err)
	}
	c.dir = dir
	t.Cleanup(func() {
		c.stop("immediate")
		os.RemoveAll(dir)
	})
	if c.runAs != "" {
		if out, err := exec.Command("chown", c.runAs, dir).CombinedOutput(); err != nil {
			t.Fatalf("pgtest: chown %s: %v: %s", dir, err, out)
		}
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	if c.port, err = freePort(); err != nil {
		t.Fatalf("pgtest: free port: %v", err)
	}
	if out, err := c.run("initdb", "-D", c.data(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
		"--locale=C", "--no-sync"); err != nil {
		t.Fatalf("pgtest: initdb: %v\n%s", err, out)
	}
	conf := fmt.Sprintf("port = %d\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\n"+
		"fsync = off\nfull_page_writes = off\nsynchronous_commit = off\nmax_connections = 100\n"+
		"shared_buffers = 128MB\nTimeZone = 'UTC'\n", c.port, dir)
	if err := appendFile(filepath.Join(c.data(), "postgresql.conf"), conf); err != nil {
		t.Fatalf("pgtest: configure: %v", err)
	}
	if err := c.Start(); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	c.DSN = c.CreateDB(t, "timeslice")
	return c
}

func (c *Cluster) data() string { return filepath.Join(c.dir, "data") }

// run runs a PostgreSQL program, as the server's user.
func (c *Cluster) run(prog string, args ...string) ([]byte, error) {
	path := filepath.Join(c.bindir, prog)
	var cmd *exec.Cmd
	if c.runAs != "" {
		cmd = exec.Command("runuser", append([]string{"-u", c.runAs, "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.Dir = c.dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.Bytes(), err
}

// Start starts the server (again, after Stop) and waits until it accepts
// connections.
func (c *Cluster) Start() error {
	if out, err := c.run("pg_ctl", "start", "-w", "-t", "60", "-D", c.data(), "-l", filepath.Join(c.dir, "server.log")); err != nil {
		log, _ := os.ReadFile(filepath.Join(c.dir, "server.log"))
		return fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	return nil
}

// Stop stops the server at once (fast shutdown: sessions are ended), as a
// crash or an operator would; Start brings it back.
func (c *Cluster) Stop() error { return c.stop("fast") }

func (c *Cluster) stop(mode string) error {
	if _, err := os.Stat(filepath.Join(c.data(), "postmaster.pid")); err != nil {
		return nil // not running
	}
	if out, err := c.run("pg_ctl", "stop", "-w", "-m", mode, "-D", c.data()); err != nil {
		return fmt.Errorf("pg_ctl stop: %v\n%s", err, out)
	}
	return nil
}

// Freeze stops the server and its backends with SIGSTOP: sockets stay
// open and nothing answers, as with a hung host or a network cut. Thaw
// (also run when the test ends) resumes them.
func (c *Cluster) Freeze() error {
	c.t.Cleanup(func() { c.Thaw() })
	return c.signal(syscall.SIGSTOP)
}

// Thaw resumes a frozen server.
func (c *Cluster) Thaw() error { return c.signal(syscall.SIGCONT) }

// signal sends sig to the postmaster and its children.
func (c *Cluster) signal(sig syscall.Signal) error {
	b, err := os.ReadFile(filepath.Join(c.data(), "postmaster.pid"))
	if err != nil {
		return fmt.Errorf("server not running: %w", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]))
	if err != nil {
		return fmt.Errorf("postmaster.pid: %w", err)
	}
	pids := []int{pid}
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, st := range stats {
		b, err := os.ReadFile(st)
		if err != nil {
			continue
		}
		// pid (comm) state ppid …; comm may hold spaces: split after ')'.
		rest := string(b[strings.LastIndexByte(string(b), ')')+1:])
		f := strings.Fields(rest)
		if len(f) > 1 && f[1] == strconv.Itoa(pid) {
			child, _ := strconv.Atoi(filepath.Base(filepath.Dir(st)))
			pids = append(pids, child)
		}
	}
	for _, p := range pids {
		if err := syscall.Kill(p, sig); err != nil && p == pid {
			return fmt.Errorf("signal postmaster: %w", err)
		}
	}
	return nil
}

// URL returns the DSN of database db as user (password, if any).
func (c *Cluster) URL(user, password, db string) string {
	u := user
	if password != "" {
		u += ":" + password
	}
	return fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s?sslmode=disable", u, c.port, db)
}

// Exec runs SQL statements as the superuser on database db.
func (c *Cluster) Exec(t testing.TB, db string, stmts ...string) {
	t.Helper()
	conn, err := sql.Open("postgres", c.URL("postgres", "", db))
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			t.Fatalf("pgtest: %s: %v", s, err)
		}
	}
}

// CreateDB creates database name with the postgis and btree_gist
// extensions and returns its superuser DSN. A cluster without PostGIS
// skips the test (fails it under CI).
func (c *Cluster) CreateDB(t testing.TB, name string) string {
	t.Helper()
	c.Exec(t, "postgres", `CREATE DATABASE "`+strings.ReplaceAll(name, `"`, `""`)+`"`)
	conn, err := sql.Open("postgres", c.URL("postgres", "", name))
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer conn.Close()
	for _, ext := range []string{"postgis", "btree_gist"} {
		if _, err := conn.Exec("CREATE EXTENSION IF NOT EXISTS " + ext); err != nil {
			if strings.Contains(err.Error(), "control file") || strings.Contains(err.Error(), "not available") {
				missing(t, "extension %s is not installed for the PostgreSQL in %s: %v", ext, c.bindir, err)
			}
			t.Fatalf("pgtest: create extension %s: %v", ext, err)
		}
	}
	return c.URL("postgres", "", name)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func appendFile(name, text string) error {
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteString(text)
	return err
}
