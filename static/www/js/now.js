// "On the map at this date": every drawn feature as a button that opens
// its popup, so that keyboards and screen readers reach them too. Top
// layers first. The list is built only while it is open; its count is
// kept up to date (at most every 400 ms while playing).

import { t as msg, pick, formatNumber } from './i18n.js';
import { escapeHTML, langAttr } from './html.js';

export class NowList {
  /**
   * @param {HTMLDetailsElement} el the <details> holding the list
   * @param {object} o
   * @param {() => {id: string, title: object, layer: object}[]} o.layers
   *   the visible layers, top first, with their HistoryLayer
   * @param {() => {lang: string, order: string[]}} o.ctx
   * @param {(layerId: string, featureId: string) => void} o.onOpen
   */
  constructor(el, { layers, ctx, onOpen }) {
    this.el = el;
    this.layers = layers;
    this.ctx = ctx;
    this.version = -1;
    this.timer = 0;
    this.countEl = el.querySelector('.ts-now-count');
    this.listEl = el.querySelector('.ts-now-list');
    el.addEventListener('toggle', () => this.update(true));
    this.listEl.addEventListener('click', (ev) => {
      const b = ev.target.closest('button[data-id]');
      if (b) onOpen(b.dataset.layer, b.dataset.id);
    });
  }

  /** Refreshes when what is drawn changed (version: a sum of the layers'
   * versions), or now when forced. */
  update(force = false, version = NaN) {
    if (!force && version === this.version) return;
    if (this.timer && !force) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = 0;
      this.version = version;
      const { lang, order } = this.ctx();
      let count = 0, html = '';
      for (const { id, title, layer } of this.layers()) {
        const fs = layer.drawn().features;
        if (fs.length === 0) continue;
        count += fs.length;
        if (!this.el.open) continue;
        const tt = pick(title, lang, order);
        html += `<h3${langAttr(tt)}>${escapeHTML(tt.text || id)}</h3><ul>` + fs.map((f) => {
          const n = pick(f.properties?.name, lang, order);
          return `<li><button type="button" class="ts-linkbtn" data-layer="${escapeHTML(id)}" data-id="${escapeHTML(String(f.id))}"${langAttr(n)}>${escapeHTML(n.text || String(f.id))}</button></li>`;
        }).join('') + '</ul>';
      }
      this.countEl.textContent = `(${formatNumber(count, lang)})`;
      if (this.el.open) this.listEl.innerHTML = html;
    }, force ? 0 : 400);
  }
}
