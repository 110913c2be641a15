// Transfer sizes of the built site, shared by the size test and the
// benchmark command: every file of dist/ compressed as static hosts do
// (brotli quality 11, gzip level 9), and what the story page loads.
import { readdir, readFile } from 'node:fs/promises';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { join } from 'node:path';

/** Budget for everything the story page loads, in bytes (KB = 1024 bytes). */
export const SIZE_BUDGET = { brotli: 150 * 1024, gzip: 180 * 1024 };

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** True for the files a visit to the story page downloads. */
export const storyLoads = (name) => /^(index\.html|favicon\.svg)$|\.(js|wasm|css)$/.test(name) && name !== 'embed.js';

/** `{ files: [{ name, raw, br, gz }], page: { raw, br, gz } }` for `dist`. */
export async function sizes(dist) {
  const files = [];
  for (const name of (await readdir(dist)).sort()) {
    const body = await readFile(join(dist, name));
    files.push({
      name,
      raw: body.length,
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      gz: gzipSync(body, { level: 9 }).length,
    });
  }
  const sum = (field) => files.filter((f) => storyLoads(f.name)).reduce((a, f) => a + f[field], 0);
  return { files, page: { raw: sum('raw'), br: sum('br'), gz: sum('gz') } };
}
