// npm run screenshots: saves what the page looks like (the introduction card,
// 1280×800 desktop, 375×667 phone, kiosk, Khmer) into static/test/out/ for a person to look at.
//   node static/test/screenshots.mjs [date]

import { buildServer, startServer, freePort, launchBrowser, waitReady, outDir, watch, findChromium } from './lib/harness.mjs';
import { join } from 'node:path';

if (!findChromium()) { console.error('Chromium not found'); process.exit(1); }
const date = process.argv[2] || '1979-01-08';
const build = await buildServer();
const server = await startServer(build.bin, await freePort());
const out = outDir();
const shots = [
  { name: 'intro', viewport: { width: 1280, height: 800 }, q: `?t=${date}`, card: true },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, q: `?t=${date}` },
  { name: 'desktop-km', viewport: { width: 1280, height: 800 }, q: `?t=${date}&lang=km` },
  { name: 'phone', viewport: { width: 375, height: 667 }, q: `?t=${date}` },
  { name: 'phone-legend', viewport: { width: 375, height: 667 }, q: `?t=${date}&lang=fr`, open: true },
  { name: 'kiosk', viewport: { width: 1280, height: 800 }, q: `?kiosk=1&t=${date}`, kiosk: true },
];
try {
  for (const s of shots) {
    const b = await launchBrowser({ viewport: s.viewport });
    try {
      const page = await b.context.newPage();
      const problems = watch(page);
      await page.goto(server.base + '/' + s.q);
      await waitReady(page);
      if (s.kiosk) { await page.evaluate((d) => { window.timeslice.pause(); window.timeslice.seek(d); }, date); }
      if (!s.card) await page.evaluate(() => window.timeslice.closeCard());
      if (s.open) await page.click('.ts-panel-toggle');
      await page.waitForTimeout(600);
      const file = join(out, `${s.name}.png`);
      await page.screenshot({ path: file });
      console.log(file, problems.length ? problems : 'no problems');
    } finally {
      await b.close();
    }
  }
} finally {
  await server.stop();
  build.cleanup();
}
