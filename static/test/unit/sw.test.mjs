// The service worker's bound on what it keeps (static/www/sw.js), run in a
// plain V8 context with a cache that keeps its entries in order, as the
// Cache API does (a put replaces its entry at the end).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const source = readFileSync(new URL('../../www/sw.js', import.meta.url), 'utf8');

/** A Cache API stand-in: entries in insertion order, keyed by URL. */
class OrderedCache {
  constructor() { this.entries = new Map(); }
  async keys() { return [...this.entries.keys()].map((url) => ({ url })); }
  async put(req, res) { this.entries.delete(req.url); this.entries.set(req.url, res); }
  async match(req) { return this.entries.get(req.url); }
  async delete(req) { return this.entries.delete(req.url); }
}

function worker() {
  const ctx = {
    self: { addEventListener() {}, location: { origin: 'http://k' } },
    URL, Request: class { constructor(url) { this.url = url; } }, setTimeout, clearTimeout,
  };
  vm.createContext(ctx);
  vm.runInContext(source, ctx);
  return ctx;
}

test('the worker keeps at most MAX_ENTRIES answers: the oldest go, pages, files and the first answers stay', async () => {
  const sw = worker();
  const max = vm.runInContext('MAX_ENTRIES', sw);
  assert.ok(max >= 1000, `room for a tour and its visitors: ${max}`);
  const cache = new OrderedCache();
  const keep = ['/__page/kiosk', '/static/js/app.js', '/dataset', '/timeline'];
  for (const p of keep) await cache.put({ url: `http://k${p}` }, p);
  for (let i = 0; i < 20; i++) await cache.put({ url: `http://k/collections/flows/items?datetime=${i}` }, i);
  // The tour asks slice 0 again: it is the newest now.
  await cache.put({ url: 'http://k/collections/flows/items?datetime=0' }, 0);
  const trim = vm.runInContext('trim', sw);
  assert.equal(await trim(cache, 10), 14);
  const left = [...cache.entries.keys()].map((u) => u.slice('http://k'.length));
  assert.deepEqual(left, [...keep, ...[15, 16, 17, 18, 19, 0].map((i) => `/collections/flows/items?datetime=${i}`)]);
  await cache.put({ url: 'http://k/collections/flows/items?datetime=20' }, 20);
  assert.equal(await trim(cache, 10), 1, 'one over: one goes');
  assert.equal(cache.entries.has('http://k/collections/flows/items?datetime=15'), false, 'the oldest');
  assert.equal(await trim(cache, 100), 0, 'under the bound nothing goes');
});
