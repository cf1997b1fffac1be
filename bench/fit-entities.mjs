#!/usr/bin/env node
// Fits the entity tagger's weights (averaged perceptron, greedy BIO decoding) on a CoNLL-style jsonl
// ({id,text,entities:[{start,end,type}]}) and writes src/core/entities/model.json (derived weights only:
// feature names and integer weights; no corpus text is stored, only features seen at least --min-count times).
//
// usage: npm run build && node bench/fit-entities.mjs TRAIN.jsonl [--dev DEV.jsonl] [--epochs 10]
//          [--min-count 2] [--out src/core/entities/model.json] [--origin "text for the header"]
//
// The features are computed by the shipped code (dist/core.js -> entityTagger.lineFeatures), so training
// and use cannot drift apart.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require(path.resolve(process.env.SN_CORE || 'dist/core.js'));
const T = core.entityTagger;

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf('--' + name);
  return i >= 0 ? args[i + 1] : def;
};
const trainFile = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--')));
if (!trainFile) {
  console.error('usage: node bench/fit-entities.mjs TRAIN.jsonl [--dev DEV.jsonl] [--epochs 10] [--min-count 2] [--out FILE]');
  process.exit(2);
}
const devFile = opt('dev', null);
const EPOCHS = Number(opt('epochs', 10));
const MIN_COUNT = Number(opt('min-count', 2));
const OUT = opt('out', 'src/core/entities/model.json');
const ORIGIN = opt(
  'origin',
  'Averaged-perceptron weights fitted by bench/fit-entities.mjs on the CoNLL-2003 English training split (eng.train, 946 Reuters documents). Derived feature weights only; no corpus text.',
);

const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'];
const L = LABELS.length;
const LI = Object.fromEntries(LABELS.map((l, i) => [l, i]));

function readJsonl(f) {
  return fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/** Lines of a document with tokens, static features and gold labels. */
function prepare(docs) {
  const out = [];
  let spans = 0, misaligned = 0;
  for (const d of docs) {
    const lines = [];
    let start = 0;
    for (const lineText of d.text.split('\n')) {
      const end = start + lineText.length;
      const tokens = T.tokenize(lineText);
      const gold = new Array(tokens.length).fill(0);
      for (const e of d.entities) {
        if (e.start < start || e.end > end) continue;
        spans++;
        const s = e.start - start, en = e.end - start;
        const ts = tokens.findIndex((t) => t.s === s);
        const te = tokens.findIndex((t) => t.e === en);
        if (ts < 0 || te < 0 || te < ts) { misaligned++; continue; }
        gold[ts] = LI['B-' + e.type];
        for (let k = ts + 1; k <= te; k++) gold[k] = LI['I-' + e.type];
      }
      if (tokens.length) lines.push({ tokens, feats: T.lineFeatures(tokens), gold, lw: tokens.map((t) => t.w.toLowerCase()) });
      start = end + 1;
    }
    out.push({ id: d.id, lines });
  }
  return { docs: out, spans, misaligned };
}

const dyn = (p2, p, lw) => T.dynamicFeatures(p2 < 0 ? '<s>' : LABELS[p2], p < 0 ? '<s>' : LABELS[p], lw);
const allowed = (prev, l) => l === 0 || LABELS[l].startsWith('B-') || (prev >= 0 && LABELS[prev].slice(2) === LABELS[l].slice(2));

const t0 = Date.now();
const train = prepare(readJsonl(trainFile));
console.error(`train: ${train.docs.length} docs, ${train.spans} spans, ${train.misaligned} not on token boundaries (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

// feature dictionary (static + gold-context dynamic features), count cut-off
const counts = new Map();
const bump = (f) => counts.set(f, (counts.get(f) || 0) + 1);
for (const d of train.docs)
  for (const ln of d.lines)
    for (let i = 0; i < ln.tokens.length; i++) {
      for (const f of ln.feats[i]) bump(f);
      for (const f of dyn(i > 1 ? ln.gold[i - 2] : -1, i > 0 ? ln.gold[i - 1] : -1, ln.lw[i])) bump(f);
    }
const names = [];
const index = new Map();
for (const [f, c] of counts) if (c >= MIN_COUNT) { index.set(f, names.length); names.push(f); }
console.error(`features: ${counts.size} seen, ${names.length} kept (count >= ${MIN_COUNT})`);
for (const d of train.docs) for (const ln of d.lines) ln.ids = ln.feats.map((fs_) => Int32Array.from(fs_.map((f) => index.get(f)).filter((x) => x !== undefined)));

const F = names.length;
const w = new Float64Array(F * L);
const u = new Float64Array(F * L);
let c = 1;

function scoreInto(scores, ids, dynIds, weights) {
  scores.fill(0);
  for (const k of ids) { const b = k * L; for (let l = 0; l < L; l++) scores[l] += weights[b + l]; }
  for (const k of dynIds) { const b = k * L; for (let l = 0; l < L; l++) scores[l] += weights[b + l]; }
}
function dynIds(p2, p, lw) {
  const out = [];
  for (const f of dyn(p2, p, lw)) { const k = index.get(f); if (k !== undefined) out.push(k); }
  return out;
}
function decodeLine(ln, weights, learn) {
  const scores = new Float64Array(L);
  const pred = new Array(ln.tokens.length);
  let p = -1, p2 = -1;
  let errors = 0;
  for (let i = 0; i < ln.tokens.length; i++) {
    const di = dynIds(p2, p, ln.lw[i]);
    scoreInto(scores, ln.ids[i], di, weights);
    let best = 0, bs = -Infinity;
    for (let l = 0; l < L; l++) if (allowed(p, l) && scores[l] > bs) { bs = scores[l]; best = l; }
    if (learn) {
      const g = ln.gold[i];
      if (best !== g) {
        errors++;
        for (const k of ln.ids[i]) { w[k * L + g] += 1; u[k * L + g] += c; w[k * L + best] -= 1; u[k * L + best] -= c; }
        for (const k of di) { w[k * L + g] += 1; u[k * L + g] += c; w[k * L + best] -= 1; u[k * L + best] -= c; }
      }
      c++;
      // continue with the gold history? no: greedy with own predictions (as at run time)
    }
    pred[i] = best;
    p2 = p;
    p = best;
  }
  return { pred, errors };
}

function spansOf(labels) {
  const out = [];
  let cur = null;
  labels.forEach((l, i) => {
    const name = LABELS[l];
    if (name.startsWith('I-') && cur && cur.t === name.slice(2)) { cur.e = i + 1; return; }
    if (cur) out.push(cur);
    cur = name === 'O' ? null : { s: i, e: i + 1, t: name.slice(2) };
  });
  if (cur) out.push(cur);
  return out.filter((s) => s.t !== 'MISC');
}

function evaluate(data, weights) {
  let tp = 0, np = 0, ng = 0;
  for (const d of data.docs)
    for (const ln of d.lines) {
      const { pred } = decodeLine(ln, weights, false);
      const g = new Set(spansOf(ln.gold).map((s) => `${s.s}:${s.e}:${s.t}`));
      const p = spansOf(pred).map((s) => `${s.s}:${s.e}:${s.t}`);
      ng += g.size;
      np += p.length;
      for (const x of p) if (g.has(x)) tp++;
    }
  const P = tp / np, R = tp / ng;
  return { P, R, F: (2 * P * R) / (P + R) };
}

let dev = null;
if (devFile) {
  dev = prepare(readJsonl(devFile));
  for (const d of dev.docs) for (const ln of d.lines) ln.ids = ln.feats.map((fs_) => Int32Array.from(fs_.map((f) => index.get(f)).filter((x) => x !== undefined)));
}

function averaged() {
  const a = new Float64Array(F * L);
  for (let i = 0; i < a.length; i++) a[i] = w[i] - u[i] / c;
  return a;
}

// seeded shuffle
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const order = train.docs.map((_, i) => i);
for (let ep = 1; ep <= EPOCHS; ep++) {
  for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
  let errors = 0, toks = 0;
  for (const di of order) for (const ln of train.docs[di].lines) { errors += decodeLine(ln, w, true).errors; toks += ln.tokens.length; }
  let msg = `epoch ${ep}: train token errors ${(errors / toks * 100).toFixed(2)}%`;
  if (dev) { const r = evaluate(dev, averaged()); msg += `  dev (line-level, no doc pass) P ${r.P.toFixed(4)} R ${r.R.toFixed(4)} F ${r.F.toFixed(4)}`; }
  console.error(msg + ` (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

const avg = averaged();
const SCALE = 100;
const keptNames = [];
const weights = [];
for (let k = 0; k < F; k++) {
  const row = [];
  let nz = false;
  for (let l = 0; l < L; l++) { const v = Math.round(avg[k * L + l] * SCALE); row.push(v); if (v !== 0) nz = true; }
  if (!nz) continue;
  keptNames.push(names[k]);
  weights.push(...row);
}
const model = { origin: ORIGIN, labels: LABELS, scale: SCALE, features: keptNames, weights };
fs.writeFileSync(OUT, JSON.stringify(model));
console.error(`wrote ${OUT}: ${keptNames.length} features, ${(fs.statSync(OUT).size / 1e6).toFixed(2)} MB`);
