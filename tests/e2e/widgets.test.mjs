// Each widget's own page: prerendered for readers without JavaScript and
// for crawlers, with the tags link previews read, its preview image and its
// oEmbed document; brought to life in place by the WebAssembly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { browserAndSite, DIST, openPage } from './harness.mjs';

let browser, site, ids;
browserAndSite({ ids: true, then: (s) => ({ browser, site, ids } = s) });

/** Width and height of a PNG, from its header. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('without JavaScript, every widget page shows its chart, outputs and table, and tells previews about itself', async () => {
  assert.ok(ids.length >= 8, `the story lists the calculators: ${ids}`);
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 700, height: 900 } });
  const page = await context.newPage();
  for (const id of ids) {
    const response = await page.goto(`${site.url}${id}.html`);
    assert.equal(response.status(), 200, id);
    const title = await page.locator('h1').textContent();
    assert.equal(await page.locator('h1').count(), 1, `${id}: one heading`);
    assert.equal(await page.locator('main').count(), 1, `${id}: one main landmark`);
    assert.ok((await page.title()).startsWith(title), `${id}: the title names the widget`);
    // The whole card is in the page: its chart drawn in place, its outputs
    // and its inputs.
    const chart = page.locator(`#${id} .chart-svg > svg`);
    assert.ok(await chart.isVisible(), `${id}: the chart`);
    assert.ok((await chart.locator('polyline, path, rect').count()) > 3, `${id}: the chart is drawn`);
    assert.ok((await page.locator(`#${id} input[type=range]`).count()) >= 2, `${id}: the inputs`);
    assert.ok((await page.locator(`#${id} .calc-outputs`).textContent()).trim().length > 20, `${id}: the outputs`);
    assert.ok(await page.locator('main table').first().isVisible(), `${id}: the table`);
    const meta = await page.evaluate(() => {
      const m = (k) => document.querySelector(`meta[property="${k}"], meta[name="${k}"]`)?.getAttribute('content');
      const link = (rel) => document.querySelector(`link[rel="${rel}"]`);
      return {
        ogTitle: m('og:title'), ogDescription: m('og:description'), ogImage: m('og:image'), ogUrl: m('og:url'),
        card: m('twitter:card'), description: m('description'), canonical: link('canonical')?.href,
        oembed: document.querySelector('link[rel=alternate][type="application/json+oembed"]')?.getAttribute('href'),
      };
    });
    assert.equal(meta.ogTitle, title, id);
    assert.ok(meta.ogDescription && meta.ogDescription === meta.description, id);
    assert.equal(meta.card, 'summary_large_image');
    // Absolute addresses need the build's SITE_URL (scripts/test sets one).
    assert.ok(meta.canonical, `${id}: a canonical link (build with SITE_URL set)`);
    const base = meta.canonical.slice(0, -`${id}.html`.length);
    assert.match(base, /^https?:\/\/[^/]+\/(.*\/)?$/, `${id}: absolute canonical ${meta.canonical}`);
    assert.equal(meta.canonical, `${base}${id}.html`);
    assert.equal(meta.ogUrl, meta.canonical);
    assert.equal(meta.ogImage, `${base}preview/${id}.png`);
    assert.equal(meta.oembed, `${base}oembed/${id}.json`);

    // The files those tags name, as served.
    const local = (url) => `${site.url}${url.slice(base.length)}`;
    const image = Buffer.from(await (await fetch(local(meta.ogImage))).arrayBuffer());
    const size = pngSize(image);
    assert.ok(size.width >= 1200 && size.height >= 630, `${id}: preview ${size.width}×${size.height}`);
    assert.ok(image.length > 20000, `${id}: the preview has a drawing in it (${image.length} bytes)`);
    const oembed = await (await fetch(local(meta.oembed))).json();
    assert.equal(oembed.version, '1.0');
    assert.equal(oembed.type, 'rich');
    assert.equal(oembed.title, title);
    assert.equal(oembed.thumbnail_url, meta.ogImage);
    assert.ok(oembed.thumbnail_width >= 1200 && oembed.thumbnail_height >= 630);
    assert.ok(Number.isInteger(oembed.width) && Number.isInteger(oembed.height) && oembed.height > 300, id);
    assert.ok(oembed.provider_name && oembed.provider_url === base, id);
    // The widget's own page, in tabs: WordPress keeps a frame to 1,000 px
    // and keeps only its attributes, so the width is one too.
    // A link to the page (WordPress shows it until the frame speaks), then the frame.
    const page_ = `${base.replace(/[.]/g, '\\.')}${id}\\.html`;
    assert.match(oembed.html, new RegExp(`^<blockquote><a href="${page_}">[^<]+</a></blockquote><iframe src="${page_}\\?tabs=1" width="100%" height="${oembed.height}" title="[^"<>]+" frameborder="0"></iframe>$`), oembed.html);
    assert.ok(oembed.height <= 1000, `${id}: ${oembed.height} px`);
  }
  // The story page too.
  await page.goto(site.url);
  const story = await page.evaluate(() => ({
    image: document.querySelector('meta[property="og:image"]')?.getAttribute('content'),
    canonical: document.querySelector('link[rel=canonical]')?.getAttribute('href'),
  }));
  assert.match(story.image ?? '', /^https?:\/\/.*\/preview\/story\.png$/);
  assert.ok(story.canonical && story.image.startsWith(story.canonical), story.canonical);
  const cover = await readFile(join(DIST, 'preview', 'story.png'));
  assert.ok(pngSize(cover).width >= 1200);
  await context.close();
});

test('a widget page comes alive in place, with its link’s state, colours and compact option', async () => {
  const { page, context, problems } = await openPage(browser, { width: 700, origin: new URL(site.url).origin });
  await page.goto(`${site.url}payback.html?v=1&delay=7&theme=dark&compact=1`);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.waitForSelector('#payback[data-live]', { state: 'attached' });
  assert.equal(await page.locator('#payback-delay').inputValue(), '7');
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  assert.equal(await page.locator('.calc-intro').isVisible(), false, 'compact hides the prose');
  assert.equal(await page.locator('.calc').count(), 1, 'the live card replaced the static one');
  assert.equal(await page.locator('h1').count(), 1);
  // The reader changes it; the address follows.
  await page.locator('#payback-delay-range').fill('9');
  await page.waitForFunction(() => location.search.includes('delay=9'));
  assert.match(page.url(), /payback\.html\?.*theme=dark/);
  assert.deepEqual(problems, []);
  await context.close();
});
