#!/usr/bin/env node
// Quote and speaker benchmark on a PolNeAR-style JSONL file ({id, text, quotes:[…]} per line).
//   npm run bench:quotes -- FILE.jsonl [--pred OUT.jsonl] [--scorer PATH] [--scare] [--diff]
// Each line of a document is treated as an article paragraph. Predictions are written as JSONL
// ({id, quotes:[{start,end,speaker:{start,end}|null}]}) and scored with quote-score.mjs
// (default: ../shared/bench/quote-score.mjs relative to the repository, or --scorer PATH).
import { readFileSync, writeFileSync, existsSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const coreArg = process.argv.indexOf('--core');
const core = require(coreArg > 0 ? path.resolve(process.argv[coreArg + 1]) : '../dist/core.js');

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
function linesOf(text) {
  return core.splitLines(text).map((r, i) => ({
    line: i,
    start: r.start,
    end: r.end,
    label: text.slice(r.start, r.end).trim() ? 'article' : 'blank',
    reason: 'bench',
  }));
}

// Speed mode: `--speed DIR` times analyze() with and without quotes (entities off) over the .txt dumps of DIR.
const speedDir = opt('--speed');
if (speedDir) {
  const { readdirSync, statSync } = await import('node:fs');
  const files = [];
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const fp = path.join(d, f);
      if (statSync(fp).isDirectory()) walk(fp);
      else if (f.endsWith('.txt')) files.push(fp);
    }
  };
  walk(speedDir);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const total = texts.reduce((a, t) => a + t.length, 0);
  const time = (opts) => {
    let best = Infinity;
    let cpuBest = Infinity;
    for (let r = 0; r < 3; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (const t of texts) core.analyze(t, opts);
      best = Math.min(best, performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpuBest = Math.min(cpuBest, (c.user + c.system) / 1000);
    }
    return { wall: best, cpu: cpuBest };
  };
  // (a) findQuotes alone, every non-blank line treated as article (an upper bound: real boilerplate lines are skipped)
  const prepped = texts.map((t) => ({ t, lines: linesOf(t) }));
  let qBest = Infinity;
  let qCpu = Infinity;
  let nq = 0;
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    nq = 0;
    for (const { t, lines } of prepped) nq += core.findQuotes(t, lines, {}).length;
    qBest = Math.min(qBest, performance.now() - t0);
    const c = process.cpuUsage(c0);
    qCpu = Math.min(qCpu, (c.user + c.system) / 1000);
  }
  const per5kQ = (ms) => (ms / (total / 5120)).toFixed(3);
  console.log(`speed ${speedDir}: ${files.length} dumps, ${(total / 1e6).toFixed(1)} M characters`);
  console.log(`findQuotes alone (all lines as article): ${qBest.toFixed(0)} ms wall, ${qCpu.toFixed(0)} ms cpu = ${per5kQ(qCpu)} ms cpu per 5 KB (${(total / 1e6 / (qCpu / 1000)).toFixed(1)} MB/s cpu), ${nq} quotes`);
  try {
    core.analyze(texts[0], { entities: false });
  } catch (e) {
    console.log(`analyze() failed (${e.message}); skipping the whole-analysis comparison`);
    process.exit(0);
  }
  for (const t of texts.slice(0, 50)) core.analyze(t, { entities: false });
  const without = time({ entities: false, quotes: false });
  const withQ = time({ entities: false });
  const per5k = (ms) => (ms / (total / 5120)).toFixed(3);
  const mbs = (ms) => (total / 1e6 / (ms / 1000)).toFixed(1);
  console.log(`analyze without entities, quotes off: ${without.wall.toFixed(0)} ms wall (${mbs(without.wall)} MB/s), cpu ${without.cpu.toFixed(0)} ms`);
  console.log(`analyze without entities, quotes on:  ${withQ.wall.toFixed(0)} ms wall (${mbs(withQ.wall)} MB/s), cpu ${withQ.cpu.toFixed(0)} ms`);
  console.log(`quotes add ${per5k(withQ.wall - without.wall)} ms per 5 KB wall (${per5k(withQ.cpu - without.cpu)} ms cpu)`);
  process.exit(0);
}
const file = args.find((a, i) => !a.startsWith('--') && !['--pred', '--scorer', '--core', '--speed'].includes(args[i - 1]));
if (!file) {
  console.error('usage: npm run bench:quotes -- FILE.jsonl [--pred OUT.jsonl] [--scorer quote-score.mjs] [--scare] [--diff]');
  process.exit(2);
}
const scorer = opt('--scorer') || path.resolve(here, '../../shared/bench/quote-score.mjs');
const predFile = opt('--pred') || path.join(mkdtempSync(path.join(tmpdir(), 'quotes-bench-')), 'pred.jsonl');
const withScare = args.includes('--scare');
const diff = args.includes('--diff');

const docs = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));


// Warm up, then time findQuotes alone (lines are given) over all documents, several rounds.
const prepared = docs.map((d) => ({ d, lines: linesOf(d.text) }));
const run = () => prepared.map(({ d, lines }) => core.findQuotes(d.text, lines, { scareQuotes: withScare }));
run();
const rounds = 9;
let best = Infinity;
let bestCpu = Infinity;
let results;
for (let r = 0; r < rounds; r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  results = run();
  best = Math.min(best, performance.now() - t0);
  const c = process.cpuUsage(c0);
  bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
}
// Reference on the same texts: splitLines (one pass over every character), to compare across machine loads.
let refBest = Infinity;
for (let r = 0; r < rounds; r++) {
  const c0 = process.cpuUsage();
  for (const { d } of prepared) core.splitLines(d.text);
  const c = process.cpuUsage(c0);
  refBest = Math.min(refBest, (c.user + c.system) / 1000);
}
const chars = docs.reduce((a, d) => a + d.text.length, 0);

const out = [];
docs.forEach((d, i) => {
  out.push(JSON.stringify({
    id: d.id,
    quotes: results[i].map((q) => ({ start: q.start, end: q.end, kind: q.kind, speaker: q.speaker ? { start: q.speaker.start, end: q.speaker.end } : null })),
  }));
});
writeFileSync(predFile, out.join('\n') + '\n');

if (!existsSync(scorer)) {
  console.error(`scorer not found: ${scorer} (pass --scorer PATH)`);
  process.exit(2);
}
const sr = spawnSync(process.execPath, [scorer, file, predFile, '--json'], { encoding: 'utf8' });
if (sr.status !== 0) {
  console.error(sr.stderr);
  process.exit(1);
}
const r = JSON.parse(sr.stdout);
const pc = (x) => (100 * x).toFixed(1);
const s = r.speaker;
console.log(`file ${path.basename(file)}: ${r.docs} docs, ${(chars / 1024).toFixed(0)} KB; scare quotes ${withScare ? 'included' : 'excluded'}`);
console.log(`quotes exact     P ${pc(r.exact.p)}  R ${pc(r.exact.r)}  F1 ${pc(r.exact.f1)}  (tp ${r.exact.tp}, pred ${r.exact.pred}, gold ${r.exact.gold})`);
console.log(`quotes IoU>=.5   P ${pc(r.overlap.p)}  R ${pc(r.overlap.r)}  F1 ${pc(r.overlap.f1)}`);
console.log(`speaker accuracy ${pc(s.accuracy)}  (${s.correct}/${s.matched_with_gold_speaker}; ${s.matched_pred_speaker_null} without predicted speaker)`);
console.log(`speaker strict   ${pc(s.accuracy_strict_iou50)}  (speaker IoU>=.5)`);
console.log(`speaker e2e      ${pc(s.end_to_end_recall)}  (${s.correct}/${s.gold_with_speaker})`);
console.log(`pronoun sources  acc ${pc(s.accuracy_pronoun_gold)}; others ${pc(s.accuracy_nonpronoun_gold)}`);
console.log(`time             ${(best / (chars / 5120)).toFixed(3)} ms per 5 KB wall, ${(bestCpu / (chars / 5120)).toFixed(3)} ms per 5 KB cpu (findQuotes only, best of ${rounds}; ${(chars / 1e6 / (bestCpu / 1000)).toFixed(1)} MB/s cpu; ${(bestCpu / Math.max(refBest, 0.001)).toFixed(1)}x the cpu time of splitLines on the same text)`);
console.log(`pred             ${predFile}`);

if (diff) {
  // Diagnostics: missed gold pieces, extra predicted pieces, wrong speakers.
  const trim = (t, a, b) => {
    while (a < b && /\s/.test(t[a])) a++;
    while (b > a && /\s/.test(t[b - 1])) b--;
    return [a, b];
  };
  docs.forEach((d, i) => {
    const t = d.text;
    const pk = new Map(results[i].map((q) => [trim(t, q.start, q.end).join(':'), q]));
    const gk = new Map(d.quotes.map((q) => [trim(t, q.start, q.end).join(':'), q]));
    for (const [k, q] of gk) {
      const p = pk.get(k);
      if (!p) console.log(`MISS  ${d.id.slice(0, 30)} ${JSON.stringify(t.slice(Math.max(0, q.start - 30), q.end + 20))} :: ${JSON.stringify(q.text.slice(0, 80))}`);
      else if (q.speaker) {
        const ps = p.speaker;
        const ok = ps && Math.min(ps.end, q.speaker.end) > Math.max(ps.start, q.speaker.start);
        const tag = ok ? 'SPOK ' : 'SPKX ';
        if (!ok || args.includes('--all')) console.log(`${tag} ${d.id.slice(0, 30)} gold=${JSON.stringify(q.speaker.text)} cue=${JSON.stringify(q.cue && q.cue.text)} pred=${JSON.stringify(ps && ps.text)} q=${JSON.stringify(q.text.slice(0, 50))}`);
      }
    }
    for (const [k, q] of pk) if (!gk.has(k)) console.log(`EXTRA ${d.id.slice(0, 30)} ${q.kind} ${JSON.stringify(t.slice(Math.max(0, q.start - 40), q.end + 40))} :: ${JSON.stringify(q.text.slice(0, 80))}`);
  });
}
