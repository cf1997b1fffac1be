#!/usr/bin/env node
// A/B of the quote stage of two (or more) core bundles in one run, interleaved (a shared machine's load hits all
// alike). Per bundle, best of N passes over the corpus dumps:
//   - analyze(text, {entities: false}): process CPU, and the quote stage's own time summed from stats.timings.quotes;
//   - analyze(text, {entities: false, quotes: false}) (lines only): process CPU; "with quotes − lines only" is the
//     quote stage's CPU as bench/analysis-ab.mjs sees it (noisier: a difference of two totals);
//   - findQuotes(text, lines) on the same precomputed lines for every bundle (the quote stage alone, exact input).
// Also checks that the bundles give the same quotes (and lines) on every dump.
// Usage: node bench/quotes-ab.mjs --core A.js --core B.js [--passes N] [CORPUS_DIR...]
//   default corpora: ../shared/corpora/{l3s-gn1,cleaneval,cleanportaleval} relative to the repository.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { require, take, takeCores, speedCorporaOr } from './golden-args.mjs';

const argv = process.argv.slice(2);
const cores = takeCores(argv);
const passes = Number(take(argv, '--passes') ?? 5);
const corpora = speedCorporaOr(argv);

const mods = cores.map((c) => require(c));
const texts = [];
for (const c of corpora) {
  const d = fs.existsSync(path.join(c, 'dumps')) ? path.join(c, 'dumps') : c;
  for (const f of fs.readdirSync(d).sort()) if (f.endsWith('.txt')) texts.push(mods[0].decodeDump(fs.readFileSync(path.join(d, f))).text);
}
const chars = texts.reduce((a, t) => a + t.length, 0);
const lines = texts.map((t) => mods[0].analyze(t, { entities: false, quotes: false }).lines);

// same output from every bundle
const key = (a) => JSON.stringify([a.lines.map((l) => [l.start, l.end, l.label, l.reason, l.detail ?? null]), a.quotes]);
let differ = 0;
for (const t of texts) {
  const k0 = key(mods[0].analyze(t, { entities: false }));
  for (const m of mods.slice(1)) if (key(m.analyze(t, { entities: false })) !== k0) differ++;
}

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const best = mods.map(() => ({ all: Infinity, stage: Infinity, lines: Infinity, find: Infinity }));
for (let p = 0; p < passes; p++) {
  mods.forEach((m, k) => {
    const b = best[k];
    let c = cpu();
    let stage = 0;
    for (const t of texts) stage += m.analyze(t, { entities: false }).stats.timings.quotes;
    b.all = Math.min(b.all, cpu() - c);
    b.stage = Math.min(b.stage, stage);
    c = cpu();
    for (const t of texts) m.analyze(t, { entities: false, quotes: false });
    b.lines = Math.min(b.lines, cpu() - c);
    c = cpu();
    for (let i = 0; i < texts.length; i++) m.findQuotes(texts[i], lines[i]);
    b.find = Math.min(b.find, cpu() - c);
  });
  process.stderr.write(`pass ${p + 1}/${passes}\n`);
}
const MB = 1024 * 1024;
console.log(`quotes A/B — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; node ${process.version}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ${texts.length} dumps, ${(chars / MB).toFixed(1)} M chars; best of ${passes}; bundles giving different lines/quotes: ${differ} dumps`);
console.log('| core | analysis without entities (CPU) | lines only (CPU) | with − without quotes (CPU) | quote stage, stats.timings.quotes (sum) | findQuotes alone, same lines (CPU) |');
console.log('| --- | --- | --- | --- | --- | --- |');
cores.forEach((c, k) => {
  const b = best[k];
  console.log(`| ${path.basename(c)} | ${b.all.toFixed(0)} ms | ${b.lines.toFixed(0)} ms | ${(b.all - b.lines).toFixed(0)} ms | ${b.stage.toFixed(0)} ms | ${b.find.toFixed(0)} ms |`);
});
if (mods.length > 1) {
  const a = best[0];
  for (let k = 1; k < mods.length; k++) {
    const b = best[k];
    console.log(`${path.basename(cores[k])} vs ${path.basename(cores[0])}: quote stage ${(a.stage / b.stage).toFixed(2)}x cheaper (timings), findQuotes alone ${(a.find / b.find).toFixed(2)}x, with − without ${((a.all - a.lines) / (b.all - b.lines)).toFixed(2)}x`);
  }
}
