// The widgets where bloggers publish them, read by clients nobody here
// wrote: a real WordPress (Debian's package, started by scripts/wordpress)
// with the widgets' addresses pasted into posts the way its editor saves
// them, and two link-preview readers from npm (unfurl.js, which discovers
// oEmbed documents, and open-graph-scraper). They read the pages written
// for http://127.0.0.1:8080/ (scripts/test prerenders a copy of dist/ for
// that address into target/wp-site): WordPress fetches an oEmbed provider
// on its own host only on ports 80, 443 and 8080.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unfurl } from 'unfurl.js';
import ogs from 'open-graph-scraper';
import { DIST, serve, launch, openPage, until } from './harness.mjs';

const ROOT = resolve(DIST, '..');
const SITE_DIR = join(ROOT, 'target/wp-site');
const SITE = 'http://127.0.0.1:8080/';
const WP = 'http://127.0.0.1/';
const PASSWORD = join(ROOT, 'target/wordpress/password');
const SHOTS = join(ROOT, 'target/wordpress');
const ready = existsSync(join(SITE_DIR, 'oembed')) && existsSync(PASSWORD);
// scripts/test sets it: there, a missing WordPress fails the run.
const required = process.env.REQUIRE_WORDPRESS === '1';
const skip = !ready && !required && 'needs scripts/wordpress start and target/wp-site (scripts/test does both)';

let site, browser, ids, posts;

before(async () => {
  if (skip) return;
  assert.ok(ready, 'WordPress or target/wp-site is missing: run scripts/test');
  // The English widgets (the Chinese ones, `<id>.zh.json`, are not yet tried here).
  ids = readdirSync(join(SITE_DIR, 'oembed')).filter((f) => !f.endsWith('.zh.json')).map((f) => f.replace(/\.json$/, '')).sort();
  site = await serve(SITE_DIR, '/', { port: 8080 });
  browser = await launch();
  // From scratch: no post and no cached embed from an earlier run.
  execFileSync('php', [join(ROOT, 'tests/wordpress/reset.php')]);
  posts = await publish();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** Paragraphs of a post, enough to put what follows below the first screen. */
const words = (n) => Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} of the post, which a reader reads before and between the calculators: long enough to wrap over a few lines in any column, as a finance blogger's prose would.`);

/**
 * Two posts, each pasting four widgets' addresses, saved through the REST
 * API as WordPress's editors save them: the classic editor's address alone
 * on a line (the first with settings in its query, which a pasted link
 * cannot carry), and the block editor's Embed block.
 */
async function publish() {
  const auth = `Basic ${Buffer.from(`editor:${readFileSync(PASSWORD, 'utf8').trim()}`).toString('base64')}`;
  const post = async (title, content) => {
    const res = await fetch(`${WP}?rest_route=/wp/v2/posts`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title, content, status: 'publish' }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return (await res.json()).link;
  };
  const [first, second] = [ids.slice(0, 4), ids.slice(4)];
  const classic = [
    ...words(8).map((p) => `<p>${p}</p>`),
    ...first.flatMap((id, i) => [`${SITE}${id}.html${i === 0 ? '?v=1&theme=dark' : ''}`, ...words(3).map((p) => `<p>${p}</p>`)]),
  ].join('\n\n');
  const slug = 'china-s-ai-race-after-deep-seek';
  const paragraph = (p) => `<!-- wp:paragraph -->\n<p>${p}</p>\n<!-- /wp:paragraph -->`;
  const embed = (id) => `<!-- wp:embed {"url":"${SITE}${id}.html","type":"rich","providerNameSlug":"${slug}","responsive":true} -->
<figure class="wp-block-embed is-type-rich is-provider-${slug} wp-block-embed-${slug}"><div class="wp-block-embed__wrapper">
${SITE}${id}.html
</div></figure>
<!-- /wp:embed -->`;
  const block = [...words(8).map(paragraph), ...second.flatMap((id) => [embed(id), ...words(3).map(paragraph)])].join('\n\n');
  // A Chinese post: the Chinese widgets' addresses, each on a line.
  const chinese = first.map((id) => `${id}.zh`);
  const zhWords = (n) => Array.from({ length: n }, (_, i) => `文章第${i + 1}段。读者在计算器之间读到的文字，足够在任何栏宽里折成几行，就像财经博主写的正文一样。`);
  const zh = [...zhWords(8).map((p) => `<p>${p}</p>`), ...chinese.flatMap((id) => [`${SITE}${id}.html`, ...zhWords(3).map((p) => `<p>${p}</p>`)])].join('\n\n');
  return [
    { kind: 'classic', url: await post('Four calculators, pasted in the classic way', classic), widgets: first },
    { kind: 'block', url: await post('Four calculators in Embed blocks', block), widgets: second },
    { kind: 'Chinese', url: await post('四个计算器', zh), widgets: chinese },
  ];
}

/** Opens a post at a column width (the theme's content size) or on a phone. */
async function openPost(url, column) {
  const phone = column === 'phone';
  const opened = await openPage(browser, phone ? { width: 390, height: 844 } : { width: 1280, height: 900 });
  await opened.page.addInitScript((size) => {
    if (window.top !== window) return;
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
    // The column: the theme's content size, as a site's owner would set it
    // in its CSS, in the page's head as soon as there is one (before the
    // first paint, and winning over the theme's own rule).
    if (!size) return;
    const style = document.createElement('style');
    style.textContent = `html body { --wp--style--global--content-size: ${size}px; }`;
    new MutationObserver((_, watching) => {
      if (!document.head) return;
      document.head.append(style);
      watching.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, phone ? 0 : column);
  await opened.page.goto(url);
  return opened;
}

/** Each embedded frame's size against its column and its content, once the two agree (or as they stand after 10 s). */
async function measure(page, index) {
  const iframe = page.locator('iframe.wp-embedded-content').nth(index);
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.waitForSelector('html[data-ready]', { state: 'attached', timeout: 20000 });
  let m;
  // The widget reports and WordPress resizes in tasks of their own: wait
  // until the two documents agree. If they never do, the caller's
  // assertions say how they differ.
  const agree = async () => {
    m = await iframe.evaluate((f) => {
      const post = f.closest('.wp-block-post-content, .entry-content');
      const column = post.querySelector(':scope > p').getBoundingClientRect().width;
      const box = f.getBoundingClientRect();
      return { width: box.width, column, outer: box.height, visible: !f.hasAttribute('style') };
    });
    Object.assign(m, await frame.evaluate(() => ({
      inner: document.querySelector('main.embed-root').getBoundingClientRect().height,
      scrolls: document.documentElement.scrollHeight > innerHeight + 1,
    })));
    return m.visible && Math.abs(m.outer - m.inner) <= 4 && !m.scrolls;
  };
  await until(agree, 'the frame and its content agree', 10000).catch(() => {});
  return { ...m, frame };
}

/** Asserts a frame fills its column, holds its content without clipping or scrolling, and keeps to 1,000 px. */
function assertFits(m, what) {
  assert.ok(m.visible, `${what}: WordPress showed the frame`);
  assert.ok(Math.abs(m.width - m.column) <= 2, `${what}: ${m.width} px wide in a ${m.column} px column`);
  assert.ok(Math.abs(m.outer - m.inner) <= 4, `${what}: the frame is ${m.outer} px for ${m.inner} px of content`);
  assert.ok(!m.scrolls, `${what}: the content scrolls inside the frame`);
  assert.ok(m.outer <= 1000, `${what}: ${m.outer} px, over WordPress's 1,000`);
}

for (const column of [600, 650, 760, 'phone']) {
  test(`WordPress at ${column === 'phone' ? 'a phone’s width' : `a ${column} px column`}: pasted widgets fill the column, fit their content in every state, and the post does not move`, { skip }, async () => {
    for (const post of posts) {
      const { page, context, problems } = await openPost(post.url, column);
      const frames = page.locator('iframe.wp-embedded-content');
      assert.equal(await frames.count(), post.widgets.length, `${post.kind}: every pasted address became an embed`);
      // WordPress embedded the widget's page in tabs; the first classic link's
      // settings stayed behind, as the README says a pasted link's do.
      for (const [i, id] of post.widgets.entries()) {
        assert.match(await frames.nth(i).getAttribute('src'), new RegExp(`^${SITE}${id}\\.html\\?tabs=1#\\?secret=\\w+$`));
      }
      if (column === 650 && post.kind === 'classic') {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, 'post-650-before.png') });
      }
      // Read down the post as a reader scrolls; frames load lazily on the
      // way and report their heights while still below the view.
      const end = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < end; y += 300) {
        await page.evaluate((y) => window.scrollTo(0, y), y);
        // A reader's pace: the page has these moments to load and lay out.
        await page.waitForTimeout(100);
      }
      const cls = (await page.evaluate(() => window.shifts)).reduce((a, b) => a + b, 0);
      assert.ok(cls < 0.001, `${post.kind}: the post moved as it was read (layout shift ${cls})`);
      if (column === 650 && post.kind === 'classic') {
        // The post around its first two widgets, once the reader got there
        // (a window tall enough for both: frames from another site are
        // painted only inside the window).
        await measure(page, 1);
        const top = await frames.nth(0).evaluate((f) => f.getBoundingClientRect().top + scrollY - 200);
        const bottom = await frames.nth(1).evaluate((f) => f.getBoundingClientRect().bottom + scrollY + 200);
        await page.setViewportSize({ width: 1280, height: Math.ceil(bottom - top) });
        await page.evaluate((y) => window.scrollTo(0, y), top);
        await measure(page, 1);
        await page.screenshot({ path: join(SHOTS, 'post-650-after.png') });
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      for (const [i, id] of post.widgets.entries()) {
        const what = `${post.kind} ${id} at ${column}`;
        await frames.nth(i).scrollIntoViewIfNeeded();
        let m = await measure(page, i);
        assertFits(m, `${what}, chart`);
        const { frame } = m;
        const chart = async () => (await frame.locator('.chart-svg').innerHTML()) + (await frame.locator('.calc-outputs').textContent());
        const before = await chart();
        // Every tab, and a refused input with its message: still fits.
        for (const tab of ['inputs', 'spread', 'working', 'chart']) {
          const button = frame.locator(`[data-tab=${tab}]`);
          if (!(await button.isVisible())) continue;
          await button.click();
          assertFits(await measure(page, i), `${what}, ${tab}`);
          if (tab === 'inputs') {
            const field = frame.locator('.param-number').first();
            const kept = await field.inputValue();
            await field.fill('not a number');
            await frame.locator('.param-error:not(:empty)').first().waitFor();
            assertFits(await measure(page, i), `${what}, a refused input`);
            await field.fill(kept);
            // The card reacts to its sliders, each to its far end.
            for (const slider of await frame.locator('input[type=range]').all()) {
              await slider.fill(await slider.getAttribute((await slider.inputValue()) === (await slider.getAttribute('max')) ? 'min' : 'max'));
            }
            assertFits(await measure(page, i), `${what}, every input at an end`);
          }
        }
        assert.notEqual(await chart(), before, `${what}: the chart did not react to its sliders`);
        // What cannot work in WordPress's sandbox is hidden; a link to the
        // full calculator takes its place.
        assert.equal(await frame.locator('[data-action=share]').isVisible(), false, `${what}: Share shows`);
        assert.ok(await frame.locator('.open-full').isVisible(), `${what}: no link to the full calculator`);
      }
      const errors = problems.filter((p) => /^page error|8080/.test(p));
      assert.deepEqual(errors, [], `${post.kind} at ${column}`);
      await context.close();
    }
  });
}

test('in WordPress, the link to the full calculator opens it in the top window with the widget’s state', { skip }, async () => {
  const { page, context } = await openPost(posts[0].url, 650);
  const frames = page.locator('iframe.wp-embedded-content');
  await frames.nth(1).scrollIntoViewIfNeeded();
  const { frame } = await measure(page, 1);
  const id = posts[0].widgets[1];
  // The reader changes an input; the link carries it (the tabs stay behind).
  await frame.locator('[data-tab=inputs]').click();
  const slider = frame.locator('input[type=range]').first();
  await slider.fill(await slider.getAttribute('max'));
  await frame.waitForFunction(() => /[?&]v=1/.test(location.search));
  await Promise.all([page.waitForURL(new RegExp(`^${SITE}${id}\\.html\\?v=1&`)), frame.locator('.open-full').click()]);
  assert.doesNotMatch(page.url(), /tabs=|secret/);
  await page.waitForSelector(`#${id}[data-live]`, { state: 'attached' });
  await context.close();
});

test('unfurl.js discovers every widget’s oEmbed document and reads its preview card, in both languages', { skip }, async () => {
  for (const id of [...ids, ...ids.map((i) => `${i}.zh`)]) {
    const card = await unfurl(`${SITE}${id}.html?v=1`);
    const title = card.open_graph.title;
    assert.ok(title && card.title.startsWith(title), id);
    assert.equal(card.oEmbed?.type, 'rich', `${id}: no oEmbed document discovered`);
    assert.equal(card.oEmbed.title, title);
    assert.match(card.oEmbed.html, new RegExp(`<iframe src="${SITE}${id}\\.html\\?tabs=1" width="100%" height="(\\d+)"`));
    assert.ok(card.oEmbed.height <= 1000, id);
    const [image] = card.open_graph.images;
    assert.equal(image.url, `${SITE}preview/${id}.png`);
    assert.equal(image.width, 1200);
    assert.equal(image.height, 630);
    // A sentence at least: Chinese says as much in about half the characters.
    assert.ok(image.alt.length > (id.endsWith('.zh') ? 20 : 40), `${id}: the image is described`);
    assert.equal(card.twitter_card.card, 'summary_large_image');
    assert.equal(card.canonical_url, `${SITE}${id}.html`);
  }
});

test('open-graph-scraper reads every page’s title, description and 1200×630 image, in both languages', { skip }, async () => {
  for (const path of ['', 'zh.html', ...ids.flatMap((id) => [`${id}.html`, `${id}.zh.html`])]) {
    const { result } = await ogs({ url: `${SITE}${path}` });
    assert.ok(result.success, path);
    assert.ok(result.ogTitle && result.ogDescription, path);
    assert.equal(result.twitterCard, 'summary_large_image', path);
    const [image] = result.ogImage;
    assert.match(image.url, /^http:\/\/127\.0\.0\.1:8080\/preview\/[a-z-]+(\.zh)?\.png$/, path);
    assert.equal(image.url.endsWith('.zh.png'), path.startsWith('zh') || path.endsWith('.zh.html'), `${path}: its own language's preview`);
    assert.deepEqual([image.width, image.height], ['1200', '630'], path);
    const png = await fetch(image.url);
    assert.equal(png.status, 200, image.url);
  }
});
