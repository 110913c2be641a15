// A widget's real height as its snippet frames it: its own page, in one of
// its layouts, at a column's width. Shared by the frames test, which checks
// the snippets' heights, and by scripts/heights, which writes them to
// content/heights.toml.

/** The layouts a snippet can ask for, as their query options. */
export const LAYOUTS = { full: '', compact: '?compact=1', tabs: '?tabs=1' };

/** The width of the column the snippet's heights are for (web::embed::COLUMN). */
export const COLUMN = 700;

/** Common blog columns around it, where an embed keeps one layout and only a line or two of text wraps differently. */
export const COLUMNS = [640, COLUMN, 760];

/** The height in CSS pixels of widget `id` in `layout`, on `page` (as wide as the column), once it is live and drawn. */
export async function heightOf(page, siteUrl, id, layout) {
  await page.goto(`${siteUrl}${id}.html${LAYOUTS[layout]}`);
  await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 20000 });
  // The live card laid out and drawn once.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => Math.ceil(document.querySelector('main.embed-root').getBoundingClientRect().height));
}
