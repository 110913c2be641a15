// Measures every widget's height in each layout at the common column widths
// (tests/e2e/heights.mjs), on the built dist/ in headless Chromium, and
// writes content/heights.toml, which the core compiles into the snippets'
// and oEmbed frames' starting heights: for each, the middle of the heights
// measured, so it is as close as it can be to the real one in all of those
// columns. Run by scripts/heights.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launch, openPage, serve, calculatorIds } from '../tests/e2e/harness.mjs';
import { COLUMN, COLUMNS, LAYOUTS, heightOf } from '../tests/e2e/heights.mjs';

const out = fileURLToPath(new URL('../content/heights.toml', import.meta.url));
const browser = await launch();
const site = await serve();
try {
  // Each widget's page in each language: `<id>.html` and `<id>.zh.html`.
  const ids = (await calculatorIds(browser, site.url)).flatMap((id) => [id, `${id}.zh`]);
  const seen = {};
  for (const width of COLUMNS) {
    const { page, context } = await openPage(browser, { width, height: 800 });
    for (const id of ids) {
      for (const layout of Object.keys(LAYOUTS)) (seen[`${id} ${layout}`] ??= []).push(await heightOf(page, site.url, id, layout));
    }
    await context.close();
  }
  const middle = (xs) => Math.round((Math.min(...xs) + Math.max(...xs)) / 2);
  let toml = `# Each widget's height in CSS pixels at its starting values, in a column ${COLUMN}
# px wide (web::embed::COLUMN), in each layout: the height its snippet and
# oEmbed frame start at: the middle of the heights measured in columns
# ${COLUMNS.join(', ')} px wide, by \`scripts/heights\` in Chromium, which
# writes this file. The end-to-end tests measure again at those widths and
# fail when one is off by more than a line or two. \`<id>.zh\` is the
# Chinese widget (\`<id>.zh.html\`).
`;
  for (const id of ids) {
    toml += `\n["${id}"]\n`;
    for (const layout of Object.keys(LAYOUTS)) toml += `${layout} = ${middle(seen[`${id} ${layout}`])}\n`;
  }
  await writeFile(out, toml);
  console.log(toml);
} finally {
  await browser.close();
  await site.close();
}
