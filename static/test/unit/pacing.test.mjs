import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  readingUnits, readingMs, paceConfig, paceFromParams, orderEvents, schedule, shownInStop, stepEvent, panelState, stopAt,
} from '../../www/js/pacing.js';

test('reading units: words for spaced scripts, grapheme clusters for Khmer', () => {
  assert.deepEqual(readingUnits('The city is taken — at noon.', 'en'), { unit: 'word', n: 6 });
  assert.deepEqual(readingUnits('  ', 'fr'), { unit: 'word', n: 0 });
  // ក្រុង = ក + ្រ (coeng + ro) + ុ + ង : three grapheme clusters (ក្រុ, ង ... by Intl) — count must be
  // below the code point count and above zero; punctuation ។ and spaces are not counted.
  const km = readingUnits('ក្រុង ភ្នំពេញ។', 'km');
  assert.equal(km.unit, 'char');
  assert.ok(km.n > 0 && km.n < Array.from('ក្រុងភ្នំពេញ').length, `graphemes ${km.n}`);
});

test('reading time grows with length, is clamped, and is configurable', () => {
  const short = 'Taken.';
  const long = Array.from({ length: 52 }, () => 'word').join(' ');
  const c = paceConfig({ wpm: 200, leadMs: 1500, minMs: 3000, maxMs: 20000 });
  assert.equal(readingMs(short, 'en', c), 3000, 'minimum');
  assert.equal(readingMs(long, 'en', c), Math.round(1500 + 52 / 200 * 60000));
  assert.equal(readingMs(long.repeat(10), 'en', c), 20000, 'maximum');
  const slow = paceConfig({ wpm: 100 });
  assert.ok(readingMs(long, 'en', slow) > readingMs(long, 'en', c), 'slower reader, longer hold');
  const fr = paceConfig({ byLang: { fr: { wpm: 100 } } });
  assert.ok(readingMs(long, 'fr', fr) > readingMs(long, 'en', fr), 'per-language rate');
  assert.ok(readingMs('ក'.repeat(200), 'km') > readingMs('ក'.repeat(20), 'km'), 'Khmer by characters');
  // Bad values fall back to the defaults.
  assert.deepEqual(paceConfig({ wpm: 'x', cpm: -1 }).wpm, 200);
});

const ev = (id, from, extra = {}) => ({ id, from, to: from + 10, ...extra });

test('events at the same instant are ordered by `order`, then id', () => {
  const o = orderEvents([ev('b', 5), ev('a', 5), ev('z', 1), ev('c', 5, { order: 1 }), ev('d', 5, { feature: { properties: { order: 0 } } })]);
  assert.deepEqual(o.map((e) => e.id), ['z', 'd', 'c', 'a', 'b']);
});

test('a schedule has one stop per instant; each tied event is shown for its own hold', () => {
  const events = [ev('x', 5, { text: 'one two' }), ev('y', 5, { text: 'w '.repeat(100) }), ev('w', 9, { text: 'a' })];
  const stops = schedule(events, (e) => ({ text: e.text, lang: 'en' }), { minMs: 1000, leadMs: 0, wpm: 60 });
  assert.equal(stops.length, 2);
  const s = stopAt(stops, 5);
  assert.deepEqual(s.events.map((e) => e.id), ['x', 'y']);
  assert.deepEqual(s.holds, [2000, 20000]);
  assert.equal(s.total, 22000);
  assert.equal(shownInStop(s, 0).id, 'x');
  assert.equal(shownInStop(s, 1999).id, 'x');
  assert.equal(shownInStop(s, 2000).id, 'y');
  assert.equal(shownInStop(s, 99999).id, 'y', 'the last stays');
});

test('Next and Previous visit every event, ties included', () => {
  const o = orderEvents([ev('a', 1), ev('b', 5), ev('c', 5), ev('d', 9)]);
  const seen = [];
  let t = 0; let cur = null;
  for (;;) {
    const n = stepEvent(o, t, cur, 1);
    if (!n) break;
    seen.push(n.id); t = n.from; cur = n.id;
  }
  assert.deepEqual(seen, ['a', 'b', 'c', 'd']);
  const back = [];
  for (;;) {
    const p = stepEvent(o, t, cur, -1);
    if (!p) break;
    back.push(p.id); t = p.from; cur = p.id;
  }
  assert.deepEqual(back, ['c', 'b', 'a']);
  assert.equal(stepEvent(o, 3, null, 1).id, 'b', 'from between events');
  assert.equal(stepEvent(o, 3, null, -1).id, 'a');
  assert.equal(stepEvent(o, 5, null, -1).id, 'a', 'strictly before');
});

test('between events the panel keeps the last event or the chapter, never idle while playing', () => {
  const o = orderEvents([ev('a', 10), ev('b', 50)]); // valid [10,20) and [50,60)
  const chapters = [{ id: 'c1', start: 0, end: 40 }, { id: 'c2', start: 40, end: 100, text: { en: 'Chapter two' } }];
  assert.deepEqual(panelState(15, o, chapters, { playing: true }), { kind: 'event', event: o[0] });
  assert.deepEqual(panelState(25, o, chapters, { playing: true }), { kind: 'past', event: o[0] });
  assert.deepEqual(panelState(45, o, chapters, { playing: true }), { kind: 'chapter', chapter: chapters[1] });
  assert.deepEqual(panelState(45, o, chapters, { playing: false }), { kind: 'chapter', chapter: chapters[1] }, 'chapter text');
  assert.equal(panelState(5, o, chapters, { playing: true }).kind, 'chapter', 'before the first event, playing');
  assert.deepEqual(panelState(5, o, chapters, { playing: false }), { kind: 'idle', next: o[0] });
  assert.deepEqual(panelState(5, o, [], { playing: true }), { kind: 'chapter', chapter: null });
  // Playing with no chapters: always the last event once there is one.
  for (let t = 10; t < 100; t += 3) assert.notEqual(panelState(t, o, [], { playing: true }).kind, 'idle', `t=${t}`);
});

test('the chosen one of tied events is shown while it is valid', () => {
  const o = orderEvents([ev('a', 5), ev('b', 5)]);
  assert.equal(panelState(6, o).event.id, 'b', 'by default the last in order');
  assert.equal(panelState(6, o, [], { chosenId: 'a' }).event.id, 'a');
  assert.equal(panelState(6, o, [], { chosenId: 'gone' }).event.id, 'b');
});

test('pace from URL parameters', async () => {
  const c = paceFromParams(new URLSearchParams('wpm=120&cpm=300&lead=0&hold_min=2&hold_max=30&junk=1'));
  assert.deepEqual([c.wpm, c.cpm, c.leadMs, c.minMs, c.maxMs], [120, 300, 0, 2000, 30000]);
  const d = paceFromParams(new URLSearchParams('wpm=abc'));
  assert.equal(d.wpm, 200);
});
