// The player loop: each animation frame advances the clock, computes each
// visible layer's slice at the playhead (data.js), hands it to its
// HistoryLayer, then lets the page update what follows the playhead
// (timeline, date, caption, URL). It prefetches the windows ahead of the
// playhead (behind it when scrubbing back) once the first view is in.

export class Player {
  /**
   * @param {object} o
   * @param {import('./clock.js').Clock} o.clock
   * @param {import('./data.js').Data} o.data
   * @param {() => string[]} o.visible ids of the layers shown, drawing order
   * @param {(id: string) => object} o.layer the HistoryLayer of an id
   * @param {{min: number, max: number}} o.bounds what may be prefetched
   * @param {(t: number) => void} o.onRender after each render
   * @param {() => void} o.onStop the clock stopped by itself (the end)
   */
  constructor({ clock, data, visible, layer, bounds, onRender = () => {}, onStop = () => {} }) {
    Object.assign(this, { clock, data, visible, layer, bounds, onRender, onStop });
    this.raf = 0;
    this.dirty = true;
    this.prefetching = false; // on once the first view is drawn
    this.lastPrefetch = { i: null, at: 0 };
    this.drawnOnce = new Set();
    this.renderTimes = []; // the last 600 render() durations, ms (for the benchmark)
    this.layerTimes = {};
  }

  requestRender() {
    this.dirty = true;
    if (!this.raf) this.raf = requestAnimationFrame((now) => this.frame(now));
  }

  frame(now) {
    this.raf = 0;
    const wasPlaying = this.clock.playing;
    const moved = this.clock.tick(now);
    if (moved || this.dirty) {
      this.dirty = false;
      this.render();
    }
    if (this.clock.playing) this.raf = requestAnimationFrame((n) => this.frame(n));
    else if (wasPlaying) this.onStop();
  }

  render() {
    const r0 = performance.now();
    try { this.renderLayers(); } finally {
      this.renderTimes.push(performance.now() - r0);
      if (this.renderTimes.length > 600) this.renderTimes.shift();
    }
    this.onRender(this.clock.t);
    this.prefetch();
  }

  renderLayers() {
    const t = this.clock.t;
    for (const id of this.visible()) {
      const l0 = performance.now();
      const s = this.data.slice(id, t);
      // Never blank: while the window of t is loading (or the server is
      // away), keep what is drawn.
      if (!s.complete && s.features.length === 0 && this.drawnOnce.has(id)) continue;
      this.layer(id).render(s.features, s.keyframes);
      if (s.complete) this.drawnOnce.add(id);
      this.layerTimes[id] = (this.layerTimes[id] || 0) + performance.now() - l0;
    }
  }

  /** Loads the windows ahead of the playhead (behind when going back). */
  prefetch() {
    if (!this.prefetching) return;
    const t = this.clock.t;
    const i = this.data.windows.of(t);
    const nowMs = performance.now();
    if (i === this.lastPrefetch.i && nowMs - this.lastPrefetch.at <= 1000) return;
    const dir = this.lastPrefetch.i !== null && i < this.lastPrefetch.i ? -1 : 1;
    this.lastPrefetch = { i, at: nowMs };
    this.data.prefetch(this.visible(), t, dir, this.clock.speed === 'month' ? 3 : 2, this.bounds);
  }
}
