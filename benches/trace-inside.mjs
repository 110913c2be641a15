// Scratch: what happens inside the largest Layout events while the story page loads (no throttling).
import { chromium } from 'playwright-core';
import { serve, DIST, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
const site = await serve(process.env.DISTX ?? DIST, '/', { gzip: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
const page = await context.newPage();
await browser.startTracing(page, { categories: ['devtools.timeline', 'blink', 'fonts', 'disabled-by-default-devtools.timeline'] });
await page.goto(site.url, { waitUntil: 'load' });
await page.waitForTimeout(1500);
const all = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
const ev = all.filter((e) => e.ph === 'X');
const byTid = {};
for (const e of ev.filter((e) => e.name === 'ParseHTML')) byTid[e.tid] = (byTid[e.tid] ?? 0) + e.dur;
const main = Number(Object.entries(byTid).sort((a, b) => b[1] - a[1])[0][0]);
const layouts = ev.filter((e) => e.tid === main && e.name === 'Layout').sort((a, b) => b.dur - a.dur).slice(0, 3);
const fonts = ev.filter((e) => e.tid === main && e.name === 'FontCache::GetFontPlatformData');
console.log(JSON.stringify(fonts.slice(0, 6).map((e) => e.args)));
console.log('font lookups', fonts.length, Math.round(fonts.reduce((a, e) => a + e.dur, 0) / 1000), 'ms');
for (const l of layouts.slice(0, 1)) {
  const inside = ev.filter((e) => e.tid === main && e.ts >= l.ts && e.ts + e.dur <= l.ts + l.dur && e !== l);
  const by = {};
  for (const e of inside) { const k = e.name; by[k] = by[k] ?? { n: 0, d: 0 }; by[k].n++; by[k].d += e.dur; }
  console.log('LAYOUT', Math.round(l.dur / 1000), 'ms', JSON.stringify(l.args.beginData).slice(0, 80));
  for (const [k, v] of Object.entries(by).sort((a, b) => b[1].d - a[1].d).slice(0, 12)) console.log('   ', k, v.n, Math.round(v.d / 1000));
}
const names = {};
for (const e of all.filter((e) => e.tid === main)) names[e.name] = (names[e.name] ?? 0) + (e.dur ?? 0);
console.log(Object.entries(names).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k}:${Math.round(v / 1000)}`).join(' '));
await browser.close(); await site.close();
