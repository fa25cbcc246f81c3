-- One GiST index over (layer, validity, geom) instead of two: every query
-- names its layer, so the same index serves a slice (layer, validity), a
-- slice in a box (all three) and a box over all time (layer, geom), and a
-- load maintains one GiST index instead of two.
DROP INDEX timeslice.features_slice_gist;
DROP INDEX timeslice.features_geom_gist;
CREATE INDEX features_slice_gist ON timeslice.features USING gist (layer, validity, geom);
