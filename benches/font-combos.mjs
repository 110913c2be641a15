import { chromium } from 'playwright-core';
import { serve, DIST, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
const site = await serve(process.env.DISTX ?? DIST, '/', {});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
await page.route('**/*.js', (r) => r.abort());
await page.goto(site.url);
const combos = await page.evaluate(() => {
  const out = {};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const n = walker.currentNode;
    if (!n.textContent.trim()) continue;
    const s = getComputedStyle(n.parentElement);
    const k = `${s.fontFamily.slice(0, 20)}|${s.fontSize}|${s.fontWeight}|${s.fontStyle}`;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
});
console.log(Object.keys(combos).length);
for (const [k, v] of Object.entries(combos).sort()) console.log(v, k);
await browser.close(); await site.close();
