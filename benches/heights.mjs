import { chromium } from 'playwright-core';
import { serve, DIST, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
const site = await serve(process.env.DISTX ?? DIST, '/', {});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const w of [360, 412, 768, 1280]) {
  const page = await browser.newPage({ viewport: { width: w, height: 823 } });
  await page.route('**/*.js', (r) => r.abort());
  await page.goto(site.url);
  console.log(w, JSON.stringify(await page.evaluate(() => ({
    calcs: [...document.querySelectorAll('.calc')].map((e) => Math.round(e.getBoundingClientRect().height)),
    sections: [...document.querySelectorAll('.story-section')].map((e) => Math.round(e.getBoundingClientRect().height)),
    tops: [...document.querySelectorAll('.calc')].map((e) => Math.round(e.getBoundingClientRect().top + scrollY)),
  }))));
  await page.close();
}
await browser.close(); await site.close();
