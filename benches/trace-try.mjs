// Scratch: trace the story page's load at 4x CPU slowdown; sum main-thread events.
import { chromium } from 'playwright-core';
import { serve, DIST, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
const site = await serve(process.env.DISTX ?? DIST, '/', { gzip: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const runs = Number(process.argv[2] ?? 3);
const path = process.argv[3] ?? '';
for (let r = 0; r < runs; r++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.goto(site.url + path, { waitUntil: 'load' });
  await page.waitForTimeout(3000);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const ev = trace.traceEvents.filter((e) => e.ph === 'X' && e.dur);
  const main = ev.find((e) => e.name === 'ParseHTML')?.tid;
  const tasks = ev.filter((e) => e.tid === main && e.name === 'RunTask').map((e) => e.dur / 1000);
  const long = tasks.filter((d) => d > 50);
  const tbt = long.reduce((a, d) => a + d - 50, 0);
  const by = {};
  for (const e of ev.filter((e) => e.tid === main)) by[e.name] = (by[e.name] ?? 0) + e.dur / 1000;
  const top = Object.entries(by).filter(([k]) => k !== 'RunTask').sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k}:${Math.round(v)}`).join(' ');
  console.log(`long tasks ${long.map(Math.round).join(',')} tbt~${Math.round(tbt)}\n  ${top}`);
  await context.close();
}
await browser.close();
await site.close();
