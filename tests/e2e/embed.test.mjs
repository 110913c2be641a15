// Embeds, shared links and exports, as a blogger and a reader use them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, ready, contents, blogPage, until } from './harness.mjs';

let browser, site, subSite, host, hostDir;
before(async () => {
  browser = await launch();
  site = await serve();
  subSite = await serve(undefined, '/china-ai/');
  hostDir = await mkdtemp(join(tmpdir(), 'blog-'));
  host = await serve(hostDir);
});
after(async () => {
  await browser?.close();
  for (const s of [site, subSite, host]) await s?.close();
});

/** The snippet the site's Embed dialog gives for a widget, as set up. */
async function publishedSnippet(id, setUp = async () => {}) {
  const { page, context, problems } = await openPage(browser, { origin: new URL(site.url).origin });
  await page.goto(site.url);
  await ready(page);
  const calc = page.locator(`#${id}`);
  await setUp(calc);
  await calc.locator('[data-testid=embed]').click();
  const dialog = page.locator('dialog[open]');
  const snippet = await dialog.locator('[data-testid=snippet]').inputValue();
  assert.match(await dialog.locator('iframe.embed-preview').getAttribute('src'), new RegExp(`/${id}\\.html`), 'the dialog shows a live preview');
  await context.close();
  assert.deepEqual(problems, []);
  return snippet;
}

test('a blog on another origin embeds two widgets that size themselves', async () => {
  const first = await publishedSnippet('market-growth', async (calc) => {
    await calc.locator('#market-growth-rate').fill('50');
    // The address takes the new value after its debounce: the Embed dialog reads that state.
    await calc.page().waitForFunction(() => /[?&]market\.rate=50(&|$)/.test(location.search));
  });
  const second = await publishedSnippet('payback');
  assert.match(first, /\/market-growth\.html\?v=1&amp;rate=50"/);
  assert.match(first, /loading="lazy"/);
  await blogPage(hostDir, 'post.html', `<h1>My post</h1><p>Text.</p>${first}<p>More text.</p>${second}
    <p>A sandboxed one:</p><iframe id="boxed" sandbox="allow-scripts allow-popups" src="${site.url}embed.html?w=hospital-risk" title="Boxed" style="width:100%;border:0"></iframe>`, { style: 'margin:0;font-family:serif' });
  // Snippets point at the site's own origin; the blog is elsewhere.
  assert.notEqual(new URL(host.url).origin, new URL(site.url).origin);

  const { page, context, problems } = await openPage(browser, { width: 800, height: 900 });
  const origins = new Set();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.goto(`${host.url}post.html`);
  const frames = page.locator('iframe[data-china-ai-widget]');
  assert.equal(await frames.count(), 2);

  const fits = async (index) => {
    const frame = frames.nth(index);
    await frame.scrollIntoViewIfNeeded();
    const content = page.frameLocator('iframe[data-china-ai-widget]').nth(index).locator('.embed-root');
    await content.locator('.chart-svg svg').waitFor({ timeout: 20000 });
    return until(async () => {
      const [outer, inner] = [await frame.evaluate((f) => f.getBoundingClientRect().height), await content.evaluate((e) => e.getBoundingClientRect().height)];
      return Math.abs(outer - inner) <= 4 && { outer, inner };
    }, `iframe ${index} matches its content height`);
  };
  for (const i of [0, 1]) await fits(i);

  // The shared state arrived: the first widget shows the 50% rate.
  const firstFrame = page.frameLocator('iframe[data-china-ai-widget]').nth(0);
  assert.equal(await firstFrame.locator('#market-growth-rate').inputValue(), '50');

  // Content grows (the data table opens): the iframe follows.
  const before = (await fits(1)).outer;
  await page.frameLocator('iframe[data-china-ai-widget]').nth(1).locator('.calc-table summary').click();
  await page.waitForFunction((before) => document.querySelectorAll('iframe[data-china-ai-widget]')[1].getBoundingClientRect().height > before + 50, before);
  await fits(1);

  // A sandboxed frame without storage still works.
  const boxed = page.frameLocator('#boxed');
  // A frame off screen may not draw, so its code waits: a reader scrolls to it.
  await page.locator('#boxed').scrollIntoViewIfNeeded();
  await boxed.locator('.calc[data-live]').waitFor({ state: 'attached', timeout: 20000 });
  await boxed.locator('#hospital-risk-caught-range').fill('50');
  assert.equal(await boxed.locator('#hospital-risk-caught').inputValue(), '50');

  for (const origin of origins) {
    assert.ok([new URL(host.url).origin, new URL(site.url).origin].includes(origin), `request to ${origin}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

/** The calculators embed.html offers when its link names none. */
async function offered(page, base) {
  await page.goto(`${base}embed.html`);
  await page.locator('[data-testid=unknown]').waitFor();
  return page.$$eval('.unknown-widget li a', (els) => els.map((e) => /\/([a-z-]+)\.html$/.exec(new URL(e.href).pathname)[1]));
}

test('embed.html, the embeds’ old address, leads to every widget’s page, at the root and under a sub-path', async () => {
  for (const base of [site.url, subSite.url]) {
    const { page, context, problems } = await openPage(browser, { width: 420, height: 800, origin: new URL(base).origin });
    const ids = await offered(page, base);
    assert.ok(ids.length >= 5, `embed.html offers ${ids.length} calculators`);
    for (const id of ids) {
      await page.goto(`${base}embed.html?w=${id}&theme=dark&v=1#?secret=abc123`);
      await page.locator(`#${id}[data-live] .chart-svg svg`).waitFor({ timeout: 20000 });
      // Every other setting and the fragment come along.
      assert.equal(page.url(), `${base}${id}.html?theme=dark&v=1#?secret=abc123`);
      assert.equal(await page.locator('.masthead, .toc, .story-section').count(), 0, 'no site furniture');
      assert.equal(await page.locator('.calc').count(), 1);
      assert.match(await page.locator('.embed-credit a:not(.lang-switch)').getAttribute('href'), new RegExp(`^\\./#${id}$`));
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('embed options: dark theme and compact mode', async () => {
  const { page, context, problems } = await openPage(browser, { colorScheme: 'light' });
  await page.goto(`${site.url}embed.html?w=value-gap&theme=dark&compact=1`);
  await page.locator('.chart-svg svg').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await page.locator('.calc-intro').isVisible(), false, 'compact hides the prose');
  const bg = await page.locator('.calc').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(bg, 'rgb(33, 31, 28)', 'dark palette');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an embed paints its whole card and colours before the WebAssembly, which brings it to life in place', async () => {
  const { page, context, problems } = await openPage(browser, { colorScheme: 'light', origin: new URL(site.url).origin });
  // Hold the WebAssembly back: what shows then comes from the page itself.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`${site.url}payback.html?theme=dark`);
  assert.equal(await page.locator('.calc-title').textContent(), 'When does a robot bet pay back?');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.match(await page.locator('.calc-intro').textContent(), /^A bet that pays nothing for some years/);
  // The chart, its tornado, the outputs and the inputs: the whole card.
  assert.ok(await page.locator('.chart-svg > svg').isVisible() && await page.locator('.chart-tornado > svg').isVisible());
  assert.equal(await page.locator('[data-testid=out-npv]').textContent(), '−US$10.3 m');
  assert.equal(await page.locator('#payback-delay').inputValue(), '3');
  assert.equal(await page.locator('[data-testid=static-note]').isVisible(), false, 'no apology while the WebAssembly loads');
  const parts = ['.calc-title', '.calc-intro', '.calc-outputs', '.chart-svg', '.calc-inputs'];
  const boxes = async () => Promise.all(parts.map((p) => page.locator(p).boundingBox()));
  const before = await boxes();
  const kept = await page.evaluate(() => {
    const marked = document.querySelectorAll('.calc-title, .calc-outputs dd, .chart-svg, #payback-delay');
    marked.forEach((e) => { e.dataset.kept = '1'; });
    return marked.length;
  });
  release();
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.waitForSelector('#payback[data-live]', { state: 'attached' });
  // Brought to life in place: the same elements, where they were.
  assert.equal(await page.locator('.calc').count(), 1);
  assert.equal(await page.locator('[data-kept]').count(), kept, 'no element was replaced');
  assert.deepEqual(await boxes(), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a host that sends no CORS headers, a sandboxed frame still shows a complete card at its starting values, says so, and fits', async () => {
  // A sandboxed frame has an opaque origin: without Access-Control-Allow-Origin
  // its module script and WebAssembly cannot load.
  const bare = await serve(undefined, '/', { cors: false });
  await blogPage(hostDir, 'bare.html', `<article style="max-width:650px;margin:0 auto"><p>A post.</p>
    <iframe sandbox="allow-scripts" src="${bare.url}payback.html?v=1&amp;delay=5&amp;tabs=1" title="Boxed" height="700" style="width:100%;border:0" data-china-ai-widget="payback"></iframe>
    <script src="${bare.url}embed.js" defer></script></article>`);
  const { page, context, problems } = await openPage(browser, { width: 800, height: 900 });
  await page.goto(`${host.url}bare.html`);
  const frame = page.frameLocator('iframe');
  const note = frame.locator('[data-testid=static-note]');
  await note.waitFor({ state: 'visible', timeout: 20000 });
  assert.match(await note.textContent(), /starting values and cannot be changed here/);
  assert.equal(await note.locator('a').getAttribute('href'), 'payback.html');
  // The whole card, at its starting values (the link's delay could not be applied).
  assert.ok(await frame.locator('.chart-svg > svg').isVisible(), 'the chart');
  assert.equal(await frame.locator('[data-testid=out-npv]').textContent(), '−US$10.3 m');
  assert.equal(await frame.locator('#payback-delay').inputValue(), '3');
  await frame.locator('[data-tab=inputs]').click();
  assert.ok(await frame.locator('#payback-delay-range').isVisible(), 'the inputs, behind their tab');
  // Its own script still reports its height, so embed.js fits the frame.
  const fits = async () => {
    const outer = await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.locator('main.embed-root').evaluate((e) => e.getBoundingClientRect().height);
    return Math.abs(outer - inner) <= 4;
  };
  await page.waitForFunction(() => document.querySelector('iframe').style.height !== '');
  await until(fits, 'the frame fits its card'); // the report arrives in a task of its own
  // The browser reports the refused module; nothing else goes wrong.
  assert.deepEqual(problems.filter((p) => !/CORS|Access-Control-Allow-Origin|Failed to (load|fetch)|request failed|net::ERR_FAILED/.test(p)), []);
  await context.close();
  await bare.close();
});

test('unknown widgets and bad parameters get a friendly answer', async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(`${site.url}embed.html?w=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`);
  await page.locator('[data-testid=unknown]').waitFor();
  assert.match(await page.locator('[data-testid=unknown]').textContent(), /no calculator called “<img src=x onerror=alert\(1\)>”/);
  assert.equal(await page.locator('img').count(), 0, 'never injected as markup');
  const links = await page.$$eval('.unknown-widget li a', (els) => els.map((e) => e.getAttribute('href')));
  // The same calculators, in the same order, as the story's contents.
  const story = await context.newPage();
  await story.goto(site.url);
  const { calculators } = await contents(story);
  assert.deepEqual(links, calculators.map((id) => `${id}.html`));
  await story.close();

  await page.goto(`${site.url}embed.html?w=payback&v=1&delay=abc&delay=3&invest=1e999&horizon=12`);
  // The prerendered card shows the defaults until the app reads the link.
  await page.locator('.calc[data-live]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#payback-delay').inputValue(), '3', 'repeated: default');
  assert.equal(await page.locator('#payback-invest').inputValue(), '100', 'huge: default');
  assert.equal(await page.locator('#payback-horizon').inputValue(), '12', 'valid values are used');
  assert.match(await page.locator('[data-testid=link-note]').textContent(), /could not be used/);

  await page.goto(`${site.url}embed.html?w=payback&v=7&delay=9`);
  await page.locator('.calc[data-live]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#payback-delay').inputValue(), '3', 'unknown version: defaults');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a shared link reopens exactly what the reader saw', async () => {
  const origin = new URL(site.url).origin;
  const { page, context, problems } = await openPage(browser, { origin });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.goto(site.url);
  await ready(page);
  const entries = await page.evaluate(() => history.length);
  await page.locator('#market-growth-rate').fill('33.3');
  await page.locator('label[for=market-growth-scale-log]').click();
  await page.locator('#payback-delay-range').fill('7');
  await page.locator('#subsidy-usd').fill('250000');
  await page.waitForFunction(() => location.search.includes('robot.delay=7') && location.search.includes('grant.yuan'));
  const url = page.url();
  assert.match(url, /[?&]v=1/);
  assert.match(url, /market\.rate=33\.3/);
  assert.match(url, /market\.scale=log/);
  assert.equal(await page.evaluate(() => history.length), entries, 'the URL is replaced, not pushed');

  // The Share button copies a link to one calculator's state.
  await page.locator('#payback [data-testid=share]').click();
  await page.locator('#payback [data-testid=share-status]').filter({ hasText: 'copied' }).waitFor();
  const shared = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(shared, /\/payback\.html\?v=1&delay=7$/, 'to the widget’s own page, whose preview card shows its chart');
  const widget = await context.newPage();
  await widget.goto(shared);
  await widget.waitForSelector('#payback[data-live]', { state: 'attached' });
  assert.equal(await widget.locator('#payback-delay').inputValue(), '7');
  await widget.close();

  const read = async (p) => Promise.all(['#market-growth-rate', '#payback-delay', '#subsidy-yuan', '#subsidy-usd'].map((s) => p.locator(s).inputValue()));
  const seen = await read(page);
  const outputs = await page.locator('.calc-outputs').allTextContents();
  const again = await context.newPage();
  await again.goto(url);
  await ready(again);
  assert.deepEqual(await read(again), seen);
  assert.deepEqual(await again.locator('.calc-outputs').allTextContents(), outputs);
  assert.equal(await again.locator('#market-growth-scale-log').isChecked(), true);
  assert.equal(await again.locator('[data-testid=link-note]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('exports: PNG at twice the size, SVG that parses, CSV that matches the table', async () => {
  const { page, context, problems } = await openPage(browser, { origin: new URL(site.url).origin });
  await page.goto(site.url);
  await ready(page);
  const calc = page.locator('#ecosystem');
  const download = async (kind) => {
    const [file] = await Promise.all([page.waitForEvent('download'), calc.locator(`[data-testid=${kind}]`).click()]);
    assert.equal(file.suggestedFilename(), `ecosystem.${kind}`);
    return readFile(await file.path());
  };
  const png = await download('png');
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.readUInt32BE(16), 1440, 'PNG is 2x the 720 px export');
  assert.ok(png.readUInt32BE(20) > 600 && png.length > 10000);

  const svg = (await download('svg')).toString();
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror') !== null, text: doc.documentElement.textContent };
  }, svg);
  assert.equal(parsed.error, false);
  assert.match(parsed.text, /On our reading, the wider ecosystem is 10\.0× the size of the core AI/);
  assert.match(parsed.text, /core industry, Morgan Stanley/);
  assert.match(parsed.text, /Interactive version: http:\/\/127\.0\.0\.1:\d+\/ecosystem\.html/);

  const csv = (await download('csv')).toString().trim().split('\n');
  await calc.locator('.calc-table summary').click();
  // The table is written as it opens.
  await calc.locator('.calc-table thead th').first().waitFor();
  const headers = await calc.locator('.calc-table thead th').allTextContents();
  assert.equal(csv[0], headers.join(','));
  const rows = await calc.locator('.calc-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(csv.length - 1, rows.length);
  rows.forEach((cells, i) => assert.equal(csv[i + 1], cells.map((c) => c.replace(/,/g, '')).join(',')));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Embed dialog writes the snippet for the options chosen and copies it', async () => {
  const origin = new URL(site.url).origin;
  const { page, context, problems } = await openPage(browser, { origin });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.goto(site.url);
  await ready(page);
  const dialog = page.locator('dialog[open]');
  await page.locator('#payback [data-testid=embed]').click();
  const snippet = dialog.locator('[data-testid=snippet]');
  assert.match(await snippet.inputValue(), /\/payback\.html"/);
  await dialog.locator('label[for=embed-theme-dark]').click();
  await dialog.locator('label[for=embed-layout-compact]').click();
  assert.match(await snippet.inputValue(), /\/payback\.html\?theme=dark&amp;compact=1"/);
  assert.match(await dialog.locator('iframe.embed-preview').getAttribute('src'), /\/payback\.html\?theme=dark&compact=1$/);
  // Tabs, for platforms that cap a frame: a frame at most 1,000 px tall.
  await dialog.locator('label[for=embed-layout-tabs]').click();
  assert.match(await snippet.inputValue(), /\/payback\.html\?theme=dark&amp;tabs=1"/);
  assert.ok(Number(/ height="(\d+)"/.exec(await snippet.inputValue())[1]) <= 1000);
  assert.match(await dialog.locator('.embed-note').textContent(), /starting values/);
  await dialog.locator('label[for=embed-layout-compact]').click();
  await dialog.getByRole('button', { name: 'Copy code' }).click();
  await dialog.locator('#embed-status').filter({ hasText: 'Code copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await snippet.inputValue());
  await dialog.getByRole('button', { name: 'Close' }).click();
  assert.equal(await page.locator('dialog[open]').count(), 0);
  assert.equal(await page.locator('#embed-preview').getAttribute('src'), 'about:blank', 'a closed dialog stops its preview');
  // The same dialog serves the next calculator, with the options kept.
  await page.locator('#ecosystem [data-testid=embed]').click();
  assert.match(await snippet.inputValue(), /\/ecosystem\.html\?theme=dark&amp;compact=1"/);
  assert.equal(await page.locator('dialog').count(), 1, 'one dialog for the page');
  assert.deepEqual(problems, []);
  await context.close();
});
