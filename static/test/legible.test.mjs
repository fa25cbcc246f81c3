// Browser tests of the story's legibility (issue 12), in a real headless
// Chromium against the real server: pacing, the camera, the detailed
// timeline scale, type sizes, cut text, layout jumps, Tab order, popup
// focus, the live region, label contrast, one name per place, and
// screenshots at key dates (static/test/out, to be looked at).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  chromiumOrSkip, vendored, buildServer, startServer, freePort, launchBrowser, watch, waitReady, outDir,
} from './lib/harness.mjs';
import { readingMs, paceConfig } from '../www/js/pacing.js';
import { contrast } from '../www/js/colour.js';

let skip = chromiumOrSkip();
if (!skip && !vendored()) skip = 'static/www/vendor is missing: run `npm run vendor` first';
if (skip) console.log(`# SKIP legibility browser tests: ${skip}`);
const T = (timeout) => (skip ? { skip, timeout } : { timeout });

const SIZES = { desk: { width: 1920, height: 1080 }, laptop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const LANGS = ['en', 'km', 'fr'];
let build, server;

before(async () => {
  if (skip) return;
  build = await buildServer();
  server = await startServer(build.bin, await freePort());
}, { timeout: 180000 });
after(async () => { await server?.stop(); build?.cleanup(); });

async function open(path, opts = {}) {
  const b = await launchBrowser(opts);
  const page = await b.context.newPage();
  const problems = watch(page);
  await page.goto(server.base + path);
  await waitReady(page);
  await page.evaluate(() => window.timeslice.closeCard?.());
  return { page, problems, close: b.close };
}

/** The events of /timeline as the page orders them: [{id, from, name, caption}]. */
async function events(page) {
  return page.evaluate(() => window.timeslice.story.ordered.map((e) => ({ id: e.id, from: e.from, name: e.name, caption: e.caption })));
}

const heading = (page) => page.evaluate(() => document.querySelector('.ts-caption-body h3')?.textContent ?? null);

test('pacing: playing through 6–9 January 1979 shows every event, ties too, each long enough to read; never "Press Play"', T(180000), async () => {
  const pace = { wpm: 900, cpm: 2700, leadMs: 500, minMs: 1500 };
  const { page, problems, close } = await open(`/?t=1979-01-05&wpm=${pace.wpm}&cpm=${pace.cpm}&lead=${pace.leadMs / 1000}&hold_min=${pace.minMs / 1000}`);
  try {
    const all = await events(page);
    const [a, b] = await page.evaluate(() => [window.timeslice.model.zone.parse('1979-01-06'), window.timeslice.model.zone.parse('1979-01-09')]);
    const want = all.filter((e) => e.from >= a && e.from < b);
    assert.ok(want.length >= 6, `events in the window: ${want.length}`);
    assert.ok(new Set(want.map((e) => e.from)).size <= want.length);
    await page.evaluate(() => {
      const log = window.__captions = [];
      const body = document.querySelector('.ts-caption-body');
      new MutationObserver(() => {
        log.push({ h: body.querySelector('h3')?.textContent ?? null, empty: !!body.querySelector('.ts-caption-empty'), playing: window.timeslice.playing, at: performance.now() });
      }).observe(body, { childList: true, subtree: true });
      window.timeslice.play();
    });
    await page.waitForFunction((x) => window.timeslice.t >= x, b, { timeout: 150000, polling: 100 });
    const log = await page.evaluate(() => { window.timeslice.pause(); return window.__captions; });
    const lang = 'en';
    const cfg = paceConfig(pace);
    for (const e of want) {
      const i = log.findIndex((x) => x.h === e.name.en);
      assert.ok(i >= 0, `shown while playing: ${e.name.en}`);
      const j = log.findIndex((x, k) => k > i && x.h !== e.name.en);
      if (j > 0) {
        const held = log[j].at - log[i].at;
        const need = readingMs(e.caption?.[lang] ?? '', lang, cfg);
        assert.ok(held >= need * 0.9, `${e.name.en}: on screen ${Math.round(held)} ms, reading time ${need} ms`);
      }
    }
    assert.deepEqual(log.filter((x) => x.playing && x.empty), [], 'no "no event, press play" while playing');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('Next visits every event in order, ties included, and Previous comes back', T(120000), async () => {
  const { page, problems, close } = await open('/?t=1978-04-01', { reducedMotion: 'reduce' });
  try {
    const all = await events(page);
    const seen = [];
    for (let i = 0; i < all.length; i++) {
      await page.evaluate(() => document.querySelector('.ts-next').click());
      await page.waitForFunction((n) => document.querySelector('.ts-caption-body h3')?.textContent === n, all[i].name.en, { timeout: 5000 }).catch(() => {});
      seen.push(await heading(page));
    }
    assert.deepEqual(seen, all.map((e) => e.name.en));
    await page.evaluate(() => document.querySelector('.ts-prev').click());
    await page.waitForFunction((n) => document.querySelector('.ts-caption-body h3')?.textContent === n, all.at(-2).name.en, { timeout: 5000 }).catch(() => {});
    assert.equal(await heading(page), all.at(-2).name.en);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

for (const reducedMotion of ['reduce', 'no-preference']) {
  test(`camera (${reducedMotion}): at an event the map goes to it, highlights it and dims the rest, then comes back`, T(90000), async () => {
    const { page, problems, close } = await open('/?t=1979-01-05', { reducedMotion, viewport: SIZES.laptop });
    try {
      const home = await page.evaluate(() => { const c = window.timeslice.map.getCenter(); return { lat: c.lat, lng: c.lng, z: window.timeslice.map.getZoom() }; });
      await page.click('.ts-next');
      if (reducedMotion === 'reduce') {
        // A cut: the view is there at once, with no flight in between.
        assert.equal(await page.evaluate(() => document.querySelector('.leaflet-map-pane').style.transition || ''), '');
      }
      await page.waitForFunction(() => document.querySelector('#ts-map').classList.contains('ts-focusing'), null, { timeout: 5000 });
      const got = await page.evaluate(() => new Promise((resolve) => {
        const ts = window.timeslice;
        const done = () => {
          const id = ts.story.chosenId ?? ts.story.focusedId;
          const e = ts.story.ordered.find((x) => x.id === ts.story.focusedId);
          const c = ts.map.getCenter();
          const b = ts.map.getBounds();
          // Every drawn feature, whether it is marked in focus and whether the event concerns it.
          const want = new Set([String(e?.feature.id), ...(e?.feature.properties.concerns || [])]);
          const drawn = [];
          for (const layer of ts.layers.values()) {
            for (const item of layer.items?.values() || []) {
              const el = item.main?.getElement?.();
              if (!el) continue;
              const f = item.feature;
              drawn.push({ id: String(f.id), concerned: want.has(String(f.id)) || want.has(String(f.properties?.track)), marked: el.classList.contains('is-focus') });
            }
          }
          resolve({
            id, center: [c.lat, c.lng], zoom: ts.map.getZoom(), point: e?.feature.geometry.coordinates, props: e?.feature.properties,
            view: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], drawn,
          });
        };
        if (ts.camera.moving) ts.map.once('moveend', () => setTimeout(done, 50)); else done();
      }));
      assert.ok(got.point, 'an event is focused');
      const ext = got.props.extent;
      if (ext) {
        // The event spans a region: the view holds it and is centred on it.
        const [w, s, e, n] = got.view;
        assert.ok(w <= ext[0] && s <= ext[1] && e >= ext[2] && n >= ext[3], `the view ${got.view} holds the extent ${ext}`);
        assert.ok(Math.abs(got.center[0] - (ext[1] + ext[3]) / 2) < 0.3 && Math.abs(got.center[1] - (ext[0] + ext[2]) / 2) < 0.3, `centred on the extent: ${got.center} vs ${ext}`);
      } else {
        assert.ok(Math.abs(got.center[0] - got.point[1]) < 0.05 && Math.abs(got.center[1] - got.point[0]) < 0.05, `centred on the event: ${got.center} vs ${got.point}`);
      }
      assert.ok(got.zoom > home.z, 'zoomed in');
      // What the event concerns is highlighted (beyond the event itself), and nothing else.
      assert.ok(got.props.concerns?.length, `the event ${got.id} names what it concerns`);
      assert.ok(got.drawn.filter((d) => d.concerned && d.id !== got.id).length >= 1, 'a feature it concerns is drawn');
      assert.deepEqual(got.drawn.filter((d) => d.concerned !== d.marked), [], 'marked in focus exactly when concerned');
      // Away from any event the map comes back.
      await page.evaluate(() => window.timeslice.seek('1979-03-25'));
      await page.waitForFunction(() => !document.querySelector('#ts-map').classList.contains('ts-focusing'), null, { timeout: 5000 });
      await page.waitForFunction((h) => {
        const c = window.timeslice.map.getCenter();
        return !window.timeslice.camera.moving && Math.abs(c.lat - h.lat) < 1e-3 && Math.abs(c.lng - h.lng) < 1e-3 && window.timeslice.map.getZoom() === h.z;
      }, home, { timeout: 8000 });
      assert.deepEqual(problems, []);
    } finally { await close(); }
  });
}

test('labels where they matter: at each event the camera shows, every town, site and camp it concerns is labelled, on screen', T(240000), async () => {
  const { page, problems, close } = await open('/?t=1978-04-01', { reducedMotion: 'reduce', viewport: SIZES.laptop });
  try {
    const all = await events(page);
    let checked = 0;
    const missing = [];
    for (const e of all) {
      await page.evaluate(() => document.querySelector('.ts-next').click());
      await page.waitForFunction((id) => window.timeslice.story.focusedId === id && !window.timeslice.camera.moving, e.id, { timeout: 8000 });
      await page.evaluate(() => window.timeslice.ready());
      await page.waitForTimeout(250); // labels are decluttered 80 ms after they change
      const got = await page.evaluate(() => {
        const ts = window.timeslice;
        const ev = ts.story.ordered.find((x) => x.id === ts.story.focusedId);
        const want = new Set(ev.feature.properties.concerns || []);
        const map = document.querySelector('#ts-map').getBoundingClientRect();
        const out = [];
        for (const id of ['places', 'camps']) {
          for (const item of ts.layers.get(id)?.items?.values() || []) {
            const f = item.feature;
            if (!want.has(String(f.id)) && !want.has(String(f.properties?.track))) continue;
            const el = item.main.getTooltip?.()?.getElement();
            const r = el?.getBoundingClientRect();
            const shown = !!r && el.style.visibility !== 'hidden' && r.width > 0 && r.left >= map.left && r.right <= map.right && r.top >= map.top && r.bottom <= map.bottom;
            out.push({ id: String(f.id), shown, text: el?.textContent ?? null });
          }
        }
        return out;
      });
      checked += got.length;
      for (const g of got) if (!g.shown) missing.push(`${e.id}: ${g.id}`);
    }
    assert.ok(checked >= 20, `labels checked: ${checked}`);
    assert.deepEqual(missing, [], 'concerned places and camps without a visible label at the event');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('flows and camps at the home view: width by people and size by population, drawn on screen, arrowheads on flows', T(120000), async (t) => {
  const { page, problems, close } = await open('/?t=1979-04-22', { reducedMotion: 'reduce', viewport: SIZES.laptop });
  try {
    const rows = [];
    for (const date of ['1979-04-22', '1979-06-12', '1979-11-30', '1980-03-01']) {
      await page.evaluate((d) => { window.timeslice.seek(d); }, date);
      await page.evaluate(() => window.timeslice.ready());
      await page.waitForTimeout(200);
      const got = await page.evaluate(() => {
        const ts = window.timeslice;
        const map = document.querySelector('#ts-map').getBoundingClientRect();
        const out = [];
        for (const [layer, prop] of [['camps', 'population'], ['flows', 'people']]) {
          for (const item of ts.layers.get(layer).items.values()) {
            const el = item.main.getElement();
            const v = item.feature.properties[prop];
            const r = el.getBoundingClientRect();
            out.push({
              layer, id: item.feature.properties.track || String(item.feature.id), v: typeof v === 'number' ? v : null,
              px: layer === 'camps' ? el.getBBox().width / 2 : Number(el.getAttribute('stroke-width')),
              onScreen: r.right > map.left && r.left < map.right && r.bottom > map.top && r.top < map.bottom,
              arrows: item.arrows?.length ?? 0,
            });
          }
        }
        return { zoom: ts.map.getZoom(), out };
      });
      for (const g of got.out) rows.push({ date, zoom: got.zoom, ...g });
    }
    const counted = (layer) => rows.filter((r) => r.layer === layer && r.v !== null);
    t.diagnostic(rows.filter((r) => r.v !== null).map((r) => `${r.date} ${r.id} ${r.v} → ${r.px} px`).join('; '));
    assert.ok(counted('camps').length >= 6 && counted('flows').length >= 3, `camps and flows with numbers: ${JSON.stringify(rows)}`);
    assert.equal(new Set(rows.map((r) => r.zoom)).size, 1, 'one view: the home view');
    for (const r of rows) assert.ok(r.onScreen, `${r.date} ${r.id} is on screen at the home view`);
    for (const r of rows.filter((x) => x.layer === 'flows')) assert.ok(r.arrows >= 1, `${r.date} ${r.id} has an arrowhead`);
    for (const layer of ['camps', 'flows']) {
      const rs = counted(layer).sort((a, b) => a.v - b.v);
      const min = layer === 'camps' ? 4 : 2;
      for (const r of rs) assert.ok(r.px >= min, `${r.date} ${r.id}: ${r.px} px for ${r.v}, want ≥ ${min} px to be seen`);
      // A bigger number is never drawn smaller (Leaflet rounds radii to whole pixels), a quarter more is drawn
      // bigger, and four times the number at least 1.6 times the size.
      for (let i = 1; i < rs.length; i++) {
        for (let j = 0; j < i; j++) {
          if (rs[i].v > rs[j].v) assert.ok(rs[i].px >= rs[j].px, `${layer}: ${rs[i].id} (${rs[i].v}) ${rs[i].px} px vs ${rs[j].id} (${rs[j].v}) ${rs[j].px} px`);
          if (rs[i].v >= 1.25 * rs[j].v) assert.ok(rs[i].px > rs[j].px, `${layer}: ${rs[i].id} (${rs[i].v}) ${rs[i].px} px vs ${rs[j].id} (${rs[j].v}) ${rs[j].px} px`);
          if (rs[i].v >= 4 * rs[j].v) assert.ok(rs[i].px >= 1.6 * rs[j].px, `${layer}: ${rs[i].v} vs ${rs[j].v} drawn ${rs[i].px} vs ${rs[j].px} px`);
        }
      }
    }
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('touch, on a phone: a tap on a camp opens what it is, a tap on a detailed-scale tick picks its event, Play and Next answer taps', T(120000), async () => {
  const { page, problems, close } = await open('/?t=1980-03-01', { reducedMotion: 'reduce', viewport: SIZES.phone, touch: true });
  try {
    assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches && navigator.maxTouchPoints > 0), true, 'a touch screen');
    await page.evaluate(() => window.timeslice.ready());
    // The biggest camp drawn: its circle's centre, tapped.
    const camp = await page.evaluate(() => {
      const items = [...window.timeslice.layers.get('camps').items.values()].filter((i) => i.main.getElement());
      items.sort((a, b) => (b.feature.properties.population ?? 0) - (a.feature.properties.population ?? 0));
      const it = items[0];
      const el = it.main.getElement();
      const r = el.getBoundingClientRect();
      // A point of its circle that nothing is drawn over (smaller camps sit on the big ones).
      const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
      for (let d = 0; d < r.width / 2; d += 2) {
        for (let a = 0; a < 8; a++) {
          const x = cx + d * Math.cos(a * Math.PI / 4), y = cy + d * Math.sin(a * Math.PI / 4);
          if (document.elementFromPoint(x, y) === el) return { id: String(it.feature.id), name: it.feature.properties.name.en, x, y, r: r.width / 2 };
        }
      }
      return { id: String(it.feature.id), name: it.feature.properties.name.en, x: cx, y: cy, r: r.width / 2, covered: true };
    });
    assert.ok(camp.r >= 12 && !camp.covered, `the camp is a touch target: radius ${camp.r} px, a part of it uncovered`);
    await page.touchscreen.tap(camp.x, camp.y);
    await page.waitForSelector('.leaflet-popup-content', { timeout: 4000 });
    const popup = await page.$eval('.leaflet-popup-content', (el) => el.textContent);
    assert.ok(popup.includes(camp.name), `the popup names ${camp.name}: ${popup.slice(0, 120)}`);
    await page.evaluate(() => { window.timeslice.map.closePopup(); });
    // A tick of the detailed scale, tapped, picks its event.
    await page.evaluate(() => { window.timeslice.seek('1979-01-07'); });
    await page.waitForTimeout(300);
    const tick = await page.evaluate(() => {
      const b = [...document.querySelectorAll('.ts-dt-tick')].at(-2);
      const r = b.getBoundingClientRect();
      return { id: b.dataset.id, x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.touchscreen.tap(tick.x, tick.y);
    await page.waitForFunction((id) => window.timeslice.story.chosenId === id, tick.id, { timeout: 4000 });
    // Play, then pause, by taps; Next by a tap.
    const tapOn = async (sel) => { const r = await page.locator(sel).boundingBox(); await page.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2); };
    await tapOn('.ts-play');
    await page.waitForFunction(() => window.timeslice.playing, null, { timeout: 4000 });
    await tapOn('.ts-play');
    await page.waitForFunction(() => !window.timeslice.playing, null, { timeout: 4000 });
    const before = await page.evaluate(() => window.timeslice.story.chosenId ?? window.timeslice.story.focusedId);
    await tapOn('.ts-next');
    await page.waitForFunction((b) => (window.timeslice.story.chosenId ?? window.timeslice.story.focusedId) !== b, before, { timeout: 4000 });
    // No page zoom from a double tap: the viewport scale stays 1.
    await page.touchscreen.tap(200, 300);
    await page.touchscreen.tap(200, 300);
    await page.waitForTimeout(400);
    assert.equal(await page.evaluate(() => window.visualViewport.scale), 1);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`detailed scale (${size}): every event tick of a dense period is a 24 px target and picks its event`, T(90000), async () => {
    const { page, problems, close } = await open('/?t=1979-01-07', { viewport });
    try {
      const ticks = await page.evaluate(() => [...document.querySelectorAll('.ts-dt-tick')].map((b) => {
        const r = b.getBoundingClientRect();
        return { id: b.dataset.id, x: r.left, y: r.top, w: r.width, h: r.height, label: b.getAttribute('aria-label') };
      }));
      assert.ok(ticks.length >= 5, `ticks in the detailed scale: ${ticks.length}`);
      for (const t of ticks) assert.ok(t.w >= 24 && t.h >= 24, `${t.id}: ${t.w}×${t.h}`);
      ticks.sort((p, q) => p.x - q.x);
      for (let i = 1; i < ticks.length; i++) assert.ok(ticks[i].x >= ticks[i - 1].x + ticks[i - 1].w - 0.5, `overlap ${ticks[i - 1].id} / ${ticks[i].id}`);
      for (const t of ticks) assert.ok(t.x >= 0 && t.x + t.w <= viewport.width && t.y >= 0 && t.y + t.h <= viewport.height, `${t.id} on screen: ${t.x},${t.y} ${t.w}×${t.h}`);
      // Pick three of them with the mouse: each shows its event.
      const all = await events(page);
      for (const t of [ticks[0], ticks[Math.floor(ticks.length / 2)], ticks.at(-1)]) {
        await page.mouse.click(t.x + t.w / 2, t.y + t.h / 2);
        const name = all.find((e) => e.id === t.id).name.en;
        await page.waitForFunction((n) => document.querySelector('.ts-caption-body h3')?.textContent === n || document.querySelector('.ts-caption-body')?.dataset.event === n, name, { timeout: 4000 }).catch(() => {});
        assert.equal(await page.evaluate(() => window.timeslice.story.chosenId), t.id, `picked ${t.id}`);
      }
      assert.deepEqual(problems, []);
    } finally { await close(); }
  });
}

/** Elements whose text is cut with no visible cue: overflowing, not
 * scrollable-with-cue, not clamped-with-more, not ellipsised. */
async function cutWithoutCue(page) {
  return page.evaluate(() => {
    const bad = [];
    const sel = '.ts-caption, .ts-caption *, .ts-side, .ts-legend, .ts-legend *, .leaflet-popup-content, .leaflet-popup-content *, .ts-header *, .ts-player *, .ts-card-body';
    for (const el of document.querySelectorAll(sel)) {
      if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
      if (el.matches('.ts-sr, .ts-sr *')) continue; // for screen readers only
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none') continue;
      const overY = el.scrollHeight - el.clientHeight > 2 && s.overflowY !== 'visible';
      const overX = el.scrollWidth - el.clientWidth > 2 && s.overflowX !== 'visible' && !el.matches('.ts-timeline, .ts-timeline *, .ts-detail, .ts-detail *');
      if (!overY && !overX) continue;
      if (overX && s.textOverflow === 'ellipsis' && !overY) continue;
      if (el.classList.contains('ts-more-below') || el.classList.contains('ts-more-above')) continue;
      if (el.classList.contains('ts-clamp') && el.nextElementSibling?.classList.contains('ts-more')) continue;
      if (el.matches('.leaflet-popup-content-wrapper, .ts-chapters, .ts-chapters *')) continue;
      bad.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
    }
    return bad;
  });
}

for (const [size, viewport] of Object.entries(SIZES)) {
  for (const kiosk of [false, true]) {
    test(`${kiosk ? 'kiosk' : 'page'} at ${size}: sizes, no text cut without a cue, in ${LANGS.join(', ')}`, T(120000), async () => {
      const { page, problems, close } = await open(`/?t=1979-01-07T12:30${kiosk ? '&kiosk=1' : ''}`, { viewport });
      try {
        if (kiosk) await page.evaluate(() => window.timeslice.pause());
        for (const lang of LANGS) {
          await page.evaluate((l) => { window.timeslice.setLanguage(l); window.timeslice.seek('1979-01-07T12:30'); }, lang);
          await page.waitForFunction(() => document.querySelector('.ts-caption-body h3'), null, { timeout: 4000 });
          await page.waitForTimeout(150); // the overflow observers run after layout
          const px = await page.evaluate(() => {
            const f = (s) => { const el = document.querySelector(s); return el && el.offsetParent ? parseFloat(getComputedStyle(el).fontSize) : null; };
            const labels = [...document.querySelectorAll('.leaflet-tooltip.ts-label-point')].filter((e) => e.offsetParent && getComputedStyle(e).visibility !== 'hidden');
            return {
              caption: f('.ts-caption-text'), meta: f('.ts-caption-meta'), note: f('.ts-caption .ts-note'),
              label: labels.length ? Math.min(...labels.map((e) => parseFloat(getComputedStyle(e).fontSize))) : null,
            };
          });
          if (kiosk && size !== 'phone') {
            const k = lang === 'km' ? 1.12 : 1;
            assert.ok(px.caption >= 32 * (size === 'desk' ? k : 0.875), `${lang} caption ${px.caption}px`);
            if (px.meta !== null) assert.ok(px.meta >= 22, `${lang} sources ${px.meta}px`);
            if (px.note !== null) assert.ok(px.note >= 22, `${lang} note ${px.note}px`);
            if (px.label !== null) assert.ok(px.label >= 18, `${lang} map labels ${px.label}px`);
          }
          assert.deepEqual(await cutWithoutCue(page), [], `${lang}: text cut without a cue`);
          await page.screenshot({ path: join(outDir(), `legible-${kiosk ? 'kiosk' : 'page'}-${size}-${lang}.png`) });
        }
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });
  }
}

test('phone: the map keeps its height while playing (the caption band is reserved)', T(120000), async () => {
  const { page, problems, close } = await open('/?t=1979-01-05&hold_min=0.5&lead=0.1&wpm=3000&cpm=9000', { viewport: SIZES.phone });
  try {
    const until = await page.evaluate(() => window.timeslice.model.zone.parse('1979-01-13'));
    await page.evaluate(() => {
      const log = window.__h = [];
      const map = document.querySelector('#ts-map');
      new MutationObserver(() => log.push(map.getBoundingClientRect().height)).observe(document.querySelector('.ts-caption-body'), { childList: true, subtree: true });
      window.timeslice.play();
    });
    await page.waitForFunction((x) => window.timeslice.t >= x, until, { timeout: 100000, polling: 100 });
    const h = await page.evaluate(() => { window.timeslice.pause(); return window.__h; });
    assert.ok(h.length >= 4, `caption changes: ${h.length}`);
    assert.equal(new Set(h.map(Math.round)).size, 1, `map heights: ${[...new Set(h.map(Math.round))]}`);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('accessibility: play and the timeline early in Tab order; popup focus in and back; the live region speaks events only', T(120000), async () => {
  const { page, problems, close } = await open('/?t=1979-01-07T12:30&hold_min=1&lead=0.2&wpm=2000&cpm=6000', { viewport: SIZES.laptop, reducedMotion: 'reduce' });
  try {
    const order = [];
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.className || document.activeElement?.id || ''));
    }
    const iPlay = order.findIndex((c) => /ts-play/.test(c));
    const iTl = order.findIndex((c) => /ts-timeline/.test(c));
    assert.ok(iPlay >= 0 && iPlay < 10, `play is Tab stop ${iPlay}: ${order.join(' | ')}`);
    assert.ok(iTl >= 0 && iTl < 12, `the timeline is Tab stop ${iTl}`);
    // A marker's popup: focus goes in, Escape brings it back to the marker.
    const marker = page.locator('.ts-event').first();
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.leaflet-popup', { timeout: 4000 });
    await page.waitForFunction(() => document.activeElement?.closest('.leaflet-popup'), null, { timeout: 4000 });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.classList.contains('ts-event'), null, { timeout: 4000 });
    // The live region: a change per event, not per frame or date.
    const [a, b] = await page.evaluate(() => [window.timeslice.model.zone.parse('1979-01-05'), window.timeslice.model.zone.parse('1979-01-13')]);
    const expected = (await events(page)).filter((e) => e.from >= a && e.from < b).length;
    await page.evaluate((t0) => {
      window.__live = 0;
      for (const el of document.querySelectorAll('[aria-live]:not([aria-live="off"])')) {
        new MutationObserver(() => { window.__live++; }).observe(el, { childList: true, subtree: true, characterData: true });
      }
      window.timeslice.seek(t0);
    }, a);
    await page.evaluate(() => { window.__live = 0; window.timeslice.play(); });
    await page.waitForFunction((x) => window.timeslice.t >= x, b, { timeout: 100000, polling: 200 });
    const live = await page.evaluate(() => { window.timeslice.pause(); return window.__live; });
    assert.ok(live <= 2 * expected + 2, `live region changes: ${live} for ${expected} events`);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('labels: ink on a halo at 4.5:1 or more; one name per place (the dataset\'s wins)', T(60000), async () => {
  const { page, problems, close } = await open('/?t=1979-11-21&c=13.66,102.56&z=9', { viewport: SIZES.laptop });
  try {
    await page.waitForTimeout(300); // declutter runs after a short delay
    const l = await page.evaluate(() => {
      const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 3).map((x) => Number(x) / 255);
      const vis = (e) => e.offsetParent && getComputedStyle(e).visibility !== 'hidden';
      const pts = [...document.querySelectorAll('.leaflet-tooltip.ts-label-point')].filter(vis);
      const towns = [...document.querySelectorAll('.ts-town-label span')].filter(vis);
      const halo = (e) => { const m = getComputedStyle(e).textShadow.match(/rgba?\([^)]*\)/); return m ? rgb(m[0]) : null; };
      return {
        pts: pts.map((e) => ({ text: e.textContent.trim(), color: rgb(getComputedStyle(e).color), halo: halo(e) })),
        towns: towns.map((e) => ({ text: e.textContent.trim(), color: rgb(getComputedStyle(e).color), halo: halo(e) })),
      };
    });
    assert.ok(l.pts.length > 0, 'dataset labels shown');
    for (const x of [...l.pts, ...l.towns]) {
      assert.ok(x.halo, `${x.text} has a halo`);
      assert.ok(contrast(x.color, x.halo) >= 4.5, `${x.text}: ${contrast(x.color, x.halo).toFixed(2)}:1`);
    }
    const names = l.pts.map((x) => x.text);
    assert.ok(names.some((n) => /Poipet/.test(n)), `the dataset's Poipet is labelled: ${names}`);
    assert.ok(!l.towns.some((x) => /Paoy Paet/.test(x.text)), `no base map "Paoy Paet" beside it: ${l.towns.map((x) => x.text)}`);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('screenshots at key dates (static/test/out/legible-*.png), to be looked at', T(180000), async () => {
  const dates = ['1978-12-25', '1979-01-07T12:30', '1979-01-08T12:30', '1979-07-01', '1979-11-21', '1980-06-17T12:30'];
  for (const [size, viewport] of Object.entries(SIZES)) {
    for (const kiosk of size === 'desk' ? [true] : [false]) {
      const { page, problems, close } = await open(`/?t=1979-01-07${kiosk ? '&kiosk=1' : ''}`, { viewport });
      try {
        if (kiosk) await page.evaluate(() => window.timeslice.pause());
        for (const d of dates) {
          await page.evaluate((x) => window.timeslice.seek(x), d);
          await page.evaluate(() => window.timeslice.ready());
          await page.waitForFunction(() => !window.timeslice.camera.moving, null, { timeout: 8000 }).catch(() => {});
          await page.waitForTimeout(200);
          await page.screenshot({ path: join(outDir(), `legible-${size}${kiosk ? '-kiosk' : ''}-${d.replace(/[:T]/g, '')}.png`) });
        }
        // At an event: the camera on it, the rest dimmed.
        await page.evaluate(() => { window.timeslice.seek('1979-01-07T09:00'); document.querySelector('.ts-next').click(); });
        await page.waitForFunction(() => document.querySelector('#ts-map').classList.contains('ts-focusing'), null, { timeout: 8000 });
        await page.waitForFunction(() => !window.timeslice.camera.moving, null, { timeout: 8000 }).catch(() => {});
        await page.evaluate(() => window.timeslice.ready());
        await page.waitForTimeout(500);
        await page.screenshot({ path: join(outDir(), `legible-${size}${kiosk ? '-kiosk' : ''}-focus.png`) });
        assert.deepEqual(problems, []);
      } finally { await close(); }
    }
  }
});
