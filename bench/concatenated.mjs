// Concatenated dumps (issue #3 generality; the speed issue's "real users open 5 MB concatenated dumps"): how well
// the cleaner does on several pages in one file, against the same pages cleaned one by one.
//
// For each corpus, consecutive groups of K dumps (in file-name order) are joined into one text (a blank line, or
// --separator LINE, between them) and cleaned as one document (HTML markup converted to text first, no templates);
// the cleaned text is scored with bench/metric.mjs against the group's gold texts joined. The same pages cleaned one
// by one are scored too (same metric, per page, macro average). Also the CPU time of analysing the joined texts against
// the same pages one by one (a file of several pages costs its pages plus the settle step's rounds over its cleaned
// text: a ratio far above 1 shows rounds that do not settle). Nothing is written.
//
//   node bench/concatenated.mjs CORPUS_DIR... [--pages K] [--separator LINE] [--layout VARIANT] [--core PATH]
//     CORPUS_DIR     holds dumps/*.txt and gold/*.txt (e.g. ../shared/corpora/l3s-gn1)
//     --pages K      pages per concatenated document (default 20)
//     --separator    a line put between the pages (default: none, just a blank line)
//     --layout V     each page laid out as bench/converters.mjs's variant V first (e.g. wrap78, wrap72)
//     --core PATH    the core to run (default dist/core.js)
import { readFileSync, readdirSync } from 'node:fs';
import { join, basename, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { scoreDoc, corpusScore } from './metric.mjs';

const argv = process.argv.slice(2);
const dirs = [];
let pages = 20, separator = null, corePath = '../dist/core.js', layout = null;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--pages') pages = Number(argv[++i]);
  else if (a === '--separator') separator = argv[++i];
  else if (a === '--core') corePath = resolve(argv[++i]);
  else if (a === '--layout') layout = argv[++i];
  else if (a.startsWith('--')) { console.error(`unknown flag ${a}`); process.exit(2); }
  else dirs.push(a);
}
if (!dirs.length || !(pages >= 1)) {
  console.error('usage: node bench/concatenated.mjs CORPUS_DIR... [--pages K] [--separator LINE] [--core PATH]');
  process.exit(2);
}
const core = createRequire(import.meta.url)(corePath);
const lay = layout ? (await import('./converters.mjs')).variantFn(layout) : (t) => t;
const f3 = (x) => x.toFixed(3);
const opts = { quotes: false, entities: false };
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
/** The analysis of `text` and its CPU time (ms). */
const analyzed = (text) => { const c = cpu(); const a = core.analyze(text, opts); return [a, cpu() - c]; };

for (const dir of dirs) {
  const files = readdirSync(join(dir, 'dumps')).filter((f) => f.endsWith('.txt')).sort();
  const joined = [], single = [];
  let groups = 0, joinedMs = 0, singleMs = 0, chars = 0;
  for (let s = 0; s + pages <= files.length; s += pages) {
    const ids = files.slice(s, s + pages);
    const dumps = ids.map((f) => core.textOf(lay(readFileSync(join(dir, 'dumps', f), 'utf8'))));
    const golds = ids.map((f) => readFileSync(join(dir, 'gold', f), 'utf8'));
    const text = dumps.map((d) => d.replace(/\s+$/, '')).join(separator === null ? '\n\n' : `\n\n${separator}\n\n`) + '\n';
    const [a, ms] = analyzed(text);
    joinedMs += ms;
    joined.push(scoreDoc(golds.join('\n'), core.clean(text, a)));
    dumps.forEach((d, i) => {
      const [b, ms1] = analyzed(d);
      singleMs += ms1;
      single.push(scoreDoc(golds[i], core.clean(d, b)));
    });
    chars += text.length;
    groups++;
  }
  const r = corpusScore(joined), s1 = corpusScore(single);
  console.log(`${basename(dir)}: ${groups} documents of ${pages} pages${separator === null ? '' : `, separated by "${separator}"`}${layout ? `, laid out ${layout}` : ''}: ` +
    `F1 ${f3(r.f1)} (P ${f3(r.precision)}, R ${f3(r.recall)}); the same pages one by one: F1 ${f3(s1.f1)} (P ${f3(s1.precision)}, R ${f3(s1.recall)}); ` +
    `analysis CPU ${joinedMs.toFixed(0)} ms joined (${(chars / 1048576 / (joinedMs / 1000)).toFixed(1)} MB/s) against ${singleMs.toFixed(0)} ms one by one (${(joinedMs / singleMs).toFixed(2)}x)`);
}
