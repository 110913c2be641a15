// Trunk's post-build step, first of all (see Trunk.toml): the Chinese
// pages' bundle. Trunk builds one WebAssembly, the English one (index.html
// asks for the feature `only-en`, so it holds no Chinese words). This builds
// the same app with `only-zh`, runs wasm-bindgen on it as Trunk does, and
// writes `china-ai-zh-<hash>.js` and `china-ai-zh-<hash>_bg.wasm` into the
// folder being built, where the next step (post-build.mjs) shrinks both
// bundles alike and the prerender step gives the Chinese pages theirs.
// Cargo keeps each feature set's build apart, so switching costs a link.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const fail = (why) => {
  console.error(`zh-bundle: ${why}`);
  process.exit(1);
};
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail('run by Trunk, which sets TRUNK_STAGING_DIR');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const release = process.env.TRUNK_PROFILE !== 'debug';
const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
try {
  execFileSync('cargo', ['build', '--quiet', '--target', 'wasm32-unknown-unknown', '--bin', 'china-ai', '--features', 'only-zh', ...(release ? ['--release'] : [])], {
    cwd: root,
    stdio: 'inherit',
  });
} catch {
  fail('the Chinese bundle did not build');
}
const out = mkdtempSync(join(tmpdir(), 'zh-bundle-'));
try {
  const built = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'china-ai.wasm');
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', 'china-ai-zh', built], { stdio: 'inherit' });
  const [js, wasm] = [readFileSync(join(out, 'china-ai-zh.js')), readFileSync(join(out, 'china-ai-zh_bg.wasm'))];
  const hash = createHash('sha256').update(js).update(wasm).digest('hex').slice(0, 16);
  writeFileSync(join(dir, `china-ai-zh-${hash}.js`), js);
  writeFileSync(join(dir, `china-ai-zh-${hash}_bg.wasm`), wasm);
} catch (e) {
  fail(`wasm-bindgen could not finish the Chinese bundle: ${e.message}`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
