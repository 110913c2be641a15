// The built site stays within its size budget. Sizes are deterministic, so
// unlike timings they belong in the test suite; every file's size is printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from './harness.mjs';
import { sizes, kb, storyLoads, SIZE_BUDGET } from './sizes.mjs';

test('everything the story page loads fits the size budget', async () => {
  const { files, page } = await sizes(DIST);
  const lines = files.map((f) => `${storyLoads(f.name) ? '*' : ' '} ${f.name.padEnd(40)} ${kb(f.raw).padStart(9)} ${kb(f.br).padStart(9)} br ${kb(f.gz).padStart(9)} gz`);
  lines.push(`  ${'story page (* files)'.padEnd(40)} ${kb(page.raw).padStart(9)} ${kb(page.br).padStart(9)} br ${kb(page.gz).padStart(9)} gz`);
  console.log(lines.join('\n'));
  assert.ok(files.some((f) => f.name.endsWith('.wasm')), 'dist/ holds no WebAssembly: build it first');
  assert.ok(page.br <= SIZE_BUDGET.brotli, `story page is ${kb(page.br)} brotli, over ${kb(SIZE_BUDGET.brotli)}`);
  assert.ok(page.gz <= SIZE_BUDGET.gzip, `story page is ${kb(page.gz)} gzip, over ${kb(SIZE_BUDGET.gzip)}`);
});
