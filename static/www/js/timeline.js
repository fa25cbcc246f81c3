// The timeline under the map: months and years, a tick for every event,
// the played part, a thumb to drag, and above it the dataset's chapters
// as buttons that jump to each. The slider is an ARIA slider (focusable,
// with its value read out as a date); the keys are handled for the whole
// page by keys.js. Months and dates are in the dataset's time zone.

import { clamp } from './time.js';
import { t as msg, formatDate, monthName, digits, pick } from './i18n.js';
import { escapeHTML, langAttr } from './html.js';

export class Timeline {
  /**
   * @param {HTMLElement} el the slider element (role=slider)
   * @param {object} o
   * @param {number} o.min
   * @param {number} o.max
   * @param {import('./time.js').Zone} o.zone
   * @param {HTMLElement} [o.chaptersEl] where the chapter buttons go
   * @param {(t: number, final: boolean) => void} o.onSeek
   * @param {() => void} [o.onScrubStart]
   * @param {() => void} [o.onScrubEnd]
   */
  constructor(el, { min, max, zone, chaptersEl = null, onSeek, onScrubStart = () => {}, onScrubEnd = () => {} }) {
    this.el = el;
    this.min = min;
    this.max = max;
    this.zone = zone;
    this.onSeek = onSeek;
    this.events = [];
    this.chapters = [];
    this.order = [];
    this.chaptersEl = chaptersEl;
    this.currentChapter = null;
    this.lang = 'en';
    chaptersEl?.addEventListener('click', (ev) => {
      const b = ev.target.closest('button[data-start]');
      if (b) { this.onSeek(Number(b.dataset.start), true); onScrubEnd(); }
    });
    this.t = min;
    this.lastDay = null;
    el.innerHTML = `
      <div class="ts-tl-months" aria-hidden="true"></div>
      <div class="ts-tl-track" aria-hidden="true"><div class="ts-tl-played"></div><div class="ts-tl-ticks"></div></div>
      <div class="ts-tl-thumb" aria-hidden="true"></div>`;
    this.months = el.querySelector('.ts-tl-months');
    this.track = el.querySelector('.ts-tl-track');
    this.played = el.querySelector('.ts-tl-played');
    this.eventsEl = el.querySelector('.ts-tl-ticks');
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

  /** chapters: [{id, title, start, end}] (manifest.js); order: fallback languages. */
  setChapters(chapters, order = []) {
    this.chapters = chapters.filter((c) => c.end > this.min && c.start < this.max);
    this.order = order;
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
    const zone = this.zone;
    const ms = zone.monthStarts(this.min, this.max);
    // Khmer month names have no short forms: name only every third month.
    this.months.classList.toggle('is-sparse', lang === 'km');
    this.months.innerHTML = ms.map((m) => {
      const p = zone.parts(m);
      const jan = p.month === 0;
      // Januaries show the year; the other months their (short) name.
      const label = jan ? digits(lang, String(p.year)) : monthName(p.month, lang, true);
      const cls = `ts-tl-month${jan ? ' is-year' : ''}${p.month % 3 === 0 ? ' is-quarter' : ''}`;
      return `<span class="${cls}" style="left:${this.pos(m).toFixed(3)}%"><span>${escapeHTML(label)}</span></span>`;
    }).join('');
    this.eventsEl.innerHTML = this.events.map((e) => {
      const name = pick(e.name, lang, this.order).text;
      return `<span class="ts-tl-event${e.id === this.current ? ' is-current' : ''}" data-id="${escapeHTML(e.id)}" style="left:${this.pos(e.t).toFixed(3)}%" title="${escapeHTML(`${formatDate(e.t, lang, zone)} — ${name}`)}"></span>`;
    }).join('');
    if (this.chaptersEl) {
      this.chaptersEl.hidden = this.chapters.length === 0;
      this.chaptersEl.setAttribute('aria-label', msg(lang, 'player.chapters'));
      this.chaptersEl.innerHTML = this.chapters.map((c) => {
        const a = Math.max(c.start, this.min), b = Math.min(c.end, this.max);
        const title = pick(c.title, lang, this.order);
        const label = msg(lang, 'player.chapter', { title: title.text });
        return `<button type="button" class="ts-chapter${c.id === this.currentChapter ? ' is-current' : ''}" data-chapter="${escapeHTML(c.id)}" data-start="${c.start}" style="left:${this.pos(a).toFixed(3)}%;width:${(this.pos(b) - this.pos(a)).toFixed(3)}%" title="${escapeHTML(label)}" aria-label="${escapeHTML(label)}"><span${langAttr(title)}>${escapeHTML(title.text)}</span></button>`;
      }).join('');
    }
  }

  /** Marks the chapter the playhead is in. */
  setChapter(id) {
    if (id === this.currentChapter) return;
    this.currentChapter = id;
    for (const el of this.chaptersEl?.children || []) el.classList.toggle('is-current', el.dataset.chapter === id);
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
    const day = this.zone.startOfDay(t);
    if (day !== this.lastDay) {
      this.lastDay = day;
      this.el.setAttribute('aria-valuenow', String(Math.round(t)));
      this.el.setAttribute('aria-valuetext', formatDate(t, this.lang, this.zone));
    }
  }
}
