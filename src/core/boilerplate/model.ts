/**
 * Document pass of the classifier: from per-line features (features.ts) to per-line input vectors of a
 * two-stage logistic regression. Stage 1 sees the line, its neighbours, its position and the folder templates;
 * stage 2 adds the stage-1 probabilities of the surrounding lines and the body window (BTE style: the
 * contiguous block that maximises article-like minus boilerplate-like words). Weights: weights.json, trained
 * by bench/train-boilerplate.mjs. The vector builders are shared by the trainer and the classifier so
 * both see exactly the same numbers.
 */
import type { LineFeatures } from './features';

/** Per-document context that is not a function of one line's text. */
export interface DocContext {
  /** Per non-blank line: number of OTHER dumps of the folder containing it (0 when no templates). */
  templateOthers: number[];
  /** Number of other dumps in the template index (0 when none). */
  templateDocs: number;
}

export const STAGE1_NAMES = [
  'bias', 'log-words', 'stop-share', 'stop-x-words', 'ends-sentence', 'ends-colon', 'starts-lower', 'starts-punct', 'cap-share',
  'digit-share', 'alpha-share', 'punct-per-word', 'avg-word-len', 'bullet', 'separators', 'all-caps', 'has-url', 'has-quote',
  'words<=3', 'words4-9', 'words10-24', 'words>=25', 'widget-rule', 'meta-rule', 'indented',
  'prev-log-words', 'prev-stop', 'prev-ends', 'next-log-words', 'next-stop', 'next-ends',
  'prev2-log-words', 'prev2-stop', 'next2-log-words', 'next2-stop',
  'blank-before', 'blank-after', 'short-run', 'prose-density', 'rel-pos', 'rel-pos2', 'first-line', 'log-dist-prose',
  'rel-words', 'template-share', 'template-seen', 'duplicate', 'in-title', 'title-of-page',
  'after-comments', 'doc-prose-share', 'doc-short-share', 'meta-near',
] as const;

export const STAGE2_EXTRA = [
  's1-logit', 's1-prev', 's1-next', 's1-prev3', 's1-next3', 's1-prev8', 's1-next8', 'in-body', 'log-dist-body', 'body-share',
  'in-second-body',
] as const;

const PROSE_MIN_WORDS = 10;

function isProse(f: LineFeatures): boolean {
  return f.words >= PROSE_MIN_WORDS && f.stopShare >= 0.2 && f.rule === null;
}

/**
 * Stage-1 vectors for the non-blank lines `nb` (indices into `feats`). `blankBefore[j]`/`blankAfter[j]`: is
 * there a blank raw line right before/after non-blank line j.
 */
export function stage1Vectors(feats: readonly LineFeatures[], nb: readonly number[], ctx: DocContext): Float64Array[] {
  const n = nb.length;
  const F = nb.map((i) => feats[i]);
  const lw = F.map((f) => Math.log1p(f.words));
  const prose = F.map(isProse);
  let maxLw = 1;
  for (const x of lw) if (x > maxLw) maxLw = x;
  // distance (in non-blank lines) to the nearest prose line
  const dist = new Array<number>(n).fill(n);
  let last = -1e9;
  for (let j = 0; j < n; j++) { if (prose[j]) last = j; dist[j] = j - last; }
  last = 1e9;
  for (let j = n - 1; j >= 0; j--) { if (prose[j]) last = j; dist[j] = Math.min(dist[j], last - j); }
  // prefix sums for window shares
  const shortPre = new Float64Array(n + 1);
  const prosePre = new Float64Array(n + 1);
  for (let j = 0; j < n; j++) {
    shortPre[j + 1] = shortPre[j] + (F[j].words <= 3 ? 1 : 0);
    prosePre[j + 1] = prosePre[j] + (prose[j] ? 1 : 0);
  }
  const win = (pre: Float64Array, j: number, r: number) => {
    const a = Math.max(0, j - r), b = Math.min(n, j + r + 1);
    return (pre[b] - pre[a]) / (b - a);
  };
  // duplicates and the page title (the first line, as BeautifulSoup/readability-like dumps put <title> first)
  const seen = new Set<string>();
  const firstKey = n ? F[0].key : '';
  let titleHasLater = false;
  const inTitle = new Array<boolean>(n).fill(false);
  if (n > 1 && F[0].words >= 2) {
    for (let j = 1; j < Math.min(n, 400); j++) {
      const f = F[j];
      if (f.words >= 2 && f.key.length >= 8 && f.key.length < firstKey.length && firstKey.includes(f.key)) {
        inTitle[j] = true;
        titleHasLater = true;
      }
    }
  }
  // reader comments: lines after a comment-section heading that itself follows article prose
  // document-level shares: words in prose lines, short lines
  let proseWords = 0, allWords = 0;
  for (let j = 0; j < n; j++) { allWords += F[j].words; if (prose[j]) proseWords += F[j].words; }
  // (a "Comments" tab near the top does not count: at least two prose lines and a fifth of the prose before it)
  let commentsFrom = n;
  let proseLines = 0, proseBefore = 0;
  for (let j = 0; j < n; j++) {
    if (prose[j]) { proseLines++; proseBefore += F[j].words; }
    else if (F[j].commentHead && proseLines >= 2 && proseBefore >= 0.2 * proseWords) { commentsFrom = j; break; }
  }
  const docProse = allWords ? proseWords / allWords : 0;
  const docShort = n ? shortPre[n] / n : 0;
  // meta lines (bylines, datelines) nearby: reader comments alternate them with text
  const metaPre = new Float64Array(n + 1);
  for (let j = 0; j < n; j++) metaPre[j + 1] = metaPre[j] + (F[j].meta || F[j].commentHead ? 1 : 0);
  const out: Float64Array[] = new Array(n);
  const tplN = ctx.templateDocs;
  for (let j = 0; j < n; j++) {
    const f = F[j];
    const p = j > 0 ? F[j - 1] : null, q = j + 1 < n ? F[j + 1] : null;
    const p2 = j > 1 ? F[j - 2] : null, q2 = j + 2 < n ? F[j + 2] : null;
    const tOthers = ctx.templateOthers[j] ?? 0;
    const dup = seen.has(f.key);
    seen.add(f.key);
    const rel = n > 1 ? j / (n - 1) : 0;
    const v = new Float64Array(STAGE1_NAMES.length);
    let k = 0;
    v[k++] = 1;
    v[k++] = lw[j];
    v[k++] = f.stopShare;
    v[k++] = f.stopShare * lw[j];
    v[k++] = f.endSentence ? 1 : 0;
    v[k++] = f.endColon ? 1 : 0;
    v[k++] = f.startLower ? 1 : 0;
    v[k++] = f.startPunct ? 1 : 0;
    v[k++] = f.capShare;
    v[k++] = f.digitShare;
    v[k++] = f.alphaShare;
    v[k++] = Math.min(2, f.punctPerWord);
    v[k++] = Math.min(15, f.avgWordLen) / 10;
    v[k++] = f.bullet ? 1 : 0;
    v[k++] = Math.min(5, f.seps);
    v[k++] = f.allCaps ? 1 : 0;
    v[k++] = f.hasUrl ? 1 : 0;
    v[k++] = f.hasQuote ? 1 : 0;
    v[k++] = f.words <= 3 ? 1 : 0;
    v[k++] = f.words >= 4 && f.words <= 9 ? 1 : 0;
    v[k++] = f.words >= 10 && f.words <= 24 ? 1 : 0;
    v[k++] = f.words >= 25 ? 1 : 0;
    v[k++] = f.rule ? 1 : 0;
    v[k++] = f.meta ? 1 : 0;
    v[k++] = f.indent >= 8 ? 1 : 0;
    v[k++] = p ? lw[j - 1] : 0;
    v[k++] = p ? p.stopShare : 0;
    v[k++] = p && p.endSentence ? 1 : 0;
    v[k++] = q ? lw[j + 1] : 0;
    v[k++] = q ? q.stopShare : 0;
    v[k++] = q && q.endSentence ? 1 : 0;
    v[k++] = p2 ? lw[j - 2] : 0;
    v[k++] = p2 ? p2.stopShare : 0;
    v[k++] = q2 ? lw[j + 2] : 0;
    v[k++] = q2 ? q2.stopShare : 0;
    v[k++] = nb[j] > 0 && feats[nb[j] - 1].blank ? 1 : 0;
    v[k++] = nb[j] + 1 < feats.length && feats[nb[j] + 1].blank ? 1 : 0;
    v[k++] = win(shortPre, j, 4);
    v[k++] = win(prosePre, j, 5);
    v[k++] = rel;
    v[k++] = rel * rel;
    v[k++] = j === 0 ? 1 : 0;
    v[k++] = Math.log1p(Math.min(dist[j], 50));
    v[k++] = lw[j] / maxLw;
    v[k++] = tplN > 0 ? tOthers / tplN : 0;
    v[k++] = tOthers >= 2 ? 1 : 0;
    v[k++] = dup ? 1 : 0;
    v[k++] = inTitle[j] ? 1 : 0;
    v[k++] = j === 0 && titleHasLater ? 1 : 0;
    v[k++] = j > commentsFrom ? 1 : 0;
    v[k++] = docProse;
    v[k++] = docShort;
    v[k++] = win(metaPre, j, 4);
    out[j] = v;
  }
  return out;
}

export interface LogReg {
  names: string[];
  mean: number[];
  std: number[];
  w: number[];
}

const folded = new WeakMap<LogReg, Float64Array>();

/** w·standardise(v) with the standardisation folded into the weights once per model. Index 0 is the bias. */
export function logit(m: LogReg, v: Float64Array): number {
  let f = folded.get(m);
  if (!f) {
    f = new Float64Array(m.w.length);
    let b = m.w[0];
    for (let k = 1; k < m.w.length; k++) { f[k] = m.w[k] / m.std[k]; b -= f[k] * m.mean[k]; }
    f[0] = b;
    folded.set(m, f);
  }
  let s = f[0];
  for (let k = 1; k < f.length; k++) s += f[k] * v[k];
  return s;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Body window: the contiguous run of non-blank lines maximising sum of (p - 0.5) * (words + 1). */
export function bodyWindow(p: ArrayLike<number>, words: ArrayLike<number>, from = 0, to = p.length, minScore = 0): [number, number] {
  const run = (centre: number): [number, number] => {
    let best = minScore, bs = -1, be = -1, cur = 0, cs = from;
    for (let j = from; j < to; j++) {
      const g = (p[j] - centre) * (words[j] + 1);
      if (cur <= 0) { cur = g; cs = j; } else cur += g;
      if (cur > best) { best = cur; bs = cs; be = j; }
    }
    return [bs, be];
  };
  const r = run(0.5);
  if (r[0] >= 0 || p.length === 0 || minScore > 0) return r;
  // nothing looks like article: take the block that is most article-like relative to the page
  let max = 0;
  for (let j = 0; j < p.length; j++) if (p[j] > max) max = p[j];
  return run(max / 2);
}

export function stage2Vectors(s1: readonly Float64Array[], z1: ArrayLike<number>, words: ArrayLike<number>): Float64Array[] {
  const n = s1.length;
  const p = new Float64Array(n);
  for (let j = 0; j < n; j++) p[j] = sigmoid(z1[j]);
  const pre = new Float64Array(n + 1);
  for (let j = 0; j < n; j++) pre[j + 1] = pre[j] + p[j];
  const mean = (a: number, b: number) => {
    a = Math.max(0, a); b = Math.min(n, b);
    return b > a ? (pre[b] - pre[a]) / (b - a) : 0.5;
  };
  const [bs, be] = bodyWindow(p, words);
  // a second block of article text (multi-post pages, text after a photo gallery): the best window left or
  // right of the body worth at least a quarter of the body's score
  let bodyScore = 0;
  for (let j = Math.max(0, bs); j <= be; j++) bodyScore += (p[j] - 0.5) * (words[j] + 1);
  let b2: [number, number] = [-1, -1];
  if (bs >= 0 && bodyScore > 0) {
    const l = bodyWindow(p, words, 0, bs, bodyScore / 4), r = bodyWindow(p, words, be + 1, n, bodyScore / 4);
    const score = (w: [number, number]) => { let x = 0; for (let j = Math.max(0, w[0]); j <= w[1]; j++) x += (p[j] - 0.5) * (words[j] + 1); return x; };
    b2 = l[0] < 0 ? r : r[0] < 0 ? l : score(l) >= score(r) ? l : r;
  }
  let bodyWords = 0, allWords = 0;
  for (let j = 0; j < n; j++) { allWords += words[j]; if (j >= bs && j <= be) bodyWords += words[j]; }
  const out: Float64Array[] = new Array(n);
  const base = s1.length ? s1[0].length : STAGE1_NAMES.length;
  for (let j = 0; j < n; j++) {
    const v = new Float64Array(base + STAGE2_EXTRA.length);
    v.set(s1[j]);
    let k = base;
    v[k++] = Math.max(-8, Math.min(8, z1[j]));
    v[k++] = j > 0 ? p[j - 1] : 0.5;
    v[k++] = j + 1 < n ? p[j + 1] : 0.5;
    v[k++] = mean(j - 3, j);
    v[k++] = mean(j + 1, j + 4);
    v[k++] = mean(j - 8, j);
    v[k++] = mean(j + 1, j + 9);
    const inBody = bs >= 0 && j >= bs && j <= be;
    v[k++] = inBody ? 1 : 0;
    v[k++] = bs < 0 ? Math.log1p(50) : Math.log1p(Math.min(50, inBody ? 0 : j < bs ? bs - j : j - be));
    v[k++] = allWords ? bodyWords / allWords : 0;
    v[k++] = b2[0] >= 0 && j >= b2[0] && j <= b2[1] ? 1 : 0;
    out[j] = v;
  }
  return out;
}
