// Package geo is Timeslice's time model: features that are valid over a
// half-open interval of time, tracks of successive keyframes, step and
// linear interpolation between keyframes, and the parsing of the OGC API
// `datetime` and `bbox` parameters.
//
// It is pure code: no I/O, no HTTP, no SQL.
package geo
