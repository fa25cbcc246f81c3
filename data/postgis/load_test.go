package postgis_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/postgis"
	"github.com/timeslice/timeslice/data/postgis/pgtest"
	"github.com/timeslice/timeslice/data/postgis/postgistest"
	"github.com/timeslice/timeslice/geo"
)

// snapshot is every answer of the store that a load may change.
func snapshot(t *testing.T, st data.Store) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	m, err := st.Manifest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range m.LayerList() {
		p, err := st.Items(ctx, l.ID, data.Query{})
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(canon(t, p))
	}
	tl, err := st.Timeline(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b.WriteString(canon(t, tl))
	return b.String()
}

// slices answers a few instants of every layer, interpolated.
func sliceAnswers(t *testing.T, st data.Store, tl data.Timeline) string {
	t.Helper()
	var b strings.Builder
	m, err := st.Manifest(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range m.LayerList() {
		for i := 0; i+1 < len(tl.Instants); i += 7 {
			at := tl.Instants[i].Add(tl.Instants[i+1].Sub(tl.Instants[i]) / 2)
			p, err := st.Items(context.Background(), l.ID, data.Query{Datetime: &geo.Datetime{Instant: at, IsInstant: true}})
			if err != nil {
				t.Fatal(err)
			}
			b.WriteString(canon(t, p))
		}
	}
	return b.String()
}

func without(ds *data.Dataset, drop func(f geo.Feature) bool) *data.Dataset {
	out := &data.Dataset{Manifest: ds.Manifest}
	for _, f := range ds.Features {
		if !drop(f) {
			out.Features = append(out.Features, f)
		}
	}
	return out
}

func TestLoad(t *testing.T) {
	c, st, ds := postgistest.Loaded(t)
	ctx := context.Background()
	full := snapshot(t, st)
	mem := data.NewMemory(ds)
	if want := snapshot(t, mem); full != want {
		t.Fatal("loaded database differs from the embedded store over the same data")
	}
	tl, _ := mem.Timeline(ctx)

	t.Run("reload changes nothing", func(t *testing.T) {
		res, err := st.Load(ctx, ds, postgis.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Written != 0 || res.Deleted != 0 || res.Rows != len(ds.Features) {
			t.Errorf("reload: %+v, want 0 written, 0 deleted, %d rows", res, len(ds.Features))
		}
		if snapshot(t, st) != full {
			t.Error("reload changed the answers")
		}
	})

	t.Run("merge relinks tracks", func(t *testing.T) {
		// Load the synthetic tracks without their even keyframes, then
		// add those: successors must be recomputed across the two loads.
		db := c.CreateDB(t, "merge")
		st2, err := postgis.Open(ctx, db, postgis.Options{Migrate: true})
		if err != nil {
			t.Fatal(err)
		}
		defer st2.Close()
		odd := func(f geo.Feature) bool { return strings.HasPrefix(f.ID, "syn-") && f.Seq%2 == 1 }
		if _, err := st2.Load(ctx, without(ds, func(f geo.Feature) bool { return !odd(f) }), postgis.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
		if _, err := st2.Load(ctx, without(ds, odd), postgis.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
		if got, want := sliceAnswers(t, st2, tl), sliceAnswers(t, mem, tl); got != want {
			t.Error("slices after a merged load differ from the embedded store")
		}
	})

	t.Run("replace swaps layers", func(t *testing.T) {
		db := c.CreateDB(t, "replace")
		st2, err := postgis.Open(ctx, db, postgis.Options{Migrate: true})
		if err != nil {
			t.Fatal(err)
		}
		defer st2.Close()
		if _, err := st2.Load(ctx, ds, postgis.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
		// New camps: only the first three keyframes of the track.
		camps := without(ds, func(f geo.Feature) bool { return f.Layer != "camps" || f.ID == "k3" || f.ID == "k4" || f.ID == "k5" })
		res, err := st2.Load(ctx, camps, postgis.LoadOptions{Replace: true})
		if err != nil {
			t.Fatal(err)
		}
		stored := 0
		for _, f := range ds.Features {
			if f.Layer == "camps" {
				stored++
			}
		}
		if !slices.Equal(res.Layers, []string{"camps"}) || res.Deleted != stored || res.Written != stored-3 {
			t.Errorf("replace: %+v, want layers [camps], %d deleted, %d written", res, stored, stored-3)
		}
		want := data.NewMemory(without(ds, func(f geo.Feature) bool {
			return f.Layer == "camps" && (f.ID == "k3" || f.ID == "k4" || f.ID == "k5")
		}))
		if snapshot(t, st2) != snapshot(t, want) {
			t.Error("after replacing camps the store differs from the embedded store over the same data")
		}
	})

	t.Run("replace is atomic for readers", func(t *testing.T) {
		// Readers during a replace of camps see the old layer or the new
		// one, never an empty or a half-written layer.
		db := c.CreateDB(t, "atomic")
		st2, err := postgis.Open(ctx, db, postgis.Options{Migrate: true})
		if err != nil {
			t.Fatal(err)
		}
		defer st2.Close()
		if _, err := st2.Load(ctx, ds, postgis.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
		old, err := st2.Items(ctx, "camps", data.Query{})
		if err != nil {
			t.Fatal(err)
		}
		camps := without(ds, func(f geo.Feature) bool { return f.Layer != "camps" || f.ID == "k5" })
		done := make(chan struct{})
		seen := map[int]int{}
		go func() {
			defer close(done)
			for i := 0; i < 3; i++ {
				if _, err := st2.Load(ctx, camps, postgis.LoadOptions{Replace: true}); err != nil {
					t.Error(err)
				}
				if _, err := st2.Load(ctx, ds, postgis.LoadOptions{Replace: true}); err != nil {
					t.Error(err)
				}
			}
		}()
		for reading := true; reading; {
			select {
			case <-done:
				reading = false
			default:
			}
			p, err := st2.Items(ctx, "camps", data.Query{})
			if err != nil {
				t.Error(err)
				break
			}
			seen[p.Matched]++
			if p.Matched != old.Matched && p.Matched != old.Matched-1 {
				t.Errorf("a reader saw %d camps during a replace, want %d or %d", p.Matched, old.Matched, old.Matched-1)
				break
			}
		}
		<-done
		t.Logf("camps counts seen by readers during replaces: %v", seen)
	})

	t.Run("conflict with stored track rolls back", func(t *testing.T) {
		// A keyframe that overlaps one already stored in its track: the
		// merged track is invalid, so nothing may be written.
		bad := geo.Feature{Layer: "camps", ID: "k-new", Track: "khao-i-dang",
			From: ds.Features[0].From, To: ds.Features[0].From.Add(24 * time.Hour * 3000), Props: map[string]any{},
			Geometry: ds.Features[1].Geometry, Bound: ds.Features[1].Bound}
		for _, f := range ds.Features {
			if f.Layer == "camps" && f.ID == "k1" {
				bad.From, bad.To = f.From.Add(time.Hour), f.To.Add(time.Hour)
				bad.Geometry, bad.Bound = f.Geometry, f.Bound
			}
		}
		_, err := st.Load(ctx, &data.Dataset{Features: []geo.Feature{bad}}, postgis.LoadOptions{})
		var problems data.Problems
		if !errors.As(err, &problems) || !strings.Contains(err.Error(), "overlaps") {
			t.Fatalf("load of an overlapping keyframe: %v, want a problem naming the overlap", err)
		}
		if snapshot(t, st) != full {
			t.Error("a failed load changed the database")
		}
	})

	t.Run("check rejects what PostgreSQL cannot hold", func(t *testing.T) {
		f := ds.Features[len(ds.Features)-1]
		f.From = f.From.Add(time.Nanosecond)
		g := ds.Features[len(ds.Features)-2]
		g.Props = map[string]any{"note": "a\x00b"}
		errs := postgis.Check(&data.Dataset{Features: []geo.Feature{f, g}}, func(int) string { return "x.geojson" })
		if len(errs) != 2 || !strings.Contains(errs[0].Reason, "microsecond") || !strings.Contains(errs[1].Reason, "NUL") {
			t.Errorf("Check = %v, want a sub-microsecond and a NUL problem", errs)
		}
		if _, err := st.Load(ctx, &data.Dataset{Features: []geo.Feature{f}}, postgis.LoadOptions{}); err == nil {
			t.Error("Load accepted a sub-microsecond instant")
		}
	})
}

func TestMigrate(t *testing.T) {
	c := pgtest.New(t)
	ctx := context.Background()
	if _, err := postgis.Open(ctx, c.DSN, postgis.Options{}); !errors.Is(err, postgis.ErrSchema) {
		t.Errorf("Open of a database without the schema: %v, want ErrSchema", err)
	}
	st, err := postgis.Open(ctx, c.DSN, postgis.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	applied, err := postgis.Migrate(ctx, st.DB())
	if err != nil || len(applied) != 0 {
		t.Errorf("second Migrate applied %v (%v), want nothing", applied, err)
	}
	var n int
	if err := st.DB().QueryRow(`SELECT count(*) FROM timeslice.schema_migrations`).Scan(&n); err != nil || n != postgis.SchemaVersion() {
		t.Errorf("schema_migrations has %d rows (%v), want %d", n, err, postgis.SchemaVersion())
	}
	// A server over a migrated database opens without migrating.
	ro, err := postgis.Open(ctx, c.DSN, postgis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ro.Close()
	// A database from a newer binary is refused.
	if _, err := st.DB().Exec(`INSERT INTO timeslice.schema_migrations (version, name) VALUES (999, 'future')`); err != nil {
		t.Fatal(err)
	}
	if _, err := postgis.Open(ctx, c.DSN, postgis.Options{}); !errors.Is(err, postgis.ErrSchema) || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open of a newer schema: %v, want ErrSchema saying newer", err)
	}
}

// TestUnavailable stops the database under a store: every call fails
// fast with ErrUnavailable, and the store recovers when it is back.
func TestUnavailable(t *testing.T) {
	c, st, _ := postgistest.Loaded(t)
	ctx := context.Background()
	if err := st.Ready(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	calls := map[string]func() error{
		"Ready":       func() error { return st.Ready(ctx) },
		"Items":       func() error { _, err := st.Items(ctx, "camps", data.Query{}); return err },
		"Item":        func() error { _, err := st.Item(ctx, "camps", "k1"); return err },
		"Collections": func() error { _, err := st.Collections(ctx); return err },
		"Timeline":    func() error { _, err := st.Timeline(ctx); return err },
	}
	for name, call := range calls {
		start := time.Now()
		err := call()
		if !errors.Is(err, data.ErrUnavailable) {
			t.Errorf("%s with the database down: %v, want ErrUnavailable", name, err)
		}
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("%s took %s with the database down, want under 2 s", name, took)
		}
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	waitForItems(t, st, "after the database came back")
}

// TestFrozen freezes the database (sockets open, nothing answers): a call
// fails with ErrUnavailable after ReadTimeout instead of hanging, and the
// store answers again once the database resumes.
func TestFrozen(t *testing.T) {
	c, _, _ := postgistest.Loaded(t)
	ctx := context.Background()
	st, err := postgis.Open(ctx, c.DSN, postgis.Options{StatementTimeout: time.Second, ReadTimeout: 1500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Items(ctx, "camps", data.Query{}); err != nil {
		t.Fatal(err)
	}
	if err := c.Freeze(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"pooled connection", "new connection"} {
		start := time.Now()
		callCtx, cancel := context.WithTimeout(ctx, time.Second)
		_, err := st.Items(callCtx, "camps", data.Query{})
		cancel()
		if !errors.Is(err, data.ErrUnavailable) {
			t.Errorf("%s: Items on a frozen database: %v, want ErrUnavailable", name, err)
		}
		took := time.Since(start)
		t.Logf("%s: %v after %s", name, err, took.Round(time.Millisecond))
		if took > 4*time.Second {
			t.Errorf("%s: Items on a frozen database took %s, want about ReadTimeout", name, took)
		}
	}
	if err := c.Thaw(); err != nil {
		t.Fatal(err)
	}
	waitForItems(t, st, "after the database resumed")
}

// waitForItems retries a query for up to 10 s until the store answers.
func waitForItems(t *testing.T, st *postgis.Store, when string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := st.Items(context.Background(), "camps", data.Query{})
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("store did not recover %s: %v", when, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
