import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseState, formatState, defaults, urlOptions } from '../../www/js/urlstate.js';
import { repoDataset, floodDataset } from './fixtures.mjs';

const repo = repoDataset().model;
const O = urlOptions(repo);
const F = urlOptions(floodDataset().model);

test('an empty query gives the dataset\'s defaults', () => {
  const s = parseState('', O);
  assert.equal(s.t, null);
  assert.deepEqual(s.layers, repo.layerIds);
  assert.equal(s.lang, repo.defaultLanguage);
  assert.equal(s.kiosk, false);
  assert.equal(s.speed, repo.window.speed);
  const f = parseState('', F);
  assert.equal(f.lang, 'de');
  assert.equal(f.speed, 'day');
  assert.deepEqual(f.layers, ['water', 'evacuations', 'shelters', 'notices']);
});

test('a full state survives a round trip, in the dataset\'s zone', () => {
  const s = { ...defaults(F), t: F.zone.parse('2001-03-28'), center: [50.05, 8.05], zoom: 9, layers: ['shelters', 'water'], lang: 'en', speed: 'week' };
  const q = formatState(s, F);
  assert.equal(q, '?t=2001-03-28&c=50.0500,8.0500&z=9&layers=water,shelters&lang=en&speed=week');
  const back = parseState(q, F);
  assert.equal(back.t, s.t);
  assert.equal(back.t, Date.UTC(2001, 2, 27, 22), 'midnight in Berlin summer time');
  assert.deepEqual(back.center, s.center);
  assert.deepEqual(back.layers, ['water', 'shelters']);
  assert.equal(back.lang, 'en');
  assert.equal(back.speed, 'week');
});

test('times of day and kiosk settings round-trip', () => {
  const s = { ...defaults(O), t: O.zone.parse('1979-01-07T12:00'), kiosk: true, idle: 20 };
  const q = formatState(s, O);
  assert.match(q, /t=1979-01-07T12:00/);
  assert.match(q, /kiosk=1&idle=20/);
  const back = parseState(q, O);
  assert.equal(back.t, s.t);
  assert.equal(back.kiosk, true);
  assert.equal(back.idle, 20);
});

test('malformed values and other datasets\' layers and languages are ignored, not fatal', () => {
  const s = parseState('?t=soon&c=abc&z=x&lang=km&speed=warp&idle=-3&layers=shelters,bogus,water', F);
  assert.equal(s.t, null);
  assert.equal(s.center, null);
  assert.equal(s.zoom, null);
  assert.equal(s.lang, 'de', 'km is not a language of this dataset');
  assert.equal(s.speed, 'day');
  assert.equal(s.idle, 90);
  assert.deepEqual(s.layers, ['water', 'shelters'], 'known layers in the manifest\'s order');
});

test('an empty layers list means no layer', () => {
  assert.deepEqual(parseState('?layers=', O).layers, []);
  assert.match(formatState({ ...defaults(O), layers: [] }, O), /layers=$/);
});

test('zoom is clamped and out-of-range centres are refused', () => {
  assert.equal(parseState('?z=40', O).zoom, 18);
  assert.equal(parseState('?c=95,10', O).center, null);
});
