import { chromium } from 'playwright-core';
import { serve, DIST, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
const site = await serve(process.env.DISTX ?? DIST, '/', {});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
await page.route('**/*.js', (r) => r.abort());
await page.goto(site.url);
console.log(await page.evaluate(() => {
  const n = (sel) => [...document.querySelectorAll(sel)].reduce((a, e) => a + e.querySelectorAll('*').length + 1, 0);
  const text = (sel) => [...document.querySelectorAll(sel)].reduce((a, e) => a + (e.textContent || '').length, 0);
  return { all: document.querySelectorAll('*').length, calc: n('.calc'), params: n('.param'), svg: n('.chart-svg svg'), tables: n('.calc-table'), share: n('.share-bar'), outputs: n('.calc-results'), sources: n('.sources'), toc: n('.toc'), textChars: text('body'), sourcesText: text('.sources') };
}));
await browser.close(); await site.close();
