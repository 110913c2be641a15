// The peer the site is measured against: the same market-growth calculator
// built with React 19 and Chart.js 4 by Vite (../shared/peers/react-chartjs,
// read-only, so it is copied to target/peer and built there).
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const SOURCE = join(ROOT, '../shared/peers/react-chartjs');
const DIR = join(ROOT, 'target/peer');

/** Builds the peer, returning its dist/ folder, or null (saying why) when its source is not beside this checkout. */
export async function buildPeer() {
  if (!existsSync(SOURCE)) {
    console.error(`[bench] no peer at ${SOURCE}: its measurements are skipped`);
    return null;
  }
  await rm(DIR, { recursive: true, force: true });
  await mkdir(DIR, { recursive: true });
  for (const name of ['package.json', 'package-lock.json', 'index.html', 'src']) await cp(join(SOURCE, name), join(DIR, name), { recursive: true });
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: DIR, stdio: ['ignore', 'ignore', 'inherit'] });
  // Relative asset paths, so it serves from any folder.
  execFileSync(join(DIR, 'node_modules/.bin/vite'), ['build', '--base', './', '--logLevel', 'error'], { cwd: DIR, stdio: ['ignore', 'ignore', 'inherit'] });
  return join(DIR, 'dist');
}

/** Brotli (quality 11) size of everything the peer's page loads: its HTML and its assets. */
export async function peerSize(dist) {
  let br = 0;
  const walk = async (dir) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else br += brotliCompressSync(await readFile(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
  };
  await walk(dist);
  return br;
}

/**
 * Slider event to drawn chart on the peer's page, in ms, for 200 moves of
 * its growth-rate slider. React tracks an input's value, so the value is set
 * through the element's own setter, as a reader's drag does; the page stamps
 * `window.__chartDrawn` after each Chart.js render.
 */
export async function peerLatency(page) {
  return page.evaluate(async () => {
    const slider = document.querySelector('input[type=range]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const steps = Math.max(2, Math.round((+slider.max - +slider.min) / +slider.step));
    const times = [];
    for (let i = 0; i < 200; i++) {
      const value = String(Math.round((+slider.min + ((i * 37 + 11) % steps) * +slider.step) * 10) / 10);
      if (value === slider.value) continue;
      const before = window.__chartDrawn;
      const start = performance.now();
      setValue.call(slider, value);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      // React renders a discrete event's update before the event returns,
      // and Chart.js draws at once without animation; allow a second in case.
      let end = null;
      for (const until = start + 1000; end === null && performance.now() < until; ) {
        if (window.__chartDrawn !== before) end = window.__chartDrawn;
        else await new Promise((r) => setTimeout(r, 0));
      }
      if (end !== null) times.push(end - start);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return times;
  });
}
