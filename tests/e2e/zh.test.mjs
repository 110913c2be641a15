// The Chinese edition as its readers meet it: zh.html beside the English
// story, each naming the other, the switch between them keeping a reader's
// settings and place, the words in Chinese (checked against the glossary's
// Latin), readable without JavaScript, accessible light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { blogHost, blogPage, browserAndSite, openPage, ready } from './harness.mjs';

const shared = browserAndSite();
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The Latin a Chinese page may hold: the glossary's names kept in the
// original and its `latin` list, read from content/glossary.toml as the
// build reads it.
const glossary = await readFile(new URL('../../content/glossary.toml', import.meta.url), 'utf8');
const allowed = new Set([
  ...[...glossary.matchAll(/^zh = "([^"]*)"/gm)].flatMap((m) => m[1].match(/[A-Za-z0-9][A-Za-z0-9 -]*[A-Za-z0-9]|[A-Za-z]/g) ?? []),
  ...JSON.parse(/^latin = (\[.*\])$/m.exec(glossary)[1]),
]);
const stray = (text) => {
  let rest = text;
  for (const term of [...allowed].sort((a, b) => b.length - a.length)) rest = rest.split(term).join(' ');
  return rest.match(/[A-Za-z]+(?:[ '’-]+[A-Za-z]+)*/g) ?? [];
};

/**
 * The page's words outside anything marked as another language (the
 * language switch's "English"): its title, description and every text,
 * with the charts' own words; and apart, the working's formulas, whose
 * single letters (k, t) are mathematics.
 */
const chineseText = (page) =>
  page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement.closest('[lang]:not([lang^=zh]), script, style, noscript') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const text = [document.title, document.querySelector('meta[name=description]')?.content ?? ''];
    const formulas = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) (n.parentElement.closest('.working') ? formulas : text).push(n.textContent);
    return { text: text.join('\n'), formulas: formulas.join('\n') };
  });

test('the Chinese story is its own page: zh-Hans, named by the English one and naming it', async () => {
  const { site } = shared;
  const zh = await (await fetch(`${site.url}zh.html`)).text();
  const en = await (await fetch(site.url)).text();
  assert.match(zh, /<html lang="zh-Hans"/);
  assert.match(en, /<html lang=("?)en\1[ >]/);
  for (const page of [zh, en]) {
    assert.match(page, /<link rel="alternate" hreflang="en" href="[^"]*">/);
    assert.match(page, /<link rel="alternate" hreflang="zh-Hans" href="[^"]*zh\.html">/);
    assert.match(page, /<link rel="alternate" hreflang="x-default" href="[^"]*">/);
  }
  assert.match(zh, /<meta property="og:locale" content="zh_CN">/);
  assert.match(zh, /<meta property="og:image" content="[^"]*preview\/story\.zh\.png">/);
  // Without JavaScript the whole story is there, its figures in 万 and 亿.
  const text = zh.replace(/<[^>]+>/g, ' ');
  for (const phrase of ['良渚', '32亿美元', '1400亿美元', '1.4万亿美元', '300万元', '杰富瑞（Jefferies）', '本站推算']) {
    assert.ok(text.includes(phrase), `zh.html lacks “${phrase}”`);
  }
});

test('the Chinese pages hold no English sentence: every Latin word is a name or unit the glossary allows', async () => {
  const { browser, site } = shared;
  const { page, context, problems } = await openPage(browser, { width: 390, height: 844 });
  for (const path of ['zh.html', 'tables.zh.html']) {
    await page.goto(`${site.url}${path}`);
    // The tables page has no script to wait for.
    if (path === 'zh.html') await ready(page);
    const { text, formulas } = await chineseText(page);
    assert.deepEqual(stray(text), [], `${path} holds Latin words outside the glossary`);
    assert.deepEqual(stray(formulas).filter((w) => w.length > 1), [], `${path}: a formula holds a Latin word`);
    assert.deepEqual(`${text}${formulas}`.match(/.{0,8}\d,\d{3}.{0,8}/g) ?? [], [], `${path}: Chinese numbers take no thousands separators`);
  }
  // The check can fail: an English sentence is found.
  assert.deepEqual(stray('DeepSeek发布了开源大模型。The forecast is huge.'), ['The forecast is huge']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the language switch keeps the reader’s settings and place, both ways', async () => {
  const { browser, site } = shared;
  const { page, context, problems } = await openPage(browser, { width: 1280, height: 900 });
  await page.goto(`${site.url}?market.rate=40&cur=cny#forecast`);
  await page.locator('a.lang-switch').click();
  await page.waitForURL(/zh\.html/);
  const there = new URL(page.url());
  assert.equal(there.pathname, '/zh.html');
  assert.equal(there.searchParams.get('market.rate'), '40');
  assert.equal(there.hash, '#forecast');
  assert.equal(await page.getAttribute('html', 'data-cur'), 'cny', 'the currency carries over');
  await page.locator('a.lang-switch').click();
  await page.waitForURL((url) => !url.pathname.endsWith('zh.html'));
  const back = new URL(page.url());
  assert.equal(back.pathname, '/');
  assert.equal(back.searchParams.get('market.rate'), '40');
  assert.equal(back.hash, '#forecast');
  assert.deepEqual(problems, []);
  await context.close();
});

test('in yuan, the Chinese story converts its dollar figures in Chinese, at the reader’s rate', async () => {
  const { browser, site } = shared;
  const { page, context, problems } = await openPage(browser, { width: 390, height: 844 });
  await page.goto(`${site.url}zh.html?cur=cny&fx=7`);
  await ready(page);
  const note = page.locator('.fx[data-fact=market-2030]');
  await page.waitForFunction(() => document.querySelector('.fx[data-fact=market-2030]').textContent.includes('9800亿元'));
  assert.equal(await note.textContent(), '（约合9800亿元，本站换算）');
  assert.ok(await note.isVisible());
  assert.equal(await page.locator('label[for=cur-cny]').textContent(), '人民币');
  await page.fill('#fx', 'abc');
  await page.locator('#fx').blur();
  await page.waitForFunction(() => document.getElementById('fx-error').textContent.length > 0);
  assert.match(await page.textContent('#fx-error'), /^请输入1至20之间的数字/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Chinese story is accessible: axe-core finds nothing, light or dark', async () => {
  const { browser, site } = shared;
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, problems } = await openPage(browser, { width: 390, height: 844, colorScheme });
    await page.goto(`${site.url}zh.html`);
    await ready(page);
    await page.addScriptTag({ content: axeSource }).catch(() => page.evaluate(axeSource));
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    for (const v of result.violations) found.push(`${colorScheme}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
    // axe's own script is inline: the page's policy rightly refuses it.
    assert.deepEqual(problems.filter((p) => !/Content Security Policy/.test(p)), []);
    await context.close();
  }
  assert.deepEqual(found, []);
});

test('every Chinese widget page is Chinese, names its English twin, and keeps links in one unit', async () => {
  const { browser, site } = shared;
  const { page, context, problems } = await openPage(browser, { width: 700, height: 900 });
  await page.goto(`${site.url}zh.html`);
  const ids = (await page.$$eval('.toc a.toc-calc', (as) => as.map((a) => a.getAttribute('href').slice(1))));
  assert.ok(ids.length >= 5, `${ids.length} calculators`);
  for (const id of ids) {
    const html = await (await fetch(`${site.url}${id}.zh.html`)).text();
    assert.match(html, /<html [^>]*lang="zh-Hans"/, id);
    assert.match(html, new RegExp(`hreflang="en" href="[^"]*${id}\\.html"`), id);
    assert.match(html, new RegExp(`hreflang="zh-Hans" href="[^"]*${id}\\.zh\\.html"`), id);
    assert.match(html, /china-ai-zh-[0-9a-f]+\.js/, `${id}: the Chinese bundle`);
    await page.goto(`${site.url}${id}.zh.html`);
    await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 20000 });
    const { text, formulas } = await chineseText(page);
    assert.deepEqual(stray(text), [], `${id}.zh.html holds Latin words outside the glossary`);
    assert.deepEqual(stray(formulas).filter((w) => w.length > 1), [], `${id}.zh.html: a formula holds a Latin word`);
  }
  // A field in 亿美元 shows ten times the link's US$ bn, and sets it.
  await page.goto(`${site.url}market-growth.zh.html`);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await page.inputValue('#market-growth-start'), '32');
  await page.fill('#market-growth-start', '50');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('start') === '5');
  assert.match(await page.textContent('[data-testid=out-reader]'), /亿美元$/);
  await page.fill('#market-growth-start', '1');
  await page.waitForFunction(() => document.getElementById('market-growth-start-error').textContent.length > 0);
  assert.equal(await page.textContent('#market-growth-start-error'), '请输入5至200亿美元之间的数值。');
  // The credit line switches to the English widget, keeping the settings and layout.
  await page.goto(`${site.url}payback.zh.html?invest=80&theme=dark&tabs=1`);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await page.getAttribute('.calc-tabs', 'aria-label'), '计算器的各部分');
  await page.locator('.embed-credit .lang-switch').click();
  await page.waitForURL(/\/payback\.html\?/);
  assert.equal(new URL(page.url()).search, '?invest=80&theme=dark&tabs=1');
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.inputValue('#payback-invest'), '80');
  assert.equal(await page.getAttribute('.calc-tabs', 'aria-label'), 'Parts of the calculator');
  await page.locator('.embed-credit .lang-switch').click();
  await page.waitForURL(/\/payback\.zh\.html\?invest=80&theme=dark&tabs=1$/);
  // The converter takes US dollars in 万美元, as the field beside it takes yuan in 万元.
  await page.goto(`${site.url}subsidy.zh.html`);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await page.inputValue('#subsidy-usd'), '42');
  assert.equal(await page.textContent('[data-testid=param-yuan] + .param-converter .param-unit, .param-converter .param-unit'), '万美元');
  await page.fill('#subsidy-usd', '10');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('yuan') === '714000');
  assert.equal(await page.inputValue('#subsidy-yuan'), '71.4');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Chinese story’s Embed dialog offers the language, and its code embeds the Chinese widget', async () => {
  const { browser, site } = shared;
  const { page, context, problems } = await openPage(browser, { width: 1280, height: 900 });
  await page.goto(`${site.url}zh.html`);
  await ready(page);
  await page.locator('#payback [data-testid=embed]').click();
  const dialog = page.locator('dialog[open]');
  assert.equal(await dialog.locator('h2').textContent(), '嵌入这个计算器');
  assert.ok(await dialog.locator('#embed-lang-zh-Hans').isChecked());
  const code = dialog.locator('[data-testid=snippet]');
  await page.waitForFunction(() => document.querySelector('[data-testid=snippet]').value.includes('payback.zh.html'));
  assert.match(await code.inputValue(), /title="押注机器人，何时能回本？（互动计算器）"/);
  await dialog.locator('#embed-lang-en').check();
  await page.waitForFunction(() => /payback\.html/.test(document.querySelector('[data-testid=snippet]').value));
  assert.match(await code.inputValue(), /title="When does a robot bet pay back\? \(interactive calculator\)"/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a blog on another origin drives a Chinese widget through embed.js, and hears its language', async () => {
  const { browser, site } = shared;
  const host = await blogHost();
  try {
    await blogPage(host.dir, 'post.html', `<h1>文章</h1>
      <iframe id="w" src="${site.url}market-growth.zh.html" title="计算器" height="1383" style="width:100%;border:0" data-china-ai-widget="market-growth"></iframe>
      <script src="${site.url}embed.js"></script>`);
    const { page, context, problems } = await openPage(browser, { width: 800, height: 900 });
    await page.goto(`${host.url}post.html`);
    await page.frameLocator('#w').locator('#market-growth-rate').waitFor({ timeout: 20000 });
    await page.waitForFunction(() => window.chinaAi);
    const start = await page.evaluate(() => chinaAi.widget(document.getElementById('w')).get());
    assert.equal(start.lang, 'zh-Hans');
    assert.match(start.link, /market-growth\.zh\.html$/);
    assert.deepEqual(start.outputs.map((o) => o.text), ['87.7%', '1399亿美元']);
    // The API speaks in the inputs' own unit (US$ bn), whatever the page shows.
    const set = await page.evaluate(() => chinaAi.widget(document.getElementById('w')).set({ start: 5 }));
    assert.equal(set.inputs.start, 5);
    assert.equal(await page.frameLocator('#w').locator('#market-growth-start').inputValue(), '50');
    assert.match(set.outputs[1].text, /亿美元$/);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await host.close();
  }
});

test('a Chinese widget exports a CSV of plain numbers with its units in the headers, and reads without JavaScript', async () => {
  const { browser, site } = shared;
  const { page, context, problems } = await openPage(browser, { width: 900, height: 900 });
  await page.goto(`${site.url}market-growth.zh.html`);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=csv]').click()]);
  const csv = await readFile(await download.path(), 'utf8');
  const [head, first] = csv.split('\n');
  assert.equal(head, '年份,预测路径（亿美元）,你的增速（亿美元）,你的增速，第10百分位（亿美元）,你的增速，第90百分位（亿美元）');
  assert.match(first, /^2024,32,32(,\d+(\.\d+)?){2}$/, first);
  // The SVG export says where the interactive version is in Chinese.
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=svg]').click()]);
  const svg = await readFile(await svgFile.path(), 'utf8');
  assert.match(svg, /互动版：/);
  assert.deepEqual(stray(svg.replace(/<[^>]+>/g, ' ').replace(/https?:\S+/g, ' ')), [], 'the SVG export holds Latin words outside the glossary');
  assert.deepEqual(problems, []);
  await context.close();
  // Without JavaScript: the card at its starting values, and the line saying so, in Chinese.
  const still = await browser.newContext({ javaScriptEnabled: false });
  const plain = await still.newPage();
  await plain.goto(`${site.url}payback.zh.html`);
  assert.equal(await plain.textContent('.calc-title'), '押注机器人，何时能回本？');
  assert.match(await plain.textContent('[data-testid=static-note]'), /^这里显示的是初始数值，无法在此修改。打开可操作的计算器$/);
  assert.match(await plain.textContent('[data-testid=out-npv]'), /^−1026万美元$/);
  // The story links each card to the Chinese page of tables.
  await plain.goto(`${site.url}zh.html`);
  const links = await plain.$$eval('a[href*="tables"]', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.length >= 5 && links.every((h) => /^tables\.zh\.html#[a-z-]+$/.test(h)), links.join(' '));
  await plain.goto(`${site.url}${links[0]}`);
  assert.equal(await plain.getAttribute('html', 'lang'), 'zh-Hans');
  assert.equal(await plain.textContent('h1'), '图表数据');
  assert.ok(await plain.locator(`${links[0].slice(links[0].indexOf('#'))} table tbody tr`).count() > 0, `${links[0]}: a table`);
  await still.close();
});

/**
 * The QR codes in a PNG, read by jsQR (a decoder that knows nothing of the
 * encoder) in a blank page: `{ width, height, codes }`.
 */
const jsqrSource = await readFile(createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js'), 'utf8');
async function readPng(browser, png) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addScriptTag({ content: jsqrSource });
  const found = await page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: image.naturalWidth, height: image.naturalHeight });
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width: canvas.width, height: canvas.height, code: window.jsQR(pixels.data, canvas.width, canvas.height)?.data ?? null };
  }, png.toString('base64'));
  await context.close();
  return found;
}

test('the share image is made only when asked: the card as set, with a QR code that opens it as set', async () => {
  const { browser, site } = shared;
  for (const [path, scheme, width, label, saved] of [
    ['market-growth.zh.html?rate=40&cur=cny&fx=7.2', 'light', 390, '二维码分享图', /^分享图已保存/],
    ['zh.html#payback', 'dark', 1280, '二维码分享图', /^分享图已保存/],
    ['payback.html?invest=80', 'light', 1280, 'Image with QR code', /^Image saved/],
  ]) {
    const { page, context, problems } = await openPage(browser, { width, height: 900, colorScheme: scheme });
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
    await page.goto(`${site.url}${path}`);
    if (path.startsWith('zh.html')) await ready(page);
    else await page.waitForSelector('html[data-ready]', { state: 'attached' });
    // Until asked, neither the encoder's script nor its WebAssembly loads.
    assert.deepEqual(fetched.filter((f) => f.startsWith('share-qr-')), [], `${path}: the encoder loaded unasked`);
    const cardSelector = path.includes('#') ? `#${path.split('#')[1]}` : '.calc';
    const card = page.locator(cardSelector).first();
    const button = card.locator('[data-testid=share-image]');
    assert.equal(await button.textContent(), label);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const encoder = fetched.filter((f) => f.startsWith('share-qr-'));
    assert.equal(encoder.length, 2, `${path}: its script and WebAssembly, once each: ${encoder}`);
    assert.match(download.suggestedFilename(), /^[a-z-]+-share\.png$/);
    await page.waitForFunction(([at, re]) => new RegExp(re).test(document.querySelector(`${at} [data-testid=share-status]`)?.textContent ?? ''), [cardSelector, saved.source]);
    assert.match(await card.locator('[data-testid=share-status]').textContent(), saved);
    // What the code says is the card's own link, as Share copies it.
    const png = await readFile(await download.path());
    const { width: w, height: h, code } = await readPng(browser, png);
    assert.equal(w, 1080, `${path}: 1080 px wide`);
    assert.ok(h > 1000 && h < 4000, `${path}: ${h} px high`);
    assert.ok(code, `${path}: no QR code read from the image`);
    const link = new URL(code);
    const expected = path.includes('#') ? `${path.split('#')[1]}.zh.html` : path.split('?')[0];
    assert.equal(link.origin, new URL(site.url).origin, code);
    assert.equal(link.pathname.split('/').pop(), expected, code);
    if (path.includes('?')) {
      for (const [key, value] of new URL(`${site.url}${path}`).searchParams) assert.equal(link.searchParams.get(key), value, `${code}: ${key}`);
    }
    // A second image reuses the encoder already loaded.
    const [again] = await Promise.all([page.waitForEvent('download'), button.click()]);
    assert.ok(await again.path());
    assert.equal(fetched.filter((f) => f.startsWith('share-qr-')).length, 2, 'the encoder loads once');
    assert.deepEqual(problems, []);
    await context.close();
  }
});
