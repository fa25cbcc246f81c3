// Keeps the page's state in its URL (history.replaceState) as the visitor
// plays, moves or toggles: at most every 600 ms, or at once when asked.

import { formatState } from './urlstate.js';

export class URLSync {
  /**
   * @param {() => object} state the state to write (urlstate.js fields)
   * @param {object} opts urlstate options (urlOptions(model))
   */
  constructor(state, opts) {
    this.state = state;
    this.opts = opts;
    this.timer = 0;
    this.last = 0;
  }

  write(now = false) {
    const go = () => {
      this.timer = 0;
      this.last = performance.now();
      const q = formatState(this.state(), this.opts);
      if (q !== location.search) window.history.replaceState(null, '', q + location.hash);
    };
    if (now) { clearTimeout(this.timer); go(); return; }
    if (!this.timer) this.timer = setTimeout(go, Math.max(0, 600 - (performance.now() - this.last)));
  }
}
