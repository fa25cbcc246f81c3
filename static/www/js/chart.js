// Numbers over time: a small chart under the timeline of the dataset's
// counts (people in one place, people on the move…), with the playhead on
// it. Which layers and properties it draws comes from the manifest: every
// popup entry of format `count` is a series (its layer's title, colour,
// rounding and range property). The value at t is the sum over the
// layer's features valid at t, linear tracks moved as the server moves them
// (interp.lerpProps): the same number the API gives at t. Where features
// carry a range ([min, max]), the chart draws the band between the sums of
// the lows and the highs, and the figure reads as a range: an uncertain
// figure never looks precise. Plain SVG, no library.

import { makeWindow, validAt, moving, successorIn } from './keyframes.js';
import { lerpProps } from './interp.js';
import { formatNumber, pick } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
/** Samples drawn across the chart (the playhead's figure is exact). */
const SAMPLES = 400;

/** The series of a manifest: [{layer, property, range, round, title, color}]. */
export function chartSeries(manifest) {
  const out = [];
  for (const l of manifest?.layers || []) {
    for (const p of l.popup || []) {
      if (p.format !== 'count' || !p.property) continue;
      out.push({
        layer: l.id, property: p.property, range: p.range_property || null,
        round: Number(p.round) > 0 ? Number(p.round) : 1,
        title: l.title || {}, label: p.label || {},
        color: l.style?.color || l.style?.fill || '#555',
      });
    }
  }
  return out;
}

/** The sum of a series at t over a window of keyframes (makeWindow):
 * {value, lo, hi, count} — count is how many features carry a figure. */
export function sumAt(win, s, t) {
  let value = 0, lo = 0, hi = 0, count = 0;
  for (const k of win.keyframes) {
    if (!validAt(k, t)) continue;
    let props = k.feature.properties || {};
    if (moving(k, t)) {
      const next = successorIn(win, k);
      if (next) props = lerpProps(props, next.feature.properties || {}, (t - k.from) / (k.to - k.from));
    }
    const v = props[s.property];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    count++;
    value += v;
    const r = s.range ? props[s.range] : null;
    if (Array.isArray(r) && r.length === 2 && r.every(Number.isFinite)) { lo += r[0]; hi += r[1]; } else { lo += v; hi += v; }
  }
  return { value, lo, hi, count };
}

/** A figure as a visitor reads it: rounded to the source's precision,
 * never 0 (a dash), a range where the sources give one. */
export function formatFigure({ value, lo, hi, count }, round, lang) {
  if (!count) return '—';
  const f = (x) => formatNumber(Math.round(x / round) * round, lang); // the page's digits and separators
  if (hi > lo) return `${f(lo)}–${f(hi)}`;
  if (value > 0 && Math.round(value / round) === 0) return `< ${formatNumber(round, lang)}`;
  return f(value);
}

export class PeopleChart {
  /**
   * @param {HTMLElement} el  an empty element; the chart fills it
   * @param {object} o
   * @param {ReturnType<typeof chartSeries>} o.series
   * @param {number} o.min, o.max  the time axis (the timeline's)
   * @param {string} o.lang
   */
  constructor(el, { series, min, max, lang }) {
    this.el = el;
    this.series = series;
    this.min = min;
    this.max = max;
    this.lang = lang;
    this.windows = new Map(); // layer -> makeWindow(...)
    this.t = min;
    el.classList.add('ts-chart');
    el.setAttribute('role', 'img');
    el.innerHTML = '';
    this.legend = document.createElement('div');
    this.legend.className = 'ts-chart-legend';
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('viewBox', '0 0 1000 100');
    this.svg.setAttribute('preserveAspectRatio', 'none');
    this.svg.setAttribute('aria-hidden', 'true');
    this.plot = document.createElementNS(SVG, 'g');
    this.head = document.createElementNS(SVG, 'line');
    this.head.setAttribute('class', 'ts-chart-head');
    this.head.setAttribute('y1', '0');
    this.head.setAttribute('y2', '100');
    this.head.setAttribute('vector-effect', 'non-scaling-stroke');
    this.svg.append(this.plot, this.head);
    el.append(this.svg, this.legend);
    this.figures = series.map((s) => {
      const row = document.createElement('span');
      row.className = 'ts-chart-figure';
      row.dataset.layer = s.layer;
      row.style.setProperty('--c', s.color);
      const name = document.createElement('span');
      name.className = 'ts-chart-name';
      const fig = document.createElement('b');
      row.append(name, fig);
      this.legend.appendChild(row);
      return { row, name, fig };
    });
    this.setLanguage(lang);
  }

  /** The keyframes of a series' layer over the whole axis (GeoJSON features). */
  setData(layer, features) {
    this.windows.set(layer, makeWindow(this.min, this.max, features));
    this.draw();
    this.setTime(this.t, true);
  }

  /** The sum of a layer's series at t, or null before its data is in. */
  valueAt(layer, t) {
    const s = this.series.find((x) => x.layer === layer);
    const w = this.windows.get(layer);
    return s && w ? sumAt(w, s, t) : null;
  }

  x(t) { return ((t - this.min) / (this.max - this.min)) * 1000; }

  draw() {
    const samples = [];
    let top = 0;
    for (const s of this.series) {
      const w = this.windows.get(s.layer);
      if (!w) { samples.push(null); continue; }
      const pts = [];
      for (let i = 0; i <= SAMPLES; i++) {
        const t = this.min + ((this.max - this.min) * i) / SAMPLES;
        const v = sumAt(w, s, t);
        pts.push({ t, ...v });
        top = Math.max(top, v.hi, v.value);
      }
      samples.push(pts);
    }
    this.top = top || 1;
    const y = (v) => (100 - (v / this.top) * 94).toFixed(2);
    this.plot.textContent = '';
    this.series.forEach((s, i) => {
      const pts = samples[i];
      if (!pts) return;
      if (pts.some((p) => p.hi > p.lo)) {
        const band = document.createElementNS(SVG, 'path');
        const up = pts.map((p) => `${this.x(p.t).toFixed(1)},${y(p.hi)}`);
        const down = pts.slice().reverse().map((p) => `${this.x(p.t).toFixed(1)},${y(p.lo)}`);
        band.setAttribute('d', `M${up.join('L')}L${down.join('L')}Z`);
        band.setAttribute('class', 'ts-chart-band');
        band.setAttribute('fill', s.color);
        band.dataset.layer = s.layer;
        this.plot.appendChild(band);
      }
      const line = document.createElementNS(SVG, 'path');
      line.setAttribute('d', `M${pts.map((p) => `${this.x(p.t).toFixed(1)},${y(p.value)}`).join('L')}`);
      line.setAttribute('class', 'ts-chart-line');
      line.setAttribute('stroke', s.color);
      line.setAttribute('vector-effect', 'non-scaling-stroke');
      line.dataset.layer = s.layer;
      this.plot.appendChild(line);
    });
  }

  /** Moves the playhead to t and writes the figures at t. */
  setTime(t, force = false) {
    if (!force && t === this.t) return;
    this.t = t;
    const x = Math.max(0, Math.min(1000, this.x(t))).toFixed(2);
    this.head.setAttribute('x1', x);
    this.head.setAttribute('x2', x);
    this.series.forEach((s, i) => {
      const v = this.valueAt(s.layer, t);
      const f = v ? formatFigure(v, s.round, this.lang) : '…';
      const fig = this.figures[i].fig;
      if (fig.textContent !== f) fig.textContent = f;
      fig.dataset.value = v ? String(v.value) : '';
    });
  }

  setLanguage(lang) {
    this.lang = lang;
    const titles = this.series.map((s) => pick(s.title, lang));
    titles.forEach((title, i) => {
      this.figures[i].name.textContent = title.text;
      this.figures[i].name.lang = title.lang;
    });
    this.el.setAttribute('aria-label', titles.map((x) => x.text).join(', '));
    this.setTime(this.t, true);
  }
}
