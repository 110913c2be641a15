// Copy for newsletter: what a writer pastes into an editor that takes no
// iframe (rich HTML with the chart as an image, its description, a link
// back to the state and a citation; plain text for the rest).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { browserAndSite, openPage } from './harness.mjs';

const shared = browserAndSite();

test('Copy for newsletter puts the chart, its description, a link back and a citation on the clipboard', async () => {
  const origin = new URL(shared.site.url).origin;
  const { page, context, problems } = await openPage(shared.browser, { width: 900, origin });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.goto(`${shared.site.url}payback.html?v=1&delay=6`);
  await page.waitForSelector('#payback[data-live]', { state: 'attached' });
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await page.locator('#payback [data-testid=newsletter]').click();
  await page.locator('#payback [data-testid=share-status]').filter({ hasText: 'Copied for your newsletter' }).waitFor();
  const clip = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const read = async (type) => (item.types.includes(type) ? (await item.getType(type)).text() : null);
    return { types: item.types, html: await read('text/html'), text: await read('text/plain') };
  });
  assert.ok(clip.types.includes('text/html') && clip.types.includes('text/plain'), clip.types.join());
  const description = await page.locator('#payback .chart-svg').getAttribute('aria-label');
  const link = `${shared.site.url}payback.html?v=1&delay=6`;
  // Plain text: the description, the citation, the link.
  assert.ok(clip.text.startsWith(description), clip.text);
  assert.match(clip.text, /Chart: “.+”, China’s AI race after DeepSeek\. \S/);
  assert.ok(clip.text.includes(`Interactive chart: ${link}`), clip.text);
  // Rich HTML, as an editor would take it: an image that is the chart as set, linked.
  const pasted = await page.evaluate((html) => {
    const box = document.createElement('div');
    box.innerHTML = html;
    const img = box.querySelector('a > img');
    return { href: img?.parentElement.getAttribute('href'), alt: img?.getAttribute('alt'), src: img?.getAttribute('src')?.slice(0, 22), width: img?.getAttribute('width'), scripts: box.querySelectorAll('script').length, text: box.textContent };
  }, clip.html);
  assert.equal(pasted.href, link);
  assert.equal(pasted.alt, description);
  assert.equal(pasted.src, 'data:image/png;base64,');
  assert.equal(pasted.width, '720');
  assert.equal(pasted.scripts, 0);
  assert.match(pasted.text, /Open the interactive chart/);
  // What a newsletter editor shows after the paste (kept for the record).
  if (process.env.NEWSLETTER_SHOT) {
    const shot = await context.newPage();
    await shot.setViewportSize({ width: 760, height: 700 });
    await shot.setContent(`<!doctype html><body style="font:16px/1.5 Georgia,serif;max-width:720px;margin:20px auto"><div contenteditable="true">${clip.html}</div></body>`);
    await shot.waitForFunction(() => document.querySelector('img')?.complete);
    await mkdir(process.env.NEWSLETTER_SHOT, { recursive: true });
    await shot.screenshot({ path: `${process.env.NEWSLETTER_SHOT}/newsletter-paste.png`, fullPage: true });
    await writeFile(`${process.env.NEWSLETTER_SHOT}/newsletter-paste.txt`, clip.text);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
