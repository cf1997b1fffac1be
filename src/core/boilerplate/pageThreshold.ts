/**
 * The page's decision threshold: instead of one threshold for every page, each page (each call of the document
 * pass) keeps the lines whose model probability p is at least the threshold that maximises the page's *expected*
 * precision + recall, the two figures the article-extraction metric averages over pages.
 *
 * With q_j the probability that line j is article (the model's, recalibrated for the expectations:
 * q = σ(a·logit(p) + b)) and w_j its weight (words + 1: the metric counts word 4-grams), keeping S = {p_j ≥ t}:
 *   TP = Σ_S q w (expected article weight kept), K = Σ_S w, G = Σ_all q w (expected article weight of the page)
 *   expected precision = TP / K
 *   expected recall, two ways, mixed with weight mu:
 *     lines independent:   TP / G
 *     the dropped lines one block (a headline list, a comment thread: they are article or noise together), article
 *     with probability π = (G − TP) / W_D, W_D their weight:  π · TP / (TP + W_D) + (1 − π)
 * The independent estimate alone, on a short article beside a long list the model is unsure about, counts the
 * list's expected words as recall lost and keeps the list; the lines of such a list go together, and the block
 * estimate knows that dropping them loses nothing in the likelier case that they are noise.
 * t is the best of lo, lo + step, …, hi (the lowest of equal ones). The caller gives weight 0 to the lines this
 * threshold does not decide: those of a rule, a user pattern or a meta pattern, and the repeated lines (duplicates,
 * folder templates), which keep the model's fixed threshold (labelLines in index.ts).
 *
 * Allocation-free apart from two scratch arrays reused by every call: a histogram of the lines over the candidates,
 * swept once from the highest (O(lines + candidates)).
 */
import { sigmoid } from './model';

export interface PageDecode {
  /** Recalibration of the model's logit for the expectations: q = σ(a·z + b). */
  a: number;
  b: number;
  /** Weight of the block estimate of the recall (0: lines independent). */
  mu: number;
  /** The candidate thresholds: lo, lo + step, …, up to hi. */
  lo: number;
  hi: number;
  step: number;
}

let binW = new Float64Array(0);
let binQ = new Float64Array(0);

/** The i-th candidate threshold (the decision compares p ≥ this very number). */
function candidate(d: PageDecode, i: number): number {
  return d.lo + i * d.step;
}

/** The last candidate's index. */
function lastCandidate(d: PageDecode): number {
  return Math.max(0, Math.floor((d.hi - d.lo) / d.step + 1e-9));
}

function recalibrated(d: PageDecode, p: number): number {
  return sigmoid(d.a * Math.log(p / (1 - p)) + d.b); // logit ±Infinity at 1 and 0: q is then 1 or 0
}

/** Expected precision + recall of keeping weight `kw` with expected article weight `kq`, on a page of weight `wt` and expected article weight `g`. */
function value(d: PageDecode, kw: number, kq: number, wt: number, g: number): number {
  if (kw <= 0) return 0;
  const wd = wt - kw;
  const pi = wd > 0 ? Math.min(1, Math.max(0, g - kq) / wd) : 0;
  const block = kq > 0 ? (pi * kq) / (kq + wd) + (1 - pi) : 0;
  return kq / kw + (1 - d.mu) * (kq / g) + d.mu * block;
}

/**
 * The threshold for one page. `p`: the model's probabilities of the page's non-blank lines; `w`: their weights
 * (0: not decided by the model); `fallback` when no line has weight or every q is 0.
 */
export function pageThreshold(p: ArrayLike<number>, w: ArrayLike<number>, d: PageDecode, fallback: number): number {
  const K = lastCandidate(d);
  if (binW.length < K + 1) { binW = new Float64Array(K + 1); binQ = new Float64Array(K + 1); }
  binW.fill(0, 0, K + 1);
  binQ.fill(0, 0, K + 1);
  let g = 0, wt = 0;
  const n = p.length;
  const lo = candidate(d, 0);
  for (let j = 0; j < n; j++) {
    const x = w[j];
    if (x <= 0) continue;
    const pj = p[j];
    const q = recalibrated(d, pj);
    g += q * x;
    wt += x;
    if (!(pj >= lo)) continue; // kept by no candidate
    // the highest candidate this line passes
    let m = Math.min(K, Math.floor((pj - d.lo) / d.step));
    while (m < K && candidate(d, m + 1) <= pj) m++;
    while (m > 0 && candidate(d, m) > pj) m--;
    binW[m] += x;
    binQ[m] += q * x;
  }
  if (!(g > 0)) return fallback;
  let best = fallback, bestV = -1, kw = 0, kq = 0;
  for (let i = K; i >= 0; i--) {
    kw += binW[i];
    kq += binQ[i];
    const v = value(d, kw, kq, wt, g);
    if (v >= bestV - 1e-12) { if (v > bestV) bestV = v; best = candidate(d, i); }
  }
  return best;
}
