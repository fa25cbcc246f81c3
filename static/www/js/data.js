// What the page knows of the history: keyframes by layer and time window,
// fetched on demand and ahead of the playhead, kept in an LRU cache keyed
// by layer and window start. The slice at the playhead is computed in the
// page (keyframes.js + interp.js), every frame, so geometry moves
// continuously; scrubbing back over cached windows costs no request.

import { LRU } from './lru.js';
import { Windows, makeWindow, sliceAt, validAt, toKeyframe } from './keyframes.js';
import { DAY, isoUTC } from './time.js';

export const WINDOW_DAYS = 30;
/** How long a window the server refused (an answer 4xx) is left alone. */
export const RETRY_REFUSED_MS = 10000;

export class Data {
  /**
   * @param {import('./api.js').Api} api
   * @param {object} o
   * @param {number} o.origin  start of window 0 (ms)
   * @param {number} [o.capacity] windows kept (all layers together)
   * @param {() => void} [o.onLoad] called when a window arrives
   * @param {string|null} [o.eventsLayer] the layer whose features come from
   *   /timeline (setEvents) rather than by window
   */
  constructor(api, { origin, capacity = 320, onLoad = () => {}, eventsLayer = null }) {
    this.eventsLayer = eventsLayer;
    this.api = api;
    this.windows = new Windows(origin, WINDOW_DAYS * DAY);
    this.cache = new LRU(capacity);
    this.tweens = new LRU(2000);
    this.inflight = new Map();
    this.failed = new Map(); // key -> Date.now() of a refusal
    this.onLoad = onLoad;
    this.events = []; // keyframes of the events layer, from /timeline
    this.stats = { windowsLoaded: 0, bytesHint: 0 };
  }

  key(layer, i) { return `${layer}@${isoUTC(this.windows.start(i))}`; }

  /** The loaded window i of a layer, or undefined. */
  get(layer, i) { return this.cache.get(this.key(layer, i)); }

  /** Starts loading window i of layer unless it is loaded or loading.
   * Returns a promise of the window. */
  ensure(layer, i) {
    const key = this.key(layer, i);
    const have = this.cache.peek(key);
    if (have) return Promise.resolve(have);
    if (this.inflight.has(key)) return this.inflight.get(key);
    // A window the server refused (4xx) is not asked for again every frame.
    const failedAt = this.failed.get(key);
    if (failedAt !== undefined && Date.now() - failedAt < RETRY_REFUSED_MS) {
      const refused = Promise.reject(new Error(`${key} was refused`));
      refused.catch(() => {}); // callers that do not wait must not see an unhandled rejection
      return refused;
    }
    const a = this.windows.start(i), b = this.windows.end(i);
    const p = this.api.keyframes(layer, a, b)
      .then((features) => {
        const w = makeWindow(a, b, features);
        this.cache.set(key, w);
        this.stats.windowsLoaded++;
        this.onLoad(layer, i);
        return w;
      })
      .catch((e) => {
        this.failed.set(key, Date.now());
        console.warn(`timeslice: could not load ${key}:`, e.message || e);
        throw e;
      })
      .finally(() => this.inflight.delete(key));
    p.catch(() => {}); // a failed prefetch is not an unhandled rejection
    this.inflight.set(key, p);
    return p;
  }

  /** Uses the events of /timeline as the events layer's (they are the
   * same features); the player needs them all up front for its ticks. */
  setEvents(features) {
    this.events = features.map(toKeyframe);
  }

  /** The slice of a layer at t: {features, keyframes, complete}. Missing
   * windows are requested; meanwhile complete is false. */
  slice(layer, t) {
    if (layer === this.eventsLayer) {
      const ks = this.events.filter((k) => validAt(k, t));
      return { features: ks.map((k) => k.feature), keyframes: ks, complete: true, missing: [] };
    }
    const s = sliceAt(this.windows, (i) => this.get(layer, i), t, this.tweens);
    for (const i of s.missing) this.ensure(layer, i);
    return s;
  }

  /** Loads the windows a playhead at t moving forwards (dir 1) or
   * backwards (-1) will need next. */
  prefetch(layers, t, dir = 1, ahead = 2, { min = -Infinity, max = Infinity } = {}) {
    const i = this.windows.of(t);
    const lo = this.windows.of(min), hi = this.windows.of(max);
    for (const layer of layers) {
      if (layer === this.eventsLayer) continue;
      for (let k = 0; k <= ahead; k++) {
        const j = i + dir * k;
        if (j >= lo && j <= hi) this.ensure(layer, j);
      }
    }
  }

  /** Promise that settles when every window needed at t is loaded. */
  async ready(layers, t) {
    for (let round = 0; round < 4; round++) {
      const waits = [];
      for (const layer of layers) {
        if (layer === this.eventsLayer) continue;
        const s = this.slice(layer, t);
        for (const i of s.missing) waits.push(this.ensure(layer, i));
      }
      if (waits.length === 0) return;
      await Promise.allSettled(waits);
    }
  }

  /** Forgets every cached window (tests use it to force fetching). */
  clear() { this.cache.clear(); }
}
