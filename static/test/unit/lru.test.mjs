import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LRU } from '../../www/js/lru.js';

test('LRU evicts the least recently used entry', () => {
  const c = new LRU(2);
  c.set('a', 1).set('b', 2);
  assert.equal(c.get('a'), 1); // a is now the most recent
  c.set('c', 3);
  assert.equal(c.has('b'), false);
  assert.deepEqual(c.keys(), ['a', 'c']);
  assert.equal(c.size, 2);
});

test('LRU set on an existing key refreshes it and keeps the size', () => {
  const c = new LRU(2);
  c.set('a', 1).set('b', 2).set('a', 10).set('c', 3);
  assert.deepEqual(c.keys(), ['a', 'c']);
  assert.equal(c.peek('a'), 10);
});

test('LRU peek does not refresh; counts hits and misses', () => {
  const c = new LRU(2);
  c.set('a', 1).set('b', 2);
  c.peek('a');
  c.set('c', 3);
  assert.equal(c.has('a'), false);
  assert.equal(c.get('zz'), undefined);
  c.get('b');
  assert.deepEqual([c.hits, c.misses], [1, 1]);
});

test('LRU rejects a capacity below one; delete and clear work', () => {
  assert.throws(() => new LRU(0), RangeError);
  const c = new LRU(3);
  c.set(1, 'x').set(2, 'y');
  assert.equal(c.delete(1), true);
  assert.equal(c.size, 1);
  c.clear();
  assert.equal(c.size, 0);
});
