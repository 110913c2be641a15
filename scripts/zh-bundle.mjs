// Trunk's post-build step, first of all (see Trunk.toml): the Chinese
// pages' bundle. Trunk builds one WebAssembly, the English one (index.html
// asks for the feature `only-en`, so it holds no Chinese words). This builds
// the same app with `only-zh`, runs wasm-bindgen on it as Trunk does, and
// writes `china-ai-zh-<hash>.js` and `china-ai-zh-<hash>_bg.wasm` into the
// folder being built, where the next step (post-build.mjs) shrinks both
// bundles alike and the prerender step gives the Chinese pages theirs.
// Cargo keeps each feature set's build apart, so switching costs a link.
import { wasmBundle } from './wasm-bundle.mjs';

wasmBundle({
  step: 'zh-bundle',
  what: 'the Chinese bundle',
  name: 'china-ai-zh',
  cargo: ['--bin', 'china-ai', '--features', 'only-zh'],
  artifact: 'china-ai.wasm',
  bindgen: ['--target', 'web'],
});
