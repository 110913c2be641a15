// Embedded frames that fit before the reader reaches them: the snippet's
// height is the widget's real height at common column widths, and the
// widget's own report reaches the host while the frame is still off screen,
// so a post that embeds widgets below the fold never moves as it is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blogPage, browserAndSite, openPage, ready, contents } from './harness.mjs';
import { COLUMNS, LAYOUTS, heightOf as measured } from './heights.mjs';

let browser, site, host, hostDir;
browserAndSite({ host: true, then: (s) => ({ browser, site, host, host: { dir: hostDir } } = s) });

/** Every widget's snippet from the Embed dialog of the story at `path` (each language's its own widgets), full and compact. */
async function snippets(path = '') {
  const { page, context, problems } = await openPage(browser, { origin: new URL(site.url).origin });
  await page.goto(`${site.url}${path}`);
  const ids = (await contents(page)).calculators;
  await ready(page);
  const out = {};
  for (const id of ids) {
    await page.locator(`#${id} [data-testid=embed]`).click();
    const dialog = page.locator('dialog[open]');
    const code = dialog.locator('[data-testid=snippet]');
    const full = await code.inputValue();
    const take = async (layout, before) => {
      await dialog.locator(`#embed-layout-${layout}`).check();
      await page.waitForFunction((before) => document.querySelector('[data-testid=snippet]').value !== before, before);
      return code.inputValue();
    };
    const compact = await take('compact', full);
    const tabs = await take('tabs', compact);
    await dialog.locator('#embed-layout-full').check();
    await dialog.locator('#embed-close').click();
    out[id] = { full, compact, tabs };
  }
  assert.deepEqual(problems, []);
  await context.close();
  return out;
}

const heightOf = (snippet) => Number(/ height="(\d+)"/.exec(snippet)[1]);

test('the snippet is valid HTML and starts at the widget’s real height at common column widths, in both languages', async () => {
  // The Chinese story's dialog gives the Chinese widgets, `<id>.zh.html`.
  const all = { ...(await snippets()) };
  for (const [id, s] of Object.entries(await snippets('zh.html'))) {
    assert.match(s.full, new RegExp(`^<iframe src="[^"]*${id}\\.zh\\.html`), s.full);
    all[`${id}.zh`] = s;
  }
  const misses = [];
  for (const width of COLUMNS) {
    const { page, context, problems } = await openPage(browser, { width, height: 800 });
    for (const [id, s] of Object.entries(all)) {
      for (const layout of Object.keys(LAYOUTS)) {
        const snippet = s[layout];
        // Valid HTML: the iframe's size attributes are integers; its width is CSS.
        assert.match(snippet, /^<iframe src="[^"<>]+" title="[^"<>]+" height="\d+" loading="lazy" style="width:100%;border:0;" data-china-ai-widget="[a-z-]+"><\/iframe>\n<script src="[^"]+embed\.js" defer><\/script>$/, snippet);
        assert.doesNotMatch(snippet, / width="/);
        const real = await measured(page, site.url, id, layout);
        const given = heightOf(snippet);
        // A line or two of text may wrap differently across these widths.
        if (Math.abs(real - given) > 48) misses.push(`${id} ${layout} at ${width} px: snippet ${given}, real ${real}`);
      }
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
  assert.deepEqual(misses, [], 'run scripts/heights: it measures every widget again and writes content/heights.toml');
});

test('a post with three widgets below the fold does not move as it is read', async () => {
  const all = await snippets();
  const text = '<p>' + 'A paragraph of the post that the reader reads before the first widget. '.repeat(12) + '</p>';
  const picked = [all['market-growth'].full, all['value-gap'].compact, all['payback'].full];
  await blogPage(hostDir, 'below.html', `<article><h1>A post</h1>${text.repeat(6)}${picked[0]}${text.repeat(3)}${picked[1]}${text.repeat(3)}${picked[2]}${text.repeat(2)}</article>
    <script>
      window.shifts = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts.push(e.value); })
        .observe({ type: 'layout-shift', buffered: true });
      // When each frame first takes its reported height, and where it was then.
      window.sized = [];
      new MutationObserver((records) => {
        for (const r of records) {
          const f = r.target;
          if (f.style.height && !window.sized.some((s) => s.frame === f.dataset.chinaAiWidget)) {
            window.sized.push({ frame: f.dataset.chinaAiWidget, top: Math.round(f.getBoundingClientRect().top), view: innerHeight });
          }
        }
      }).observe(document.body, { attributes: true, attributeFilter: ['style'], subtree: true });
    </script>`, { style: '', head: '<style>body{margin:0;font:18px/1.6 Georgia,serif}article{max-width:700px;margin:0 auto;padding:0 10px}</style>' });
  const { page, context, problems } = await openPage(browser, { width: 1280, height: 900 });
  await page.goto(`${host.url}below.html`);
  // Lazy frames near the view may or may not have loaded by now: what
  // follows holds either way, so nothing is waited for here.
  const frames = page.locator('iframe[data-china-ai-widget]');
  const heights = () => frames.evaluateAll((fs) => fs.map((f) => Math.round(f.getBoundingClientRect().height)));
  // Frames near the view have loaded and reported; those far below still
  // have the snippet's height. Either way, the real height to a few pixels.
  const before = await heights();
  before.forEach((h, i) => assert.ok(Math.abs(h - heightOf(picked[i])) <= 48, `frame ${i}: ${h} against the snippet's ${heightOf(picked[i])}`));
  // Read down the post as a reader scrolls: 300 px at a time.
  const end = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y < end; y += 300) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    // A reader's pace, not a wait for state: the page has this moment to
    // load frames and lay out between two scrolls, as it would for a reader.
    await page.waitForTimeout(120);
  }
  // Every frame has reported; then one more frame drawn, for any shift.
  await page.waitForFunction(() => window.sized.length === 3, null, { timeout: 10000 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const afterHeights = await heights();
  const { shifts, sized } = await page.evaluate(() => ({ shifts: window.shifts, sized: window.sized }));
  console.log(`# host page heights before scrolling ${before.join(', ')}; after ${afterHeights.join(', ')}; frames sized at ${JSON.stringify(sized)}`);
  assert.equal(sized.length, 3, 'every frame reported its height');
  for (const s of sized) assert.ok(s.top > s.view, `${s.frame} took its height on screen (top ${s.top} of ${s.view})`);
  const cls = shifts.reduce((a, b) => a + b, 0);
  assert.ok(cls < 0.001, `the post moved as it was read: layout shift ${cls}`);
  // Each frame now holds exactly its widget.
  for (let i = 0; i < 3; i++) {
    const inner = await page.frameLocator('iframe[data-china-ai-widget]').nth(i).locator('main.embed-root').evaluate((e) => Math.ceil(e.getBoundingClientRect().height));
    assert.ok(Math.abs(afterHeights[i] - inner) <= 1, `frame ${i}: ${afterHeights[i]} vs ${inner}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
