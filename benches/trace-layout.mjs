import { chromium } from 'playwright-core';
import { serve, DIST, CHROMIUM_ARGS } from '/work/main/tests/e2e/harness.mjs';
const site = await serve(process.env.DISTX ?? DIST, '/', { gzip: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'loading'] });
await page.goto(site.url, { waitUntil: 'load' });
await page.waitForTimeout(3000);
const trace = JSON.parse((await browser.stopTracing()).toString());
const ev = trace.traceEvents;
const main = ev.find((e) => e.name === 'ParseHTML')?.tid;
const t0 = ev.find((e) => e.name === 'ParseHTML')?.ts;
for (const e of ev.filter((e) => e.tid === main && e.ph === 'X' && e.dur > 8000 && e.name !== 'RunTask')) {
  console.log(Math.round((e.ts - t0) / 1000), e.name, Math.round(e.dur / 1000), JSON.stringify(e.args?.beginData ?? e.args?.data ?? {}).slice(0, 150), JSON.stringify(e.args?.endData ?? {}).slice(0, 100));
}
await browser.close(); await site.close();
