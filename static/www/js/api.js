// The server's API, with retries. A kiosk must survive the server
// restarting: every call retries with exponential backoff (and jitter)
// on network errors and 5xx answers until it succeeds or is aborted; the
// page keeps showing what it has meanwhile. Errors never reach an alert().
//
// 4xx answers are not retried (asking again will not help): they reject
// with an ApiError, and a 404 can be turned into null (optional: true).

import { isoUTC } from './time.js';

export class ApiError extends Error {
  constructor(status, url, description) {
    super(`${status} for ${url}${description ? `: ${description}` : ''}`);
    this.status = status;
    this.url = url;
    this.description = description;
  }
}

const sleep = (ms, signal) => new Promise((resolve, reject) => {
  const id = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(id); reject(signal.reason); }, { once: true });
});

/** Backoff delay before retry number n (0-based): 0.4 s doubling to 8 s, ±20 %. */
export function backoff(n, random = Math.random) {
  const base = Math.min(8000, 400 * 2 ** n);
  return Math.round(base * (0.8 + 0.4 * random()));
}

export class Api {
  /**
   * @param {object} o
   * @param {string} [o.base] prefix of every path ('' for this origin)
   * @param {(online: boolean) => void} [o.onStatus] told when the server is
   *   lost (false) and found again (true)
   */
  constructor({ base = '', onStatus = () => {} } = {}) {
    this.base = base;
    this.onStatus = onStatus;
    this.online = true;
    this.stats = { requests: 0, ok: 0, failures: 0, retries: 0 };
  }

  setOnline(v) {
    if (v !== this.online) {
      this.online = v;
      try { this.onStatus(v); } catch (e) { console.warn('timeslice: status handler', e); }
    }
  }

  /** GET a JSON document, retrying as described above. */
  async getJSON(path, { signal, optional = false, retries = Infinity } = {}) {
    const url = this.base + path;
    for (let n = 0; ; n++) {
      signal?.throwIfAborted();
      let res;
      this.stats.requests++;
      try {
        res = await fetch(url, { signal, headers: { Accept: 'application/geo+json, application/json' } });
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        res = null; // network error: the server is down or restarting
      }
      if (res && res.ok) {
        try {
          const body = await res.json();
          this.stats.ok++;
          this.setOnline(true);
          return body;
        } catch (e) {
          if (signal?.aborted) throw signal.reason;
          res = null; // cut off mid-body: retry
        }
      }
      if (res && res.status >= 400 && res.status < 500) {
        this.setOnline(true);
        if (optional && res.status === 404) return null;
        // The server says why in its error body's `description`.
        let description = '';
        try { description = (await res.json()).description || ''; } catch { /* not JSON */ }
        throw new ApiError(res.status, url, description);
      }
      this.stats.failures++;
      if (n >= retries) throw new ApiError(res ? res.status : 0, url, 'gave up');
      if (n >= 1) this.setOnline(false);
      this.stats.retries++;
      await sleep(backoff(n), signal);
    }
  }

  /** The dataset's manifest: what the page is built from. */
  dataset(o) { return this.getJSON('/dataset', o); }
  /** The bibliography ({works: [...]}), or null where the server has none. */
  bibliography(href = '/dataset/bibliography', o) { return this.getJSON(href, { ...o, optional: true }); }
  timeline(o) { return this.getJSON('/timeline', o); }
  collections(o) { return this.getJSON('/collections', o); }
  basemapIndex(o) { return this.getJSON('/basemap', { ...o, optional: true }); }
  basemapLayer(href, o) { return this.getJSON(href, { ...o, optional: true }); }

  /** Every keyframe of a layer that intersects [a, b] (uninterpolated),
   * following `next` links if the server pages. */
  async keyframes(layer, a, b, o = {}) {
    const dt = `${isoUTC(a)}/${isoUTC(b)}`;
    let path = `/collections/${encodeURIComponent(layer)}/items?datetime=${encodeURIComponent(dt)}&limit=10000`;
    const features = [];
    for (let pages = 0; path && pages < 100; pages++) {
      const fc = await this.getJSON(path, o);
      features.push(...(fc.features || []));
      const next = (fc.links || []).find((l) => l.rel === 'next');
      path = next ? new URL(next.href, location.href).pathname + new URL(next.href, location.href).search : null;
    }
    return features;
  }

  /** The server's slice of a layer at instant t (interpolated by the server). */
  slice(layer, t, o) {
    const q = `datetime=${encodeURIComponent(isoUTC(t))}&limit=10000`;
    return this.getJSON(`/collections/${encodeURIComponent(layer)}/items?${q}`, o);
  }
}
