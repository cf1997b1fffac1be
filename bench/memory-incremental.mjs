#!/usr/bin/env node
// Heap retained by the incremental analyser over 50 one-character edits on a ~5 MB dump (after forced GC).
// Usage: npm run build && node --expose-gc bench/memory-incremental.mjs [--entities]
// The dump is generated from test/fixtures/sputnik-antonov.txt (each copy varied so lines differ).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { IncrementalAnalyzer } = require('../dist/core.js');
if (typeof gc !== 'function') { console.error('run with node --expose-gc'); process.exit(2); }
const base = readFileSync(new URL('../test/fixtures/sputnik-antonov.txt', import.meta.url), 'utf8');
const parts = [];
for (let i = 0; parts.join('\n').length < 5e6 && i < 3000; i++) parts.push(base.replace(/Moscow/g, 'Moscow' + 'abcdefghij'[i % 10] + i));
let text = parts.join('\n');
const inc = new IncrementalAnalyzer({ entities: process.argv.includes('--entities') });
gc(); const h0 = process.memoryUsage().heapUsed;
inc.reset(text);
gc(); const h1 = process.memoryUsage().heapUsed;
for (let k = 0; k < 50; k++) {
  const off = (k * 7919 * 131) % text.length;
  inc.applyChanges([{ rangeOffset: off, rangeLength: 0, text: 'x' }]);
  text = text.slice(0, off) + 'x' + text.slice(off);
}
gc(); const h2 = process.memoryUsage().heapUsed;
const mb = (x) => (x / 1048576).toFixed(1);
console.log(`document ${mb(text.length)} M chars; heap retained after open ${mb(h1 - h0)} MB, after 50 edits ${mb(h2 - h0)} MB (${((h2 - h0) / text.length).toFixed(1)} bytes per char)`);
