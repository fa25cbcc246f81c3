// A second, detailed scale under the timeline: a few weeks around the
// playhead, wide enough that every event in it is a button of at least
// 24 × 24 px (WCAG 2.2 target size), so dense periods — twenty events in
// a month — can be picked by mouse and by touch. Ticks that would overlap
// are spread apart and joined to their true date by a short leader. The
// range follows the playhead; its ends are dated. Keyboard users step
// through events with the player's Next / Previous (the buttons are not in
// the Tab order: one stop for the timeline, not fifty).

import { escapeHTML, langAttr } from './html.js';
import { formatDate, pick, t as msg } from './i18n.js';

export const MIN_TARGET_PX = 24;
const DAY = 86400000;

/**
 * Places n ticks at their true x (sorted) so that neighbours are at least
 * gap apart, moving each as little as possible (a forward then a backward
 * sweep, clamped to [0, width]). Pure. Returns the x of each tick.
 * When n × gap exceeds the width the gap shrinks to width / n.
 */
export function spreadTicks(xs, width, gap = MIN_TARGET_PX) {
  const n = xs.length;
  if (n === 0) return [];
  const g = Math.min(gap, width / n);
  const half = g / 2;
  const out = xs.map((x) => Math.min(width - half, Math.max(half, x)));
  // Forward: push right.
  for (let i = 1; i < n; i++) out[i] = Math.max(out[i], out[i - 1] + g);
  // Backward: pull back into the box, pushing left.
  if (out[n - 1] > width - half) out[n - 1] = width - half;
  for (let i = n - 2; i >= 0; i--) out[i] = Math.min(out[i], out[i + 1] - g);
  if (out[0] < half) { out[0] = half; for (let i = 1; i < n; i++) out[i] = Math.max(out[i], out[i - 1] + g); }
  // Centre each run of packed ticks on the mean of its true positions.
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && out[j + 1] - out[j] <= g + 1e-9) j++;
    if (j > i) {
      const trueMean = xs.slice(i, j + 1).reduce((a, b) => a + b, 0) / (j - i + 1);
      const curMean = out.slice(i, j + 1).reduce((a, b) => a + b, 0) / (j - i + 1);
      let shift = trueMean - curMean;
      const lo = (i > 0 ? out[i - 1] + g : half) - out[i];
      const hi = (j < n - 1 ? out[j + 1] - g : width - half) - out[j];
      shift = Math.max(lo, Math.min(hi, shift));
      for (let k = i; k <= j; k++) out[k] += shift;
    }
    i = j + 1;
  }
  return out;
}

/**
 * The range the detailed scale shows around t: span ms, a third before t
 * and two thirds after, within [min, max]; if more events fall in it than
 * fit (width / gap), it narrows to the events nearest t that fit. Pure.
 * events: sorted instants.
 */
export function detailRange(events, t, { min, max, span = 42 * DAY, width = 600, gap = MIN_TARGET_PX }) {
  let a = Math.max(min, t - span / 3);
  let b = Math.min(max, a + span);
  a = Math.max(min, b - span);
  const cap = Math.max(1, Math.floor(width / gap));
  const inside = events.filter((e) => e >= a && e <= b);
  if (inside.length <= cap) return { start: a, end: b };
  // The cap events nearest t, contiguous in time.
  let lo = 0;
  while (lo < inside.length && inside[lo] < t) lo++;
  lo = Math.max(0, Math.min(inside.length - cap, lo - Math.floor(cap / 3)));
  const first = inside[lo], last = inside[lo + cap - 1];
  // A margin at each end, short of the next event outside.
  const pad = Math.max(DAY / 2, (last - first) * 0.04);
  const before = lo > 0 ? (first - inside[lo - 1]) / 2 : pad;
  const after = lo + cap < inside.length ? (inside[lo + cap] - last) / 2 : pad;
  return { start: Math.max(min, first - Math.min(pad, before)), end: Math.min(max, last + Math.min(pad, after)) };
}

export class DetailScale {
  /**
   * @param {HTMLElement} el an empty container under the timeline
   * @param {object} o
   * @param {number} o.min
   * @param {number} o.max
   * @param {object} o.zone the dataset's time zone (time.js)
   * @param {(e: {id: string, t: number}) => void} o.onPick an event's tick was chosen
   */
  constructor(el, { min, max, zone, onPick }) {
    Object.assign(this, { el, min, max, zone, onPick });
    this.events = [];
    this.lang = 'en';
    this.order = [];
    this.current = null;
    this.range = null;
    this.t = min;
    el.classList.add('ts-detail');
    el.setAttribute('role', 'group');
    el.innerHTML = '<span class="ts-dt-start"></span><span class="ts-dt-end"></span><div class="ts-dt-axis"></div><div class="ts-dt-ticks"></div><div class="ts-dt-head" aria-hidden="true"></div>';
    this.ticks = el.querySelector('.ts-dt-ticks');
    this.head = el.querySelector('.ts-dt-head');
    el.addEventListener('click', (ev) => {
      const b = ev.target.closest('button[data-id]');
      if (!b) return;
      const e = this.events.find((x) => x.id === b.dataset.id);
      if (e) this.onPick(e);
    });
    this.resize = new ResizeObserver(() => { this.range = null; this.setTime(this.t, true); });
    this.resize.observe(el);
  }

  /** events: [{id, t, name}] sorted by t (ties in their stated order). */
  setEvents(events) { this.events = events; this.range = null; this.setTime(this.t, true); }

  setLanguage(lang, order = []) { this.lang = lang; this.order = order; this.setTime(this.t, true); }

  setCurrent(id) {
    if (id === this.current) return;
    this.current = id;
    for (const b of this.ticks.children) b.classList.toggle('is-current', b.dataset.id === id);
  }

  setTime(t, force = false) {
    this.t = t;
    const r = this.range;
    if (force || !r || t < r.start || t > r.end) {
      const width = this.el.clientWidth; // a layout read: only when the range is made again, not every frame
      if (!width) return;
      this.range = detailRange(this.events.map((e) => e.t), t, { min: this.min, max: this.max, width });
      this.render(width);
    }
    const { start, end } = this.range;
    this.head.style.left = `${(((t - start) / (end - start)) * 100).toFixed(3)}%`;
  }

  render(width) {
    const { start, end } = this.range;
    const lang = this.lang;
    const shown = this.events.filter((e) => e.t >= start && e.t <= end);
    const trueX = shown.map((e) => ((e.t - start) / (end - start)) * width);
    const xs = spreadTicks(trueX, width);
    this.el.setAttribute('aria-label', msg(lang, 'player.detail', {
      from: formatDate(start, lang, this.zone), to: formatDate(end, lang, this.zone),
    }));
    this.el.querySelector('.ts-dt-start').textContent = formatDate(start, lang, this.zone);
    this.el.querySelector('.ts-dt-end').textContent = formatDate(end, lang, this.zone);
    this.ticks.innerHTML = shown.map((e, i) => {
      const name = pick(e.name, lang, this.order);
      const label = `${formatDate(e.t, lang, this.zone)} — ${name.text}`;
      const lead = trueX[i] - xs[i]; // a leader from the button to the true date
      const leadCSS = Math.abs(lead) < 1 ? '' : `;--lead-w:${Math.abs(lead).toFixed(1)}px;--lead-dir:${Math.sign(lead)}`;
      return `<button type="button" tabindex="-1" class="ts-dt-tick${e.id === this.current ? ' is-current' : ''}" data-id="${escapeHTML(e.id)}" style="left:${xs[i].toFixed(1)}px${leadCSS}" title="${escapeHTML(label)}" aria-label="${escapeHTML(label)}"${langAttr(name)}><span class="ts-dt-dot"></span></button>`;
    }).join('');
  }
}
