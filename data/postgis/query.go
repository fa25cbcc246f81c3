package postgis

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/geo"
)

// sqlQuery accumulates a statement and its bound parameters: values are
// never spliced into the SQL text.
type sqlQuery struct {
	where []string
	args  []any
}

// arg binds v and returns its placeholder.
func (q *sqlQuery) arg(v any) string {
	q.args = append(q.args, v)
	return "$" + strconv.Itoa(len(q.args))
}

func (q *sqlQuery) and(cond string) { q.where = append(q.where, cond) }

func (q *sqlQuery) whereSQL() string { return " WHERE " + strings.Join(q.where, " AND ") }

// bboxConds adds the filter for box b on keyframe alias a: an index
// prefilter (geom && envelope, single precision, rounded outwards) and,
// when exact, the exact test on the stored double-precision bounds that
// orb.Bound.Intersects makes.
func (q *sqlQuery) bboxCond(a string, b geo.BBox, exact bool) string {
	var ors []string
	for _, bd := range b.Bounds() {
		x0, y0, x1, y1 := q.arg(bd.Min[0]), q.arg(bd.Min[1]), q.arg(bd.Max[0]), q.arg(bd.Max[1])
		c := fmt.Sprintf("%s.geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)", a, x0, y0, x1, y1)
		if exact {
			c += fmt.Sprintf(" AND NOT (%[1]s.max_lon < %[2]s OR %[1]s.min_lon > %[4]s OR %[1]s.max_lat < %[3]s OR %[1]s.min_lat > %[5]s)",
				a, x0, y0, x1, y1)
		}
		ors = append(ors, "("+c+")")
	}
	return "(" + strings.Join(ors, " OR ") + ")"
}

// Items implements data.Store with the embedded store's semantics.
func (s *Store) Items(ctx context.Context, layer string, q data.Query) (data.Page, error) {
	if _, ok := data.LayerByID(layer); !ok {
		return data.Page{}, fmt.Errorf("collection %q: %w", layer, data.ErrNotFound)
	}
	q.Offset = max(q.Offset, 0)
	if d := q.Datetime; d != nil && d.IsInstant {
		return s.slice(ctx, layer, d.Instant, q)
	}
	return s.page(ctx, layer, rangeWhere(layer, q), q, time.Time{}, false)
}

// rangeWhere selects the keyframes of layer whose validity meets the
// interval of q (all of them without one) and whose bounds meet its box.
func rangeWhere(layer string, q data.Query) *sqlQuery {
	var sq sqlQuery
	sq.and("f.layer = " + sq.arg(layer))
	if d := q.Datetime; d != nil {
		var from, to any // nil: unbounded
		if !d.Start.IsZero() {
			from = floorMicro(d.Start)
		}
		if !d.End.IsZero() {
			to = ceilMicro(d.End)
		}
		sq.and(fmt.Sprintf("f.validity && tstzrange(%s::timestamptz, %s::timestamptz, '[)')", sq.arg(from), sq.arg(to)))
	}
	if q.BBox != nil {
		sq.and(sq.bboxCond("f", *q.BBox, true))
	}
	return &sq
}

// slice answers a query at instant t: the keyframes valid at t, each with
// its successor when it is linear, interpolated by geo.At.
func (s *Store) slice(ctx context.Context, layer string, t time.Time, q data.Query) (data.Page, error) {
	sq := instantWhere(layer, t)
	if q.BBox == nil {
		return s.page(ctx, layer, sq, q, t, true)
	}
	// The state of a linear keyframe lies between it and its successor:
	// fetch every keyframe whose envelope may touch the box, then decide
	// exactly as the embedded store does, on the interpolated bounds.
	box := *q.BBox
	own := sq.bboxCond("f", box, false)
	next := sq.bboxCond("n", box, false)
	sq.and("(" + own + " OR (n.id IS NOT NULL AND " + next + "))")
	rows, err := s.query(ctx, "SELECT "+featureCols("f")+", "+featureCols("n")+
		" FROM timeslice.features f"+successorJoin+sq.whereSQL()+" ORDER BY f.seq, f.id", sq.args...)
	if err != nil {
		return data.Page{}, callErr(ctx, fmt.Errorf("query slice of %s: %w", layer, err))
	}
	defer rows.Close()
	var matched []geo.Feature
	for rows.Next() {
		var fr, nr featureRow
		if err := rows.Scan(append(fr.dest(), nr.dest()...)...); err != nil {
			return data.Page{}, callErr(ctx, fmt.Errorf("read slice of %s: %w", layer, err))
		}
		f, err := fr.feature(layer)
		if err != nil {
			return data.Page{}, err
		}
		env := f.Bound
		var n *geo.Feature
		if nr.present() {
			nf, err := nr.feature(layer)
			if err != nil {
				return data.Page{}, err
			}
			n = &nf
			env = env.Union(nf.Bound)
		}
		if !box.Intersects(env) {
			continue
		}
		if n != nil {
			f = geo.At(&f, n, t)
		}
		if box.Intersects(f.Bound) {
			matched = append(matched, f)
		}
	}
	if err := rows.Err(); err != nil {
		return data.Page{}, callErr(ctx, fmt.Errorf("read slice of %s: %w", layer, err))
	}
	return data.Page{Features: data.Window(matched, q.Offset, q.Limit), Matched: len(matched)}, nil
}

// successorJoin fetches, as n, the successor of each linear keyframe f:
// a primary-key lookup per keyframe of the page. LATERAL with LIMIT
// keeps the planner from flattening it into a hash join that reads the
// whole layer. Of the successor's properties only the numbers (nums)
// are fetched: they are all that geo.At reads of them.
const successorJoin = " LEFT JOIN LATERAL (SELECT s.id, s.seq, s.track, s.validity, s.interpolation, s.geom, s.nums AS props" +
	" FROM timeslice.features s" +
	" WHERE f.interpolation = 'linear' AND s.layer = f.layer AND s.id = f.next_id LIMIT 1) n ON true"

// instantWhere selects the keyframes of layer valid at t: one lookup in
// the GiST index over (layer, validity).
func instantWhere(layer string, t time.Time) *sqlQuery {
	var sq sqlQuery
	sq.and("f.layer = " + sq.arg(layer))
	sq.and("f.validity @> " + sq.arg(floorMicro(t)) + "::timestamptz")
	return &sq
}

// page runs sq paged in SQL. With interp, linear keyframes are fetched
// with their successor and interpolated to t.
func (s *Store) page(ctx context.Context, layer string, sq *sqlQuery, q data.Query, t time.Time, interp bool) (data.Page, error) {
	stmt, args := pageSQL(sq, q, interp)
	rows, err := s.query(ctx, stmt, args...)
	if err != nil {
		return data.Page{}, callErr(ctx, fmt.Errorf("query %s: %w", layer, err))
	}
	defer rows.Close()
	var page data.Page
	for rows.Next() {
		var fr, nr featureRow
		dest := fr.dest()
		if interp {
			dest = append(dest, nr.dest()...)
		}
		if err := rows.Scan(append(dest, &page.Matched)...); err != nil {
			return data.Page{}, callErr(ctx, fmt.Errorf("read %s: %w", layer, err))
		}
		f, err := fr.feature(layer)
		if err != nil {
			return data.Page{}, err
		}
		if interp && nr.present() {
			n, err := nr.feature(layer)
			if err != nil {
				return data.Page{}, err
			}
			f = geo.At(&f, &n, t)
		}
		page.Features = append(page.Features, f)
	}
	if err := rows.Err(); err != nil {
		return data.Page{}, callErr(ctx, fmt.Errorf("read %s: %w", layer, err))
	}
	if len(page.Features) == 0 && q.Offset > 0 {
		// Past the end: the window count came with no row.
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM timeslice.features f"+sq.whereSQL(), sq.args...).Scan(&page.Matched); err != nil {
			return data.Page{}, callErr(ctx, fmt.Errorf("count %s: %w", layer, err))
		}
	}
	return page, nil
}

// pageSQL is the statement page runs: the page of keyframes sq selects
// in seq order, with the count of all of them and, with interp, each
// linear keyframe's successor.
func pageSQL(sq *sqlQuery, q data.Query, interp bool) (string, []any) {
	// The page is cut first, so that only its rows are fetched whole and
	// joined to their successors.
	page := "SELECT f.*, count(*) OVER () AS matched FROM timeslice.features f" + sq.whereSQL() + " ORDER BY f.seq, f.id"
	args := slices.Clone(sq.args)
	if q.Limit > 0 {
		args = append(args, q.Limit)
		page += " LIMIT $" + strconv.Itoa(len(args))
	}
	if q.Offset > 0 {
		args = append(args, q.Offset)
		page += " OFFSET $" + strconv.Itoa(len(args))
	}
	cols := featureCols("f")
	from := " FROM (" + page + ") f"
	if interp {
		cols += ", " + featureCols("n")
		from += successorJoin
	}
	return "SELECT " + cols + ", f.matched" + from + " ORDER BY f.seq, f.id", args
}

// Item implements data.Store.
func (s *Store) Item(ctx context.Context, layer, id string) (geo.Feature, error) {
	if _, ok := data.LayerByID(layer); !ok {
		return geo.Feature{}, fmt.Errorf("collection %q: %w", layer, data.ErrNotFound)
	}
	if !storableText(id) {
		// No stored id is like it: PostgreSQL text holds neither NUL nor
		// invalid UTF-8, and would refuse to compare (SQLSTATE 22021).
		return geo.Feature{}, fmt.Errorf("feature %q in %s: %w", id, layer, data.ErrNotFound)
	}
	var fr featureRow
	err := s.db.QueryRowContext(ctx, "SELECT "+featureCols("f")+" FROM timeslice.features f WHERE f.layer = $1 AND f.id = $2",
		layer, id).Scan(fr.dest()...)
	if errors.Is(err, sql.ErrNoRows) {
		return geo.Feature{}, fmt.Errorf("feature %q in %s: %w", id, layer, data.ErrNotFound)
	}
	if err != nil {
		return geo.Feature{}, callErr(ctx, fmt.Errorf("query feature %q in %s: %w", id, layer, err))
	}
	return fr.feature(layer)
}

// Collections implements data.Store: the eight layers with their extents.
func (s *Store) Collections(ctx context.Context) ([]data.Collection, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT layer, count(*), min(min_lon), min(min_lat), max(max_lon), max(max_lat),
		min(lower(validity)), max(upper(validity)), bool_or(upper_inf(validity))
		FROM timeslice.features GROUP BY layer`)
	if err != nil {
		return nil, callErr(ctx, fmt.Errorf("query collections: %w", err))
	}
	defer rows.Close()
	byLayer := map[string]data.Collection{}
	for rows.Next() {
		var (
			layer    string
			c        data.Collection
			start    time.Time
			end      sql.NullTime
			openEnds bool
		)
		if err := rows.Scan(&layer, &c.Count, &c.Bound.Min[0], &c.Bound.Min[1], &c.Bound.Max[0], &c.Bound.Max[1],
			&start, &end, &openEnds); err != nil {
			return nil, callErr(ctx, fmt.Errorf("read collections: %w", err))
		}
		c.Start = start
		if end.Valid && !openEnds {
			c.End = end.Time
		}
		byLayer[layer] = c
	}
	if err := rows.Err(); err != nil {
		return nil, callErr(ctx, fmt.Errorf("read collections: %w", err))
	}
	var out []data.Collection
	for _, l := range data.Layers() {
		c := byLayer[l.ID]
		c.Layer = l
		if c.Count == 0 {
			c.Bound = orb.Bound{}
		}
		out = append(out, c)
	}
	return out, nil
}

// Timeline implements data.Store.
func (s *Store) Timeline(ctx context.Context) (data.Timeline, error) {
	var tl data.Timeline
	rows, err := s.db.QueryContext(ctx, `SELECT lower(validity) AS t FROM timeslice.features
		UNION SELECT upper(validity) FROM timeslice.features WHERE NOT upper_inf(validity) ORDER BY t`)
	if err != nil {
		return tl, callErr(ctx, fmt.Errorf("query timeline: %w", err))
	}
	defer rows.Close()
	for rows.Next() {
		var t time.Time
		if err := rows.Scan(&t); err != nil {
			return tl, callErr(ctx, fmt.Errorf("read timeline: %w", err))
		}
		tl.Instants = append(tl.Instants, t)
	}
	if err := rows.Err(); err != nil {
		return tl, callErr(ctx, fmt.Errorf("read timeline: %w", err))
	}
	if n := len(tl.Instants); n > 0 {
		tl.Start, tl.End = tl.Instants[0], tl.Instants[n-1]
	}
	evs, err := s.db.QueryContext(ctx, "SELECT "+featureCols("f")+
		" FROM timeslice.features f WHERE f.layer = 'events' ORDER BY lower(f.validity), f.seq, f.id")
	if err != nil {
		return tl, callErr(ctx, fmt.Errorf("query events: %w", err))
	}
	defer evs.Close()
	for evs.Next() {
		var fr featureRow
		if err := evs.Scan(fr.dest()...); err != nil {
			return tl, callErr(ctx, fmt.Errorf("read events: %w", err))
		}
		f, err := fr.feature("events")
		if err != nil {
			return tl, err
		}
		tl.Events = append(tl.Events, f)
	}
	if err := evs.Err(); err != nil {
		return tl, callErr(ctx, fmt.Errorf("read events: %w", err))
	}
	return tl, nil
}
