// Kiosk mode (/kiosk or ?kiosk=1): the museum installation. The tour plays
// by itself in a loop; a visitor's touch pauses it, shows the controls and
// hands them the map (panning and zooming stay within the dataset's
// extent); some time after the last touch (idle, 90 s by default) the view
// eases back and the tour resumes where it stands. The page cannot be
// selected, zoomed by a pinch or left by a link; a link's reference is
// shown instead. The cursor hides when the mouse rests; the screen stays
// awake where the browser offers a wake lock. Nothing here ever shows a
// dialog.

/** How long the mouse rests before the cursor hides. */
export const CURSOR_MS = 3000;

export class Kiosk {
  /**
   * @param {object} o
   * @param {number} o.idleMs
   * @param {() => void} o.onVisitor  a visitor started touching: stop the tour
   * @param {() => void} o.onIdle     nobody touched for idleMs: back to the tour
   * @param {HTMLElement} [o.hint]    element that invites to touch
   * @param {(level: string, message: string, detail?: unknown) => void} [o.report]
   * @param {Document} [o.doc]
   */
  constructor({ idleMs, onVisitor, onIdle, hint, report = () => {}, doc = document }) {
    this.idleMs = idleMs;
    this.onVisitor = onVisitor;
    this.onIdle = onIdle;
    this.hint = hint;
    this.report = report;
    this.doc = doc;
    this.touring = true;
    this.timer = 0;
    this.cursorTimer = 0;
    this.triedFullscreen = false;
    this.wakeLock = null;
    this.map = null;
    const activity = (ev) => this.activity(ev);
    for (const type of ['pointerdown', 'keydown', 'wheel']) {
      doc.addEventListener(type, activity, { capture: true, passive: true });
    }
    this.lockDown();
    this.hideCursorWhenIdle();
    this.keepAwake();
    this.keepLinks();
  }

  activity() {
    this.fullscreen();
    if (this.touring) {
      this.touring = false;
      this.doc.body.classList.add('ts-visitor');
      this.onVisitor();
    }
    this.showHint(false);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.idle(), this.idleMs);
  }

  idle() {
    this.touring = true;
    this.doc.body.classList.remove('ts-visitor');
    this.closeReference();
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
    const el = this.doc.documentElement;
    if (!this.doc.fullscreenElement && el.requestFullscreen) {
      el.requestFullscreen({ navigationUI: 'hide' }).catch(() => {});
    }
  }

  /** No text selection, no context menu, no page zoom (pinch, ctrl+wheel,
   * double tap outside the map); the map zooms itself. */
  lockDown() {
    const doc = this.doc;
    doc.body.classList.add('ts-locked');
    let vp = doc.querySelector('meta[name="viewport"]');
    if (!vp) { vp = doc.createElement('meta'); vp.name = 'viewport'; doc.head.appendChild(vp); }
    vp.content = 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover';
    const stop = (ev) => ev.preventDefault();
    doc.addEventListener('contextmenu', stop);
    doc.addEventListener('selectstart', stop);
    doc.addEventListener('dragstart', (ev) => { if (!ev.target.closest?.('.leaflet-container')) ev.preventDefault(); });
    doc.addEventListener('gesturestart', stop); // Safari's pinch
    doc.addEventListener('wheel', (ev) => { if (ev.ctrlKey) ev.preventDefault(); }, { passive: false });
    doc.addEventListener('touchmove', (ev) => {
      if (ev.touches.length > 1 && !ev.target.closest?.('.leaflet-container')) ev.preventDefault();
    }, { passive: false });
  }

  hideCursorWhenIdle() {
    const body = this.doc.body;
    const moved = () => {
      body.classList.remove('ts-cursor-hidden');
      clearTimeout(this.cursorTimer);
      this.cursorTimer = setTimeout(() => body.classList.add('ts-cursor-hidden'), CURSOR_MS);
    };
    this.doc.addEventListener('pointermove', moved, { passive: true });
    this.cursorTimer = setTimeout(() => body.classList.add('ts-cursor-hidden'), CURSOR_MS);
  }

  /** Screen Wake Lock where offered; taken again when the page shows. */
  keepAwake() {
    const wl = globalThis.navigator?.wakeLock;
    if (!wl) return;
    const take = async () => {
      if (this.doc.visibilityState !== 'visible' || (this.wakeLock && !this.wakeLock.released)) return;
      try {
        this.wakeLock = await wl.request('screen');
      } catch (e) {
        this.report('info', 'wake lock refused', e);
      }
    };
    this.doc.addEventListener('visibilitychange', take);
    this.doc.addEventListener('pointerdown', take, { passive: true }); // some browsers want a gesture
    take();
  }

  /** A link never leaves the exhibit: a tap on one shows its full
   * reference (its citation, title and address as text). */
  keepLinks() {
    this.doc.addEventListener('click', (ev) => {
      const a = ev.target.closest?.('a[href]');
      if (!a) return;
      const href = a.getAttribute('href') || '';
      if (href.startsWith('#')) return;
      ev.preventDefault();
      ev.stopPropagation();
      this.showReference(referenceOf(a));
    }, { capture: true });
    this.doc.addEventListener('auxclick', (ev) => { if (ev.target.closest?.('a[href]')) ev.preventDefault(); }, { capture: true });
  }

  showReference({ text, url }) {
    this.closeReference();
    const el = this.doc.createElement('div');
    el.className = 'ts-reference';
    el.setAttribute('role', 'note');
    const p = this.doc.createElement('p');
    p.textContent = text;
    el.appendChild(p);
    if (url) {
      const u = this.doc.createElement('p');
      u.className = 'ts-reference-url';
      u.textContent = url;
      el.appendChild(u);
    }
    el.addEventListener('click', () => this.closeReference());
    this.doc.body.appendChild(el);
    this.reference = el;
  }

  closeReference() {
    this.reference?.remove();
    this.reference = null;
  }

  /**
   * Keeps the visitor's map within the dataset: panning stops at its
   * extent and zooming out stops where all of it shows.
   * @param {import('leaflet').Map} map
   * @param {import('leaflet').LatLngBounds} extent
   * @param {{center: number[], zoom: number}|null} [view] the tour's view (else the extent)
   */
  bound(map, extent, view = null) {
    this.map = map;
    this.extent = extent;
    this.view = view;
    const apply = () => {
      map.setMaxBounds(extent.pad(0.05));
      // The configured view may be wider than the extent at this screen size.
      const fit = Math.floor(map.getBoundsZoom(extent) * 4) / 4 - 0.25;
      map.setMinZoom(Math.max(0, Math.min(fit, view ? view.zoom : fit)));
    };
    apply();
    map.on('resize', apply);
  }

  /** Eases the map back to the tour's view (a cut under reduced motion). */
  easeBack(reducedMotion = false) {
    const map = this.map;
    if (!map) return;
    map.closePopup();
    const animate = !reducedMotion;
    if (this.view) map.flyTo(this.view.center, this.view.zoom, { animate, duration: 1.5 });
    else map.flyToBounds(this.extent, { animate, duration: 1.5, paddingTopLeft: [6, 40], paddingBottomRight: [6, 6] });
  }
}

/** The reference a link stands for: its citation (data-citation), or the
 * text of the list item it is in, or its own text; and its address. */
export function referenceOf(a) {
  const text = a.dataset?.citation || a.closest?.('li')?.textContent || a.getAttribute('title') || a.textContent || '';
  let url = a.getAttribute('href') || '';
  try { url = new URL(url, a.baseURI).href; } catch { /* as written */ }
  return { text: text.replace(/\s+/g, ' ').trim(), url };
}
