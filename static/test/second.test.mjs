// Browser tests of the second dataset (issue 9, item 6): the real server
// started with `serve --data data/testdata/second` (French first, then
// English, Europe/Paris, layers secteurs/routes/depots, events jalons) and
// the page in a real headless Chromium. What the page should show is read
// from the dataset's files on disk, not from the server, so a server that
// ignored --data or a page that ignored /dataset both fail here.
// Without Chromium the tests are skipped, with a message, unless CI is set.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, chromiumOrSkip, vendored, buildServer, startServer, freePort, launchBrowser, watch, waitReady,
} from './lib/harness.mjs';

let skip = chromiumOrSkip(); // throws under CI when Chromium is missing
if (!skip && !vendored()) {
  skip = 'static/www/vendor is missing: run `npm run vendor` first';
  if (process.env.CI) throw new Error(`${skip} — and CI is set, so this is a failure`);
}
if (skip) console.log(`# SKIP second-dataset browser tests: ${skip}`);

const DIR = 'data/testdata/second';
const M = JSON.parse(readFileSync(join(ROOT, DIR, 'dataset.json'), 'utf8'));
/** Text of the flagship dataset that must not leak into another one. */
const FLAGSHIP = /Cambod|Kampuch|Khmer|Phnom|Vietnam|Viet Nam|កម្ពុជា|ភ្នំពេញ|\b19[78]\d\b/i;

const T = (timeout) => (skip ? { skip, timeout } : { timeout });
let build, server;

before(async () => {
  if (skip) return;
  build = await buildServer();
  server = await startServer(build.bin, await freePort(), { args: ['--data', DIR] });
}, { timeout: 180000 });

after(async () => {
  await server?.stop();
  build?.cleanup();
});

/** Opens the page; `offsite` collects every request (page or worker) that
 * goes anywhere but the test server on 127.0.0.1. */
async function open(path = '/') {
  const b = await launchBrowser();
  const offsite = [];
  b.context.on('request', (r) => {
    const u = new URL(r.url());
    if ((u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') && u.hostname !== '127.0.0.1') offsite.push(r.url());
  });
  const page = await b.context.newPage();
  const problems = watch(page);
  await page.goto(server.base + path);
  await waitReady(page);
  return { page, problems, offsite, close: b.close };
}

/** What the page shows of the dataset now. */
const shown = (page) => page.evaluate(() => ({
  lang: document.documentElement.lang,
  doc: document.title,
  title: document.querySelector('.ts-title-long').textContent,
  subtitle: document.querySelector('.ts-subtitle').textContent,
  languages: [...document.querySelectorAll('.ts-lang button')].map((b) => b.dataset.lang),
  legend: [...document.querySelectorAll('.ts-layer-list > li[data-layer]')].map((li) => [li.dataset.layer, li.querySelector('label').textContent.trim()]),
  chapters: [...document.querySelectorAll('.ts-chapter')].map((b) => b.textContent),
  // All the page's text, hidden or not, but the basemap's: its town labels,
  // its layer list and its credits come from the embedded basemap, not
  // from the dataset (see the todo test at the end).
  text: (() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll('.ts-town-label, .ts-basemap-legend, .ts-credits').forEach((el) => el.remove());
    return `${document.title}\n${body.textContent}`;
  })(),
  whole: `${document.title}\n${document.body.innerText}\n${document.body.textContent}`,
}));

test('second dataset: title, header, languages and legend come from its manifest, French first then English', T(60000), async () => {
  const { page, problems, offsite, close } = await open('/');
  try {
    assert.equal(M.default_language, 'fr');
    let got = await shown(page);
    assert.deepEqual(got.languages, ['fr', 'en'], 'the switcher offers the dataset\'s two languages, in its order');
    assert.equal(got.lang, 'fr', 'the page opens in the default language');
    assert.equal(got.title, M.title.fr, 'header title');
    assert.ok(got.doc.startsWith(M.title.fr), `document title: ${got.doc}`);
    assert.equal(got.subtitle, M.subtitle.fr, 'subtitle');
    assert.deepEqual(got.legend, M.layers.map((l) => [l.id, l.title.fr]), 'legend: the manifest\'s layers, in its order');
    for (const t of ['Secteurs', 'Routes', 'Dépôts']) assert.ok(got.legend.some(([, x]) => x === t), `legend lists ${t}`);
    assert.deepEqual(got.chapters, M.chapters.map((c) => c.title.fr), 'chapters');
    assert.doesNotMatch(got.text, FLAGSHIP, 'no text of the flagship dataset on the page, basemap aside (fr)');

    await page.click('.ts-lang button[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    got = await shown(page);
    assert.equal(got.title, M.title.en, 'header title in English');
    assert.ok(got.doc.startsWith(M.title.en), `document title in English: ${got.doc}`);
    assert.ok(!got.doc.startsWith(M.title.fr), 'the French title is gone');
    assert.equal(got.subtitle, M.subtitle.en);
    assert.deepEqual(got.legend, M.layers.map((l) => [l.id, l.title.en]), 'legend in English');
    assert.deepEqual(got.chapters, M.chapters.map((c) => c.title.en), 'chapters in English');
    assert.doesNotMatch(got.text, FLAGSHIP, 'no text of the flagship dataset on the page, basemap aside (en)');
    assert.match(page.url(), /lang=en/);

    assert.deepEqual(problems, []);
    assert.deepEqual(offsite, [], 'no request leaves 127.0.0.1');
  } finally { await close(); }
});

test('second dataset: the timeline spans its window, in Paris time, with its events and months', T(60000), async () => {
  const { page, problems, offsite, close } = await open('/');
  try {
    const tl = await page.evaluate(() => {
      const el = document.querySelector('#ts-timeline');
      return {
        min: Number(el.getAttribute('aria-valuemin')),
        max: Number(el.getAttribute('aria-valuemax')),
        t: window.timeslice.t,
        speed: window.timeslice.speed,
        date: document.querySelector('.ts-date-text').textContent,
        months: [...document.querySelectorAll('.ts-tl-month')].map((m) => m.textContent),
        events: document.querySelectorAll('.ts-tl-event').length,
      };
    });
    const ms = (s) => Date.parse(s);
    assert.equal(tl.min, ms(M.timeline.start), 'the timeline starts where the manifest says (15 March 2021, Paris)');
    assert.equal(tl.max, ms(M.timeline.end), 'the timeline ends where the manifest says (15 April 2021, Paris)');
    assert.ok(tl.min <= ms(M.window.start) && ms(M.window.end) <= tl.max, 'the window lies on the timeline');
    assert.equal(tl.t, ms(M.window.start), 'the page opens at the start of the window (midnight in Paris)');
    assert.equal(tl.speed, M.window.speed);
    assert.equal(tl.date, '20 mars 2021', 'the date is shown in French, in Paris time');
    assert.deepEqual(tl.months, ['avr.'], 'one month start (1 April) between 15 March and 15 April, in French');
    const jalons = JSON.parse(readFileSync(join(ROOT, DIR, `${M.events_layer}.geojson`), 'utf8'));
    assert.equal(tl.events, jalons.features.length, 'one tick per milestone');
    assert.deepEqual(problems, []);
    assert.deepEqual(offsite, [], 'no request leaves 127.0.0.1');
  } finally { await close(); }
});

/** The linear track r1 of `routes`: its drawn geometry and the SVG paths
 * drawn in the layer's pane. */
const routes = (page) => page.evaluate(() => {
  const r1 = window.timeslice.drawn('routes').features.find((f) => f.properties.track === 'r1');
  return {
    t: window.timeslice.t,
    date: document.querySelector('.ts-date-text').textContent,
    r1: r1 ? JSON.stringify(r1.geometry.coordinates) : null,
    svg: [...document.querySelectorAll('.leaflet-ts-h-routes-pane svg path')].map((p) => p.getAttribute('d')).filter(Boolean).sort(),
  };
});

test('second dataset: playback advances the date and moves the linear track (SVG path changes)', T(60000), async () => {
  const { page, problems, offsite, close } = await open('/?t=2021-03-22&speed=day');
  try {
    const a = await routes(page);
    assert.equal(a.date, '22 mars 2021');
    assert.ok(a.r1, 'track r1 is drawn on 22 March');
    assert.ok(a.svg.length > 0, 'routes are drawn as SVG paths');
    await page.click('.ts-play');
    // A day per second: wait for two days of play, then pause.
    await page.waitForFunction((t0) => window.timeslice.t >= t0 + 2 * 86400e3, a.t, { timeout: 15000 });
    await page.click('.ts-play');
    assert.equal(await page.evaluate(() => window.timeslice.playing), false);
    // The last frame is drawn on the next animation frame.
    await page.waitForFunction((svg0) => {
      const now = [...document.querySelectorAll('.leaflet-ts-h-routes-pane svg path')].map((p) => p.getAttribute('d')).filter(Boolean).sort();
      return JSON.stringify(now) !== JSON.stringify(svg0);
    }, a.svg, { timeout: 4000 }).catch(() => {});
    const b = await routes(page);
    assert.ok(b.t - a.t >= 2 * 86400e3, `the playhead moved ${(b.t - a.t) / 86400e3} days`);
    assert.notEqual(b.date, a.date, 'the date shown changed');
    assert.match(b.date, /^\d+ mars 2021$/, `still in March, in French: ${b.date}`);
    assert.ok(b.r1, 'track r1 is still drawn');
    assert.notEqual(b.r1, a.r1, 'r1 (linear between 20 and 27 March) is drawn at another position');
    assert.notDeepEqual(b.svg, a.svg, 'the SVG paths of the routes changed');
    assert.deepEqual(problems, []);
    assert.deepEqual(offsite, [], 'no request leaves 127.0.0.1');
  } finally { await close(); }
});

// Known gap (reported to the lead): the basemap is the flagship's, embedded
// and not part of the manifest, so the page of the second dataset still
// carries its town labels (Phnom Penh, ...) and the 'Provinces (1975)' layer
// name from static/www/js/i18n.js (basemap list and credits). Kept as a todo so it shows in every run.
test('second dataset: no flagship text anywhere on the page, basemap included', { ...T(60000), todo: 'the basemap is the flagship\'s (towns, Provinces (1975))' }, async () => {
  const { page, close } = await open('/');
  try {
    const got = await shown(page);
    assert.doesNotMatch(got.whole, FLAGSHIP);
  } finally { await close(); }
});
