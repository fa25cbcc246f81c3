// What the kiosk and the chart add to the page, wired through one small
// surface of the app (below) so that the page's modules need only a few
// hooks: the chart of counts under the timeline (page and kiosk), and in
// kiosk mode the configuration (window, dwell, languages and how they
// alternate, idle, view), the bounded map and easing back, the service
// worker and the problems sent to the server.

import { PeopleChart, chartSeries } from './chart.js';
import { kioskOptions, loopLanguage } from './kioskconfig.js';
import { keepTour } from './offline.js';

/**
 * @param {object} app
 * @param {object} app.manifest      the dataset's manifest (GET /dataset)
 * @param {import('./api.js').Api} app.api
 * @param {{min: number, max: number, dwellMs: number, playing: boolean, t: number, seek: Function}} app.clock
 * @param {{min: number, max: number}} app.axis   the timeline's extent
 * @param {HTMLElement} app.after    the chart goes after this element (the timeline)
 * @param {() => string} app.lang
 * @param {(t: string) => number} app.parseInstant
 * @param {boolean} app.kiosk
 * @param {import('./kiosk.js').Kiosk} [app.kioskUI]
 * @param {URLSearchParams} [app.params]  the kiosk's merged parameters
 * @param {object} [app.map], app.home  the Leaflet map and the dataset's extent
 * @param {(l: string) => void} [app.setLanguage]
 * @param {(layers: string[], t: number) => Promise<unknown>} [app.ready]
 * @param {() => string[]} [app.layers]
 * @param {number} [app.step]  the page's data window, ms
 * @param {(t: number) => ({name: object, caption: object}|null)} [app.eventAt]
 * @param {HTMLElement} [app.captionEl]
 * @param {import('./kiosklog.js').KioskLog} app.log  where a kiosk's problems go (the page's)
 */
export function installExhibit(app) {
  const lang = app.lang;
  const series = chartSeries(app.manifest);
  let chart = null;
  let chartLoaded = Promise.resolve();
  if (series.length) {
    const el = document.createElement('div');
    app.after.insertAdjacentElement('afterend', el);
    document.body.classList.add('ts-has-chart');
    chart = new PeopleChart(el, { series, min: app.axis.min, max: app.axis.max, lang: lang() });
    const layers = [...new Set(series.map((s) => s.layer))];
    chartLoaded = Promise.all(layers.map((id) => app.api.keyframes(id, app.axis.min, app.axis.max)
      .then((fs) => chart.setData(id, fs))
      .catch((e) => console.warn('timeslice: chart', id, e.message || e))));
  }
  const out = {
    chart,
    chartLoaded,
    options: null,
    loops: 0,
    frame: (t) => chart?.setTime(t),
    setLanguage: (l) => chart?.setLanguage(l),
  };
  if (!app.kiosk) return out;

  // --- kiosk -------------------------------------------------------------------
  const report = (level, message, detail) => app.log.report(level, message, detail);
  const o = kioskOptions(app.params || location.search, { parseInstant: app.parseInstant, languages: app.manifest.languages });
  out.options = o;
  const clock = app.clock;
  if (o.window) {
    clock.min = Math.max(app.axis.min, o.window.start);
    clock.max = Math.min(app.axis.max, o.window.end);
    if (clock.t < clock.min || clock.t > clock.max) clock.seek(clock.min);
  }
  if (o.dwellMs !== null) clock.dwellMs = o.dwellMs;
  const ui = app.kioskUI;
  if (ui) {
    if (app.map && app.home) ui.bound(app.map, app.home, o.view);
  }

  // Languages: one at a time, the next at each loop; or two at once.
  let lastT = clock.t;
  const second = o.alternate === 'together' ? o.languages[1] : null;
  let secondEl = null, secondKey = '';
  if (second && app.captionEl) {
    secondEl = document.createElement('div');
    secondEl.className = 'ts-second';
    secondEl.lang = second;
    app.captionEl.insertAdjacentElement('afterend', secondEl);
  }
  out.frame = (t) => {
    chart?.setTime(t);
    if (t < lastT && clock.playing && t <= clock.min) {
      out.loops++;
      if (o.alternate === 'loop' && o.languages.length > 1) app.setLanguage?.(loopLanguage(o.languages, out.loops));
    }
    lastT = t;
    if (secondEl) {
      const e = app.eventAt?.(t) || null;
      const key = e ? `${e.id}` : '';
      if (key !== secondKey) {
        secondKey = key;
        secondEl.textContent = '';
        if (e) {
          const h = document.createElement('p');
          h.className = 'ts-second-name';
          h.textContent = e.name?.[second] || '';
          const c = document.createElement('p');
          c.textContent = e.caption?.[second] || '';
          secondEl.append(h, c);
        }
      }
    }
  };

  // The service worker, and the whole tour kept for a reload offline.
  out.offline = keepTour({
    ready: app.ready, layers: app.layers, start: clock.min, end: clock.max, step: app.step,
    extra: () => chartLoaded, report,
  }).then((r) => {
    out.kept = r;
    document.documentElement.dataset.offline = r ? '1' : '0';
    return r;
  });
  return out;
}
