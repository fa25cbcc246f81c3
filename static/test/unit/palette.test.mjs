// The map must read without the legend: the layers that carry the story —
// arrows, widths or radii by a number, a status by a property, a visible
// fill — must not be confused with one another, with normal colour vision
// nor with deuteranopia or protanopia (simulated), and the label colours
// must hold 4.5:1 against their halo. The manifest is read as the server
// serves it (TS_MANIFEST overrides the path, to check a proposed palette).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHex, deltaE, deltaE2000, lab, simulate, contrast } from '../../www/js/colour.js';

const MIN_DE = 20; // CIEDE2000: ~2 is just noticeable; 20 is "different colours" at a glance
const KINDS = [null, 'deuteranopia', 'protanopia'];

test('colour maths: CIEDE2000 (Sharma et al. 2005 data) and simulation sanity', () => {
  assert.equal(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485]).toFixed(4), '2.0425');
  assert.equal(deltaE2000([50, 2.5, 0], [73, 25, -18]).toFixed(4), '27.1492');
  assert.equal(deltaE2000([2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514]).toFixed(4), '0.9082');
  // Red and green collapse for a deuteranope; blue and orange do not.
  const red = parseHex('#d62728'), green = parseHex('#2ca02c');
  assert.ok(deltaE(red, green) > 40 && deltaE(red, green, 'deuteranopia') < 20);
  assert.ok(deltaE(parseHex('#0072B2'), parseHex('#E69F00'), 'deuteranopia') > 40);
  assert.deepEqual(simulate([1, 1, 1], 'protanopia').map((c) => Math.round(c * 100)), [100, 100, 100]);
  assert.ok(Math.abs(lab([1, 1, 1])[0] - 100) < 0.01);
  assert.equal(contrast([0, 0, 0], [1, 1, 1]).toFixed(1), '21.0');
});

/** The colours a layer draws with, if it carries the story (see above). */
function storyColours(layer) {
  const s = layer.style || {};
  const story = s.arrow || s.width_by || s.radius_by || s.by || (layer.kind === 'area' && s.fill_opacity >= 0.15);
  if (!story || layer.kind === 'event') return [];
  const out = [];
  if (s.color) out.push(s.color);
  if (layer.kind === 'point' && s.fill) out.push(s.fill);
  for (const v of Object.values(s.by?.values || {})) if (v.color) out.push(v.color);
  return [...new Set(out)];
}

const path = process.env.TS_MANIFEST || fileURLToPath(new URL('../../../data/dataset/dataset.json', import.meta.url));
const manifest = JSON.parse(readFileSync(path, 'utf8'));

test('story layers cannot be confused, also with deuteranopia and protanopia', () => {
  const layers = manifest.layers.map((l) => ({ id: l.id, colours: storyColours(l) })).filter((l) => l.colours.length);
  assert.ok(layers.length >= 5, `story layers: ${layers.map((l) => l.id)}`);
  const bad = [];
  for (let i = 0; i < layers.length; i++) for (let j = i + 1; j < layers.length; j++) {
    for (const a of layers[i].colours) for (const b of layers[j].colours) for (const kind of KINDS) {
      const d = deltaE(parseHex(a), parseHex(b), kind);
      if (d < MIN_DE) bad.push(`${layers[i].id} ${a} / ${layers[j].id} ${b} ${kind || 'normal'}: ΔE ${d.toFixed(1)}`);
    }
  }
  assert.deepEqual(bad, []);
});
