// The built site stays within its size budget. Sizes are deterministic, so
// unlike timings they belong in the test suite; every file's size is printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from './harness.mjs';
import { sizes, kb, storyLoads, onRequest, SIZE_BUDGET } from './sizes.mjs';

test('everything the story page and an embed load fits the size budget', async () => {
  const { files, page, pageZh, embed, widget, embedZh, widgetZh } = await sizes(DIST);
  const line = (mark, name, s) => `${mark} ${name.padEnd(40)} ${kb(s.raw).padStart(9)} ${kb(s.br).padStart(9)} br ${kb(s.gz).padStart(9)} gz`;
  const lines = files.map((f) => line(storyLoads(f.name) ? '*' : ' ', f.name, f));
  lines.push(line(' ', 'story page (* files)', page), line(' ', 'Chinese story page (zh.html, its bundle)', pageZh), line(' ', `embed (${widget}, the largest, and the code)`, embed), line(' ', `Chinese embed (${widgetZh})`, embedZh));
  const encoder = files.filter((f) => onRequest(f.name)).reduce((a, f) => ({ raw: a.raw + f.raw, br: a.br + f.br, gz: a.gz + f.gz }), { raw: 0, br: 0, gz: 0 });
  lines.push(line(' ', 'share image QR encoder (on request only)', encoder));
  console.log(lines.join('\n'));
  assert.ok(files.some((f) => f.name.endsWith('.wasm')), 'dist/ holds no WebAssembly: build it first');
  // Loaded on request, so within the budget only of its own: a fifth of a page.
  assert.ok(encoder.br > 0 && encoder.br <= 30 * 1024, `the QR encoder is ${kb(encoder.br)} brotli`);
  assert.ok(page.br <= SIZE_BUDGET.brotli, `story page is ${kb(page.br)} brotli, over ${kb(SIZE_BUDGET.brotli)}`);
  assert.ok(page.gz <= SIZE_BUDGET.gzip, `story page is ${kb(page.gz)} gzip, over ${kb(SIZE_BUDGET.gzip)}`);
  // Each language's pages load only their own words: the same budgets.
  assert.ok(pageZh.br <= SIZE_BUDGET.brotli, `the Chinese story page is ${kb(pageZh.br)} brotli, over ${kb(SIZE_BUDGET.brotli)}`);
  assert.ok(pageZh.gz <= SIZE_BUDGET.gzip, `the Chinese story page is ${kb(pageZh.gz)} gzip, over ${kb(SIZE_BUDGET.gzip)}`);
  assert.ok(embed.br <= SIZE_BUDGET.embedBrotli, `an embed is ${kb(embed.br)} brotli, over ${kb(SIZE_BUDGET.embedBrotli)}`);
  assert.ok(embedZh.br <= SIZE_BUDGET.embedBrotli, `a Chinese embed is ${kb(embedZh.br)} brotli, over ${kb(SIZE_BUDGET.embedBrotli)}`);
});
