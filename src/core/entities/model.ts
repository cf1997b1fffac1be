/**
 * Greedy left-to-right token tagger (averaged perceptron, BIO labels) over the features of features.ts.
 * The weights are in model.json, written by bench/fit-entities.mjs from the CoNLL-2003 training split
 * (derived weights only; see README.md in this folder).
 */
import raw from './model.json';
import type { Token } from './tokenize';
import { lineFeatures } from './features';

export interface ModelJson {
  origin: string;
  labels: string[];
  features: string[];
  /** Dense, features.length * labels.length integers (weight * scale), row per feature. */
  weights: number[];
  scale: number;
}

export interface Model {
  labels: string[];
  /** Entity type of each label ('' for O), and whether it begins a span. */
  type: string[];
  begin: boolean[];
  index: Map<string, number>;
  w: Float32Array;
  L: number;
}

let model: Model | null = null;

export function buildModel(m: ModelJson): Model {
  const L = m.labels.length;
  const index = new Map<string, number>();
  for (let i = 0; i < m.features.length; i++) index.set(m.features[i], i);
  const w = new Float32Array(m.weights.length);
  const inv = 1 / (m.scale || 1);
  for (let i = 0; i < m.weights.length; i++) w[i] = m.weights[i] * inv;
  return {
    labels: m.labels,
    type: m.labels.map((l) => (l === 'O' ? '' : l.slice(2))),
    begin: m.labels.map((l) => l.startsWith('B-')),
    index,
    w,
    L,
  };
}

/** The shipped model (parsed once, on first use). */
export function getModel(): Model {
  if (!model) model = buildModel(raw as ModelJson);
  return model;
}

/** Features that depend on the labels already given to the previous tokens. */
export function dynamicFeatures(prev2: string, prev: string, lw: string): string[] {
  return ['t1=' + prev, 't2=' + prev2 + '|' + prev, 't1w=' + prev + '|' + lw];
}

/** Is label `l` allowed after label `prev` (BIO: I-X only continues X)? */
export function allowed(m: Model, prev: number, l: number): boolean {
  if (m.begin[l] || m.type[l] === '') return true;
  return prev >= 0 && m.type[prev] === m.type[l];
}

/** Label index per token. */
export function tagTokens(m: Model, tokens: readonly Token[], feats?: string[][]): number[] {
  const f = feats || lineFeatures(tokens);
  const L = m.L;
  const out: number[] = new Array(tokens.length);
  const scores = new Float64Array(L);
  let prev = -1, prev2 = -1;
  for (let i = 0; i < tokens.length; i++) {
    scores.fill(0);
    const add = (name: string) => {
      const k = m.index.get(name);
      if (k === undefined) return;
      const base = k * L;
      for (let l = 0; l < L; l++) scores[l] += m.w[base + l];
    };
    for (const name of f[i]) add(name);
    const pl = prev < 0 ? '<s>' : m.labels[prev];
    const pl2 = prev2 < 0 ? '<s>' : m.labels[prev2];
    for (const name of dynamicFeatures(pl2, pl, tokens[i].w.toLowerCase())) add(name);
    let best = 0, bestScore = -Infinity;
    for (let l = 0; l < L; l++) {
      if (!allowed(m, prev, l)) continue;
      if (scores[l] > bestScore) { bestScore = scores[l]; best = l; }
    }
    out[i] = best;
    prev2 = prev;
    prev = best;
  }
  return out;
}
