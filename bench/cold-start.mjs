#!/usr/bin/env node
// Cold start of the analyser, as a CLI worker thread or a new extension-host worker pays it: a fresh process loads
// a core bundle and analyses the first N dumps once (entities off), and the process's whole CPU time is reported
// (compiler threads included). Several bundles are run interleaved, so a busy machine affects each alike.
//
// Usage: node bench/cold-start.mjs [--core A.js --core B.js ...] [--runs 4] [--dumps 300] CORPUS_DIR
//   default core: dist/core.js (run `npm run build` first); CORPUS_DIR/dumps (or CORPUS_DIR itself) holds *.txt.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { root, take } from './golden-args.mjs';

const argv = process.argv.slice(2);
if (process.env.COLD_START_CHILD) {
  const [core, dir, count] = argv;
  const t0 = process.cpuUsage();
  const { analyze } = await import(core);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, Number(count));
  for (const f of files) analyze(fs.readFileSync(path.join(dir, f), 'utf8'), { entities: false });
  const u = process.cpuUsage(t0);
  const r = process.resourceUsage();
  console.log(JSON.stringify({ files: files.length, mainCpuMs: (u.user + u.system) / 1000, processCpuMs: (r.userCPUTime + r.systemCPUTime) / 1000 }));
  process.exit(0);
}
const cores = [];
for (let v = take(argv, '--core'); v; v = take(argv, '--core')) cores.push(path.resolve(v));
if (cores.length === 0) cores.push(path.join(root, 'dist/core.js'));
const runs = Number(take(argv, '--runs') ?? 4);
const count = Number(take(argv, '--dumps') ?? 300);
if (argv.length !== 1) {
  console.error('usage: node bench/cold-start.mjs [--core BUNDLE]... [--runs N] [--dumps N] CORPUS_DIR');
  process.exit(2);
}
const dir = fs.existsSync(path.join(argv[0], 'dumps')) ? path.join(argv[0], 'dumps') : argv[0];
const results = new Map(cores.map((c) => [c, []]));
for (let i = 0; i < runs; i++) {
  for (const c of cores) {
    const p = spawnSync(process.execPath, [new URL(import.meta.url).pathname, c, dir, String(count)], { env: { ...process.env, COLD_START_CHILD: '1' }, encoding: 'utf8' });
    if (p.status !== 0) { console.error(p.stderr); process.exit(1); }
    results.get(c).push(JSON.parse(p.stdout.trim().split('\n').pop()));
  }
}
const load = (await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`cold start — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; node ${process.version}; load average ${load}; ${count} dumps of ${dir}; ${runs} interleaved runs`);
console.log('| core | process CPU per run (ms) | mean | main thread CPU mean |');
console.log('| --- | --- | --- | --- |');
for (const [c, rs] of results) {
  const mean = (k) => (rs.reduce((s, r) => s + r[k], 0) / rs.length).toFixed(0);
  console.log(`| ${path.relative(process.cwd(), c)} | ${rs.map((r) => r.processCpuMs.toFixed(0)).join(', ')} | ${mean('processCpuMs')} | ${mean('mainCpuMs')} |`);
}
