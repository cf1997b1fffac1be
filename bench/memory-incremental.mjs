#!/usr/bin/env node
// Heap retained by the incremental analyser over 50 one-character edits on a ~5 MB dump (after forced GC).
// Usage: npm run build && node --expose-gc bench/memory-incremental.mjs [--entities] [--core A.js --core B.js]
//        [--paged [CORPUS_DIR...]]
// The dump is generated from test/fixtures/sputnik-antonov.txt (each copy varied so lines differ), read as one page;
// with --paged, the corpora's dumps joined by blank lines up to 5 M chars (as bench/speed.mjs part (e); read page by
// page), default corpora ../shared/corpora/{l3s-gn1,cleaneval,cleanportaleval}. Each --core (default dist/core.js) is
// measured in turn in this process, one row each.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { concatenatedDump, onePageDump, takeCores, speedCorporaOr } from './golden-args.mjs';
import { corpusDumps } from './dump-folder.mjs';
const require = createRequire(import.meta.url);
if (typeof gc !== 'function') { console.error('run with node --expose-gc'); process.exit(2); }
const argv = process.argv.slice(2);
const entities = argv.includes('--entities');
if (entities) argv.splice(argv.indexOf('--entities'), 1);
const paged = argv.includes('--paged');
if (paged) argv.splice(argv.indexOf('--paged'), 1);
const cores = takeCores(argv);
let doc;
if (paged) {
  const { decodeDump } = require(cores[0]);
  doc = concatenatedDump(corpusDumps(speedCorporaOr(argv), 'memory-incremental').map((f) => decodeDump(fs.readFileSync(f)).text));
} else {
  doc = onePageDump();
}
const mb = (x) => (x / 1048576).toFixed(1);
for (const core of cores) {
  const { IncrementalAnalyzer } = require(core);
  let text = doc;
  let inc = new IncrementalAnalyzer({ entities });
  gc(); const h0 = process.memoryUsage().heapUsed;
  inc.reset(text);
  gc(); const h1 = process.memoryUsage().heapUsed;
  for (let k = 0; k < 50; k++) {
    const off = (k * 7919 * 131) % text.length;
    inc.applyChanges([{ rangeOffset: off, rangeLength: 0, text: 'x' }]);
    text = text.slice(0, off) + 'x' + text.slice(off);
  }
  gc(); const h2 = process.memoryUsage().heapUsed;
  const pages = inc.stats.pages ? `; last edit: ${inc.stats.pages.classified} page(s) classified, ${inc.stats.pages.reused} reused` : '';
  console.log(`${path.basename(path.dirname(path.dirname(core)))}/${path.basename(core)}: ${paged ? 'paged' : 'one-page'} document ${mb(text.length)} M chars; heap retained after open ${mb(h1 - h0)} MB, after 50 edits ${mb(h2 - h0)} MB (${((h2 - h0) / text.length).toFixed(1)} bytes per char)${pages}`);
  inc = null;
}
