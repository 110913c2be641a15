// The embed API as a host page uses it: embed.js's wrapper on a blog on
// another origin drives a widget and hears it; and hostile messages leave
// the widget alive and correct.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { blogPage, browserAndSite, openPage } from './harness.mjs';

let browser, site, host, hostDir;
browserAndSite({ host: true, then: async (s) => {
  ({ browser, site, host, host: { dir: hostDir } } = s);
  await blogPage(hostDir, 'post.html', `<h1>Post</h1>
    <iframe id="w" src="${site.url}embed.html?w=market-growth" title="Widget" height="1263" style="width:100%;border:0" data-china-ai-widget="market-growth"></iframe>
    <iframe id="other" src="${host.url}other.html" title="Another frame" height="50"></iframe>
    <script src="${site.url}embed.js"></script>
    <script>
      window.heard = [];
      addEventListener('message', (e) => { if (e.data && typeof e.data.type === 'string' && e.data.type.startsWith('china-ai:') && e.data.type !== 'china-ai:height') window.heard.push(e.data); });
    </script>`);
  // A sibling frame that tries to drive the widget: not its parent.
  await writeFile(join(hostDir, 'other.html'), `<!doctype html><title>Other</title><script>
    window.tryDriving = () => parent.frames[0].postMessage({ type: 'china-ai:set', version: 1, id: 'sibling', inputs: 'rate=99' }, '*');
  </script>`);
} });

async function open() {
  const { page, context, problems } = await openPage(browser, { width: 800, height: 900 });
  await page.goto(`${host.url}post.html`);
  const frame = page.frameLocator('#w');
  await frame.locator('#market-growth-rate').waitFor({ timeout: 20000 });
  await page.waitForFunction(() => window.chinaAi);
  return { page, context, problems, frame };
}

test('a host page sets, resets, reads and hears a widget through embed.js', async () => {
  const { page, context, problems, frame } = await open();
  const start = await page.evaluate(() => chinaAi.widget(document.getElementById('w')).get());
  assert.equal(start.type, 'china-ai:state');
  assert.equal(start.version, 1);
  assert.equal(start.widget, 'market-growth');
  assert.equal(typeof start.inputs.rate, 'number');
  assert.ok(start.outputs.length >= 2 && start.outputs.every((o) => o.id && o.label && o.text), JSON.stringify(start.outputs));
  assert.match(start.link, /market-growth\.html$/);

  // Set: the widget changes, the reply has the new state, a change event follows.
  const set = await page.evaluate(() => {
    const w = chinaAi.widget(document.getElementById('w'));
    window.changes = [];
    w.on('change', (s) => window.changes.push(s));
    return w.set({ rate: 30, scale: 'log' });
  });
  assert.equal(set.inputs.rate, 30);
  assert.equal(set.scale, 'log');
  assert.match(set.link, /market-growth\.html\?v=1&rate=30&scale=log$/);
  assert.equal(await frame.locator('#market-growth-rate').inputValue(), '30');
  assert.notDeepEqual(set.outputs, start.outputs);
  await page.waitForFunction(() => window.changes.length >= 1);
  assert.equal(await page.evaluate(() => window.changes.at(-1).inputs.rate), 30);

  // The reader moves the slider: the host hears it.
  await frame.locator('#market-growth-rate').fill('45');
  await page.waitForFunction(() => window.changes.at(-1)?.inputs.rate === 45);

  // The currency: yuan at the host's rate, in the reply, the link and the frame; then dollars again.
  const yuan = await page.evaluate(() => chinaAi.widget(document.getElementById('w')).set({ cur: 'cny', fx: 7.2 }));
  assert.equal(yuan.cur, 'cny');
  assert.equal(yuan.fx, 7.2);
  assert.equal(yuan.inputs.rate, 45, 'the inputs stay as they were');
  assert.ok(yuan.outputs.some((o) => o.text.startsWith('CN¥')), JSON.stringify(yuan.outputs));
  assert.match(yuan.link, /cur=cny&fx=7\.2/);
  await frame.getByText(/at 7\.20 yuan per US dollar, our conversion/).first().waitFor();
  assert.match(await frame.locator('body').innerText(), /CN¥[\d,.]+ bn/);
  const badRate = await page.evaluate(() => chinaAi.widget(document.getElementById('w')).set({ cur: 'cny', fx: 0 }).then(() => null, (e) => e.reasons));
  assert.deepEqual(badRate, ['fx: a number of yuan per US dollar from 1 to 20.']);
  const dollars = await page.evaluate(() => chinaAi.widget(document.getElementById('w')).set({ cur: 'usd' }));
  assert.equal(dollars.cur, 'usd');
  assert.equal(dollars.fx, undefined);
  assert.ok(dollars.outputs.every((o) => !o.text.includes('CN¥')), JSON.stringify(dollars.outputs));
  await frame.getByText(/CN¥/).first().waitFor({ state: 'detached' });
  assert.doesNotMatch(await frame.locator('body').innerText(), /CN¥/);

  // Refused, all or nothing, with reasons.
  const refused = await page.evaluate(() => chinaAi.widget(document.getElementById('w')).set({ rate: 'fast', start: 2 }).then(() => null, (e) => e.reasons));
  assert.equal(refused.length, 1);
  assert.match(refused[0], /^rate: /);
  const unknown = await page.evaluate(() => chinaAi.widget(document.getElementById('w')).set({ nope: 1 }).then(() => null, (e) => e.reasons));
  assert.deepEqual(unknown, ['nope: not an input of this widget.']);
  assert.equal(await frame.locator('#market-growth-rate').inputValue(), '45', 'nothing changed');

  const reset = await page.evaluate(() => chinaAi.widget(document.getElementById('w')).reset());
  assert.equal(reset.inputs.rate, start.inputs.rate);
  assert.equal(reset.scale, 'linear');
  assert.deepEqual(problems, []);
  await context.close();
});

test('hostile messages leave the widget alive and correct', async () => {
  const { page, context, problems, frame } = await open();
  const post = (messages) => page.evaluate((messages) => {
    const w = document.getElementById('w').contentWindow;
    for (const m of messages) w.postMessage(m, '*');
  }, messages);
  const big = 'x'.repeat(5_000_000);
  await post([
    'garbage', 42, null, true, [], [1, 2, 3], { }, { type: 7 }, { type: null }, { type: big },
    { type: 'china-ai:set' }, { type: 'china-ai:set', version: '1', inputs: 'rate=10' }, { type: 'china-ai:set', version: 2, inputs: 'rate=10' },
    { type: 'china-ai:set', version: 1, inputs: { rate: 10 } }, { type: 'china-ai:set', version: 1, inputs: big },
    { type: 'china-ai:set', version: 1, inputs: '__proto__=1&constructor=2&prototype=3' },
    { type: 'china-ai:set', version: 1, inputs: JSON.parse('{"__proto__": {"polluted": 1}}') },
    { type: 'china-ai:set', version: 1, id: { toString: null }, inputs: 'rate=<img src=x onerror=alert(1)>' },
    { type: 'china-ai:set', version: 1, inputs: 'rate=1e400' }, { type: 'china-ai:set', version: 1, inputs: 'rate=NaN' },
    { type: 'china-ai:explode', version: 1, id: 'boom' }, { type: 'china-ai:state', version: 1, inputs: 'rate=10' },
    { type: 'china-ai:set', version: 1, id: big, inputs: 'rate=' + '9'.repeat(3000) },
  ]);
  // Every one of ours that was usable got an answer; none changed anything.
  await page.waitForFunction(() => window.heard.filter((m) => m.type === 'china-ai:error').length >= 11);
  const errors = await page.evaluate(() => window.heard.filter((m) => m.type === 'china-ai:error'));
  assert.ok(errors.every((e) => Array.isArray(e.errors) && e.errors.every((x) => typeof x === 'string' && x.length < 300)), JSON.stringify(errors).slice(0, 500));
  assert.ok(errors.some((e) => e.id === 'boom' && /Unknown type/.test(e.errors[0])));
  assert.equal(await frame.locator('#market-growth-rate').inputValue(), '87.7', 'the widget is unchanged');
  const inside = await frame.locator('body').evaluate(() => ({
    polluted: ({}).polluted, images: document.querySelectorAll('img').length, ready: document.documentElement.hasAttribute('data-ready'),
  }));
  assert.deepEqual(inside, { polluted: undefined, images: 0, ready: true });

  // Only the parent window is obeyed.
  await page.frame({ url: /other\.html/ }).evaluate(() => window.tryDriving());
  // A round trip from the parent, posted after the sibling's commands: once
  // its answer is back, the widget has handled the sibling's too.
  await page.evaluate(() => document.getElementById('w').contentWindow.postMessage({ type: 'china-ai:get', version: 1, id: 'after-sibling' }, '*'));
  await page.waitForFunction(() => window.heard.some((m) => m.id === 'after-sibling'));
  assert.equal(await frame.locator('#market-growth-rate').inputValue(), '87.7');
  assert.ok(!(await page.evaluate(() => window.heard.some((m) => m.id === 'sibling'))));

  // A flood: the widget keeps up and ends where the last command left it.
  const started = Date.now();
  await page.evaluate(() => {
    const w = document.getElementById('w').contentWindow;
    for (let i = 0; i < 2000; i++) w.postMessage({ type: 'china-ai:set', version: 1, inputs: `rate=${(i % 100) + 1}` }, '*');
    w.postMessage({ type: 'china-ai:set', version: 1, id: 'last', inputs: 'rate=12.5' }, '*');
  });
  await page.waitForFunction(() => window.heard.some((m) => m.id === 'last'), null, { timeout: 30000 });
  const flood = Date.now() - started;
  console.log(`# 2001 set commands answered in ${flood} ms`);
  assert.equal(await frame.locator('#market-growth-rate').inputValue(), '12.5');
  // Still alive for the reader.
  await frame.locator('#market-growth-rate').fill('20');
  const state = await page.evaluate(() => chinaAi.widget(document.getElementById('w')).get());
  assert.equal(state.inputs.rate, 20);
  assert.deepEqual(problems, []);
  await context.close();
});
