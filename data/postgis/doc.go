// Package postgis is the PostGIS backend of Timeslice: a data.Store that
// answers from a PostgreSQL+PostGIS database, the versioned schema it
// reads, and the loader that fills it.
//
// Answers are the embedded store's (data.Memory) to the byte: keyframes
// come back in dataset order (seq), a slice at an instant is one lookup in
// a GiST index over (layer, validity) that also fetches each keyframe's
// track successor, and linear tracks are interpolated by geo.At, the code
// the embedded store runs.
package postgis
