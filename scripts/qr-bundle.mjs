// Trunk's post-build step, after the Chinese bundle (see post-build.mjs):
// the share image's QR encoder (crates/share-qr), which a page loads only
// when a reader asks for a share image. wasm-bindgen writes it as a classic
// script defining one global, `window.shareQr` (a page's bundle appends the
// script, then calls `shareQr({module_or_path})` and `shareQr.qr(text)`),
// so the page's own bundle needs no import of its own for it. It is shrunk
// (wasm-opt, esbuild) and written as `share-qr-<hash>.js` and
// `share-qr-<hash>_bg.wasm`; the prerender step names it on every page
// (`<html data-qr>`).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wasmBundle, WASM_FEATURES } from './wasm-bundle.mjs';

wasmBundle({
  step: 'qr-bundle',
  what: 'the QR encoder',
  name: 'share-qr',
  cargo: ['-p', 'share-qr', '--lib'],
  artifact: 'share_qr.wasm',
  bindgen: ['--target', 'no-modules', '--no-modules-global', 'shareQr'],
  finish(js, wasm, { root, release }) {
    // wasm-bindgen declares the global with `let`, which a classic script
    // keeps out of `window`, where the page's bundle looks for it.
    const glue = readFileSync(js, 'utf8');
    if ((glue.match(/^let shareQr = /gm) ?? []).length !== 1) return `${js} does not declare shareQr as expected; this step needs updating`;
    writeFileSync(js, glue.replace(/^let shareQr = /m, 'window.shareQr = '));
    if (release) {
      execFileSync(join(root, 'node_modules/.bin/wasm-opt'), [wasm, '-Oz', '--strip-producers', '--strip-debug', '-o', wasm, ...WASM_FEATURES], { stdio: 'inherit' });
      execFileSync(join(root, 'node_modules/.bin/esbuild'), [js, '--minify', '--allow-overwrite', `--outfile=${js}`, '--log-level=warning'], { stdio: 'inherit' });
    }
  },
});
