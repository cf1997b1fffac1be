#!/usr/bin/env node
// A/B speed of two core bundles on the same machine in the same run (interleaved, so a shared machine's load hits
// both alike): parts (b) and (e) of bench/speed.mjs for each bundle.
//   (b) analyze(text, {entities: false}) over the >= 50 MB set built from the corpora's dumps (the dumps repeated),
//       and the same with quotes: false (lines only); best of N passes each, wall and CPU time
//   (e) analyze(text, {entities: false}) on one ~5 MB dump (the dumps concatenated); best of N
//   (e) incremental: one IncrementalAnalyzer per core on that dump, 10 one-character edits per pass (the same seeded
//       offsets for both cores), median ms per edit, split by whether the edited line was kept (article) or removed;
//       the final result is compared with a full analysis
//   (e) first analysis as the editor's worker runs it (a sequential string, focus on lines 0-50): ms to the focus
//       answer (the visible pages' labels, or the one-page estimate); best of N
//   --one-page: (e) on bench/memory-incremental.mjs's ~5 MB dump read as one page (copies of a fixture dump) instead
// Usage: node bench/analysis-ab.mjs --core A.js --core B.js [--passes N] [--mb N] [--one-page] [CORPUS_DIR...]
//   e.g. A = the core bundled from an older commit (esbuild src/core/index.ts --bundle --platform=node), B = dist/core.js
//   default corpora: ../shared/corpora/{l3s-gn1,cleaneval,cleanportaleval} relative to the repository.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { concatenatedDump, onePageDump, require, takeCores, speedCorporaOr } from './golden-args.mjs';

const argv = process.argv.slice(2);
const cores = takeCores(argv);
const num = (name, dflt) => {
  const i = argv.indexOf(name);
  return i < 0 ? dflt : Number(argv.splice(i, 2)[1]);
};
const passes = num('--passes', 2);
const onePage = argv.includes('--one-page');
if (onePage) argv.splice(argv.indexOf('--one-page'), 1);
const targetMB = num('--mb', 50);
const corpora = speedCorporaOr(argv);

const MB = 1024 * 1024;
const files = [];
for (const c of corpora) {
  const d = fs.existsSync(path.join(c, 'dumps')) ? path.join(c, 'dumps') : c;
  for (const f of fs.readdirSync(d).sort()) if (f.endsWith('.txt')) files.push(path.join(d, f));
}
const mods = cores.map((c) => require(c));
const texts = [];
let bytes = 0;
while (bytes < targetMB * MB) {
  for (let i = 0; i < files.length && bytes < targetMB * MB; i++) {
    const b = fs.readFileSync(files[i]);
    bytes += b.length;
    texts.push(mods[0].decodeDump(b).text);
  }
}
const big = onePage ? onePageDump() : concatenatedDump(texts);

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const time = (f) => { const t = performance.now(); const c = cpu(); f(); return [performance.now() - t, cpu() - c]; };
// per measure: [best wall, its CPU, best CPU] (on a loaded machine the least disturbed pass is the fastest one)
const best = cores.map(() => ({ b: [Infinity, Infinity, Infinity], lines: [Infinity, Infinity, Infinity], e: [Infinity, Infinity, Infinity], bFirst: null, focus: Infinity, edits: { kept: [], removed: [] } }));
const incs = mods.map((m) => new m.IncrementalAnalyzer({ entities: false }, big));
let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
/** One-character edits at seeded offsets, the same for every core (their texts stay equal). */
const editPass = () => {
  const offs = Array.from({ length: 10 }, () => rnd());
  incs.forEach((inc, k) => {
    offs.forEach((r, i) => {
      const a = inc.analysis;
      const off = Math.floor(r * inc.text.length);
      let lo = 0, hi = a.lines.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (a.lines[mid].start <= off) lo = mid; else hi = mid - 1; }
      const kept = a.lines[lo].label === 'article';
      const t = performance.now();
      inc.applyChanges([{ rangeOffset: off, rangeLength: 0, text: i % 3 ? 'a' : ' ' }]);
      best[k].edits[kept ? 'kept' : 'removed'].push(performance.now() - t);
    });
  });
};
// a sequential string, as the editor's worker joins a document's parts (a slice or a cons string reads slower)
const seqBig = big.split('\n').join('\n');
/** A first analysis as the worker runs it (focus on lines 0-50): ms to its focus answer (visible pages, or the estimate). */
const focusMs = (m) => {
  let ms = NaN;
  const t0 = performance.now();
  new m.IncrementalAnalyzer({ entities: false }).reset(seqBig, undefined, { first: 0, last: 50, onLines: () => (ms = performance.now() - t0) });
  return ms;
};
const keep = (slot, [w, c]) => { if (w < slot[0]) { slot[0] = w; slot[1] = c; } slot[2] = Math.min(slot[2], c); };
// warm-up: the first 200 dumps, like bench/speed.mjs
for (const m of mods) for (const t of texts.slice(0, 200)) m.analyze(t, { entities: false });
for (let p = 0; p < passes; p++) {
  mods.forEach((m, k) => {
    const r = time(() => { for (const t of texts) m.analyze(t, { entities: false }); });
    if (p === 0) best[k].bFirst = r;
    keep(best[k].b, r);
    keep(best[k].lines, time(() => { for (const t of texts) m.analyze(t, { entities: false, quotes: false }); }));
    keep(best[k].e, time(() => m.analyze(big, { entities: false })));
    best[k].focus = Math.min(best[k].focus, focusMs(m));
    process.stderr.write(`pass ${p + 1}, ${path.basename(cores[k])}: (b) ${r[0].toFixed(0)} ms\n`);
  });
  editPass();
}
const strip = (a) => JSON.stringify({ ...a, stats: { ...a.stats, timings: null } });
const equal = incs.map((inc, k) => strip(inc.analysis) === strip(mods[k].analyze(inc.text, { entities: false })));
const median = (v) => (v.length ? [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] : NaN);
const mbs = (ms, size) => (size / MB / (ms / 1000)).toFixed(1);
const os = await import('node:os');
console.log(`analysis A/B — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; node ${process.version}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ${(bytes / MB).toFixed(1)} MB set (${texts.length} dumps), ${(big.length / MB).toFixed(1)} M-char dump; best of ${passes}`);
console.log('| core | (b) analysis without entities (wall) | (b) per CPU-second (best CPU) | (b) first pass (wall) | lines only, no quotes (wall; per CPU-second) | (e) 5 MB dump (wall; best CPU) | (e) one-character edit, median (in a kept line / a removed line; = full) | (e) first analysis: its focus answer (best) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
cores.forEach((c, k) => {
  const r = best[k];
  console.log(`| ${path.basename(c)} | ${r.b[0].toFixed(0)} ms = ${mbs(r.b[0], bytes)} MB/s | ${r.b[2].toFixed(0)} ms = ${mbs(r.b[2], bytes)} MB/s | ${mbs(r.bFirst[0], bytes)} MB/s | ${mbs(r.lines[0], bytes)} MB/s; ${mbs(r.lines[2], bytes)} MB/s | ${r.e[0].toFixed(0)} ms; CPU ${r.e[2].toFixed(0)} ms = ${mbs(r.e[2], big.length)} MB/s | ${median([...r.edits.kept, ...r.edits.removed]).toFixed(0)} ms (${median(r.edits.kept).toFixed(0)} ms × ${r.edits.kept.length} / ${median(r.edits.removed).toFixed(0)} ms × ${r.edits.removed.length}; ${equal[k] ? 'yes' : 'NO'}) | ${best[k].focus.toFixed(0)} ms |`);
});
