// The Timeslice page: built from the dataset's manifest (/dataset), it
// wires the map, the data, the clock and the interface. The app's state is
// one object (`state` below); each concern is its own module: player.js
// (loop and prefetch), caption.js, now.js, urlsync.js, keys.js, cards.js
// and cardview.js, legend.js, timeline.js, layers.js, basemap.js, kiosk.js.

import * as L from './leaflet.js';
import { Api } from './api.js';
import { Data } from './data.js';
import { BasemapLayer } from './basemap.js';
import { HistoryLayer } from './layers.js';
import { Timeline } from './timeline.js';
import { Clock } from './clock.js';
import { Kiosk } from './kiosk.js';
import { KioskLog } from './kiosklog.js';
import { renderLegend, renderBasemapLegend } from './legend.js';
import { featureHTML } from './details.js';
import { parseState, urlOptions } from './urlstate.js';
import { URLSync } from './urlsync.js';
import { t as msg, pick, formatDate, langLabel } from './i18n.js';
import { escapeHTML } from './html.js';
import { declutter } from './declutter.js';
import { readManifest, chapterAt, cardHasContent, bibliographyHref } from './manifest.js';
import { cardHTML, cardCites, indexWorks } from './cards.js';
import { CardView } from './cardview.js';
import { CaptionPanel, readEvents } from './caption.js';
import { NowList } from './now.js';
import { Player } from './player.js';
import { installKeys } from './keys.js';
import { DAY, clamp } from './time.js';
import { paceFromParams } from './pacing.js';
import { Story } from './story.js';
import { Camera } from './camera.js';
import { DetailScale } from './detailscale.js';
import { watchOverflow, clampMore } from './overflow.js';
import { prepareKiosk } from './kioskconfig.js';
import { installExhibit } from './exhibit.js';

/** How long a kiosk loop holds on its title card and on its epilogue. */
const KIOSK_TITLE_MS = 12000;
const KIOSK_END_MS = 12000;

/** The union of the collections' spatial extents as Leaflet bounds, or null. */
export function extentOf(collections, ids) {
  let b = null;
  for (const c of collections?.collections || []) {
    if (!ids.includes(c.id)) continue;
    const bb = c.extent?.spatial?.bbox?.[0];
    if (!Array.isArray(bb) || bb.length < 4 || !bb.every(Number.isFinite)) continue;
    const [w, s, e, n] = bb.length >= 6 ? [bb[0], bb[1], bb[3], bb[4]] : bb;
    b = b ? [Math.min(b[0], w), Math.min(b[1], s), Math.max(b[2], e), Math.max(b[3], n)] : [w, s, e, n];
  }
  return b ? L.latLngBounds([b[1], b[0]], [b[3], b[2]]) : null;
}

/** The zone as a visitor reads it: "UTC+05:30", or its IANA name. */
function zoneName(spec) {
  return /^[+-]\d{2}:\d{2}$/.test(spec || '') ? `UTC${spec}` : String(spec || 'UTC');
}

export async function startApp() {
  const $ = (sel) => document.querySelector(sel);
  const startedAt = performance.now();
  const statusEl = $('.ts-status');
  const state = { lang: document.documentElement.lang || 'en', online: true };
  const showStatus = () => {
    statusEl.hidden = state.online;
    statusEl.textContent = state.online ? '' : msg(state.lang, 'status.reconnecting');
  };
  const api = new Api({ onStatus: (v) => { state.online = v; showStatus(); } });

  // --- the dataset ------------------------------------------------------------
  const [manifest, collections, kioskParams] = await Promise.all([
    api.dataset(),
    api.collections().catch((e) => { console.warn('timeslice: /collections', e.message || e); return null; }),
    prepareKiosk(), // /kiosk, and the server's kiosk defaults under the URL's
  ]);
  const model = readManifest(manifest);
  const order = [model.defaultLanguage, ...model.languages.filter((l) => l !== model.defaultLanguage)];
  const urlOpts = urlOptions(model);
  const initial = parseState(location.search, urlOpts);
  Object.assign(state, {
    model,
    initial,
    lang: initial.lang,
    visible: new Set(initial.layers),
    kiosk: initial.kiosk,
    viewTouched: false,
    events: [],
    started: false,
    scrubbing: false,
    wasPlaying: false,
    works: new Map(),
    tourCard: false, // the open card was put there by the kiosk tour
  });
  const ctx = () => ({ lang: state.lang, order, zone: model.zone, kiosk: state.kiosk });
  const text = (v) => pick(v, state.lang, order);
  const introKey = `timeslice.intro.${model.id}`;
  const remember = {
    get: () => { try { return localStorage.getItem(introKey) === '1'; } catch { return false; } },
    set: () => { try { localStorage.setItem(introKey, '1'); } catch { /* private mode */ } },
  };

  document.body.classList.toggle('ts-kiosk', state.kiosk);
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

  // --- map ------------------------------------------------------------------------
  const home = extentOf(collections, model.layerIds) || L.latLngBounds([-60, -170], [75, 170]);
  const map = L.map('ts-map', {
    keyboard: false, // the arrow keys move through time (keys.js)
    minZoom: 3, maxZoom: 12, zoomSnap: 0.25, zoomDelta: 0.5,
    maxBounds: home.pad(0.6), maxBoundsViscosity: 0.9,
    zoomAnimation: !reducedMotion.matches, fadeAnimation: !reducedMotion.matches,
    markerZoomAnimation: !reducedMotion.matches,
    tap: true,
  });
  map.attributionControl.setPrefix('Leaflet');
  // The big date lives inside the map, under popups (z 700) and controls;
  // so does the card.
  map.getContainer().appendChild($('.ts-date'));
  map.getContainer().appendChild($('.ts-card'));
  // Focus goes into an opened popup and back to what opened it.
  let popupOpener = null;
  map.on('popupopen', (e) => {
    $('.ts-date').classList.add('is-dim');
    const el = e.popup.getElement();
    const close = el?.querySelector('.leaflet-popup-close-button');
    if (close) { close.setAttribute('aria-label', msg(state.lang, 'panel.close')); close.title = msg(state.lang, 'panel.close'); }
    const content = el?.querySelector('.leaflet-popup-content');
    if (content) {
      content.tabIndex = -1;
      watchOverflow(content);
      const active = document.activeElement;
      popupOpener = active && active !== document.body && !el.contains(active) ? active : null;
      content.focus({ preventScroll: true });
    }
  });
  map.on('popupclose', () => {
    $('.ts-date').classList.remove('is-dim');
    const back = popupOpener;
    popupOpener = null;
    if (back?.isConnected && document.activeElement?.closest?.('.leaflet-popup, body') ) back.focus({ preventScroll: true });
  });
  let programmaticView = false;
  function homeView() {
    programmaticView = true;
    map.fitBounds(home, { animate: false, paddingTopLeft: [6, 40], paddingBottomRight: [6, 6] });
    programmaticView = false;
  }
  if (initial.center && Number.isFinite(initial.zoom)) { map.setView(initial.center, initial.zoom, { animate: false }); state.viewTouched = true; }
  else homeView();
  map.on('dragstart zoomstart', () => { if (!programmaticView) state.viewTouched = true; });
  // The map's box changes with the layout (the caption panel fills, a phone
  // turns): tell Leaflet, and keep the dataset in view until someone moves it.
  new ResizeObserver(() => {
    map.invalidateSize({ animate: false });
    if (!state.viewTouched) homeView();
  }).observe($('#ts-map'));

  const basemap = new BasemapLayer({ api, lang: () => state.lang }).addTo(map);
  const popupOptions = () => {
    const small = map.getSize().y < 500;
    return {
      maxWidth: state.kiosk ? 420 : 320, maxHeight: state.kiosk ? 360 : small ? 200 : 250,
      autoPanPaddingTopLeft: [20, 16], autoPanPaddingBottomRight: [20, 20], className: 'ts-popup',
    };
  };
  /** One HistoryLayer per dataset layer, in drawing order. */
  const layers = new Map(model.drawOrder.map((id, i) => {
    const def = model.layer(id);
    return [id, new HistoryLayer({
      layer: def, zIndex: 410 + 5 * i, popup: popupOptions, lang: () => state.lang, order: () => order,
      details: (f, k, interpolated) => featureHTML(f, def, ctx(), { interpolated }),
    })];
  }));
  const visibleIds = () => model.drawOrder.filter((id) => state.visible.has(id));
  for (const id of visibleIds()) layers.get(id).addTo(map);
  const data = new Data(api, { origin: model.timeline.start, eventsLayer: model.eventsLayer, onLoad: () => player.requestRender() });

  // --- the story: pacing, the camera ---------------------------------------------------------
  const params = new URLSearchParams(location.search);
  const camera = new Camera(map, { onHighlight: (ids) => highlight(ids) });
  const story = new Story({
    textOf: (e) => { const c = text(e.caption); return { text: c.text, lang: c.lang || state.lang }; },
    pace: paceFromParams(params), camera, chapters: model.chapters,
  });
  /** Marks what the event shown concerns (ids and tracks; null: nothing) in
   * focus, in every layer; its labels win the decluttering. */
  function highlight(ids) {
    for (const layer of layers.values()) layer.setFocus(ids);
    scheduleDeclutter();
  }

  // --- clock, timeline, player -------------------------------------------------------
  const tourStart = model.timeline.start;
  const clock = new Clock({
    min: model.timeline.start, max: model.timeline.end,
    t: initial.t ?? (state.kiosk ? tourStart : model.window.start), speed: initial.speed,
    loop: state.kiosk, dwellMs: (stop) => story.holdMs(stop), endHoldMs: state.kiosk ? KIOSK_END_MS : 0,
    startHoldMs: state.kiosk ? KIOSK_TITLE_MS : 0,
  });
  const timeline = new Timeline($('#ts-timeline'), {
    min: model.timeline.start, max: model.timeline.end, zone: model.zone, chaptersEl: $('.ts-chapters'),
    onSeek: (t) => { clock.seek(t); player.requestRender(); },
    onScrubStart: () => { state.scrubbing = true; state.wasPlaying = clock.playing; clock.pause(); updatePlayButton(); },
    onScrubEnd: () => { state.scrubbing = false; if (state.wasPlaying) play(); url.write(true); },
  });
  timeline.setChapters(model.chapters, order);
  const url = new URLSync(() => {
    const c = map.getCenter();
    return {
      ...initial, t: clock.t, center: [c.lat, c.lng], zoom: map.getZoom(),
      layers: model.layerIds.filter((x) => state.visible.has(x)), lang: state.lang, speed: clock.speed,
    };
  }, urlOpts);
  map.on('moveend', () => url.write());

  const announce = $('.ts-announce');
  let announced = null;
  const caption = new CaptionPanel($('.ts-caption-body'), {
    ctx, onSeek: (t) => seek(t),
    onShow: (e, kind) => {
      const textEl = $('.ts-caption-body .ts-caption-text');
      if (textEl) clampMore(textEl, { more: msg(state.lang, 'caption.more'), less: msg(state.lang, 'caption.less') });
      // The live region speaks events (once each), not dates or frames.
      if (e && kind === 'event' && e.id !== announced) {
        announced = e.id;
        const name = text(e.name).text;
        announce.textContent = `${formatDate(e.date, state.lang, model.zone, { precision: e.precision })}: ${name}`;
      }
    },
  });
  watchOverflow($('.ts-caption'));
  watchOverflow($('#ts-side'));
  watchOverflow($('.ts-legend'));
  const detail = new DetailScale($('.ts-detail'), {
    min: model.timeline.start, max: model.timeline.end, zone: model.zone,
    onPick: (e) => { story.choose(e.id); seek(e.t); },
  });
  const now = new NowList($('.ts-now'), {
    ctx,
    layers: () => [...visibleIds()].reverse().map((id) => ({ id, title: model.layer(id).title, layer: layers.get(id) })),
    onOpen: (layerId, featureId) => { setPanel(false); layers.get(layerId)?.openPopupFor(featureId); },
  });
  let lastDateText = '', lastChapter;
  function updateDate(force = false) {
    const d = formatDate(clock.t, state.lang, model.zone);
    if (force || d !== lastDateText) {
      lastDateText = d;
      $('.ts-date-text').textContent = d;
    }
    const ch = chapterAt(model, clock.t);
    if (force || ch?.id !== lastChapter) {
      lastChapter = ch?.id;
      const title = ch ? text(ch.title) : { text: '' };
      const el = $('.ts-date-chapter');
      el.textContent = title.text;
      if (title.lang) el.lang = title.lang;
      timeline.setChapter(ch?.id ?? null);
    }
  }
  let labelsVersion = -1;
  let namedVersion = -1;
  /** [lng, lat] of the dataset's labelled points drawn now. */
  function namedPoints() {
    const out = [];
    for (const id of visibleIds()) {
      const def = model.layer(id);
      if (def.kind !== 'point' || !def.style?.label) continue;
      for (const f of layers.get(id).drawn().features) if (f.geometry?.type === 'Point') out.push(f.geometry.coordinates);
    }
    return out;
  }
  let exhibit = null; // the chart and the kiosk's additions (exhibit.js), once the first view is in
  const player = new Player({
    clock, data, visible: visibleIds, layer: (id) => layers.get(id),
    bounds: { min: model.timeline.start, max: model.timeline.end },
    onRender: (t) => {
      const lv = visibleIds().reduce((n, id) => n + layers.get(id).labelsVersion, 0);
      if (lv !== labelsVersion) { labelsVersion = lv; scheduleDeclutter(); }
      now.update(false, visibleIds().reduce((n, id) => n + layers.get(id).version, 0));
      timeline.setTime(t);
      exhibit?.frame(t);
      updateDate();
      detail.setTime(t);
      showStory(t, performance.now());
      if (lv !== namedVersion) { namedVersion = lv; basemap.setNamedPoints(namedPoints()); }
      tourCards();
      if (clock.playing) url.write();
    },
    onHold: (now) => showStory(clock.t, now), // tied events take turns while the clock holds
    onStop: () => {
      updatePlayButton();
      url.write(true);
      // Played to the end: the epilogue closes the story.
      if (!state.kiosk && clock.t >= clock.max && cardHasContent(model.cards.epilogue)) showCard('epilogue', { focus: false });
    },
  });

  /** The caption, the current event's marks and the camera at t. */
  function showStory(t, now) {
    const st = story.at(t, { playing: clock.playing, heldMs: clock.heldMs(now) });
    const shown = caption.show(st);
    const id = st.kind === 'event' ? shown?.id ?? null : null;
    if (model.eventsLayer) layers.get(model.eventsLayer).setCurrent(id);
    timeline.setCurrent(id);
    detail.setCurrent(id);
  }

  function updatePlayButton() {
    const b = $('.ts-play');
    b.setAttribute('aria-pressed', String(clock.playing));
    b.setAttribute('aria-label', msg(state.lang, clock.playing ? 'player.pause' : 'player.play'));
    b.title = b.getAttribute('aria-label');
  }
  function play() { clock.play(performance.now()); updatePlayButton(); player.requestRender(); }
  function pause() { clock.pause(); updatePlayButton(); url.write(true); }
  function seek(t) { clock.seek(clamp(t, clock.min, clock.max)); player.requestRender(); url.write(); }
  /** Next / Previous: every event, those at the same instant in turn. */
  function stepEvent(dir) {
    const e = story.step(clock.t, dir);
    if (e) seek(e.from);
    else seek(dir < 0 ? clock.min : clock.max);
  }
  $('.ts-play').addEventListener('click', () => { if (clock.playing) pause(); else play(); });
  $('.ts-prev').addEventListener('click', () => stepEvent(-1));
  $('.ts-next').addEventListener('click', () => stepEvent(1));
  const speedSelect = $('.ts-speed-select');
  speedSelect.value = clock.speed;
  speedSelect.addEventListener('change', () => { clock.setSpeed(speedSelect.value); url.write(true); });
  installKeys({
    toggle: () => { if (clock.playing) pause(); else play(); },
    step: (dir, month) => seek(month ? model.zone.addMonths(clock.t, dir) : clock.t + dir * DAY),
    event: stepEvent,
    edge: (end) => seek(end ? clock.max : clock.min),
    escape: () => { map.closePopup(); setPanel(false); if (cards.open) closeCard(); },
  });

  // --- cards: the introduction and the epilogue ------------------------------------------
  const cards = new CardView($('.ts-card'), { onClose: (which) => { if (which === 'intro') remember.set(); state.tourCard = false; } });
  const introFallback = { title: model.title, subtitle: model.subtitle, description: model.description };
  const cardFor = (which) => (which === 'epilogue'
    ? cardHTML('epilogue', model.cards.epilogue, ctx(), { works: state.works })
    : cardHTML('intro', model.cards.intro, ctx(), { works: state.works, fallback: introFallback }));
  function showCard(which, { focus = true, tour = false } = {}) {
    cards.show(which, cardFor(which), { focus });
    state.tourCard = tour;
  }
  function closeCard() {
    if (cards.which === 'intro') remember.set();
    cards.hide();
    state.tourCard = false;
  }
  // In the kiosk, the tour holds on the title card at the start of each
  // loop and on the epilogue at its end.
  function tourCards() {
    if (!state.kiosk) return;
    const phase = clock.playing ? clock.phase : null;
    const want = phase === 'start' ? 'intro' : phase === 'end' && cardHasContent(model.cards.epilogue) ? 'epilogue' : null;
    if (want && cards.which !== want) showCard(want, { focus: false, tour: true });
    else if (!want && state.tourCard) { cards.hide(); state.tourCard = false; }
  }
  $('.ts-intro-btn').addEventListener('click', () => showCard('intro'));
  $('.ts-epilogue-btn').addEventListener('click', () => showCard('epilogue'));
  $('.ts-epilogue-btn').hidden = !cardHasContent(model.cards.epilogue);
  const bibHref = bibliographyHref(model);
  if (bibHref && (cardCites(model.cards.intro) || cardCites(model.cards.epilogue))) {
    api.bibliography(bibHref)
      .then((b) => {
        if (!b) console.warn('timeslice: the server has no bibliography; card sources show their keys');
        state.works = indexWorks(b);
        if (cards.open) cards.refresh(cardFor(cards.which));
      })
      .catch((e) => console.warn('timeslice: bibliography', e.message || e));
  }

  // --- interface text ---------------------------------------------------------------
  const langs = $('.ts-lang');
  langs.innerHTML = model.languages.map((l) => `<button type="button" data-lang="${escapeHTML(l)}" lang="${escapeHTML(l)}">${escapeHTML(langLabel(l))}</button>`).join('');
  langs.hidden = model.languages.length < 2;
  langs.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => setLanguage(b.dataset.lang)));
  const kioskHint = $('.ts-kiosk-hint');
  function setText(el, v) {
    const x = text(v);
    el.textContent = x.text;
    el.lang = x.lang;
  }
  function applyLanguage() {
    const lang = state.lang;
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = msg(lang, el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-aria]').forEach((el) => { el.setAttribute('aria-label', msg(lang, el.dataset.i18nAria)); });
    langs.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
    setText($('.ts-title-long'), model.title);
    setText($('.ts-title-short'), model.shortTitle);
    setText($('.ts-subtitle'), model.subtitle);
    setText($('.ts-about-text'), model.description);
    setText($('.ts-about-attribution'), model.attribution);
    $('.ts-about-zone').textContent = msg(lang, 'about.zone', { zone: zoneName(model.raw.time_zone) });
    const title = text(model.title).text;
    $('.ts-map').setAttribute('aria-label', title);
    document.title = title ? `${title} · Timeslice` : 'Timeslice';
    document.querySelector('meta[name="description"]')?.setAttribute('content', text(model.description).text);
    updatePlayButton();
    showStatus();
    kioskHint.textContent = msg(lang, 'kiosk.touch');
    for (const [sel, key] of [['.leaflet-control-zoom-in', 'map.zoomIn'], ['.leaflet-control-zoom-out', 'map.zoomOut']]) {
      const a = map.getContainer().querySelector(sel);
      if (a) { a.title = msg(lang, key); a.setAttribute('aria-label', msg(lang, key)); }
    }
  }
  function setLanguage(l) {
    if (!model.languages.includes(l) || l === state.lang) return;
    state.lang = l;
    map.closePopup();
    applyLanguage();
    timeline.setLanguage(l);
    for (const layer of layers.values()) layer.clear();
    basemap.refreshLanguage();
    renderLegends();
    renderCredits();
    story.reschedule();
    detail.setLanguage(l, order);
    caption.show(story.at(clock.t, { playing: clock.playing, heldMs: clock.heldMs(performance.now()) }), true);
    exhibit?.setLanguage(l);
    updateDate(true);
    if (cards.open) cards.refresh(cardFor(cards.which));
    player.requestRender();
    now.update(true);
    url.write(true);
  }

  // --- legend and layer toggles ---------------------------------------------------------------
  function toggleLayer(id, on) {
    const layer = layers.get(id);
    if (!layer) return;
    if (on) { state.visible.add(id); layer.addTo(map); } else { state.visible.delete(id); layer.remove(); }
    player.requestRender();
    url.write(true);
  }
  function renderLegends() {
    renderLegend($('.ts-layer-list'), model, state.lang, state.visible, toggleLayer);
    renderBasemapLegend($('.ts-basemap-list'), state.lang, basemap, (id, on) => basemap.setVisible(id, on));
  }
  // Phone: the legend is a sheet opened by the header button.
  function setPanel(open) {
    $('#ts-side').classList.toggle('is-open', open);
    $('.ts-panel-toggle').setAttribute('aria-expanded', String(open));
  }
  $('.ts-panel-toggle').addEventListener('click', () => setPanel(!$('#ts-side').classList.contains('is-open')));
  $('.ts-panel-close').addEventListener('click', () => setPanel(false));
  // The About section lists every base map layer with its source and licence.
  function renderCredits() {
    $('.ts-credits').innerHTML = basemap.index.map((l) => {
      const m = msg(state.lang, `basemap.${l.id}`);
      return `<li>${escapeHTML(m === `basemap.${l.id}` ? l.title : m)}: ${escapeHTML(l.attribution || '?')}${l.license ? ` — ${escapeHTML(l.license)}` : ''}</li>`;
    }).join('');
  }

  // --- labels: the more important one wins where they collide ----------------------------------
  let declutterTimer = 0;
  function scheduleDeclutter() {
    clearTimeout(declutterTimer);
    declutterTimer = setTimeout(() => {
      const els = [];
      for (const id of visibleIds()) els.push(...layers.get(id).labels());
      document.querySelectorAll('.ts-town-label span').forEach((el) => {
        els.push({ el, priority: 10 * Math.log10(1 + Number(el.dataset.pop || 0)) });
      });
      const r = map.getContainer().getBoundingClientRect();
      declutter(els, { x: r.left, y: r.top, w: r.width, h: r.height });
    }, 80);
  }
  map.on('moveend', scheduleDeclutter); // after a pan too: labels at the map's edge take another side
  basemap.onLabels = scheduleDeclutter;

  // --- kiosk ------------------------------------------------------------------------------------------------
  function resetTour() {
    map.closePopup();
    setPanel(false);
    if (state.lang !== initial.lang) setLanguage(initial.lang);
    for (const id of model.layerIds) if (state.visible.has(id) !== initial.layers.includes(id)) toggleLayer(id, initial.layers.includes(id));
    // The tour resumes where it stands, the view eased back to it.
    kiosk.easeBack(reducedMotion.matches);
    state.viewTouched = false;
    camera.release();
    camera.resume();
    play();
  }
  // A kiosk's problems go to the server's log, never to the screen.
  const kioskLog = state.kiosk ? new KioskLog().install() : null;
  const kiosk = state.kiosk ? new Kiosk({
    report: (level, message, detail) => kioskLog.report(level, message, detail),
    idleMs: initial.idle * 1000,
    hint: kioskHint,
    onVisitor: () => { pause(); if (state.tourCard) { cards.hide(); state.tourCard = false; } },
    onIdle: () => resetTour(),
  }) : null;

  // --- a small surface for tests, benchmarks and curious operators ------------------------------------------
  const parseT = (x) => (typeof x === 'string' ? model.zone.parse(x) : x);
  const surface = {
    get t() { return clock.t; },
    get playing() { return clock.playing; },
    get lang() { return state.lang; },
    get speed() { return clock.speed; },
    get card() { return cards.which; },
    model,
    firstViewMs: null,
    startupMs: null,
    play, pause, seek: (x) => seek(parseT(x)),
    setLanguage, toggleLayer, stepEvent,
    showCard: (which) => showCard(which), closeCard,
    setSpeed: (sp) => { clock.setSpeed(sp); speedSelect.value = clock.speed; },
    drawn: (id) => layers.get(id)?.drawn() ?? { type: 'FeatureCollection', features: [] },
    openPopup: (layer, featureId) => layers.get(layer)?.openPopupFor(featureId) ?? false,
    slice: (id, t) => data.slice(id, parseT(t)),
    ready: (t) => data.ready(visibleIds(), t === undefined ? clock.t : parseT(t)),
    dropCache: () => data.clear(),
    renderTimes: () => player.renderTimes.slice(),
    layerTimes: () => ({ ...player.layerTimes }),
    stats: () => ({ api: { ...api.stats }, data: { ...data.stats, cached: data.cache.size }, online: state.online }),
    map,
    story,
    camera,
    layers, // the drawn layers by id (for tests)
  };
  window.timeslice = surface;

  // --- start ----------------------------------------------------------------------------------------------------
  applyLanguage();
  timeline.setLanguage(state.lang);
  renderLegends();
  updateDate(true);
  const firstVisit = !state.kiosk && !remember.get();
  if (firstVisit) showCard('intro', { focus: false });

  const basemapDone = basemap.load()
    .catch((e) => console.warn('timeslice: basemap', e))
    .then(() => {
      const credits = basemap.credits();
      const attribution = text(model.attribution).text;
      map.attributionControl.addAttribution(escapeHTML(credits.length ? credits.join('; ') : attribution));
      renderLegends();
      renderCredits();
    });
  // The slices at the start date do not wait for the timeline: only the
  // events layer comes from it.
  const firstSlices = data.ready(visibleIds().filter((id) => id !== model.eventsLayer), clock.t);
  const tl = await api.timeline();
  state.events = readEvents(tl.events, (s) => model.zone.parse(s));
  story.setEvents(state.events);
  clock.stops = story.stopTimes;
  detail.setEvents(story.ordered.map((e) => ({ id: e.id, t: e.from, name: e.name })));
  detail.setLanguage(state.lang, order);
  data.setEvents(tl.events || []);
  caption.setEvents(state.events);
  timeline.setEvents(state.events.map((e) => ({ t: e.from, id: e.id, name: e.name })));
  await firstSlices;
  await data.ready(visibleIds(), clock.t);
  await basemapDone;
  player.render();
  await document.fonts.ready;
  scheduleDeclutter(); // label sizes are final once the fonts are in
  await new Promise((r) => requestAnimationFrame(() => r()));
  const firstView = performance.now();
  performance.mark('ts-first-view');
  surface.firstViewMs = firstView;
  surface.startupMs = firstView - startedAt;
  document.documentElement.dataset.ready = '1';
  state.started = true;
  // The chart of counts (page and kiosk); in kiosk mode its settings, the
  // bounded map and the service worker.
  exhibit = installExhibit({
    log: kioskLog,
    manifest: model.raw, api, clock, axis: { min: model.timeline.start, max: model.timeline.end },
    after: $('#ts-timeline'), lang: () => state.lang, parseInstant: (x) => model.zone.parse(x),
    kiosk: state.kiosk, kioskUI: kiosk, params: kioskParams, map, home, setLanguage,
    ready: (ids, t) => data.ready(ids, t), layers: visibleIds, step: data.windows.step,
    eventAt: (t) => state.events.findLast((e) => e.from <= t && (e.to === null || t < e.to)) || null,
    captionEl: $('.ts-caption'),
  });
  surface.exhibit = exhibit;
  player.prefetching = true;
  player.requestRender(); // and prefetch ahead, now that the first view is in
  if (kiosk) {
    kiosk.showHint(true);
    play();
    clock.holdAtStart(performance.now());
    // Fonts load lazily by script and weight; a kiosk fetches them all now,
    // so a language switch during a server restart still has its glyphs.
    for (const w of [400, 700]) {
      for (const [family, sample] of [['Noto Sans', 'aĂộ'], ['Noto Sans Khmer', 'ក']]) {
        document.fonts.load(`${w} 16px "${family}"`, sample).catch(() => {});
      }
    }
  } else if (initial.autoplay) play();

  return surface;
}
