import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ApiError } from '../../www/js/api.js';

/** Runs fn with a fake fetch answering status and body. */
async function withFetch(status, body, fn) {
  const orig = globalThis.fetch;
  globalThis.fetch = async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  try { return await fn(); } finally { globalThis.fetch = orig; }
}

test('a refusal carries the server\'s description', async () => {
  await withFetch(400, { code: 'InvalidParameterValue', description: 'bbox: four numbers expected' }, async () => {
    await assert.rejects(new Api().getJSON('/x'), (e) => e instanceof ApiError && e.status === 400 && e.description === 'bbox: four numbers expected' && /four numbers/.test(e.message));
  });
});

test('an optional document that is not there is null; the dataset is asked at /dataset', async () => {
  await withFetch(404, { description: 'this dataset has no bibliography' }, async () => {
    assert.equal(await new Api().bibliography(), null);
  });
  const seen = [];
  const orig = globalThis.fetch;
  globalThis.fetch = async (url) => { seen.push(url); return new Response('{"id":"x"}', { status: 200 }); };
  try { assert.deepEqual(await new Api().dataset(), { id: 'x' }); } finally { globalThis.fetch = orig; }
  assert.deepEqual(seen, ['/dataset']);
});
