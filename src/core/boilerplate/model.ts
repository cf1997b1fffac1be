/**
 * Document pass of the classifier: from per-line features (features.ts) to per-line input vectors of a
 * two-stage logistic regression. Stage 1 sees the line, its neighbours, its position and the folder templates;
 * stage 2 adds the stage-1 probabilities of the surrounding lines and the body window (BTE style: the
 * contiguous block that maximises article-like minus boilerplate-like words); then 40 boosted oblivious trees
 * over the stage-2 vector refine the lines the stage-2 regression is unsure about. Weights: weights.json, trained
 * by bench/train-boilerplate.mjs. The vector builders are shared by the trainer and the classifier so
 * both see exactly the same numbers.
 */
import type { LineFeatures } from './features';

/** Per-document context that is not a function of one line's text. */
export interface DocContext {
  /** Per non-blank line: number of OTHER dumps of the folder containing it (0 when no templates). */
  templateOthers: ArrayLike<number>;
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

/** Math.log1p of the small integers (word counts, distances capped at 50): the same values, looked up. */
const LOG1P = Float64Array.from({ length: 1024 }, (_, i) => Math.log1p(i));
const log1pInt = (i: number): number => (i < 1024 ? LOG1P[i] : Math.log1p(i));

function isProse(f: LineFeatures): boolean {
  return f.words >= PROSE_MIN_WORDS && f.stopShare >= 0.2 && f.rule === null;
}

/**
 * Stage-1 document context: the per-document arrays (neighbours, windows, duplicates, page title, comment
 * section) computed once for the non-blank lines `nb` (indices into `feats`); `row(j, v)` then writes line j's
 * stage-1 vector into a caller's buffer (no per-line allocation). `stage1Vectors` and the classifier both use
 * it, so the trainer and the classifier see exactly the same numbers.
 */
export class Stage1Doc {
  readonly n: number;
  private readonly F: LineFeatures[];
  private readonly lw: Float64Array;
  private readonly dist: Float64Array;
  private readonly shortPre: Float64Array;
  private readonly prosePre: Float64Array;
  private readonly metaPre: Float64Array;
  /** 1 when the line's key occurred on an earlier non-blank line. */
  readonly dup: Uint8Array;
  /** Words per non-blank line. */
  readonly words: Float64Array;
  /** 1 when the line is contained in the first line (the page title). */
  readonly inTitle: Uint8Array;
  readonly titleHasLater: boolean;
  private readonly blankBefore: Uint8Array;
  private readonly blankAfter: Uint8Array;
  private readonly maxLw: number;
  /** Sum of the words of the non-blank lines (in line order). */
  readonly allWords: number;
  private readonly commentsFrom: number;
  private readonly docProse: number;
  private readonly docShort: number;
  private readonly tOthers: ArrayLike<number>;
  private readonly tplN: number;

  /**
   * `keyIds` (optional, per non-blank line j): non-negative integers, equal for two lines exactly when their keys
   * are equal (the classifier numbers the keys of the kept lines once and reuses the numbers in every settle round);
   * without them the duplicates are found by comparing the keys.
   */
  constructor(feats: readonly LineFeatures[], nb: readonly number[], ctx: DocContext, keyIds?: ArrayLike<number>) {
    const n = (this.n = nb.length);
    // grown by push, not `new Array(n)`: optimised code allocates the latter inline only up to ~16,000 elements, and
    // a longer document's first one threw the optimised constructor away ("out of bounds") after every warm-up
    const F: LineFeatures[] = (this.F = []);
    // The per-line arrays are views of one zeroed buffer per element type (a typed array's own buffer costs more
    // to allocate than the document pass of a short dump spends on it).
    const fb = new Float64Array(6 * n + 3);
    const lw = (this.lw = fb.subarray(0, n));
    const words = (this.words = fb.subarray(n, 2 * n));
    const dist = (this.dist = fb.subarray(2 * n, 3 * n));
    // prefix sums for window shares; duplicates; blank raw line right before / after non-blank line j. One pass
    // over the feature objects (each sum still runs over j in order).
    const shortPre = (this.shortPre = fb.subarray(3 * n, 4 * n + 1));
    const prosePre = (this.prosePre = fb.subarray(4 * n + 1, 5 * n + 2));
    const metaPre = (this.metaPre = fb.subarray(5 * n + 2, 6 * n + 3));
    const ub = new Uint8Array(5 * n);
    const prose = ub.subarray(0, n);
    const dup = (this.dup = ub.subarray(n, 2 * n));
    const blankBefore = (this.blankBefore = ub.subarray(2 * n, 3 * n));
    const blankAfter = (this.blankAfter = ub.subarray(3 * n, 4 * n));
    const inTitle = (this.inTitle = ub.subarray(4 * n, 5 * n));
    // Duplicates: equal keys have equal signatures (a small integer from the length, first and last code unit),
    // so a key is only put in the Set (which hashes the whole string) once a second line with its signature comes;
    // most lines are alone with theirs. Open-addressing table: sigKey = signature + 1 (0: empty slot), sigFirst = the
    // only earlier line with that signature, or -1 once the keys of those lines are in `seen`.
    const seen = new Set<string>();
    const bits = keyIds ? 1 : 32 - Math.clz32(2 * n + 1), mask = (1 << bits) - 1;
    const sigBuf = new Int32Array(2 * (mask + 1));
    const sigKey = sigBuf.subarray(0, mask + 1), sigFirst = sigBuf.subarray(mask + 1);
    let idSeen: Uint8Array | null = null;
    if (keyIds) {
      let max = -1;
      for (let j = 0; j < n; j++) if (keyIds[j] > max) max = keyIds[j];
      idSeen = new Uint8Array(max + 1);
    }
    let maxLw = 1;
    let proseWords = 0, allWords = 0;
    for (let j = 0; j < n; j++) {
      const i = nb[j];
      const f = feats[i];
      F.push(f);
      const w = f.words;
      words[j] = w;
      lw[j] = log1pInt(w); // words: a non-negative integer
      if (lw[j] > maxLw) maxLw = lw[j];
      const pr = isProse(f);
      prose[j] = pr ? 1 : 0;
      shortPre[j + 1] = shortPre[j] + (w <= 3 ? 1 : 0);
      prosePre[j + 1] = prosePre[j] + (pr ? 1 : 0);
      metaPre[j + 1] = metaPre[j] + (f.meta || f.commentHead ? 1 : 0);
      allWords += w;
      if (pr) proseWords += w;
      if (idSeen) {
        // branch-free: a branch that stores only for the rare duplicate had no type feedback when the constructor
        // was optimised, and the first duplicate threw the optimised code away (it was compiled twice per thread)
        const id = keyIds![j];
        dup[j] = idSeen[id];
        idSeen[id] = 1;
      } else {
        const key = f.key, len = key.length;
        const sig = len === 0 ? 1 : ((Math.imul(len, 0x9e3779b1) ^ Math.imul(key.charCodeAt(0), 0x85ebca6b) ^ key.charCodeAt(len - 1)) & 0x3fffffff) + 1;
        let x = (Math.imul(sig, 0x9e3779b1) >>> (32 - bits)) & mask;
        while (sigKey[x] !== 0 && sigKey[x] !== sig) x = (x + 1) & mask;
        if (sigKey[x] === 0) { sigKey[x] = sig; sigFirst[x] = j; } // no earlier line with this signature: not a duplicate
        else {
          const first = sigFirst[x];
          if (first >= 0) { seen.add(F[first].key); sigFirst[x] = -1; }
          const size = seen.size;
          if (seen.add(key).size === size) dup[j] = 1; // the key was there already
        }
      }
      blankBefore[j] = i > 0 && feats[i - 1].blank ? 1 : 0;
      blankAfter[j] = i + 1 < feats.length && feats[i + 1].blank ? 1 : 0;
    }
    this.maxLw = maxLw;
    this.allWords = allWords;
    // distance (in non-blank lines) to the nearest prose line
    let last = -1e9;
    for (let j = 0; j < n; j++) { if (prose[j]) last = j; dist[j] = j - last; }
    last = 1e9;
    for (let j = n - 1; j >= 0; j--) { if (prose[j]) last = j; dist[j] = Math.min(dist[j], last - j); }
    // the page title (the first line, as BeautifulSoup/readability-like dumps put <title> first)
    const firstKey = n ? F[0].key : '';
    let titleHasLater = false;
    if (n > 1 && F[0].words >= 2) {
      for (let j = 1; j < Math.min(n, 400); j++) {
        const f = F[j];
        if (f.words >= 2 && f.key.length >= 8 && f.key.length < firstKey.length && firstKey.includes(f.key)) {
          inTitle[j] = 1;
          titleHasLater = true;
        }
      }
    }
    this.titleHasLater = titleHasLater;
    // reader comments: lines after a comment-section heading that itself follows article prose
    // (a "Comments" tab near the top does not count: at least two prose lines and a fifth of the prose before it)
    let commentsFrom = n;
    let proseLines = 0, proseBefore = 0;
    for (let j = 0; j < n; j++) {
      if (prose[j]) { proseLines++; proseBefore += words[j]; }
      else if (F[j].commentHead && proseLines >= 2 && proseBefore >= 0.2 * proseWords) { commentsFrom = j; break; }
    }
    this.commentsFrom = commentsFrom;
    this.docProse = allWords ? proseWords / allWords : 0;
    this.docShort = n ? shortPre[n] / n : 0;
    this.tOthers = ctx.templateOthers;
    this.tplN = ctx.templateDocs;
  }

  private win(pre: Float64Array, j: number, r: number): number {
    const a = Math.max(0, j - r), b = Math.min(this.n, j + r + 1);
    return (pre[b] - pre[a]) / (b - a);
  }

  /** 1 when line j is the page title with the site name attached (a later line is contained in it). */
  titleOfPage(j: number): number {
    return j === 0 && this.titleHasLater ? 1 : 0;
  }

  /** Writes the stage-1 vector of non-blank line j (STAGE1_NAMES order) into v[o..]. */
  row(j: number, v: Float64Array, o = 0): void {
    const n = this.n, F = this.F, lw = this.lw;
    const f = F[j];
    const p = j > 0 ? F[j - 1] : null, q = j + 1 < n ? F[j + 1] : null;
    const p2 = j > 1 ? F[j - 2] : null, q2 = j + 2 < n ? F[j + 2] : null;
    const tOthers = this.tOthers[j] ?? 0;
    const tplN = this.tplN;
    const rel = n > 1 ? j / (n - 1) : 0;
    let k = o;
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
    v[k++] = this.blankBefore[j];
    v[k++] = this.blankAfter[j];
    v[k++] = this.win(this.shortPre, j, 4);
    v[k++] = this.win(this.prosePre, j, 5);
    v[k++] = rel;
    v[k++] = rel * rel;
    v[k++] = j === 0 ? 1 : 0;
    v[k++] = LOG1P[Math.min(this.dist[j], 50)]; // an integer distance
    v[k++] = lw[j] / this.maxLw;
    v[k++] = tplN > 0 ? tOthers / tplN : 0;
    v[k++] = tOthers >= 2 ? 1 : 0;
    v[k++] = this.dup[j];
    v[k++] = this.inTitle[j];
    v[k++] = this.titleOfPage(j);
    v[k++] = j > this.commentsFrom ? 1 : 0;
    v[k++] = this.docProse;
    v[k++] = this.docShort;
    v[k++] = this.win(this.metaPre, j, 4);
  }
}

/**
 * Stage-1 vectors for the non-blank lines `nb` (indices into `feats`), one array per line (trainer; the
 * classifier uses `Stage1Doc.row` into a reused buffer).
 */
export function stage1Vectors(feats: readonly LineFeatures[], nb: readonly number[], ctx: DocContext): Float64Array[] {
  const doc = new Stage1Doc(feats, nb, ctx);
  const out: Float64Array[] = new Array(doc.n);
  for (let j = 0; j < doc.n; j++) {
    const v = new Float64Array(STAGE1_NAMES.length);
    doc.row(j, v);
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

/** The model's weights with the standardisation folded in (index 0: bias), computed once per model. */
export function foldedWeights(m: LogReg): Float64Array {
  let f = folded.get(m);
  if (!f) {
    f = new Float64Array(m.w.length);
    let b = m.w[0];
    for (let k = 1; k < m.w.length; k++) { f[k] = m.w[k] / m.std[k]; b -= f[k] * m.mean[k]; }
    f[0] = b;
    folded.set(m, f);
  }
  return f;
}

/** w·standardise(v) with the standardisation folded into the weights once per model. Index 0 is the bias. */
export function logit(m: LogReg, v: Float64Array): number {
  const f = foldedWeights(m);
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

/**
 * Stage-2 document context from the stage-1 logits: stage-1 probabilities, their window means, the body window
 * and a second body block; `extras(j, v, o)` writes line j's STAGE2_EXTRA values into v[o..].
 */
export class Stage2Doc {
  readonly n: number;
  private readonly z1: ArrayLike<number>;
  /** Stage-1 probabilities. */
  readonly p: Float64Array;
  private readonly pre: Float64Array;
  private readonly bs: number;
  private readonly be: number;
  private readonly b2: [number, number];
  private readonly bodyShare: number;

  constructor(z1: ArrayLike<number>, words: ArrayLike<number>) {
    const n = (this.n = z1.length);
    this.z1 = z1;
    const buf = new Float64Array(2 * n + 1); // one buffer for both arrays (see Stage1Doc)
    const p = (this.p = buf.subarray(0, n));
    for (let j = 0; j < n; j++) p[j] = sigmoid(z1[j]);
    const pre = (this.pre = buf.subarray(n));
    for (let j = 0; j < n; j++) pre[j + 1] = pre[j] + p[j];
    const [bs, be] = bodyWindow(p, words);
    this.bs = bs;
    this.be = be;
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
    this.b2 = b2;
    let bodyWords = 0, allWords = 0;
    for (let j = 0; j < n; j++) { allWords += words[j]; if (j >= bs && j <= be) bodyWords += words[j]; }
    this.bodyShare = allWords ? bodyWords / allWords : 0;
  }

  private mean(a: number, b: number): number {
    a = Math.max(0, a); b = Math.min(this.n, b);
    return b > a ? (this.pre[b] - this.pre[a]) / (b - a) : 0.5;
  }

  /** Is non-blank line j inside the body window? */
  inBody(j: number): boolean {
    return this.bs >= 0 && j >= this.bs && j <= this.be;
  }

  /** Writes the STAGE2_EXTRA values of non-blank line j into v[o..]. */
  extras(j: number, v: Float64Array, o: number): void {
    const n = this.n, p = this.p, bs = this.bs, be = this.be, b2 = this.b2;
    let k = o;
    v[k++] = Math.max(-8, Math.min(8, this.z1[j]));
    v[k++] = j > 0 ? p[j - 1] : 0.5;
    v[k++] = j + 1 < n ? p[j + 1] : 0.5;
    v[k++] = this.mean(j - 3, j);
    v[k++] = this.mean(j + 1, j + 4);
    v[k++] = this.mean(j - 8, j);
    v[k++] = this.mean(j + 1, j + 9);
    const inBody = bs >= 0 && j >= bs && j <= be;
    v[k++] = inBody ? 1 : 0;
    v[k++] = LOG1P[bs < 0 ? 50 : Math.min(50, inBody ? 0 : j < bs ? bs - j : j - be)];
    v[k++] = this.bodyShare;
    v[k++] = b2[0] >= 0 && j >= b2[0] && j <= b2[1] ? 1 : 0;
  }
}

/** Stage-2 vectors (stage-1 vector followed by STAGE2_EXTRA), one array per line (trainer). */
export function stage2Vectors(s1: readonly Float64Array[], z1: ArrayLike<number>, words: ArrayLike<number>): Float64Array[] {
  const doc = new Stage2Doc(z1, words);
  const n = s1.length;
  const out: Float64Array[] = new Array(n);
  const base = s1.length ? s1[0].length : STAGE1_NAMES.length;
  for (let j = 0; j < n; j++) {
    const v = new Float64Array(base + STAGE2_EXTRA.length);
    v.set(s1[j]);
    doc.extras(j, v, base);
    out[j] = v;
  }
  return out;
}

/**
 * Boosted oblivious trees over the stage-2 vector, added to the stage-2 logistic regression's logit (trained on
 * its residuals by bench/train-boilerplate.mjs): they capture what a linear model cannot, such as "prose, but
 * after a run of comment signatures" or "short line, but on a page that is mostly short lines". Each tree has
 * `depth` tests (feature > threshold), the same at every node of a level, so the leaf index is `depth`
 * comparisons; `v` holds 2^depth leaf values per tree.
 */
export interface Boost {
  depth: number;
  /** Feature index (into the stage-2 vector) of each test, `depth` per tree. */
  f: number[];
  /** Threshold of each test (goes to the higher leaf when the value is greater). */
  t: number[];
  /** Leaf values, 2^depth per tree. */
  v: number[];
  /**
   * The trees only refine uncertain lines: those whose stage-2 regression logit is within `margin` of `centre`
   * (the logit of the threshold); the others keep the regression's answer. Trained the same way. Absent: all lines.
   */
  gate?: { centre: number; margin: number };
}

/** Sum of the boosted trees' leaf values for a stage-2 vector. */
export function boostLogit(b: Boost, x: ArrayLike<number>): number {
  const c = tables(b);
  const trees = c.f.length / b.depth;
  return b.depth === 4 ? trees4(c.f, c.t, c.v, trees, x) : treesAny(c.f, c.t, c.v, trees, b.depth, x);
}

function treesAny(f: Int32Array, t: Float64Array, v: Float64Array, trees: number, D: number, x: ArrayLike<number>): number {
  const L = 1 << D;
  let s = 0;
  for (let r = 0, k = 0; r < trees; r++) {
    let leaf = 0;
    for (let d = 0; d < D; d++, k++) leaf = (leaf << 1) | +(x[f[k]] > t[k]);
    s += v[r * L + leaf];
  }
  return s;
}

/** Depth 4 unrolled; the tests become 0/1 without branches (a tree's tests are hard to predict). */
function trees4(f: Int32Array, t: Float64Array, v: Float64Array, trees: number, x: ArrayLike<number>): number {
  let s = 0;
  for (let r = 0, k = 0; r < trees; r++, k += 4) {
    const leaf = (+(x[f[k]] > t[k]) << 3) | (+(x[f[k + 1]] > t[k + 1]) << 2) | (+(x[f[k + 2]] > t[k + 2]) << 1) | +(x[f[k + 3]] > t[k + 3]);
    s += v[r * 16 + leaf];
  }
  return s;
}

interface BoostTables { f: Int32Array; t: Float64Array; v: Float64Array }
const boostTables = new WeakMap<Boost, BoostTables>();
/** addBoostRows' vector buffer, reused by every call. */
let boostRowBuf = new Float64Array(0);

function tables(b: Boost): BoostTables {
  let c = boostTables.get(b);
  if (!c) {
    c = { f: Int32Array.from(b.f), t: Float64Array.from(b.t), v: Float64Array.from(b.v) };
    boostTables.set(b, c);
  }
  return c;
}

/**
 * The stage-1 features the trees test, kept per line while the stage-1 pass writes its vectors (so the trees
 * need not recompute the stage-1 vectors): `take(j, v)` copies them from line j's stage-1 vector.
 */
export class BoostInputs {
  readonly used: Int32Array;
  readonly S: Float64Array;
  constructor(b: Boost, n: number) {
    const K1 = STAGE1_NAMES.length;
    this.used = Int32Array.from([...new Set(b.f)].filter((k) => k < K1).sort((x, y) => x - y));
    this.S = new Float64Array(n * this.used.length);
  }
  take(j: number, v: Float64Array): void {
    const used = this.used, U = used.length, S = this.S;
    for (let u = 0, o = j * U; u < U; u++) S[o + u] = v[used[u]];
  }
}

/**
 * Adds the boosted trees to the stage-2 logits `z` of the non-blank lines inside the gate: their stage-1 vectors
 * are written again by `d1.row` (about half the lines pass the gate; keeping the tested stage-1 features of every
 * line cost more than recomputing them for those), the stage-2 extras by `d2.extras`, into one reused buffer. Same
 * leaf values, added in tree order, as boostLogit over the full stage-2 vectors.
 */
export function addBoostRows(b: Boost, d1: Stage1Doc, d2: Stage2Doc, z: Float64Array): void {
  const c = tables(b);
  const f = c.f, t = c.t, v = c.v, D = b.depth;
  const trees = f.length / D;
  const K1 = STAGE1_NAMES.length, n = z.length;
  // one buffer for every call (row and extras write all of it before the trees read it)
  const x = boostRowBuf.length === K1 + STAGE2_EXTRA.length ? boostRowBuf : (boostRowBuf = new Float64Array(K1 + STAGE2_EXTRA.length));
  const lo = b.gate ? b.gate.centre - b.gate.margin : -Infinity, hi = b.gate ? b.gate.centre + b.gate.margin : Infinity;
  for (let j = 0; j < n; j++) {
    if (!(z[j] > lo && z[j] < hi)) continue;
    d1.row(j, x, 0);
    d2.extras(j, x, K1);
    z[j] += D === 4 ? trees4(f, t, v, trees, x) : treesAny(f, t, v, trees, D, x);
  }
}

/**
 * Adds the boosted trees to the stage-2 logits `z` of every non-blank line: the tested stage-1 features come from
 * `inputs`, the stage-2 extras are written into one reused buffer. Same leaf values, added in tree order, as
 * boostLogit over the full stage-2 vectors.
 */
export function addBoost(b: Boost, inputs: BoostInputs, d2: Stage2Doc, z: Float64Array): void {
  const c = tables(b);
  const f = c.f, t = c.t, v = c.v, D = b.depth;
  const trees = f.length / D;
  const K1 = STAGE1_NAMES.length, n = z.length;
  const used = inputs.used, U = used.length, S = inputs.S;
  const x = new Float64Array(K1 + STAGE2_EXTRA.length);
  const lo = b.gate ? b.gate.centre - b.gate.margin : -Infinity, hi = b.gate ? b.gate.centre + b.gate.margin : Infinity;
  for (let j = 0; j < n; j++) {
    if (!(z[j] > lo && z[j] < hi)) continue;
    for (let u = 0, o = j * U; u < U; u++) x[used[u]] = S[o + u];
    d2.extras(j, x, K1);
    z[j] += D === 4 ? trees4(f, t, v, trees, x) : treesAny(f, t, v, trees, D, x);
  }
}

/**
 * Type feedback for Stage2Doc's rare branches (a second body block, the fallback when no line looks like article,
 * an empty document) and log1pInt's: V8 optimises the constructor and `extras` after a few documents, and a branch not taken by
 * then threw the optimised code away the first time a later document took it (each thread compiled the
 * constructor three to five times). These small documents take every branch once, in the interpreter, before a
 * thread's first classification (warmOnce in index.ts; not at load, so not in the extension host); the results are
 * discarded. Pure.
 */
let stage2Warmed = false;
/** Whether warmStage2 has run in this thread (tests). */
export function stage2WarmedUp(): boolean {
  return stage2Warmed;
}
export function warmStage2(): void {
  stage2Warmed = true;
  const docs: [number[], number[]][] = [
    // a body block, noise, a second block worth more than a quarter of the body (b2 right of the body)
    [[3, 3, 3, 3, -3, -3, -3, -3, -3, -3, 3, 3], [20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20]],
    // the second block left of the body
    [[3, 3, -3, -3, -3, -3, -3, -3, 3, 3, 3, 3], [20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20]],
    // blocks on both sides of the body (the better one is taken)
    [[3, 3, -3, -3, -3, -3, 3, 3, 3, 3, 3, -3, -3, -3, -3, 3, 3], [20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20]],
    // nothing article-like (the relative fallback of bodyWindow)
    [[-3, -2, -3, -4], [5, 5, 5, 5]],
    [[2], [12]],
    [[], []],
  ];
  // log1pInt past its table (a line of 1,024 words or more), after V8 has started recording its feedback
  for (let i = 1000; i < 1040; i++) log1pInt(i);
  for (let round = 0; round < 2; round++) {
    for (const [z, w] of docs) {
      const d = new Stage2Doc(Float64Array.from(z), Float64Array.from(w));
      const v = new Float64Array(STAGE2_EXTRA.length);
      for (let j = 0; j < d.n; j++) { d.extras(j, v, 0); d.inBody(j); }
    }
  }
}
