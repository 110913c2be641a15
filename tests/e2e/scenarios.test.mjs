// Ranges, the story's sentences that follow a calculator, and what the
// reader's scenario looks like on the page and in a link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserAndSite, ready, visit as open } from './harness.mjs';

const shared = browserAndSite();
const visit = (url, options) => open(shared.browser, url, options);

test('a range draws a fan, says where the result lands, and a tornado for the bets; 0 turns it off', async () => {
  const { page, problems, context } = await visit(shared.site.url);
  const market = page.locator('#market-growth');
  // Two shaded bands around the reader's line, and the range in words.
  assert.equal(await market.locator('.chart-svg polygon').count(), 2);
  assert.match(await market.locator('[data-testid=range]').textContent(), /^Your range: in 2030 the industry is worth between US\$[\d.]+ bn and US\$[\d.]+ bn in eight draws out of 10\.$/);
  assert.match(await market.locator('.chart-svg').getAttribute('aria-label'), /Your range: /);
  await market.locator('#market-growth-range-range').fill('0');
  assert.equal(await market.locator('.chart-svg polygon').count(), 0);
  assert.equal(await market.locator('[data-testid=range]').count(), 0);
  await page.waitForFunction(() => location.search.includes('market.range=0'));

  // The tornado, in a box of its own under the chart.
  const payback = page.locator('#payback');
  const tornado = payback.locator('.chart-tornado');
  assert.ok(await tornado.isVisible(), 'the tornado shows');
  assert.match(await tornado.getAttribute('aria-label'), /with one input at a time at each end of your range/);
  const svg = await tornado.innerHTML();
  for (const input of ['Investment up front', 'Net return a year', 'Years before returns start', 'Discount rate']) assert.ok(svg.includes(input), `the tornado lacks ${input}`);
  assert.ok((await tornado.boundingBox()).height >= 200, 'the tornado has its height');
  // Without a range it goes, box and all.
  const tall = (await payback.boundingBox()).height;
  await payback.locator('#payback-range-range').fill('0');
  assert.equal(await tornado.isVisible(), false, 'no tornado at 0');
  assert.equal(await tornado.innerHTML(), '');
  const short = (await payback.boundingBox()).height;
  assert.ok(tall - short > 200, `the card is ${tall} px with the tornado, ${short} px without`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the same inputs draw the same fan, on a widget page as on the story', async () => {
  const { page, problems, context } = await visit(`${shared.site.url}inference-cost.html?v=1&range=40&decline=30`);
  const widget = await page.locator('.chart-svg').innerHTML();
  const words = await page.locator('[data-testid=range]').textContent();
  const again = await visit(`${shared.site.url}?v=1&cost.range=40&cost.decline=30#inference-cost`);
  await again.page.locator('#inference-cost[data-live]').waitFor();
  assert.equal(await again.page.locator('#inference-cost [data-testid=range]').textContent(), words);
  // The same drawing at the same width, bands and all.
  const band = (svg) => [...svg.matchAll(/<polygon[^>]*>/g)].map((m) => m[0]);
  assert.equal(band(widget).length, 2);
  assert.deepEqual(problems, []);
  await context.close();
  await again.context.close();
});

test('the sentence beside a calculator follows the reader once per pause, marked, with a way back', async () => {
  const { page, problems, context } = await visit(shared.site.url);
  const follow = page.locator('[data-follow=market-growth]');
  const text = follow.locator('.follow-text');
  const reported = 'On the bank’s figures';
  assert.ok((await text.textContent()).startsWith(reported), await text.textContent());
  assert.equal(await text.getAttribute('aria-live'), 'polite');
  assert.equal(await follow.locator('.follow-tag').isVisible(), false);
  // Count the sentence's changes while the slider moves in quick steps.
  await text.evaluate((el) => {
    window.followChanges = 0;
    new MutationObserver(() => window.followChanges++).observe(el, { childList: true, characterData: true, subtree: true });
  });
  for (const rate of ['50', '45', '42', '40']) await page.locator('#market-growth-rate-range').fill(rate);
  await page.waitForFunction(() => document.querySelector('[data-follow=market-growth]').classList.contains('follow-yours'));
  // The pause ends when the address takes the last value; the sentence
  // changes in the same task, and only then.
  await page.waitForFunction(() => /[?&]market\.rate=40(&|$)/.test(location.search));
  await page.waitForFunction(() => window.followChanges > 0);
  assert.equal(await page.evaluate(() => window.followChanges), 1, 'one change per pause');
  assert.equal(
    await text.textContent(),
    'On your numbers, China’s AI industry would be worth US$24.1 billion in 2030, growing 40.0% a year from US$3.2 billion in 2024: 83% below the forecast of US$140 billion.',
  );
  assert.equal(await follow.locator('.follow-tag').isVisible(), true);
  assert.match(await follow.locator('.follow-tag').textContent(), /Your scenario/);

  await follow.getByRole('button', { name: 'Back to the reported figures' }).click();
  await page.waitForFunction(() => !document.querySelector('[data-follow=market-growth]').classList.contains('follow-yours'));
  // The button hid itself; the reader's place is kept on the sentence.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'follow-market-growth');
  assert.ok((await text.textContent()).startsWith(reported));
  assert.equal(await page.locator('#market-growth-rate').inputValue(), '87.7');
  assert.equal(await follow.locator('.follow-tag').isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link with the reader’s numbers opens with their sentence, and every followed calculator has one', async () => {
  const { page, problems, context } = await visit(`${shared.site.url}?v=1&adopt.ceiling=60&gap.improve=10`);
  for (const id of ['market-growth', 'adoption-curve', 'value-gap']) {
    assert.equal(await page.locator(`[data-follow=${id}]`).count(), 1, `${id} is followed`);
  }
  await page.locator('#adoption-curve[data-live]').waitFor();
  const adoption = page.locator('[data-follow=adoption-curve]');
  await page.waitForFunction(() => document.querySelector('[data-follow=adoption-curve]').classList.contains('follow-yours'));
  assert.match(await adoption.textContent(), /On your numbers, an S-curve levelling off at 60% has 50% of firms using generative AI by /);
  await page.locator('#value-gap[data-live]').waitFor();
  assert.match(await page.locator('[data-follow=value-gap] .follow-text').textContent(), /^On your numbers, .* if 10\.0 more points of adopters start to gain each year, half of them do by 20\d\d, counting from 2025, our date for the undated survey\.$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('yuan: the switch converts every money figure at the chosen rate, marks the reported dollars, and is remembered', async () => {
  const { page, problems, context } = await visit(shared.site.url);
  const market = page.locator('#market-growth');
  await market.locator('[data-testid=out-reader]').waitFor();
  assert.equal(await market.locator('[data-testid=out-reader]').textContent(), 'US$139.9 bn');
  assert.equal(await page.locator('.fx').first().isVisible(), false, 'no yuan until asked for');
  await page.locator('label[for=cur-cny]').click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.cur), 'cny');
  // 139.94 × 3,000,000 ÷ 420,000 = 999.6
  await page.waitForFunction(() => document.querySelector('#market-growth [data-testid=out-reader]').textContent.startsWith('CN¥'));
  assert.equal(await market.locator('[data-testid=out-reader]').textContent(), 'CN¥999.6 bn');
  assert.match(await market.locator('.chart-subtitle').textContent(), /CN¥ bn \(at 7\.14 yuan per US dollar, our conversion\)/);
  assert.doesNotMatch(await market.locator('.chart-svg').getAttribute('aria-label'), /US\$/);
  // The reported dollars stay, with our yuan beside them.
  const forecast = await page.textContent('#forecast');
  assert.match(forecast, /US\$140 billion \(about CN¥1,000 billion, our conversion\)/);
  assert.ok(await page.locator('#fx-note').isVisible());
  // The story's sentence on the bank's figures follows the currency too.
  await page.waitForFunction(() => document.querySelector('[data-follow=market-growth] .follow-text').textContent.includes('CN¥'));
  assert.match(await page.textContent('[data-follow=market-growth] .follow-text'), /to CN¥1,000 billion in 2030.*our conversion/);
  assert.match(await page.textContent('#fx-note'), /rate implied by the report’s two amounts for one subsidy/);

  // Another rate: every figure follows; nonsense is refused and said so.
  await page.locator('#fx').fill('7.3');
  await page.locator('#fx').press('Enter');
  await page.locator('#fx').blur();
  // 139.936 × 7.3 = 1,021.5
  await page.waitForFunction(() => document.querySelector('#market-growth [data-testid=out-reader]').textContent === 'CN¥1,021.5 bn');
  assert.match(forecast.length ? await page.textContent('#forecast') : '', /US\$140 billion \(about CN¥1,022 billion, our conversion\)/);
  await page.locator('#fx').fill('lots');
  await page.locator('#fx').blur();
  assert.equal(await page.locator('#fx').getAttribute('aria-invalid'), 'true');
  assert.match(await page.textContent('#fx-error'), /Use a number from 1 to 20/);
  assert.equal(await market.locator('[data-testid=out-reader]').textContent(), 'CN¥1,021.5 bn');

  // The Embed dialog starts in yuan at the page's rate, and can switch back.
  await market.locator('[data-testid=embed]').click();
  const dialog = page.locator('dialog[open]');
  assert.equal(await dialog.locator('#embed-cur-cny').isChecked(), true);
  assert.match(await dialog.locator('[data-testid=snippet]').inputValue(), /cur=cny&amp;fx=7\.3/);
  await dialog.locator('label[for=embed-cur-usd]').click();
  assert.doesNotMatch(await dialog.locator('[data-testid=snippet]').inputValue(), /cur=/);
  await dialog.locator('#embed-close').click();

  // Remembered, like the colours.
  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.cur), 'cny');
  assert.equal(await page.locator('#cur-cny').isChecked(), true);
  assert.equal(await page.locator('#fx').inputValue(), '7.3');
  await page.locator('#market-growth[data-live]').waitFor();
  assert.equal(await market.locator('[data-testid=out-reader]').textContent(), 'CN¥1,021.5 bn');
  // A link's currency wins over the remembered one, until the reader
  // chooses again, which takes it out of the address.
  await page.goto(`${shared.site.url}?cur=usd`);
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.cur), undefined);
  await page.locator('label[for=cur-cny]').click();
  assert.equal(await page.evaluate(() => new URLSearchParams(location.search).has('cur')), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('cur=cny in a widget’s link shows yuan from the first paint; a bad rate falls back to the report’s', async () => {
  const { page, problems, context } = await visit(`${shared.site.url}payback.html?v=1&cur=cny&fx=7`);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.cur), 'cny');
  // −10.26427 × 7 = −71.84989
  assert.equal(await page.locator('[data-testid=out-npv]').textContent(), '−CN¥71.8 m');
  assert.match(await page.locator('.chart-tornado').innerHTML(), /Net present value, CN¥ m/);
  const embed = await visit(`${shared.site.url}embed.html?w=inference-cost&cur=cny&fx=banana`);
  assert.match(await embed.page.locator('[data-testid=out-total]').textContent(), /^CN¥[\d,]+$/);
  assert.match(await embed.page.locator('.chart-subtitle').textContent(), /at 7\.14 yuan per US dollar/);
  assert.deepEqual(problems, []);
  assert.deepEqual(embed.problems, []);
  await context.close();
  await embed.context.close();
});
