// A reader's visit to the built site: the story, its citations, the
// market-growth calculator, at the root and under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready } from './harness.mjs';

const SECTIONS = ['liangzhu', 'boom', 'forecast', 'adoption', 'real-use', 'state', 'risks', 'chips', 'restraint', 'sources'];

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

async function visit(url, options = {}) {
  const origin = new URL(url).origin;
  const visit = await openPage(browser, { origin, ...options });
  await visit.page.goto(url);
  await ready(visit.page);
  return visit;
}

test('every story section is there, in order, with text and a stable id', async () => {
  const { page, problems, context } = await visit(site.url);
  const ids = await page.$$eval('section.story-section', (els) => els.map((e) => e.id));
  assert.deepEqual(ids, SECTIONS);
  for (const id of SECTIONS) {
    const words = (await page.textContent(`#${id}`)).trim().split(/\s+/).length;
    assert.ok(words > 40, `section ${id} has only ${words} words`);
  }
  assert.match(await page.textContent('h1'), /China/);
  // The contents list links to every section and to the calculator.
  const toc = await page.$$eval('.toc a', (els) => els.map((e) => e.getAttribute('href')));
  for (const id of SECTIONS) assert.ok(toc.includes(`#${id}`), `contents lacks #${id}`);
  assert.ok(toc.includes('#market-growth'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('without JavaScript the page already holds the whole story', async () => {
  const html = await (await fetch(site.url)).text();
  const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  for (const id of SECTIONS) assert.match(html, new RegExp(`<section id="${id}"`), `section ${id} is in the HTML`);
  for (const phrase of ['China’s AI race, after DeepSeek', 'Liangzhu', 'US$140 billion', '87.7%', 'Jefferies', 'Sources and method']) {
    assert.ok(text.includes(phrase), `the HTML lacks “${phrase}”`);
  }
  // Every calculator has its place, with a chart, before any script runs.
  for (const id of ['market-growth', 'ecosystem', 'adoption-curve', 'value-gap', 'subsidy', 'payback', 'hospital-risk', 'inference-cost']) {
    assert.ok(new RegExp(`<div id="${id}"[^>]*class="calc"`).test(html), `${id} has its place`);
  }
  // embed.html stays small: the widget only.
  const embed = await (await fetch(`${site.url}embed.html`)).text();
  assert.ok(embed.length < 4000 && !embed.includes('Liangzhu'), 'embed.html carries no story');
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
  assert.match(forecast, /87\.7%/);
  // Derived figures show their formula in the sources list.
  assert.match(await page.textContent('#source-market-cagr'), /\(140 ÷ 3\.2\)\^\(1 ÷ 6\) − 1 = 87\.7%/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the calculator reacts to its slider, field and scale switch', async () => {
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

  await calc.locator('label[for=market-growth-scale-log]').click();
  assert.match(await calc.locator('.chart-subtitle').textContent(), /logarithmic/);
  assert.notEqual(await chart(), afterSlide);

  // No NaN anywhere in what the reader sees.
  assert.doesNotMatch(await calc.textContent(), /NaN|Infinity/);
  assert.deepEqual(problems, []);
  await context.close();
});

const CALCULATORS = ['market-growth', 'ecosystem', 'adoption-curve', 'value-gap', 'subsidy', 'payback', 'hospital-risk', 'inference-cost'];

for (const id of ['market-growth', 'adoption-curve', 'hospital-risk']) {
  test(`a link to #${id} scrolls to the calculator`, async () => {
    const { page, problems, context } = await visit(`${site.url}#${id}`, { height: 700 });
    await page.waitForFunction((id) => {
      const top = document.getElementById(id).getBoundingClientRect().top;
      return top >= -2 && top < 200;
    }, id, { timeout: 5000 });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('all eight calculators are in the story, listed in the contents, and react to their sliders', async () => {
  const { page, problems, context } = await visit(site.url);
  const ids = await page.$$eval('.calc', (els) => els.map((e) => e.id));
  assert.deepEqual([...ids].sort(), [...CALCULATORS].sort());
  const toc = await page.$$eval('.toc a', (els) => els.map((e) => e.getAttribute('href')));
  for (const id of CALCULATORS) {
    assert.ok(toc.includes(`#${id}`), `contents lacks #${id}`);
    const calc = page.locator(`#${id}`);
    const shown = async () => (await calc.locator('.calc-outputs').textContent()) + (await calc.locator('.chart-svg').innerHTML());
    const before = await shown();
    const slider = calc.locator('input[type=range]').nth(1);
    const [min, max, value] = await slider.evaluate((e) => [Number(e.min), Number(e.max), Number(e.value)]);
    await slider.fill(String(value > (min + max) / 2 ? min : max));
    assert.notEqual(await shown(), before, `${id} did not react to its slider`);
    assert.doesNotMatch(await calc.textContent(), /NaN|Infinity|undefined/, id);
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
    ['-100', 'Choose a value from −99 to 50 % a year.'],
    ['<b>x</b>', 'That is not a number.'],
  ]) {
    await field.fill(typed);
    assert.equal(await calc.locator('#payback-discount-error').textContent(), message, `typing ${JSON.stringify(typed)}`);
    assert.equal(await npv(), before, 'results keep the last valid state');
    assert.equal(await field.inputValue(), typed, 'the field keeps what was typed');
  }
  await field.fill('-0');
  assert.equal(await calc.locator('#payback-discount-error').textContent(), '');
  assert.equal(await page.locator('b').count(), 0, 'typed markup is never rendered');
  assert.deepEqual(problems, []);
  await context.close();
});

test('calculators come to life only as the reader nears them, without moving anything', async () => {
  const { page, problems, context } = await openPage(browser, { width: 390, height: 844 });
  await page.goto(site.url);
  await page.waitForSelector('.theme-switch input:checked', { state: 'attached' });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.calc[data-live]').count(), 0, 'nothing far below the view is built');
  const calc = page.locator('#market-growth');
  const before = await calc.evaluate((e) => e.getBoundingClientRect().height);
  await calc.scrollIntoViewIfNeeded();
  await page.waitForSelector('#market-growth[data-live]', { state: 'attached' });
  assert.equal(await calc.evaluate((e) => e.getBoundingClientRect().height), before, 'the live card is as tall as the static one');
  assert.ok(await page.locator('.calc:not([data-live])').count() > 0, 'the rest wait');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the same dist/ works under a sub-path', async () => {
  assert.match(subSite.url, /\/china-ai\/$/);
  const { page, problems, context } = await visit(subSite.url, { width: 390, height: 844 });
  assert.equal(await page.locator('section.story-section').count(), SECTIONS.length);
  await page.locator('#market-growth-start-range').fill('5');
  assert.equal(await page.locator('#market-growth-start').inputValue(), '5');
  assert.deepEqual(problems, []);
  await context.close();
});
