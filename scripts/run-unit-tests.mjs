#!/usr/bin/env node
// Bundles each test/unit/*.test.ts with esbuild into out/unit/run-<pid>/ (a folder per run, so two runs at the
// same time do not delete each other's bundles) and runs them with node's test runner; the folder is removed after.
// Extra arguments are passed to `node --test` (e.g. --test-name-pattern=clean).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const files = readdirSync('test/unit').filter((f) => f.endsWith('.test.ts')).map((f) => `test/unit/${f}`);
if (files.length === 0) {
  console.error('no unit tests found in test/unit');
  process.exit(1);
}
const outdir = `out/unit/run-${process.pid}`;
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: files,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['fast-check', 'esbuild'],
  logLevel: 'warning',
});
const outs = files.map((f) => f.replace(/^test\/unit\//, `${outdir}/`).replace(/\.ts$/, '.js'));
const r = spawnSync(process.execPath, ['--enable-source-maps', '--test', ...process.argv.slice(2), ...outs], { stdio: 'inherit' });
rmSync(outdir, { recursive: true, force: true });
process.exit(r.status ?? 1);
