import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseState, formatState, DEFAULTS, LAYER_IDS } from '../../www/js/urlstate.js';
import { parseInstant } from '../../www/js/time.js';

test('an empty query gives the defaults', () => {
  const s = parseState('');
  assert.equal(s.t, null);
  assert.deepEqual(s.layers, LAYER_IDS);
  assert.equal(s.lang, 'en');
  assert.equal(s.kiosk, false);
  assert.equal(s.speed, 'week');
});

test('a full state survives a round trip', () => {
  const s = {
    ...DEFAULTS, t: parseInstant('1979-01-08'), center: [11.5625, 104.916], zoom: 9,
    layers: ['control', 'places'], lang: 'km', speed: 'day',
  };
  const q = formatState(s);
  assert.equal(q, '?t=1979-01-08&c=11.5625,104.9160&z=9&layers=control,places&lang=km&speed=day');
  const back = parseState(q);
  assert.equal(back.t, s.t);
  assert.deepEqual(back.center, s.center);
  assert.equal(back.zoom, 9);
  assert.deepEqual(back.layers, ['control', 'places']);
  assert.equal(back.lang, 'km');
  assert.equal(back.speed, 'day');
});

test('times of day and kiosk settings round-trip', () => {
  const s = { ...DEFAULTS, t: parseInstant('1979-01-07T12:00:00+07:00'), kiosk: true, idle: 20 };
  const q = formatState(s);
  assert.match(q, /t=1979-01-07T12:00/);
  assert.match(q, /kiosk=1&idle=20/);
  const back = parseState(q);
  assert.equal(back.t, s.t);
  assert.equal(back.kiosk, true);
  assert.equal(back.idle, 20);
});

test('malformed values are ignored, not fatal', () => {
  const s = parseState('?t=soon&c=abc&z=x&lang=de&speed=warp&idle=-3&layers=control,bogus,zones');
  assert.equal(s.t, null);
  assert.equal(s.center, null);
  assert.equal(s.zoom, null);
  assert.equal(s.lang, 'en');
  assert.equal(s.speed, 'week');
  assert.equal(s.idle, DEFAULTS.idle);
  assert.deepEqual(s.layers, ['zones', 'control'], 'known layers in canonical order');
});

test('an empty layers list means no historical layer', () => {
  assert.deepEqual(parseState('?layers=').layers, []);
  assert.match(formatState({ ...DEFAULTS, layers: [] }), /layers=$/);
});

test('zoom is clamped and out-of-range centres are refused', () => {
  assert.equal(parseState('?z=40').zoom, 18);
  assert.equal(parseState('?c=95,10').center, null);
});
