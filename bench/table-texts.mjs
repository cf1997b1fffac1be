#!/usr/bin/env node
// Big texts that are not news pages (issue "Big dumps…": fast on 5 MB dumps, whatever a user opens): a scraped table
// saved as text (CSV rows), a server log, and one line repeated. Their lines repeat each other once the line keys
// fold digits, so the classifier's settle step, which classifies the cleaned text again until it keeps every line it
// is given, can take out only a few lines a round. Generated in memory (deterministic), no corpus needed.
//
// For each text: analyze (entities and quotes off; --quotes: quotes on) in a fresh process, then three one-character
// edits through IncrementalAnalyzer (the editor's analysis worker), and what clean keeps. With --core OTHER, the same
// texts with that core too (interleaved), e.g. a build of an earlier commit. --write DIR writes each text to
// DIR/<kind>.txt as well (to time the CLI on them: `scraped-news clean DIR/csv.txt --out OUT`).
//
//   node bench/table-texts.mjs [--mb N] [--core OTHER/dist/core.js] [--kinds csv,log,same | all] [--quotes] [--write DIR]
//
// Kinds (default csv,log,same): csv (date,Word,number,word word), log ([time] INFO … request N done), same (one
// line repeated), and other shapes: prose (paragraphs between blank lines), wrapped (prose wrapped at 72 columns),
// markdown (lines with a link), blanks (short lines between pairs of blank lines), html (markup), quotes (quotations
// with speakers), bullets, numbers (one per line), tsv, urls, menu (one word a line), titlecase, longlines (30
// paragraphs a line), dialogue (lines opened by a dash).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { root, take } from './golden-args.mjs';

const argv = process.argv.slice(2);
const mb = Number(take(argv, '--mb') ?? 5);
const other = take(argv, '--core');
const write = take(argv, '--write');
const quotes = argv.includes('--quotes');
const ALL = 'csv,log,same,prose,wrapped,markdown,blanks,html,quotes,bullets,numbers,tsv,urls,menu,titlecase,longlines,dialogue';
const kindsArg = take(argv, '--kinds') ?? 'csv,log,same';
const kinds = (kindsArg === 'all' ? ALL : kindsArg).split(',');
for (const k of kinds) if (!ALL.split(',').includes(k)) { console.error(`table-texts: unknown kind ${k} (kinds: ${ALL})`); process.exit(2); }
const cores = [path.join(root, 'dist/core.js'), ...(other ? [path.resolve(other)] : [])];
if (write) fs.mkdirSync(write, { recursive: true });

// the driver, run in a fresh process per (kind, core): prints one JSON line
const driver = `
const core = require(process.argv[1]);
const kind = process.argv[2], bytes = Number(process.argv[3]) * 1e6, quotes = process.argv[4] === '1', write = process.argv[5];
const words = 'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if more no out so said what up its about into than them can only other time new some could these two may first then do any like my now over such our man me even most made after also did many before must'.split(' ');
const names = ['John Smith', 'Maria Garcia', 'the Ministry of Health', 'Paris', 'Reuters', 'Angela Merkel', 'Google', 'New York'];
let seed = 7;
const rnd = (n) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
const cap = (w) => w[0].toUpperCase() + w.slice(1);
const w = () => words[rnd(words.length)];
const two = (n) => String(n).padStart(2, '0');
const sentence = (n = 10 + rnd(20)) => { const a = []; for (let k = 0; k < n; k++) a.push(rnd(15) === 0 ? names[rnd(names.length)] : w()); return cap(a.join(' ')) + '.'; };
const para = () => { const a = []; for (let k = 2 + rnd(5); k > 0; k--) a.push(sentence()); return a.join(' '); };
const wrap = (s, col) => { const out = []; let line = ''; for (const x of s.split(' ')) { if (line && line.length + 1 + x.length > col) { out.push(line); line = x; } else line = line ? line + ' ' + x : x; } if (line) out.push(line); return out; };
const rows = [];
let size = 0;
const push = (l) => { rows.push(l); size += l.length + 1; };
while (size < bytes) {
  switch (kind) {
    case 'csv': push('2024-' + two(1 + rnd(12)) + '-' + two(1 + rnd(28)) + ',' + cap(w()) + ',' + rnd(100000) / 10 + ',' + w() + ' ' + w()); break;
    case 'log': push('[2024-05-0' + (1 + rnd(9)) + ' 12:' + two(rnd(60)) + ':' + two(rnd(60)) + '] INFO ' + w() + ' ' + w() + ' request ' + rnd(99999) + ' done'); break;
    case 'same': push('same same same same'); break;
    case 'prose': push(para()); push(''); break;
    case 'wrapped': for (const l of wrap(para(), 72)) push(l); push(''); break;
    case 'markdown': push(sentence(6).slice(0, -1) + ' [' + w() + ' ' + w() + '](https://example.com/' + w() + '/' + rnd(99999) + ') ' + sentence(8)); push(''); break;
    case 'blanks': push(sentence(4)); push(''); push(''); break;
    case 'html': push('<div class="c' + rnd(50) + '"><p>' + para() + ' <a href="/x/' + rnd(9999) + '">' + w() + '</a></p></div>'); break;
    case 'quotes': push('"' + sentence() + '" ' + names[rnd(names.length)] + ' said. "' + sentence() + '" ' + cap(w()) + ' added, \u201c' + sentence() + '\u201d'); push(''); break;
    case 'bullets': push('* ' + cap(w()) + ' ' + w() + ' ' + w()); break;
    case 'numbers': push(String(rnd(1e9))); break;
    case 'tsv': push([rnd(1e5), cap(w()), w(), rnd(1e4) / 100, names[rnd(names.length)]].join('\t')); break;
    case 'urls': push('https://www.example.com/' + w() + '/' + w() + '-' + w() + '-' + rnd(1e6) + '.html'); break;
    case 'menu': push(cap(w())); break;
    case 'titlecase': push(sentence(6).split(' ').map(cap).join(' ').slice(0, -1)); break;
    case 'longlines': { const a = []; for (let k = 0; k < 30; k++) a.push(para()); push(a.join(' ')); push(''); break; }
    case 'dialogue': push('\u2014 ' + sentence(6)); break;
  }
}
const text = rows.join('\\n') + '\\n';
if (write) require('fs').writeFileSync(require('path').join(write, kind + '.txt'), text);
const opts = { entities: false, quotes };
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let t = cpu();
const a = core.analyze(text, opts);
const analyzeMs = cpu() - t;
const kept = a.lines.filter((l) => l.label === 'article').length;
const settled = a.lines.filter((l) => l.reason === 'settled-out').length;
const inc = new core.IncrementalAnalyzer(opts);
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

console.log(`${mb} MB per text, quotes ${quotes ? 'on' : 'off'}, entities off; CPU ms of this thread and V8's helpers (process.cpuUsage), one fresh process per row`);
console.log('| text | core | lines | kept | settled-out | analyze | IncrementalAnalyzer reset | 3 edits |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const kind of kinds) {
  for (const c of cores) {
    const r = spawnSync(process.execPath, ['-e', driver, c, kind, String(mb), quotes ? '1' : '0', write && c === cores[0] ? path.resolve(write) : ''], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) {
      console.error(r.stderr);
      process.exit(1);
    }
    const o = JSON.parse(r.stdout.trim().split('\n').pop());
    console.log(`| ${kind} | ${path.relative(process.cwd(), c) || c} | ${o.lines} | ${o.kept} | ${o.settled} | ${o.analyzeMs} ms | ${o.resetMs} ms | ${o.edits.join(' / ')} ms |`);
  }
}
