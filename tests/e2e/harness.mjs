// Shared pieces of the end-to-end tests: a static server for dist/ on
// loopback (optionally under a sub-path), and Debian's Chromium driven by
// playwright-core, with every console message and failed request recorded.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

export const DIST = resolve(fileURLToPath(import.meta.url), '../../../dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * The rules of a `_headers` file (Netlify / Cloudflare Pages format), as
 * `[{ path, headers }]` with paths relative to the site's folder (the path
 * of its catch-all rule), so they apply wherever the tests serve it.
 */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
    else {
      const at = line.indexOf(':');
      rules.at(-1).headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  const root = rules.find((r) => r.path.endsWith('*') && r.headers['content-security-policy'])?.path.slice(0, -1) ?? '/';
  return rules.map((r) => ({ path: r.path.slice(root.length), headers: r.headers }));
}

/** The headers `rules` give a file at `path` (relative to the site's folder). */
export function headersFor(rules, path) {
  const out = {};
  for (const r of rules) {
    if (r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : path === r.path) Object.assign(out, r.headers);
  }
  return out;
}

/**
 * Serves `root` at http://127.0.0.1:<port><prefix>, like a static host.
 * Like GitHub Pages it sends `Access-Control-Allow-Origin: *`, which a
 * sandboxed iframe (an opaque origin) needs to load the module script and
 * the WebAssembly; and like Netlify or Cloudflare Pages it sends the headers
 * `root/_headers` sets, when there is one (the Content-Security-Policy above
 * all), so every page is tested under the policy it is published with.
 * `port` 0 takes any free port. `cors: false` serves as a host that sends
 * no `Access-Control-Allow-Origin` at all, whatever `_headers` says.
 */
export async function serve(root = DIST, prefix = '/', { gzip = false, port = 0, cors = true } = {}) {
  const rules = parseHeaders(await readFile(join(root, '_headers'), 'utf8').catch(() => ''));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length))));
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      let body = await readFile(path);
      const headers = {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'access-control-allow-origin': '*',
        ...headersFor(rules, decodeURIComponent(url.pathname.slice(prefix.length))),
      };
      if (!cors) delete headers['access-control-allow-origin'];
      // With gzip on, compress text and WebAssembly as static hosts do.
      if (gzip && /gzip/.test(req.headers['accept-encoding'] ?? '') && extname(path) !== '.png') {
        body = gzipSync(body, { level: 9 });
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  const { port: at } = server.address();
  return { url: `http://127.0.0.1:${at}${prefix}`, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * Opens a page in a new context that records, for every page of the
 * context, console errors and warnings, uncaught errors, failed requests
 * and requests to any origin other than `origin`.
 */
export async function openPage(browser, { width = 1280, height = 900, colorScheme = 'light', origin } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const problems = [];
  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) => {
      // A navigation cancels requests still in flight; that is not a failure.
      if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    page.on('request', (req) => {
      // blob: and data: URLs are made in the page itself (downloads, exports).
      if (origin && !req.url().startsWith(origin) && !/^(data|blob):/.test(req.url())) {
        problems.push(`request to another origin: ${req.url()}`);
      }
    });
  };
  // Every page of the context, the first and any opened later.
  context.on('page', watch);
  const page = await context.newPage();
  return { page, context, problems };
}

/**
 * Waits until every calculator on the page is live (`<html data-ready>`).
 * On the story page calculators come to life as the reader nears them, so
 * this scrolls to each one that is not yet live, as a reader would, until
 * none is left (each wait has its own time limit), then back to where it was.
 */
export async function ready(page) {
  const start = await page.evaluate(() => window.scrollY);
  for (;;) {
    const waiting = await page.evaluate(() => {
      const next = document.querySelector('.calc[id]:not([data-live])');
      next?.scrollIntoView();
      return next?.id ?? null;
    });
    if (!waiting) break;
    await page.waitForSelector(`#${waiting}[data-live]`, { state: 'attached', timeout: 20000 });
  }
  await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 20000 });
  // Back where the reader was: the link's #target, or the same offset.
  await page.evaluate((y) => {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) target.scrollIntoView();
    else window.scrollTo(0, y);
  }, start);
  await page.waitForSelector('.calc .chart-svg svg', { timeout: 20000 });
}

/** The story's sections and calculators as its contents list names them, in order. */
export async function contents(page) {
  return page.evaluate(() => ({
    sections: [...document.querySelectorAll('.toc > ol > li > a')].map((a) => a.getAttribute('href').slice(1)),
    calculators: [...document.querySelectorAll('.toc a.toc-calc')].map((a) => a.getAttribute('href').slice(1)),
  }));
}

/** The calculators the story's contents list, in order, read from the page itself. */
export async function calculatorIds(browser, url) {
  const { page, context } = await openPage(browser);
  await page.goto(url);
  const { calculators } = await contents(page);
  await context.close();
  return calculators;
}

/**
 * A blog post as a host page: `body` (markup, snippets pasted as they are)
 * in a minimal page, with the host's own `style` for its body and `head`
 * for anything else (a stylesheet, a script). Written to `dir/name`.
 */
export async function blogPage(dir, name, body, { style = 'margin:0', head = '' } = {}) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blog</title><link rel="icon" href="data:,">${head}</head>
    <body style="${style}">${body}</body></html>`;
  await writeFile(join(dir, name), html);
  return html;
}

/**
 * Waits until `check()` returns something truthy, and returns it. For state
 * that `waitForFunction` cannot watch because it is read from two documents
 * at once (a host page's frame and the widget inside it): this asks again
 * every 50 ms, and fails with `what` after `timeout` ms.
 */
export async function until(check, what, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const found = await check();
    if (found) return found;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms: ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** A blog on a second loopback origin, serving files written into a new temporary folder. */
export async function blogHost() {
  const dir = await mkdtemp(join(tmpdir(), 'blog-'));
  return { dir, ...(await serve(dir)) };
}

/**
 * Chromium and the site served from dist/ at the root, for one test file:
 * started before its tests and closed after them. With `ids`, also the
 * calculators the story lists; with `host`, a blog on a second origin
 * (`blogHost`). Read them from the returned object inside tests, or take
 * them in `then`, called once all are up.
 */
export function browserAndSite({ ids = false, host = false, then = () => {} } = {}) {
  const shared = { browser: null, site: null, ids: null, host: null };
  before(async () => {
    shared.browser = await launch();
    shared.site = await serve();
    if (ids) shared.ids = await calculatorIds(shared.browser, shared.site.url);
    if (host) shared.host = await blogHost();
    await then(shared);
  });
  after(async () => {
    await shared.browser?.close();
    for (const s of [shared.site, shared.host]) await s?.close();
  });
  return shared;
}

/** Opens `url` in a fresh page of `browser` and waits until the app is ready. */
export async function visit(browser, url, options = {}) {
  const opened = await openPage(browser, { origin: new URL(url).origin, ...options });
  await opened.page.goto(url);
  await ready(opened.page);
  return opened;
}
