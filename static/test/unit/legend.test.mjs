import { test } from 'node:test';
import assert from 'node:assert/strict';
import { swatch, legendExtra } from '../../www/js/legend.js';
import { pathOptions, dashOf, movingDashOptions, arrowSize, shade } from '../../www/js/style.js';
import { repoDataset, floodDataset } from './fixtures.mjs';

test('styles come from the manifest: by value, by certainty, by a number', () => {
  const { model } = floodDataset();
  const water = model.layer('water');
  assert.equal(pathOptions(water, { level: 'rising' }).color, '#0072B2');
  assert.equal(pathOptions(water, { level: 'falling' }).dashArray, '6 3');
  assert.equal(pathOptions(water, { level: 'falling', certainty: 'low' }).dashArray, '4 6', 'certainty wins');
  assert.equal(dashOf(water.style, { level: 'rising', certainty: 'high' }), null);
  const ev = model.layer('evacuations');
  assert.equal(pathOptions(ev, { persons: 5000 }).weight, 12);
  assert.equal(pathOptions(ev, { persons: 0 }).weight, 1);
  assert.equal(movingDashOptions(ev, {}).color, shade('#E69F00', 0.4));
  assert.ok(arrowSize(ev, { persons: 5000 }) > arrowSize(ev, { persons: 10 }));
  const sh = model.layer('shelters');
  const unknown = pathOptions(sh, { capacity: null });
  assert.equal(unknown.radius, 5);
  assert.equal(unknown.fillOpacity, 0, 'a size not known is drawn hollow');
  assert.equal(unknown.dashArray, '2 3');
  assert.equal(pathOptions(sh, { capacity: 2000 }).radius, 16);
});

test('legend keys of a second dataset: values by label, scales with round samples, in its languages', () => {
  const { model } = floodDataset();
  const order = ['de', 'en'];
  const water = legendExtra(model.layer('water'), 'de', order);
  assert.match(water, /steigend/);
  assert.match(water, /fallend/);
  assert.match(water, /stroke-dasharray="6 3"/);
  const ev = legendExtra(model.layer('evacuations'), 'en', order);
  assert.match(ev, /width: persons/);
  assert.match(ev, /5,000/);
  const sh = legendExtra(model.layer('shelters'), 'de', order);
  assert.match(sh, /Fläche: Plätze/);
  assert.match(sh, /Plätze unbekannt/);
  assert.equal(legendExtra(model.layer('notices'), 'de', order), '');
  for (const l of model.layers) assert.match(swatch(l), /^<svg class="ts-swatch"/);
});

test('legend keys of the repository\'s dataset in every language: no undefined, no raw key', () => {
  const { model } = repoDataset();
  const order = [model.defaultLanguage, ...model.languages];
  for (const lang of model.languages) {
    for (const l of model.layers) {
      const html = legendExtra(l, lang, order) + swatch(l);
      assert.doesNotMatch(html, /undefined|NaN|legend\./, `${l.id} in ${lang}`);
    }
  }
});
