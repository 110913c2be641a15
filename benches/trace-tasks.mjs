// Scratch: main-thread tasks while the story page loads (no throttling,
// no paint holding): total, longest, and the sum over 12 ms (Lantern at 4x
// counts tasks over 50 ms).
import { chromium } from 'playwright-core';
import { serve, DIST, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
const site = await serve(process.env.DISTX ?? DIST, '/', { gzip: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--disable-features=PaintHolding'] });
const rows = [];
for (let r = 0; r < Number(process.argv[2] ?? 5); r++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.goto(site.url + (process.argv[3] ?? ''), { waitUntil: 'load' });
  await page.waitForTimeout(2000);
  const ev = JSON.parse((await browser.stopTracing()).toString()).traceEvents.filter((e) => e.ph === 'X');
  const byTid = {};
  for (const e of ev.filter((e) => e.name === 'ParseHTML')) byTid[e.tid] = (byTid[e.tid] ?? 0) + e.dur;
  const main = Number(Object.entries(byTid).sort((a, b) => b[1] - a[1])[0][0]);
  const tasks = ev.filter((e) => e.tid === main && e.name === 'RunTask').map((e) => (e.tdur ?? e.dur) / 1000);
  rows.push({ total: Math.round(tasks.reduce((a, b) => a + b, 0)), max: Math.round(Math.max(...tasks)), over12: Math.round(tasks.filter((d) => d > 12.5).reduce((a, d) => a + d - 12.5, 0)) });
  await context.close();
}
await browser.close(); await site.close();
const med = (k) => rows.map((o) => o[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
console.log(JSON.stringify(rows.map((r) => r.over12)), 'median', JSON.stringify(Object.fromEntries(Object.keys(rows[0]).map((k) => [k, med(k)]))));
