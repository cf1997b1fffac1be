#!/usr/bin/env node
// How good and how early the focus estimate of a big text read as one page is (src/core/boilerplate/index.ts,
// focusEstimate; issue "Big dumps…", the dimming budget): when a big document is opened, the worker classifies the
// lines around the visible ones as a text of their own and the editor dims with those labels until the whole page's
// come. This bench compares the estimate with the final labels (analyze's result: what the editor shows after).
//   Documents: test/big-dump.ts's generator (copies of a dump, each varied; the perf test's 5 MB document is made of
//   test/fixtures/sputnik-antonov.txt) over that fixture and over every K-th dump of the corpora; only those read
//   as one page (pageStarts) count (the others get exact page labels first, not an estimate).
//   Focus: 60 lines at --positions evenly spread points of each document (the first at line 0).
//   Reported: lines of the estimate whose label differs from the final one, among the 60 focus lines and among all
//   the lines sent (focus ± 1,000); and the time to the estimate against the time to the final labels.
// Usage: node bench/focus-estimate.mjs [--mb N (default 2)] [--every K (default 40)] [--positions P (default 5)] [CORPUS_DIR...]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { corpusDumps } from './dump-folder.mjs';
import { bundleDriver, root, take, speedCorporaOr } from './golden-args.mjs';

const argv = process.argv.slice(2);
const mb = Number(take(argv, '--mb') ?? 2);
const every = Number(take(argv, '--every') ?? 40);
const positions = Number(take(argv, '--positions') ?? 5);
const dumps = corpusDumps(speedCorporaOr(argv), 'focus-estimate').filter((_, i) => i % every === 0);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sn-focus-'));
try {
  const driver = await bundleDriver(tmp, 'focus', `
import { analyze, decodeDump, splitLines } from ${JSON.stringify(path.join(root, 'src/core'))};
import { FOCUS_ESTIMATE_MIN_LINES, pageStarts } from ${JSON.stringify(path.join(root, 'src/core/boilerplate'))};
import { bigDump } from ${JSON.stringify(path.join(root, 'test/big-dump'))};
export { analyze, decodeDump, splitLines, pageStarts, bigDump, FOCUS_ESTIMATE_MIN_LINES };
`);
  const core = createRequire(import.meta.url)(driver);
  const fixture = path.join(root, 'test/fixtures/sputnik-antonov.txt');
  const sources = [fixture, ...dumps];
  const opts = { quotes: false, entities: false };
  let topN = 0, topDiff = 0;
  let docs = 0, paged = 0, few = 0, none = 0, focusN = 0, focusDiff = 0, sentN = 0, sentDiff = 0, worstFocus = 0;
  const ratios = [];
  const rows = [];
  // warm the classifier first (the editor's worker does at start-up)
  core.analyze(core.bigDump(fs.readFileSync(fixture, 'utf8'), 256 * 1024), opts);
  for (const src of sources) {
    const text = core.bigDump(core.decodeDump(fs.readFileSync(src)).text, mb * 1024 * 1024);
    const raw = core.splitLines(text);
    if (core.pageStarts(text, raw)) {
      paged++;
      continue;
    }
    if (raw.length < core.FOCUS_ESTIMATE_MIN_LINES) {
      few++;
      continue;
    }
    docs++;
    for (let p = 0; p < positions; p++) {
      const first = Math.floor((p * (raw.length - 60)) / positions), last = first + 59;
      let got, tFocus = -1;
      const t0 = performance.now();
      const a = core.analyze(text, { ...opts, focus: { first, last, onLines: (lines, firstLine) => { tFocus = performance.now() - t0; got = { lines: lines.map((l) => l.label), firstLine }; } } });
      const tAll = performance.now() - t0;
      if (!got) {
        none++;
        continue;
      }
      if (got.lines.length > 2 * 1000 + 60) throw new Error(`${path.basename(src)}: the focus answer is not the estimate (${got.lines.length} lines)`);
      let fd = 0, sd = 0;
      for (let k = 0; k < got.lines.length; k++) {
        const i = got.firstLine + k;
        const differs = got.lines[k] !== a.lines[i].label;
        if (differs) sd++;
        if (i >= first && i <= last) {
          focusN++;
          if (differs) fd++;
        }
      }
      focusDiff += fd;
      if (p === 0) {
        topN += 60;
        topDiff += fd;
      }
      sentN += got.lines.length;
      sentDiff += sd;
      worstFocus = Math.max(worstFocus, fd);
      ratios.push(tFocus / tAll);
      if (fd > 0) rows.push(`${path.basename(src)} lines ${first}-${last}: ${fd} of 60 focus lines differ (${sd} of ${got.lines.length} sent)`);
    }
  }
  ratios.sort((x, y) => x - y);
  const pct = (x, n) => (n ? ((100 * x) / n).toFixed(2) : '0.00') + '%';
  console.log(`focus-estimate — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; node ${process.version}; ${mb} MB documents from ${sources.length} dumps (the fixture and every ${every}th of the corpora): ${docs} read as one page, ${paged} as several and ${few} under ${core.FOCUS_ESTIMATE_MIN_LINES} lines (skipped); ${positions} focus positions each`);
  if (none) console.log(`no estimate at ${none} positions (a window not much less than the text)`);
  console.log(`focus lines whose estimated label differs from the final one: ${focusDiff} of ${focusN} (${pct(focusDiff, focusN)}); worst position ${worstFocus} of 60`);
  console.log(`of them at the top of the documents (lines 0-59, where a document opens): ${topDiff} of ${topN} (${pct(topDiff, topN)})`);
  console.log(`all lines sent (focus ± 1,000): ${sentDiff} of ${sentN} differ (${pct(sentDiff, sentN)})`);
  if (ratios.length) console.log(`time to the estimate / time to the final labels: median ${ratios[Math.floor(ratios.length / 2)].toFixed(3)}, max ${ratios[ratios.length - 1].toFixed(3)}`);
  for (const r of rows) console.log('  ' + r);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
