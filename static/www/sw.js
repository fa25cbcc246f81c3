// The page's service worker (served at /sw.js, scope /): a kiosk must
// never show the browser's error page. Every GET to this server goes to
// the network first and its answer is kept; when the server is away (a
// restart, a power cut that brought the PC up before the server), the kept
// answer is served instead. Pages are kept by path, whatever their query,
// so a reload of /kiosk?t=… finds /kiosk. Nothing here goes to another
// host: requests elsewhere are not touched.
//
// The page sends {type: 'keep', urls} to have answers it fetched before
// this worker controlled it (its modules, fonts, basemap) kept too.

const CACHE = 'timeslice-kiosk-v1';
/** What a reload needs first, kept at install. */
const CORE = ['/kiosk', '/dataset', '/collections', '/timeline', '/kiosk/config', '/basemap'];
/** A request the network has not answered in this long is served from the cache. */
const NETWORK_MS = 6000;
/** The most answers kept. Every loop of the tour asks the same URLs again,
 * so the tour's answers are always the newest; what visitors explored on
 * other dates goes first, and weeks of visitors cannot fill the disk. */
const MAX_ENTRIES = 3000;
/** A put in this many checks the count. */
const TRIM_EVERY = 50;
let puts = 0;

self.addEventListener('install', (ev) => {
  self.skipWaiting();
  ev.waitUntil(keep(CORE));
});

self.addEventListener('activate', (ev) => {
  ev.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (ev) => {
  const m = ev.data || {};
  if (m.type === 'keep' && Array.isArray(m.urls)) {
    ev.waitUntil(keep(m.urls).then((n) => ev.source?.postMessage({ type: 'kept', count: n })));
  }
});

self.addEventListener('fetch', (ev) => {
  const req = ev.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  ev.respondWith(networkFirst(req, url));
});

/** The cache key of a request: pages by path alone, the rest by URL. */
function keyOf(req, url) {
  if (req.mode === 'navigate') return new Request(`${url.origin}/__page${url.pathname}`);
  return new Request(url.href);
}

async function networkFirst(req, url) {
  const cache = await caches.open(CACHE);
  const key = keyOf(req, url);
  try {
    const res = await withTimeout(fetch(req), NETWORK_MS);
    if (res.ok && res.type === 'basic') {
      await cache.put(key, res.clone()).catch(() => {});
      if (++puts % TRIM_EVERY === 0) await trim(cache, MAX_ENTRIES).catch(() => {});
    } else if (res.status >= 500) {
      const kept = await cache.match(key);
      if (kept) return kept;
    }
    return res;
  } catch (err) {
    const kept = await cache.match(key);
    if (kept) return kept;
    // A page never kept (a reload of / after only /kiosk was seen): the kiosk's.
    if (req.mode === 'navigate') {
      const page = await cache.match(new Request(`${url.origin}/__page/kiosk`)) || await cache.match(new Request(`${url.origin}/kiosk`));
      if (page) return page;
    }
    throw err;
  }
}

/** Deletes the oldest answers beyond max, never a page, a file of the
 * page or what a reload needs first (CORE). A put replaces its entry at
 * the end of the cache's order, so the oldest are those not asked again
 * for longest. Returns how many were deleted. */
async function trim(cache, max) {
  const keys = await cache.keys();
  let over = keys.length - max;
  let n = 0;
  for (const k of keys) {
    if (over <= 0) break;
    const path = new URL(k.url).pathname;
    if (path.startsWith('/__page/') || path.startsWith('/static/') || CORE.includes(path)) continue;
    if (await cache.delete(k)) { n++; over--; }
  }
  return n;
}

function withTimeout(p, ms) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e) => { clearTimeout(t); reject(e); });
  });
}

/** Fetches and keeps each same-origin URL not kept yet; returns how many
 * were kept. */
async function keep(urls) {
  const cache = await caches.open(CACHE);
  let n = 0;
  for (const u of new Set(urls)) {
    let url;
    try { url = new URL(u, self.location.origin); } catch { continue; }
    if (url.origin !== self.location.origin || url.pathname === '/kiosk/log') continue;
    const req = new Request(url.href);
    if (await cache.match(req)) { n++; continue; }
    try {
      const res = await fetch(req);
      if (res.ok) { await cache.put(req, res); n++; }
    } catch { /* the server is away: the next keep tries again */ }
  }
  return n;
}
