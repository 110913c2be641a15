// Firefox and WebKit for the end-to-end smoke pass, behind one small
// interface: goto, evaluate (a function run in the page), problems, close.
//
// Firefox: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi
// (no geckodriver). WebKit: Debian's WebKitWebDriver, which starts
// WebKitGTK's MiniBrowser under Xvfb, spoken to in plain W3C WebDriver over
// HTTP. Classic WebDriver reports no console messages, so in WebKit a
// recorder is put into each page as soon as its document exists, and the
// tests also judge a page from its own state.
import { spawn, execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { constants as osConstants } from 'node:os';
import { delimiter, join } from 'node:path';

/** The first executable called `name` on PATH, or null. */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {}
  }
  return null;
}

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** WebKitGTK's MiniBrowser: not on PATH, it sits among the library's files. */
function miniBrowser() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  try {
    const files = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return files.split('\n').find((f) => /\/MiniBrowser$/.test(f)) ?? null;
  } catch {
    return null;
  }
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

// What is running and must end also when the test run itself ends early (a
// timeout, Ctrl-C, a kill): processes in groups of their own outlive it
// otherwise. Each entry ends one thing at once; keep() returns its release.
const live = new Set();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
function endAll() {
  for (const end of live) end();
}
function onSignal(signal) {
  endAll();
  process.exit(128 + osConstants.signals[signal]);
}
function keep(end) {
  live.add(end);
  if (live.size === 1) {
    process.on('exit', endAll);
    for (const signal of SIGNALS) process.on(signal, onSignal);
  }
  return () => {
    if (!live.delete(end) || live.size) return;
    process.off('exit', endAll);
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}

/**
 * Evaluates `fn(...args)` in the page every 100 ms until it returns
 * something truthy, and returns that; fails after `timeout` ms naming
 * `what` and the last value seen.
 */
export async function until(engine, fn, args = [], { timeout = 20000, what = 'the page' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await engine.evaluate(fn, ...args);
      if (last) return last;
    } catch (err) {
      // A document being replaced (a navigation, a rebuilt dist/) can fail
      // one evaluation; the next one sees the new document.
      last = `error: ${err.message}`;
    }
    if (Date.now() > end) throw new Error(`${engine.name}: timed out after ${timeout / 1000} s waiting for ${what} (last: ${JSON.stringify(last)})`);
    await sleep(100);
  }
}

// ---------------------------------------------------------------- Firefox

export const firefox = {
  name: 'Firefox',
  binary: () => process.env.FIREFOX || '/usr/bin/firefox-esr',
  /** Why this engine cannot run here, or null. */
  missing() {
    return executable(this.binary()) ? null : `${this.binary()} is missing (Debian package firefox-esr)`;
  },
  async launch({ width = 1280, height = 900 } = {}) {
    const { default: puppeteer } = await import('puppeteer-core');
    // puppeteer ends Firefox's process group when this process exits;
    // keep() makes a signal end in an exit, also while Firefox starts.
    const release = keep(() => {});
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: this.binary(),
      headless: true,
      defaultViewport: { width, height },
      // Signals are handled here (see keep), so that the run still ends.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    }).catch((err) => {
      release();
      throw err;
    });
    try {
      const version = await browser.version();
      const page = await browser.newPage();
      const seen = [];
      // Uncaught errors and console errors, from the page and its frames.
      page.on('pageerror', (err) => seen.push(`page error: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') seen.push(`console error: ${msg.text()}`);
      });
      page.on('response', (res) => {
        if (res.status() >= 400) seen.push(`HTTP ${res.status()}: ${res.url()}`);
      });
      return {
        name: 'Firefox',
        version,
        goto: (url) => page.goto(url, { waitUntil: 'load' }),
        evaluate: (fn, ...args) => page.evaluate(fn, ...args),
        problems: async () => seen.slice(),
        close: () => browser.close().finally(release),
      };
    } catch (err) {
      await browser.close().finally(release);
      throw err;
    }
  },
};

// ----------------------------------------------------------------- WebKit

/**
 * Once the page at `href` is the current one, records in it uncaught
 * errors, rejected promises, resources that failed to load and
 * console.error; false while an earlier document is still current.
 */
function installRecorder(href) {
  if (location.href !== href) return false;
  if (window.__smokeProblems) return true;
  const seen = (window.__smokeProblems = []);
  addEventListener(
    'error',
    (e) => {
      const el = e.target;
      if (el && el !== window && el.tagName) seen.push(`failed to load: <${el.tagName.toLowerCase()}> ${el.src || el.href || ''}`);
      else seen.push(`page error: ${e.message}${e.filename ? ` (${e.filename}:${e.lineno})` : ''}`);
    },
    true,
  );
  addEventListener('unhandledrejection', (e) => seen.push(`unhandled rejection: ${e.reason}`));
  const error = console.error;
  console.error = function (...args) {
    seen.push(`console error: ${args.map(String).join(' ')}`);
    return error.apply(this, args);
  };
  return true;
}

async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/**
 * Starts `command` in a process group of its own, so that closing ends it
 * and everything it started (the browser and its web processes). The last
 * few kilobytes of its stderr are kept for error messages.
 */
function start(command, args, options = {}) {
  const child = spawn(command, args, { detached: true, ...options });
  child.log = '';
  child.stderr?.on('data', (d) => (child.log = (child.log + d).slice(-4000)));
  child.exited = new Promise((ok) => child.once('exit', ok));
  child.once('exit', keep(() => stop(child, 'SIGKILL')));
  return child;
}

function stop(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {}
}

async function stopAndWait(child) {
  stop(child);
  const done = await Promise.race([child.exited.then(() => true), sleep(3000).then(() => false)]);
  if (!done) {
    stop(child, 'SIGKILL');
    await child.exited;
  }
}

/** Xvfb on a display number it picks itself (-displayfd), so none collides. */
async function startXvfb() {
  const xvfb = start(which('Xvfb'), ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`Xvfb did not start: ${xvfb.log}`)), 10000);
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        clearTimeout(timer);
        ok(`:${out.trim()}`);
      }
    });
    xvfb.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Xvfb exited (${code}): ${xvfb.log}`));
    });
  });
  return { xvfb, display };
}

export const webkit = {
  name: 'WebKit',
  driverBinary: () => process.env.WEBKIT_DRIVER || which('WebKitWebDriver'),
  missing() {
    const driver = this.driverBinary();
    if (!driver || !executable(driver)) return 'WebKitWebDriver is missing (Debian package webkit2gtk-driver)';
    const browser = miniBrowser();
    if (!browser || !executable(browser)) return 'MiniBrowser is missing (Debian package libwebkit2gtk-4.1-0)';
    if (!which('Xvfb')) return 'Xvfb is missing (Debian package xvfb)';
    return null;
  },
  async launch({ width = 1280, height = 900 } = {}) {
    const children = [];
    const closeAll = async () => {
      for (const child of children.reverse()) await stopAndWait(child);
    };
    try {
      const { xvfb, display } = await startXvfb();
      children.push(xvfb);
      const port = await freePort();
      const driver = start(this.driverBinary(), [`--port=${port}`], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, DISPLAY: display, NO_AT_BRIDGE: '1' },
      });
      children.push(driver);
      const base = `http://127.0.0.1:${port}`;
      const call = async (method, path, body) => {
        const res = await fetch(base + path, {
          method,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(60000),
        });
        const { value } = await res.json();
        if (!res.ok || value?.error) throw new Error(`WebKitWebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
        return value;
      };
      for (let i = 0; ; i++) {
        try {
          if ((await call('GET', '/status')).ready !== false) break;
        } catch (err) {
          if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited: ${driver.log}`);
          if (i > 100) throw new Error(`WebKitWebDriver did not answer: ${err.message}`);
        }
        await sleep(100);
      }
      const session = await call('POST', '/session', {
        capabilities: {
          alwaysMatch: {
            'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
            // Navigation returns at once, so the recorder goes in before
            // the page's own scripts have done much.
            pageLoadStrategy: 'none',
          },
        },
      });
      const at = `/session/${session.sessionId}`;
      await call('POST', `${at}/window/rect`, { width, height }).catch(() => {});
      const evaluate = (fn, ...args) => call('POST', `${at}/execute/sync`, { script: `return (${fn}).apply(null, arguments);`, args });
      const engine = { name: 'WebKit', version: session.capabilities.browserVersion };
      const earlier = [];
      // The current page's recorded problems, before it is left.
      const harvest = async () => {
        const seen = await evaluate(() => window.__smokeProblems ?? null).catch(() => null);
        if (seen) earlier.push(...seen);
      };
      Object.assign(engine, {
        async goto(url) {
          await harvest();
          await call('POST', `${at}/url`, { url });
          const href = new URL(url).href;
          await until(engine, installRecorder, [href], { what: `${url} to open` });
          await until(engine, () => document.readyState === 'complete', [], { what: `${url} to load` });
        },
        evaluate,
        async problems() {
          const now = (await evaluate(() => window.__smokeProblems ?? [])) ?? [];
          return [...earlier, ...now];
        },
        async close() {
          await call('DELETE', at).catch(() => {});
          await closeAll();
        },
      });
      return engine;
    } catch (err) {
      await closeAll();
      throw err;
    }
  },
};
