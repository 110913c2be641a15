// Scratch: Lighthouse on the story page N times, optionally under CPU load.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { serve, DIST } from '../tests/e2e/harness.mjs';
const runs = Number(process.argv[2] ?? 3);
const load = process.argv[3] === 'load';
const path = process.argv[4] ?? '';
const site = await serve(process.env.DISTX ?? DIST, '/', { gzip: true });
const hog = load ? spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }) : null;
const out = [];
for (let i = 0; i < runs; i++) {
  const { stdout } = await promisify(execFile)(process.execPath, [
    new URL('./node_modules/lighthouse/cli/index.js', import.meta.url).pathname, site.url + path, '--output=json', '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync',
  ], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
  const r = JSON.parse(stdout);
  const tasks = r.audits['mainthread-work-breakdown'].details.items.map((x) => `${x.group}:${Math.round(x.duration)}`).join(' ');
  const long = (r.audits['long-tasks']?.details?.items ?? []).map((t) => `${Math.round(t.startTime)}+${Math.round(t.duration)}@${t.url.slice(-30)}`).join(' ');
  out.push({ perf: r.categories.performance.score * 100, tbt: Math.round(r.audits['total-blocking-time'].numericValue), lcp: Math.round(r.audits['largest-contentful-paint'].numericValue), fcp: Math.round(r.audits['first-contentful-paint'].numericValue) });
  console.log(JSON.stringify(out.at(-1)), '\n  ', tasks, '\n  long:', long);
}
hog?.kill();
await site.close();
const med = (k) => out.map((o) => o[k]).sort((a, b) => a - b)[Math.floor(out.length / 2)];
console.log('median', { perf: med('perf'), tbt: med('tbt'), lcp: med('lcp'), fcp: med('fcp') });
