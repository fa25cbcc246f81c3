// The kiosk offline: registers the service worker (/sw.js) and has it keep
// everything the page loaded before it took control (modules, styles,
// fonts, basemap), then walks the tour once, window by window, so that
// every slice the tour asks for is kept too. A reload with the server down
// then shows and plays the kiosk from the kept answers.

/** Registers the service worker; resolves to its registration, or null
 * where service workers are not offered (plain http on a non-local host). */
export async function registerWorker(report = () => {}) {
  if (!('serviceWorker' in navigator)) return null;
  try {
    const reg = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    await navigator.serviceWorker.ready;
    return reg;
  } catch (e) {
    report('warn', 'service worker not registered', e);
    return null;
  }
}

/** The worker's answer to {type: 'keep'}: how many URLs it holds. */
function askKeep(worker, urls) {
  return new Promise((resolve) => {
    const onMsg = (ev) => {
      if (ev.data?.type !== 'kept') return;
      navigator.serviceWorker.removeEventListener('message', onMsg);
      resolve(ev.data.count);
    };
    navigator.serviceWorker.addEventListener('message', onMsg);
    worker.postMessage({ type: 'keep', urls });
  });
}

/** Same-origin URLs the page has fetched so far (and the page itself). */
export function loadedURLs(entries = performance.getEntriesByType('resource'), here = location) {
  const urls = [here.pathname];
  for (const e of entries) {
    try {
      const u = new URL(e.name, here.href);
      if (u.origin === here.origin && u.pathname !== '/kiosk/log') urls.push(u.pathname + u.search);
    } catch { /* not a URL */ }
  }
  return [...new Set(urls)];
}

/**
 * Makes the kiosk able to play without the server.
 * @param {object} o
 * @param {(layers: string[], t: number) => Promise<unknown>} o.ready  loads the slices of t
 * @param {() => string[]} o.layers   the layers the tour shows
 * @param {number} o.start, o.end     the tour's window
 * @param {number} o.step             ms between two loads (the page's window length)
 * @param {() => Promise<unknown>} [o.extra]  more to load first (the chart's series)
 * @param {(level: string, message: string, detail?: unknown) => void} [o.report]
 * @returns {Promise<{kept: number, windows: number}|null>}
 */
export async function keepTour({ ready, layers, start, end, step, extra, report = () => {} }) {
  const reg = await registerWorker(report);
  if (!reg) return null;
  const worker = reg.active || navigator.serviceWorker.controller;
  if (!worker) return null;
  if (extra) await extra().catch((e) => report('warn', 'kiosk: loading the chart', e));
  let windows = 0;
  for (let t = start; t <= end + step; t += step) {
    await ready(layers(), Math.min(t, end)).catch((e) => report('warn', 'kiosk: loading the tour', e));
    windows++;
  }
  // Everything fetched before the worker controlled the page, and since.
  const kept = await askKeep(worker, loadedURLs());
  return { kept, windows };
}
