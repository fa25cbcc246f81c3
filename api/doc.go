// Package api is Timeslice's HTTP API: OGC API – Features (Part 1 Core,
// GeoJSON, OpenAPI 3.0) over a data.Store, plus /timeline for players,
// the offline basemap and the frontend's files.
//
// Every answer carries a strong ETag (If-None-Match gives 304),
// Cache-Control, gzip when asked and CORS headers for GET. Bad input gets
// a 400 with a JSON body naming the parameter, never a 500.
package api
