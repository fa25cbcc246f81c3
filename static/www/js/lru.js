// A small least-recently-used cache. Pure.
//
// Map keeps insertion order, so the first key is the least recently used:
// get() moves a key to the end, set() evicts from the front.

export class LRU {
  /** @param {number} capacity the most entries kept (at least 1) */
  constructor(capacity) {
    if (!(capacity >= 1)) throw new RangeError('LRU capacity must be at least 1');
    this.capacity = Math.floor(capacity);
    this.map = new Map();
    this.hits = 0;
    this.misses = 0;
  }

  get size() { return this.map.size; }

  has(key) { return this.map.has(key); }

  /** The value for key (and marks it most recently used), or undefined. */
  get(key) {
    if (!this.map.has(key)) { this.misses++; return undefined; }
    const v = this.map.get(key);
    this.map.delete(key);
    this.map.set(key, v);
    this.hits++;
    return v;
  }

  /** The value without touching recency. */
  peek(key) { return this.map.get(key); }

  set(key, value) {
    if (this.map.has(key)) this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) {
      this.map.delete(this.map.keys().next().value);
    }
    return this;
  }

  delete(key) { return this.map.delete(key); }

  clear() { this.map.clear(); }

  keys() { return [...this.map.keys()]; }
}
