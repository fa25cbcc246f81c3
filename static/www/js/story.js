// The story's director: from the events and the playhead it decides what
// the caption panel shows (pacing.js panelState, the tied events in turn),
// how long the clock holds at each event (its reading time), where Next /
// Previous go, and when the camera goes to an event and comes back.
// No DOM of its own: the camera is given (camera.js, or a stand-in).

import { orderEvents, schedule, stopAt, shownInStop, stepEvent, panelState, paceConfig } from './pacing.js';

export class Story {
  /**
   * @param {object} o
   * @param {(e: object) => {text: string, lang: string}} o.textOf what a visitor reads of an event
   * @param {object} [o.pace] reading speed (pacing.js paceConfig)
   * @param {{focus: (f: object) => any, release: () => void}} [o.camera]
   * @param {{start: number, end: number}[]} [o.chapters]
   */
  constructor({ textOf, pace = {}, camera = null, chapters = [] }) {
    this.textOf = textOf;
    this.pace = paceConfig(pace);
    this.camera = camera;
    this.chapters = chapters;
    this.ordered = [];
    this.stops = [];
    this.chosenId = null; // the tied event chosen by Next / Previous, or a pick
    this.focusedId = null;
  }

  /** events: [{id, from, to, feature, ...}] (caption.js readEvents). */
  setEvents(events) {
    this.ordered = orderEvents(events);
    this.reschedule();
  }

  /** Recomputes the holds (after a language switch). */
  reschedule() { this.stops = schedule(this.ordered, this.textOf, this.pace); }

  /** The instants the clock stops at, sorted. */
  get stopTimes() { return this.stops.map((s) => s.t); }

  /** How long the clock holds at stop instant t (ms). */
  holdMs(t) { return stopAt(this.stops, t)?.total ?? 0; }

  /**
   * What the panel shows at t. playing: the clock runs; heldMs: how long
   * it has been holding at the stop t (null when not holding).
   */
  at(t, { playing = false, heldMs = null } = {}) {
    const stop = heldMs !== null ? stopAt(this.stops, t) : undefined;
    if (stop && stop.events.length > 1) this.chosenId = shownInStop(stop, heldMs).id;
    const st = panelState(t, this.ordered, this.chapters, { playing, chosenId: this.chosenId });
    if (st.kind !== 'event' || st.event.from !== t) {
      // Past the instant the event was chosen at: the choice ends.
      if (this.chosenId && !(st.kind === 'event' && st.event.id === this.chosenId)) this.chosenId = null;
    }
    this.follow(st, t, playing, heldMs !== null);
    return st;
  }

  /** The camera goes to an event while it is held (or stepped to) and
   * comes back when the playhead leaves its instant. */
  follow(st, t, playing, holding) {
    if (!this.camera) return;
    const at = st.kind === 'event' && st.event.from === t && (holding || !playing) ? st.event : null;
    if (at && at.id !== this.focusedId) {
      this.focusedId = at.id;
      this.camera.focus(at.feature);
    } else if (!at && this.focusedId !== null && (playing || st.kind !== 'event')) {
      this.focusedId = null;
      this.camera.release();
    }
  }

  /** The event Next (1) or Previous (-1) goes to from t (null at the ends);
   * it becomes the chosen one. */
  step(t, dir) {
    const cur = this.chosenId ?? panelState(t, this.ordered, this.chapters, {}).event?.id ?? null;
    const e = stepEvent(this.ordered, t, cur, dir);
    this.chosenId = e ? e.id : null;
    return e;
  }

  /** A pick (a tick, a link) of event id: it becomes the chosen one. */
  choose(id) {
    const e = this.ordered.find((x) => x.id === id) || null;
    this.chosenId = e ? e.id : null;
    return e;
  }
}
