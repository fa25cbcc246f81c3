import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isKiosk, mergeParams, kioskOptions, loopLanguage } from '../../www/js/kioskconfig.js';
import { chartSeries, sumAt, formatFigure } from '../../www/js/chart.js';
import { makeWindow } from '../../www/js/keyframes.js';
import { loadedURLs } from '../../www/js/offline.js';
import { KioskLog } from '../../www/js/kiosklog.js';

const parseInstant = (s) => Date.parse(/T/.test(s) ? s : `${s}T00:00:00Z`);

test('kiosk mode from the path or the query', () => {
  for (const [path, search, want] of [
    ['/kiosk', '', true], ['/kiosk/', '', true], ['/', '?kiosk=1', true], ['/', '?kiosk=true', true],
    ['/', '', false], ['/kiosks', '', false], ['/', '?kiosk=0', false],
  ]) assert.equal(isKiosk(path, search), want, `${path}${search}`);
});

test('the URL wins over the server\'s defaults; languages and view fill lang and c, z', () => {
  const q = mergeParams({ speed: 'day', idle: '30', languages: 'km,en', view: '12,105,7', dwell: 9 }, '?speed=month');
  assert.equal(q.get('speed'), 'month');
  assert.equal(q.get('idle'), '30');
  assert.equal(q.get('kiosk'), '1');
  assert.equal(q.get('lang'), 'km');
  assert.equal(q.get('c'), '12,105');
  assert.equal(q.get('z'), '7');
  assert.equal(q.has('dwell'), false, 'a value that is not text is not taken');
  assert.equal(mergeParams({ languages: 'km,en' }, '?lang=fr').get('lang'), 'fr');
  assert.equal(mergeParams({ view: '12,105,7' }, '?c=1,2&z=3').get('c'), '1,2');
});

test('kiosk options: valid values read, malformed ones ignored', () => {
  const o = kioskOptions('window=1978-12-20/1979-02-01&dwell=5&languages=km,en,de&alternate=together&idle=45&view=12.5,104.9,7.5',
    { parseInstant, languages: ['en', 'km', 'fr'] });
  assert.deepEqual(o.window, { start: parseInstant('1978-12-20'), end: parseInstant('1979-02-01') });
  assert.equal(o.dwellMs, 5000);
  assert.deepEqual(o.languages, ['km', 'en']);
  assert.equal(o.alternate, 'together');
  assert.equal(o.idleMs, 45000);
  assert.deepEqual(o.view, { center: [12.5, 104.9], zoom: 7.5 });
  const bad = kioskOptions('window=1979-02-01/1978-12-20&dwell=-1&idle=x&alternate=together&languages=km&view=1,2', { parseInstant });
  assert.deepEqual(bad, { window: null, dwellMs: null, languages: ['km'], alternate: 'loop', idleMs: null, view: null });
});

test('languages cycle one per loop', () => {
  assert.deepEqual([0, 1, 2, 3].map((n) => loopLanguage(['km', 'en', 'fr'], n)), ['km', 'en', 'fr', 'km']);
  assert.equal(loopLanguage([], 2), null);
});

const feature = (id, from, to, props, track = null, linear = false) => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates: [0, 0] },
  properties: { valid_from: from, valid_to: to, track, interpolate: linear ? 'linear' : 'step', ...props },
});

test('chart series come from the manifest\'s count properties', () => {
  const s = chartSeries({ layers: [
    { id: 'a', title: { en: 'A' }, style: { color: '#123' }, popup: [{ property: 'n', format: 'count', round: 100, range_property: 'n_range' }] },
    { id: 'b', popup: [{ property: 'kind', format: 'text' }] },
  ] });
  assert.deepEqual(s.map((x) => [x.layer, x.property, x.range, x.round, x.color]), [['a', 'n', 'n_range', 100, '#123']]);
});

test('the chart\'s sum moves linear tracks as the server does, and sums ranges', () => {
  const s = { property: 'n', range: 'n_range' };
  const w = makeWindow(0, 1e13, [
    feature('x1', '1979-01-01T00:00:00Z', '1979-01-11T00:00:00Z', { n: 1000 }, 'x', true),
    feature('x2', '1979-01-11T00:00:00Z', null, { n: 2000 }, 'x'),
    feature('y', '1979-01-01T00:00:00Z', '1979-02-01T00:00:00Z', { n: 500, n_range: [300, 800] }),
    feature('z', '1979-01-01T00:00:00Z', null, { n: null }),
  ]);
  assert.deepEqual(sumAt(w, s, Date.parse('1979-01-06T00:00:00Z')), { value: 2000, lo: 1800, hi: 2300, count: 2 });
  assert.deepEqual(sumAt(w, s, Date.parse('1979-01-11T00:00:00Z')), { value: 2500, lo: 2300, hi: 2800, count: 2 });
  assert.deepEqual(sumAt(w, s, Date.parse('1978-01-01T00:00:00Z')), { value: 0, lo: 0, hi: 0, count: 0 });
});

test('figures are rounded to the sources\' precision, never a false 0', () => {
  assert.equal(formatFigure({ value: 139032, lo: 139032, hi: 139032, count: 3 }, 1000, 'en'), '139,000');
  assert.equal(formatFigure({ value: 500, lo: 300, hi: 800, count: 1 }, 100, 'en'), '300–800');
  assert.equal(formatFigure({ value: 300, lo: 300, hi: 300, count: 1 }, 1000, 'en'), '< 1,000');
  assert.equal(formatFigure({ value: 0, lo: 0, hi: 0, count: 0 }, 1000, 'en'), '—');
});

test('the service worker is given the same-origin URLs the page loaded', () => {
  const here = new URL('http://127.0.0.1:8080/kiosk?t=1979-01-01');
  const urls = loadedURLs([{ name: 'http://127.0.0.1:8080/static/js/main.js' }, { name: 'https://example.org/x.js' },
    { name: 'http://127.0.0.1:8080/collections/a/items?datetime=x' }, { name: 'http://127.0.0.1:8080/kiosk/log' }], here);
  assert.deepEqual(urls, ['/kiosk', '/static/js/main.js', '/collections/a/items?datetime=x']);
});

test('kiosk reports: the same one once, at most ten a minute, kept while the server is away', async () => {
  globalThis.location ??= { pathname: '/kiosk', search: '' };
  const sent = [];
  let up = false;
  const log = new KioskLog({ send: async (b) => { if (!up) throw new Error('away'); sent.push(JSON.parse(b)); } });
  log.report('error', 'one');
  log.report('error', 'one');
  await log.flush();
  assert.equal(sent.length, 0);
  assert.equal(log.waiting.length, 1, 'the same report twice is kept once');
  up = true;
  for (let i = 0; i < 15; i++) log.report('warn', `n${i}`);
  await new Promise((r) => setTimeout(r, 10));
  await log.flush();
  assert.equal(sent.length, 10);
  assert.equal(sent[0].message, 'one');
});
