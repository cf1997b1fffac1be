#!/usr/bin/env node
// Boilerplate benchmark: cleans DIR/dumps/*.txt with the core (dist/core.js; run `npm run build` first, or use
// `npm run bench:boilerplate -- DIR...`), writes the cleaned texts to bench/.scratch/<corpus>/, scores them against
// DIR/gold with bench/metric.mjs, and prints F1/P/R per corpus, keep-all baseline, speed, and the 10 worst
// documents with their worst lines.
//
//   node bench/boilerplate.mjs DIR... [--no-templates] [--keep-meta] [--worst N] [--json FILE]
//     --no-templates  do not learn folder templates over the corpus's dumps (ablation)
//     --keep-meta     keep meta lines (bylines, datelines, credits) in the cleaned text
//     --keep-markup   do not convert dumps that are HTML markup to text first (ablation; the CLI's --keep-markup)
//     --no-unwrap     judge the lines of hard-wrapped dumps one by one (ablation; the CLI's --no-unwrap)
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, basename, resolve, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { scoreDoc, corpusScore, tokens } from './metric.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const core = createRequire(import.meta.url)('../dist/core.js');

const argv = process.argv.slice(2);
const dirs = [];
let templates = true, keepMeta = false, convertMarkup = true, unwrap = true, worstN = 10, jsonOut = null;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--no-templates') templates = false;
  else if (a === '--keep-meta') keepMeta = true;
  else if (a === '--keep-markup') convertMarkup = false;
  else if (a === '--no-unwrap') unwrap = false;
  else if (a === '--worst') worstN = Number(argv[++i]);
  else if (a === '--json') jsonOut = argv[++i];
  else if (a.startsWith('--')) { console.error(`unknown flag ${a}`); process.exit(2); }
  else dirs.push(a);
}
if (!dirs.length) {
  console.error('usage: node bench/boilerplate.mjs DIR... [--no-templates] [--keep-meta] [--keep-markup] [--no-unwrap] [--worst N] [--json FILE]');
  process.exit(2);
}

const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'nan');
const short = (s, n = 90) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const summary = [];

for (const dir of dirs) {
  const name = basename(resolve(dir));
  const ids = readdirSync(join(dir, 'dumps')).filter((f) => f.endsWith('.txt')).sort();
  const dumps = ids.map((f) => readFileSync(join(dir, 'dumps', f), 'utf8'));
  // as the CLI does: a dump that is HTML markup is converted to text lines before it is classified
  const texts = dumps.map((t) => (convertMarkup ? core.textOf(t) : t));
  const converted = texts.filter((t, i) => t !== dumps[i]).length;
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
  const out = join(here, '.scratch', name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  // timed twice, the faster (warm) run reported: the first run of a process pays for JIT compilation
  let c0, t0, t1, t2, cpu, tpl, analyses;
  for (let rep = 0; rep < 2; rep++) {
    const c = process.cpuUsage();
    const a = performance.now();
    const tp = templates ? core.buildTemplateIndex(texts) : null;
    const b = performance.now();
    const an = texts.map((t) => core.analyze(t, { quotes: false, entities: false, templates: tp, unwrap }));
    const e = performance.now();
    const u = process.cpuUsage(c);
    if (!cpu || u.user + u.system < cpu.user + cpu.system) { c0 = c; t0 = a; t1 = b; t2 = e; cpu = u; tpl = tp; analyses = an; }
  }
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const cleaned = texts.map((t, i) => core.clean(t, analyses[i], { keepMeta }));
  ids.forEach((f, i) => writeFileSync(join(out, f), cleaned[i]));

  const docs = ids.map((f, i) => {
    const gold = readFileSync(join(dir, 'gold', f), 'utf8');
    return { id: f.replace(/\.txt$/, ''), i, gold, ...scoreDoc(gold, cleaned[i]), keepAll: scoreDoc(gold, dumps[i]) };
  });
  const r = corpusScore(docs);
  const base = corpusScore(docs.map((d) => d.keepAll));
  const mbps = bytes / 1e6 / ((t2 - t0) / 1000);
  const cpuMbps = bytes / 1e6 / (cpuMs / 1000);
  console.log(`\n== ${name}: ${docs.length} docs, ${(bytes / 1e6).toFixed(1)} MB, templates ${templates ? 'on' : 'off'}${keepMeta ? ', meta kept' : ''}, ${convertMarkup ? `${converted} HTML dumps converted to text` : 'markup kept'}`);
  console.log(`   F1 ${f3(r.f1)}  P ${f3(r.precision)}  R ${f3(r.recall)}   (keep-all F1 ${f3(base.f1)}  P ${f3(base.precision)}  R ${f3(base.recall)})`);
  console.log(`   speed: ${mbps.toFixed(1)} MB/s wall, ${cpuMbps.toFixed(1)} MB/s CPU time (templates ${(t1 - t0).toFixed(0)} ms + analysis ${(t2 - t1).toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU)`);
  // the markup dumps: their score here, and cleaned as they are (what --keep-markup gives); how close the text
  // dumps come to the detection threshold (the highest markup share among them)
  const conv = docs.filter((d) => texts[d.i] !== dumps[d.i]);
  if (conv.length) {
    const asIs = conv.map((d) => ({ ...d, ...scoreDoc(d.gold, core.clean(dumps[d.i], core.analyze(dumps[d.i], { quotes: false, entities: false, templates: tpl, unwrap })), { keepMeta }) }));
    console.log(`   HTML dumps (${conv.length}): F1 ${f3(corpusScore(conv).f1)} converted, ${f3(corpusScore(asIs).f1)} cleaned as they are`);
  }
  const textShares = dumps.filter((t, i) => texts[i] === t).map((t) => core.markupShare(t).share);
  console.log(`   highest markup share among the text dumps: ${f3(Math.max(0, ...textShares))} (detection needs >= 0.4 and >= 20 tags)`);
  summary.push({ corpus: name, docs: docs.length, bytes, templates, converted, f1: r.f1, precision: r.precision, recall: r.recall, keepAll: base, mbps, cpuMbps });

  // worst documents and, in each, the lines that cost most: dropped gold text (missed) or kept noise (noise)
  const worst = [...docs].sort((a, b) => a.f1 - b.f1).slice(0, worstN);
  console.log(`   ${worst.length} worst documents:`);
  for (const d of worst) {
    console.log(`   - ${d.id}  F1 ${f3(d.f1)}  P ${f3(d.precision ?? NaN)}  R ${f3(d.recall ?? NaN)}`);
    const gold = new Set();
    const gt = tokens(d.gold);
    for (let k = 0; k + 4 <= gt.length; k++) gold.add(gt.slice(k, k + 4).join(' '));
    const text = texts[d.i];
    const bad = [];
    for (const l of analyses[d.i].lines) {
      if (l.label === 'blank') continue;
      const s = text.slice(l.start, l.end).trim();
      const lt = tokens(s);
      let inGold = 0, all = Math.max(1, lt.length - 3);
      for (let k = 0; k + 4 <= lt.length; k++) if (gold.has(lt.slice(k, k + 4).join(' '))) inGold++;
      const share = lt.length >= 4 ? inGold / all : gold.has(lt.join(' ')) || d.gold.includes(s) ? 1 : 0;
      const kept = l.label === 'article' || (keepMeta && l.label === 'meta');
      if (kept && share < 0.5) bad.push([lt.length, 'noise ', l, s]);
      if (!kept && share >= 0.5) bad.push([lt.length, 'missed', l, s]);
    }
    bad.sort((a, b) => b[0] - a[0]);
    for (const [, kind, l, s] of bad.slice(0, 3)) console.log(`       ${kind} L${l.line + 1} [${l.label}/${l.reason}] ${short(s)}`);
  }
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(summary, null, 1));
