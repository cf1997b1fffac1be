#!/usr/bin/env node
// Golden check and CPU speed of the line classifier (used while optimising src/core/boilerplate/: the output must
// stay byte-identical).
//
// For every dump of the corpora: analyze(text, {entities: false, quotes: false}) with the built core
// (dist/core.js, run `npm run build` first), and a hash of its lines (label + reason + detail per line). A second
// pass does the same with a site-template index per corpus (exercises the template features and reasons). With
// --probs, the classifier source (src/core/boilerplate) is also bundled and the exact bits of the stage-1/stage-2
// probabilities are hashed: a stricter check (any change in floating-point order shows up there).
//
// Usage: node bench/classifier-golden.mjs [--write FILE | --compare FILE] [--probs] [--core PATH] [CORPUS_DIR...]
//   default corpora: ../shared/corpora/{seed-style,cleanportaleval,l3s-gn1,cleaneval} relative to the repository.
// Speed: CPU time (process.cpuUsage) of (a) splitting the texts into lines and (b) the analysis, same run, on the
// texts already in memory; MB/s = UTF-16 length / 2^20 per CPU second (warm: one untimed pass first).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { root, require, take as takeArg, corporaOr, writeGolden, readGolden } from './golden-args.mjs';

const argv = process.argv.slice(2);
const take = (name) => takeArg(argv, name);
const flag = (name) => {
  const i = argv.indexOf(name);
  if (i < 0) return false;
  argv.splice(i, 1);
  return true;
};
const writeFile = take('--write');
const compareFile = take('--compare');
const corePath = path.resolve(take('--core') ?? path.join(root, 'dist/core.js'));
const probs = flag('--probs');
const corpora = corporaOr(argv);

const core = require(corePath);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const MB = 1024 * 1024;

let bp = null;
if (probs) {
  const esbuild = await import('esbuild');
  const out = path.join(root, 'bench/.scratch/boilerplate-golden.cjs');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const entry = path.join(root, 'bench/.scratch/boilerplate-golden-entry.ts');
  fs.writeFileSync(entry, "export * from '../../src/core/boilerplate';\nexport { splitLines } from '../../src/core/lines';\n");
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
  bp = require(out);
}

const docs = []; // { id, corpus, text }
for (const c of corpora) {
  const d = fs.existsSync(path.join(c, 'dumps')) ? path.join(c, 'dumps') : c;
  for (const f of fs.readdirSync(d).sort()) {
    if (f.endsWith('.txt')) docs.push({ id: `${path.basename(c)}/${f}`, corpus: path.basename(c), text: fs.readFileSync(path.join(d, f), 'utf8') });
  }
}
let chars = 0;
for (const d of docs) chars += d.text.length;

const hashLines = (lines) => {
  const h = createHash('sha1');
  for (const l of lines) h.update(`${l.label}\t${l.reason}\t${l.detail ?? ''}\n`);
  return h.digest('hex').slice(0, 16);
};
const hashFloats = (arrs) => {
  const h = createHash('sha1');
  for (const a of arrs) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return h.digest('hex').slice(0, 16);
};

const opts = { entities: false, quotes: false };
const result = new Map();
// warm-up (JIT) and the plain hashes
for (const d of docs) result.set(d.id, hashLines(core.analyze(d.text, opts).lines));
// templates: one index per corpus
const byCorpus = new Map();
for (const d of docs) (byCorpus.get(d.corpus) ?? byCorpus.set(d.corpus, []).get(d.corpus)).push(d);
for (const [, list] of byCorpus) {
  const templates = core.buildTemplateIndex(list.map((d) => d.text));
  for (const d of list) result.set(d.id + ' +templates', hashLines(core.analyze(d.text, { ...opts, templates }).lines));
}
if (bp) {
  for (const d of docs) {
    const raw = bp.splitLines(d.text);
    const feats = raw.map((r) => bp.lineFeatures(d.text.slice(r.start, r.end)));
    const nb = [];
    for (let i = 0; i < feats.length; i++) if (!feats[i].blank) nb.push(i);
    const { p1, p2 } = bp.scoreLines(feats, nb, bp.templateContext(feats, nb, null));
    result.set(d.id + ' probs', hashFloats([p1, p2]));
  }
}

// speed (CPU), same run: split only, then the analysis
let t = cpu();
let nLines = 0;
for (const d of docs) nLines += core.splitLines(d.text).length;
const splitMs = cpu() - t;
t = cpu();
for (const d of docs) core.analyze(d.text, opts);
const analyzeMs = cpu() - t;
const mb = chars / MB;
console.log(`${docs.length} dumps, ${mb.toFixed(1)} MB, ${nLines} lines`);
console.log(`split lines: ${splitMs.toFixed(0)} ms CPU (${(mb / (splitMs / 1000)).toFixed(0)} MB/s)`);
console.log(`analyze (entities, quotes off): ${analyzeMs.toFixed(0)} ms CPU = ${(mb / (analyzeMs / 1000)).toFixed(1)} MB/s (${(analyzeMs / splitMs).toFixed(1)}x split)`);

if (writeFile) writeGolden(result, writeFile, fs);
if (compareFile) {
  const want = readGolden(compareFile, fs);
  let diff = 0, missing = 0, probDiff = 0;
  for (const [k, v] of want) {
    if (!result.has(k)) { missing++; continue; }
    if (result.get(k) !== v) {
      if (k.endsWith(' probs')) probDiff++;
      else { diff++; if (diff <= 20) console.log(`DIFF ${k}`); }
    }
  }
  console.log(`golden: ${diff} documents with different lines, ${probDiff} with different probability bits, ${missing} not checked (of ${want.size})`);
  process.exitCode = diff ? 1 : 0;
}
