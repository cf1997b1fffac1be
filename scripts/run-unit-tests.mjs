#!/usr/bin/env node
// Bundles each test/unit/*.test.ts with esbuild into out/unit/ and runs them with node's test runner.
// Extra arguments are passed to `node --test` (e.g. --test-name-pattern=clean).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const files = readdirSync('test/unit').filter((f) => f.endsWith('.test.ts')).map((f) => `test/unit/${f}`);
if (files.length === 0) {
  console.error('no unit tests found in test/unit');
  process.exit(1);
}
rmSync('out/unit', { recursive: true, force: true });
await esbuild.build({
  entryPoints: files,
  outdir: 'out/unit',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['fast-check'],
  logLevel: 'warning',
});
const outs = files.map((f) => f.replace(/^test\/unit\//, 'out/unit/').replace(/\.ts$/, '.js'));
const r = spawnSync(process.execPath, ['--enable-source-maps', '--test', ...process.argv.slice(2), ...outs], { stdio: 'inherit' });
process.exit(r.status ?? 1);
