import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { serve, DIST } from '/work/main/tests/e2e/harness.mjs';
const site = await serve(process.env.DISTX ?? DIST, '/', { gzip: true });
const hog = process.env.NOLOAD ? null : spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
await promisify(execFile)(process.execPath, ['/work/main/benches/node_modules/lighthouse/cli/index.js', site.url, '--output=json', '--quiet', '--save-assets', '--output-path=/tmp/lh/report.json',
  process.env.FLAGS ?? '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync'], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
hog?.kill(); await site.close();
