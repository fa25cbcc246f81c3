// The page knows no dataset: nothing under static/www (the vendored files
// aside) names the repository's dataset — its layer ids, its place, its
// time zone, or any of its titles. Everything comes from /dataset.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, repoDataset } from './fixtures.mjs';

const WWW = join(ROOT, 'static', 'www');

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'vendor') continue;
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(js|mjs|html|css|svg|json)$/.test(name)) out.push(p);
  }
  return out;
}

/** Strings the page must not contain, each with why. */
function forbidden() {
  const { raw } = repoDataset();
  const out = [
    [/Cambodia|Cambodge|កម្ពុជា|Cambodian/, 'the dataset\'s country'],
    [/\+07:00|UTC\+7\b/, 'the dataset\'s time zone'],
  ];
  for (const l of raw.layers) {
    const id = l.id.replace(/[-]/g, '\\-');
    // As a string ('zones', "zones", `zones`), in one of the page's class or
    // pane names (ts-pane-zones, ts-zones-label), or a message key (layer.zones).
    out.push([new RegExp(`(['"\`])${id}\\1|\\bts-[\\w-]*\\b${id}\\b|\\blayer\\.${id}\\b`), `the layer id ${l.id}`]);
    for (const title of Object.values(l.title || {})) if (/\s/.test(title.trim())) out.push([title, `the title of ${l.id}`]);
  }
  for (const k of ['title', 'short_title', 'subtitle']) {
    for (const v of Object.values(raw[k] || {})) if (v.length >= 8) out.push([v, `the dataset's ${k}`]);
  }
  for (const c of raw.chapters || []) for (const v of Object.values(c.title || {})) if (v.length >= 8) out.push([v, `chapter ${c.id}`]);
  return out;
}

test('static/www names no dataset: no layer id, place, time zone or title', () => {
  const found = [];
  const rules = forbidden();
  const list = files(WWW);
  assert.ok(list.length > 20, `${list.length} files`);
  for (const f of list) {
    const lines = readFileSync(f, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const [rule, why] of rules) {
        const hit = typeof rule === 'string' ? line.includes(rule) : rule.test(line);
        if (hit) found.push(`${relative(ROOT, f)}:${i + 1}: ${why}: ${line.trim().slice(0, 100)}`);
      }
    });
  }
  assert.deepEqual(found, []);
});

test('the check finds what it looks for', () => {
  const rules = forbidden();
  const hits = (s) => rules.filter(([r]) => (typeof r === 'string' ? s.includes(r) : r.test(s))).length;
  const id = repoDataset().raw.layers[0].id;
  assert.ok(hits(`const L = ['${id}'];`) > 0);
  assert.ok(hits(`.ts-pane-${id} { }`) > 0);
  assert.ok(hits(`t(lang, 'layer.${id}')`) > 0);
  assert.ok(hits('Dates are in UTC+07:00.') > 0);
  assert.ok(hits('const a = this.events.length; setEvents(x); pointer-events: none; .leaflet-control-zoom') === 0);
});
