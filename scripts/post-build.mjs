// Trunk's post-build step (see Trunk.toml), on the folder being built
// (TRUNK_STAGING_DIR): makes the JavaScript and WebAssembly that
// wasm-bindgen writes smaller, without changing what they do, for each
// language's bundle.
//
// 1. Short import names. wasm-bindgen names each function the WebAssembly
//    imports from its JavaScript `__wbg_<name>_<16 hex digits>`; the digits
//    are random, so they survive compression, and every name is written
//    twice (in the module's import section and as a key of the imports
//    object in the JavaScript). Each is renamed to a short name in both
//    places. Nothing is renamed unless every name is found exactly once in
//    the JavaScript, so a change in wasm-bindgen's output cannot break the
//    page: the build then fails and says why, rather than quietly shipping
//    a larger page.
// 2. Streams nobody uses. Leptos always builds its server-function client,
//    which exports three JavaScript stream classes (from wasm-streams); an
//    export keeps its code alive however unused. They are removed from both
//    files and the WebAssembly is optimised again, which drops the code only
//    they reached: about 1.8 KB brotli. This second pass restructures the
//    control flow first (`--flatten --rereloop`, then -Oz twice), which
//    Trunk's single -Oz does not: 0.8 KB brotli less again.
// 3. The JavaScript is minified with esbuild (Trunk's own minifier cannot
//    parse it).
//
// First it has scripts/zh-bundle.mjs build the Chinese bundle and
// scripts/qr-bundle.mjs the share image's QR encoder (loaded only when
// asked); last it runs the prerender step, which writes the pages
// (src/bin/prerender/).
//
// Any step that cannot do its work fails the build with one line saying why.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { WASM_FEATURES } from './wasm-bundle.mjs';

const fail = (why) => {
  console.error(`post-build: ${why}`);
  process.exit(1);
};
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail('run by Trunk, which sets TRUNK_STAGING_DIR');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const esbuild = join(root, 'node_modules/.bin/esbuild');
if (!existsSync(esbuild)) fail('esbuild is missing: run ./scripts/build, which installs it (npm ci)');
// One bundle per language (Trunk's English one, zh-bundle.mjs's Chinese
// one, built first), each shrunk alike: this script runs itself once for each.
if (!process.env.BUNDLE_JS) {
  for (const step of ['scripts/zh-bundle.mjs', 'scripts/qr-bundle.mjs']) {
    try {
      execFileSync(process.execPath, [join(root, step)], { stdio: 'inherit' });
    } catch {
      process.exit(1);
    }
  }
}
const files = readdirSync(dir);
if (!process.env.BUNDLE_JS) {
  const bundles = files.filter((f) => /^china-ai-.*\.js$/.test(f));
  if (!bundles.length) fail(`no wasm-bindgen output in ${dir}`);
  for (const js of bundles) {
    const wasm = js.replace(/\.js$/, '_bg.wasm');
    if (!files.includes(wasm)) fail(`${js} has no ${wasm} beside it`);
    try {
      execFileSync(process.execPath, [fileURLToPath(import.meta.url)], { stdio: 'inherit', env: { ...process.env, BUNDLE_JS: js, BUNDLE_WASM: wasm } });
    } catch {
      process.exit(1);
    }
  }
  // Then the pages, which name both bundles.
  try {
    execFileSync('cargo', ['run', '--quiet', '--no-default-features', '--features', 'ssr', '--bin', 'prerender'], { cwd: root, stdio: 'inherit' });
  } catch {
    process.exit(1);
  }
  process.exit(0);
}
const js = process.env.BUNDLE_JS;
const wasm = process.env.BUNDLE_WASM;

// --- WebAssembly binary: read and write the import section ---------------

function readUleb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function uleb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const utf8 = new TextEncoder();
const text = new TextDecoder();

/** The module's sections as `{ id, start, end }` (payload bounds). */
function sections(bytes) {
  const out = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readUleb(bytes, at + 1);
    out.push({ id, head: at, start, end: start + size });
    at = start + size;
  }
  return out;
}

/** The import section's entries, each `{ module, name, rest }` (rest: raw descriptor bytes). */
function readImports(bytes, section) {
  let at = section.start;
  const [count, next] = readUleb(bytes, at);
  at = next;
  const entries = [];
  const str = () => {
    const [len, s] = readUleb(bytes, at);
    at = s + len;
    return text.decode(bytes.subarray(s, s + len));
  };
  for (let i = 0; i < count; i++) {
    const module = str();
    const name = str();
    const from = at;
    const kind = bytes[at++];
    if (kind === 0) [, at] = readUleb(bytes, at); // function: type index
    else if (kind === 1) { at += 1; const [flags, a] = readUleb(bytes, at); [, at] = readUleb(bytes, a); if (flags & 1) [, at] = readUleb(bytes, at); } // table
    else if (kind === 2) { const [flags, a] = readUleb(bytes, at); [, at] = readUleb(bytes, a); if (flags & 1) [, at] = readUleb(bytes, at); } // memory
    else if (kind === 3) at += 2; // global: type, mutability
    else if (kind === 4) { at += 1; [, at] = readUleb(bytes, at); } // tag
    else throw new Error(`unknown import kind ${kind}`);
    entries.push({ module, name, rest: bytes.subarray(from, at) });
  }
  if (at !== section.end) throw new Error('import section not read to its end');
  return entries;
}

function writeImports(entries) {
  const out = [...uleb(entries.length)];
  for (const e of entries) {
    for (const s of [e.module, e.name]) {
      const b = utf8.encode(s);
      out.push(...uleb(b.length), ...b);
    }
    out.push(...e.rest);
  }
  return out;
}

/** "a", "b", ... "Z", "ba", ... — never clashing with wasm-bindgen's own `__` names. */
function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = letters[i % letters.length] + s;
    i = Math.floor(i / letters.length);
  } while (i > 0);
  return s;
}

let source = readFileSync(join(dir, js), 'utf8');
let bytes = readFileSync(join(dir, wasm));
const importSection = sections(bytes).find((s) => s.id === 2);
const entries = importSection ? readImports(bytes, importSection) : [];
const hashed = entries.filter((e) => /^__wbg_\w+_[0-9a-f]{16}$/.test(e.name));
const keyOf = (name) => new RegExp(`(?<![\\w$])${name}(?=\\s*:)`, 'g');
const unique = hashed.every((e) => (source.match(keyOf(e.name)) ?? []).length === 1);
if (hashed.length && unique) {
  hashed.forEach((e, i) => {
    const short = shortName(i);
    source = source.replace(keyOf(e.name), short);
    e.name = short;
  });
  const payload = writeImports(entries);
  bytes = Buffer.concat([
    bytes.subarray(0, importSection.head),
    Buffer.from([2, ...uleb(payload.length), ...payload]),
    bytes.subarray(importSection.end),
  ]);
  writeFileSync(join(dir, wasm), bytes);
  writeFileSync(join(dir, js), source);
} else if (hashed.length) {
  fail(`${hashed.filter((e) => (source.match(keyOf(e.name)) ?? []).length !== 1).length} of wasm-bindgen's import names are not found exactly once in ${js}; its output has changed shape, so this step needs updating`);
} else if (!entries.some((e) => e.name.length <= 2)) {
  fail(`no import names of the expected form (__wbg_<name>_<16 hex digits>) in ${wasm}; its output has changed shape, so this step needs updating`);
}

// --- Unused stream classes: drop the exports, optimise again ---------------

/** The export section's entries, each `{ name, raw }` (raw: the whole entry). */
function readExports(bytes, section) {
  let at = section.start;
  const [count, next] = readUleb(bytes, at);
  at = next;
  const entries = [];
  for (let i = 0; i < count; i++) {
    const from = at;
    const [len, s] = readUleb(bytes, at);
    const name = text.decode(bytes.subarray(s, s + len));
    const afterName = s + len;
    at = afterName + 1; // the kind byte
    [, at] = readUleb(bytes, at); // the index
    entries.push({ name, raw: bytes.subarray(from, at), tail: at - afterName });
  }
  if (at !== section.end) fail('export section not read to its end');
  return entries;
}

const STREAMS = /intounderlying/i;
// wasm-bindgen's closure shims, exported under long random names (as its
// imports are): short names in both files, as for the imports above.
const SHIM = /^wasm_bindgen__convert__closures_____invoke__h[0-9a-f]{16}(_\d+)?$/;
const exportSection = sections(bytes).find((s) => s.id === 7);
const exported = exportSection ? readExports(bytes, exportSection) : [];
const streams = exported.some((e) => STREAMS.test(e.name));
const shims = exported.filter((e) => SHIM.test(e.name));
if (shims.some((e) => !source.match(new RegExp(`(?<![\\w$])${e.name}(?![\\w$])`)))) {
  fail(`a closure shim exported by ${wasm} is not named in ${js}; this step needs updating`);
}
if (streams || shims.length) {
  const kept = exported.filter((e) => !STREAMS.test(e.name)).map((e) => {
    const i = shims.indexOf(e);
    if (i < 0) return [...e.raw];
    const short = `x${shortName(i)}`;
    source = source.replace(new RegExp(`(?<![\\w$])${e.name}(?![\\w$])`, 'g'), short);
    const name = utf8.encode(short);
    // name, then the kind byte and the index, as they were
    const rest = e.raw.subarray(e.raw.length - e.tail);
    return [...uleb(name.length), ...name, ...rest];
  });
  const payload = [...uleb(kept.length), ...kept.flat()];
  bytes = Buffer.concat([
    bytes.subarray(0, exportSection.head),
    Buffer.from([7, ...uleb(payload.length)]),
    Buffer.from(payload),
    bytes.subarray(exportSection.end),
  ]);
  writeFileSync(join(dir, wasm), bytes);
}
if (streams) {
  // The classes, their dispose hooks and their finalizers, as wasm-bindgen writes them.
  source = source
    .replace(/^export class IntoUnderlying\w+ \{[\s\S]*?^\}\n/gm, '')
    .replace(/^if \(Symbol\.dispose\) IntoUnderlying\w+\.prototype\[Symbol\.dispose\] = IntoUnderlying\w+\.prototype\.free;\n/gm, '')
    .replace(/^const IntoUnderlying\w+Finalization = [\s\S]*?;\n/gm, '');
  if (STREAMS.test(source)) fail(`the stream classes in ${js} are not where they were expected; this step needs updating`);
}
writeFileSync(join(dir, js), source);
{
  // With the features index.html's data-wasm-opt-params enables.
  try {
    execFileSync(join(root, 'node_modules/.bin/wasm-opt'), [
      // --converge repeats the -Oz passes until they find nothing more
      // (about 0.2 KB brotli over two rounds). The producers and target
      // features sections only describe the build; no browser reads them.
      join(dir, wasm), '--flatten', '--rereloop', '-Oz', '-Oz', '--converge',
      '--strip-producers', '--strip-target-features', '-o', join(dir, wasm), ...WASM_FEATURES,
    ], { stdio: 'inherit' });
  } catch {
    fail(`wasm-opt could not optimise ${wasm} again`);
  }
}

// --- JavaScript: minify ------------------------------------------------------
try {
  execFileSync(esbuild, [
    join(dir, js), '--minify', '--allow-overwrite', `--outfile=${join(dir, js)}`, '--log-level=warning',
  ], { stdio: 'inherit' });
} catch {
  fail(`esbuild could not minify ${js}`);
}
