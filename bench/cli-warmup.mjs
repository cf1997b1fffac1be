#!/usr/bin/env node
// Where the CLI's time on a folder of small dumps goes: the JIT warm-up each thread pays against the steady work
// (issue "Big dumps…", budget (c); BENCHMARKS.md, Speed and scale). On the folder part (c) of bench/speed.mjs cleans
// (the corpora's dumps, --files N, default 1,000):
//   1. In one fresh process, three passes of the CLI's own engine (src/cli/engine.ts, bundled from source): phase 1
//      (read, decode, count the lines for the site templates) and phase 2 (classify, clean, write) over every file,
//      a new Engine each pass. Pass 1 is cold (every function interpreted or compiled for the first time); the
//      difference to pass 3 is what warming up costs one thread. Also the first 10 and 100 documents of phase 2 alone.
//   2. The CLI itself (dist/cli.js, `npm run build` first), `clean DIR --out OUT --jobs 1`, with `--trace-opt`: the
//      TurboFan compiles and their time as V8 reports it ("took a, b, c ms", summed), compiled in the background
//      (the default) and on the JavaScript thread (`--no-concurrent-recompilation`); with `--trace-deopt`: the
//      deoptimisations, by function (each one a recompile).
//   3. The classifier's warm-ups (warmClassifier; the line features' alone) timed in fresh processes.
// bench/cold-start.mjs compares the whole cold cost of two core bundles; this one says where one build's goes.
//   node bench/cli-warmup.mjs [--files N] [--tmpdir DIR] [CORPUS_DIR...]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { corpusDumps, makeDumpFolder } from './dump-folder.mjs';
import { bundleDriver, root, take, speedCorporaOr } from './golden-args.mjs';

const argv = process.argv.slice(2);
const n = Number(take(argv, '--files') ?? 1000);
const tmpRoot = path.resolve(take(argv, '--tmpdir') ?? os.tmpdir());
const corpora = speedCorporaOr(argv);
const cli = path.join(root, 'dist/cli.js');
if (!fs.existsSync(cli)) {
  console.error('cli-warmup: run `npm run build` first (dist/cli.js)');
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(tmpRoot, 'sn-warmup-'));
try {
  const { inDir, folderBytes } = makeDumpFolder(tmp, corpusDumps(corpora, 'cli-warmup'), n);
  console.log(`cli-warmup — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; node ${process.version}; ${n} dumps, ${(folderBytes / 1048576).toFixed(1)} MB`);

  // 1. passes of the engine in one process
  const bundle = await bundleDriver(tmp, 'passes', `
import * as fs from 'node:fs';
import { Engine } from ${JSON.stringify(path.join(root, 'src/cli/engine'))};
import { mergeCounters } from ${JSON.stringify(path.join(root, 'src/cli/util'))};
const [dir, outRoot] = process.argv.slice(2);
const files = fs.readdirSync(dir).sort().map((f) => dir + '/' + f);
const rows = [];
for (let pass = 1; pass <= 3; pass++) {
  const out = outRoot + '/pass' + pass;
  fs.mkdirSync(out);
  const e = new Engine({ keepMeta: false, patterns: [], templates: true, fsync: false });
  const t0 = performance.now();
  const { partial } = e.load(files);
  const m = mergeCounters(partial);
  const t1 = performance.now();
  let first10 = 0, first100 = 0;
  files.forEach((p, i) => {
    e.cleanOne({ index: i, path: p, target: out + '/' + i + '.txt', inPlace: false }, m.templates, m.own);
    if (i === 9) first10 = performance.now() - t1;
    if (i === 99) first100 = performance.now() - t1;
  });
  rows.push({ pass, load: t1 - t0, clean: performance.now() - t1, first10, first100 });
}
console.log(JSON.stringify(rows));
`);
  const outs = path.join(tmp, 'out');
  fs.mkdirSync(outs);
  const r = spawnSync(process.execPath, [bundle, inDir, outs], { encoding: 'utf8', maxBuffer: 16 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  const rows = JSON.parse(r.stdout.trim().split('\n').pop());
  console.log('');
  console.log('| engine pass (one process) | phase 1 | phase 2 | first 10 documents | first 100 documents |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const x of rows) console.log(`| ${x.pass}${x.pass === 1 ? ' (cold)' : ''} | ${x.load.toFixed(0)} ms | ${x.clean.toFixed(0)} ms | ${x.first10.toFixed(0)} ms | ${x.first100.toFixed(0)} ms |`);
  const [c, , w] = rows;
  console.log(`warm-up of one thread (pass 1 - pass 3): ${(c.load - w.load + c.clean - w.clean).toFixed(0)} ms (phase 1 ${(c.load - w.load).toFixed(0)}, phase 2 ${(c.clean - w.clean).toFixed(0)}, of which the first 100 documents ${(c.first100 - w.first100).toFixed(0)})`);

  // 2. the CLI's compiles and deoptimisations
  let runNo = 0;
  const traced = (flags) => {
    const p = spawnSync(process.execPath, [...flags, cli, 'clean', inDir, '--out', path.join(tmp, `cli-${++runNo}`), '--jobs', '1', '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
    if (p.status !== 0 && p.status !== 1) throw new Error(p.stderr);
    return p.stdout;
  };
  console.log('');
  for (const [what, flags] of [['in the background (default)', []], ['on the JavaScript thread (--no-concurrent-recompilation)', ['--no-concurrent-recompilation']]]) {
    let count = 0, ms = 0;
    for (const m of traced(['--trace-opt', ...flags]).matchAll(/completed compiling .*? took ([\d.]+), ([\d.]+), ([\d.]+) ms/g)) {
      count++;
      ms += Number(m[1]) + Number(m[2]) + Number(m[3]);
    }
    console.log(`TurboFan, --jobs 1, compiled ${what}: ${count} compiles, ${ms.toFixed(0)} ms`);
  }
  const deopts = new Map();
  for (const m of traced(['--trace-deopt']).matchAll(/bailout \(kind: ([\w-]+), reason: (.*?)\): begin\. deoptimizing [^<]*<JSFunction ([^ >(]*)/g)) {
    const k = `${m[3] || '(anonymous)'} (${m[2]})`;
    deopts.set(k, (deopts.get(k) ?? 0) + 1);
  }
  console.log(`deoptimisations, --jobs 1: ${[...deopts].map(([k, v]) => `${k}${v > 1 ? ` ×${v}` : ''}`).join('; ') || 'none'}`);

  // 3. the classifier's warm-ups (warmOnce: before a thread's first classification), in fresh processes
  const warmBundle = await bundleDriver(tmp, 'warm', `
import { warmFeatures } from ${JSON.stringify(path.join(root, 'src/core/boilerplate/features'))};
import { warmClassifier } from ${JSON.stringify(path.join(root, 'src/core/boilerplate'))};
const t = performance.now();
if (process.argv[2] === 'features') warmFeatures(); else warmClassifier();
console.log(performance.now() - t);
`);
  const warmMs = (what) => {
    const v = [0, 1, 2, 3, 4].map(() => Number(spawnSync(process.execPath, [warmBundle, what], { encoding: 'utf8' }).stdout));
    return v.sort((a, b) => a - b)[2];
  };
  console.log(`warm-ups in a fresh process (median of 5): the line features' (their rules' regular expressions compiled) ${warmMs('features').toFixed(0)} ms; all of warmClassifier ${warmMs('all').toFixed(0)} ms`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
