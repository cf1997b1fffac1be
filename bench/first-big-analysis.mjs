#!/usr/bin/env node
// The first analysis of a 5 MB dump in the editor's analysis worker (issue "Big dumps…", dimming <= 1 s after
// opening; BENCHMARKS.md, Speed and scale). In fresh processes, as the worker does (src/extension/analysisWorker.ts):
// warmClassifier, then either nothing more ("short") or the longer warm-up the worker runs while it waits for its
// first document (warmBigDocumentStep until it is done, "long"), a pause for V8's background compiles, then one
// IncrementalAnalyzer.reset with the two-phase callbacks; the time (and this thread's CPU) until the line labels
// (the editor dims with them) and until the end of the classification. The two modes alternate, --rounds N of each.
// Two documents:
//   one-page  the perf test's generated dump (test/big-dump.ts): copies of test/fixtures/sputnik-antonov.txt, read as
//             one page;
//   paged     pages of test/pages-text.ts (fixture articles between site menus) up to 5 MB, read page by page: also the
//             time until the labels of the first page (the `focus` answer, for the lines an editor shows first).
//   node bench/first-big-analysis.mjs [--rounds N]   (default 5)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { bundleDriver, root, take } from './golden-args.mjs';

const argv = process.argv.slice(2);
const rounds = Number(take(argv, '--rounds') ?? 5);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sn-first-big-'));
try {
  const src = (p) => JSON.stringify(path.join(root, p));
  const bundle = await bundleDriver(tmp, 'first', `
import { readFileSync } from 'node:fs';
import { warmClassifier } from ${src('src/core/boilerplate')};
import { IncrementalAnalyzer, warmBigDocumentStep } from ${src('src/core/incremental')};
import { bigDump } from ${src('test/big-dump')};
import { PAGE_ARTICLES, pageOf } from ${src('test/pages-text')};
const [mode, doc] = process.argv.slice(2);
const fixtures = ${src('test/fixtures')};
let text: string;
if (doc === 'one-page') text = bigDump(readFileSync(fixtures + '/sputnik-antonov.txt', 'utf8'), 5 * 1024 * 1024);
else {
  const articles = PAGE_ARTICLES.map((f) => readFileSync(fixtures + '/' + f, 'utf8'));
  const pages: string[] = [];
  for (let j = 0, n = 0; n < 5 * 1024 * 1024; j++) { pages.push(pageOf(articles[j % articles.length], j)); n += pages[j].length + 2; }
  text = pages.join('\\n\\n') + '\\n';
}
const cpu = () => { try { return Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6; } catch { return NaN; } };
const w0 = performance.now();
warmClassifier();
let steps = 0;
if (mode === 'long') while (warmBigDocumentStep(steps)) steps++;
const warmMs = performance.now() - w0;
setTimeout(() => {
  const t0 = performance.now(), c0 = cpu();
  let focus = -1, lines = -1, linesCpu = -1;
  new IncrementalAnalyzer({ quotes: false, entities: false }).reset(text, () => { lines = performance.now() - t0; linesCpu = cpu() - c0; },
    { first: 0, last: 600, onLines: () => { focus = performance.now() - t0; } });
  console.log(JSON.stringify({ warmMs, focus, lines, linesCpu, all: performance.now() - t0 }));
}, 400); // the worker waits for its first document: V8 finishes its background compiles meanwhile
`);
  const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const f0 = (x) => (x < 0 ? '—' : x.toFixed(0));
  console.log(`first-big-analysis — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; node ${process.version}; ${rounds} rounds of each mode, alternated`);
  console.log('| document | warm-up | warm-up time | visible page labelled | line labels (thread CPU) | classification |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const doc of ['one-page', 'paged']) {
    const runs = { short: [], long: [] };
    for (let r = 0; r < rounds; r++) {
      for (const mode of ['short', 'long']) {
        const p = spawnSync(process.execPath, [bundle, mode, doc], { encoding: 'utf8', maxBuffer: 16 << 20 });
        if (p.status !== 0) throw new Error(p.stderr);
        runs[mode].push(JSON.parse(p.stdout.trim().split('\n').pop()));
      }
    }
    for (const mode of ['short', 'long']) {
      const m = (k) => median(runs[mode].map((x) => x[k]));
      console.log(`| ${doc} | ${mode === 'short' ? 'warmClassifier' : 'warmClassifier + warmBigDocumentStep'} | ${f0(m('warmMs'))} ms | ${m('focus') < 0 ? '— (one page)' : `${f0(m('focus'))} ms`} | ${f0(m('lines'))} ms (${f0(m('linesCpu'))} ms) | ${f0(m('all'))} ms |`);
    }
    const ratio = median(runs.long.map((x) => x.lines)) / median(runs.short.map((x) => x.lines));
    console.log(`| ${doc} | long / short, line labels | | | ${ratio.toFixed(2)} | |`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
