#!/usr/bin/env node
// The classifier's document pass on a ~5 MB dump (what the incremental analyser reruns after each edit):
// classifyLines with a warm per-line feature memo (median/min CPU ms of 15 runs), then 12 scripted edits (insert a
// character, insert a line, delete 40 characters, insert a widget line) each followed by a memo run whose result is
// compared with a fresh classification (must be equal). Bundles src/core/boilerplate with esbuild.
// Usage: node bench/classifier-docpass.mjs [CORPUS_DUMPS_DIR]   (default ../shared/corpora/l3s-gn1/dumps)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dir = process.argv[2] ?? path.join(root, '..', 'shared', 'corpora', 'l3s-gn1', 'dumps');
const entry = path.join(root, 'bench/.scratch/docpass-entry.ts');
const out = path.join(root, 'bench/.scratch/docpass.cjs');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(entry, "export * from '../../src/core/boilerplate';\nexport { splitLines } from '../../src/core/lines';\n");
await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
const bp = require(out);

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const parts = [];
let len = 0;
for (let i = 0; len < 5e6; i++) {
  const t = fs.readFileSync(path.join(dir, files[i % files.length]), 'utf8');
  parts.push(t);
  len += t.length + 2;
}
const text = parts.join('\n\n');
const raw = bp.splitLines(text);
const memo = new Map();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const stat = (a) => { const s = [...a].sort((x, y) => x - y); return `median ${s[s.length >> 1].toFixed(0)} ms (min ${s[0].toFixed(0)})`; };
let t = cpu();
bp.classifyLines(text, raw, {}, memo);
const first = cpu() - t;
const warm = [];
for (let i = 0; i < 15; i++) { t = cpu(); bp.classifyLines(text, raw, {}, memo); warm.push(cpu() - t); }
t = cpu();
bp.classifyLines(text, raw, {});
const fresh = cpu() - t;
console.log(`${(text.length / 1e6).toFixed(1)}M chars, ${raw.length} lines: first run ${first.toFixed(0)} ms, fresh ${fresh.toFixed(0)} ms, warm-memo document pass ${stat(warm)} CPU`);

const hash = (ls) => createHash('sha1').update(JSON.stringify(ls)).digest('hex');
let txt = text, bad = 0, seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const edits = [];
for (let e = 0; e < 12; e++) {
  const off = Math.floor(rnd() * txt.length);
  const kind = e % 4;
  const ins = kind === 0 ? 'x' : kind === 1 ? '\nA new line of text, with words.\n' : kind === 2 ? '' : 'Share\n\n';
  const del = kind === 2 ? 40 : kind === 3 ? 3 : 0;
  txt = txt.slice(0, off) + ins + txt.slice(off + del);
  const r = bp.splitLines(txt);
  t = cpu();
  const a = bp.classifyLines(txt, r, {}, memo);
  edits.push(cpu() - t);
  if (hash(a) !== hash(bp.classifyLines(txt, r, {}))) bad++;
}
console.log(`after each of 12 edits: document pass ${stat(edits)} CPU; ${bad} results differing from a fresh classification`);
process.exitCode = bad ? 1 : 0;
