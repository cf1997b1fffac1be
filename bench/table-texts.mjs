#!/usr/bin/env node
// Big texts that are not news pages (issue "Big dumps…": fast on 5 MB dumps, whatever a user opens): a scraped table
// saved as text (CSV rows), a server log, and one line repeated. Their lines repeat each other once the line keys
// fold digits, so the classifier's settle step, which classifies the cleaned text again until it keeps every line it
// is given, can take out only a few lines a round. Generated in memory (deterministic), no corpus needed.
//
// For each text: analyze (entities and quotes off) in a fresh process, then three one-character edits through
// IncrementalAnalyzer (the editor's analysis worker), and what clean keeps. With --core OTHER, the same texts with
// that core too (interleaved), e.g. a build of an earlier commit.
//
//   node bench/table-texts.mjs [--mb N] [--core OTHER/dist/core.js] [--kinds csv,log,same]   (default 5 MB)
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { root, take } from './golden-args.mjs';

const argv = process.argv.slice(2);
const mb = Number(take(argv, '--mb') ?? 5);
const other = take(argv, '--core');
const kinds = (take(argv, '--kinds') ?? 'csv,log,same').split(',');
const cores = [path.join(root, 'dist/core.js'), ...(other ? [path.resolve(other)] : [])];

// the driver, run in a fresh process per (kind, core): prints one JSON line
const driver = `
const core = require(process.argv[1]);
const kind = process.argv[2], bytes = Number(process.argv[3]) * 1e6;
const words = 'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if more no out so said what up its about into than them can only other time new some could these two may first then do any like my now over such our man me even most made after also did many before must'.split(' ');
let seed = 7;
const rnd = (n) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
const cap = (w) => w[0].toUpperCase() + w.slice(1);
const w = () => words[rnd(words.length)];
const rows = [];
for (let size = 0; size < bytes; ) {
  const row = kind === 'csv' ? '2024-' + String(1 + rnd(12)).padStart(2, '0') + '-' + String(1 + rnd(28)).padStart(2, '0') + ',' + cap(w()) + ',' + rnd(100000) / 10 + ',' + w() + ' ' + w()
    : kind === 'log' ? '[2024-05-0' + (1 + rnd(9)) + ' 12:' + String(rnd(60)).padStart(2, '0') + ':' + String(rnd(60)).padStart(2, '0') + '] INFO ' + w() + ' ' + w() + ' request ' + rnd(99999) + ' done'
    : 'same same same same';
  rows.push(row);
  size += row.length + 1;
}
const text = rows.join('\\n') + '\\n';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let t = cpu();
const a = core.analyze(text, { entities: false, quotes: false });
const analyzeMs = cpu() - t;
const kept = a.lines.filter((l) => l.label === 'article').length;
const settled = a.lines.filter((l) => l.reason === 'settled-out').length;
const inc = new core.IncrementalAnalyzer({ entities: false, quotes: false });
t = cpu();
inc.reset(text);
const resetMs = cpu() - t;
const edits = [];
for (let k = 0; k < 3; k++) {
  t = cpu();
  inc.applyChanges([{ rangeOffset: Math.floor(text.length * (0.3 + 0.2 * k)), rangeLength: 0, text: 'x' }]);
  edits.push(Math.round(cpu() - t));
}
console.log(JSON.stringify({ lines: a.lines.length, kept, settled, analyzeMs: Math.round(analyzeMs), resetMs: Math.round(resetMs), edits }));
`;

console.log(`${mb} MB per text; CPU ms of this thread and V8's helpers (process.cpuUsage), one fresh process per row`);
console.log('| text | core | lines | kept | settled-out | analyze | IncrementalAnalyzer reset | 3 edits |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const kind of kinds) {
  for (const c of cores) {
    const r = spawnSync(process.execPath, ['-e', driver, c, kind, String(mb)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) {
      console.error(r.stderr);
      process.exit(1);
    }
    const o = JSON.parse(r.stdout.trim().split('\n').pop());
    console.log(`| ${kind} | ${path.relative(process.cwd(), c) || c} | ${o.lines} | ${o.kept} | ${o.settled} | ${o.analyzeMs} ms | ${o.resetMs} ms | ${o.edits.join(' / ')} ms |`);
  }
}
