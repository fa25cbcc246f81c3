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

// bboxCond is the index filter for box b on keyframe alias a: geom &&
// envelope, in single precision, rounded outwards, so a superset of the
// keyframes whose bounds meet b; data.Slice makes the exact test.
func (q *sqlQuery) bboxCond(a string, b geo.BBox) string {
	var ors []string
	for _, bd := range b.Bounds() {
		x0, y0, x1, y1 := q.arg(bd.Min[0]), q.arg(bd.Min[1]), q.arg(bd.Max[0]), q.arg(bd.Max[1])
		ors = append(ors, fmt.Sprintf("(%s.geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326))", a, x0, y0, x1, y1))
	}
	return "(" + strings.Join(ors, " OR ") + ")"
}

// Items implements data.Store with the embedded store's semantics.
func (s *Store) Items(ctx context.Context, layer string, q data.Query) (data.Page, error) {
	loc, err := s.layerZone(ctx, layer)
	if err != nil {
		return data.Page{}, err
	}
	q.Offset = max(q.Offset, 0)
	stmt, args, paged := itemsSQL(layer, q)
	c, err := s.candidates(ctx, layer, loc, stmt, args, paged, q.Datetime != nil && q.Datetime.IsInstant)
	if err != nil {
		return data.Page{}, err
	}
	if paged && len(c.Keyframes) == 0 && q.Offset > 0 {
		// Past the end: the window count came with no row.
		sq := where(layer, q)
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM timeslice.features f"+sq.whereSQL(), sq.args...).Scan(&c.Total); err != nil {
			return data.Page{}, callErr(ctx, fmt.Errorf("count %s: %w", layer, err))
		}
	}
	return data.Slice(c, q), nil
}

// itemsSQL is the statement Items runs for q. Without a box it is the
// page (paged: data.Slice need only interpolate it); with one, every
// keyframe of the time window whose envelope may meet the box, for
// data.Slice to test exactly and page. At an instant each linear
// keyframe comes with its successor.
func itemsSQL(layer string, q data.Query) (stmt string, args []any, paged bool) {
	sq := where(layer, q)
	instant := q.Datetime != nil && q.Datetime.IsInstant
	if q.BBox == nil {
		stmt, args = pageSQL(sq, q, instant)
		return stmt, args, true
	}
	cols, from := featureCols("f"), " FROM timeslice.features f"
	own := sq.bboxCond("f", *q.BBox)
	if instant {
		// The state of a linear keyframe lies between it and its
		// successor: either may meet the box.
		cols += ", " + featureCols("n")
		from += successorJoin
		own = "(" + own + " OR (n.id IS NOT NULL AND " + sq.bboxCond("n", *q.BBox) + "))"
	}
	sq.and(own)
	return "SELECT " + cols + from + sq.whereSQL() + " ORDER BY f.seq, f.id", sq.args, false
}

// where selects the keyframes of layer valid in q's time window.
func where(layer string, q data.Query) *sqlQuery {
	if d := q.Datetime; d != nil && d.IsInstant {
		return instantWhere(layer, d.Instant)
	}
	return rangeWhere(layer, q)
}

// layerZone returns the dataset's time zone, or ErrNotFound when layer
// is not one of its manifest's.
func (s *Store) layerZone(ctx context.Context, layer string) (*time.Location, error) {
	m, err := s.Manifest(ctx)
	if err != nil {
		return nil, err
	}
	if _, ok := m.Layer(layer); !ok {
		return nil, fmt.Errorf("collection %q: %w", layer, data.ErrNotFound)
	}
	return m.Location(), nil
}

// rangeWhere selects the keyframes of layer whose validity meets the
// interval of q (all of them without one).
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
	return &sq
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

// candidates runs an Items statement (itemsSQL) and reads its rows: each
// keyframe with, when the query is at an instant, its successor; with
// paged, the count of all matches that pageSQL adds to every row.
func (s *Store) candidates(ctx context.Context, layer string, loc *time.Location, stmt string, args []any, paged, instant bool) (data.Candidates, error) {
	c := data.Candidates{Paged: paged}
	rows, err := s.query(ctx, stmt, args...)
	if err != nil {
		return c, callErr(ctx, fmt.Errorf("query %s: %w", layer, err))
	}
	defer rows.Close()
	for rows.Next() {
		var fr, nr featureRow
		dest := fr.dest()
		if instant {
			dest = append(dest, nr.dest()...)
		}
		if paged {
			dest = append(dest, &c.Total)
		}
		if err := rows.Scan(dest...); err != nil {
			return c, callErr(ctx, fmt.Errorf("read %s: %w", layer, err))
		}
		f, err := fr.feature(layer, loc)
		if err != nil {
			return c, err
		}
		k := data.Candidate{Keyframe: f}
		if nr.present() {
			n, err := nr.feature(layer, loc)
			if err != nil {
				return c, err
			}
			k.Next = &n
		}
		c.Keyframes = append(c.Keyframes, k)
	}
	if err := rows.Err(); err != nil {
		return c, callErr(ctx, fmt.Errorf("read %s: %w", layer, err))
	}
	return c, nil
}

// pageSQL is the page of keyframes sq selects
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
	loc, err := s.layerZone(ctx, layer)
	if err != nil {
		return geo.Feature{}, err
	}
	if !storableText(id) {
		// No stored id is like it: PostgreSQL text holds neither NUL nor
		// invalid UTF-8, and would refuse to compare (SQLSTATE 22021).
		return geo.Feature{}, fmt.Errorf("feature %q in %s: %w", id, layer, data.ErrNotFound)
	}
	var fr featureRow
	err = s.db.QueryRowContext(ctx, "SELECT "+featureCols("f")+" FROM timeslice.features f WHERE f.layer = $1 AND f.id = $2",
		layer, id).Scan(fr.dest()...)
	if errors.Is(err, sql.ErrNoRows) {
		return geo.Feature{}, fmt.Errorf("feature %q in %s: %w", id, layer, data.ErrNotFound)
	}
	if err != nil {
		return geo.Feature{}, callErr(ctx, fmt.Errorf("query feature %q in %s: %w", id, layer, err))
	}
	return fr.feature(layer, loc)
}

// Collections implements data.Store: the manifest's layers with their
// extents.
func (s *Store) Collections(ctx context.Context) ([]data.Collection, error) {
	m, err := s.Manifest(ctx)
	if err != nil {
		return nil, err
	}
	loc := m.Location()
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
		c.Start = start.In(loc)
		if end.Valid && !openEnds {
			c.End = end.Time.In(loc)
		}
		byLayer[layer] = c
	}
	if err := rows.Err(); err != nil {
		return nil, callErr(ctx, fmt.Errorf("read collections: %w", err))
	}
	var out []data.Collection
	for _, l := range m.LayerList() {
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
	m, err := s.Manifest(ctx)
	if err != nil {
		return tl, err
	}
	loc := m.Location()
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
		tl.Instants = append(tl.Instants, t.In(loc))
	}
	if err := rows.Err(); err != nil {
		return tl, callErr(ctx, fmt.Errorf("read timeline: %w", err))
	}
	if n := len(tl.Instants); n > 0 {
		tl.Start, tl.End = tl.Instants[0], tl.Instants[n-1]
	}
	if m.EventsLayer == "" {
		return tl, nil
	}
	evs, err := s.db.QueryContext(ctx, "SELECT "+featureCols("f")+
		" FROM timeslice.features f WHERE f.layer = $1 ORDER BY lower(f.validity), f.seq, f.id", m.EventsLayer)
	if err != nil {
		return tl, callErr(ctx, fmt.Errorf("query events: %w", err))
	}
	defer evs.Close()
	for evs.Next() {
		var fr featureRow
		if err := evs.Scan(fr.dest()...); err != nil {
			return tl, callErr(ctx, fmt.Errorf("read events: %w", err))
		}
		f, err := fr.feature(m.EventsLayer, loc)
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
