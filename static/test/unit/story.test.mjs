import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Story } from '../../www/js/story.js';

const ev = (id, from, words) => ({ id, from, to: from + 100, text: 'w '.repeat(words), feature: { id, properties: {} } });
const mk = (camera = null) => {
  const s = new Story({ textOf: (e) => ({ text: e.text, lang: 'en' }), pace: { wpm: 60, leadMs: 0, minMs: 1000 }, camera });
  s.setEvents([ev('b', 10, 2), ev('a', 10, 5), ev('c', 50, 1)]);
  return s;
};

test('a stop holds for the sum of its events\' reading times', () => {
  const s = mk();
  assert.deepEqual(s.stopTimes, [10, 50]);
  assert.equal(s.holdMs(10), 5000 + 2000);
  assert.equal(s.holdMs(50), 1000);
  assert.equal(s.holdMs(11), 0);
});

test('tied events are shown in turn while the clock holds, each for its own time', () => {
  const s = mk();
  assert.equal(s.at(10, { playing: true, heldMs: 0 }).event.id, 'a');
  assert.equal(s.at(10, { playing: true, heldMs: 4999 }).event.id, 'a');
  assert.equal(s.at(10, { playing: true, heldMs: 5000 }).event.id, 'b');
  assert.equal(s.at(12, { playing: true }).event.id, 'b', 'moving on');
  assert.equal(s.at(200, { playing: true }).kind, 'past');
});

test('Next visits every event; the panel shows the one stepped to', () => {
  const s = mk();
  let t = 0; const seen = [];
  for (let e = s.step(t, 1); e; e = s.step(t, 1)) { t = e.from; seen.push(e.id); assert.equal(s.at(t).event.id, e.id); }
  assert.deepEqual(seen, ['a', 'b', 'c']);
  assert.equal(s.step(t, -1).id, 'b');
  assert.equal(s.at(10).event.id, 'b');
  assert.equal(s.step(10, -1).id, 'a');
});

test('the camera goes to a held event and comes back after it', () => {
  const calls = [];
  const s = mk({ focus: (f) => calls.push(`focus ${f.id}`), release: () => calls.push('release') });
  s.at(5, { playing: true });
  s.at(10, { playing: true, heldMs: 0 });
  s.at(10, { playing: true, heldMs: 10 });
  s.at(10, { playing: true, heldMs: 6000 });
  s.at(11, { playing: true });
  s.at(50, { playing: true, heldMs: 0 });
  s.at(60, { playing: true });
  assert.deepEqual(calls, ['focus a', 'focus b', 'release', 'focus c', 'release']);
});
