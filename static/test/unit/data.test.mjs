import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Data } from '../../www/js/data.js';
import { Zone, DAY } from '../../www/js/time.js';

const Z = new Zone('+07:00');
const D = (s) => Z.parse(s);
const toRFC3339 = (t) => Z.rfc3339(t);
const feat = (id, from, to, coords) => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates: coords },
  properties: { valid_from: from, valid_to: to, track: 'c', interpolate: 'linear', population: 100 },
});

/** A fake API that serves keyframes from a list and counts calls. */
function fakeApi(features) {
  const calls = [];
  return {
    calls,
    async keyframes(layer, a, b) {
      calls.push(`${layer} ${toRFC3339(a)}`);
      return features.filter((f) => {
        const from = D(f.properties.valid_from), to = f.properties.valid_to ? D(f.properties.valid_to) : Infinity;
        return from <= b && to > a;
      });
    },
  };
}

test('Data loads the windows a slice needs, once, and then interpolates', async () => {
  const fs = [
    feat('c1', '1979-01-01T00:00:00+07:00', '1979-03-01T00:00:00+07:00', [0, 0]),
    feat('c2', '1979-03-01T00:00:00+07:00', null, [10, 0]),
  ];
  const api = fakeApi(fs);
  const loads = [];
  const data = new Data(api, { origin: D('1978-12-01'), onLoad: (l, i) => loads.push(i) });
  const t = D('1979-01-30T12:00');
  let s = data.slice('camps', t);
  assert.equal(s.complete, false);
  data.slice('camps', t); // asking again does not fetch again
  await data.ready(['camps'], t);
  s = data.slice('camps', t);
  assert.equal(s.complete, true);
  const f = (t - D('1979-01-01')) / (D('1979-03-01') - D('1979-01-01'));
  assert.deepEqual(s.features[0].geometry.coordinates, [Math.round(10 * f * 1e6) / 1e6, 0]);
  assert.equal(s.features[0].properties.population, 100);
  // the window of t (2, from 30 January) and the one holding c1's end, 1 March (3), each once
  assert.deepEqual(api.calls.sort(), ['camps 1979-01-30T00:00:00+07:00', 'camps 1979-03-01T00:00:00+07:00'].sort());
  assert.deepEqual(loads.sort(), [2, 3]);
});

test('prefetch stays inside the given range and skips events', async () => {
  const api = fakeApi([]);
  const data = new Data(api, { origin: D('1978-12-01'), eventsLayer: 'notices' });
  data.prefetch(['camps', 'notices'], D('1978-12-05'), -1, 3, { min: D('1978-12-01'), max: D('1980-12-31') });
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(api.calls, ['camps 1978-12-01T00:00:00+07:00']);
  data.prefetch(['camps'], D('1978-12-05'), 1, 2);
  assert.equal(api.calls.length, 3);
  assert.equal(data.stats.windowsLoaded >= 1, true);
});

test('events come from the timeline, not from windows', () => {
  const data = new Data(fakeApi([]), { origin: D('1978-12-01'), eventsLayer: 'notices' });
  data.setEvents([{ type: 'Feature', id: 'e', geometry: { type: 'Point', coordinates: [1, 2] }, properties: { valid_from: '1979-01-07T12:00:00+07:00', valid_to: '1979-01-10T12:00:00+07:00' } }]);
  assert.equal(data.slice('notices', D('1979-01-08')).features.length, 1);
  assert.equal(data.slice('notices', D('1979-01-11')).features.length, 0);
  assert.equal(data.slice('notices', D('1979-01-11')).complete, true);
  assert.ok(DAY > 0);
});

test('a window the server refused is not asked for again at once', async () => {
  let n = 0;
  const api = { async keyframes() { n++; throw new Error('400 for …'); } };
  const data = new Data(api, { origin: D('1978-12-01') });
  const t = D('1979-01-05');
  const origWarn = console.warn;
  console.warn = () => {};
  try {
    data.slice('camps', t);
    await new Promise((r) => setTimeout(r, 0));
    for (let i = 0; i < 10; i++) data.slice('camps', t);
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(n, 1);
  } finally { console.warn = origWarn; }
});
