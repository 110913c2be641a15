// Scratch: load the story page at 4x CPU slowdown N times; report the
// median total of Layout, style, and long-task blocking time.
import { chromium } from 'playwright-core';
import { serve, DIST, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
const site = await serve(process.env.DISTX ?? DIST, '/', { gzip: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const rows = [];
for (let r = 0; r < Number(process.argv[2] ?? 5); r++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.goto(site.url + (process.argv[3] ?? ''), { waitUntil: 'load' });
  await page.waitForTimeout(2500);
  const ev = JSON.parse((await browser.stopTracing()).toString()).traceEvents.filter((e) => e.ph === 'X');
  const main = ev.find((e) => e.name === 'ParseHTML')?.tid;
  const sum = (n) => Math.round(ev.filter((e) => e.tid === main && e.name === n).reduce((a, e) => a + (e.tdur ?? e.dur), 0) / 1000);
  const long = ev.filter((e) => e.tid === main && e.name === 'RunTask' && (e.tdur ?? e.dur) > 50000).map((e) => (e.tdur ?? e.dur) / 1000);
  const cpu = Math.round(ev.filter((e) => e.tid === main && e.name === 'RunTask').reduce((a, e) => a + (e.tdur ?? 0), 0) / 1000);
  const first = Math.round((ev.find((e) => e.tid === main && e.name === 'Layout')?.dur ?? 0) / 1000);
  rows.push({ cpu, first, layout: sum('Layout'), style: sum('UpdateLayoutTree'), paint: sum('Paint'), parse: sum('ParseHTML'), tbt: Math.round(long.reduce((a, d) => a + d - 50, 0)) });
  await context.close();
}
await browser.close(); await site.close();
const med = (k) => rows.map((o) => o[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
console.log(JSON.stringify(rows.map((r) => r.tbt)), 'median', Object.fromEntries(Object.keys(rows[0]).map((k) => [k, med(k)])));
