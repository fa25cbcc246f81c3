// The playhead: play, pause, speed, seek, loop, and (on a kiosk) a pause
// on each event so its caption can be read. Pure: the page calls tick()
// from requestAnimationFrame with the frame's timestamp.

import { SPEEDS, DEFAULT_SPEED, clamp } from './time.js';

export class Clock {
  /**
   * @param {object} o
   * @param {number} o.min  start of the animation window (ms)
   * @param {number} o.max  end of the animation window (ms)
   * @param {number} [o.t]  initial playhead
   * @param {string} [o.speed] 'day' | 'week' | 'month'
   * @param {boolean} [o.loop] at the end, wait endHoldMs then start again
   * @param {number[]} [o.stops] instants to dwell on (sorted)
   * @param {number} [o.dwellMs] how long to dwell on each stop while playing
   * @param {number} [o.endHoldMs] how long a loop holds at the end (the epilogue)
   * @param {number} [o.startHoldMs] how long a loop holds at the start (the title card)
   */
  constructor({ min, max, t = min, speed = DEFAULT_SPEED, loop = false, stops = [], dwellMs = 0, endHoldMs = 4000, startHoldMs = 0 }) {
    this.min = min;
    this.max = max;
    this.t = clamp(t, min, max);
    this.speed = Object.hasOwn(SPEEDS, speed) ? speed : DEFAULT_SPEED;
    this.loop = loop;
    this.stops = stops;
    this.dwellMs = dwellMs;
    this.endHoldMs = endHoldMs;
    this.startHoldMs = startHoldMs;
    this.endHeld = false;
    this.startHeld = false;
    this.playing = false;
    this.last = null; // timestamp of the previous tick while playing
    this.holdUntil = 0;
  }

  get speedMs() { return SPEEDS[this.speed]; }

  play(now) {
    if (this.t >= this.max && !this.loop) this.t = this.min;
    this.playing = true;
    this.last = now ?? null;
    this.holdUntil = 0;
  }

  pause() { this.playing = false; this.last = null; this.holdUntil = 0; this.endHeld = false; this.startHeld = false; }

  /** Where a loop holds: 'start' (the title card), 'end' (the epilogue) or null. */
  get phase() { return this.endHeld ? 'end' : this.startHeld ? 'start' : null; }

  /** Holds at the start for startHoldMs from now (a loop's first title card). */
  holdAtStart(now) {
    if (!(this.startHoldMs > 0)) return;
    this.startHeld = true;
    this.holdUntil = now + this.startHoldMs;
  }

  toggle(now) { if (this.playing) this.pause(); else this.play(now); }

  seek(t) {
    this.t = clamp(t, this.min, this.max);
    this.holdUntil = 0;
    this.endHeld = false;
    this.startHeld = false;
    if (this.last !== null) this.last = null; // the next tick restarts timing
  }

  setSpeed(name) { if (Object.hasOwn(SPEEDS, name)) this.speed = name; }

  /** Advances the playhead to frame time now (ms, as given by
   * requestAnimationFrame). Returns true when t changed. A long gap (a
   * background tab) counts as one frame of at most 100 ms. */
  tick(now) {
    if (!this.playing) return false;
    if (this.last === null) { this.last = now; return false; }
    const dt = Math.min(100, Math.max(0, now - this.last));
    this.last = now;
    if (now < this.holdUntil) return false;
    this.startHeld = false;
    if (this.t >= this.max) {
      if (!this.loop) { this.pause(); return false; }
      if (this.holdUntil === 0 || now >= this.holdUntil) {
        if (this.endHeld) {
          this.endHeld = false;
          this.holdUntil = 0;
          this.t = this.min;
          this.holdAtStart(now);
          return true;
        }
        this.endHeld = true;
        this.holdUntil = now + this.endHoldMs;
      }
      return false;
    }
    let next = this.t + (dt / 1000) * this.speedMs;
    if (this.dwellMs > 0) {
      const stop = this.stops.find((s) => s > this.t && s <= next);
      if (stop !== undefined) { next = stop; this.holdUntil = now + this.dwellMs; }
    }
    this.t = Math.min(next, this.max);
    return true;
  }
}
