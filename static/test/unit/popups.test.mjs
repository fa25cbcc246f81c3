// Every feature of every layer, in every language, of the repository's
// dataset and of the synthetic one: the popup a visitor would read has no
// raw message key, no "undefined", no NaN, no count of 0, no curator note.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featureHTML, countText, sourcesHTML, entryValueHTML } from '../../www/js/details.js';
import { MESSAGES } from '../../www/js/i18n.js';
import { repoDataset, floodDataset } from './fixtures.mjs';

const KEYS = new Set(Object.keys(MESSAGES.en));
/** The text a visitor reads (tags and attributes dropped, entities decoded). */
export function visibleText(html) {
  return html.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** What must never be in a popup's text; '' when nothing. */
export function popupProblems(text, p = {}) {
  const bad = [];
  for (const w of text.split(/\s+/)) if (KEYS.has(w.replace(/[:.,;()]+$/, ''))) bad.push(`raw key ${w}`);
  if (/\b(legend|feature|layer|certainty|card|player|panel)\.[a-z]/.test(text)) bad.push('a message key');
  if (/\bundefined\b|\bNaN\b|\[object Object\]/.test(text)) bad.push("undefined or NaN");
  if (/(about|environ|ប្រហែល)\s+[0០](?![0-9០-៩.,\u202f])/.test(text)) bad.push('a count of 0');
  if (/sans date de fin/.test(text)) bad.push('French open end');
  if (typeof p.curator_note === 'string' && p.curator_note.length > 8 && text.includes(p.curator_note.slice(0, 40))) bad.push('the curator note');
  return bad.join('; ');
}

function checkDataset({ model, features }) {
  let n = 0;
  for (const layer of model.layers) {
    for (const lang of model.languages) {
      const ctx = { lang, order: [model.defaultLanguage, ...model.languages], zone: model.zone };
      for (const f of features[layer.id] || []) {
        for (const interpolated of [false, true]) {
          const html = featureHTML(f, layer, ctx, { interpolated });
          const text = visibleText(html);
          const bad = popupProblems(text, f.properties);
          assert.equal(bad, '', `${layer.id}/${f.id} in ${lang}: ${bad}\n${text}`);
          assert.ok(text.includes(visibleText(`<x>${layer.title[lang] || layer.title[model.defaultLanguage]}</x>`).trim()), `${layer.id}/${f.id}: the layer's title from the manifest`);
          n++;
        }
      }
    }
  }
  return n;
}

test('popups of every feature of the repository\'s dataset, in every language', () => {
  const n = checkDataset(repoDataset());
  assert.ok(n > 100, `${n} popups`);
});

test('popups of the synthetic dataset, in German and English', () => {
  const d = floodDataset();
  assert.ok(checkDataset(d) >= 12);
  const layer = d.model.layer('water');
  const de = { lang: 'de', order: ['de', 'en'], zone: d.model.zone };
  const en = { ...de, lang: 'en' };
  const w = visibleText(featureHTML(d.features.water[0], layer, de));
  assert.match(w, /Überflutete Fläche/);
  assert.match(w, /Pegel\s+steigend/, 'an enum shows its label from the style');
  assert.match(w, /Geschätzt\./, 'the note in the page\'s language');
  assert.doesNotMatch(w, /SECRET-CURATOR-NOTE/, 'never the curator note');
  assert.match(w, /Bericht über das Hochwasser \(Landesamt, 2001\)/, 'the full citation');
  assert.doesNotMatch(w, /awaits review/);
  const we = featureHTML(d.features.water[0], layer, en);
  assert.match(we, /awaits review by a native speaker/, 'review lists en');
  assert.match(we, /<a href="https:\/\/example.org\/bericht"/, 'a link where the work has a URL');
  assert.doesNotMatch(featureHTML(d.features.water[0], layer, { ...en, kiosk: true }), /<a /, 'no link on a kiosk');
  assert.match(visibleText(featureHTML(d.features.water[0], layer, en)), /from 1 March 2001 onwards/);

  const ev = d.model.layer('evacuations');
  const e1 = visibleText(featureHTML(d.features.evacuations[0], ev, en));
  assert.doesNotMatch(e1, /Persons/, 'a count of 0 is not shown');
  assert.match(e1, /A plain string note/, 'a plain string note is still shown');
  assert.doesNotMatch(featureHTML(d.features.evacuations[0], ev, en), /<a /, 'no link without a URL');
  const e2 = visibleText(featureHTML(d.features.evacuations[1], ev, en, { interpolated: true }));
  assert.match(e2, /Persons\s+about 1,200 \(estimates from 1,000 to 1,500\)\s+\(estimated between dated figures\)/);

  const sh = d.model.layer('shelters');
  const s1 = visibleText(featureHTML(d.features.shelters[0], sh, de));
  assert.match(s1, /Plätze\s+inconnu|Plätze\s+not known/, 'null: not known (UI falls back to English for German)');
  assert.match(s1, /Betreiber\s+Rotes Kreuz/);
  assert.match(s1, /Art\s+Schule/);
  const s2 = visibleText(featureHTML(d.features.shelters[1], sh, en));
  assert.match(s2, /fewer than 10/);
  assert.doesNotMatch(s2, /Kind/, 'an enum value without a label is left out, not shown raw');
  assert.match(s2, /Halle/, 'a name only in German is shown (lang marked)');

  const no = d.model.layer('notices');
  const n1 = visibleText(featureHTML(d.features.notices[0], no, de));
  assert.match(n1, /Datum\s+10 March 2001|Datum\s+10 mars 2001|Datum\s+10/, 'the date entry');
  assert.match(n1, /Der Pegel erreicht seinen Höchststand\./);
});

test('counts: rounded, never 0, ranges shown, in each language', () => {
  assert.equal(countText(0, 'en', { round: 1000 }), '');
  assert.equal(countText(-5, 'en'), '');
  assert.equal(countText(null, 'en'), '');
  assert.equal(countText(400, 'en', { round: 1000 }), 'fewer than 1,000');
  assert.equal(countText(139032, 'en', { round: 1000 }), 'about 139,000');
  assert.equal(countText(139032, 'fr', { round: 1000 }), 'environ 139\u202f000');
  assert.equal(countText(139032, 'km', { round: 1000 }), 'ប្រហែល ១៣៩.០០០');
  assert.equal(countText(160000, 'en', { round: 1000, range: [135000, 160000] }), 'about 160,000 (estimates from 135,000 to 160,000)');
  assert.equal(countText(0, 'en', { range: [135000, 160000] }), 'estimates from 135,000 to 160,000');
  assert.equal(countText(5, 'en', { range: [0, 3] }), 'about 5', 'a range with 0 in it is not a range to print');
  assert.equal(entryValueHTML({ property: 'x', format: 'count' }, {}, { lang: 'en', order: ['en'] }), '');
});

test('sources: full citations, titles for old entries, nothing empty', () => {
  const ctx = { lang: 'fr', order: ['en'] };
  assert.match(sourcesHTML([], ctx), /Aucune source/);
  const html = sourcesHTML([{ title: 'Old style', url: 'https://example.org/a' }, { key: 'k', citation: 'A, B (C, 2000), p. 3' }, {}], ctx);
  assert.equal((html.match(/<li>/g) || []).length, 2);
  assert.match(html, /A, B \(C, 2000\), p\. 3/);
});
