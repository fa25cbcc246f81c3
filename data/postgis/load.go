package postgis

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/geo"
)

// LoadOptions tune Load.
type LoadOptions struct {
	// Replace deletes every keyframe of the layers being loaded first
	// (of every layer when the dataset replaces another one), in the
	// same transaction: the layers are swapped atomically, readers
	// see the old layers until the commit and the new ones after it.
	// Without it, keyframes are inserted or updated by (layer, id) and
	// others are kept; loading the same data again changes nothing.
	Replace bool
	// Progress, when set, is called as rows are sent to the database
	// (done of total) and once more at the end.
	Progress func(done, total int)
}

// LoadResult says what a Load did.
type LoadResult struct {
	// Layers are the layers the dataset touched, in manifest order.
	Layers []string
	// Rows were sent; Written were inserted or changed (0 for a reload
	// of the same data); Deleted were removed by Replace, or because
	// their layer is not in the manifest loaded.
	Rows, Written, Deleted int
	Took                   time.Duration
}

// copyCols are the columns COPY fills, in the order copyRow gives them.
var copyCols = []string{"layer", "id", "seq", "track", "validity", "interpolation", "props", "geom",
	"min_lon", "min_lat", "max_lon", "max_lat", "next_id", "nums"}

// Check finds what a validated dataset holds that PostgreSQL cannot store
// exactly: instants finer than a microsecond or before year 1, and NUL
// characters in text. fileOf names the file of a feature by Seq.
func Check(ds *data.Dataset, fileOf func(seq int) string) data.Problems {
	var errs data.Problems
	for i := range ds.Features {
		f := &ds.Features[i]
		bad := func(format string, args ...any) {
			errs = append(errs, data.Problem{File: fileOf(f.Seq), Feature: f.ID, Reason: fmt.Sprintf(format, args...)})
		}
		for _, t := range []struct {
			name string
			t    time.Time
		}{{"valid_from", f.From}, {"valid_to", f.To}} {
			if t.t.IsZero() {
				continue
			}
			if !t.t.Equal(t.t.Truncate(time.Microsecond)) {
				bad("%s %s is finer than a microsecond, which PostgreSQL cannot store", t.name, t.t.Format(time.RFC3339Nano))
			}
			if t.t.UTC().Year() < 1 {
				bad("%s %s is before year 1, which this loader cannot store", t.name, t.t.Format(time.RFC3339Nano))
			}
		}
		if strings.ContainsRune(f.ID, 0) || strings.ContainsRune(f.Track, 0) || hasNUL(f.Props) {
			bad("contains a NUL character (\\u0000), which PostgreSQL text cannot hold")
		}
	}
	return errs
}

func hasNUL(v any) bool {
	switch x := v.(type) {
	case string:
		return strings.ContainsRune(x, 0)
	case map[string]any:
		for k, e := range x {
			if strings.ContainsRune(k, 0) || hasNUL(e) {
				return true
			}
		}
	case []any:
		return slices.ContainsFunc(x, hasNUL)
	}
	return false
}

// validity writes [from, to) as a tstzrange literal.
func validity(f *geo.Feature) string {
	to := ""
	if !f.OpenEnded() {
		to = strconv.Quote(f.To.UTC().Format(time.RFC3339Nano))
	}
	return "[" + strconv.Quote(f.From.UTC().Format(time.RFC3339Nano)) + "," + to + ")"
}

// copyRow returns the COPY values of keyframe f with successor id next.
func copyRow(f *geo.Feature, next string) ([]any, error) {
	props, err := json.Marshal(f.Props)
	if err != nil {
		return nil, fmt.Errorf("feature %s/%s: encode properties: %w", f.Layer, f.ID, err)
	}
	if f.Props == nil {
		props = []byte("{}")
	}
	g, err := encodeEWKB(f.Geometry)
	if err != nil {
		return nil, fmt.Errorf("feature %s/%s: %w", f.Layer, f.ID, err)
	}
	var nextID any
	if next != "" {
		nextID = next
	}
	nums := map[string]float64{}
	for k, v := range f.Props {
		if x, ok := v.(float64); ok {
			nums[k] = x
		}
	}
	numsJSON, err := json.Marshal(nums)
	if err != nil {
		return nil, fmt.Errorf("feature %s/%s: encode numbers: %w", f.Layer, f.ID, err)
	}
	return []any{f.Layer, f.ID, f.Seq, f.Track, validity(f), f.Interp.String(), string(props), g,
		f.Bound.Min[0], f.Bound.Min[1], f.Bound.Max[0], f.Bound.Max[1], nextID, string(numsJSON)}, nil
}

// Load writes a validated dataset (data.ReadFS) into the database in one
// transaction: COPY into a staging table, then insert or update by
// (layer, id) (after deleting the loaded layers, with Replace), relink
// the tracks of the layers touched and check them as data.Validate does.
// On any error nothing is changed. Call Check first for messages that
// name files.
func (s *Store) Load(ctx context.Context, ds *data.Dataset, opts LoadOptions) (res LoadResult, err error) {
	start := time.Now()
	if errs := Check(ds, func(int) string { return "dataset" }); len(errs) > 0 {
		return res, errs
	}
	links := geo.Link(ds.Features)
	db := sql.OpenDB(s.loadConn)
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return res, classify(fmt.Errorf("begin load: %w", err))
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	setup := []string{
		`SET LOCAL statement_timeout = 0`,
		`SELECT pg_advisory_xact_lock(` + strconv.FormatInt(migrateLock, 10) + `)`,
	}
	for _, q := range setup {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return res, classify(fmt.Errorf("prepare load: %w", err))
		}
	}
	stored, err := readStored(ctx, tx)
	if err != nil {
		return res, err
	}
	next, err := nextManifest(ds, stored, opts.Replace)
	if err != nil {
		return res, err
	}
	seen := map[string]bool{}
	for i := range ds.Features {
		seen[ds.Features[i].Layer] = true
	}
	for _, id := range next.m.LayerIDs() {
		if seen[id] {
			res.Layers = append(res.Layers, id)
		}
	}
	// Keyframes of layers the dataset no longer has, or of another
	// dataset being replaced, go.
	var r sql.Result
	if stored.id.Valid && stored.id.String != next.m.ID {
		r, err = tx.ExecContext(ctx, `DELETE FROM timeslice.features`)
	} else {
		r, err = tx.ExecContext(ctx, `DELETE FROM timeslice.features WHERE NOT (layer = ANY($1))`, pq.Array(next.m.LayerIDs()))
	}
	if err != nil {
		return res, classify(fmt.Errorf("delete keyframes of other layers: %w", err))
	}
	n, _ := r.RowsAffected()
	res.Deleted = int(n)
	res.Rows = len(ds.Features)
	if opts.Replace {
		r, err = tx.ExecContext(ctx, `DELETE FROM timeslice.features WHERE layer = ANY($1)`, pq.Array(res.Layers))
		if err != nil {
			return res, classify(fmt.Errorf("delete layers %s: %w", strings.Join(res.Layers, ", "), err))
		}
		n, _ := r.RowsAffected()
		res.Deleted += int(n)
	}
	var present bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM timeslice.features WHERE layer = ANY($1))`,
		pq.Array(res.Layers)).Scan(&present); err != nil {
		return res, classify(fmt.Errorf("look for stored layers: %w", err))
	}
	if !present {
		// The layers are empty (or were just emptied): the dataset holds
		// them whole, already validated and linked. Straight in.
		if err := copyIn(ctx, tx, "timeslice.features", ds, links.Next, opts.Progress); err != nil {
			return res, err
		}
		res.Written = res.Rows
	} else if res.Written, err = merge(ctx, tx, ds, links.Next, res.Layers, opts.Progress); err != nil {
		return res, err
	}
	if next.changed {
		if _, err := tx.ExecContext(ctx, `UPDATE timeslice.dataset SET dataset_id = $1, manifest = $2, bibliography = $3`,
			next.m.ID, next.raw, next.bib); err != nil {
			return res, classify(fmt.Errorf("store the manifest: %w", err))
		}
	}
	if res.Written > 0 || res.Deleted > 0 || next.changed {
		// Servers see the change and drop their cached answers.
		if _, err := tx.ExecContext(ctx, `UPDATE timeslice.dataset SET version = version + 1`); err != nil {
			return res, classify(fmt.Errorf("count the load: %w", err))
		}
	}
	// Fresh statistics, so that the planner picks the slice index at once.
	if _, err := tx.ExecContext(ctx, `ANALYZE timeslice.features`); err != nil {
		return res, classify(fmt.Errorf("analyze after load: %w", err))
	}
	if err := tx.Commit(); err != nil {
		return res, classify(fmt.Errorf("commit load: %w", err))
	}
	res.Took = time.Since(start)
	return res, nil
}

// loadManifest is the manifest a load leaves in the database.
type loadManifest struct {
	m       *data.Manifest
	raw     string
	bib     sql.NullString
	changed bool // differs from the stored one
}

// nextManifest decides the manifest a load of ds stores: its own; or,
// for features without one, the stored manifest (which must have their
// layers) or else data.BareManifest. Another dataset than the stored one
// needs replace.
func nextManifest(ds *data.Dataset, stored storedManifest, replace bool) (loadManifest, error) {
	var next loadManifest
	switch {
	case ds.Manifest != nil:
		next.m = ds.Manifest
		if b := ds.Manifest.BibliographyData; b != nil {
			next.bib = sql.NullString{String: string(b), Valid: true}
		}
	case stored.manifest.Valid:
		m, err := data.ParseManifest("stored manifest", []byte(stored.manifest.String))
		if err != nil {
			return next, err
		}
		for i := range ds.Features {
			if l := ds.Features[i].Layer; !slices.Contains(m.LayerIDs(), l) {
				return next, fmt.Errorf("feature %s/%s: layer %q is not in the stored manifest of dataset %s: load a dataset directory",
					l, ds.Features[i].ID, l, m.ID)
			}
		}
		next.m, next.bib = m, stored.bibliography
	default:
		next.m = data.BareManifest(ds.Features)
	}
	if stored.id.Valid && stored.id.String != next.m.ID && !replace {
		return next, fmt.Errorf("the database holds dataset %q, not %q: load with --replace to replace it", stored.id.String, next.m.ID)
	}
	raw, err := json.Marshal(next.m)
	if err != nil {
		return next, fmt.Errorf("encode manifest: %w", err)
	}
	next.raw = string(raw)
	next.changed = !stored.manifest.Valid || stored.manifest.String != next.raw || stored.bibliography != next.bib ||
		stored.id.String != next.m.ID
	return next, nil
}

// merge loads into layers that already hold keyframes: COPY into a
// staging table, insert or update by (layer, id), then relink and check
// the tracks of the layers as they now are. It returns the rows written.
func merge(ctx context.Context, tx *sql.Tx, ds *data.Dataset, next []int, layers []string, progress func(done, total int)) (int, error) {
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE features_load (LIKE timeslice.features INCLUDING DEFAULTS) ON COMMIT DROP`); err != nil {
		return 0, classify(fmt.Errorf("create staging table: %w", err))
	}
	if err := copyIn(ctx, tx, "features_load", ds, next, progress); err != nil {
		return 0, err
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO timeslice.features AS f SELECT * FROM features_load
		ON CONFLICT (layer, id) DO UPDATE SET seq = excluded.seq, track = excluded.track, validity = excluded.validity,
			interpolation = excluded.interpolation, props = excluded.props, geom = excluded.geom,
			min_lon = excluded.min_lon, min_lat = excluded.min_lat, max_lon = excluded.max_lon, max_lat = excluded.max_lat,
			next_id = excluded.next_id, nums = excluded.nums
		WHERE (f.seq, f.track, f.validity, f.interpolation, f.props, ST_AsEWKB(f.geom), f.next_id)
			IS DISTINCT FROM (excluded.seq, excluded.track, excluded.validity, excluded.interpolation, excluded.props,
				ST_AsEWKB(excluded.geom), excluded.next_id)`)
	if err != nil {
		return 0, classify(fmt.Errorf("write features: %w", err))
	}
	n, _ := r.RowsAffected()
	return int(n), relink(ctx, tx, layers)
}

// copyIn streams the dataset into table, in time order within each
// layer, so that the keyframes of one slice share pages.
func copyIn(ctx context.Context, tx *sql.Tx, table string, ds *data.Dataset, next []int, progress func(done, total int)) error {
	order := make([]int, len(ds.Features))
	for i := range order {
		order[i] = i
	}
	fs := ds.Features
	slices.SortStableFunc(order, func(a, b int) int {
		if c := strings.Compare(fs[a].Layer, fs[b].Layer); c != 0 {
			return c
		}
		if c := fs[a].From.Compare(fs[b].From); c != 0 {
			return c
		}
		return fs[a].Seq - fs[b].Seq
	})
	stmt, err := tx.PrepareContext(ctx, "COPY "+table+" ("+strings.Join(copyCols, ", ")+") FROM STDIN")
	if err != nil {
		return classify(fmt.Errorf("start COPY: %w", err))
	}
	defer stmt.Close()
	total := len(ds.Features)
	for done, i := range order {
		f := &ds.Features[i]
		nextID := ""
		if next[i] >= 0 {
			nextID = ds.Features[next[i]].ID
		}
		row, err := copyRow(f, nextID)
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, row...); err != nil {
			return classify(fmt.Errorf("COPY feature %s/%s: %w", f.Layer, f.ID, err))
		}
		if progress != nil && (done+1)%1000 == 0 {
			progress(done+1, total)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return classify(fmt.Errorf("finish COPY: %w", err))
	}
	if progress != nil && total%1000 != 0 {
		progress(total, total)
	}
	return nil
}

// relink recomputes the successor of every keyframe of the layers
// touched (the load may have merged into tracks already stored), then
// checks those tracks as data.Validate does: keyframes do not overlap and
// a linear keyframe can be interpolated into the next.
func relink(ctx context.Context, tx *sql.Tx, layers []string) error {
	_, err := tx.ExecContext(ctx, `UPDATE timeslice.features f SET next_id = l.nid
		FROM (SELECT layer, id, lead(id) OVER (PARTITION BY layer, track ORDER BY lower(validity), seq, id) AS nid
			FROM timeslice.features WHERE layer = ANY($1) AND track <> '') l
		WHERE f.layer = l.layer AND f.id = l.id AND f.next_id IS DISTINCT FROM l.nid`, pq.Array(layers))
	if err != nil {
		return classify(fmt.Errorf("link tracks: %w", err))
	}
	rows, err := tx.QueryContext(ctx, `SELECT f.layer, f.id, f.track, n.id,
			NOT upper_inf(f.validity) AND upper(f.validity) <= lower(n.validity) AS ordered
		FROM timeslice.features f JOIN timeslice.features n ON n.layer = f.layer AND n.id = f.next_id
		WHERE f.layer = ANY($1) AND (upper_inf(f.validity) OR upper(f.validity) > lower(n.validity)
			OR (f.interpolation = 'linear' AND `+geomKind("f")+` IS DISTINCT FROM `+geomKind("n")+`))
		ORDER BY f.layer, f.seq LIMIT 100`, pq.Array(layers))
	if err != nil {
		return classify(fmt.Errorf("check tracks: %w", err))
	}
	defer rows.Close()
	var errs data.Problems
	for rows.Next() {
		var layer, id, track, nextID string
		var ordered bool
		if err := rows.Scan(&layer, &id, &track, &nextID, &ordered); err != nil {
			return classify(fmt.Errorf("check tracks: %w", err))
		}
		why := fmt.Sprintf("keyframe of track %q overlaps the next keyframe %s already in the database", track, nextID)
		if ordered {
			why = fmt.Sprintf("linear track %q cannot interpolate into the next keyframe %s already in the database", track, nextID)
		}
		errs = append(errs, data.Problem{File: "layer " + layer, Feature: id, Reason: why})
	}
	if err := rows.Err(); err != nil {
		return classify(fmt.Errorf("check tracks: %w", err))
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// geomKind groups geometry types as geo.Compatible does.
func geomKind(a string) string {
	return "(CASE GeometryType(" + a + ".geom) WHEN 'POINT' THEN 1 WHEN 'MULTIPOINT' THEN 1" +
		" WHEN 'LINESTRING' THEN 2 WHEN 'MULTILINESTRING' THEN 2 WHEN 'POLYGON' THEN 3 WHEN 'MULTIPOLYGON' THEN 3 END)"
}
