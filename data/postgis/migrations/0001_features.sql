-- Keyframes of every layer. One row per dataset feature.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE timeslice.features (
    layer         text NOT NULL,
    id            text NOT NULL,
    -- seq is the feature's position in the dataset as loaded; answers are
    -- ordered by it, as the embedded store orders them.
    seq           integer NOT NULL,
    track         text NOT NULL DEFAULT '',
    -- validity is half-open [valid_from, valid_to); an open end is unbounded.
    validity      tstzrange NOT NULL
                  CHECK (NOT isempty(validity) AND lower_inc(validity) AND NOT upper_inc(validity)
                         AND NOT lower_inf(validity)),
    interpolation text NOT NULL DEFAULT 'step' CHECK (interpolation IN ('step', 'linear')),
    -- props holds every GeoJSON property other than the time-model ones.
    props         jsonb NOT NULL,
    geom          geometry(Geometry, 4326) NOT NULL,
    -- The exact bounding box of geom in double precision: the bbox filter
    -- must decide touching boxes exactly as the embedded store does
    -- (index boxes are single precision).
    min_lon       double precision NOT NULL,
    min_lat       double precision NOT NULL,
    max_lon       double precision NOT NULL,
    max_lat       double precision NOT NULL,
    -- next_id is the id of the keyframe that follows this one in its track
    -- (ordered by valid_from, then seq); NULL for the last one or no track.
    next_id       text,
    PRIMARY KEY (layer, id)
);

-- A slice at an instant or over an interval is one lookup in this index.
CREATE INDEX features_slice_gist ON timeslice.features USING gist (layer, validity);
-- bbox over all keyframes or an interval.
CREATE INDEX features_geom_gist ON timeslice.features USING gist (geom);
