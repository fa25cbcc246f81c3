// The timeline under the map: months and years, a tick for every event,
// the played part, a thumb to drag. It is an ARIA slider (focusable, with
// its value read out as a date); the keys are handled by the player
// (keyboard.js) for the whole page.

import { monthStarts, localParts, clamp, startOfDay } from './time.js';
import { formatDate, monthName, digits, pick } from './i18n.js';
import { escapeHTML } from './basemap.js';

export class Timeline {
  /**
   * @param {HTMLElement} el the slider element (role=slider)
   * @param {object} o
   * @param {number} o.min
   * @param {number} o.max
   * @param {(t: number, final: boolean) => void} o.onSeek
   * @param {() => void} [o.onScrubStart]
   * @param {() => void} [o.onScrubEnd]
   */
  constructor(el, { min, max, onSeek, onScrubStart = () => {}, onScrubEnd = () => {} }) {
    this.el = el;
    this.min = min;
    this.max = max;
    this.onSeek = onSeek;
    this.events = [];
    this.lang = 'en';
    this.t = min;
    this.lastDay = null;
    el.innerHTML = `
      <div class="ts-tl-months" aria-hidden="true"></div>
      <div class="ts-tl-track" aria-hidden="true"><div class="ts-tl-played"></div><div class="ts-tl-events"></div></div>
      <div class="ts-tl-thumb" aria-hidden="true"></div>`;
    this.months = el.querySelector('.ts-tl-months');
    this.track = el.querySelector('.ts-tl-track');
    this.played = el.querySelector('.ts-tl-played');
    this.eventsEl = el.querySelector('.ts-tl-events');
    this.thumb = el.querySelector('.ts-tl-thumb');
    el.setAttribute('aria-valuemin', String(min));
    el.setAttribute('aria-valuemax', String(max));

    let dragging = false;
    const at = (ev) => {
      const r = this.track.getBoundingClientRect();
      const x = clamp((ev.clientX - r.left) / r.width, 0, 1);
      let t = this.min + x * (this.max - this.min);
      // Snap to an event tick within 6 px.
      const px = (this.max - this.min) / r.width;
      for (const e of this.events) if (Math.abs(e.t - t) < 6 * px) { t = e.t; break; }
      return t;
    };
    el.addEventListener('pointerdown', (ev) => {
      if (ev.button !== 0) return;
      dragging = true;
      el.setPointerCapture(ev.pointerId);
      el.focus({ preventScroll: true });
      el.classList.add('is-dragging');
      onScrubStart();
      this.onSeek(at(ev), false);
      ev.preventDefault();
    });
    el.addEventListener('pointermove', (ev) => { if (dragging) this.onSeek(at(ev), false); });
    const end = (ev) => {
      if (!dragging) return;
      dragging = false;
      el.classList.remove('is-dragging');
      this.onSeek(at(ev), true);
      onScrubEnd();
    };
    el.addEventListener('pointerup', end);
    el.addEventListener('pointercancel', end);
  }

  pos(t) { return ((t - this.min) / (this.max - this.min)) * 100; }

  /** events: [{t, id, name, caption}] */
  setEvents(events) {
    this.events = events.filter((e) => e.t >= this.min && e.t <= this.max);
    this.render();
  }

  setLanguage(lang) {
    this.lang = lang;
    this.lastDay = null;
    this.render();
    this.setTime(this.t);
  }

  render() {
    const lang = this.lang;
    const ms = monthStarts(this.min, this.max);
    // Khmer month names have no short forms: name only every third month.
    this.months.classList.toggle('is-sparse', lang === 'km');
    this.months.innerHTML = ms.map((m) => {
      const p = localParts(m);
      const jan = p.month === 0;
      // Januaries show the year; the other months their (short) name.
      const label = jan ? digits(lang, String(p.year)) : monthName(p.month, lang, true);
      const cls = `ts-tl-month${jan ? ' is-year' : ''}${p.month % 3 === 0 ? ' is-quarter' : ''}`;
      return `<span class="${cls}" style="left:${this.pos(m).toFixed(3)}%"><span>${escapeHTML(label)}</span></span>`;
    }).join('');
    this.eventsEl.innerHTML = this.events.map((e) => {
      const name = pick(e.name, lang).text;
      return `<span class="ts-tl-event${e.id === this.current ? ' is-current' : ''}" data-id="${escapeHTML(e.id)}" style="left:${this.pos(e.t).toFixed(3)}%" title="${escapeHTML(`${formatDate(e.t, lang)} — ${name}`)}"></span>`;
    }).join('');
  }

  /** Marks the tick of the event whose caption is shown. */
  setCurrent(id) {
    if (id === this.current) return;
    this.current = id;
    for (const el of this.eventsEl.children) el.classList.toggle('is-current', el.dataset.id === id);
  }

  setTime(t) {
    this.t = t;
    const x = `${this.pos(t).toFixed(3)}%`;
    this.played.style.width = x;
    this.thumb.style.left = x;
    const day = startOfDay(t);
    if (day !== this.lastDay) {
      this.lastDay = day;
      this.el.setAttribute('aria-valuenow', String(Math.round(t)));
      this.el.setAttribute('aria-valuetext', formatDate(t, this.lang));
    }
  }
}
