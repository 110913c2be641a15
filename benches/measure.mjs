// Measures the built site (dist/) and writes BENCHMARKS.md. Run through
// scripts/bench, which builds the release site and the native benchmarks
// first. Prints every table as it goes.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { serve, launch, openPage, ready, blogHost, DIST } from '../tests/e2e/harness.mjs';
import { sizes as sizes_, kb, SIZE_BUDGET, isWidgetPage, embedLoads } from '../tests/e2e/sizes.mjs';
import { buildPeer, peerSize, peerLatency } from './peer.mjs';

// Lighthouse starts Chromium itself; with the test suite's full flag list
// its target closes at once, so it gets the flags it needs and no more.
const LIGHTHOUSE_CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync';

const ROOT = new URL('..', import.meta.url).pathname;
const BUDGET = { brotli: SIZE_BUDGET.brotli, gzip: SIZE_BUDGET.gzip, embed: SIZE_BUDGET.embedBrotli, perf: 98, a11y: 100, bp: 100, seo: 100, lcp: 1200, tbt: 50, cls: 0.02, median: 4, p95: 8, render: 1 };
// The per-page loading budgets: one embed, and three different embeds on
// one page, everything they download; the slider against the peer's.
const GOAL = { embed: 80 * 1024, three: 160 * 1024, sliderRatio: 0.5 };
const mark = (ok) => (ok ? '✅' : '❌');
const out = [];
const say = (line = '') => { console.log(line); out.push(line); };

// --- sizes -------------------------------------------------------------
const { files: sizes, page, pageZh, embed } = await sizes_(DIST);
const total = (pick, f) => sizes.filter(pick).reduce((a, s) => a + s[f], 0);

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
const cpu = (await readFile('/proc/cpuinfo', 'utf8')).match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown CPU';
const cores = (await readFile('/proc/cpuinfo', 'utf8')).match(/^processor/gm)?.length ?? '?';
const chromium = execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version']).toString().trim();

say('# Benchmarks');
say();
say(`Measured ${new Date().toISOString().slice(0, 10)} at commit \`${commit}\` by \`scripts/bench\`,`);
say(`on ${cores} cores (${cpu}), ${chromium}, Node ${process.version}.`);
say();
say('## Transfer size of dist/');
say();
say('| file | raw | brotli | gzip |');
say('|---|---:|---:|---:|');
for (const s of sizes) say(`| ${s.name} | ${kb(s.raw)} | ${kb(s.br)} | ${kb(s.gz)} |`);
say(`| **everything** | ${kb(total(() => true, 'raw'))} | ${kb(total(() => true, 'br'))} | ${kb(total(() => true, 'gz'))} |`);
say(`| **what the story page loads** | ${kb(page.raw)} | ${kb(page.br)} | ${kb(page.gz)} |`);
say(`| **what the Chinese story page loads** (zh.html, its own bundle) | ${kb(pageZh.raw)} | ${kb(pageZh.br)} | ${kb(pageZh.gz)} |`);
say(`| **what an embed loads** | ${kb(embed.raw)} | ${kb(embed.br)} | ${kb(embed.gz)} |`);
say();
say(`Budget: story page ≤ ${kb(BUDGET.brotli)} brotli ${mark(page.br <= BUDGET.brotli)} (Chinese ${mark(pageZh.br <= BUDGET.brotli)}), ≤ ${kb(BUDGET.gzip)} gzip ${mark(page.gz <= BUDGET.gzip)} (Chinese ${mark(pageZh.gz <= BUDGET.gzip)}); an embed ≤ ${kb(BUDGET.embed)} brotli ${mark(embed.br <= BUDGET.embed)} (the size test's limit), ≤ ${kb(GOAL.embed)} ${mark(embed.br <= GOAL.embed)} (the per-page goal).`);
// The peer, built now and measured beside the site in every section below.
const peerDist = await buildPeer();
const marketEmbed = sizes.filter((s) => embedLoads(s.name) || s.name === 'market-growth.html').reduce((a, s) => a + s.br, 0);
if (peerDist) {
  const peerBr = await peerSize(peerDist);
  say(`The peer (React 19 + Chart.js 4, the market-growth calculator alone): ${kb(peerBr)} brotli; the market-growth embed loads ${kb(marketEmbed)}, ${(marketEmbed / peerBr).toFixed(2)}× the peer (0.6× would be ${kb(0.6 * peerBr)}).`);
}
say('The story page fetches its script and WebAssembly only when a calculator comes within two screens of the view; they are counted all the same.');
say();

// --- Lighthouse --------------------------------------------------------
const site = await serve(DIST, '/', { gzip: true });
const peerSite = peerDist ? await serve(peerDist, '/', { gzip: true }) : null;
const lighthouse = join(ROOT, 'benches/node_modules/lighthouse/cli/index.js');
// Asynchronous: the static server runs in this process and must keep answering.
const audit = async (url) => {
  const { stdout: json } = await promisify(execFile)(process.execPath, [
    lighthouse, url, '--output=json', '--quiet',
    `--chrome-flags=${LIGHTHOUSE_CHROME_FLAGS}`,
  ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
  const r = JSON.parse(json);
  const score = (c) => Math.round(r.categories[c].score * 100);
  const num = (a) => r.audits[a].numericValue;
  return { perf: score('performance'), a11y: score('accessibility'), bp: score('best-practices'), seo: score('seo'),
    fcp: num('first-contentful-paint'), lcp: num('largest-contentful-paint'), tbt: num('total-blocking-time'), cls: num('cumulative-layout-shift') };
};
// Lighthouse varies from run to run on a small machine, and more while
// something else runs: every number is the median of five runs, taken while
// a second process keeps one of the machine's cores busy (a Node busy loop),
// as a reader's phone is never idle either.
// BENCH_QUICK=1 (a check of this script, not a measurement): one run each,
// and only the market-growth embed.
const QUICK = process.env.BENCH_QUICK === '1';
const RUNS = QUICK ? 1 : 5;
// Every widget as embedded, each the median of three: they differ in what
// paints first (a long title, a paragraph, a long hint under an input).
const EMBED_RUNS = QUICK ? 1 : 3;
// The English widgets (a Chinese one loads the same amount of code, its own bundle).
const widgets = (await readdir(DIST)).filter(isWidgetPage).map((f) => f.slice(0, -5)).filter((w) => !w.endsWith('.zh') && (!QUICK || w === 'market-growth')).sort();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const auditMedian = async (url, runsWanted = RUNS) => {
  const runs = [];
  for (let i = 0; i < runsWanted; i++) runs.push(await audit(url));
  return Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
};
const load = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
say(`## Lighthouse 12.2.3, mobile profile, served with gzip on loopback (median of ${RUNS} runs for the story and ${EMBED_RUNS} for each embed, one core kept busy by another process)`);
say();
say('| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |');
say('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
const lh = {};
try {
  const pages = [['story', site.url, RUNS], ...widgets.map((w) => [`embed (${w})`, `${site.url}${w}.html`, EMBED_RUNS])];
  if (peerSite) pages.push(['peer (React + Chart.js)', peerSite.url, EMBED_RUNS]);
  for (const [name, url, runs] of pages) {
    const r = (lh[name] = await auditMedian(url, runs));
    say(`| ${name} | ${r.perf} | ${r.a11y} | ${r.bp} | ${r.seo} | ${(r.fcp / 1000).toFixed(2)} s | ${(r.lcp / 1000).toFixed(2)} s | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} |`);
  }
} finally {
  load.kill();
}
say();
const lhOk = Object.entries(lh).filter(([name]) => !name.startsWith('peer')).map(([, r]) => r).every((r) => r.perf >= BUDGET.perf && r.a11y >= BUDGET.a11y && r.bp >= BUDGET.bp && r.seo >= BUDGET.seo && r.lcp <= BUDGET.lcp && r.tbt <= BUDGET.tbt && r.cls <= BUDGET.cls);
// An embed paints its whole card from its HTML: its largest paint is its first.
const paintsAtOnce = Object.entries(lh).filter(([name]) => name.startsWith('embed')).every(([, r]) => r.lcp - r.fcp <= 50);
say(`Budget: performance ≥ 98, accessibility, best practices and SEO 100, LCP ≤ 1.2 s, TBT ≤ 50 ms, CLS ≤ 0.02 ${mark(lhOk)}; every embed's LCP within 50 ms of its FCP ${mark(paintsAtOnce)}.`);
const peerLh = lh['peer (React + Chart.js)'];
const ourLh = lh['embed (market-growth)'];
if (peerLh && ourLh) say(`Against the peer, the market-growth embed's FCP is ${(ourLh.fcp / peerLh.fcp).toFixed(2)}× and its LCP ${(ourLh.lcp / peerLh.lcp).toFixed(2)}× the peer's.`);
say();

// --- interaction latency -------------------------------------------------
const browser = await launch();
const { page: tab, context } = await openPage(browser, { width: 1280, height: 900 });
await tab.goto(site.url);
await ready(tab);
// For each calculator, the first slider that redraws its chart.
const sliderFor = async (id) => tab.evaluate(async (id) => {
  const calc = document.getElementById(id);
  const chart = () => calc.querySelector('.chart-svg').innerHTML;
  for (const slider of calc.querySelectorAll('input[type=range]')) {
    const before = chart();
    const old = slider.value;
    slider.value = String(+slider.value === +slider.max ? slider.min : slider.max);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    const moved = chart() !== before;
    slider.value = old;
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    if (moved) return slider.id;
  }
  return null;
}, id);
const latency = async (id, page = tab, sliderId = null) => page.evaluate(async ({ id, slider: sliderId }) => {
  const calc = document.getElementById(id);
  calc.scrollIntoView();
  const slider = document.getElementById(sliderId);
  const chart = calc.querySelector('.chart-svg');
  const steps = Math.max(2, Math.round((+slider.max - +slider.min) / +slider.step));
  const times = [];
  for (let i = 0; i < 200; i++) {
    const value = +slider.min + ((i * 37 + 11) % steps) * +slider.step;
    if (String(value) === slider.value) continue;
    const updated = new Promise((resolve) => {
      const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now()); });
      observer.observe(chart, { childList: true, subtree: true, characterData: true, attributes: true });
      setTimeout(() => { observer.disconnect(); resolve(null); }, 1000);
    });
    const start = performance.now();
    slider.value = String(value);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    const end = await updated;
    if (end !== null) times.push(end - start);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return times;
}, { id, slider: sliderId ?? (await sliderFor(id)) });
const stats = (t) => {
  const s = [...t].sort((a, b) => a - b);
  const q = (p) => (s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN);
  return { n: s.length, median: q(0.5), p95: q(0.95) };
};
const ids = await tab.$$eval('.calc', (els) => els.map((e) => e.id));
const lat = {};
for (const id of ids) lat[id] = stats(await latency(id));
await context.close();

// The market-growth embed against the peer, in the same browser and run:
// each calculator alone on its page, its growth-rate slider, two rounds
// taken in turn so that drift in the machine falls on both.
let versus = null;
if (peerSite) {
  const ours = [];
  const theirs = [];
  for (let round = 0; round < 2; round++) {
    const mine = await openPage(browser, { width: 1280, height: 900 });
    await mine.page.goto(`${site.url}market-growth.html`);
    await mine.page.waitForSelector('html[data-ready]', { state: 'attached' });
    ours.push(...(await latency('market-growth', mine.page, 'market-growth-rate-range')));
    await mine.context.close();
    const peer = await openPage(browser, { width: 1280, height: 900 });
    await peer.page.goto(peerSite.url);
    await peer.page.waitForFunction(() => window.__chartDrawn);
    theirs.push(...(await peerLatency(peer.page)));
    await peer.context.close();
  }
  versus = { ours: stats(ours), peer: stats(theirs) };
}

// Three different widgets embedded in one blog post on another origin, as
// a snippet pastes them and as WordPress frames them (sandboxed, so each
// frame has an opaque origin): everything downloaded until all three are
// live, each file counted at its brotli size every time it crosses the
// network. A fresh browser context for each, so nothing is cached before.
const brotliOf = Object.fromEntries(sizes.map((s) => [s.name, s.br]));
const host = await blogHost();
const downloads = async (ids, sandbox) => {
  const frames = ids.map((id) => `<iframe src="${site.url}${id}.html" title="${id}" height="1500" style="width:100%;border:0" data-china-ai-widget="${id}"${sandbox ? ' sandbox="allow-scripts"' : ''}></iframe>`);
  const name = `post-${ids.length}-${sandbox ? 'sandboxed' : 'plain'}.html`;
  await writeFile(join(host.dir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post</title></head><body><article style="max-width:700px">${frames.join('<p>Text.</p>')}<script src="${site.url}embed.js" defer></script></article></body></html>`);
  // Tall enough that every frame is on screen and none is throttled.
  const { page: blog, context: c } = await openPage(browser, { width: 800, height: 5000 });
  const got = [];
  blog.on('requestfinished', async (r) => {
    const url = new URL(r.url());
    if (url.origin !== new URL(site.url).origin) return;
    const { responseBodySize } = await r.sizes();
    if (responseBodySize > 0) got.push(url.pathname.slice(1));
  });
  await blog.goto(`${host.url}${name}`);
  for (const f of blog.frames().filter((f) => f.url().startsWith(site.url))) await f.waitForSelector('.calc[data-live]', { state: 'attached', timeout: 20000 });
  await c.close();
  return { files: got.length, wasm: got.filter((n) => n.endsWith('.wasm')).length, br: got.reduce((a, n) => a + (brotliOf[n] ?? 0), 0) };
};
const three = ['market-growth', 'payback', 'value-gap'];
const blogs = {
  'one widget': await downloads(three.slice(0, 1), false),
  'three widgets': await downloads(three, false),
  'three widgets, sandboxed as WordPress frames them': await downloads(three, true),
};
await host.close();
await browser.close();
await site.close();
await peerSite?.close();
const heaviest = ids.filter((id) => id !== 'market-growth').sort((a, b) => lat[b].median - lat[a].median)[0];
say('## Slider event to updated chart SVG, headless Chromium, desktop width');
say();
say('| calculator | events | median | p95 |');
say('|---|---:|---:|---:|');
for (const id of ids) say(`| ${id}${id === heaviest ? ' (heaviest)' : ''} | ${lat[id].n} | ${lat[id].median.toFixed(2)} ms | ${lat[id].p95.toFixed(2)} ms |`);
say();
const latOk = [lat['market-growth'], lat[heaviest]].every((l) => l.median <= BUDGET.median && l.p95 <= BUDGET.p95);
say(`Budget: median ≤ 4 ms, p95 ≤ 8 ms for market-growth and the heaviest ${mark(latOk)}.`);
say();
if (versus) {
  say('### Against the peer: one calculator alone on its page, the growth-rate slider (two rounds each, taken in turn)');
  say();
  say('| page | events | median | p95 |');
  say('|---|---:|---:|---:|');
  say(`| market-growth embed | ${versus.ours.n} | ${versus.ours.median.toFixed(2)} ms | ${versus.ours.p95.toFixed(2)} ms |`);
  say(`| peer (React + Chart.js) | ${versus.peer.n} | ${versus.peer.median.toFixed(2)} ms | ${versus.peer.p95.toFixed(2)} ms |`);
  const ratio = versus.ours.median / versus.peer.median;
  say();
  say(`Median ${ratio.toFixed(2)}× the peer's, p95 ${(versus.ours.p95 / versus.peer.p95).toFixed(2)}×. Goal: median ≤ ${GOAL.sliderRatio}× ${mark(ratio <= GOAL.sliderRatio)}.`);
  say();
}
say('## Downloads of a blog post that embeds widgets (another origin, fresh cache, until every widget is live)');
say();
say('| post | files | WebAssembly downloads | brotli |');
say('|---|---:|---:|---:|');
for (const [name, d] of Object.entries(blogs)) say(`| ${name} | ${d.files} | ${d.wasm} | ${kb(d.br)} |`);
say();
const worst3 = Math.max(blogs['three widgets'].br, blogs['three widgets, sandboxed as WordPress frames them'].br);
say(`Goals: one embed ≤ ${kb(GOAL.embed)} ${mark(blogs['one widget'].br <= GOAL.embed)}; three different embeds ≤ ${kb(GOAL.three)} ${mark(worst3 <= GOAL.three)}.`);
say();

// --- native render ---------------------------------------------------------
say('## Compute and render one chart to SVG, natively (criterion, mean)');
say();
say('| calculator | mean | with the range at 0 (a single line) |');
say('|---|---:|---:|');
let renderOk = true;
const mean = async (name) => {
  try {
    const est = JSON.parse(await readFile(join(ROOT, `target/criterion/compute+render/${name}/new/estimates.json`), 'utf8'));
    return est.mean.point_estimate / 1e6;
  } catch {
    return null;
  }
};
for (const id of ids) {
  const ms = await mean(id);
  const single = await mean(`${id}-single`);
  renderOk &&= ms <= BUDGET.render;
  say(`| ${id} | ${ms.toFixed(3)} ms | ${single === null ? '' : `${single.toFixed(3)} ms`} |`);
}
say();
say(`Budget: ≤ 1 ms each ${mark(renderOk)}.`);
const written = QUICK ? 'target/bench-quick.md' : 'BENCHMARKS.md';
// The file's hand-kept history (its last section, "## Before and after")
// carries over from one run to the next.
const previous = await readFile(join(ROOT, 'BENCHMARKS.md'), 'utf8').catch(() => '');
const history = previous.includes('\n## Before and after') ? previous.slice(previous.indexOf('\n## Before and after')) : '';
await writeFile(join(ROOT, written), out.join('\n') + '\n' + history);
console.log(`\nwrote ${written}`);
