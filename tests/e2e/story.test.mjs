// A reader's visit to the built site: the story, its citations, the
// calculators, at the root and under a sub-path. Sections and calculators
// are read from the page itself, so a new one is tested without edits here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, serve, launch, openPage, ready, contents, visit as open } from './harness.mjs';

let browser, site, subSite;
before(async () => {
  browser = await launch();
  site = await serve();
  subSite = await serve(undefined, '/china-ai/');
});
after(async () => {
  await browser?.close();
  await site?.close();
  await subSite?.close();
});

const visit = (url, options) => open(browser, url, options);

test('every story section and calculator is there, in the order the contents list gives', async () => {
  const { page, problems, context } = await visit(site.url);
  const { sections, calculators } = await contents(page);
  assert.ok(sections.length >= 5 && calculators.length >= 5, `contents lists ${sections.length} sections, ${calculators.length} calculators`);
  assert.deepEqual(await page.$$eval('section.story-section', (els) => els.map((e) => e.id)), sections);
  assert.deepEqual(await page.$$eval('.calc', (els) => els.map((e) => e.id)), calculators);
  for (const id of sections) {
    const words = (await page.textContent(`#${id}`)).trim().split(/\s+/).length;
    assert.ok(words > 40, `section ${id} has only ${words} words`);
  }
  assert.match(await page.textContent('h1'), /China/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every built page’s words use curly quotes and apostrophes', async () => {
  const entities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
  const straight = [];
  for (const name of (await readdir(DIST)).filter((f) => f.endsWith('.html'))) {
    const words = (await readFile(join(DIST, name), 'utf8'))
      .replace(/<(script|style|svg|code)\b[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e) => entities[e]);
    for (const m of words.matchAll(/.{0,24}["'].{0,24}/g)) straight.push(`${name}: ${m[0]}`);
  }
  assert.deepEqual(straight, []);
});

test('without JavaScript the page already holds the whole story', async () => {
  const html = await (await fetch(site.url)).text();
  const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  const sections = [...html.matchAll(/<section id="?([a-z-]+)/g)].map((m) => m[1]);
  const listed = [...html.matchAll(/<a href="#([a-z-]+)">/g)].map((m) => m[1]);
  assert.ok(sections.length >= 5, `only ${sections.length} sections in the HTML`);
  for (const id of sections) assert.ok(listed.includes(id), `the contents lack section ${id}`);
  for (const phrase of ['China’s AI race, after DeepSeek', 'Liangzhu', 'US$140 billion', '87.7%', 'Jefferies', 'Sources and method']) {
    assert.ok(text.includes(phrase), `the HTML lacks “${phrase}”`);
  }
  // Every calculator the contents name has its place, with a chart and its
  // outputs, before any script runs.
  const calculators = [...html.matchAll(/<a href="#([a-z-]+)" class="toc-calc"/g)].map((m) => m[1]);
  assert.ok(calculators.length >= 5, `only ${calculators.length} calculators listed`);
  for (const id of calculators) {
    const at = html.search(new RegExp(`<div class="?calc"? id="?${id}"?[ >]`));
    assert.ok(at > 0, `${id} has its place`);
    const card = html.slice(at, html.indexOf('class="share-bar"', at));
    // Its chart: a file of its own, fetched as it nears the view.
    const chart = /<img src="(charts\/[a-z-]+\.svg)" alt="" loading="lazy"/.exec(card);
    assert.ok(chart, `${id} has its chart`);
    const drawn = await (await fetch(new URL(chart[1], site.url))).text();
    assert.match(drawn, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<\/svg>$/, `${id}: ${chart[1]} is a drawing`);
    assert.match(card, /data-testid="?out-/, `${id} has its outputs`);
    assert.ok(card.includes(`tables.html#${id}`), `${id} links to its table`);
  }
  // The tables live on a page of their own, each where its card links.
  const tables = await (await fetch(`${site.url}tables.html`)).text();
  for (const id of calculators) {
    const at = tables.indexOf(`id="${id}"`);
    assert.ok(at > 0 && tables.slice(at).search(/<tbody[^>]*><tr>/) > 0, `tables.html has ${id}'s table`);
  }
  // No hydration markers: nothing hydrates this page.
  assert.ok(!html.includes('<!>'), 'hydration markers left in the page');
  // embed.html stays small: the widget only.
  const embed = await (await fetch(`${site.url}embed.html`)).text();
  assert.ok(embed.length < 5000 && !embed.includes('Liangzhu'), 'embed.html carries no story');
});

test('every citation marker points at an entry of the sources list', async () => {
  const { page, problems, context } = await visit(site.url);
  const targets = await page.$$eval('sup.cite a', (els) => els.map((e) => e.getAttribute('href')));
  assert.ok(targets.length >= 30, `only ${targets.length} citations`);
  for (const href of new Set(targets)) {
    assert.equal(await page.locator(`${href}`).count(), 1, `${href} has no source entry`);
  }
  // Figures in the prose come from the facts: the forecast and its derived growth.
  const forecast = await page.textContent('#forecast');
  assert.match(forecast, /US\$3\.2 billion/);
  assert.match(forecast, /US\$140 billion/);
  // The story rounds what rounded inputs allow: about 88%; the card computes 87.7%.
  assert.match(forecast, /about 88%\d* a year/);
  assert.match(forecast, /87\.7% a year/);
  // Derived figures show their formula in the sources list.
  assert.match(await page.textContent('#source-market-cagr'), /\(140 ÷ 3\.2\)\^\(1 ÷ 6\) − 1 = 88%/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the market calculator reacts to its slider, field, button and scale switch', async () => {
  const { page, problems, context } = await visit(site.url);
  const calc = page.locator('#market-growth');
  assert.equal((await calc.locator('[data-testid=out-implied]').textContent()).trim(), '87.7% a year');
  const chart = () => calc.locator('.chart-svg').innerHTML();
  const before = await chart();

  await calc.locator('#market-growth-rate-range').fill('40');
  assert.equal(await calc.locator('#market-growth-rate').inputValue(), '40');
  const afterSlide = await chart();
  assert.notEqual(afterSlide, before, 'the chart follows the slider');
  // 3.2 * 1.4^6 = 24.09
  assert.equal(await calc.locator('[data-testid=out-reader]').textContent(), 'US$24.1 bn');

  await calc.locator('#market-growth-end').fill('abc');
  assert.equal(await calc.locator('#market-growth-end-error').textContent(), 'That is not a number.');
  assert.equal((await calc.locator('[data-testid=out-implied]').textContent()).trim(), '87.7% a year');

  await calc.locator('#market-growth-end').fill('280');
  assert.equal(await calc.locator('#market-growth-end-error').textContent(), '');
  assert.notEqual((await calc.locator('[data-testid=out-implied]').textContent()).trim(), '87.7% a year');

  // The calculator's own button sets the rate the new forecast implies:
  // (280 ÷ 3.2)^(1/6) − 1 = 110.7%.
  await calc.getByRole('button', { name: 'Use the forecast’s rate' }).click();
  assert.equal(await calc.locator('#market-growth-rate').inputValue(), '110.7');

  await calc.locator('label[for=market-growth-scale-log]').click();
  assert.match(await calc.locator('.chart-subtitle').textContent(), /logarithmic/);
  assert.notEqual(await chart(), afterSlide);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link to any calculator opens at it, and it comes to life where it stands', async () => {
  const { page: first, problems, context } = await openPage(browser, { origin: new URL(site.url).origin, height: 700 });
  await first.goto(site.url);
  const { calculators } = await contents(first);
  for (const id of calculators) {
    // A fresh page at the link, and the browser's own jump to the
    // fragment: no script of ours scrolls.
    const page = await context.newPage();
    await page.goto(`${site.url}#${id}`);
    // Where the card and the things a reader sees in it stand.
    const place = () => page.evaluate((id) => {
      const card = document.getElementById(id);
      const at = (sel) => Math.round(card.querySelector(sel).getBoundingClientRect().top);
      return { top: Math.round(card.getBoundingClientRect().top), height: Math.round(card.getBoundingClientRect().height), title: at('.calc-title'), chart: at('.chart-svg') };
    }, id);
    const landed = await place();
    assert.ok(landed.top >= -2 && landed.top < 80, `#${id} is at ${landed.top}px`);
    await page.waitForSelector(`#${id}[data-live]`, { state: 'attached', timeout: 20000 });
    // Sub-pixel rounding aside (a pixel either way), nothing moved.
    const now = await place();
    for (const key of Object.keys(landed)) {
      assert.ok(Math.abs(now[key] - landed[key]) <= 1, `#${id} moved when it came to life: ${key} ${landed[key]} → ${now[key]}`);
    }
    await page.close();
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('every calculator in the contents reacts to its sliders', async () => {
  const { page, problems, context } = await visit(site.url);
  const { calculators } = await contents(page);
  for (const id of calculators) {
    const calc = page.locator(`#${id}`);
    const shown = async () => (await calc.locator('.calc-outputs').textContent()) + (await calc.locator('.chart-svg').innerHTML());
    const before = await shown();
    const slider = calc.locator('input[type=range]').nth(1);
    const [min, max, value] = await slider.evaluate((e) => [Number(e.min), Number(e.max), Number(e.value)]);
    await slider.fill(String(value > (min + max) / 2 ? min : max));
    assert.notEqual(await shown(), before, `${id} did not react to its slider`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('what a person might type or paste never breaks a calculator', async () => {
  const { page, problems, context } = await visit(site.url);
  const calc = page.locator('#payback');
  const npv = () => calc.locator('[data-testid=out-npv]').textContent();
  const before = await npv();
  const field = calc.locator('#payback-discount');
  for (const [typed, message] of [
    ['', 'Type a number.'],
    ['abc', 'That is not a number.'],
    ['1e400', 'That number is too large.'],
    ['NaN', 'That is not a number.'],
    ['12,5', 'Use a point for decimals: 12.5.'],
    ['-100', 'Choose a value from 0 to 50 % a year.'],
    ['<b>x</b>', 'That is not a number.'],
  ]) {
    await field.fill(typed);
    assert.equal(await calc.locator('#payback-discount-error').textContent(), message, `typing ${JSON.stringify(typed)}`);
    assert.equal(await npv(), before, 'results keep the last valid state');
    assert.equal(await field.inputValue(), typed, 'the field keeps what was typed');
  }
  await field.fill('0e400');
  assert.equal(await calc.locator('#payback-discount-error').textContent(), '', 'zero, however written, is a number');
  await field.fill('-0');
  assert.equal(await calc.locator('#payback-discount-error').textContent(), '');
  assert.equal(await page.locator('b').count(), 0, 'typed markup is never rendered');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the WebAssembly loads only when a calculator nears, and cards come to life without moving', async () => {
  const { page, problems, context } = await openPage(browser, { width: 390, height: 844 });
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
  await page.goto(site.url);
  // The page's script has looked and found no calculator near the top.
  await page.waitForSelector('html[data-app=waiting]', { state: 'attached' });
  assert.deepEqual(wasm, [], 'nothing to bring to life, so no WebAssembly');
  const { calculators } = await contents(page);
  // Every chart box fits inside its card on a phone, static or live.
  const overflowing = () => page.$$eval('.calc', (cards) => cards.flatMap((card) => {
    const box = card.querySelector('.chart-svg').getBoundingClientRect();
    return box.right > card.getBoundingClientRect().right || box.width === 0 ? [`${card.id}: chart box ${Math.round(box.width)} px wide`] : [];
  }));
  assert.deepEqual(await overflowing(), []);
  const [first, last] = [calculators[0], calculators.at(-1)];
  const calc = page.locator(`#${first}`);
  const before = await calc.evaluate((e) => e.getBoundingClientRect().height);
  await calc.scrollIntoViewIfNeeded();
  await page.waitForSelector(`#${first}[data-live]`, { state: 'attached' });
  assert.equal(wasm.length, 1, 'the WebAssembly arrives once it has work to do');
  assert.equal(await calc.evaluate((e) => e.getBoundingClientRect().height), before, 'the live card is as tall as the static one');
  assert.deepEqual(await overflowing(), []);
  // The live chart is drawn at its box's width.
  await page.waitForFunction((id) => {
    const box = document.querySelector(`#${id} .chart-svg`);
    return box.querySelector('svg')?.getAttribute('width') === String(Math.round(box.getBoundingClientRect().width));
  }, first, { timeout: 5000 });
  assert.equal(await page.locator(`#${last}[data-live]`).count(), 0, 'a calculator far below is not built yet');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the colour switch works before the WebAssembly and is remembered', async () => {
  const { page, problems, context } = await openPage(browser, { colorScheme: 'light' });
  // The WebAssembly never arrives.
  await page.route('**/*.wasm', () => {});
  await page.goto(site.url);
  await page.locator('label[for=theme-dark]').click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await bg(), 'rgb(24, 23, 21)', 'dark palette');
  await page.reload();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'remembered');
  assert.equal(await page.locator('#theme-dark').isChecked(), true, 'the switch shows the remembered choice');
  await page.locator('label[for=theme-auto]').click();
  assert.equal(await bg(), 'rgb(250, 248, 243)', 'back to the system’s light colours');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the same dist/ works under a sub-path', async () => {
  assert.match(subSite.url, /\/china-ai\/$/);
  const { page, problems, context } = await visit(subSite.url, { width: 390, height: 844 });
  const { sections } = await contents(page);
  assert.equal(await page.locator('section.story-section').count(), sections.length);
  await page.locator('#market-growth-start-range').fill('5');
  assert.equal(await page.locator('#market-growth-start').inputValue(), '5');
  assert.deepEqual(problems, []);
  await context.close();
});
