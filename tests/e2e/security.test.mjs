// The site as published: dist/ served with the headers its own _headers
// file sets (as Netlify or Cloudflare Pages would), every page run under
// that Content-Security-Policy without a console error, and the embeds
// accessible as their own pages (axe-core, light and dark).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { browserAndSite, openPage, ready } from './harness.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser, site, ids;
browserAndSite({ ids: true, then: (s) => ({ browser, site, ids } = s) });

test('_headers: a policy with no inline script, no sniffing, a referrer policy, any site may frame, and caching by kind', async () => {
  const head = async (path) => (await fetch(new URL(path, site.url))).headers;
  const page = await head('');
  const csp = page.get('content-security-policy');
  assert.ok(csp, 'a Content-Security-Policy');
  const scripts = /script-src ([^;]+)/.exec(csp)[1];
  assert.doesNotMatch(scripts, /'unsafe-inline'|'unsafe-eval'|\*/, scripts);
  assert.match(scripts, /'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(csp, /frame-ancestors \*/);
  assert.match(csp, /object-src 'none'/);
  assert.equal(page.get('x-content-type-options'), 'nosniff');
  assert.equal(page.get('referrer-policy'), 'strict-origin-when-cross-origin');
  assert.match(page.get('cache-control'), /must-revalidate/);
  const html = await (await fetch(site.url)).text();
  const wasm = /'\.\/(china-ai-[0-9a-f]{8,16}_bg\.wasm)'/.exec(html)?.[1];
  assert.ok(wasm, 'the page names its WebAssembly');
  assert.match((await head(wasm)).get('cache-control'), /immutable/);
  for (const path of ['embed.html', `${ids[0]}.html`, 'embed-example.html', 'tables.html', 'embed.js', `preview/${ids[0]}.png`]) {
    const h = await head(path);
    assert.match(h.get('cache-control') ?? '', /must-revalidate/, path);
    assert.equal(h.get('content-security-policy'), csp, path);
  }
});

test('every page runs under the policy without a console error, and an injected inline script is refused', async () => {
  const origin = new URL(site.url).origin;
  const { page, context, problems } = await openPage(browser, { origin });
  await page.goto(site.url);
  await ready(page);
  await page.locator(`#${ids[0]} input[type=range]`).first().fill('1');
  // The policy is in force: a script the build did not hash does not run.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.append(s);
    return window.injected === true;
  });
  assert.equal(ran, false);
  const refused = problems.splice(0).filter((p) => !/Content Security Policy/.test(p));
  assert.deepEqual(refused, [], 'only the refusal itself was reported');
  for (const id of ids) {
    await page.goto(`${site.url}${id}.html`);
    await page.waitForSelector(`#${id}[data-live]`, { state: 'attached' });
    await page.goto(`${site.url}${id}.html?tabs=1`);
    await page.waitForSelector('html[data-ready]', { state: 'attached' });
  }
  for (const path of ['tables.html', 'embed.html', 'embed-example.html']) {
    await page.goto(`${site.url}${path}`);
    await page.waitForLoadState('load');
  }
  // Not a wait for state: a policy violation or console error is reported
  // in a task of its own, with nothing on the page to wait on, so this
  // gives any late report from the last page time to arrive.
  await page.waitForTimeout(500);
  assert.deepEqual(problems, []);
  await context.close();
});

test('embeds are accessible as pages of their own, in both languages: axe-core finds nothing, light or dark', async () => {
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, problems } = await openPage(browser, { width: 700, colorScheme });
    for (const id of ids) {
      // Each widget in both languages.
      for (const path of [`${id}.html`, `${id}.html?tabs=1`, `${id}.zh.html`, `${id}.zh.html?tabs=1`]) {
        await page.goto(`${site.url}${path}`);
        await page.waitForSelector('html[data-ready]', { state: 'attached' });
        await page.locator('.chart-svg svg').waitFor();
        await page.addScriptTag({ content: axeSource }).catch(() => page.evaluate(axeSource));
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        for (const v of result.violations) found.push(`${colorScheme} ${path}: ${v.id} (${v.nodes.map((n) => n.target.join(" ") + " " + (n.any[0]?.message ?? "")).join("; ")})`);
      }
    }
    assert.deepEqual(problems.filter((p) => !/Content Security Policy/.test(p)), []);
    await context.close();
  }
  assert.deepEqual(found, []);
});
