import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as I from '../../www/js/i18n.js';
import { Zone } from '../../www/js/time.js';

const Z = new Zone('+07:00');
const parseInstant = (s) => Z.parse(s);

test('every language has every English message, and no extra key', () => {
  const en = Object.keys(I.MESSAGES.en).sort();
  for (const l of I.LANGS) {
    assert.deepEqual(Object.keys(I.MESSAGES[l]).sort(), en, `messages of ${l}`);
    for (const k of en) assert.ok(I.MESSAGES[l][k].trim() !== '', `${l}:${k} is empty`);
  }
});

test('Khmer messages are written in Khmer script', () => {
  assert.match(I.t('km', 'player.play'), /[\u1780-\u17FF]/);
  assert.match(I.t('km', 'card.close'), /[\u1780-\u17FF]/);
});

test('t falls back to English, then to the key; fills placeholders', () => {
  assert.equal(I.t('fr', 'player.play'), 'Lecture');
  assert.equal(I.t('xx', 'player.play'), 'Play');
  assert.equal(I.t('en', 'no.such.key'), 'no.such.key');
  I.MESSAGES.en['test.vars'] = 'Hello {who}, {missing}';
  try {
    assert.equal(I.t('km', 'test.vars', { who: 'Dara' }), 'Hello Dara, {missing}');
  } finally {
    delete I.MESSAGES.en['test.vars'];
  }
});

test('normalizeLang', () => {
  assert.equal(I.normalizeLang('fr-CA'), 'fr');
  assert.equal(I.normalizeLang('km_KH'), 'km');
  assert.equal(I.normalizeLang('de'), 'en');
  assert.equal(I.normalizeLang(undefined), 'en');
});

test('pick chooses the dataset text in the language, else a fallback in the given order, and says which', () => {
  const order = ['en', 'km', 'fr'];
  const name = { en: 'Phnom Penh', km: 'ភ្នំពេញ', fr: 'Phnom Penh', vi: 'Phnôm Pênh' };
  assert.deepEqual(I.pick(name, 'km', order), { text: 'ភ្នំពេញ', lang: 'km' });
  assert.deepEqual(I.pick({ en: 'Khao-I-Dang', fr: 'Khao-I-Dang' }, 'km', order), { text: 'Khao-I-Dang', lang: 'en' });
  assert.deepEqual(I.pick({ fr: 'Seulement' }, 'km', order), { text: 'Seulement', lang: 'fr' });
  assert.deepEqual(I.pick({ en: 'E', de: 'D' }, 'fr', ['de', 'en']), { text: 'D', lang: 'de' }, 'the dataset\'s default first');
  assert.deepEqual(I.pick({ th: 'x' }, 'en', order), { text: 'x', lang: 'th' });
  assert.deepEqual(I.pick('plain', 'fr', order), { text: 'plain', lang: 'en' }, 'a plain string is in the default language');
  assert.equal(I.pick(null, 'fr').text, '');
  assert.equal(I.pick(42, 'fr').text, '');
  assert.equal(I.pick({ km: '', en: 'E' }, 'km', order).text, 'E');
});

test('no message names a dataset: those come from its manifest', () => {
  for (const l of I.LANGS) {
    for (const [k, v] of Object.entries(I.MESSAGES[l])) {
      assert.doesNotMatch(v, /Cambod|កម្ពុជា|07:00|Kampuchea|Phnom/, `${l}:${k}`);
    }
  }
});

test('numbers: grouping and Khmer digits', () => {
  assert.equal(I.formatNumber(42000, 'en'), '42,000');
  assert.equal(I.formatNumber(42000, 'fr'), '42\u202f000');
  assert.equal(I.formatNumber(42000, 'km'), '៤២.០០០');
  assert.equal(I.formatNumber(999, 'en'), '999');
  assert.equal(I.formatNumber(1234567.4, 'en'), '1,234,567');
  assert.equal(I.formatNumber(-1500, 'en'), '-1,500');
  assert.equal(I.formatNumber(null, 'en'), '');
  assert.equal(I.khmerDigits('1979'), '១៩៧៩');
});

test('dates in the three languages, in the dataset\'s time zone', () => {
  const t = parseInstant('1979-01-07T00:30:00+07:00'); // 6 January in UTC
  assert.equal(I.formatDate(t, 'en', Z), '7 January 1979');
  assert.equal(I.formatDate(t, 'fr', Z), '7 janvier 1979');
  assert.equal(I.formatDate(t, 'km', Z), '៧ មករា ១៩៧៩');
  assert.equal(I.formatDate(parseInstant('1979-02-01'), 'fr', Z), '1er février 1979');
  assert.equal(I.formatDate(t, 'en', Z, { day: false }), 'January 1979');
  assert.equal(I.formatDate(t, 'fr', Z, { month: 'short' }), '7 janv. 1979');
  assert.equal(I.formatDate(NaN, 'en', Z), '');
  assert.equal(I.formatDate(t, 'fr', Z, { precision: 'month' }), 'janvier 1979');
  assert.equal(I.formatDate(t, 'km', Z, { precision: 'year' }), '១៩៧៩');
  assert.equal(I.formatDate(t, 'en', new Zone('Z')), '6 January 1979', 'another zone, another day');
  assert.equal(I.monthName(11, 'km'), 'ធ្នូ');
});

test('periods with and without an end', () => {
  const a = parseInstant('1979-01-07'), b = parseInstant('1979-03-01');
  assert.equal(I.formatPeriod(a, b, 'en', Z), '7 January 1979 – 1 March 1979');
  assert.equal(I.formatPeriod(a, null, 'en', Z), 'from 7 January 1979 onwards');
  assert.equal(I.formatPeriod(a, null, 'km', Z), 'ពី ៧ មករា ១៩៧៩ តទៅ');
  assert.equal(I.formatPeriod(parseInstant('1980-01-01'), null, 'fr', Z), 'à partir du 1er janvier 1980');
});
