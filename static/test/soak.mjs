// Soak: the kiosk in headless Chromium at 1920×1080 for LOOPS loops (20 by
// default) at high speed. Each loop, after a garbage collection: the JS
// heap, DOM nodes and event listeners (CDP Performance.getMetrics). Over
// the run: the console errors, and the p95 interval between animation
// frames while playing. Passes when, after loop 2, nothing grows by more
// than 5% and nothing trends upward.
//
//   node static/test/soak.mjs [loops] [kiosk query]
//   e.g. node static/test/soak.mjs 20 'speed=month&dwell=0&window=1978-12-01/1979-06-01'

import { buildServer, startServer, freePort, launchBrowser, waitReady } from './lib/harness.mjs';

const LOOPS = Number(process.argv[2] || 20);
const QUERY = process.argv[3] || 'speed=month&dwell=0&window=1978-12-01/1979-06-01';

/** The least-squares slope of ys per step, relative to their mean. */
export function relativeSlope(ys) {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2, my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0, den = 0;
  ys.forEach((y, i) => { num += (i - mx) * (y - my); den += (i - mx) ** 2; });
  return my ? num / den / my : 0;
}

const build = await buildServer();
const server = await startServer(build.bin, await freePort());
const b = await launchBrowser({ viewport: { width: 1920, height: 1080 } });
const errors = [];
try {
  const page = await b.context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.base}/kiosk?${QUERY}`);
  await waitReady(page);
  await page.waitForFunction(() => window.timeslice.exhibit, null, { timeout: 30000 });
  // Frame intervals while playing, as a histogram by 0.5 ms (a list of
  // every interval would itself grow the heap).
  await page.evaluate(() => {
    window.__frames = new Uint32Array(401); // [0, 200) ms by 0.5 ms; the last bin is 200 ms and more
    let last = 0;
    const f = (now) => {
      if (last && window.timeslice.playing) window.__frames[Math.min(400, Math.floor((now - last) * 2))]++;
      last = now;
      requestAnimationFrame(f);
    };
    requestAnimationFrame(f);
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const samples = [];
  const started = Date.now();
  for (let loop = 1; loop <= LOOPS; loop++) {
    await page.waitForFunction((n) => window.timeslice.exhibit.loops >= n, loop, { timeout: 600000, polling: 500 });
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const s = { loop, heapMB: m.JSHeapUsedSize / 2 ** 20, nodes: m.Nodes, listeners: m.JSEventListeners, s: Math.round((Date.now() - started) / 1000) };
    samples.push(s);
    console.log(JSON.stringify(s));
  }
  const hist = await page.evaluate(() => [...window.__frames]);
  const frames = hist.reduce((a, b) => a + b, 0);
  let p95 = 0;
  for (let i = 0, seen = 0; i < hist.length; i++) {
    seen += hist[i];
    if (seen >= frames * 0.95) { p95 = (i + 1) / 2; break; }
  }
  const after = samples.filter((s) => s.loop >= 2);
  const report = {};
  for (const k of ['heapMB', 'nodes', 'listeners']) {
    const ys = after.map((s) => s[k]);
    report[k] = {
      first: +ys[0].toFixed(2), last: +ys[ys.length - 1].toFixed(2), max: +Math.max(...ys).toFixed(2),
      growthPct: +(100 * (Math.max(...ys) - ys[0]) / ys[0]).toFixed(2),
      slopePctPerLoop: +(100 * relativeSlope(ys)).toFixed(3),
    };
  }
  const ok = Object.values(report).every((r) => r.growthPct <= 5 && r.slopePctPerLoop <= 0.25) && errors.length === 0 && p95 <= 20;
  console.log(JSON.stringify({ loops: LOOPS, query: QUERY, report, frames, p95FrameMs: p95, consoleErrors: errors, ok }, null, 1));
  process.exitCode = ok ? 0 : 1;
} finally {
  await b.close();
  await server.stop();
  build.cleanup();
}
