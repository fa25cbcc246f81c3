import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Clock } from '../../www/js/clock.js';
import { DAY, WEEK } from '../../www/js/time.js';

test('a playing clock advances by speed × elapsed time', () => {
  const c = new Clock({ min: 0, max: 100 * DAY, speed: 'day' });
  assert.equal(c.tick(0), false, 'paused');
  c.play(0);
  assert.equal(c.tick(16), true);
  assert.equal(c.t, 0.016 * DAY);
  c.setSpeed('week');
  c.tick(32);
  assert.equal(c.t, 0.016 * DAY + 0.016 * WEEK);
  c.setSpeed('warp');
  assert.equal(c.speed, 'week');
});

test('a long gap counts as at most 100 ms', () => {
  const c = new Clock({ min: 0, max: 100 * DAY, speed: 'day' });
  c.play(0);
  c.tick(60000);
  assert.equal(c.t, 0.1 * DAY);
});

test('without loop the clock stops at the end; play again restarts', () => {
  const c = new Clock({ min: 0, max: DAY, speed: 'month' });
  c.play(0);
  c.tick(100);
  assert.equal(c.t, DAY);
  c.tick(200);
  assert.equal(c.playing, false);
  c.play(300);
  assert.equal(c.t, 0);
});

test('with loop the clock holds at the end, then starts again', () => {
  const c = new Clock({ min: 0, max: DAY, speed: 'month', loop: true, endHoldMs: 1000 });
  c.play(0);
  c.tick(100); // reaches the end
  assert.equal(c.t, DAY);
  c.tick(200); // starts holding
  assert.equal(c.tick(900), false);
  assert.equal(c.t, DAY);
  assert.equal(c.tick(1300), true);
  assert.equal(c.t, 0);
  assert.equal(c.playing, true);
});

test('dwelling on stops (kiosk captions)', () => {
  const c = new Clock({ min: 0, max: 100 * DAY, speed: 'day', stops: [DAY / 2], dwellMs: 500 });
  c.play(0);
  for (let now = 100; now <= 400; now += 100) c.tick(now); // 0.4 day
  assert.ok(Math.abs(c.t - 0.4 * DAY) < 1);
  c.tick(500); // 0.5 day: stops on it
  c.tick(600); // would pass it
  assert.equal(c.t, DAY / 2);
  assert.equal(c.tick(900), false, 'holding');
  assert.equal(c.tick(1200), true, 'moving again');
  assert.ok(c.t > DAY / 2);
});

test('seek clamps; pause stops', () => {
  const c = new Clock({ min: 10, max: 20 });
  c.seek(5);
  assert.equal(c.t, 10);
  c.seek(50);
  assert.equal(c.t, 20);
  c.toggle(0);
  assert.equal(c.playing, true);
  c.toggle(0);
  assert.equal(c.playing, false);
});

test('a loop holds on its title card at the start and on its end card, and says which', () => {
  const c = new Clock({ min: 0, max: 10 * DAY, speed: 'day', loop: true, endHoldMs: 500, startHoldMs: 300 });
  c.play(0);
  c.holdAtStart(0);
  c.tick(0);
  assert.equal(c.phase, 'start');
  assert.equal(c.tick(100), false, 'held on the title card');
  assert.equal(c.t, 0);
  assert.equal(c.tick(350), true, 'moves on after startHoldMs');
  assert.equal(c.phase, null);
  c.seek(10 * DAY);
  c.tick(400);
  c.tick(450);
  assert.equal(c.phase, 'end');
  assert.equal(c.tick(800), false);
  assert.equal(c.tick(1000), true, 'back to the start after endHoldMs');
  assert.equal(c.t, 0);
  assert.equal(c.phase, 'start', 'and the title card again');
  c.pause();
  assert.equal(c.phase, null);
});
