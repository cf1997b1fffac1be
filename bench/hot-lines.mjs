#!/usr/bin/env node
// Where the analysis' CPU goes, down to the source line (issue "Big dumps…": the analysis rate (b) and the CLI (c)).
// A new rule of the line classifier usually costs little on its own, but one regular expression tried on most lines
// can cost several per cent of the whole analysis; this finds it. In one process: `analyze(text, {entities: false})`
// over the corpora's dumps (the first --files N, default 1,000), one pass to warm up, then --passes N more (default
// 3) under V8's sampling CPU profiler. Prints the functions by self time, and for each --fn NAME (default ruleCode
// and lineFeaturesAt) its hottest source lines of the core bundle (a regular expression's run is counted on the line
// that calls it).
//   node bench/hot-lines.mjs [--core PATH] [--files N] [--passes N] [--quotes] [--fn NAME]... [--top N] [CORPUS_DIR...]
//     --core    the core bundle (default dist/core.js; `npm run build` first), e.g. another commit's for a before/after
//     --quotes  with quotes (default: lines only, quotes: false)
// Figures are shares of the profiled passes, so they hold on a loaded machine better than times do; a one-off profile
// file is written to the OS temporary folder and removed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Session } from 'node:inspector/promises';
import { corpusDumps } from './dump-folder.mjs';
import { require, root, take, speedCorporaOr } from './golden-args.mjs';

const argv = process.argv.slice(2);
const corePath = path.resolve(take(argv, '--core') ?? path.join(root, 'dist/core.js'));
const files = Number(take(argv, '--files') ?? 1000);
const passes = Number(take(argv, '--passes') ?? 3);
const top = Number(take(argv, '--top') ?? 25);
const quotes = argv.includes('--quotes');
if (quotes) argv.splice(argv.indexOf('--quotes'), 1);
const fns = [];
for (let f = take(argv, '--fn'); f !== null; f = take(argv, '--fn')) fns.push(f);
if (fns.length === 0) fns.push('ruleCode', 'lineFeaturesAt');
if (!fs.existsSync(corePath)) {
  console.error(`hot-lines: no core bundle at ${corePath} (run \`npm run build\` first)`);
  process.exit(2);
}
const core = require(corePath);
const dumps = corpusDumps(speedCorporaOr(argv), 'hot-lines').slice(0, files);
const texts = dumps.map((f) => new TextDecoder().decode(fs.readFileSync(f)));
const mb = texts.reduce((s, t) => s + t.length, 0) / 1048576;

const run = () => {
  const t0 = performance.now();
  for (const t of texts) core.analyze(t, { entities: false, quotes });
  return performance.now() - t0;
};
const warm = run();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const times = [];
for (let p = 0; p < passes; p++) times.push(run());
const { profile } = await session.post('Profiler.stop');
session.disconnect();

// self time per function (time deltas of the samples that landed in it)
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
const perFn = new Map();
let total = 0;
for (const [id, us] of selfUs) {
  const cf = byId.get(id).callFrame;
  const key = `${cf.functionName || '(anonymous)'} ${path.basename(cf.url) || '(native)'}:${cf.lineNumber + 1}`;
  perFn.set(key, (perFn.get(key) ?? 0) + us);
  total += us;
}
console.log(`hot-lines — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; node ${process.version}; ${path.relative(process.cwd(), corePath)}; ` +
  `${texts.length} dumps, ${mb.toFixed(1)} M chars; quotes ${quotes ? 'on' : 'off'}, entities off`);
console.log(`warm-up pass ${warm.toFixed(0)} ms; profiled passes ${times.map((t) => t.toFixed(0)).join(' / ')} ms (${(total / 1000).toFixed(0)} ms of samples)`);
console.log('');
console.log('| self | share | function |');
console.log('| ---: | ---: | --- |');
for (const [k, us] of [...perFn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${(us / 1000 / passes).toFixed(1)} ms/pass | ${(100 * us / total).toFixed(1)}% | ${k} |`);

// source lines of the chosen functions (positionTicks: samples per line of the bundle)
const src = fs.readFileSync(corePath, 'utf8').split('\n');
for (const fn of fns) {
  const ticks = new Map();
  let all = 0;
  for (const n of profile.nodes) {
    if (n.callFrame.functionName !== fn) continue;
    for (const t of n.positionTicks ?? []) {
      ticks.set(t.line, (ticks.get(t.line) ?? 0) + t.ticks);
      all += t.ticks;
    }
  }
  console.log('');
  if (all === 0) {
    console.log(`${fn}: no samples`);
    continue;
  }
  console.log(`${fn}: its hottest lines (share of its own ${all} samples; bundle line, source text)`);
  for (const [line, t] of [...ticks].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
    console.log(`  ${(100 * t / all).toFixed(1).padStart(5)}%  ${String(line).padStart(6)}  ${(src[line - 1] ?? '').trim().slice(0, 140)}`);
  }
}
