// The caption panel: the event valid at the playhead (name, date, caption,
// certainty, sources, note); between events, a link to the next one. It
// is redrawn only when what it shows changes.

import { t as msg, pick, formatDate } from './i18n.js';
import { escapeHTML, langAttr } from './html.js';
import { certaintyHTML, sourcesHTML, noteHTML, reviewHTML } from './details.js';

export class CaptionPanel {
  /**
   * @param {HTMLElement} body where the caption goes
   * @param {object} o
   * @param {() => object} o.ctx {lang, order, zone, kiosk} (details.js)
   * @param {(t: number) => void} o.onSeek a "next event" link was followed
   * @param {(e: object|null, kind?: string) => void} [o.onShow] after the panel changed
   */
  constructor(body, { ctx, onSeek, onShow = () => {} }) {
    this.body = body;
    this.ctx = ctx;
    this.onShow = onShow;
    this.events = []; // [{id, from, to, date, name, caption, feature}], by from
    this.key = null;
    body.addEventListener('click', (ev) => {
      const b = ev.target.closest('[data-seek]');
      if (b) onSeek(Number(b.dataset.seek));
    });
  }

  /** A new list of events: the next show draws again. */
  setEvents(events) { this.events = events; this.key = null; }

  /**
   * Shows a panel state (pacing.js panelState): an event; the last event,
   * marked as past; a chapter's title and text; or, paused between
   * events, a link to the next one. Returns the event shown (or null).
   */
  show(st, force = false) {
    const e = st.kind === 'event' || st.kind === 'past' ? st.event : null;
    const next = st.kind === 'idle' ? st.next : null;
    const key = e ? `${st.kind}:${e.id}` : st.kind === 'chapter' ? `chapter:${st.chapter?.id ?? ''}` : `next:${next?.id ?? ''}`;
    if (!force && key === this.key) return e;
    this.key = key;
    const ctx = this.ctx();
    const { lang, order, zone } = ctx;
    this.body.closest('.ts-caption')?.classList.toggle('is-past', st.kind === 'past');
    if (st.kind === 'chapter') {
      const c = st.chapter;
      const title = c ? pick(c.title, lang, order) : { text: '' };
      const text = c?.text ? pick(c.text, lang, order) : { text: '' };
      let html = title.text ? `<h3 class="ts-chapter-title"${langAttr(title)}>${escapeHTML(title.text)}</h3>` : '';
      if (text.text) html += `<p class="ts-chapter-text"${langAttr(text)}>${escapeHTML(text.text)}</p>`;
      this.body.innerHTML = html;
      this.onShow(null);
      return null;
    }
    if (!e) {
      let html = `<p class="ts-caption-empty">${escapeHTML(msg(lang, 'panel.noEvent'))}</p>`;
      if (next) {
        const nn = pick(next.name, lang, order);
        html += `<p class="ts-caption-next">${escapeHTML(msg(lang, 'panel.nextEvent'))} <button type="button" class="ts-linkbtn" data-seek="${next.from}">${escapeHTML(formatDate(next.date, lang, zone, { precision: next.precision }))} — <span${langAttr(nn)}>${escapeHTML(nn.text)}</span></button></p>`;
      }
      this.body.innerHTML = html;
      this.onShow(null);
      return null;
    }
    const p = e.feature.properties || {};
    const name = pick(e.name, lang, order);
    const cap = pick(e.caption, lang, order);
    let html = st.kind === 'past' ? `<p class="ts-past-kicker">${escapeHTML(msg(lang, 'panel.past'))}</p>` : '';
    html += `<h3${langAttr(name)}>${escapeHTML(name.text)}</h3>`;
    html += `<p class="ts-caption-date">${escapeHTML(formatDate(e.date, lang, zone, { precision: e.precision }))}</p>`;
    if (cap.text) html += `<p class="ts-caption-text"${langAttr(cap)}>${escapeHTML(cap.text)}</p>`;
    html += '<div class="ts-caption-meta">';
    const c = certaintyHTML(p.certainty, lang);
    if (c) html += `<div>${escapeHTML(msg(lang, 'feature.certainty'))}: ${c}</div>`;
    html += `<div>${escapeHTML(msg(lang, 'feature.sources'))}:${sourcesHTML(p.sources, ctx)}</div>`;
    html += '</div>';
    html += noteHTML(p, ctx);
    html += reviewHTML(p, lang);
    this.body.innerHTML = html;
    this.onShow(e, st.kind);
    return e;
  }
}

/** Events from /timeline's features: [{id, from, to, date, precision,
 * name, caption, feature}] by start. parse: a zone's parse (bare dates). */
export function readEvents(features, parse) {
  return (features || []).map((f) => {
    const p = f.properties || {};
    const from = parse(p.valid_from);
    const to = p.valid_to == null ? null : parse(p.valid_to);
    const date = parse(p.date || p.valid_from);
    return {
      id: String(f.id), from, to, date: Number.isFinite(date) ? date : from,
      precision: ['month', 'year'].includes(p.date_precision) ? p.date_precision : undefined,
      name: p.name, caption: p.caption, feature: f,
    };
  }).filter((e) => Number.isFinite(e.from)).sort((a, b) => a.from - b.from);
}
