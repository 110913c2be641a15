// Writes the words of every built page (dist/*.html) as plain text, one
// file per page, so the copy check reads the site as a reader reads it:
// the story's sentences with their figures filled in, the calculators'
// sentences as prerendered. Usage: node scripts/rendered-text.mjs [dist] [out]
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [dist = 'dist', out = 'target/rendered-text'] = process.argv.slice(2);
const entities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
await mkdir(out, { recursive: true });
for (const name of (await readdir(dist)).filter((f) => f.endsWith('.html'))) {
  const html = await readFile(join(dist, name), 'utf8');
  const text = html
    .replace(/<(script|style|svg)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e) => entities[e])
    .replace(/\s+/g, ' ');
  await writeFile(join(out, name.replace(/\.html$/, '.txt')), text);
}
