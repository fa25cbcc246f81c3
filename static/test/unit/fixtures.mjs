// Test fixtures: the repository's own dataset (data/dataset) and a small
// synthetic second one (static/test/fixtures/flood: other layer ids, two
// languages with German as the default, an IANA time zone, cards with
// sources), so that the page's modules are shown to take any manifest.

import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest } from '../../www/js/manifest.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const json = (p) => JSON.parse(readFileSync(p, 'utf8'));

/** The repository's dataset: {raw, model, features: {layerId: [...]}} */
export function repoDataset() {
  const dir = join(ROOT, 'data', 'dataset');
  const raw = json(join(dir, 'dataset.json'));
  const model = readManifest(raw);
  const features = {};
  for (const id of model.layerIds) {
    const f = join(dir, `${id}.geojson`);
    features[id] = existsSync(f) ? json(f).features : [];
  }
  const bib = join(dir, raw.bibliography || 'bibliography.json');
  return { raw, model, features, bibliography: existsSync(bib) ? json(bib) : null };
}

/** The synthetic flood dataset. */
export function floodDataset() {
  const dir = join(ROOT, 'static', 'test', 'fixtures', 'flood');
  const raw = json(join(dir, 'dataset.json'));
  return { raw, model: readManifest(raw), features: json(join(dir, 'features.json')), bibliography: json(join(dir, 'bibliography.json')) };
}
