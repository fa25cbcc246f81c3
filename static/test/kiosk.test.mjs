// Browser tests of the kiosk, in a real headless Chromium against the real
// server started with a kiosk configuration (TIMESLICE_KIOSK_CONFIG): it
// autoplays with no input, a tap pauses it and shows the controls, it
// resumes where it stands after the idle time, a link shows its reference
// instead of leaving, the chart follows the playhead and gives the API's
// numbers, and with the server stopped it keeps playing and a reload
// still shows it (service worker). No request leaves the machine.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromiumOrSkip, vendored, buildServer, startServer, freePort, launchBrowser, watch, waitReady, outDir,
} from './lib/harness.mjs';

let skip = chromiumOrSkip();
if (!skip && !vendored()) {
  skip = 'static/www/vendor is missing: run `npm run vendor` first';
  if (process.env.CI) throw new Error(`${skip} — and CI is set, so this is a failure`);
}
if (skip) console.log(`# SKIP kiosk browser tests: ${skip}`);
const T = (timeout) => (skip ? { skip, timeout } : { timeout });

let build, server;
/** Starts a server with the test's kiosk configuration. */
async function kioskServer() {
  const prev = process.env.TIMESLICE_KIOSK_CONFIG;
  process.env.TIMESLICE_KIOSK_CONFIG = join(build.dir, 'kiosk.json');
  try {
    return await startServer(build.bin, await freePort());
  } finally {
    if (prev === undefined) delete process.env.TIMESLICE_KIOSK_CONFIG; else process.env.TIMESLICE_KIOSK_CONFIG = prev;
  }
}

before(async () => {
  if (skip) return;
  build = await buildServer();
  // Fast, short dwells and a short idle: the tests wait for states, not times.
  writeFileSync(join(build.dir, 'kiosk.json'), JSON.stringify({ speed: 'month', dwell: 0.2, idle: 2 }));
  server = await kioskServer();
}, { timeout: 180000 });

after(async () => {
  await server?.stop();
  build?.cleanup();
});

/** Opens a page; every request it makes is recorded. */
async function open(base, path, opts = {}) {
  const b = await launchBrowser(opts);
  const requests = [];
  b.context.on('request', (r) => requests.push(r.url()));
  const page = await b.context.newPage();
  const problems = watch(page);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.goto(base + path);
  await waitReady(page);
  return { page, problems, dialogs, requests, close: b.close };
}

/** Requests that went to another host than the loopback server. */
function foreign(requests) {
  return requests.filter((u) => !/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:|about:)/.test(u));
}

/** Resolves once the playhead has moved past `from`. */
const movesPast = (page, from) => page.waitForFunction((x) => window.timeslice.t > x, from, { timeout: 15000 });

test('/kiosk autoplays with no input, a tap pauses and shows the controls, and it resumes where it stands', T(90000), async () => {
  // idle in the URL wins over the server's 2 s: time enough to look.
  const { page, problems, dialogs, requests, close } = await open(server.base, '/kiosk?idle=4');
  try {
    assert.ok(await page.evaluate(() => document.body.classList.contains('ts-kiosk')), 'kiosk mode from the path');
    assert.equal(await page.evaluate(() => window.timeslice.speed), 'month', 'the server configuration is read');
    const t0 = await page.evaluate(() => window.timeslice.t);
    await movesPast(page, t0);
    assert.equal(await page.locator('.ts-buttons').evaluate((el) => getComputedStyle(el).visibility), 'hidden', 'controls hidden during the tour');

    const box = await page.locator('#ts-map').boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    // Paused, with the controls shown, in one look (the idle time runs).
    const paused = await (await page.waitForFunction(() => !window.timeslice.playing
      && getComputedStyle(document.querySelector('.ts-buttons')).visibility === 'visible' && window.timeslice.t, null, { timeout: 4000 })).jsonValue();

    // Idle 4 s: the tour resumes from where it was paused, not the start.
    await page.waitForFunction(() => window.timeslice.playing, null, { timeout: 10000 });
    const resumed = await page.evaluate(() => window.timeslice.t);
    assert.ok(resumed >= paused, `resumed at ${new Date(resumed).toISOString()}, paused at ${new Date(paused).toISOString()}`);
    await movesPast(page, resumed);

    // The page cannot be selected or given a context menu.
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).userSelect), 'none');
    const menu = await page.evaluate(() => !document.dispatchEvent(new MouseEvent('contextmenu', { cancelable: true })));
    assert.ok(menu, 'the context menu is prevented');

    // A link shows its reference and the page stays.
    const url = page.url();
    await page.evaluate(() => {
      // A source as the page lists it (the caption panel redraws itself).
      const ul = document.createElement('ul');
      ul.style.cssText = 'position:fixed;left:300px;top:300px;z-index:3000;background:#fff';
      ul.innerHTML = '<li><a href="https://example.org/work" data-citation="A. Author, A Work (Place: Publisher, 1986), p. 12">A Work</a></li>';
      document.body.appendChild(ul);
    });
    await page.locator('a[href^="https://example.org"]').click();
    assert.match(await page.textContent('.ts-reference'), /A\. Author, A Work/);
    assert.equal(page.url().split('?')[0], url.split('?')[0], 'no navigation');

    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign(requests), [], 'no request leaves the machine');
    await page.screenshot({ path: join(outDir(), 'test-kiosk-visitor.png') });
  } finally {
    await close();
  }
});

test('the chart follows the playhead and its numbers are the API\'s at every date', T(90000), async () => {
  const { page, problems, close } = await open(server.base, '/?t=1979-01-01');
  try {
    await page.evaluate(() => window.timeslice.exhibit.chartLoaded);
    const series = await page.evaluate(() => window.timeslice.exhibit.chart.series.map((s) => ({ layer: s.layer, property: s.property })));
    assert.ok(series.length >= 2, `series from the manifest's count properties: ${JSON.stringify(series)}`);

    // The playhead's line moves with the playhead.
    const headAt = async (date) => {
      await page.evaluate((d) => window.timeslice.seek(d), date);
      await page.waitForFunction((d) => {
        const c = window.timeslice.exhibit.chart;
        return Math.abs(Number(c.head.getAttribute('x1')) - c.x(window.timeslice.t)) < 0.01;
      }, date, { timeout: 4000 });
      return page.evaluate(() => Number(window.timeslice.exhibit.chart.head.getAttribute('x1')));
    };
    const x1 = await headAt('1979-03-01');
    const x2 = await headAt('1980-03-01');
    assert.ok(x2 > x1 + 100, `head at ${x1} then ${x2}`);

    // Every 20 days across the axis, and at each event: the chart's sum is
    // the sum of the API's slice.
    const { min, max } = await page.evaluate(() => ({ min: window.timeslice.exhibit.chart.min, max: window.timeslice.exhibit.chart.max }));
    const tl = await (await fetch(`${server.base}/timeline`)).json();
    const dates = [];
    for (let t = min; t <= max; t += 20 * 86400000) dates.push(t);
    for (const e of tl.events || []) {
      const t = Date.parse(e.properties.valid_from);
      if (t >= min && t <= max) dates.push(t);
    }
    let nonzero = 0;
    for (const { layer, property } of series) {
      for (const t of dates) {
        const iso = new Date(t).toISOString();
        const res = await fetch(`${server.base}/collections/${layer}/items?datetime=${iso}&limit=10000`);
        const fc = await res.json();
        const want = fc.features.reduce((n, f) => n + (typeof f.properties[property] === 'number' ? f.properties[property] : 0), 0);
        const got = await page.evaluate(([l, x]) => window.timeslice.exhibit.chart.valueAt(l, x).value, [layer, t]);
        assert.equal(got, want, `${layer}.${property} at ${iso}`);
        if (want > 0) nonzero++;
      }
    }
    assert.ok(nonzero > 20, `only ${nonzero} dates with people: the comparison says little`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('the gallery PC: the cursor hides at rest, the screen wake lock is asked for, a pinch zooms no page, each loop speaks the next language', T(150000), async () => {
  const path = '/kiosk?languages=en,km&alternate=loop&window=1979-01-05/1979-01-09';
  const b = await launchBrowser({ viewport: { width: 1280, height: 800 }, touch: true });
  try {
    const page = await b.context.newPage();
    // Record what the page asks of the Wake Lock API, before any script of the page runs.
    await page.addInitScript(() => {
      window.__wake = { offered: !!navigator.wakeLock, asked: [] };
      const wl = navigator.wakeLock;
      if (wl) {
        const request = wl.request.bind(wl);
        wl.request = (type) => { window.__wake.asked.push(type); return request(type); };
      }
    });
    const problems = watch(page);
    await page.goto(server.base + path);
    await waitReady(page);

    const wake = await page.evaluate(() => window.__wake);
    assert.ok(wake.offered, 'headless Chromium offers navigator.wakeLock on loopback');
    assert.deepEqual(wake.asked.slice(0, 1), ['screen'], 'the kiosk asks to keep the screen awake');

    // The cursor: shown when the mouse moves, hidden once it rests.
    await page.mouse.move(300, 300);
    await page.mouse.move(320, 310);
    const cursor = () => page.evaluate(() => ({ hidden: document.body.classList.contains('ts-cursor-hidden'), css: getComputedStyle(document.querySelector('#ts-map')).cursor }));
    const moving = await cursor();
    assert.equal(moving.hidden, false, 'the cursor shows while the mouse moves');
    assert.notEqual(moving.css, 'none');
    await page.waitForFunction(() => document.body.classList.contains('ts-cursor-hidden'), null, { timeout: 6000 });
    assert.equal((await cursor()).css, 'none', 'the cursor is hidden at rest');

    // A pinch on the page (the header, not the map), as the browser's own gesture (headless Chromium
    // synthesizes no touch pinch; a touchpad's, 'default', zooms an ordinary page): the page keeps its scale.
    const cdp = await b.context.newCDPSession(page);
    const pinch = async (p) => {
      await cdp.send('Input.synthesizePinchGesture', { x: 640, y: 30, scaleFactor: 2.5, gestureSourceType: 'default' });
      await p.waitForTimeout(300);
      return p.evaluate(() => window.visualViewport.scale);
    };
    assert.equal(await pinch(page), 1, 'the kiosk page is not zoomed by a pinch');

    // The next loop is in the next language.
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'km', null, { timeout: 100000, polling: 250 });
    assert.ok(await page.evaluate(() => window.timeslice.playing), 'still playing in the second loop');
    assert.deepEqual(problems, []);

    // The same pinch on the ordinary page does zoom it: the check above can fail.
    const other = await b.context.newPage();
    await other.goto(server.base + '/?t=1979-01-07');
    await waitReady(other);
    const cdp2 = await b.context.newCDPSession(other);
    await cdp2.send('Input.synthesizePinchGesture', { x: 640, y: 30, scaleFactor: 2.5, gestureSourceType: 'default' });
    await other.waitForTimeout(300);
    assert.ok(await other.evaluate(() => window.visualViewport.scale) > 1, 'a pinch zooms the ordinary page');
  } finally { await b.close(); }
});

test('with the server stopped the kiosk keeps playing, and a reload still shows it (service worker)', T(150000), async () => {
  const own = await kioskServer();
  const { page, dialogs, requests, close } = await open(own.base, '/kiosk');
  try {
    // The whole tour is kept once the worker has walked it.
    await page.waitForFunction(() => document.documentElement.dataset.offline === '1', null, { timeout: 90000 });
    await own.stop();
    const t1 = await page.evaluate(() => window.timeslice.t);
    await movesPast(page, t1);

    await page.reload();
    await waitReady(page);
    assert.ok(await page.evaluate(() => document.body.classList.contains('ts-kiosk')), 'the kept page is the kiosk');
    const t2 = await page.evaluate(() => window.timeslice.t);
    await movesPast(page, t2);
    const drawn = await page.evaluate(() => document.querySelectorAll('#ts-map path').length);
    assert.ok(drawn > 10, `${drawn} shapes drawn offline`);
    assert.equal(await page.evaluate(() => window.timeslice.exhibit.chart.valueAt(window.timeslice.exhibit.chart.series[0].layer, window.timeslice.t) !== null), true, 'the chart offline');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(foreign(requests), [], 'no request leaves the machine');
    await page.screenshot({ path: join(outDir(), 'test-kiosk-offline.png') });
  } finally {
    await close();
    await own.stop();
  }
});
