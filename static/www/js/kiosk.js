// Kiosk mode (?kiosk=1): the museum installation. The tour plays by
// itself in a loop; a visitor's touch pauses it and hands them the map;
// some time after the last touch (idle, 90 s by default, ?idle=N) the
// page resets to the tour. Nothing here ever shows a dialog.

export class Kiosk {
  /**
   * @param {object} o
   * @param {number} o.idleMs
   * @param {() => void} o.onVisitor  a visitor started touching: stop the tour
   * @param {() => void} o.onIdle     nobody touched for idleMs: back to the tour
   * @param {HTMLElement} [o.hint]    element that invites to touch
   */
  constructor({ idleMs, onVisitor, onIdle, hint }) {
    this.idleMs = idleMs;
    this.onVisitor = onVisitor;
    this.onIdle = onIdle;
    this.hint = hint;
    this.touring = true;
    this.timer = 0;
    this.triedFullscreen = false;
    const activity = (ev) => this.activity(ev);
    for (const type of ['pointerdown', 'keydown', 'wheel']) {
      document.addEventListener(type, activity, { capture: true, passive: true });
    }
  }

  activity() {
    this.fullscreen();
    if (this.touring) {
      this.touring = false;
      this.onVisitor();
    }
    this.showHint(false);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.idle(), this.idleMs);
  }

  idle() {
    this.touring = true;
    this.onIdle();
    this.showHint(true);
  }

  showHint(on) {
    if (this.hint) this.hint.hidden = !on;
  }

  /** Full screen needs a user gesture: try on the first touch. A kiosk
   * browser started with --kiosk is full screen already. */
  fullscreen() {
    if (this.triedFullscreen) return;
    this.triedFullscreen = true;
    const el = document.documentElement;
    if (!document.fullscreenElement && el.requestFullscreen) {
      el.requestFullscreen({ navigationUI: 'hide' }).catch(() => {});
    }
  }
}
