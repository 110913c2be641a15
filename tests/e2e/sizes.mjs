// Transfer sizes of the built site, shared by the size test and the
// benchmark command: every file of dist/ compressed as static hosts do
// (brotli quality 11, gzip level 9), and what the story page and an embed
// load in all (the WebAssembly included, though the story page fetches it
// only when a calculator comes near).
import { readdir, readFile } from 'node:fs/promises';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { join } from 'node:path';

/** Budgets, in bytes (KB = 1024 bytes): the story page, and an embed, which loads less. */
export const SIZE_BUDGET = { brotli: 150 * 1024, gzip: 184 * 1024, embedBrotli: 136 * 1024 };

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The language of a bundle file (`china-ai-zh-…` is the Chinese one), or null. */
const bundleOf = (name) => (/^china-ai-zh-/.test(name) ? 'zh' : /^china-ai-/.test(name) ? 'en' : null);
/** The code and style both pages in `lang` load (the story's own stylesheet aside): each language its own bundle. */
const shared = (lang) => (name) =>
  /\.(js|wasm|css)$/.test(name) && name !== 'embed.js' && !name.startsWith('story-') && !onRequest(name) && (bundleOf(name) ?? lang) === lang;
/** True for the share image's QR encoder, which a page loads only when a reader asks for a share image. */
export const onRequest = (name) => /^share-qr-/.test(name);
/**
 * True for the files a visit to the story page downloads. Its prerendered
 * charts are files the browser fetches only near the view (the live cards
 * replace them first); the largest one is counted, for the one a reader may
 * scroll past before the WebAssembly arrives.
 */
export const storyLoads = (name) => /^(index\.html|favicon\.svg|story-.*\.css)$/.test(name) || shared('en')(name);
/** The same for the Chinese story, zh.html, with its own bundle. */
export const zhStoryLoads = (name) => /^(zh\.html|favicon\.svg|story-.*\.css)$/.test(name) || shared('zh')(name);
/** True for a widget's own page (`<id>.html`, or `<id>.zh.html` in Chinese), which every embed shows. */
export const isWidgetPage = (name) => /^[a-z-]+(\.zh)?\.html$/.test(name) && !['index.html', 'zh.html', 'tables.html', 'tables.zh.html', 'embed.html', 'embed-example.html'].includes(name);
/** True for the code an embedded calculator downloads besides its page. */
export const embedLoads = shared('en');

/** `{ name, raw, br, gz }` for the file `name` of `dist`. */
async function measure(dist, name) {
  const body = await readFile(join(dist, name));
  return {
    name,
    raw: body.length,
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    gz: gzipSync(body, { level: 9 }).length,
  };
}

/** `{ files: [{ name, raw, br, gz }], page, pageZh, embed: { raw, br, gz } }` for `dist`: the English and Chinese story pages, and an embed. */
export async function sizes(dist) {
  const files = [];
  for (const entry of (await readdir(dist, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile()) files.push(await measure(dist, entry.name));
  }
  const sum = (pick, field) => files.filter((f) => pick(f.name)).reduce((a, f) => a + f[field], 0);
  const total = (pick) => ({ raw: sum(pick, 'raw'), br: sum(pick, 'br'), gz: sum(pick, 'gz') });
  const charts = [];
  for (const name of await readdir(join(dist, 'charts')).catch(() => [])) charts.push(await measure(dist, `charts/${name}`));
  charts.sort((a, b) => b.br - a.br);
  const page = total(storyLoads);
  const chart = charts.find((c) => !c.name.includes('.zh'));
  if (chart) for (const k of ['raw', 'br', 'gz']) page[k] += chart[k];
  const pageZh = total(zhStoryLoads);
  const chartZh = charts.find((c) => c.name.includes('.zh'));
  if (chartZh) for (const k of ['raw', 'br', 'gz']) pageZh[k] += chartZh[k];
  // An embed: the largest widget page and the code they share, in each language.
  const embedIn = (zh) => {
    const loads = total(shared(zh ? 'zh' : 'en'));
    const widget = files.filter((f) => isWidgetPage(f.name) && f.name.endsWith('.zh.html') === zh).sort((a, b) => b.br - a.br)[0];
    if (widget) for (const k of ['raw', 'br', 'gz']) loads[k] += widget[k];
    return [loads, widget?.name];
  };
  const [embed, widget] = embedIn(false);
  const [embedZh, widgetZh] = embedIn(true);
  return { files: [...files, ...[chart, chartZh].filter(Boolean)], page, pageZh, embed, widget, embedZh, widgetZh };
}
