#!/usr/bin/env node
// Trains the two-stage logistic regression (+ boosted trees) of src/core/boilerplate (weights.json) from corpora of
// dumps + gold, and evaluates it on corpora it was not trained on.
//
//   node bench/train-boilerplate.mjs --train DIR [DIR...] [--eval DIR...] [--out FILE] [--no-write]
//     --train: corpora whose lines train the model (each DIR has dumps/ and gold/)
//     --eval:  corpora scored with the trained weights (cleaned in memory, scored with bench/metric.mjs)
//     --out:   where to write the weights (default src/core/boilerplate/weights.json unless --no-write)
//     --threshold T: decision threshold written with the weights (default 0.5)
//     --decode A,B,MU,LO,HI[,STEP]: a threshold per page instead (src/core/boilerplate/pageThreshold.ts): the
//       candidate LO, LO+STEP, ..., HI (STEP default 0.025) that maximises the page's expected precision + recall,
//       with the model's probabilities recalibrated as sigma(A*logit + B) for the expectations and MU the weight of
//       the block estimate of the recall. Written with the weights (the fixed --threshold stays the fallback and
//       the trees' gate centre). Shipped: --decode 0.7,0,0.5,0.1,0.7
//     --try-thresholds 0.4,0.5: score the training corpora at these thresholds (in-sample) before writing
//     --trees N [--depth 4] [--rate 0.1] [--gate M]: N boosted oblivious trees on the residuals of the stage-2
//       regression (logistic loss), fitted only on (and later applied only to) lines whose regression logit is
//       within M of the threshold's logit (M = 0: all lines). Shipped: --trees 40 --rate 0.25 --gate 3 --threshold 0.4
//     --drop f1,f2: zero these stage-1 features in training (ablation: the model then gives them no weight)
//     --quick: score --eval corpora with templates only (skip the no-templates run)
//     --seed S: seed of the trees' row subsampling (default 12345; other seeds show the run-to-run spread)
//     --augment-clean W: for every training document also train on its "clean twin": the document's article lines
//       only (gold label 1, in order, one blank line wherever the original had blank lines between two of them, the
//       original's final line ending kept: what clean() outputs with a perfect classifier), featurised without
//       folder templates, every line labelled article, weighing W times the original document (default 0: none).
//       It teaches the model that already-clean text is article (the settle step re-classifies cleaned text).
//     --weigh gold: scale each document by dump tokens / gold tokens (capped at 10, relative to its corpus's mean),
//       as the metric divides a document's errors by its gold text (tried: not shipped, see BENCHMARKS.md)
//   The module also exports loadCore/loadCorpus/train/evaluate for experiment scripts (train() accepts
//   opts.stage1Cache, a Map, to reuse stage 1 across runs that change only stage 2 or the trees, and
//   opts.stage2Cache, a Map, to reuse stage 2 as well across runs that change only the trees or their seed).
//
// Line labels come from the gold: a dump token is "in the article" when a 4-token window of the dump's token
// stream that contains it (windows may span line breaks, so fragments split at links are judged in context)
// is a shingle of the gold; a line is article when at least half of its tokens are. Each document weighs the
// same (as in the metric); a line weighs (tokens + 1) within its document. Half of the documents (by a hash
// of the name) are featurised with the corpus's template index, half without, so the model works with and
// without folder templates. Only derived numbers (means, deviations, weights) are written; no corpus text.
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, basename, resolve, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { tokens, scoreDoc, corpusScore } from './metric.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const WEIGHTS = join(root, 'src/core/boilerplate/weights.json');

function args(argv) {
  const o = { train: [], eval: [], out: WEIGHTS, write: true, l2: 3e-4, iters: 400, threshold: 0.5, thresholds: [], trees: 0, depth: 4, rate: 0.1, gate: 0 };
  let cur = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--train') cur = o.train;
    else if (a === '--eval') cur = o.eval;
    else if (a === '--out') o.out = argv[++i];
    else if (a === '--no-write') o.write = false;
    else if (a === '--iters') o.iters = Number(argv[++i]);
    else if (a === '--l2') o.l2 = Number(argv[++i]);
    else if (a === '--threshold') o.threshold = Number(argv[++i]);
    else if (a === '--trees') o.trees = Number(argv[++i]);
    else if (a === '--drop') o.drop = argv[++i].split(',');
    else if (a === '--quick') o.quick = true;
    else if (a === '--depth') o.depth = Number(argv[++i]);
    else if (a === '--rate') o.rate = Number(argv[++i]);
    else if (a === '--gate') o.gate = Number(argv[++i]);
    else if (a === '--weigh') o.weigh = argv[++i];
    else if (a === '--augment-clean') o.augmentClean = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--decode') o.decode = parseDecode(argv[++i]);
    else if (a === '--try-thresholds') o.thresholds = argv[++i].split(',').map(Number);
    else if (a.startsWith('--')) { console.error(`unknown flag ${a}`); process.exit(2); }
    else if (cur) cur.push(a);
    else { console.error(`unexpected ${a}`); process.exit(2); }
  }
  if (!o.train.length) { console.error('usage: node bench/train-boilerplate.mjs --train DIR... [--eval DIR...] [--out FILE] [--no-write]'); process.exit(2); }
  return o;
}

/** `--decode A,B,MU,LO,HI[,STEP]` as weights.json's `decode` (exits with a usage line when malformed). */
export function parseDecode(s) {
  const v = String(s).split(',').map(Number);
  if ((v.length !== 5 && v.length !== 6) || v.some((x) => !Number.isFinite(x)) || v[2] < 0 || v[2] > 1 || v[3] >= v[4] || (v[5] ?? 0.025) <= 0) {
    console.error('--decode A,B,MU,LO,HI[,STEP]: five or six numbers, 0 <= MU <= 1, LO < HI, STEP > 0');
    process.exit(2);
  }
  return { a: v[0], b: v[1], mu: v[2], lo: v[3], hi: v[4], step: v[5] ?? 0.025 };
}

export async function loadCore() {
  if (!existsSync(WEIGHTS)) {
    writeFileSync(WEIGHTS, JSON.stringify({ origin: 'placeholder', threshold: 0.5, stage1: { names: [], mean: [], std: [], w: [] }, stage2: { names: [], mean: [], std: [], w: [] } }));
  }
  const outfile = join(root, 'bench/.scratch/train-core.cjs');
  mkdirSync(dirname(outfile), { recursive: true });
  await esbuild.build({
    stdin: {
      contents: "export * from './src/core/index.ts'; export * from './src/core/boilerplate/index.ts'; export { splitLines } from './src/core/lines.ts';",
      resolveDir: root, loader: 'ts',
    },
    bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}

function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); }
  return h >>> 0;
}

/** Per non-blank line: share of its tokens covered by gold shingles (windows across line breaks). */
function lineCoverage(lineTexts, gold) {
  const g = new Set();
  const gt = tokens(gold);
  for (let i = 0; i + 4 <= gt.length; i++) g.add(gt.slice(i, i + 4).join('\u0001'));
  if (gt.length > 0 && gt.length < 4) g.add(gt.join('\u0001'));
  const stream = [], owner = [];
  lineTexts.forEach((t, li) => { for (const tok of tokens(t)) { stream.push(tok); owner.push(li); } });
  const covered = new Uint8Array(stream.length);
  for (let i = 0; i + 4 <= stream.length; i++) {
    if (g.has(stream.slice(i, i + 4).join('\u0001'))) covered.fill(1, i, i + 4);
  }
  const tot = new Float64Array(lineTexts.length), cov = new Float64Array(lineTexts.length);
  for (let i = 0; i < stream.length; i++) { tot[owner[i]]++; cov[owner[i]] += covered[i]; }
  return { tot, cov };
}

let dropCols = [];

/**
 * The clean twin of a loaded document (see --augment-clean): its article lines (y = 1) as the text clean() would
 * make of them, featurised as loadCorpus does (no templates), all labelled article, weighing `weight` times the
 * original. Null when the document has no article line.
 */
function cleanTwin(core, doc, text, raw, weight) {
  const parts = [];
  let prev = -1;
  for (let j = 0; j < doc.nb.length; j++) {
    if (!doc.y[j]) continue;
    const i = doc.nb[j];
    if (prev >= 0) {
      let blank = false;
      for (let b = prev + 1; b < i && !blank; b++) blank = doc.feats[b].blank;
      if (blank) parts.push('');
    }
    let end = raw[i].end;
    while (end > raw[i].start && /[ \t\u00a0]/.test(text[end - 1])) end--;
    parts.push(text.slice(raw[i].start, end));
    prev = i;
  }
  if (prev < 0) return null;
  const last = text.length ? text.charCodeAt(text.length - 1) : 0;
  const t = parts.join('\n') + (last === 10 || last === 13 ? '\n' : '');
  const r2 = core.splitLines(t);
  const feats = r2.map((r) => core.lineFeatures(t.slice(r.start, r.end)));
  const nb = [];
  feats.forEach((f, i) => { if (!f.blank) nb.push(i); });
  const ctx = core.templateContext(feats, nb, null);
  const y = new Float64Array(nb.length).fill(1), w = new Float64Array(nb.length);
  let sw = 0;
  for (let j = 0; j < nb.length; j++) { w[j] = tokens(t.slice(r2[nb[j]].start, r2[nb[j]].end)).length + 1; sw += w[j]; }
  for (let j = 0; j < nb.length; j++) w[j] = (w[j] / (sw || 1)) * weight;
  const s1 = core.stage1Vectors(feats, nb, ctx);
  for (const k of dropCols) for (const v of s1) v[k] = 0;
  // same name and corpus: the same cross-fitting fold as the original; `twin` keeps it out of the corpus's count
  return { name: doc.name, corpus: doc.corpus, feats, nb, ctx, y, w, s1, ratio: doc.ratio, twin: weight };
}

export function loadCorpus(core, dir, { withTemplates = 'half', augmentClean = 0 } = {}) {
  const names = readdirSync(join(dir, 'gold')).filter((f) => f.endsWith('.txt')).sort();
  const texts = names.map((n) => readFileSync(join(dir, 'dumps', n), 'utf8'));
  const golds = names.map((n) => readFileSync(join(dir, 'gold', n), 'utf8'));
  const tpl = core.buildTemplateIndex(texts);
  const docs = [];
  names.forEach((name, d) => {
    const text = texts[d];
    const raw = core.splitLines(text);
    const feats = raw.map((r) => core.lineFeatures(text.slice(r.start, r.end)));
    const nb = [];
    feats.forEach((f, i) => { if (!f.blank) nb.push(i); });
    const use = withTemplates === 'all' || (withTemplates === 'half' && hash(name) % 2 === 0);
    const ctx = core.templateContext(feats, nb, use ? tpl : null);
    const { tot, cov } = lineCoverage(nb.map((i) => text.slice(raw[i].start, raw[i].end)), golds[d]);
    const y = new Float64Array(nb.length), w = new Float64Array(nb.length);
    let sw = 0;
    for (let j = 0; j < nb.length; j++) {
      y[j] = tot[j] > 0 && cov[j] / tot[j] >= 0.5 ? 1 : 0;
      w[j] = tot[j] + 1;
      sw += w[j];
    }
    for (let j = 0; j < nb.length; j++) w[j] /= sw || 1;
    // the metric divides a document's errors by its gold (and kept) text, not by the dump: --weigh gold scales the
    // document by dump tokens / gold tokens (capped at 10), so a token weighs alike in every document
    const goldTokens = tokens(golds[d]).length;
    const ratio = Math.min(10, sw / (goldTokens + 1));
    const s1 = core.stage1Vectors(feats, nb, ctx);
    for (const k of dropCols) for (const v of s1) v[k] = 0; // ablation (--drop): a constant column gets no weight
    const doc = { name, corpus: basename(resolve(dir)), feats, nb, ctx, y, w, s1, ratio };
    docs.push(doc);
    if (augmentClean > 0) { const tw = cleanTwin(core, doc, text, raw, augmentClean); if (tw) docs.push(tw); }
  });
  return docs;
}

/** Weighted logistic regression, standardised inputs (column 0 = bias), full-batch Adam. */
function fitLogReg(X, y, w, names, { l2, iters }) {
  const d = X[0].length, n = X.length;
  const mean = new Array(d).fill(0), std = new Array(d).fill(1);
  let W = 0;
  for (let i = 0; i < n; i++) { W += w[i]; for (let k = 1; k < d; k++) mean[k] += w[i] * X[i][k]; }
  for (let k = 1; k < d; k++) mean[k] /= W;
  const v = new Array(d).fill(0);
  for (let i = 0; i < n; i++) for (let k = 1; k < d; k++) v[k] += w[i] * (X[i][k] - mean[k]) ** 2;
  for (let k = 1; k < d; k++) std[k] = Math.sqrt(v[k] / W) || 1;
  mean[0] = 0; std[0] = 1;
  // one flat row-major matrix (same sums in the same order as one array per row, ~3x faster)
  const Z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) { const x = X[i], o = i * d; Z[o] = 1; for (let k = 1; k < d; k++) Z[o + k] = (x[k] - mean[k]) / std[k]; }
  const beta = new Float64Array(d), m1 = new Float64Array(d), m2 = new Float64Array(d);
  const lr = 0.05, b1 = 0.9, b2 = 0.999;
  for (let t = 1; t <= iters; t++) {
    const g = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      const o = i * d;
      let s = 0;
      for (let k = 0; k < d; k++) s += beta[k] * Z[o + k];
      const p = 1 / (1 + Math.exp(-s));
      const e = w[i] * (p - y[i]);
      for (let k = 0; k < d; k++) g[k] += e * Z[o + k];
    }
    for (let k = 0; k < d; k++) {
      const gk = g[k] / W + (k ? l2 * beta[k] : 0);
      m1[k] = b1 * m1[k] + (1 - b1) * gk;
      m2[k] = b2 * m2[k] + (1 - b2) * gk * gk;
      beta[k] -= (lr * (m1[k] / (1 - b1 ** t))) / (Math.sqrt(m2[k] / (1 - b2 ** t)) + 1e-8);
    }
  }
  const r = (x) => Math.round(x * 1e5) / 1e5;
  return { names: [...names], mean: mean.map(r), std: std.map(r), w: [...beta].map(r) };
}

/**
 * Boosted oblivious trees (logistic loss, Newton leaf values) on the residuals of a base margin (the stage-2
 * logistic regression's logit). Features are pre-binned at up to 32 weighted quantiles; each level of a tree
 * picks the (feature, cut) with the best gain summed over the current leaves. Rows are subsampled per tree.
 */
function fitBoost(X, y, w, base, { trees, depth, rate, lambda, minLeaf, sub, seed: seed0 = 12345 }) {
  const n = X.length, d = X[0].length, L = 1 << depth, NB = 32;
  // cut points per feature: distinct weighted quantiles
  const cuts = [], bins = [];
  const idx = new Int32Array(n);
  for (let k = 0; k < d; k++) {
    for (let i = 0; i < n; i++) idx[i] = i;
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = X[i][k];
    const order = Array.from(idx).sort((a, b) => col[a] - col[b]);
    const c = [];
    if (col[order[0]] !== col[order[n - 1]]) {
      for (let q = 1; q < NB; q++) {
        const v = col[order[Math.floor((q * n) / NB)]];
        if (v < col[order[n - 1]] && (c.length === 0 || v > c[c.length - 1])) c.push(v);
      }
      if (!c.length) c.push(col[order[0]]);
    }
    cuts.push(c);
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) { let j = 0; while (j < c.length && col[i] > c[j]) j++; b[i] = j; }
    bins.push(b);
  }
  let W = 0;
  for (let i = 0; i < n; i++) W += w[i];
  const ww = Float64Array.from(w, (x) => (x * n) / W); // mean weight 1, so lambda/minLeaf are in "lines"
  const F = Float64Array.from(base);
  const g = new Float64Array(n), h = new Float64Array(n), leaf = new Int32Array(n), use = new Uint8Array(n);
  const out = { depth, f: [], t: [], v: [] };
  let seed = seed0;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let r = 0; r < trees; r++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-F[i]));
      g[i] = ww[i] * (p - y[i]);
      h[i] = ww[i] * Math.max(p * (1 - p), 1e-6);
      leaf[i] = 0;
      use[i] = rnd() < sub ? 1 : 0;
    }
    for (let lev = 0; lev < depth; lev++) {
      const nl = 1 << lev;
      let best = -Infinity, bk = -1, bb = -1;
      const G = new Float64Array(nl * (NB + 1)), H = new Float64Array(nl * (NB + 1));
      for (let k = 0; k < d; k++) {
        const c = cuts[k];
        if (!c.length) continue;
        G.fill(0); H.fill(0);
        const bk_ = bins[k];
        for (let i = 0; i < n; i++) {
          if (!use[i]) continue;
          const o = leaf[i] * (NB + 1) + bk_[i];
          G[o] += g[i]; H[o] += h[i];
        }
        // totals per leaf
        const GT = new Float64Array(nl), HT = new Float64Array(nl);
        for (let l = 0; l < nl; l++) for (let b = 0; b <= c.length; b++) { GT[l] += G[l * (NB + 1) + b]; HT[l] += H[l * (NB + 1) + b]; }
        const GLc = new Float64Array(nl), HLc = new Float64Array(nl);
        for (let b = 0; b < c.length; b++) {
          let gain = 0, ok = true;
          for (let l = 0; l < nl; l++) {
            GLc[l] += G[l * (NB + 1) + b]; HLc[l] += H[l * (NB + 1) + b];
            const gl = GLc[l], hl = HLc[l], gr = GT[l] - gl, hr = HT[l] - hl;
            gain += (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - (GT[l] * GT[l]) / (HT[l] + lambda);
          }
          if (ok && gain > best) { best = gain; bk = k; bb = b; }
        }
      }
      if (bk < 0) { bk = 0; bb = 0; }
      out.f.push(bk);
      out.t.push(cuts[bk].length ? cuts[bk][bb] : 0);
      const bkb = bins[bk];
      for (let i = 0; i < n; i++) leaf[i] = (leaf[i] << 1) | (bkb[i] > bb ? 1 : 0);
    }
    const GS = new Float64Array(L), HS = new Float64Array(L);
    for (let i = 0; i < n; i++) if (use[i]) { GS[leaf[i]] += g[i]; HS[leaf[i]] += h[i]; }
    const vals = [];
    for (let l = 0; l < L; l++) vals.push(HS[l] >= minLeaf ? Math.round((-rate * GS[l]) / (HS[l] + lambda) * 1e5) / 1e5 : 0);
    out.v.push(...vals);
    for (let i = 0; i < n; i++) F[i] += vals[leaf[i]];
  }
  return out;
}

function gather(docs, key, corpusWeight, weigh) {
  const X = [], y = [], w = [];
  for (const doc of docs) {
    const cw = corpusWeight.get(doc.corpus) * (weigh === 'gold' ? doc.rw : 1);
    doc[key].forEach((v, j) => { X.push(v); y.push(doc.y[j]); w.push(doc.w[j] * cw); });
  }
  return { X, y, w };
}

export function train(core, docs, opts) {
  // each corpus weighs in proportion to sqrt(#docs) so a small corpus (one portal set) still counts
  const per = new Map();
  for (const d of docs) if (!d.twin) per.set(d.corpus, (per.get(d.corpus) ?? 0) + 1);
  const cw = new Map([...per].map(([c, k]) => [c, Math.sqrt(k) / k]));
  if (opts.weigh === 'gold') {
    // within a corpus, relative to the corpus's mean ratio (the corpora keep their total weights)
    const sum = new Map();
    for (const d of docs) if (!d.twin) sum.set(d.corpus, (sum.get(d.corpus) ?? 0) + d.ratio);
    for (const d of docs) d.rw = (d.ratio * per.get(d.corpus)) / sum.get(d.corpus);
  }
  const s1names = core.STAGE1_NAMES, s2names = [...core.STAGE1_NAMES, ...core.STAGE2_EXTRA];
  // stage 1 with 2-fold cross-fitting so stage 2 learns from honest stage-1 outputs
  const fold = (d) => hash(d.name + d.corpus) % 2;
  const z1of = (m, d) => d.s1.map((v) => core.logit(m, v));
  // experiments that change only stage 2 or the trees may pass a Map to reuse stage 1 (same docs, same settings)
  const twins = docs.reduce((a, d) => a + (d.twin ?? 0), 0);
  const key = `${docs.length}:${docs[0]?.corpus}:${docs.at(-1)?.corpus}:${opts.l2}:${opts.iters}:${opts.weigh}:${twins}`;
  const hit = opts.stage1Cache?.get(key);
  let stage1;
  if (hit) {
    docs.forEach((d, i) => { d.z1 = hit.z1[i]; });
    stage1 = hit.stage1;
  } else {
    for (const f of [0, 1]) {
      const tr = docs.filter((d) => fold(d) !== f);
      const { X, y, w } = gather(tr, 's1', cw, opts.weigh);
      const m = fitLogReg(X, y, w, s1names, opts);
      for (const d of docs) if (fold(d) === f) d.z1 = z1of(m, d);
    }
    const { X, y, w } = gather(docs, 's1', cw, opts.weigh);
    stage1 = fitLogReg(X, y, w, s1names, opts);
    opts.stage1Cache?.set(key, { stage1, z1: docs.map((d) => d.z1) });
  }
  for (const d of docs) d.s2 = core.stage2Vectors(d.s1, d.z1, d.nb.map((i) => d.feats[i].words));
  for (const k of opts.drop2idx ?? []) for (const d of docs) for (const v of d.s2) v[k] = 0; // ablation of stage-2 columns
  const g2 = gather(docs, 's2', cw, opts.weigh);
  // stage 2 does not depend on the trees' settings: runs that change only those may reuse it (opts.stage2Cache)
  const key2 = `${key}:${(opts.drop2idx ?? []).join()}`;
  let stage2 = opts.stage2Cache?.get(key2);
  if (!stage2) { stage2 = fitLogReg(g2.X, g2.y, g2.w, s2names, opts); opts.stage2Cache?.set(key2, stage2); }
  if (!opts.trees) return { stage1, stage2 };
  const base = g2.X.map((v) => core.logit(stage2, v));
  const t0 = Date.now();
  // gate: the trees only see (and later only refine) the lines whose regression logit is near the threshold's
  const centre = Math.log(opts.threshold / (1 - opts.threshold)), margin = opts.gate;
  const keep = base.map((z) => !margin || (z > centre - margin && z < centre + margin));
  const sel = (a) => a.filter((_, i) => keep[i]);
  const boost = fitBoost(sel(g2.X), sel(g2.y), sel(g2.w), sel(base), { trees: opts.trees, depth: opts.depth, rate: opts.rate, lambda: 20, minLeaf: 5, sub: 0.5, seed: opts.seed });
  if (margin) boost.gate = { centre: Math.round(centre * 1e5) / 1e5, margin };
  console.log(`boosted ${opts.trees} trees of depth ${opts.depth} on ${keep.filter(Boolean).length} of ${base.length} lines in ${Date.now() - t0} ms`);
  return { stage1, stage2, boost };
}

export function evaluate(core, dir, { templates = true } = {}) {
  const names = readdirSync(join(dir, 'gold')).filter((f) => f.endsWith('.txt')).sort();
  const texts = names.map((n) => readFileSync(join(dir, 'dumps', n), 'utf8'));
  const tpl = templates ? core.buildTemplateIndex(texts) : null;
  const per = names.map((n, d) => {
    const a = core.analyze(texts[d], { quotes: false, entities: false, templates: tpl });
    return scoreDoc(readFileSync(join(dir, 'gold', n), 'utf8'), core.clean(texts[d], a));
  });
  return { ...corpusScore(per), per };
}

const f3 = (x) => x.toFixed(3);

async function main() {
  const o = args(process.argv.slice(2));
  const core = await loadCore();
  const t0 = Date.now();
  dropCols = (o.drop ?? []).map((name) => {
    const k = core.STAGE1_NAMES.indexOf(name);
    if (k < 0) { console.error(`--drop: no stage-1 feature ${name}`); process.exit(2); }
    return k;
  });
  const docs = o.train.flatMap((dir) => loadCorpus(core, dir, { augmentClean: o.augmentClean ?? 0 }));
  console.log(`loaded ${docs.length} documents, ${docs.reduce((a, d) => a + d.nb.length, 0)} lines in ${Date.now() - t0} ms`);
  const m = train(core, docs, o);
  const weights = {
    origin: `Trained by bench/train-boilerplate.mjs on ${o.train.map((d) => basename(resolve(d))).join(', ')} ` +
      `(line labels from gold 4-gram coverage; derived numbers only, no corpus text). L2 ${o.l2}, ${o.iters} Adam steps, ` +
      `${o.augmentClean ? `clean twins of the documents at weight ${o.augmentClean}, ` : ''}${o.trees ? `${o.trees} boosted trees of depth ${o.depth} (rate ${o.rate}${o.gate ? `, on lines within ${o.gate} of the threshold's logit` : ''}), ` : ''}threshold ${o.threshold}${o.decode ? `, a threshold per page (expected precision + recall, q = sigma(${o.decode.a} logit + ${o.decode.b}), block weight ${o.decode.mu}, candidates ${o.decode.lo}..${o.decode.hi} by ${o.decode.step})` : ''}.`,
    threshold: o.threshold,
    ...m,
    ...(o.decode ? { decode: o.decode } : {}),
  };
  core.setModelWeights(weights);
  for (const thr of o.thresholds) {
    weights.threshold = thr;
    core.setModelWeights(weights);
    const rs = o.train.map((dir) => evaluate(core, dir));
    console.log(`threshold ${thr}: ` + o.train.map((d, i) => `${basename(resolve(d))} ${f3(rs[i].f1)}`).join('  '));
  }
  if (o.thresholds.length) weights.threshold = o.threshold;
  core.setModelWeights(weights);
  for (const dir of o.eval) {
    const r = evaluate(core, dir);
    const r0 = o.quick ? { f1: NaN, precision: NaN, recall: NaN } : evaluate(core, dir, { templates: false });
    console.log(`${basename(resolve(dir)).padEnd(16)} F1 ${f3(r.f1)} P ${f3(r.precision)} R ${f3(r.recall)}   no templates: F1 ${f3(r0.f1)} P ${f3(r0.precision)} R ${f3(r0.recall)}`);
  }
  if (o.write) {
    writeFileSync(o.out, JSON.stringify(weights, null, 1) + '\n');
    console.log(`wrote ${o.out}`);
  }
  const top = m.stage2.names.map((n, k) => [n, m.stage2.w[k]]).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 12);
  console.log('stage 2 largest weights: ' + top.map(([n, x]) => `${n} ${x.toFixed(2)}`).join(', '));
}

// run as a script; imported (experiments), only the functions
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
