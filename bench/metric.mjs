#!/usr/bin/env node
// 4-gram shingle F1 (the article-extraction-benchmark metric), our own implementation.
// tokens = maximal runs of letters, numbers and '_' (Python's re \w+); each text -> multiset of 4-token
// shingles (a text of 1-3 tokens has one shorter shingle); per document tp/fp/fn are the multiset overlap and
// excesses, normalised to sum 1; corpus P = mean P over docs with predicted shingles, R = mean R over docs with
// gold shingles, F1 = 2PR/(P+R).
//
//   node bench/metric.mjs GOLD_DIR PRED_DIR            prints F1/P/R
//   node bench/metric.mjs --check GOLD_DIR PRED_DIR [--scorer PATH_TO_score.mjs]
//        also runs the reference scorer (default ../shared/bench/score.mjs, relative to the current directory)
//        on the same dirs and fails unless F1, P and R agree to 3 decimals.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokens(text) {
  return text ? text.match(TOKEN) ?? [] : [];
}

export function shingles(toks, n = 4) {
  const m = new Map();
  if (toks.length === 0) return m;
  const last = toks.length <= n ? 1 : toks.length - n + 1;
  for (let i = 0; i < last; i++) {
    const key = toks.slice(i, i + n).join('\u0001');
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return m;
}

/** {tp, fp, fn} normalised to sum 1 (all 0 when neither text has tokens), plus per-doc P, R, F1. */
export function scoreDoc(gold, pred) {
  const g = shingles(tokens(gold));
  const p = shingles(tokens(pred));
  let tp = 0, fp = 0, fn = 0;
  for (const [k, c] of g) {
    const d = p.get(k) ?? 0;
    tp += Math.min(c, d);
    fn += Math.max(0, c - d);
  }
  for (const [k, c] of p) fp += Math.max(0, c - (g.get(k) ?? 0));
  const s = tp + fp + fn;
  if (s > 0) { tp /= s; fp /= s; fn /= s; }
  const perfect = fp === 0 && fn === 0;
  const P = perfect ? 1 : tp + fp > 0 ? tp / (tp + fp) : null;
  const R = perfect ? 1 : tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 = (P ?? 0) + (R ?? 0) > 0 ? (2 * (P ?? 0) * (R ?? 0)) / ((P ?? 0) + (R ?? 0)) : 0;
  return { tp, fp, fn, precision: P, recall: R, f1, hasPred: tp + fp > 0, hasGold: tp + fn > 0 };
}

export function corpusScore(perDoc) {
  let ps = 0, np = 0, rs = 0, nr = 0;
  for (const d of perDoc) {
    if (d.hasPred) { ps += d.precision; np++; }
    if (d.hasGold) { rs += d.recall; nr++; }
  }
  const precision = np ? ps / np : NaN;
  const recall = nr ? rs / nr : NaN;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, n: perDoc.length };
}

/** Score every GOLD_DIR/*.txt against PRED_DIR/<same name> (missing prediction = empty). */
export function scoreDirs(goldDir, predDir) {
  const names = readdirSync(goldDir).filter((f) => f.endsWith('.txt')).sort();
  const docs = names.map((name) => {
    const gold = readFileSync(join(goldDir, name), 'utf8');
    const pp = join(predDir, name);
    const pred = existsSync(pp) && statSync(pp).isFile() ? readFileSync(pp, 'utf8') : '';
    return { id: name.replace(/\.txt$/, ''), ...scoreDoc(gold, pred) };
  });
  return { ...corpusScore(docs), docs };
}

const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'nan');

async function main(argv) {
  const check = argv.includes('--check');
  let scorer = '../shared/bench/score.mjs';
  const pos = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') continue;
    if (argv[i] === '--scorer') scorer = argv[++i];
    else pos.push(argv[i]);
  }
  if (pos.length !== 2) {
    console.error('usage: node bench/metric.mjs [--check [--scorer score.mjs]] GOLD_DIR PRED_DIR');
    process.exit(2);
  }
  const mine = scoreDirs(pos[0], pos[1]);
  console.log(`metric.mjs  F1 ${f3(mine.f1)}  P ${f3(mine.precision)}  R ${f3(mine.recall)}  (${mine.n} docs)`);
  if (!check) return;
  const ref = await import(pathToFileURL(resolve(scorer)).href);
  const { docs } = ref.loadDirs(pos[0], pos[1]);
  const r = ref.scoreTexts(docs, { nBootstrap: 0 });
  console.log(`score.mjs   F1 ${f3(r.f1)}  P ${f3(r.precision)}  R ${f3(r.recall)}  (${r.n} docs)`);
  const same = f3(r.f1) === f3(mine.f1) && f3(r.precision) === f3(mine.precision) && f3(r.recall) === f3(mine.recall);
  let maxDiff = 0;
  const byId = new Map(r.docs.map((d) => [d.id, d]));
  for (const d of mine.docs) maxDiff = Math.max(maxDiff, Math.abs(d.f1 - byId.get(d.id).f1));
  console.log(`${same ? 'AGREE' : 'DISAGREE'} to 3 decimals; largest per-document F1 difference ${maxDiff.toExponential(2)}`);
  if (!same || maxDiff > 1e-9) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main(process.argv.slice(2));
