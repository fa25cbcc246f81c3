import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citation, resolveSources, indexWorks, cardHTML, cardCites } from '../../www/js/cards.js';
import { floodDataset, repoDataset } from './fixtures.mjs';

const text = (html) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

test('citations: books, articles, unsigned works, pages cited', () => {
  assert.equal(citation({ authors: 'Philip Short', title: 'Pol Pot: Anatomy of a Nightmare', container: 'Henry Holt', date: '2004', kind: 'book' }, '395'),
    'Philip Short, Pol Pot: Anatomy of a Nightmare (Henry Holt, 2004), p. 395');
  assert.equal(citation({ authors: 'A. Author', title: 'An Article', container: 'Journal 70(2)', date: '2006', pages: '459-486', kind: 'article' }),
    'A. Author, “An Article”, Journal 70(2), 2006, pp. 459-486');
  assert.equal(citation({ authors: '', title: 'Report', container: 'Office', date: '1980', kind: 'official' }), 'Report (Office, 1980)');
  assert.equal(citation(null), '');
});

test('card sources resolve through the bibliography; a missing key still shows', () => {
  const { bibliography } = floodDataset();
  const works = indexWorks(bibliography);
  const s = resolveSources([{ key: 'muster2001', pages: '12-14' }, { key: 'amt2001' }, { key: 'nope', pages: '3' }], works);
  assert.equal(s[0].citation, 'Erika Muster, “Wasser in der Stadt”, Zeitschrift für Flüsse 3(2), 2001, pp. 12-14');
  assert.equal(s[1].url, 'https://example.org/bericht');
  assert.equal(s[2].citation, 'nope, 3');
  assert.deepEqual(resolveSources([{ key: 'x' }], indexWorks(null)).map((x) => x.citation), ['x']);
});

test('the introduction card: title, sections, paragraphs, full citations, links only with a URL', () => {
  const { model, bibliography } = floodDataset();
  const works = indexWorks(bibliography);
  const ctx = { lang: 'en', order: ['de', 'en'] };
  const html = cardHTML('intro', model.cards.intro, ctx, { works, fallback: { title: model.title, subtitle: model.subtitle } });
  assert.match(html, /What this is about/);
  assert.match(html, /<p lang="en">A test\.<\/p><p lang="en">Second paragraph\.<\/p>/);
  assert.match(text(html), /Erika Muster, “Wasser in der Stadt”, Zeitschrift für Flüsse 3\(2\), 2001, pp\. 12-14/);
  assert.equal((html.match(/<a /g) || []).length, 1, 'one work has a URL');
  assert.doesNotMatch(cardHTML('intro', model.cards.intro, { ...ctx, kiosk: true }, { works }), /<a /);
  assert.match(text(cardHTML('intro', model.cards.intro, { lang: 'de', order: ['de', 'en'] }, { works })), /Einführung|Introduction/);
  assert.doesNotMatch(html, /undefined|NaN/);
  assert.ok(cardCites(model.cards.intro));
  assert.ok(!cardCites(model.cards.epilogue));
  const epi = cardHTML('epilogue', model.cards.epilogue, ctx, { works });
  assert.match(epi, /Epilogue/);
  assert.match(epi, /Afterwards/);
  assert.match(epi, /Rebuilding/);
});

test('an empty introduction falls back to the dataset\'s title, subtitle and description', () => {
  const { model } = repoDataset();
  for (const lang of model.languages) {
    const ctx = { lang, order: [model.defaultLanguage, ...model.languages] };
    const html = cardHTML('intro', { title: { en: '' }, sections: [] }, ctx, { fallback: { title: model.title, subtitle: model.subtitle, description: model.description } });
    assert.ok(html.includes(model.title[lang] ?? model.title[model.defaultLanguage]), lang);
    assert.doesNotMatch(html, /undefined|card\./);
  }
});
