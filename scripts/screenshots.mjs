// Takes screenshots of the built site (dist/) at phone and desktop widths,
// light and dark, for a reader's-eye check:  node scripts/screenshots.mjs [out-dir]
import { mkdir } from 'node:fs/promises';
import { serve, launch, openPage, ready } from '../tests/e2e/harness.mjs';

const out = process.argv[2] ?? 'target/screenshots';
await mkdir(out, { recursive: true });
const site = await serve();
const browser = await launch();
for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]]) {
  for (const scheme of ['light', 'dark']) {
    const { page, context, problems } = await openPage(browser, { width, height, colorScheme: scheme });
    await page.goto(site.url);
    await ready(page);
    await page.screenshot({ path: `${out}/${name}-${scheme}-top.png` });
    for (const id of await page.$$eval('.calc', (els) => els.map((e) => e.id))) {
      await page.locator(`#${id}`).screenshot({ path: `${out}/${name}-${scheme}-${id}.png` });
    }
    await page.locator('#sources').screenshot({ path: `${out}/${name}-${scheme}-sources.png` });
    if (problems.length) console.log(name, scheme, problems);
    await context.close();
  }
}
// The reader's own scenario in yuan: the masthead's switches, the market
// forecast section with its calculator and the paragraph that follows it.
for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]]) {
  for (const scheme of ['light', 'dark']) {
    const { page, context, problems } = await openPage(browser, { width, height, colorScheme: scheme });
    await page.goto(`${site.url}?cur=cny&fx=7.2&market.rate=40&adopt.ceiling=70`);
    await ready(page);
    await page.screenshot({ path: `${out}/${name}-${scheme}-yuan-top.png` });
    await page.locator('#market-growth[data-live]').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-follow=market-growth]').classList.contains('follow-yours'));
    await page.locator('#forecast').screenshot({ path: `${out}/${name}-${scheme}-yuan-forecast.png` });
    await page.locator('#adoption').screenshot({ path: `${out}/${name}-${scheme}-yuan-adoption.png` });
    if (problems.length) console.log(name, scheme, problems);
    await context.close();
  }
}
// The mock blog post with two embeds, and the Embed dialog.
for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]]) {
  for (const scheme of ['light', 'dark']) {
    const { page, context, problems } = await openPage(browser, { width, height, colorScheme: scheme });
    await page.goto(`${site.url}embed-example.html`);
    for (const frame of await page.locator('iframe').all()) {
      await frame.scrollIntoViewIfNeeded();
      await frame.contentFrame().locator('.chart-svg svg').waitFor();
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}-${scheme}-embed-example.png`, fullPage: true });
    await page.goto(site.url);
    await ready(page);
    await page.locator('#payback [data-testid=embed]').click();
    await page.locator('dialog[open] iframe').contentFrame().locator('.chart-svg svg').waitFor();
    await page.screenshot({ path: `${out}/${name}-${scheme}-embed-dialog.png` });
    if (problems.length) console.log(name, scheme, problems);
    await context.close();
  }
}
// A widget's own page, live and as a reader without JavaScript sees it.
for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]]) {
  for (const scheme of ['light', 'dark']) {
    const { page, context, problems } = await openPage(browser, { width, height, colorScheme: scheme });
    await page.goto(`${site.url}payback.html`);
    await page.waitForSelector('html[data-ready]', { state: 'attached' });
    await page.locator('.chart-svg svg').waitFor();
    await page.screenshot({ path: `${out}/${name}-${scheme}-widget-page.png`, fullPage: true });
    if (problems.length) console.log(name, scheme, problems);
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.url}payback.html`);
  // A widget's page holds its drawing inline.
  await page.locator('.chart-svg svg').waitFor();
  await page.screenshot({ path: `${out}/${name}-light-widget-page-no-js.png`, fullPage: true });
  await context.close();
}
// The Chinese story: its top, two of its cards, the sources; and one
// Chinese preview image as link previews show it.
for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]]) {
  for (const scheme of ['light', 'dark']) {
    const { page, context, problems } = await openPage(browser, { width, height, colorScheme: scheme });
    await page.goto(`${site.url}zh.html`);
    await ready(page);
    await page.screenshot({ path: `${out}/${name}-${scheme}-zh-top.png` });
    for (const id of ['market-growth', 'payback']) await page.locator(`#${id}`).screenshot({ path: `${out}/${name}-${scheme}-zh-${id}.png` });
    await page.locator('#sources').screenshot({ path: `${out}/${name}-${scheme}-zh-sources.png` });
    if (problems.length) console.log(name, scheme, problems);
    await context.close();
  }
}
{
  const { page, context } = await openPage(browser, { width: 1200, height: 630 });
  await page.goto(`${site.url}preview/market-growth.zh.png`);
  await page.screenshot({ path: `${out}/zh-preview-market-growth.png` });
  await context.close();
}
// The share image with its QR code, as the Share bar saves it: a Chinese
// widget set by a reader on a phone, light, and an English one, dark.
for (const [path, scheme, width] of [['market-growth.zh.html?rate=40', 'light', 390], ['payback.html?invest=80', 'dark', 1280]]) {
  const { page, context, problems } = await openPage(browser, { width, height: 900, colorScheme: scheme });
  await page.goto(`${site.url}${path}`);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=share-image]').click()]);
  await download.saveAs(`${out}/share-${scheme}-${download.suggestedFilename()}`);
  if (problems.length) console.log(path, problems);
  await context.close();
}
await browser.close();
await site.close();
console.log(`screenshots in ${out}`);
