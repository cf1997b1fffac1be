#!/usr/bin/env node
// Bundles the extension and the CLI with esbuild. `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // esbuild's table has no node version with Unicode property escapes (\p{…}), so it rewrote every such regular
  // expression literal as `new RegExp("…", "u")`: inside a function (ours, and compromise's per-term tests) that built
  // and looked up a RegExp on every call, and V8 threw optimised code away at its call ("wrong call target"). Node 20
  // has them (V8 11.3, full ICU).
  supported: { 'regexp-unicode-property-escapes': true },
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The pure core as a library, for benchmarks and scripts: require('./dist/core.js').analyze(...)
  { ...common, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js' },
  // The extension's analysis worker thread (src/extension/analysisCache.ts starts it next to dist/extension.js)
  { ...common, entryPoints: ['src/extension/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  // The worker thread of "Clean All Dumps in Folder…" (src/extension/folderCleaner.ts starts it next to dist/extension.js)
  { ...common, entryPoints: ['src/extension/folderWorker.ts'], outfile: 'dist/folderWorker.js' },
];
// Worker entry for batch cleaning (worker threads), when present.
if (existsSync('src/cli/worker.ts')) builds.push({ ...common, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/worker.js' });

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
  console.log('watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
