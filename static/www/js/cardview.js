// The card over the map (the introduction, the epilogue): shown, closed,
// focus moved in and back. Its HTML comes from cards.js. Clicks and
// scrolls inside it never reach the map.

import * as L from './leaflet.js';

export class CardView {
  /**
   * @param {HTMLElement} el the card (holding .ts-card-body and .ts-card-close)
   * @param {object} o
   * @param {(which: string) => void} [o.onClose] the visitor closed it
   */
  constructor(el, { onClose = () => {} } = {}) {
    this.el = el;
    this.body = el.querySelector('.ts-card-body');
    this.which = null;
    this.returnFocus = null;
    L.DomEvent.disableClickPropagation(el);
    L.DomEvent.disableScrollPropagation(el);
    el.querySelector('.ts-card-close').addEventListener('click', () => {
      const w = this.which;
      this.hide();
      onClose(w);
    });
  }

  get open() { return this.which !== null; }

  /** Shows a card; focus: move the keyboard focus into it. */
  show(which, html, { focus = false } = {}) {
    if (focus && this.which === null) this.returnFocus = document.activeElement;
    this.which = which;
    this.el.dataset.card = which;
    this.body.innerHTML = html;
    this.body.scrollTop = 0;
    this.el.hidden = false;
    if (focus) this.el.querySelector('.ts-card-close').focus({ preventScroll: true });
  }

  /** Re-renders the open card (a language change). */
  refresh(html) { if (this.open) this.body.innerHTML = html; }

  hide() {
    if (this.which === null) return;
    this.which = null;
    this.el.hidden = true;
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back && document.contains(back)) back.focus({ preventScroll: true });
  }
}
