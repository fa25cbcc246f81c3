// Shared by the browser tests, the screenshots and the benchmark: build
// the real Go server, start it on a free loopback port, launch a real
// headless Chromium (Debian's /usr/bin/chromium) through playwright-core.

import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const OUT_DIR = join(ROOT, 'static', 'test', 'out'); // git-ignored

const CANDIDATES = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

/** The Chromium executable, or null. */
export function findChromium() {
  return CANDIDATES.find((p) => existsSync(p)) || null;
}

/** For node:test: the reason to skip when Chromium is missing, or null
 * when it is there. Under CI (CI non-empty) a missing Chromium throws. */
export function chromiumOrSkip() {
  if (findChromium()) return null;
  const why = 'Chromium not found (apt-get install -y chromium, or set CHROMIUM=/path): browser tests skipped';
  if (process.env.CI) throw new Error(`${why} — and CI is set, so this is a failure`);
  return why;
}

/** Whether the page's vendored files exist (npm run vendor). */
export function vendored() {
  return existsSync(join(ROOT, 'static', 'www', 'vendor', 'leaflet', 'leaflet-src.esm.js'));
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Builds the server binary into a fresh temp dir; returns {dir, bin}. */
export async function buildServer() {
  const dir = mkdtempSync(join(tmpdir(), 'timeslice-fe-'));
  const bin = join(dir, 'timeslice');
  await promisify(execFile)('go', ['build', '-o', bin, './cmd/timeslice'], { cwd: ROOT, maxBuffer: 1 << 24 });
  return { dir, bin, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts `bin serve --addr 127.0.0.1:port [...args]` and waits for
 * /healthz. `args` are extra serve flags, e.g. ['--data', 'data/testdata/second']
 * (paths relative to the repository root). */
export async function startServer(bin, port, { timeoutMs = 20000, args = [] } = {}) {
  const proc = spawn(bin, ['serve', '--addr', `127.0.0.1:${port}`, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}):\n${log}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.status === 200) return { proc, base, port, log: () => log, stop: () => stopServer(proc) };
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill('SIGKILL');
  throw new Error(`server did not answer /healthz in ${timeoutMs} ms:\n${log}`);
}

export async function stopServer(proc, signal = 'SIGTERM') {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const done = new Promise((r) => proc.once('exit', r));
  proc.kill(signal);
  const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
  await done;
  clearTimeout(t);
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-dev-shm-usage', '--hide-scrollbars', '--mute-audio',
];

/** Launches Chromium with a fresh user-data dir (a persistent context is
 * how Playwright passes one). Returns {context, close}. touch makes a
 * phone: touch events (page.touchscreen) and a mobile viewport. */
export async function launchBrowser({ viewport = { width: 1280, height: 800 }, reducedMotion = 'no-preference', args = [], serviceWorkers = 'allow', touch = false } = {}) {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'timeslice-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    viewport,
    reducedMotion,
    deviceScaleFactor: 1,
    locale: 'en-GB',
    serviceWorkers, // 'block' tests the page's own retries, without the kiosk's service worker
    hasTouch: touch,
    isMobile: touch,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Collects console errors, page errors and failed requests of a page. */
export function watch(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`http ${r.status()}: ${r.url()}`); });
  return problems;
}

export function outDir() {
  mkdirSync(OUT_DIR, { recursive: true });
  return OUT_DIR;
}

/** Waits until the page says its first view is drawn. */
export async function waitReady(page, timeout = 20000) {
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1', null, { timeout });
}

/** The fonts Chromium used for the text of every element under `root`
 * that has text of its own: [{familyName, isCustomFont, glyphCount, el}].
 * A web font (ours, from /static/vendor/fonts) has isCustomFont true. */
export async function fontsUsed(page, root = 'body') {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const n = await page.evaluate((sel) => {
    let i = 0;
    for (const el of document.querySelectorAll(`${sel}, ${sel} *`)) {
      const own = [...el.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim() !== '');
      const r = el.getBoundingClientRect();
      if (own && r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden') el.dataset.fontProbe = String(i++);
    }
    return i;
  }, root);
  const { root: doc } = await cdp.send('DOM.getDocument', { depth: -1 });
  const out = [];
  for (let i = 0; i < n; i++) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: doc.nodeId, selector: `[data-font-probe="${i}"]` });
    if (!nodeId) continue;
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
    for (const f of fonts) out.push({ ...f, el: outerHTML.slice(0, 120) });
  }
  await cdp.detach();
  return out;
}
