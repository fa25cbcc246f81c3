// Timeslice player: wires the map, the data, the clock and the interface.
// One concern per module: api.js (server), data.js (keyframe windows and
// the slice at the playhead), layers.js (drawing), basemap.js, timeline.js,
// clock.js, legend.js, details.js, kiosk.js, i18n.js, urlstate.js.

import * as L from './leaflet.js';
import { Api } from './api.js';
import { Data } from './data.js';
import { Basemap } from './basemap.js';
import { HistoryLayers, LAYER_ORDER } from './layers.js';
import { Timeline } from './timeline.js';
import { Clock } from './clock.js';
import { Kiosk } from './kiosk.js';
import { renderLegend, renderBasemapLegend } from './legend.js';
import { featureHTML, sourcesHTML, certaintyHTML } from './details.js';
import { parseState, formatState } from './urlstate.js';
import { t as msg, pick, formatDate, formatNumber, LANGS } from './i18n.js';
import { escapeHTML } from './basemap.js';
import { declutter } from './declutter.js';
import { prepareKiosk } from './kioskconfig.js';
import { installExhibit } from './exhibit.js';
import {
  WINDOW_START, WINDOW_END, DAY, parseInstant, addMonths, clamp, prevBefore, nextAfter,
} from './time.js';

/** Cambodia and its borders with Thailand, Laos and Vietnam. */
const HOME_BOUNDS = L.latLngBounds([10.2, 102.2], [14.8, 107.7]);
/** The base map covers 101–109 E, 9.5–15.5 N: panning stops at its edge. */
const MAX_BOUNDS = L.latLngBounds([9.0, 100.6], [16.2, 109.4]);

const $ = (sel) => document.querySelector(sel);
const kioskParams = await prepareKiosk(); // /kiosk, and the server's kiosk defaults
const initial = parseState(location.search);
const state = { ...initial, layers: initial.layers.slice() };
const kioskMode = state.kiosk;
let lang = state.lang;

document.body.classList.toggle('ts-kiosk', kioskMode);
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

// --- status: never an alert, a quiet line over the map ------------------------
const statusEl = $('.ts-status');
let online = true;
function showStatus() {
  statusEl.hidden = online;
  statusEl.textContent = online ? '' : msg(lang, 'status.reconnecting');
}
const api = new Api({ onStatus: (v) => { online = v; showStatus(); } });

// --- map ------------------------------------------------------------------------
const map = L.map('ts-map', {
  keyboard: false, // the arrow keys move through time (see keys below)
  minZoom: 5, maxZoom: 12, zoomSnap: 0.25, zoomDelta: 0.5,
  maxBounds: MAX_BOUNDS, maxBoundsViscosity: 0.9,
  zoomAnimation: !reducedMotion.matches, fadeAnimation: !reducedMotion.matches,
  markerZoomAnimation: !reducedMotion.matches,
  tap: true,
});
map.attributionControl.setPrefix('Leaflet');
// The big date lives inside the map, under popups (z 700) and controls.
map.getContainer().appendChild($('.ts-date'));
map.on('popupopen', (e) => {
  $('.ts-date').classList.add('is-dim');
  const close = e.popup.getElement()?.querySelector('.leaflet-popup-close-button');
  if (close) { close.setAttribute('aria-label', msg(lang, 'panel.close')); close.title = msg(lang, 'panel.close'); }
});
map.on('popupclose', () => $('.ts-date').classList.remove('is-dim'));
map.createPane('placeLabels').style.zIndex = 645;
map.getPane('placeLabels').style.pointerEvents = 'none';
let viewTouched = false; // the visitor (or the URL) chose a view: keep it
let programmaticView = false;
function homeView() {
  programmaticView = true;
  map.fitBounds(HOME_BOUNDS, { animate: false, paddingTopLeft: [6, 40], paddingBottomRight: [6, 6] });
  programmaticView = false;
}
if (state.center && Number.isFinite(state.zoom)) { map.setView(state.center, state.zoom, { animate: false }); viewTouched = true; }
else homeView();
map.on('dragstart zoomstart', () => { if (!programmaticView) viewTouched = true; });
// The map's box changes with the layout (the caption panel fills, a phone
// turns): tell Leaflet, and keep Cambodia in view until someone moves it.
new ResizeObserver(() => {
  map.invalidateSize({ animate: false });
  if (!viewTouched) { programmaticView = true; homeView(); programmaticView = false; }
}).observe($('#ts-map'));

const basemap = new Basemap(map, api, () => lang);
const history = new HistoryLayers(map, {
  details: (f, id, k, interpolated) => featureHTML(f, id, lang, { kiosk: kioskMode, interpolated }),
  lang: () => lang,
  kiosk: () => kioskMode,
});
const data = new Data(api, { origin: WINDOW_START, onLoad: () => requestRender() });

// --- interface text ---------------------------------------------------------------
function applyLanguage() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = msg(lang, el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-aria]').forEach((el) => { el.setAttribute('aria-label', msg(lang, el.dataset.i18nAria)); });
  document.querySelectorAll('.ts-lang button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
  $('.ts-map').setAttribute('aria-label', msg(lang, 'app.title'));
  document.title = `${msg(lang, 'app.title')} · Timeslice`;
  updatePlayButton();
  showStatus();
  kioskHint.textContent = msg(lang, 'kiosk.touch');
  for (const [sel, key] of [['.leaflet-control-zoom-in', 'map.zoomIn'], ['.leaflet-control-zoom-out', 'map.zoomOut']]) {
    const a = map.getContainer().querySelector(sel);
    if (a) { a.title = msg(lang, key); a.setAttribute('aria-label', msg(lang, key)); }
  }
}
const kioskHint = $('.ts-kiosk-hint');

// --- clock, timeline, events ---------------------------------------------------------
let events = []; // [{t, id, name, caption, feature}]
let eventTimes = [];
const clock = new Clock({
  min: WINDOW_START, max: WINDOW_END, t: state.t ?? WINDOW_START, speed: state.speed,
  loop: kioskMode, dwellMs: kioskMode ? 7000 : 0, endHoldMs: kioskMode ? 8000 : 0,
});
const timeline = new Timeline($('#ts-timeline'), {
  min: WINDOW_START, max: WINDOW_END,
  onSeek: (t) => { clock.seek(t); requestRender(); },
  onScrubStart: () => { scrubbing = true; wasPlaying = clock.playing; clock.pause(); updatePlayButton(); },
  onScrubEnd: () => { scrubbing = false; if (wasPlaying) play(); writeURL(true); },
});
let scrubbing = false, wasPlaying = false;

function updatePlayButton() {
  const b = $('.ts-play');
  b.setAttribute('aria-pressed', String(clock.playing));
  b.setAttribute('aria-label', msg(lang, clock.playing ? 'player.pause' : 'player.play'));
  b.title = b.getAttribute('aria-label');
}
function play() { clock.play(performance.now()); updatePlayButton(); requestRender(); }
function pause() { clock.pause(); updatePlayButton(); writeURL(true); }
function seek(t) { clock.seek(clamp(t, WINDOW_START, WINDOW_END)); requestRender(); writeURL(); }
function stepEvent(dir) {
  const target = dir < 0 ? prevBefore(eventTimes, clock.t) : nextAfter(eventTimes, clock.t);
  if (target !== undefined) seek(target);
  else seek(dir < 0 ? WINDOW_START : WINDOW_END);
}

$('.ts-play').addEventListener('click', () => { if (clock.playing) pause(); else play(); });
$('.ts-prev').addEventListener('click', () => stepEvent(-1));
$('.ts-next').addEventListener('click', () => stepEvent(1));
const speedSelect = $('.ts-speed-select');
speedSelect.value = clock.speed;
speedSelect.addEventListener('change', () => { clock.setSpeed(speedSelect.value); state.speed = clock.speed; writeURL(true); });

// Keys: space plays or pauses; ← → one day (Shift: a month); Page Up / Down
// the previous / next event; Home / End the start / end.
document.addEventListener('keydown', (ev) => {
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const tag = ev.target?.tagName;
  const inControl = ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'A', 'SUMMARY'].includes(tag) || ev.target?.isContentEditable;
  const k = ev.key;
  if (k === ' ' || k === 'Spacebar') {
    if (inControl) return;
    if (clock.playing) pause(); else play();
  } else if (tag === 'SELECT' || tag === 'TEXTAREA' || ev.target?.isContentEditable
    || (tag === 'INPUT' && !['checkbox', 'button'].includes(ev.target.type))) {
    return; // a list or a text field keeps its own keys
  } else if (k === 'ArrowRight' || k === 'ArrowUp') {
    seek(ev.shiftKey ? addMonths(clock.t, 1) : clock.t + DAY);
  } else if (k === 'ArrowLeft' || k === 'ArrowDown') {
    seek(ev.shiftKey ? addMonths(clock.t, -1) : clock.t - DAY);
  } else if (k === 'PageDown') {
    stepEvent(1);
  } else if (k === 'PageUp') {
    stepEvent(-1);
  } else if (k === 'Home') {
    seek(WINDOW_START);
  } else if (k === 'End') {
    seek(WINDOW_END);
  } else if (k === 'Escape') {
    map.closePopup();
    setPanel(false);
    return;
  } else {
    return;
  }
  ev.preventDefault();
});

// --- the caption panel ------------------------------------------------------------------
let captionEventId;
function currentEvent(t) {
  let cur = null;
  for (const e of events) {
    if (e.from <= t && (e.to === null || t < e.to)) cur = e;
    if (e.from > t) break;
  }
  return cur;
}
function renderCaption(force = false) {
  const e = currentEvent(clock.t);
  const id = e ? e.id : null;
  // Between events the panel points to the next one: that is part of its key.
  const key = e ? `e:${id}` : `next:${events.find((x) => x.from > clock.t)?.id ?? ''}`;
  if (!force && key === captionEventId) return;
  captionEventId = key;
  history.setCurrentEvent(id);
  timeline.setCurrent(id);
  const body = $('.ts-caption-body');
  if (!e) {
    const next = events.find((x) => x.from > clock.t);
    let html = `<p class="ts-caption-empty">${escapeHTML(msg(lang, 'panel.noEvent'))}</p>`;
    if (next) {
      const nn = pick(next.name, lang);
      html += `<p class="ts-caption-next">${escapeHTML(msg(lang, 'panel.nextEvent'))} <button type="button" class="ts-linkbtn" data-seek="${next.from}">${escapeHTML(formatDate(next.date, lang))} — <span lang="${nn.lang}">${escapeHTML(nn.text)}</span></button></p>`;
    }
    body.innerHTML = html;
  } else {
    const p = e.feature.properties || {};
    const name = pick(e.name, lang);
    const cap = pick(e.caption, lang);
    let html = `<h3 lang="${name.lang}">${escapeHTML(name.text)}</h3>`;
    html += `<p class="ts-caption-date">${escapeHTML(formatDate(e.date, lang))}</p>`;
    if (cap.text) html += `<p class="ts-caption-text" lang="${cap.lang}">${escapeHTML(cap.text)}</p>`;
    html += '<div class="ts-caption-meta">';
    if (p.certainty) html += `<div>${escapeHTML(msg(lang, 'feature.certainty'))}: ${certaintyHTML(p.certainty, lang)}</div>`;
    html += `<div>${escapeHTML(msg(lang, 'feature.sources'))}:${sourcesHTML(p.sources, lang, kioskMode)}</div>`;
    html += '</div>';
    if (p.note) {
      const note = pick(p.note, lang);
      html += `<p class="ts-note" lang="${note.lang}"><strong>${escapeHTML(msg(lang, 'feature.note'))}:</strong> ${escapeHTML(note.text)}</p>`;
    }
    body.innerHTML = html;
  }
}
$('.ts-caption-body').addEventListener('click', (ev) => {
  const b = ev.target.closest('[data-seek]');
  if (b) seek(Number(b.dataset.seek));
});

// --- legend and layer toggles ---------------------------------------------------------------
const visible = new Set(state.layers);
for (const id of LAYER_ORDER) history.setVisible(id, visible.has(id));
function toggleLayer(id, on) {
  if (on) visible.add(id); else visible.delete(id);
  history.setVisible(id, on);
  state.layers = LAYER_ORDER.filter((x) => visible.has(x));
  requestRender();
  writeURL(true);
}
function renderLegends() {
  renderLegend($('.ts-layer-list'), lang, visible, toggleLayer);
  renderBasemapLegend($('.ts-basemap-list'), lang, basemap, (id, on) => basemap.setVisible(id, on));
}

// Phone: the legend is a sheet opened by the header button.
function setPanel(open) {
  $('#ts-side').classList.toggle('is-open', open);
  const b = $('.ts-panel-toggle');
  b.setAttribute('aria-expanded', String(open));
}
$('.ts-panel-toggle').addEventListener('click', () => setPanel(!$('#ts-side').classList.contains('is-open')));
$('.ts-panel-close').addEventListener('click', () => setPanel(false));

// The About section lists every base map layer with its source and licence.
function renderCredits() {
  const el = $('.ts-credits');
  el.innerHTML = basemap.index.map((l) =>
    `<li>${escapeHTML(msg(lang, `basemap.${l.id}`) === `basemap.${l.id}` ? l.title : msg(lang, `basemap.${l.id}`))}: ${escapeHTML(l.attribution || '?')}${l.license ? ` — ${escapeHTML(l.license)}` : ''}</li>`).join('');
}

// --- "On the map at this date": every drawn feature as a button that
// opens its popup, so that keyboards and screen readers reach them too.
const nowEl = $('.ts-now');
let nowVersion = -1, nowTimer = 0;
const NOW_ORDER = ['events', 'advances', 'control', 'perimeter', 'flows', 'camps', 'zones', 'places'];
function updateNow(force = false) {
  if (!force && history.version === nowVersion) return;
  if (nowTimer && !force) return;
  clearTimeout(nowTimer);
  nowTimer = setTimeout(() => {
    nowTimer = 0;
    nowVersion = history.version;
    let count = 0, html = '';
    for (const id of NOW_ORDER) {
      if (!visible.has(id)) continue;
      const fs = history.drawn(id).features;
      if (fs.length === 0) continue;
      count += fs.length;
      if (!nowEl.open) continue;
      html += `<h3>${escapeHTML(msg(lang, `layer.${id}`))}</h3><ul>` + fs.map((f) => {
        const n = pick(f.properties?.name, lang);
        return `<li><button type="button" class="ts-linkbtn" data-layer="${id}" data-id="${escapeHTML(String(f.id))}" lang="${n.lang}">${escapeHTML(n.text || String(f.id))}</button></li>`;
      }).join('') + '</ul>';
    }
    $('.ts-now-count').textContent = `(${formatNumber(count, lang)})`;
    if (nowEl.open) $('.ts-now-list').innerHTML = html;
  }, force ? 0 : 400);
}
nowEl.addEventListener('toggle', () => updateNow(true));
$('.ts-now-list').addEventListener('click', (ev) => {
  const b = ev.target.closest('button[data-id]');
  if (!b) return;
  setPanel(false);
  history.openPopupFor(b.dataset.layer, b.dataset.id);
});

// --- language ---------------------------------------------------------------------------------
function setLanguage(l) {
  if (!LANGS.includes(l) || l === lang) return;
  lang = l;
  state.lang = l;
  map.closePopup();
  applyLanguage();
  timeline.setLanguage(lang);
  history.reset();
  basemap.refreshLanguage();
  renderLegends();
  renderCredits();
  renderCaption(true);
  exhibit?.setLanguage(l);
  updateDate(true);
  requestRender();
  updateNow(true);
  writeURL(true);
}
document.querySelectorAll('.ts-lang button').forEach((b) => b.addEventListener('click', () => setLanguage(b.dataset.lang)));

// --- URL -----------------------------------------------------------------------------------------
let urlTimer = 0, lastURLWrite = 0;
function writeURL(now = false) {
  const write = () => {
    urlTimer = 0;
    lastURLWrite = performance.now();
    const c = map.getCenter();
    const q = formatState({
      ...state, t: clock.t, center: [c.lat, c.lng], zoom: map.getZoom(),
      layers: LAYER_ORDER.filter((x) => visible.has(x)), lang, speed: clock.speed,
    });
    if (q !== location.search) window.history.replaceState(null, '', q + location.hash);
  };
  if (now) { clearTimeout(urlTimer); write(); return; }
  if (!urlTimer) urlTimer = setTimeout(write, Math.max(0, 600 - (performance.now() - lastURLWrite)));
}
map.on('moveend', () => writeURL());

// --- labels: the more important one wins where they collide ----------------------------------
let declutterTimer = 0, labelsVersion = -1;
function scheduleDeclutter() {
  clearTimeout(declutterTimer);
  declutterTimer = setTimeout(() => {
    const els = [];
    document.querySelectorAll('.leaflet-tooltip.ts-place-label').forEach((el) => {
      els.push({ el, priority: el.classList.contains('ts-place-capital') ? 1000 : 500 });
    });
    document.querySelectorAll('.leaflet-tooltip.ts-zone-label').forEach((el) => els.push({ el, priority: 300 }));
    document.querySelectorAll('.ts-town-label span').forEach((el) => {
      els.push({ el, priority: 10 * Math.log10(1 + Number(el.dataset.pop || 0)) });
    });
    declutter(els);
  }, 80);
}
map.on('zoomend', scheduleDeclutter);
basemap.onLabels = scheduleDeclutter;

// --- rendering ----------------------------------------------------------------------------------------
let raf = 0, dirty = true, lastPrefetch = { i: null, at: 0 };
let lastDateText = '';
function updateDate(force = false) {
  const text = formatDate(clock.t, lang);
  if (force || text !== lastDateText) {
    lastDateText = text;
    $('.ts-date-text').textContent = text;
  }
}

function requestRender() {
  dirty = true;
  if (!raf) raf = requestAnimationFrame(frame);
}

function frame(now) {
  raf = 0;
  const moved = clock.tick(now);
  if (moved || dirty) {
    dirty = false;
    render();
  }
  if (clock.playing) raf = requestAnimationFrame(frame);
  if (moved && !clock.playing) updatePlayButton(); // reached the end
}

let drawnOnce = new Set();
const renderTimes = []; // the last 600 render() durations, ms (for the benchmark)
const layerTimes = {};
function render() {
  const r0 = performance.now();
  try { renderInner(); } finally {
    renderTimes.push(performance.now() - r0);
    if (renderTimes.length > 600) renderTimes.shift();
  }
}
function renderInner() {
  const t = clock.t;
  for (const id of LAYER_ORDER) {
    if (!visible.has(id)) continue;
    const l0 = performance.now();
    const s = data.slice(id, t);
    // Never blank: while the window of t is loading (or the server is
    // away), keep what is drawn.
    if (!s.complete && s.features.length === 0 && drawnOnce.has(id)) continue;
    history.render(id, s.features, s.keyframes);
    if (s.complete) drawnOnce.add(id);
    layerTimes[id] = (layerTimes[id] || 0) + performance.now() - l0;
  }
  if (history.labelsVersion !== labelsVersion) { labelsVersion = history.labelsVersion; scheduleDeclutter(); }
  updateNow();
  timeline.setTime(t);
  exhibit?.frame(t);
  updateDate();
  renderCaption();
  // Prefetch the windows ahead of the playhead (behind it when scrubbing back).
  const i = data.windows.of(t);
  const nowMs = performance.now();
  if (started && (i !== lastPrefetch.i || nowMs - lastPrefetch.at > 1000)) {
    const dir = lastPrefetch.i !== null && i < lastPrefetch.i ? -1 : 1;
    lastPrefetch = { i, at: nowMs };
    data.prefetch([...visible], t, dir, clock.speed === 'month' ? 3 : 2, { min: WINDOW_START, max: WINDOW_END });
  }
  if (clock.playing) writeURL();
}

// --- kiosk ------------------------------------------------------------------------------------------------
let kiosk = null;
let exhibit = null;
function resetTour() {
  map.closePopup();
  setPanel(false);
  if (lang !== initial.lang) setLanguage(initial.lang);
  for (const id of LAYER_ORDER) if (visible.has(id) !== initial.layers.includes(id)) toggleLayer(id, initial.layers.includes(id));
  // The tour resumes where it stands, the view eased back to it.
  kiosk.easeBack(reducedMotion.matches);
  viewTouched = false;
  play();
}
if (kioskMode) {
  kiosk = new Kiosk({
    idleMs: state.idle * 1000,
    hint: kioskHint,
    onVisitor: () => { pause(); },
    onIdle: () => resetTour(),
  });
}

// --- start ----------------------------------------------------------------------------------------------------
applyLanguage();
timeline.setLanguage(lang);
renderLegends();
updateDate(true);

const startedAt = performance.now();
let started = false; // the first view is drawn (prefetching waits for it)
async function start() {
  const basemapDone = basemap.load()
    .catch((e) => console.warn('timeslice: basemap', e))
    .then(() => {
      const credits = basemap.credits();
      if (credits.length === 0) credits.push('Natural Earth', 'GSHHG (Wessel & Smith)', 'GeoNames CC BY 4.0');
      map.attributionControl.addAttribution(escapeHTML([...credits, 'Timeslice dataset sources'].join('; ')));
      renderLegends();
      renderCredits();
    });
  // The slice at the start date does not wait for the timeline: only the
  // events layer comes from it.
  const firstSlices = data.ready([...visible].filter((id) => id !== 'events'), clock.t);
  const tl = await api.timeline();
  events = (tl.events || []).map((f) => {
    const p = f.properties || {};
    const from = parseInstant(p.valid_from);
    const to = p.valid_to == null ? null : parseInstant(p.valid_to);
    const date = parseInstant(p.date || p.valid_from);
    return { id: String(f.id), from, to, date: Number.isFinite(date) ? date : from, name: p.name, caption: p.caption, feature: f };
  }).filter((e) => Number.isFinite(e.from)).sort((a, b) => a.from - b.from);
  eventTimes = events.map((e) => e.from);
  clock.stops = eventTimes;
  data.setEvents(tl.events || []);
  timeline.setEvents(events.map((e) => ({ t: e.from, id: e.id, name: e.name })));
  await firstSlices;
  await data.ready([...visible], clock.t);
  await basemapDone;
  render();
  await document.fonts.ready;
  scheduleDeclutter(); // label sizes are final once the fonts are in
  await new Promise((r) => requestAnimationFrame(() => r()));
  const firstView = performance.now();
  performance.mark('ts-first-view');
  api_.firstViewMs = firstView;
  api_.startupMs = firstView - startedAt;
  document.documentElement.dataset.ready = '1';
  started = true;
  const manifest = await api.getJSON('/dataset');
  exhibit = installExhibit({
    manifest, api, clock, axis: { min: WINDOW_START, max: WINDOW_END }, after: $('#ts-timeline'),
    lang: () => lang, parseInstant, kiosk: kioskMode, kioskUI: kiosk, params: kioskParams,
    map, home: HOME_BOUNDS, setLanguage, ready: (ids, t) => data.ready(ids, t), layers: () => [...visible],
    step: data.windows.step, eventAt: (t) => currentEvent(t), captionEl: $('.ts-caption'),
  });
  api_.exhibit = exhibit;
  requestRender(); // and prefetch ahead, now that the first view is in
  if (kioskMode) {
    kiosk.showHint(true);
    play();
    // Fonts load lazily by script and weight; a kiosk fetches them all now,
    // so a language switch during a server restart still has its glyphs.
    for (const w of [400, 700]) {
      for (const [family, sample] of [['Noto Sans', 'aĂộ'], ['Noto Sans Khmer', 'ក']]) {
        document.fonts.load(`${w} 16px "${family}"`, sample).catch(() => {});
      }
    }
  }
  else if (state.autoplay) play();
}

// A small surface for tests, benchmarks and curious operators.
const api_ = {
  get t() { return clock.t; },
  get playing() { return clock.playing; },
  get lang() { return lang; },
  get speed() { return clock.speed; },
  firstViewMs: null,
  startupMs: null,
  play, pause, seek: (x) => seek(typeof x === 'string' ? parseInstant(x) : x),
  setLanguage, toggleLayer, stepEvent,
  setSpeed: (s) => { clock.setSpeed(s); speedSelect.value = clock.speed; },
  drawn: (id) => history.drawn(id),
  openPopup: (layer, featureId) => history.openPopupFor(layer, featureId),
  slice: (id, t) => data.slice(id, typeof t === 'string' ? parseInstant(t) : t),
  ready: (t) => data.ready([...visible], t === undefined ? clock.t : (typeof t === 'string' ? parseInstant(t) : t)),
  dropCache: () => data.clear(),
  renderTimes: () => renderTimes.slice(),
  layerTimes: () => ({ ...layerTimes }),
  stats: () => ({ api: { ...api.stats }, data: { ...data.stats, cached: data.cache.size }, online }),
  map,
};
window.timeslice = api_;

start().catch((e) => {
  // Only a programming error gets here (the API retries forever).
  console.error('timeslice: start failed', e);
});
