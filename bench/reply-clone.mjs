#!/usr/bin/env node
// What a full answer of the analysis worker costs the extension host's thread to receive (issue "Big dumps…": no task
// over 50 ms while typing; BENCHMARKS.md, Speed and scale). A worker's message is deserialised on the host's thread
// before any listener runs, so that time is the host's, though the extension's own task timers do not see it.
// For the perf test's generated dump (test/big-dump.ts) cut to each size, analysed with entities on: the parts of
// a `full` answer (src/extension/analysisProtocol.ts) serialised with V8's serializer (what postMessage uses), and the
// best of --rounds N deserialisations of each: the compact line table, the compact quotes, the entities as the
// compact arrays the service sends, and the same entities as plain objects (how they were sent before).
//   node bench/reply-clone.mjs [--rounds N] [--sizes KB,KB,...]   (defaults 7; 100,500,5120)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { bundleDriver, root, take } from './golden-args.mjs';

const argv = process.argv.slice(2);
const rounds = Number(take(argv, '--rounds') ?? 7);
const sizes = String(take(argv, '--sizes') ?? '100,500,5120').split(',').map(Number);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sn-reply-clone-'));
try {
  const src = (p) => JSON.stringify(path.join(root, p));
  const out = await bundleDriver(tmp, 'clone', `
import { readFileSync } from 'node:fs';
import * as v8 from 'node:v8';
import { analyze } from ${src('src/core')};
import { encodeEntities, encodeLines, encodeQuotes } from ${src('src/extension/analysisProtocol')};
import { bigDump } from ${src('test/big-dump')};
const [rounds, ...sizes] = process.argv.slice(2).map(Number);
const fixture = readFileSync(${src('test/fixtures/sputnik-antonov.txt')}, 'utf8');
const best = (v: unknown) => {
  const buf = v8.serialize(v);
  let ms = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    v8.deserialize(buf);
    ms = Math.min(ms, performance.now() - t0);
  }
  return { kb: buf.length / 1024, ms };
};
console.log('| document | lines | quotes | entities | line table | quotes (compact) | entities (compact) | entities as objects |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const kb of sizes) {
  const text = bigDump(fixture, kb * 1024);
  const a = analyze(text, { entities: true, quotes: true, scareQuotes: true });
  const cell = (x: { kb: number; ms: number }) => x.ms.toFixed(2) + ' ms (' + Math.round(x.kb) + ' KB)';
  console.log('| ' + (text.length / 1024).toFixed(0) + ' K chars | ' + a.lines.length + ' | ' + a.quotes.length + ' | ' + a.entities.length + ' | ' +
    cell(best(encodeLines(a.lines))) + ' | ' + cell(best(encodeQuotes(a.quotes))) + ' | ' + cell(best(encodeEntities(a.entities))) + ' | ' + cell(best(a.entities)) + ' |');
}
`);
  console.log(`reply-clone — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; node ${process.version}; best of ${rounds} deserialisations each (V8's serializer, as postMessage)`);
  const r = spawnSync(process.execPath, [out, String(rounds), ...sizes.map(String)], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
