// Browser tests: a real headless Chromium against the real server (built
// from this checkout, started on a free loopback port, stopped after).
// Without Chromium they are skipped, with a message, unless CI is set:
// then they fail.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromiumOrSkip, vendored, buildServer, startServer, stopServer, freePort, launchBrowser, watch, waitReady, outDir, fontsUsed,
} from './lib/harness.mjs';
import { inGeometry, coordDiff } from './lib/geo.mjs';

let skip = chromiumOrSkip(); // throws under CI when Chromium is missing
if (!skip && !vendored()) {
  skip = 'static/www/vendor is missing: run `npm run vendor` first';
  if (process.env.CI) throw new Error(`${skip} — and CI is set, so this is a failure`);
}
if (skip) console.log(`# SKIP browser tests: ${skip}`);

const PHNOM_PENH = [104.916, 11.5625];
/** Test options: skipped (with the reason) when Chromium is missing. */
const T = (timeout) => (skip ? { skip, timeout } : { timeout });
let build, server, port;

before(async () => {
  if (skip) return;
  build = await buildServer();
  port = await freePort();
  server = await startServer(build.bin, port);
}, { timeout: 180000 });

after(async () => {
  await server?.stop();
  build?.cleanup();
});

async function open(path = '/', opts = {}) {
  const b = await launchBrowser(opts);
  const page = await b.context.newPage();
  const problems = watch(page);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.goto(server.base + path);
  await waitReady(page);
  return { page, problems, dialogs, close: b.close };
}

const dateText = (page) => page.textContent('.ts-date-text');
/** The date shown once it reads `text` (the page draws on the next
 * animation frame), or whatever it shows after a few seconds. */
async function waitDate(page, text) {
  await page.waitForFunction((x) => document.querySelector('.ts-date-text').textContent === x, text, { timeout: 4000 }).catch(() => {});
  return dateText(page);
}

test('the page loads with no console error and no failed request, and draws', T(60000), async () => {
  const { page, problems, close } = await open('/');
  try {
    await page.waitForTimeout(500);
    assert.deepEqual(problems, []);
    assert.equal(await dateText(page), '1 December 1978');
    const info = await page.evaluate(() => ({
      canvas: document.querySelectorAll('.leaflet-basemap-pane canvas').length,
      places: window.timeslice.drawn('places').features.length,
      ticks: document.querySelectorAll('.ts-tl-event').length,
      fonts: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
      firstView: window.timeslice.firstViewMs,
    }));
    assert.ok(info.canvas >= 1, 'the basemap is drawn on a canvas');
    assert.ok(info.places > 0, 'places are drawn');
    assert.ok(info.ticks > 0, 'event ticks on the timeline');
    assert.ok(info.fonts.some((f) => f.includes('Noto Sans')), `vendored fonts loaded: ${info.fonts}`);
    assert.ok(info.firstView > 0);
    // Every glyph on the page comes from the vendored fonts, none from the system.
    const fonts = await fontsUsed(page);
    assert.ok(fonts.length > 50, `fonts of ${fonts.length} text runs`);
    const system = fonts.filter((f) => !f.isCustomFont);
    assert.deepEqual(system.map((f) => `${f.familyName}: ${f.el}`), [], 'text drawn with a system font');
    const file = join(outDir(), 'test-desktop.png');
    await page.screenshot({ path: file });
    assert.ok(statSync(file).size > 10000, 'the screenshot is not empty');
  } finally { await close(); }
});

test('play advances the date and changes what is drawn', T(60000), async () => {
  // Play holds at each event for its reading time (issue 12): a near-zero
  // hold here, to measure the speed between events.
  const { page, problems, close } = await open('/?t=1978-12-24&speed=week&hold_min=0.01&hold_max=0.01&lead=0');
  try {
    const before = await page.evaluate(() => ({
      t: window.timeslice.t, adv: JSON.stringify(window.timeslice.drawn('advances')),
    }));
    const d0 = await dateText(page);
    await page.click('.ts-play');
    await page.waitForTimeout(2500);
    const afterPlay = await page.evaluate(() => ({
      t: window.timeslice.t, adv: JSON.stringify(window.timeslice.drawn('advances')), playing: window.timeslice.playing,
    }));
    assert.equal(afterPlay.playing, true);
    assert.ok(afterPlay.t - before.t > 5 * 86400e3, `two and a half seconds at a week per second: ${(afterPlay.t - before.t) / 86400e3} days`);
    assert.notEqual(await dateText(page), d0, 'the date shown changed');
    assert.notEqual(afterPlay.adv, before.adv, 'the advances drawn changed');
    await page.click('.ts-play');
    assert.equal(await page.evaluate(() => window.timeslice.playing), false);
    // Scrubbing back is instant: every window is cached. The only requests
    // are prefetches of windows wholly behind the playhead.
    const fetchedWindows = [];
    page.on('request', (r) => {
      const dt = new URL(r.url()).searchParams.get('datetime');
      if (dt && dt.includes('/')) fetchedWindows.push(dt);
    });
    const back = await page.evaluate(async (t0) => {
      const ts = window.timeslice;
      const before = ts.stats().api.requests;
      const layers = ['zones', 'control', 'advances', 'perimeter', 'flows', 'camps', 'places'];
      const complete = [];
      for (let t = ts.t; t >= t0; t -= 86400e3) {
        ts.seek(t);
        complete.push(layers.every((id) => ts.slice(id, t).complete));
      }
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return { allComplete: complete.every(Boolean), steps: complete.length, fetched: ts.stats().api.requests - before };
    }, before.t);
    assert.ok(back.steps > 5);
    assert.ok(back.allComplete, 'every slice on the way back is computed from cached windows');
    for (const dt of fetchedWindows) {
      assert.ok(Date.parse(dt.split('/')[1]) <= before.t, `only windows behind the playhead are fetched (prefetch): ${dt}`);
    }
    assert.equal(back.fetched, fetchedWindows.length);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('scrubbing to 8 January 1979 shows Phnom Penh inside the control layer', T(60000), async () => {
  const { page, problems, close } = await open('/?t=1978-12-01');
  try {
    // Drag the thumb along the timeline to about 8 January 1979 …
    const box = await page.locator('#ts-timeline .ts-tl-track').boundingBox();
    const { min, max } = await page.evaluate(() => ({ min: window.timeslice.model.timeline.start, max: window.timeslice.model.timeline.end }));
    const target = Date.parse('1979-01-08T00:00:00+07:00');
    const x = box.x + ((target - min) / (max - min)) * box.width;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 2, y);
    await page.mouse.down();
    await page.mouse.move((box.x + x) / 2, y, { steps: 5 });
    await page.mouse.move(x, y, { steps: 5 });
    await page.mouse.up();
    // … then to the day exactly with the arrow keys (a pixel is about a day).
    for (let i = 0; i < 5 && (await waitDate(page, '8 January 1979')) !== '8 January 1979'; i++) {
      const t = await page.evaluate(() => window.timeslice.t);
      await page.keyboard.press(t < target ? 'ArrowRight' : 'ArrowLeft');
    }
    assert.equal(await waitDate(page, '8 January 1979'), '8 January 1979');
    await page.evaluate(() => window.timeslice.ready());
    await page.waitForTimeout(300);
    const control = await page.evaluate(() => window.timeslice.drawn('control'));
    assert.ok(control.features.length > 0, 'the control layer draws something on 8 January 1979 (is data/dataset/control.geojson there?)');
    assert.ok(control.features.some((f) => inGeometry(PHNOM_PENH, f.geometry)), 'Phnom Penh lies inside the drawn control area');
    // The SVG on screen agrees: at Phnom Penh's pixel there is a control path.
    const hit = await page.evaluate(([lon, lat]) => {
      const { map } = window.timeslice;
      const p = map.latLngToContainerPoint([lat, lon]);
      const r = map.getContainer().getBoundingClientRect();
      return document.elementsFromPoint(r.left + p.x, r.top + p.y).some((el) => el.classList?.contains('ts-layer-control'));
    }, PHNOM_PENH);
    assert.ok(hit, 'a control path is drawn under Phnom Penh');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('the page interpolates as the server does (sampled instants)', T(90000), async () => {
  const { page, problems, close } = await open('/?t=1978-12-01');
  try {
    const report = await page.evaluate(async () => {
      const ts = window.timeslice;
      const layers = ['control', 'advances', 'flows', 'camps', 'perimeter', 'zones'];
      const instants = [
        '1978-12-25T06:00:00+07:00', '1979-01-02T13:30:00+07:00', '1979-01-07T18:00:00+07:00',
        '1979-01-12T00:00:00+07:00', '1979-01-20T09:15:00+07:00', '1979-02-11T00:00:00+07:00',
        '1979-06-10T12:00:00+07:00', '1979-10-15T00:00:00+07:00', '1980-01-15T00:00:00+07:00', '1980-06-20T00:00:00+07:00',
      ];
      const out = [];
      for (const iso of instants) {
        await ts.ready(iso);
        for (const layer of layers) {
          // ready() covers the visible layers; make sure of this one too.
          for (let k = 0; k < 4 && !ts.slice(layer, iso).complete; k++) await new Promise((r) => setTimeout(r, 100));
          const mine = ts.slice(layer, iso);
          const res = await fetch(`/collections/${layer}/items?datetime=${encodeURIComponent(iso)}&limit=10000`);
          const theirs = await res.json();
          out.push({ iso, layer, complete: mine.complete, mine: mine.features, theirs: theirs.features });
        }
      }
      return out;
    });
    let compared = 0, moving = 0;
    for (const r of report) {
      const where = `${r.layer} at ${r.iso}`;
      assert.ok(r.complete, `${where}: the page had every window it needed`);
      assert.deepEqual(r.mine.map((f) => f.id).sort(), r.theirs.map((f) => f.id).sort(), `${where}: same features`);
      const byId = new Map(r.theirs.map((f) => [f.id, f]));
      for (const f of r.mine) {
        const s = byId.get(f.id);
        assert.equal(f.geometry.type, s.geometry.type, `${where} ${f.id}: geometry type`);
        const d = coordDiff(f.geometry.coordinates, s.geometry.coordinates);
        assert.ok(d <= 1.000001e-6, `${where} ${f.id}: coordinates differ by ${d}`);
        for (const k of ['people', 'population']) {
          if (k in s.properties) assert.equal(f.properties[k], s.properties[k], `${where} ${f.id}: ${k}`);
        }
        if (f.properties.interpolate === 'linear') moving++;
        compared++;
      }
    }
    assert.ok(compared > 20, `compared ${compared} features`);
    assert.ok(moving > 5, `of which ${moving} on linear tracks`);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('every date of the timeline draws, without an error', T(90000), async () => {
  const { page, problems, close } = await open('/?t=1978-12-01');
  try {
    const r = await page.evaluate(async () => {
      const ts = window.timeslice;
      const layers = ['zones', 'control', 'advances', 'perimeter', 'flows', 'camps', 'events', 'places'];
      const incomplete = [];
      let drawnMax = 0, steps = 0;
      const { start, end } = ts.model.timeline; // the prologue included
      for (let t = start; t <= end; t += 5 * 86400e3) {
        ts.seek(t);
        await ts.ready(t);
        await new Promise((res) => requestAnimationFrame(() => res()));
        for (const id of layers) if (!ts.slice(id, t).complete) incomplete.push(`${id}@${new Date(t).toISOString()}`);
        drawnMax = Math.max(drawnMax, layers.reduce((n, id) => n + ts.drawn(id).features.length, 0));
        steps++;
      }
      return { incomplete, drawnMax, steps };
    });
    assert.ok(r.steps > 140);
    assert.deepEqual(r.incomplete, []);
    assert.ok(r.drawnMax > 20);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('the language switch shows Khmer, with the vendored Khmer font', T(60000), async () => {
  const { page, problems, close } = await open('/?t=1979-01-08');
  try {
    await page.click('.ts-lang button[data-lang="km"]');
    await page.waitForFunction(() => document.documentElement.lang === 'km');
    assert.equal(await waitDate(page, '៨ មករា ១៩៧៩'), '៨ មករា ១៩៧៩');
    assert.match(await page.textContent('.ts-play'), /^\s*$/); // icons only …
    assert.equal(await page.getAttribute('.ts-play', 'aria-label'), 'ចាក់'); // … labelled in Khmer
    assert.match(await page.textContent('.ts-layer-list'), /[\u1780-\u17FF]/);
    assert.match(await page.textContent('.ts-caption'), /[\u1780-\u17FF]/);
    await page.evaluate(() => document.fonts.ready);
    const font = await page.evaluate(() => ({
      loaded: [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Noto Sans Khmer' && f.status === 'loaded'),
      check: document.fonts.check('16px "Noto Sans Khmer"', 'កម្ពុជា'),
    }));
    assert.ok(font.loaded, 'Noto Sans Khmer was loaded from /static/vendor');
    const used = await fontsUsed(page);
    assert.ok(used.some((f) => f.familyName === 'Noto Sans Khmer' && f.isCustomFont && f.glyphCount > 100), 'Khmer text drawn with the vendored font');
    assert.deepEqual(used.filter((f) => !f.isCustomFont).map((f) => `${f.familyName}: ${f.el}`), [], 'text drawn with a system font');
    assert.ok(font.check);
    assert.match(page.url(), /lang=km/);
    await page.screenshot({ path: join(outDir(), 'test-khmer.png') });
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('the URL holds date, view and layers; a reload restores them', T(60000), async () => {
  const { page, problems, close } = await open('/?t=1979-01-08');
  try {
    await page.uncheck('.ts-layer-list input[data-layer="camps"]');
    await page.evaluate(() => { window.timeslice.map.setView([11.56, 104.92], 9, { animate: false }); });
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(800);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('t'), '1979-01-09');
    assert.equal(url.searchParams.get('z'), '9');
    assert.ok(!url.searchParams.get('layers').split(',').includes('camps'));
    await page.evaluate(() => document.fonts.ready); // a reload would abort a font still loading
    await page.reload();
    await waitReady(page);
    assert.equal(await waitDate(page, '9 January 1979'), '9 January 1979');
    assert.equal(await page.isChecked('.ts-layer-list input[data-layer="camps"]'), false);
    assert.equal(await page.evaluate(() => window.timeslice.map.getZoom()), 9);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('every drawn feature is reachable from the "on the map" list, and opens its popup', T(60000), async () => {
  const { page, problems, close } = await open('/?t=1979-01-08');
  try {
    await page.click('.ts-now summary');
    await page.waitForSelector('.ts-now-list button[data-id]');
    const n = await page.locator('.ts-now-list button[data-id]').count();
    const drawn = await page.evaluate(() => ['events', 'advances', 'control', 'perimeter', 'flows', 'camps', 'zones', 'places']
      .reduce((k, id) => k + window.timeslice.drawn(id).features.length, 0));
    assert.equal(n, drawn);
    await page.locator('.ts-now-list button[data-layer="control"]').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.leaflet-popup .ts-feature[data-layer="control"]');
    const text = await page.textContent('.leaflet-popup');
    assert.match(text, /Sources/);
    assert.match(text, /Certainty/);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('keys: Home, End, Page Down (next event), arrows, space', T(60000), async () => {
  const { page, problems, close } = await open('/?t=1979-01-08');
  try {
    await page.locator('#ts-timeline').focus();
    await page.keyboard.press('End');
    assert.equal(await waitDate(page, '31 December 1980'), '31 December 1980');
    await page.keyboard.press('Home');
    assert.equal(await waitDate(page, '1 April 1978'), '1 April 1978', 'Home: the start of the timeline (the prologue)');
    await page.keyboard.press('PageDown');
    const first = await page.evaluate(() => window.timeslice.t);
    const firstEvent = await page.evaluate(async () => {
      const tl = await (await fetch('/timeline')).json();
      const start = window.timeslice.model.timeline.start;
      return tl.events.map((e) => Date.parse(e.properties.valid_from)).filter((t) => t > start).sort((a, b) => a - b)[0];
    });
    assert.equal(first, firstEvent, 'Page Down goes to the first event');
    await page.keyboard.press('Shift+ArrowRight');
    assert.ok((await page.evaluate(() => window.timeslice.t)) > first + 27 * 86400e3);
    await page.keyboard.press('Space');
    assert.equal(await page.evaluate(() => window.timeslice.playing), true);
    await page.keyboard.press('Space');
    assert.equal(await page.evaluate(() => window.timeslice.playing), false);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('on a phone (375×667) everything fits', T(60000), async () => {
  const { page, problems, close } = await open('/?t=1979-01-08', { viewport: { width: 375, height: 667 } });
  try {
    const m = await page.evaluate(() => {
      const r = (s) => document.querySelector(s).getBoundingClientRect();
      return { sw: document.documentElement.scrollWidth, play: r('.ts-play'), map: r('#ts-map'), tl: r('#ts-timeline') };
    });
    assert.ok(m.sw <= 375, `no sideways scrolling (${m.sw})`);
    assert.ok(m.play.bottom <= 667 && m.play.top >= 0, 'the play button is on screen');
    assert.ok(m.map.height > 250, `the map is big enough (${m.map.height})`);
    assert.ok(m.tl.right <= 375);
    await page.click('.ts-panel-toggle');
    assert.ok(await page.isVisible('.ts-layer-list'));
    await page.screenshot({ path: join(outDir(), 'test-phone.png') });
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('reduced motion: no moving dashes', T(60000), async () => {
  const { page, close } = await open('/?t=1979-06-10', { reducedMotion: 'reduce' });
  try {
    const anim = await page.evaluate(() => {
      const p = document.querySelector('path.ts-moving');
      return p ? getComputedStyle(p).animationName : 'no flow drawn';
    });
    assert.equal(anim, 'none');
  } finally { await close(); }
});

test('kiosk: autoplay, survives the server restarting, idle reset', T(120000), async () => {
  // The page's own retries, without the service worker (which would answer
  // from its cache: static/test/kiosk.test.mjs tests that).
  const { page, dialogs, close } = await open('/?kiosk=1&idle=3', { serviceWorkers: 'block' });
  try {
    assert.ok(await page.evaluate(() => document.body.classList.contains('ts-kiosk')));
    const t0 = await page.evaluate(() => window.timeslice.t);
    assert.equal(t0, await page.evaluate(() => window.timeslice.model.timeline.start), 'the tour starts at the start of the timeline');
    assert.equal(await page.evaluate(() => window.timeslice.card), 'intro', 'each loop opens on the title card');
    assert.equal(await page.isVisible('.ts-card'), true);
    await page.waitForFunction((x) => window.timeslice.t > x, t0, { timeout: 20000 });
    assert.equal(await page.evaluate(() => window.timeslice.card), null, 'the title card goes when the tour moves on');

    // The server dies. The page forgets its cache, so it must ask again.
    await stopServer(server.proc, 'SIGKILL');
    await page.evaluate(() => { window.timeslice.dropCache(); window.timeslice.seek('1979-06-10'); });
    await page.waitForTimeout(3000);
    const down = await page.evaluate(() => ({
      t: window.timeslice.t, stats: window.timeslice.stats(),
      status: document.querySelector('.ts-status').hidden ? '' : document.querySelector('.ts-status').textContent,
      drawn: ['places', 'advances', 'perimeter'].reduce((n, id) => n + window.timeslice.drawn(id).features.length, 0),
      body: document.body.innerText.length,
    }));
    assert.equal(down.stats.online, false, 'the page knows the server is away');
    assert.match(down.status, /retrying/);
    assert.ok(down.drawn > 0, 'it keeps showing what it has');
    assert.ok(down.body > 100, 'never a blank page');
    await page.waitForTimeout(500);
    assert.ok((await page.evaluate(() => window.timeslice.t)) > down.t, 'the clock keeps running');

    // The server comes back on the same port.
    server = await startServer(build.bin, port);
    await page.waitForFunction(() => window.timeslice.stats().online, null, { timeout: 20000 });
    await page.evaluate(() => window.timeslice.ready());
    const up = await page.evaluate(() => ({ stats: window.timeslice.stats(), complete: window.timeslice.slice('places', window.timeslice.t).complete }));
    assert.ok(up.stats.data.windowsLoaded > down.stats.data.windowsLoaded, 'windows load again');
    assert.ok(up.complete);
    assert.equal(await page.isHidden('.ts-status'), true, 'the status line goes away');

    // A visitor touches the map: the tour stops; after idle seconds it resumes.
    await page.mouse.click(300, 300);
    assert.equal(await page.evaluate(() => window.timeslice.playing), false, 'a touch pauses the tour');
    const touched = await page.evaluate(() => window.timeslice.t);
    await page.waitForFunction(() => window.timeslice.playing, null, { timeout: 10000 });
    const tr = await page.evaluate(() => window.timeslice.t);
    assert.ok(tr >= touched, 'the tour resumes where it stands, not from the beginning');
    assert.deepEqual(dialogs, [], 'never an alert');
    await page.screenshot({ path: join(outDir(), 'test-kiosk.png') });
  } finally { await close(); }
});

// --- built from the manifest (issues 8 and 9) -------------------------------------

/** The manifest as the server serves it. */
async function manifest(page) {
  return page.evaluate(async () => (await fetch('/dataset')).json());
}

test('the title, the languages and the legend come from the manifest, in every language', T(60000), async () => {
  const { page, problems, close } = await open('/?t=1979-01-08');
  try {
    const m = await manifest(page);
    assert.deepEqual(await page.$$eval('.ts-lang button', (bs) => bs.map((b) => b.dataset.lang)), m.languages);
    for (const lang of m.languages) {
      await page.evaluate((l) => window.timeslice.setLanguage(l), lang);
      const got = await page.evaluate(() => ({
        title: document.querySelector('.ts-title-long').textContent,
        doc: document.title,
        subtitle: document.querySelector('.ts-subtitle').textContent,
        legend: [...document.querySelectorAll('.ts-layer-list > li[data-layer]')].map((li) => [li.dataset.layer, li.querySelector('label').textContent.trim()]),
        chapters: [...document.querySelectorAll('.ts-chapter')].map((b) => b.textContent),
      }));
      const tx = (v) => v[lang] || v[m.default_language];
      assert.equal(got.title, tx(m.title), `${lang}: title`);
      assert.ok(got.doc.startsWith(tx(m.title)), `${lang}: document title`);
      assert.equal(got.subtitle, tx(m.subtitle), `${lang}: subtitle`);
      assert.deepEqual(got.legend, m.layers.map((l) => [l.id, tx(l.title)]), `${lang}: the legend lists the manifest's layers, in its order, with its titles`);
      assert.deepEqual(got.chapters, m.chapters.map((c) => tx(c.title)), `${lang}: chapters`);
      const keys = await page.$$eval('.ts-legend-extra', (els) => els.map((e) => e.textContent).join(' '));
      assert.doesNotMatch(keys, /undefined|NaN|legend\./, `${lang}: legend keys`);
    }
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

/** The visible text of the open popup. */
const popupText = (page) => page.$eval('.leaflet-popup-content', (el) => el.innerText);
const RAW_KEY = /\b(legend|feature|layer|certainty|card|player|panel|basemap|status)\.[a-zA-Z]/;

test('a popup of every layer in every language: no raw key, no undefined, no NaN, no count of 0', T(120000), async () => {
  const { page, problems, close } = await open('/?t=1979-01-08');
  try {
    const m = await manifest(page);
    await page.evaluate(() => window.timeslice.closeCard());
    let opened = 0;
    for (const layer of m.layers) {
      // A date at which the layer has something: its first keyframe's start
      // (an hour in), within the timeline.
      const at = await page.evaluate(async (id) => {
        const ts = window.timeslice;
        const fc = await (await fetch(`/collections/${id}/items?limit=10000`)).json();
        const starts = fc.features.map((f) => Date.parse(f.properties.valid_from))
          .filter((t) => t >= ts.model.timeline.start && t < ts.model.timeline.end).sort((a, b) => a - b);
        return starts.length ? starts[Math.floor(starts.length / 2)] + 3600e3 : null;
      }, layer.id);
      assert.ok(at, `${layer.id} has features inside the timeline`);
      await page.evaluate(async (t) => { window.timeslice.seek(t); await window.timeslice.ready(t); }, at);
      await page.waitForFunction((id) => window.timeslice.drawn(id).features.length > 0, layer.id, { timeout: 10000 });
      for (const lang of m.languages) {
        await page.evaluate((l) => window.timeslice.setLanguage(l), lang);
        await page.waitForFunction((id) => window.timeslice.drawn(id).features.length > 0, layer.id, { timeout: 10000 });
        const fid = await page.evaluate((id) => window.timeslice.drawn(id).features[0].id, layer.id);
        assert.ok(await page.evaluate(([id, f]) => window.timeslice.openPopup(id, f), [layer.id, fid]), `${layer.id}/${fid} opens`);
        await page.waitForSelector(`.leaflet-popup .ts-feature[data-layer="${layer.id}"]`);
        const text = await popupText(page);
        const where = `${layer.id}/${fid} in ${lang}`;
        assert.doesNotMatch(text, RAW_KEY, `${where}: a raw message key\n${text}`);
        assert.doesNotMatch(text, /\bundefined\b|\bNaN\b|\[object Object\]/, `${where}\n${text}`);
        assert.doesNotMatch(text, /(about|environ|ប្រហែល)\s+[0០](?![0-9០-៩.,\u202f])/, `${where}: a count of 0\n${text}`);
        assert.doesNotMatch(text, /sans date de fin/, where);
        const title = layer.title[lang] || layer.title[m.default_language];
        assert.ok(text.toLowerCase().includes(title.toLowerCase()), `${where}: the layer's title from the manifest\n${title}\n${text}`);
        await page.evaluate(() => { window.timeslice.map.closePopup(); });
        // The next popup must not be read from this one while it fades out.
        await page.waitForFunction(() => !document.querySelector('.leaflet-popup'), null, { timeout: 5000 });
        opened++;
      }
    }
    assert.equal(opened, m.layers.length * m.languages.length);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('the introduction shows on first view, is dismissed, stays dismissed, and comes back from the header', T(60000), async () => {
  const { page, problems, close } = await open('/');
  try {
    const m = await manifest(page);
    assert.equal(await page.evaluate(() => window.timeslice.card), 'intro');
    assert.equal(await page.isVisible('.ts-card'), true);
    const title = m.cards?.intro?.title?.en || m.title.en;
    assert.equal(await page.textContent('.ts-card-title'), title);
    await page.click('.ts-card-close');
    assert.equal(await page.isVisible('.ts-card'), false);
    assert.equal(await page.evaluate(() => window.timeslice.card), null);
    await page.reload();
    await waitReady(page);
    assert.equal(await page.isVisible('.ts-card'), false, 'a second visit starts on the map');
    await page.click('.ts-intro-btn');
    assert.equal(await page.isVisible('.ts-card'), true);
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'ts-card-close', 'focus moves into the card');
    await page.click('.ts-lang button[data-lang="fr"]');
    assert.equal(await page.textContent('.ts-card-title'), m.cards?.intro?.title?.fr || m.title.fr, 'the card follows the language');
    await page.keyboard.press('Escape');
    assert.equal(await page.isVisible('.ts-card'), false, 'Escape closes it');
    const epilogue = m.cards?.epilogue;
    const hasEpilogue = !!epilogue && (Object.values(epilogue.title || {}).some((x) => x) || (epilogue.sections || []).length > 0);
    assert.equal(await page.isVisible('.ts-epilogue-btn'), hasEpilogue, 'the epilogue button is there when the dataset has an epilogue');
    if (hasEpilogue) {
      await page.click('.ts-epilogue-btn');
      assert.equal(await page.evaluate(() => window.timeslice.card), 'epilogue');
    }
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('chapters on the timeline: each one jumps to its start, and the date shows it', T(60000), async () => {
  const { page, problems, close } = await open('/?t=1979-06-01');
  try {
    await page.evaluate(() => window.timeslice.closeCard());
    const chapters = await page.evaluate(() => window.timeslice.model.chapters.map((c) => ({ id: c.id, start: c.start, title: c.title.en })));
    assert.ok(chapters.length > 0, 'the dataset has chapters');
    assert.equal(await page.locator('.ts-chapter').count(), chapters.length);
    for (const c of chapters) {
      await page.click(`.ts-chapter[data-chapter="${c.id}"]`);
      await page.waitForFunction((x) => window.timeslice.t === x, Math.max(c.start, await page.evaluate(() => window.timeslice.model.timeline.start)), { timeout: 4000 });
      await page.waitForFunction((x) => document.querySelector('.ts-date-chapter').textContent === x, c.title, { timeout: 4000 });
      assert.equal(await page.getAttribute(`.ts-chapter[data-chapter="${c.id}"]`, 'class'), 'ts-chapter is-current');
    }
    // The prologue is reachable: the timeline starts before the window.
    const m = await page.evaluate(() => ({ tl: window.timeslice.model.timeline.start, w: window.timeslice.model.window.start }));
    assert.ok(m.tl < m.w, 'the timeline reaches back before the default window');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('cards with sources: citations from the bibliography; the epilogue closes the timeline', T(90000), async () => {
  // The repository's cards are still empty: serve its manifest with the
  // synthetic dataset's cards, and that dataset's bibliography.
  const fixture = (f) => JSON.parse(readFileSync(new URL(`./fixtures/flood/${f}`, import.meta.url), 'utf8'));
  const cards = fixture('dataset.json').cards;
  const b = await launchBrowser();
  const page = await b.context.newPage();
  const problems = watch(page);
  let bibliographyAsked = 0;
  try {
    await page.route('**/dataset', async (route) => {
      const res = await route.fetch();
      const m = await res.json();
      await route.fulfill({ response: res, json: { ...m, cards } });
    });
    await page.route('**/dataset/bibliography', (route) => { bibliographyAsked++; return route.fulfill({ json: fixture('bibliography.json') }); });
    await page.goto(`${server.base}/?t=1980-12-25&speed=day`);
    await waitReady(page);
    await page.waitForFunction(() => document.querySelector('.ts-card-body')?.textContent.includes('Erika Muster'), null, { timeout: 10000 });
    const intro = await page.evaluate(() => ({
      text: document.querySelector('.ts-card-body').innerText,
      links: [...document.querySelectorAll('.ts-card-body a')].map((a) => a.href),
    }));
    assert.equal(bibliographyAsked, 1);
    assert.match(intro.text, /What this is about/);
    assert.match(intro.text, /Second paragraph\./);
    assert.match(intro.text, /Erika Muster, “Wasser in der Stadt”, Zeitschrift für Flüsse 3\(2\), 2001, pp\. 12-14/);
    assert.match(intro.text, /missing1999, 3/, 'a key the bibliography lacks still shows');
    assert.deepEqual(intro.links, ['https://example.org/bericht'], 'a link only where the work has a URL');
    await page.click('.ts-card-close');
    assert.equal(await page.isVisible('.ts-epilogue-btn'), true);
    // Play to the end of the timeline: the epilogue opens.
    await page.evaluate(() => { const ts = window.timeslice; ts.seek(ts.model.timeline.end - 2 * 86400e3); ts.play(); });
    await page.waitForFunction(() => window.timeslice.card === 'epilogue', null, { timeout: 15000 });
    assert.match(await page.textContent('.ts-card-body'), /Afterwards/);
    assert.equal(await page.evaluate(() => window.timeslice.playing), false);
    assert.deepEqual(problems, []);
  } finally { await b.close(); }
});
