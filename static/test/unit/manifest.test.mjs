import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readManifest, datasetLanguage, chapterAt, cardHasContent, bibliographyHref, ManifestError } from '../../www/js/manifest.js';
import { repoDataset, floodDataset } from './fixtures.mjs';

test('the repository\'s manifest reads: languages, layers in order, timeline covering window and chapters', () => {
  const { model, raw } = repoDataset();
  assert.deepEqual(model.languages, raw.languages);
  assert.deepEqual(model.layerIds, raw.layers.map((l) => l.id), 'listing order is the manifest\'s');
  assert.ok(model.timeline.start <= model.window.start && model.timeline.end >= model.window.end);
  for (const c of model.chapters) {
    assert.ok(c.start >= model.timeline.start && c.end <= model.timeline.end, `chapter ${c.id} within the timeline`);
    assert.ok(c.end > c.start);
  }
  assert.ok(model.layer(raw.events_layer)?.events, 'the events layer is known');
});

test('a second manifest: other ids, two languages, German first, an IANA zone', () => {
  const { model } = floodDataset();
  assert.deepEqual(model.layerIds, ['water', 'evacuations', 'shelters', 'notices']);
  assert.deepEqual(model.drawOrder, ['water', 'evacuations', 'shelters', 'notices']);
  assert.equal(model.defaultLanguage, 'de');
  assert.equal(model.eventsLayer, 'notices');
  assert.equal(model.window.speed, 'day');
  assert.equal(model.window.start, Date.UTC(2001, 1, 28, 23));
  assert.equal(model.zone.rfc3339(model.window.end), '2001-03-31T00:00:00+02:00', 'summer time from 25 March 2001');
  assert.equal(chapterAt(model, Date.UTC(2001, 2, 12)).id, 'crest');
  assert.equal(chapterAt(model, Date.UTC(2001, 5, 1)), null);
  assert.equal(datasetLanguage(model, 'en-GB'), 'en');
  assert.equal(datasetLanguage(model, 'km'), 'de');
  assert.ok(cardHasContent(model.cards.intro));
  assert.equal(bibliographyHref(model), '/dataset/bibliography');
  assert.equal(bibliographyHref(readManifest({ ...floodDataset().raw, links: [{ rel: 'bibliography', href: 'http://h/x/bib?f=json' }] })), '/x/bib?f=json');
  assert.equal(bibliographyHref(readManifest({ ...floodDataset().raw, links: [{ rel: 'self', href: 'http://h/dataset' }] })), null, 'links without a bibliography: none to fetch');
});

test('drawing order puts areas under lines under points under events, whatever the listing order', () => {
  const { raw } = floodDataset();
  const m = readManifest({ ...raw, layers: [raw.layers[3], raw.layers[2], raw.layers[0], raw.layers[1]] });
  assert.deepEqual(m.layerIds, ['notices', 'shelters', 'water', 'evacuations']);
  assert.deepEqual(m.drawOrder, ['water', 'evacuations', 'shelters', 'notices']);
});

test('a broken manifest is refused with a message naming the key', () => {
  const { raw } = floodDataset();
  const bad = [
    [{ ...raw, languages: [] }, /languages/],
    [{ ...raw, default_language: 'fr' }, /default_language/],
    [{ ...raw, time_zone: 'Mars/Olympus' }, /time_zone/],
    [{ ...raw, window: { ...raw.window, start: 'soon' } }, /window\.start/],
    [{ ...raw, layers: [{ title: {} }] }, /layers\[0\]\.id/],
    [{ ...raw, chapters: [{ id: 'x', start: '2001-03-01', end: 'never' }] }, /chapters\[0\]\.end/],
  ];
  for (const [m, re] of bad) assert.throws(() => readManifest(m), (e) => e instanceof ManifestError && re.test(e.message));
});

test('empty cards have no content', () => {
  assert.equal(cardHasContent({ title: { en: '', fr: '' }, sections: [] }), false);
  assert.equal(cardHasContent(null), false);
});
