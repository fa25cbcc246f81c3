// Leaflet, vendored from npm by `npm run vendor` (never from a CDN).
// Modules import it as: import * as L from './leaflet.js';
export * from '/static/vendor/leaflet/leaflet-src.esm.js';
