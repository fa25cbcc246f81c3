// A kiosk's problems go to the server (POST /kiosk/log), never to the
// screen: uncaught errors, rejected promises, and what the page writes
// with console.error and console.warn. At most a few reports a minute
// leave (the server bounds them too); while the server is away the last
// ones wait, and go when it answers again.

const MAX_PER_MINUTE = 10;
const MAX_WAITING = 20;
const MAX_TEXT = 400;

const text = (x) => {
  if (x instanceof Error) return `${x.name}: ${x.message}`;
  if (typeof x === 'string') return x;
  try { return JSON.stringify(x); } catch { return String(x); }
};

export class KioskLog {
  /** @param {object} [o] @param {(body: string) => Promise<Response>} [o.send] */
  constructor({ send } = {}) {
    this.send = send || ((body) => fetch('/kiosk/log', { method: 'POST', body, keepalive: true, headers: { 'Content-Type': 'application/json' } }));
    this.waiting = [];
    this.sent = []; // times of the reports sent in the last minute
    this.last = '';
    this.flushing = false;
  }

  /** Reports a problem: level is 'error', 'warn' or 'info'. */
  report(level, message, detail) {
    const m = text(message).slice(0, MAX_TEXT);
    const d = detail === undefined ? '' : text(detail).slice(0, MAX_TEXT);
    const key = `${level}|${m}|${d}`;
    if (key === this.last) return; // the same thing again, at once
    this.last = key;
    this.waiting.push({ level, message: m, detail: d, url: location.pathname + location.search });
    if (this.waiting.length > MAX_WAITING) this.waiting.shift();
    this.flush();
  }

  async flush() {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.waiting.length) {
        const now = Date.now();
        this.sent = this.sent.filter((x) => now - x < 60000);
        if (this.sent.length >= MAX_PER_MINUTE) break;
        const r = this.waiting[0];
        try {
          await this.send(JSON.stringify(r));
        } catch {
          break; // the server is away: try again with the next report
        }
        this.waiting.shift();
        this.sent.push(now);
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Catches the page's uncaught errors and its console errors and
   * warnings (they still go to the console too). */
  install(win = window) {
    win.addEventListener('error', (ev) => this.report('error', ev.message || 'error', ev.error ? ev.error.stack || ev.error : `${ev.filename}:${ev.lineno}`));
    win.addEventListener('unhandledrejection', (ev) => this.report('error', 'unhandled rejection', ev.reason?.stack || ev.reason));
    for (const level of ['error', 'warn']) {
      const orig = win.console[level].bind(win.console);
      win.console[level] = (...args) => {
        orig(...args);
        this.report(level, args[0], args.length > 1 ? args.slice(1).map(text).join(' ') : undefined);
      };
    }
    win.addEventListener('online', () => this.flush());
    return this;
  }
}
