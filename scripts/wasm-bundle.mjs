// What scripts/zh-bundle.mjs and scripts/qr-bundle.mjs share: build one
// crate's WebAssembly for the browser, run wasm-bindgen on it in a
// temporary folder, let the caller finish the two files there, and write
// them into the folder Trunk is building (TRUNK_STAGING_DIR) as
// `<name>-<hash>.js` and `<name>-<hash>_bg.wasm`. Any step that cannot do
// its work fails the build with one line saying why.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The WebAssembly features wasm-opt may use, as index.html's data-wasm-opt-params enables them for Trunk's pass. */
export const WASM_FEATURES = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'reference-types', 'multivalue', 'mutable-globals'].map((f) => `--enable-${f}`);

/**
 * `step` names the script in its messages; `what` says what it builds;
 * `cargo` is the arguments that pick the crate and its features; `artifact`
 * the `.wasm` file cargo writes; `bindgen` wasm-bindgen's arguments besides
 * its input and output; `finish(js, wasm, { root, release })` may rewrite
 * the two files (paths) before they are hashed.
 */
export function wasmBundle({ step, what, name, cargo, artifact, bindgen, finish = () => {} }) {
  const fail = (why) => {
    console.error(`${step}: ${why}`);
    process.exit(1);
  };
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) fail('run by Trunk, which sets TRUNK_STAGING_DIR');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const release = process.env.TRUNK_PROFILE !== 'debug';
  const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
  try {
    execFileSync('cargo', ['build', '--quiet', '--target', 'wasm32-unknown-unknown', ...cargo, ...(release ? ['--release'] : [])], { cwd: root, stdio: 'inherit' });
  } catch {
    fail(`${what} did not build`);
  }
  const out = mkdtempSync(join(tmpdir(), `${step}-`));
  try {
    const built = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', artifact);
    execFileSync('wasm-bindgen', [...bindgen, '--no-typescript', '--out-dir', out, '--out-name', name, built], { stdio: 'inherit' });
    const [js, wasm] = [join(out, `${name}.js`), join(out, `${name}_bg.wasm`)];
    const why = finish(js, wasm, { root, release });
    if (why) fail(why);
    const [code, binary] = [readFileSync(js), readFileSync(wasm)];
    const hash = createHash('sha256').update(code).update(binary).digest('hex').slice(0, 16);
    writeFileSync(join(dir, `${name}-${hash}.js`), code);
    writeFileSync(join(dir, `${name}-${hash}_bg.wasm`), binary);
  } catch (e) {
    fail(`could not finish ${what}: ${e.message}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
