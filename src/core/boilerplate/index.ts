/**
 * Line classifier: article | boilerplate | meta | blank, each with a reason code (reasons.ts) and an optional
 * human detail for the hover.
 *
 * 1. Per line, a pure function of its text: `lineFeatures(line)` (memoisable; pass a Map as 4th argument).
 * 2. A document pass over the feature arrays: rules (user keep / user patterns / ad markers / URLs / widget
 *    phrases / copyright), then a two-stage logistic regression over line + neighbourhood + position + folder
 *    template features (model.ts, weights.json), then the headline and meta (byline, dateline, credit) labels.
 */
import { NAME_PARTICLES } from '../strings';
import { MIN_TEMPLATE_DOCUMENTS, type AnalyzeOptions, type FocusLines, type LineInfo, type TemplateIndex } from '../types';
import { splitLines, type RawLine } from '../lines';
import { compileUserPatterns } from '../patterns';
import { keptByClean, cleanLabelled } from '../clean-lines';
import { REASONS, scoreBelow } from '../reasons';
import { countChar } from '../decode';
import { lineFeaturesAt, lineKeyAt, detach, warmFeatures, featuresWarmedUp, MAX_KEY_LEN, type LineFeatures } from './features';
import { findWraps, logicalLines, mayBeWrapped, warmWraps, type Wraps } from './unwrap';
import { linkView, linksBlanked, SETEXT_OUT } from './links';
import { Stage1Doc, Stage2Doc, warmStage2, stage2WarmedUp, foldedWeights, sigmoid, addBoostRows, STAGE1_NAMES, STAGE2_EXTRA, type LogReg, type DocContext, type Boost } from './model';
import { pageThreshold, type PageDecode } from './pageThreshold';
import { JOB_WORD, HANDLE, SHARE_BUTTON, RELATED_LABELS, RELATED_LABELS_ONE, CREDIT_ALONE, CAPTION_AGENCY_END, PHOTOGRAPHER_CREDIT } from './phrases';
import type { MetaHit } from './features';
import weights from './weights.json';

export { lineFeatures, lineFeaturesAt, lineKey, detach, type LineFeatures, type RuleHit, type MetaHit } from './features';
export { stage1Vectors, stage2Vectors, Stage1Doc, Stage2Doc, bodyWindow, logit, sigmoid, boostLogit, addBoost, addBoostRows, BoostInputs, STAGE1_NAMES, STAGE2_EXTRA, type LogReg, type DocContext, type Boost } from './model';

export interface ModelWeights {
  origin: string;
  threshold: number;
  stage1: LogReg;
  stage2: LogReg;
  /** Boosted trees added to the stage-2 logit (optional). */
  boost?: Boost;
  /** A threshold per page instead of `threshold` (pageThreshold.ts; optional). */
  decode?: PageDecode;
}

const STAGE2_NAMES = [...STAGE1_NAMES, ...STAGE2_EXTRA] as string[];
let W = weights as unknown as ModelWeights;
let checked = false;

function model(): ModelWeights {
  if (!checked) {
    if (W.stage1.names.join() !== (STAGE1_NAMES as readonly string[]).join() || W.stage2.names.join() !== STAGE2_NAMES.join() ||
      W.stage1.w.length !== STAGE1_NAMES.length || W.stage2.w.length !== STAGE2_NAMES.length) {
      throw new Error('boilerplate weights do not match the feature list: rerun bench/train-boilerplate.mjs');
    }
    checked = true;
  }
  return W;
}

/** Swap the model weights (training and cross-corpus evaluation scripts only); null restores weights.json. */
export function setModelWeights(w: ModelWeights | null): void {
  W = w ?? (weights as unknown as ModelWeights);
  checked = false;
}

/** Memo of per-line features keyed by the raw line text (owned by the caller, e.g. one per document). */
export type FeatureMemo = Map<string, LineFeatures>;

/**
 * Template context of the non-blank lines `nb`: how many other dumps of the folder hold each line. `lineCounts`
 * (per line of `feats`, see templateLineCounts): the index's counts of the lines, looked up already.
 */
export function templateContext(feats: readonly LineFeatures[], nb: readonly number[], templates: TemplateIndex | null | undefined, lineCounts?: ArrayLike<number>): DocContext {
  if (!templates || templates.documents < MIN_TEMPLATE_DOCUMENTS) return { templateOthers: new Int32Array(nb.length), templateDocs: 0 };
  const others = new Int32Array(nb.length); // typed either way (one array kind in the row code)
  if (lineCounts) for (let j = 0; j < nb.length; j++) others[j] = Math.max(0, lineCounts[nb[j]] - 1);
  else for (let j = 0; j < nb.length; j++) others[j] = Math.max(0, (templates.counts.get(feats[nb[j]].key) ?? 0) - 1);
  return { templateOthers: others, templateDocs: templates.documents - 1 };
}

/**
 * The template index's count of each line (`templates.counts.get(key) ?? 0`; 0 for blank lines), looked up once
 * per document (the settle step's passes reuse it), or taken from `options.templateLineCounts`. Null without an
 * index of at least 3 dumps (no template context then).
 */
function templateLineCounts(feats: readonly LineFeatures[], options: AnalyzeOptions): Int32Array | null {
  const templates = options.templates;
  if (!templates || templates.documents < MIN_TEMPLATE_DOCUMENTS) return null;
  const n = feats.length, given = options.templateLineCounts;
  if (given && given.length !== n) throw new Error('templateLineCounts: one count per line expected');
  const counts = new Int32Array(n);
  if (given) for (let i = 0; i < n; i++) counts[i] = feats[i].blank ? 0 : given[i];
  else for (let i = 0; i < n; i++) counts[i] = feats[i].blank ? 0 : templates.counts.get(feats[i].key) ?? 0;
  return counts;
}

/** Scored document: probabilities plus the contexts needed to explain a line (its stage-2 vector on demand). */
export interface ScoredLines {
  /** Stage-1 and stage-2 probabilities (article) per non-blank line. */
  p1: Float64Array;
  p2: Float64Array;
  d1: Stage1Doc;
  d2: Stage2Doc;
}

/** Stage-2 vector of non-blank line j (only needed for the lines explained in words), into `v` or a new array. */
export function stage2Vector(s: ScoredLines, j: number, v = new Float64Array(STAGE1_NAMES.length + STAGE2_EXTRA.length)): Float64Array {
  s.d1.row(j, v, 0);
  s.d2.extras(j, v, STAGE1_NAMES.length);
  return v;
}

/** scoreLines' buffers that do not outlive a call: four stage-1 rows and the stage-2 extras (v), partial sums. */
const scratch = { v: new Float64Array(0), part2: new Float64Array(0) };

/**
 * Model probabilities (article) for the non-blank lines: stage 1 and stage 2. The vectors are written into one
 * reused buffer; the stage-2 dot product over the stage-1 features (a prefix of the stage-2 vector) is summed
 * while the buffer holds them and continued over the stage-2 extras later: the same products added in the
 * same order as logit() over the full vectors, so the same numbers bit for bit.
 */
export function scoreLines(feats: readonly LineFeatures[], nb: readonly number[], ctx: DocContext, keyIds?: ArrayLike<number>): ScoredLines {
  const W = model();
  const n = nb.length;
  const f1 = foldedWeights(W.stage1), f2 = foldedWeights(W.stage2);
  const K1 = f1.length, K2 = f2.length;
  const d1 = new Stage1Doc(feats, nb, ctx, keyIds); // keyIds: see Stage1Doc
  const zp = new Float64Array(2 * n); // z1 and p2: kept with the result, one buffer
  const z1 = zp.subarray(0, n), p2 = zp.subarray(n);
  // Scratch reused by every call (not kept): each element is written before it is read.
  if (scratch.v.length !== 4 * K1 + (K2 - K1)) scratch.v = new Float64Array(4 * K1 + (K2 - K1));
  if (scratch.part2.length < n) scratch.part2 = new Float64Array(Math.max(n, 2 * scratch.part2.length));
  const part2 = scratch.part2;
  // Four lines at a time: eight independent running sums (each still adds its products in feature order), so
  // the additions overlap instead of waiting for each other.
  const sv = scratch.v;
  const v0 = sv.subarray(0, K1), v1 = sv.subarray(K1, 2 * K1), v2 = sv.subarray(2 * K1, 3 * K1), v3 = sv.subarray(3 * K1, 4 * K1);
  let j = 0;
  for (; j + 3 < n; j += 4) {
    d1.row(j, v0, 0); d1.row(j + 1, v1, 0); d1.row(j + 2, v2, 0); d1.row(j + 3, v3, 0);
    let s0 = f1[0], s1 = s0, s2 = s0, s3 = s0;
    let t0 = f2[0], t1 = t0, t2 = t0, t3 = t0;
    for (let k = 1; k < K1; k++) {
      const a = f1[k], b = f2[k];
      const x0 = v0[k], x1 = v1[k], x2 = v2[k], x3 = v3[k];
      s0 += a * x0; s1 += a * x1; s2 += a * x2; s3 += a * x3;
      t0 += b * x0; t1 += b * x1; t2 += b * x2; t3 += b * x3;
    }
    z1[j] = s0; z1[j + 1] = s1; z1[j + 2] = s2; z1[j + 3] = s3;
    part2[j] = t0; part2[j + 1] = t1; part2[j + 2] = t2; part2[j + 3] = t3;
  }
  for (; j < n; j++) {
    d1.row(j, v0, 0);
    let s = f1[0], t = f2[0];
    for (let k = 1; k < K1; k++) { s += f1[k] * v0[k]; t += f2[k] * v0[k]; }
    z1[j] = s;
    part2[j] = t;
  }
  const d2 = new Stage2Doc(z1, d1.words);
  const E = K2 - K1;
  const e = sv.subarray(4 * K1);
  const p1 = d2.p;
  for (let j = 0; j < n; j++) {
    d2.extras(j, e, 0);
    let t = part2[j];
    for (let k = 0; k < E; k++) t += f2[K1 + k] * e[k];
    p2[j] = t;
  }
  if (W.boost) addBoostRows(W.boost, d1, d2, p2); // boosted trees on the residuals of the stage-2 regression
  for (let j = 0; j < n; j++) p2[j] = sigmoid(p2[j]);
  return { p1, p2, d1, d2 };
}

const HUMAN: Record<string, [string, string]> = {
  // feature -> [text when the value is high, text when low]
  'log-words': ['', 'very short'],
  'stop-share': ['', 'few function words'],
  'stop-x-words': ['', 'little running text'],
  'ends-sentence': ['', 'no sentence punctuation'],
  'cap-share': ['mostly capitalised words', ''],
  'digit-share': ['many digits', ''],
  separators: ['menu separators', ''],
  'has-url': ['contains a URL', ''],
  'words<=3': ['one to three words', ''],
  'short-run': ['among many short lines (menu or link list)', ''],
  'prose-density': ['', 'far from article paragraphs'],
  'log-dist-prose': ['far from article paragraphs', ''],
  'template-share': ['repeats in other dumps of this folder', ''],
  'template-seen': ['repeats in other dumps of this folder', ''],
  duplicate: ['repeats an earlier line', ''],
  's1-prev3': ['', 'lines before it are noise'],
  's1-next3': ['', 'lines after it are noise'],
  'in-body': ['', 'outside the main text block'],
  'log-dist-body': ['outside the main text block', ''],
  'title-of-page': ['the page title (site name attached)', ''],
  bullet: ['list bullet', ''],
  'after-comments': ['in the reader-comments section', ''],
  'meta-near': ['among bylines and dates (comments)', ''],
  'all-caps': ['all capitals', ''],
};

/** The explained features of the stage-2 model (index, texts, mean, std, weight), as flat arrays. */
let human: { k: Int32Array; hi: string[]; lo: string[]; mean: Float64Array; std: Float64Array; w: Float64Array } | null = null;
let humanFor: ModelWeights | null = null;

/** The two features that pushed a line most towards boilerplate, in words. */
function explain(v: Float64Array): string {
  if (humanFor !== W || !human) {
    const m = model().stage2;
    const ks: number[] = [];
    m.names.forEach((name, k) => { if (HUMAN[name] && k > 0) ks.push(k); });
    human = {
      k: Int32Array.from(ks), hi: ks.map((k) => HUMAN[m.names[k]][0]), lo: ks.map((k) => HUMAN[m.names[k]][1]),
      mean: Float64Array.from(ks, (k) => m.mean[k]), std: Float64Array.from(ks, (k) => m.std[k]), w: Float64Array.from(ks, (k) => m.w[k]),
    };
    humanFor = W;
  }
  const H = human;
  let c1 = 0, c2 = 0, t1 = '', t2 = '';
  for (let h = 0; h < H.k.length; h++) {
    const x = (v[H.k[h]] - H.mean[h]) / H.std[h];
    const c = H.w[h] * x;
    const hi = H.hi[h], lo = H.lo[h];
    if (c >= 0) continue;
    const text = x > 0 ? hi : lo;
    if (!text || text === t1) continue;
    if (c < c1) { c2 = c1; t2 = t1; c1 = c; t1 = text; } else if (c < c2 && text !== t1) { c2 = c; t2 = text; }
  }
  return t2 ? `${t1}, ${t2}` : t1;
}

/** The previous run's line texts and features per memo: an edit changes a few lines, the others are found in place. */
const lastRun = new WeakMap<FeatureMemo, { texts: string[]; feats: LineFeatures[] }>();

/**
 * The labels of the pages of a document read page by page (classifyPages), per feature memo (one per document in the
 * incremental analyser): a page is classified on its own (its text, its lines' template counts and the options), so
 * after an edit the pages whose text did not change are taken from here and only the edited page is classified
 * again — in the document and in the cleaned text the settle loop reads. Keys are the pages' texts (slices of the
 * current text and of its cleaned text: they keep no older version alive); `prev` holds the pages of the last
 * classifyLines call, `next` those of this one, and only those are kept.
 */
interface PageMemo {
  /** The options the labels were computed with (compared by identity; any change empties the memo). */
  opts: readonly unknown[];
  /** The pages of the document and of its cleaned text, by page text. */
  pages: Generations;
  /** The settle loop's labels of the whole cleaned text, by cleaned text (an edit that changes no kept line). */
  cleaned: Generations;
  /** Pages classified and pages taken from the memo by the last classifyLines call, and cleaned texts taken. */
  classified: number;
  reused: number;
  cleanedReused: number;
}
/** Entries of the last classifyLines call (`prev`) and of this one (`next`); only those are kept. */
interface Generations {
  prev: Map<string, PageLabels>;
  next: Map<string, PageLabels>;
}
interface PageLabels {
  /** The template counts of the page's lines it was classified with (null: no template index). */
  counts: Int32Array | null;
  lines: readonly LineInfo[];
}
const pageMemos = new WeakMap<FeatureMemo, PageMemo>();

/**
 * The options fields a page's labels depend on (its template counts are compared on their own; the index's number
 * of dumps too, in case an index object is grown in place).
 */
function labelOptions(o: AnalyzeOptions): unknown[] {
  return [o.boilerplatePatterns, o.keepLines, o.templates, o.templates ? o.templates.documents : -1, o.keepMeta, o.unwrap, o.details];
}

/** The page memo of `memo` for these options, emptied when they changed; its counters zeroed for a new call. */
function pageMemoFor(memo: FeatureMemo, options: AnalyzeOptions): PageMemo {
  const opts = labelOptions(options);
  let pm = pageMemos.get(memo);
  if (!pm || pm.opts.some((v, i) => v !== opts[i])) {
    pm = { opts, pages: { prev: new Map(), next: new Map() }, cleaned: { prev: new Map(), next: new Map() }, classified: 0, reused: 0, cleanedReused: 0 };
    pageMemos.set(memo, pm);
  }
  pm.classified = 0;
  pm.reused = 0;
  pm.cleanedReused = 0;
  return pm;
}

/**
 * How many pages the last classification with this feature memo classified and took from its page memo (a document
 * read as one page: 0 and 0), and how many of the settle loop's cleaned texts it took from there.
 */
export function pageMemoStats(memo: FeatureMemo): { classified: number; reused: number; cleanedReused: number } {
  const pm = pageMemos.get(memo);
  return pm ? { classified: pm.classified, reused: pm.reused, cleanedReused: pm.cleanedReused } : { classified: 0, reused: 0, cleanedReused: 0 };
}

/**
 * The warm-ups of the rare branches (the line features', the document model's, the wraps' and the document pass's)
 * run once per thread, before its first classification: in the threads that classify (the CLI's, the editor's
 * analysis worker), not in the extension host, which loads these modules for its commands and the folder templates
 * without classifying (loading them there took ~68 ms with the features' and the model's warm-ups at load, ~27 ms
 * without: one-off timing of a bundle of the host's core imports).
 */
let warmed = false;
/** warmOnce for a thread that will classify soon (the editor's analysis worker calls it when it starts, while idle). */
export function warmClassifier(): void {
  warmOnce();
}
/** Which warm-ups this thread has run (tests: loading the modules runs none). */
export function classifierWarmed(): { once: boolean; features: boolean; stage2: boolean } {
  return { once: warmed, features: featuresWarmedUp(), stage2: stage2WarmedUp() };
}
function warmOnce(): void {
  if (warmed) return;
  warmed = true; // before: the warm-up classifies through classifyLines
  warmFeatures();
  warmStage2();
  warmWraps();
  warmDocumentPass();
}

export function classifyLines(text: string, raw: readonly RawLine[], given: AnalyzeOptions = {}, memo?: FeatureMemo): LineInfo[] {
  warmOnce();
  // one object shape for every call's options (the derived ones below included): the document passes read them, and
  // a second shape made V8 throw their optimised code away ("wrong map") and compile them again in every thread
  const options = shaped(given, given.templateLineCounts, given.onUnsettledLines, given.focus);
  const pm = memo ? pageMemoFor(memo, options) : undefined;
  try {
    return classifyAll(text, raw, options, memo);
  } finally {
    // keep the pages of this call only
    if (pm) {
      pm.pages = { prev: pm.pages.next, next: new Map() };
      pm.cleaned = { prev: pm.cleaned.next, next: new Map() };
    }
  }
}

/** classifyLines after its options are shaped. */
function classifyAll(text: string, raw: readonly RawLine[], options: AnalyzeOptions, memo?: FeatureMemo): LineInfo[] {
  const unwrap = options.unwrap !== false;
  const pm = memo ? pageMemos.get(memo) : undefined;
  const first = classifyFirst(text, raw, options, memo);
  const paged = first.paged;
  // the preliminary answer (the editor dims with it) before the idempotence loop, the part a one-page file skips
  if (paged) options.onUnsettledLines?.(first.lines);
  // clean(clean(x)) == clean(x): the settle step simulates the cleaned text line by line, but whether the cleaned
  // text reads as wrapped, and which of its lines join, is decided on the cleaned text itself (and so is whether it
  // reads with its links' marks: it may keep fewer links than links.ts asks for, and whether it reads as several
  // pages). So when x was read through a view (wrapped, without its links' marks) or page by page, or its cleaned
  // text is wrapped, the cleaned text is classified again (as analyze would), and the lines that second pass would
  // not keep are labelled here, until it keeps them all (usually one round).
  if (!first.viewed && !paged && (!unwrap || !wrappedOnceCleaned(text, raw, first.lines, options))) return first.lines;
  const out = first.lines;
  const tc = first.viewed ? first.templateCounts : physicalTemplateCounts(text, raw, options);
  for (let round = 0; round < MAX_UNWRAP_ROUNDS; round++) {
    const c = cleanedLines(text, out, options);
    if (c.text.length === 0) break;
    // (no callbacks and no focus for the cleaned text: its lines are not the document's)
    const copts = tc || options.onUnsettledLines || options.focus ? shaped(options, tc ? Int32Array.from(c.from, (i) => (i < 0 ? 0 : tc[i])) : options.templateLineCounts, undefined) : options;
    const ctc = tc ? (copts.templateLineCounts as Int32Array) : null;
    // the same cleaned text as in the last call (an edit that changed no kept line) has the same labels
    let again = pm && recall(pm.cleaned, c.text, ctc, 0, ctc ? ctc.length : 0);
    if (again) pm!.cleanedReused++;
    else {
      // the memo (if any): the cleaned text's lines are lines of the input, their features are there already
      again = classifyFirst(c.text, splitLines(c.text), copts, memo).lines;
      pm?.cleaned.next.set(c.text, { counts: ctc, lines: again });
    }
    let changed = false;
    for (let k = 0; k < c.from.length; k++) {
      const i = c.from[k];
      if (i < 0) continue;
      const s2 = again[k];
      if (keptByClean(s2.label, options.keepMeta)) continue;
      takeOut(out[i], s2);
      changed = true;
    }
    if (!changed) break;
  }
  return out;
}

/**
 * Words of a prose-like line (at least 10 words and a sentence end), else 0: a cheap look without the features.
 * `cap`: stop counting there (10: whether the line is prose, without reading it to its end).
 */
function proseWords(text: string, r: RawLine, cap = 0x7fffffff): number {
  if (r.end - r.start < 19) return 0; // ten words take 19 characters at least
  // the sentence end first (most lines that are not prose stop here), then the words
  let e = r.end - 1;
  while (e > r.start) {
    const c = text.charCodeAt(e);
    if (c === 32 || c === 9 || c === 34 || c === 39 || c === 41 || c === 0x201d || c === 0x2019 || c === 0xbb) e--;
    else break;
  }
  const last = text.charCodeAt(e);
  if (last !== 46 && last !== 33 && last !== 63 && last !== 0x2026) return 0;
  let words = 0, inWord = false;
  for (let k = r.start; k < r.end; k++) {
    const c = text.charCodeAt(k);
    const sp = c === 32 || c === 9 || c === 0xa0;
    if (!sp && !inWord && ++words === cap) break;
    inWord = !sp;
  }
  return words >= 10 ? words : 0;
}

/** Non-blank lines without prose that separate two pages' articles at least. */
const PAGE_GAP = 60;
/** Prose words a page's article has at least. */
const PAGE_WORDS = 200;
/**
 * Pages a file must hold to be read page by page: two far-apart prose runs are as often one long page (an article,
 * a table or list, then more text) as two pages, three or more seldom are.
 */
const PAGE_MIN = 3;
/** Two runs are two pages when this many non-blank lines stand between them (a footer and a header, seldom one page's). */
const PAGE_GAP_TWO = 100;

/**
 * Several pages in one file (`cat *.txt > all.txt`): the classifier's page-level context (one body window, the
 * position in the page, the first line as the page title, page-wide shares, the comment section) assumes one page,
 * and the articles outside the best block would be dropped. The pages are found from their prose: runs of prose
 * lines (10+ words, a sentence end) with fewer than PAGE_GAP non-blank lines without prose between them; PAGE_MIN or
 * more runs of PAGE_WORDS prose words or more (two, PAGE_GAP_TWO lines apart) are the articles of as many pages, cut in the
 * middle of the lines between them (a page's footer and the next one's header, both noise). Returns the first line of
 * each page after the first, or null for one page. One page's reader comments or teasers rarely stand that far from
 * its article with that much prose (2 of the development corpora's 1,417 dumps are cut; bench/concatenated.mjs).
 */
export function pageStarts(text: string, raw: readonly RawLine[]): number[] | null {
  const n = raw.length;
  if (n < 2 * PAGE_GAP) return null;
  // runs of prose: [first prose line, last prose line, prose words]; each line is read only to its tenth word here
  // (whether it is prose), the runs' words are counted below when there are two runs or more (most files have one)
  const runs: number[][] = [];
  let gap = 0, cur: number[] | null = null;
  for (let i = 0; i < n; i++) {
    const r = raw[i];
    if (r.end === r.start) continue;
    const w = proseWords(text, r, 10);
    if (w === 0) {
      if (hasText(text, r)) gap++;
      continue;
    }
    if (!cur || gap >= PAGE_GAP) { cur = [i, i, 0]; runs.push(cur); }
    cur[1] = i;
    gap = 0;
  }
  if (runs.length < 2) return null;
  for (const run of runs) {
    let w = 0;
    for (let i = run[0]; i <= run[1]; i++) w += proseWords(text, raw[i]);
    run[2] = w;
  }
  const pages = runs.filter((r) => r[2] >= PAGE_WORDS);
  if (pages.length < PAGE_MIN && !(pages.length === 2 && gapBetween(text, raw, pages[0][1], pages[1][0]) >= PAGE_GAP_TWO)) return null;
  const starts: number[] = [];
  for (let k = 1; k < pages.length; k++) starts.push((pages[k - 1][1] + 1 + pages[k][0]) >> 1);
  return starts;
}

/** Non-blank lines strictly between lines a and b. */
function gapBetween(text: string, raw: readonly RawLine[], a: number, b: number): number {
  let g = 0;
  for (let i = a + 1; i < b; i++) if (hasText(text, raw[i])) g++;
  return g;
}

/** The line holds more than spaces and tabs (a line of spaces is blank to pageStarts). */
function hasText(text: string, r: RawLine): boolean {
  let k = r.start;
  while (k < r.end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  return k < r.end;
}

/**
 * pageStarts of a hard-wrapped file (its prose lines are broken at ~78 columns, so read per physical line it has
 * almost none): found over the logical lines, each page then starting at the first physical line of its logical line.
 */
function wrappedPageStarts(text: string, raw: readonly RawLine[], wraps: Wraps): number[] | null {
  if (raw.length < 2 * PAGE_GAP) return null;
  const lg = logicalLines(text, raw, wraps);
  const ls = pageStarts(lg.text, lg.raw);
  if (!ls) return null;
  const starts: number[] = [];
  let i = 0;
  for (const l of ls) {
    while (i < raw.length && lg.of[i] < l) i++;
    if (i > 0 && i < raw.length) starts.push(i);
  }
  return starts.length ? starts : null;
}

/** classifyOnce for each page of a file of several pages (pageStarts), the labels put together; `tc`: physicalTemplateCounts. */
function classifyPages(text: string, raw: readonly RawLine[], starts: readonly number[], options: AnalyzeOptions, tc: ArrayLike<number> | null, memo?: FeatureMemo): LineInfo[] {
  const out: LineInfo[] = new Array(raw.length);
  const bounds = [0, ...starts, raw.length];
  // the pages holding the focus lines first (their labels go to focus.onLines at once), then the others in order
  const order: number[] = [];
  const focus = options.focus;
  let fp = -1, lp = -1;
  if (focus && focus.first <= focus.last && focus.first < raw.length && focus.last >= 0) {
    for (let p = 0; p + 1 < bounds.length; p++) {
      if (bounds[p + 1] <= focus.first || bounds[p] > focus.last) continue;
      if (fp < 0) fp = p;
      lp = p;
      order.push(p);
    }
  }
  for (let p = 0; p + 1 < bounds.length; p++) if (p < fp || p > lp) order.push(p);
  const pm = memo ? pageMemos.get(memo) : undefined;
  for (let k = 0; k < order.length; k++) {
    const p = order[k];
    const from = bounds[p], to = bounds[p + 1];
    const sub = text.slice(raw[from].start, raw[to - 1].end);
    // a page seen before with the same text and template counts has the same labels (see PageMemo)
    const seen = pm && recall(pm.pages, sub, tc, from, to);
    let got: readonly LineInfo[];
    if (seen) {
      got = seen;
      pm!.reused++;
    } else {
      const counts = tc ? countsIn(tc, from, to) : null;
      const sopts = shaped(options, counts ?? options.templateLineCounts, undefined);
      got = classifyOnce(sub, linesIn(raw, from, to), sopts, memo).lines;
      if (pm) {
        pm.classified++;
        pm.pages.next.set(sub, { counts, lines: got });
      }
    }
    for (let k = 0; k < got.length; k++) {
      const g = got[k];
      out[from + k] = { line: from + k, start: raw[from + k].start, end: raw[from + k].end, label: g.label, reason: g.reason, detail: g.detail };
    }
    if (p === lp) focus!.onLines(out.slice(bounds[fp], bounds[lp + 1]), bounds[fp]);
  }
  return out;
}

/** Lines from..to of `raw` as lines of their own text (`text.slice(raw[from].start, raw[to - 1].end)`). */
function linesIn(raw: readonly RawLine[], from: number, to: number): RawLine[] {
  const base = raw[from].start;
  // filled by push: a packed array, as splitLines makes (a holey one made V8 deoptimise the passes that read lines)
  const out: RawLine[] = [];
  for (let i = from; i < to; i++) out.push({ start: raw[i].start - base, end: raw[i].end - base });
  return out;
}

/** The template counts of lines from..to. */
function countsIn(tc: ArrayLike<number>, from: number, to: number): Int32Array {
  return Int32Array.from({ length: to - from }, (_, k) => tc[from + k]);
}

/** The labels memoised for `key` with the template counts `tc[from..to)`, kept for the next call; or undefined. */
function recall(g: Generations, key: string, tc: ArrayLike<number> | null, from: number, to: number): readonly LineInfo[] | undefined {
  const seen = g.next.get(key) ?? g.prev.get(key);
  if (!seen || !sameCounts(seen.counts, tc, from, to)) return undefined;
  g.next.set(key, seen);
  return seen.lines;
}

/** The page's template counts `tc[from..to)` are those a page was classified with (both null: no template index). */
function sameCounts(counts: Int32Array | null, tc: ArrayLike<number> | null, from: number, to: number): boolean {
  if (!counts || !tc) return counts === tc;
  if (counts.length !== to - from) return false;
  for (let i = from; i < to; i++) if (counts[i - from] !== tc[i]) return false;
  return true;
}

/**
 * The classification before the idempotence loop: page by page for a file of several pages (pageStarts), else one
 * classifyOnce. The loop classifies the cleaned text the same way, as analyze would.
 */
function classifyFirst(text: string, raw: readonly RawLine[], options: AnalyzeOptions, memo?: FeatureMemo): { lines: LineInfo[]; viewed: boolean; paged: boolean; templateCounts: ArrayLike<number> | null } {
  let starts = pageStarts(text, raw);
  // the wrap is found once: for the pages of a wrapped file, and for its classification
  const wraps = starts || options.unwrap === false ? null : findWraps(text, raw, userDecided(text, raw, options));
  if (!starts && wraps) starts = wrappedPageStarts(text, raw, wraps);
  if (!starts && options.focus) focusEstimate(text, raw, options, options.focus);
  if (starts) {
    const tc = physicalTemplateCounts(text, raw, options);
    return { lines: classifyPages(text, raw, starts, options, tc, memo), viewed: true, paged: true, templateCounts: tc };
  }
  const once = classifyOnce(text, raw, options, memo, wraps);
  return { lines: once.lines, viewed: once.viewed, paged: false, templateCounts: once.templateCounts };
}

/** A text read as one page gets the focus estimate (focusEstimate) from this many lines on. */
export const FOCUS_ESTIMATE_MIN_LINES = 15000;
/** Lines classified on each side of the focus lines for the estimate. */
const FOCUS_WINDOW = 3000;
/** Lines on each side of the focus lines whose estimated labels are sent (well inside the window: its cut ends read as a page's start and end). */
const FOCUS_MARGIN = 1000;

/**
 * The focus answer of a big text read as one page (AnalyzeOptions.focus): its labels depend on the whole page, which
 * takes the longest to classify, so the lines around the focus (FOCUS_WINDOW on each side) are classified as a text of
 * their own first, and the labels of the focus lines and FOCUS_MARGIN around them sent: an estimate, which the labels
 * of the whole text replace (the editor dims the visible lines with it meanwhile). bench/focus-estimate.mjs measures
 * how often it differs from them.
 */
function focusEstimate(text: string, raw: readonly RawLine[], options: AnalyzeOptions, focus: FocusLines): void {
  const n = raw.length;
  if (n < FOCUS_ESTIMATE_MIN_LINES || focus.first > focus.last || focus.first >= n || focus.last < 0) return;
  const from = Math.max(0, focus.first - FOCUS_WINDOW), to = Math.min(n, focus.last + 1 + FOCUS_WINDOW);
  if ((to - from) * 2 > n) return; // not much less than the whole text
  const given = options.templateLineCounts;
  if (given && given.length !== n) return; // the whole text's classification says what is wrong
  const sub = text.slice(raw[from].start, raw[to - 1].end);
  // no memo: the window's labels are not the text's (and its pages, if it reads as several, are not the text's pages)
  const got = classifyFirst(sub, linesIn(raw, from, to), shaped(options, given ? countsIn(given, from, to) : undefined, undefined)).lines;
  const a = Math.max(from, focus.first - FOCUS_MARGIN), b = Math.min(to, focus.last + 1 + FOCUS_MARGIN);
  const out: LineInfo[] = [];
  for (let i = a; i < b; i++) {
    const g = got[i - from];
    out.push({ line: i, start: raw[i].start, end: raw[i].end, label: g.label, reason: g.reason, detail: g.detail });
  }
  focus.onLines(out, a);
}

/** `o` as an object of one fixed shape (every AnalyzeOptions field, in one order), with these three fields. */
function shaped(o: AnalyzeOptions, templateLineCounts: ArrayLike<number> | undefined, onUnsettledLines: AnalyzeOptions['onUnsettledLines'], focus?: FocusLines): AnalyzeOptions {
  return {
    quotes: o.quotes, entities: o.entities, boilerplatePatterns: o.boilerplatePatterns, keepLines: o.keepLines, templates: o.templates,
    templateLineCounts, scareQuotes: o.scareQuotes, keepMeta: o.keepMeta, unwrap: o.unwrap, onUnsettledLines, details: o.details, focus,
  };
}

/** Rounds of the wrapped-text settle loop (each one classifies the cleaned text once; one round is the rule). */
const MAX_UNWRAP_ROUNDS = 8;

/**
 * The text clean() makes of these labels (line endings as \n: findWraps reads lengths and words only), and for each
 * of its lines (splitLines) the input line it comes from (-1: a blank line clean() keeps between two kept lines, or
 * the empty line after a final line ending).
 */
function cleanedLines(text: string, lines: LineInfo[], options: AnalyzeOptions): { text: string; from: number[] } {
  // the text: clean() itself (with \n line endings; the object in the CLI's Labels order: one shape for cleanLabelled)
  const cleaned = cleanLabelled(text, { lines, eol: '\n', bom: text.charCodeAt(0) === 0xfeff, length: text.length }, { keepMeta: options.keepMeta });
  const from = keptSources(lines, options.keepMeta);
  const last = text.length ? text.charCodeAt(text.length - 1) : 0;
  if (from.length > 0 && (last === 10 || last === 13)) from.push(-1); // the empty line after the final line ending
  return { text: from.length > 0 ? cleaned : '', from };
}

/**
 * The lines of the text clean() makes of these labels, by their input line: a kept line, or -1 for the one blank line
 * it keeps between two kept lines that had a blank line between them (clean()'s rule, see cleanLabelled).
 */
function keptSources(lines: readonly LineInfo[], keepMeta: boolean | undefined): number[] {
  const from: number[] = [];
  let pendingBlank = false;
  for (const l of lines) {
    if (l.label === 'blank') { if (from.length > 0) pendingBlank = true; continue; }
    if (!keptByClean(l.label, keepMeta)) continue;
    if (pendingBlank) from.push(-1);
    pendingBlank = false;
    from.push(l.line);
  }
  return from;
}

/**
 * Whether the text clean() would make of these labels reads as wrapped (findWraps over the kept lines in place,
 * without building that text): then the wrapped-text settle loop runs although the input itself did not read as
 * wrapped (its noise lines hid the wrapping).
 */
function wrappedOnceCleaned(text: string, raw: readonly RawLine[], lines: readonly LineInfo[], options: AnalyzeOptions): boolean {
  // the fast exit over the kept lines' lengths first (most cleaned texts keep long paragraph lines)
  if (!mayBeWrapped(raw, (i) => keptByClean(lines[i].label, options.keepMeta))) return false;
  let removed = false;
  for (const l of lines) if (l.label !== 'blank' && !keptByClean(l.label, options.keepMeta)) { removed = true; break; }
  if (!removed) return false; // the cleaned text is this one
  const kept = keptSources(lines, options.keepMeta).map((i) => (i < 0 ? EMPTY_LINE : raw[i]));
  return findWraps(text, kept, userDecided(text, kept, options)) !== null;
}
const EMPTY_LINE: RawLine = { start: 0, end: 0 };

/**
 * One classification: of the lines as given, or of the lines as read — the logical lines when the text is
 * hard-wrapped (unwrap.ts), each line without its links' marks when the dump keeps them (links.ts: Markdown, lynx's
 * numbered references, html-to-text's addresses), or both.
 */
function classifyOnce(text: string, raw: readonly RawLine[], options: AnalyzeOptions, memo?: FeatureMemo, knownWraps?: Wraps | null): { lines: LineInfo[]; viewed: boolean; templateCounts: ArrayLike<number> | null } {
  // (knownWraps: findWraps' answer for this text and options, when the caller has it)
  const wraps = knownWraps !== undefined ? knownWraps : options.unwrap === false ? null : findWraps(text, raw, userDecided(text, raw, options));
  // A hard-wrapped dump: each wrapped paragraph is judged as one line, and its label, reason and detail go to every
  // physical line of it.
  const lg = wraps ? logicalLines(text, raw, wraps) : null;
  const lt = lg ? lg.text : text, lraw = lg ? lg.raw : raw;
  // A dump that keeps its links' addresses (Markdown, lynx, html-to-text): each (logical) line is judged as the page
  // reads it, one line of the view per line.
  const lv = linkView(lt, lraw, userDecided(lt, lraw, options));
  if (!wraps && !lv) return { lines: classifyRaw(text, raw, options, memo), viewed: false, templateCounts: null };
  // of[i]: the line of the view that input line i is read in (-1 or SETEXT_OUT: left out of the view, see linkView)
  const of = lg ? lg.of : Int32Array.from({ length: raw.length }, (_, i) => i);
  if (lv) for (let i = 0; i < of.length; i++) of[i] = lv.of[of[i]];
  const vt = lv ? lv.text : lt, vraw = lv ? lv.raw : lraw;
  let lopts = options;
  const tc = physicalTemplateCounts(text, raw, options);
  if (tc || options.onUnsettledLines) {
    let lc: Int32Array | undefined;
    if (tc) {
      // a paragraph repeats in as many dumps as its least repeated line
      lc = new Int32Array(vraw.length).fill(0x7fffffff);
      for (let i = 0; i < raw.length; i++) if (of[i] >= 0 && tc[i] < lc[of[i]]) lc[of[i]] = tc[i];
    }
    const cb = options.onUnsettledLines;
    lopts = shaped(options, lc ?? options.templateLineCounts, cb && ((lines: readonly LineInfo[]) => cb(toPhysical(lines, raw, of))));
  }
  const lines = toPhysical(classifyRaw(vt, vraw, lopts, memo), raw, of);
  if (wraps) wrapsOf.set(lines, wraps);
  return { lines, viewed: true, templateCounts: tc };
}

/**
 * The wraps classifyOnce found for the wrapped documents' lines it returned (paragraphView reads them instead of
 * finding them again; other documents are not entered: a WeakMap entry per document cost the CLI's batch time).
 */
const wrapsOf = new WeakMap<LineInfo[], Wraps>();

/**
 * The article paragraphs that quotes and entities are looked for in: the lines as they are, or, in a hard-wrapped
 * dump, each wrapped paragraph whose lines are all article as one line of `text` with its line breaks read as spaces
 * (the same offsets: a span found there is a span of the input, possibly across its line breaks).
 */
export function paragraphView(text: string, raw: readonly RawLine[], lines: LineInfo[], options: AnalyzeOptions): { text: string; lines: LineInfo[] } {
  const view = wrappedView(text, raw, lines, options);
  // a dump that keeps its links' marks (links.ts): they read as spaces, so that a name or a quote holding a link
  // is found as the page shows it; the offsets stay the input's
  const plain = linksBlanked(view.text);
  return plain === null ? view : { text: plain, lines: view.lines };
}

/** paragraphView for hard-wrapped dumps: the wrapped article paragraphs as one line each (see paragraphView). */
function wrappedView(text: string, raw: readonly RawLine[], lines: LineInfo[], options: AnalyzeOptions): { text: string; lines: LineInfo[] } {
  if (options.unwrap === false) return { text, lines };
  const wraps = wrapsOf.get(lines) ?? findWraps(text, raw, userDecided(text, raw, options));
  if (!wraps) return { text, lines };
  const out: LineInfo[] = [];
  let joined = false;
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j + 1 < lines.length && wraps.joins[j]) j++;
    let all = true;
    for (let k = i; k <= j && all; k++) all = lines[k].label === 'article';
    if (j > i && all) {
      out.push({ ...lines[i], end: lines[j].end });
      joined = true;
    } else for (let k = i; k <= j; k++) out.push(lines[k]);
    i = j;
  }
  return joined ? { text: logicalLines(text, raw, wraps).text, lines: out } : { text, lines };
}

/** The label of a line left out of the link view (lynx's References list). */
const LINK_LIST: LineInfo = { line: 0, start: 0, end: 0, label: 'boilerplate', reason: 'link-list', detail: undefined };
/** The label of a setext heading's underline left out of the link view ("=====" under a Markdown heading). */
const UNDERLINE: LineInfo = { line: 0, start: 0, end: 0, label: 'boilerplate', reason: 'separator-line', detail: undefined };

/** The labels of the logical lines given to the physical lines they are made of. */
function toPhysical(lines: readonly LineInfo[], raw: readonly RawLine[], of: Int32Array): LineInfo[] {
  const out: LineInfo[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const l = of[i] >= 0 ? lines[of[i]] : of[i] === SETEXT_OUT ? UNDERLINE : LINK_LIST;
    out[i] = { line: i, start: raw[i].start, end: raw[i].end, label: l.label, reason: l.reason, detail: l.detail };
  }
  return out;
}

/** The lines the user's keep lines or patterns decide (they stay lines of their own), or undefined when none. */
function userDecided(text: string, raw: readonly RawLine[], options: AnalyzeOptions): ((i: number) => boolean) | undefined {
  const keep = options.keepLines?.length ? new Set(options.keepLines.map((s) => s.trim())) : null;
  const user = options.boilerplatePatterns?.length ? compileUserPatterns(options.boilerplatePatterns).matchers : [];
  if (!keep && user.length === 0) return undefined;
  return (i) => {
    const t = text.slice(raw[i].start, raw[i].end).trim();
    return (keep !== null && keep.has(t)) || user.some((m) => m.test(t));
  };
}

/** The template index's count of each physical line (given by the caller, or looked up), or null without an index. */
function physicalTemplateCounts(text: string, raw: readonly RawLine[], options: AnalyzeOptions): ArrayLike<number> | null {
  const templates = options.templates;
  if (!templates || templates.documents < MIN_TEMPLATE_DOCUMENTS) return null;
  const given = options.templateLineCounts;
  if (given) {
    if (given.length !== raw.length) throw new Error('templateLineCounts: one count per line expected');
    return given;
  }
  const counts = new Int32Array(raw.length);
  for (let i = 0; i < raw.length; i++) counts[i] = templates.counts.get(lineKeyAt(text, raw[i].start, raw[i].end)) ?? 0;
  return counts;
}

/** A flat copy of `s`: a slice of a flattened string (the same characters, the same offsets). */
function flatCopy(s: string): string {
  return (' ' + s).slice(1);
}

/** The text of each memo's analyser that is a flat copy already (flatTextFor), so that classifyRaw need not copy it. */
const flatTexts = new WeakMap<FeatureMemo, string>();

/**
 * An edited version of the incremental analyser's text (made with +, a cons string) as a flat copy, remembered for
 * its memo: classifyRaw reads it as it is (a 5 MB text was copied twice per edit: by the line table's first slice,
 * which flattens a cons string, and by classifyRaw).
 */
export function flatTextFor(memo: FeatureMemo, s: string): string {
  const t = flatCopy(s);
  flatTexts.set(memo, t);
  return t;
}

/**
 * A text given whole to the analyser (IncrementalAnalyzer.reset) is read as given: usually a sequential string, which
 * the character loops read ~1.4x faster than a slice (a paged file's first analysis reads it whole several times);
 * classifyRaw copies it for the features as it needs.
 */
export function forgetFlatText(memo: FeatureMemo): void {
  flatTexts.delete(memo);
}

/** classifyLines over lines as given (one line, one paragraph). */
function classifyRaw(text: string, raw: readonly RawLine[], options: AnalyzeOptions, memo?: FeatureMemo): LineInfo[] {
  const n = raw.length;
  // built by push: a packed array, as the settle step's (new Array(n) is holey, and labelLines and the passes it
  // inlines, having seen one kind, were thrown away at the first array of the other: "wrong map")
  const feats: LineFeatures[] = [];
  const nb: number[] = [];
  if (memo) {
    // The incremental analyser builds each version of the text with + (a cons string). The character loop of the
    // features, once it has seen a cons string, runs ~1.6x slower on every text for the rest of the process, so
    // the features read a flat copy (a slice of a flattened string; same characters, same offsets), unless the
    // analyser made its text one already (flatTextFor).
    if (flatTexts.get(memo) !== text) text = flatCopy(text);
    const texts: string[] = new Array(n);
    // Lines are looked up at the same index in the previous run, then at the same distance from the end (the
    // lines after an edit), then in the memo: the features are those of an equal text either way.
    const prev = memo.size ? lastRun.get(memo) : undefined;
    const pt = prev ? prev.texts : [], pf = prev ? prev.feats : [];
    const pn = pt.length, shift = pn - n;
    for (let i = 0; i < n; i++) {
      const t = text.slice(raw[i].start, raw[i].end);
      let f: LineFeatures | undefined;
      if (i < pn && pt[i] === t) f = pf[i];
      else if (i + shift >= 0 && i + shift < pn && pt[i + shift] === t) f = pf[i + shift];
      else {
        f = memo.get(t);
        if (!f) {
          // A memo outlives the document version its lines come from: keys are detached copies, else each one
          // would keep a whole version of the text alive (one full copy of the document per edit).
          f = lineFeaturesAt(text, raw[i].start, raw[i].end);
          if (!f.blank) f.key = detach(f.key);
          memo.set(detach(t), f);
        }
      }
      texts[i] = t;
      feats.push(f);
      if (!f.blank) nb.push(i);
    }
    lastRun.set(memo, { texts, feats });
  } else {
    for (let i = 0; i < n; i++) {
      const f = lineFeaturesAt(text, raw[i].start, raw[i].end);
      feats.push(f);
      if (!f.blank) nb.push(i);
    }
  }

  const tpl = templateLineCounts(feats, options);
  const out = labelLines(feats, nb, raw, (i) => text.slice(raw[i].start, raw[i].end), options, undefined, tpl);
  options.onUnsettledLines?.(out);
  settle(out, text, feats, options, tpl);
  return out;
}

/** labelLines' buffer for the vectors of the explained lines, reused by every call. */
let explainBuf = new Float64Array(0);
/** labelLines' buffer for the lines' weights in the page's threshold, reused by every call. */
let weightBuf = new Float64Array(0);

/**
 * The document pass: labels, reasons and details of the lines whose features are `feats` (`nb`: the non-blank
 * ones), from the rules, the model, the rescue and the headline. `raw` gives the offsets of the returned lines
 * (null: 0); `lineText(i)` the text of line i (only read for user patterns and kept lines).
 */
function labelLines(feats: readonly LineFeatures[], nb: readonly number[], raw: readonly RawLine[] | null, lineText: (i: number) => string, options: AnalyzeOptions, keyIds?: ArrayLike<number>, tplCounts?: ArrayLike<number> | null): LineInfo[] {
  const n = feats.length;
  const ctx = templateContext(feats, nb, options.templates, tplCounts ?? undefined);
  const scored = scoreLines(feats, nb, ctx, keyIds);
  const { p2, d1, d2 } = scored;

  const out: LineInfo[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = { line: i, start: raw ? raw[i].start : 0, end: raw ? raw[i].end : 0, label: 'blank', reason: 'blank', detail: undefined };

  const user = options.boilerplatePatterns?.length ? compileUserPatterns(options.boilerplatePatterns).matchers : [];
  const keep = options.keepLines?.length ? new Set(options.keepLines.map((s) => s.trim())) : null;
  const forced = new Uint8Array(nb.length); // 1 = decided by a rule or by the user
  const owner: { lines: number[] | null } = { lines: null }; // the page's logo and copyright lines (nb indices), found for outletCaption only
  // the explained lines' vectors: one buffer for every call (stage2Vector writes all of it before explain reads it)
  if (explainBuf.length !== STAGE1_NAMES.length + STAGE2_EXTRA.length) explainBuf = new Float64Array(STAGE1_NAMES.length + STAGE2_EXTRA.length);
  const vec = explainBuf;
  let firstArticle = -1;
  let articleWords = 0;
  const allWords = d1.allWords; // the words of the non-blank lines, summed in line order

  // First the lines decided without the model: the user's keep list and patterns, the rules, the meta patterns.
  if (weightBuf.length < nb.length) weightBuf = new Float64Array(Math.max(nb.length, 2 * weightBuf.length));
  const wts = weightBuf.subarray(0, nb.length); // each line's weight for the page's threshold (0: decided here)
  for (let j = 0; j < nb.length; j++) {
    const i = nb[j];
    const f = feats[i];
    const o = out[i];
    wts[j] = 0;
    const tt = keep || user.length ? lineText(i).trim() : '';
    if (keep && keep.has(tt)) { o.label = 'article'; o.reason = 'user-keep'; forced[j] = 1; continue; }
    if (user.length) {
      const um = user.find((m) => m.test(tt));
      if (um) { o.label = 'boilerplate'; o.reason = 'user-pattern'; o.detail = um.source; forced[j] = 1; continue; }
    }
    if (f.rule) { o.label = 'boilerplate'; o.reason = f.rule; forced[j] = 1; continue; }
    if (f.meta) { o.label = 'meta'; o.reason = f.meta; forced[j] = 1; continue; } // (longer than 16 words: a dateline)
    const near = metaByNeighbours(feats, nb, j, lineText) ?? (outletCaptionHint(f) && outletCaption(feats, nb, j, lineText, owner) ? 'photo-credit' : null);
    if (near) { o.label = 'meta'; o.reason = near; forced[j] = 1; continue; }
    // a line that repeats (in other dumps of the folder, or earlier in this page) is not the page's own: it is not
    // counted in the page's threshold and is decided by the fixed one
    if (ctx.templateOthers[j] < 2 && d1.dup[j] !== 1) wts[j] = f.words + 1;
  }
  // Then the model's lines: the page's own against the page's threshold (pageThreshold.ts) when the model has one,
  // the repeated ones against the fixed threshold (a page threshold of 0.1 on a short page kept a site's repeated
  // prose line and, in a file of many copies of one page, the copies' repeated lines).
  const M = model();
  const thr = M.decode ? pageThreshold(p2, wts, M.decode, M.threshold) : M.threshold;
  const thrRepeated = M.threshold;
  for (let j = 0; j < nb.length; j++) {
    if (forced[j]) continue;
    const i = nb[j];
    const f = feats[i];
    const o = out[i];
    const dup = d1.dup[j] === 1;
    const tOthers = ctx.templateOthers[j];
    const article = p2[j] >= (tOthers >= 2 || dup ? thrRepeated : thr) ||
      // a wire story's credits right under its last paragraph: "(Reporting by Susan Cornwell; Editing by Tim Dobbyn)"
      (j > 0 && f.words >= 3 && f.words <= 40 && !dup && tOthers < 2 && out[nb[j - 1]].label === 'article' && WIRE_CREDITS.test(lineText(i)));
    if (article) {
      articleWords += f.words;
      o.label = 'article';
      o.reason = f.words >= 10 && f.endSentence ? 'article-prose' : 'article-context';
      if (firstArticle < 0) firstArticle = j;
      continue;
    }
    o.label = 'boilerplate';
    if (tOthers >= 2) {
      o.reason = 'template';
      o.detail = `repeats in ${tOthers + 1} of ${ctx.templateDocs + 1} dumps in this folder`;
    } else if (dup) {
      o.reason = 'duplicate';
    } else {
      const inBody = d2.inBody(j);
      o.reason = !inBody ? 'outside-body' : f.words <= 6 && !f.endSentence ? 'short-fragment' : 'low-prose';
      if (options.details !== false) {
        // what the model read in the line, and its score against the cut-off this page was given (pageThreshold.ts):
        // a line like it on another page may have been kept
        const why = explain(stage2Vector(scored, j, vec));
        const score = scoreBelow(p2[j], thr, M.decode !== undefined);
        o.detail = why ? `${why}; ${score}` : score;
      }
    }
  }

  if (firstArticle < 0 || articleWords < Math.min(50, 0.05 * allWords)) {
    firstArticle = rescue(out, feats, nb, p2, d2, forced, firstArticle);
    firstArticle = lastResort(out, feats, nb, forced, d1, ctx.templateOthers, firstArticle);
  }
  relatedCards(out, feats, nb, forced);
  listAfterColon(out, feats, nb, forced, d1);
  inlineSplits(out, feats, nb, forced, d1, ctx.templateOthers);
  subheadsAfterInserts(out, feats, nb, forced, d1);
  postHeads(out, feats, nb, forced, d1);
  authorBio(out, nb, lineText);
  dropCaps(out, feats, nb, forced, lineText);
  readerTitle(out, feats, nb, forced);
  markHeadline(out, feats, nb, p2, forced, firstArticle, d1, lineText);
  pullQuotes(out, feats, nb, forced, lineText);
  return out;
}

/**
 * The header of a reader service's Markdown (Jina Reader's "Title: …" / "URL Source: …" / "Published Time: …" /
 * "Markdown Content:"): its first line is the page's <title>, which the article's heading repeats below (often with the
 * site's name after it), so it is not the headline; its "Markdown Content:" line is no part of the page either. Taken
 * only when the second line is the "URL Source:" line.
 */
function readerTitle(out: LineInfo[], feats: readonly LineFeatures[], nb: readonly number[], forced: Uint8Array): void {
  if (nb.length < 2 || !feats[nb[0]].key.startsWith('title: ') || !feats[nb[1]].key.startsWith('url source:')) return;
  const o = out[nb[0]];
  if (o.reason === 'user-keep' || o.reason === 'user-pattern') return;
  o.label = 'boilerplate'; o.reason = 'duplicate'; o.detail = 'the page\'s title in a reader service\'s header ("Title:" above "URL Source:")';
  forced[0] = 1;
  // the header's last line, "Markdown Content:", above the page (within its next four lines: "Published Time: …" and others)
  for (let j = 2; j < nb.length && j <= 5; j++) {
    if (feats[nb[j]].key !== 'markdown content:') continue;
    const m = out[nb[j]];
    if (m.reason !== 'user-keep' && m.reason !== 'user-pattern') { m.label = 'boilerplate'; m.reason = 'widget-phrase'; m.detail = 'a reader service\'s header'; forced[j] = 1; }
    break;
  }
}

/** Lower-cased letters and digits of a line, one space between the words ("“It’s here,” she said" → "it s here she said"). */
const wordsOf = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
/** How far (article lines) from a pull quote the paragraph it repeats may be. */
const PULL_QUOTE_REACH = 3;
/**
 * A pull quote: an article line of 5 to 40 words that opens with a quotation mark and whose words all appear, in the
 * same order, inside a longer article line at most PULL_QUOTE_REACH lines away (the Independent's, ABC's and
 * magazines' pull quotes: "“The pressures they would normally expect to see in January are already here”" above or
 * below the paragraph that quotes it). It repeats the article: a duplicate. Only lines opening with a quotation mark
 * are compared, so the step costs little on long dumps. Run after the headline search: a headline in quotation marks
 * that the article repeats stays the headline.
 */
function pullQuotes(out: LineInfo[], feats: readonly LineFeatures[], nb: readonly number[], forced: Uint8Array, lineText: (i: number) => string): void {
  const norm = new Map<number, string>();
  const normAt = (k: number): string => {
    let v = norm.get(k);
    if (v === undefined) norm.set(k, (v = wordsOf(lineText(nb[k]))));
    return v;
  };
  for (let j = 0; j < nb.length; j++) {
    const o = out[nb[j]];
    const f = feats[nb[j]];
    if (o.label !== 'article' || o.reason === 'article-headline' || forced[j] || f.words < 5 || f.words > 40 || !f.hasQuote) continue;
    // (the line's key starts as the trimmed line does: no copy of the line's text for the others)
    const c = f.key.charCodeAt(0);
    if (c !== 0x201c && c !== 34 && c !== 0x2018 && c !== 0xab && c !== 0x201e) continue;
    // sixteen characters from the line's middle, looked for in the other line's text before both are normalised
    const t = lineText(nb[j]);
    const mid = t.length >> 1;
    const key = t.slice(mid - 8, mid + 8);
    let q = '';
    for (let k = Math.max(0, j - PULL_QUOTE_REACH); k < nb.length && k <= j + PULL_QUOTE_REACH; k++) {
      if (k === j || out[nb[k]].label !== 'article' || feats[nb[k]].words < f.words + 3 || lineText(nb[k]).indexOf(key) < 0) continue;
      if (q === '') q = normAt(j);
      if (q.length < 25) break;
      const other = normAt(k);
      const at = other.indexOf(q);
      // whole words only
      if (at >= 0 && (at === 0 || other.charCodeAt(at - 1) === 32) && (at + q.length === other.length || other.charCodeAt(at + q.length) === 32)) {
        o.label = 'boilerplate';
        o.reason = 'duplicate';
        o.detail = 'a pull quote: repeats words of a paragraph of the article';
        break;
      }
    }
  }
}

/**
 * A list's short items under an article line that ends in a colon, up to the next paragraph of prose, most of them
 * kept by the model: the few it dropped are kept too ("The steepest declines … have been recorded in:" / "Iowa" /
 * "Minnesota" / "Indiana" / "Ohio" / "Pennsylvania" / "All five are major egg-producing states…": the model dropped
 * "Indiana" and "Ohio").
 */
function listAfterColon(out: LineInfo[], feats: readonly LineFeatures[], nb: readonly number[], forced: Uint8Array, d1: Stage1Doc): void {
  for (let j = 0; j + 3 < nb.length; j++) {
    if (out[nb[j]].label !== 'article' || !feats[nb[j]].endColon) continue;
    let k = j + 1, kept = 0;
    for (; k < nb.length && k - j <= 12; k++) {
      const f = feats[nb[k]];
      if (forced[k] || d1.dup[k] === 1 || f.words > 4 || f.endColon || (out[nb[k]].label !== 'article' && out[nb[k]].reason !== 'short-fragment')) break;
      if (out[nb[k]].label === 'article') kept++;
    }
    const items = k - j - 1;
    if (items < 3 || kept * 2 < items || kept === items || k >= nb.length || out[nb[k]].reason !== 'article-prose') continue;
    for (let m = j + 1; m < k; m++) {
      const o = out[nb[m]];
      if (o.label !== 'article') { o.label = 'article'; o.reason = 'article-context'; o.detail = undefined; }
    }
    j = k - 1;
  }
}

/**
 * A link's or a name's text that a converter put on a line of its own inside a sentence (BeautifulSoup's
 * get_text("\n"): one span a line, "Minister of State for National Development" / "Tan Siew Ling" / "said the
 * expansion would…"): a short line the model dropped, between an article line of four words or more that ends in no
 * sentence end or colon and one of four words or more that goes on in lower case or with punctuation, each at most two
 * blank lines away.
 */
function inlineSplits(out: LineInfo[], feats: readonly LineFeatures[], nb: readonly number[], forced: Uint8Array, d1: Stage1Doc, templateOthers: ArrayLike<number>): void {
  for (let j = 1; j + 1 < nb.length; j++) {
    const o = out[nb[j]];
    if (o.label !== 'boilerplate' || (o.reason !== 'short-fragment' && o.reason !== 'low-prose') || forced[j] || d1.dup[j] === 1 || templateOthers[j] >= 2) continue;
    const f = feats[nb[j]];
    if (f.words > 6 || f.endSentence || f.endColon || f.bullet || f.seps > 0 || f.startLower) continue;
    const a = feats[nb[j - 1]], b = feats[nb[j + 1]];
    if (out[nb[j - 1]].label !== 'article' || out[nb[j + 1]].label !== 'article' || a.endSentence || a.endColon || a.bullet || a.words < 4 || b.words < 4 || !(b.startLower || b.startPunct) ||
      nb[j] - nb[j - 1] > 3 || nb[j + 1] - nb[j] > 3) continue;
    o.label = 'article'; o.reason = 'article-context'; o.detail = 'inside a sentence that the converter split at a link or a name';
  }
}

/**
 * A subheading right after something the page put into the article (an ad marker, a related story's card): a short
 * line in headline shape between article prose above (past up to four ad markers, related stories' cards, captions,
 * dates or image placeholders, an ad marker or a card among them) and article prose right below, which the model
 * dropped for the inserted lines next to it ("County commissioners have signaled…" / "Advertisement" / "What happens
 * next" / "The commissioners will hold…").
 */
const INSERTS = new Set(['ad-marker', 'related-link', 'photo-credit', 'dateline', 'image-placeholder']);
function subheadsAfterInserts(out: LineInfo[], feats: readonly LineFeatures[], nb: readonly number[], forced: Uint8Array, d1: Stage1Doc): void {
  for (let j = 1; j + 1 < nb.length; j++) {
    const o = out[nb[j]];
    if (o.label !== 'boilerplate' || forced[j] || d1.dup[j] === 1 || (o.reason !== 'short-fragment' && o.reason !== 'low-prose')) continue;
    const f = feats[nb[j]];
    if (f.words < 2 || f.words > 10 || (f.endSentence && !f.key.endsWith('?')) || f.endColon || f.bullet || f.seps > 0 || f.startLower || f.startPunct) continue;
    if (out[nb[j + 1]].reason !== 'article-prose') continue;
    let k = j - 1, inserted = false;
    for (; k >= 0 && j - k <= 4 && INSERTS.has(out[nb[k]].reason); k--) if (out[nb[k]].reason === 'ad-marker' || out[nb[k]].reason === 'related-link') inserted = true;
    if (!inserted || k < 0 || out[nb[k]].reason !== 'article-prose') continue;
    o.label = 'article'; o.reason = 'article-context'; o.detail = undefined;
  }
}

/** The first article-prose line within three lines after line j, past at most one short line (a post's byline); -1 if none. */
function proseAfter(out: LineInfo[], feats: readonly LineFeatures[], nb: readonly number[], forced: Uint8Array, j: number): number {
  let short = 0;
  for (let k = j + 1; k < nb.length && k - j <= 3; k++) {
    if (out[nb[k]].reason === 'article-prose') return k;
    if (forced[k]) continue;
    if (feats[nb[k]].words > 8 || ++short > 1) return -1;
  }
  return -1;
}

/**
 * A live blog's post headlines: a line of two to fourteen words in headline shape right under a post's time (past
 * rule-dropped lines), with the post's prose right below it (past one short line: "From CNN's Sara Smart"), which the
 * model dropped (CNN: "1 hr 5 min ago" / "Drivers stranded on I-90 near Erie" / "From CNN's Andy Rose" / the post). Only
 * on a page of three or more such times each followed by prose: an article's own date has one headline, above it.
 */
function postHeads(out: LineInfo[], feats: readonly LineFeatures[], nb: readonly number[], forced: Uint8Array, d1: Stage1Doc): void {
  const heads: number[] = [];
  let posts = 0;
  for (let j = 0; j + 2 < nb.length; j++) {
    if (out[nb[j]].reason !== 'dateline') continue;
    let h = j + 1;
    while (h < nb.length && h - j <= 3 && forced[h] && out[nb[h]].label === 'boilerplate') h++;
    if (h >= nb.length) continue;
    const o = out[nb[h]];
    const f = feats[nb[h]];
    const head = o.label === 'boilerplate' && !forced[h] && d1.dup[h] !== 1 && o.reason !== 'template' && f.words >= 2 && f.words <= 14 &&
      (!f.endSentence || f.key.endsWith('?')) && !f.endColon && !f.bullet && f.seps === 0 && !f.startLower && !f.startPunct && !nameShaped(f);
    if (head && proseAfter(out, feats, nb, forced, h) >= 0) {
      heads.push(h);
      posts++;
    } else if (proseAfter(out, feats, nb, forced, h - 1) >= 0) posts++;
  }
  if (posts < 3) return;
  for (const h of heads) {
    const o = out[nb[h]];
    o.label = 'article'; o.reason = 'article-context'; o.detail = undefined;
  }
}

/**
 * A drop cap on its own line: the paragraph's first letter, which a browser's innerText (a floated first letter) or a
 * converter put apart from the rest of its word ("T" / "he lamp was lit…"). Kept with the paragraph it starts: a
 * capital alone (after an opening quotation mark or not) right above an article line that starts in lower case.
 */
function dropCaps(out: LineInfo[], feats: readonly LineFeatures[], nb: readonly number[], forced: Uint8Array, lineText: (i: number) => string): void {
  for (let j = 0; j + 1 < nb.length; j++) {
    const f = feats[nb[j]];
    if (f.chars > 2 || f.words !== 1 || forced[j] || out[nb[j]].label === 'article' || nb[j + 1] > nb[j] + 2) continue;
    const g = feats[nb[j + 1]], o = out[nb[j + 1]];
    if (!g.startLower || o.label !== 'article' || g.words < 5 || !DROP_CAP.test(lineText(nb[j]))) continue;
    const d = out[nb[j]];
    if (d.reason === 'user-pattern') continue;
    d.label = 'article'; d.reason = 'article-context'; d.detail = 'a drop cap: the first letter of the paragraph below';
  }
}
const DROP_CAP = /^\s*["“‘']?\p{Lu}\s*$/u;

/**
 * The writer's note at the article's end: "Frank Bodani is a writer for the York Daily Record/Sunday News. He may be
 * reached at …", "Jennifer is a senior writer at Ars Technica…", "Oscar Lau joined the Post in 2023…". Only among the
 * last three article lines: in the body, "Jane Doe is a reporter for the Star who…" is the story. Also the beat's
 * form: "Olivia George covers city government for the Tampa Bay Times. Reach her at …". Meta (a byline's kin): kept
 * with the meta lines. l3s-gn1's gold leaves such notes out.
 */
const AUTHOR_BIO = new RegExp(String.raw`^\s*\p{Lu}[\p{Ll}'’.-]+(?: \p{Lu}[\p{L}'’.-]*){0,2} (?:is (?:an?|the|\p{Lu}[\p{L}'’. ]{1,40}['’]s) (?:[\p{L}&-]+ ){0,4}(?:${JOB_WORD}|contributor)s?(?: (?:for|at|with|of|based|in|who|covering)\b|\.$)|joined (?:the )?\p{Lu}[\p{L}'’.-]* (?:\p{Lu}[\p{L}'’.-]* )?(?:in|as) |covers (?:[\p{L}\p{N}'’.,&-]+ ){1,8}(?:for|at) (?:the )?\p{Lu})`, 'u');
function authorBio(out: LineInfo[], nb: readonly number[], lineText: (i: number) => string): void {
  for (let j = nb.length - 1, seen = 0; j >= 0 && seen < 3; j--) {
    const o = out[nb[j]];
    if (o.label !== 'article') continue;
    seen++;
    if (o.reason === 'user-keep' || o.reason === 'article-headline' || !AUTHOR_BIO.test(lineText(nb[j]))) continue;
    o.label = 'meta'; o.reason = 'byline'; o.detail = undefined;
    // the writer's name alone above the note that starts with it (Khaleej Times: "Nasreen Abdulla" / "Nasreen Abdulla
    // is a Senior Correspondent at Khaleej Times.")
    const a = j > 0 ? out[nb[j - 1]] : null;
    if (a !== null && a.label === 'article' && a.reason !== 'user-keep' && a.reason !== 'article-headline') {
      const name = lineText(nb[j - 1]).trim();
      if (name.length >= 5 && name.length <= 40 && lineText(nb[j]).trimStart().startsWith(name + ' ')) { a.label = 'meta'; a.reason = 'byline'; a.detail = undefined; }
    }
  }
}

/**
 * A related-links label alone on its line (keys: trimmed, lower-cased): "Related Stories", "RELATED...", "Lea también",
 * "Mehr zum Thema" (phrases.ts's RELATED_LABELS, and two more). "Read more" only where it stands once or twice
 * (READ_MORE_HEAD): on a listing page it ends every item's teaser, and the next item's title follows.
 */
const RELATED_HEAD = new RegExp(`^[\\W_]*(?:${RELATED_LABELS}|go deeper|you may also like)[\\W_]*$`);
/** A related-links label that announces one link (phrases.ts's RELATED_LABELS_ONE). */
const SINGLE_HEAD = new RegExp(`^[\\W_]*(?:${RELATED_LABELS_ONE})[\\W_]*$`);
/** A line that opens with a dash as a quotation does in Nordic papers ("– Det var kaos, säger en resenär"), not a list's bullet. */
const DASH_QUOTE = /^\s*[–—] \p{Lu}/u;
/** The site's name after the headline in a page's title: " | The Harbor Ledger", " - Example News". */
const TITLE_SUFFIX = /^\s*[|–—-]\s*\S.{0,60}$/;
/** A pandoc fenced div's fence or a raw HTML tag alone on its line (links.ts reads both as marks). */
const FENCE_LINE = /^\s*(?::{3}|<)/;
/** A topics' or tags' label alone on its line. */
const TOPICS_HEAD = /^[\W_]*(?:related )?(?:topics?|tags?|themen|sujets|temas|argomenti|onderwerpen)[\W_]*$/;
/** "Read more" alone (a related-links label where it stands once or twice in the document). */
const READ_MORE_HEAD = /^[\W_]*read more[\W_]*$/;

/**
 * The linked headlines under a related-links label inside the article: up to five cards in headline shape (cardShaped:
 * 3 to 20 words, 7 or more after the first unless they are list items; no sentence end but "?", no colon at the end),
 * one under a label that announces one link (SINGLE_HEAD), each within three lines of the last, past lines already
 * dropped, cards' dates and one-word topics, that the model kept only for the prose around them ("Related Stories" /
 * "Trump administration moves to end housing aid…" / "How the federal rental assistance program works"), and the label
 * itself when the model kept it too ("Lea también"). Also the topics with commas under a topics' label alone.
 */
function relatedCards(out: LineInfo[], feats: readonly LineFeatures[], nb: readonly number[], forced: Uint8Array): void {
  // "Read more" alone heads the links below it only where it stands once or twice (a listing page ends every teaser so)
  let readMore = 0;
  for (let j = 0; j < nb.length && readMore <= 2; j++) if (feats[nb[j]].words === 2 && READ_MORE_HEAD.test(feats[nb[j]].key)) readMore++;
  for (let j = 0; j + 1 < nb.length; j++) {
    const f = feats[nb[j]];
    // the topics under their label alone, as a list with commas ("Related Topics" / "NHS, Cancer, Wes Streeting, Health news")
    if (f.words <= 2 && TOPICS_HEAD.test(f.key)) {
      const g = feats[nb[j + 1]], o = out[nb[j + 1]];
      if (o.reason === 'article-context' && !forced[j + 1] && g.words <= 20 && !g.endSentence && countChar(g.key, 44 /* , */) >= 2) { o.label = 'boilerplate'; o.reason = 'related-link'; o.detail = undefined; }
      continue;
    }
    if (f.words > 4 || !(RELATED_HEAD.test(f.key) || (readMore <= 2 && f.words === 2 && READ_MORE_HEAD.test(f.key)))) continue;
    // "Lea también", "Read also", "Leggi anche": one link ("Mirá también" / a card / "Qué hacer si te quedás sin luz", the
    // article's next subheading)
    const most = SINGLE_HEAD.test(f.key) ? 1 : 5;
    let k = j + 1, cards = 0, last = j;
    for (; k < nb.length && k <= last + 3 && cards < most; k++) {
      const g = feats[nb[k]], o = out[nb[k]];
      // between the cards: a line already dropped (a card the model dropped, a card's date), or a card's topic of one
      // or two words right above it ("Mehr zum Thema" / "Verkehrswende" / "München plant 50 neue Fahrradstraßen bis
      // 2030" / "Parkgebühren" / …)
      if (cards > 0 && (o.label === 'boilerplate' || o.reason === 'dateline')) continue;
      const topic = o.reason === 'article-context' && g.words <= 2 && !g.endSentence && !g.endColon && k + 1 < nb.length && cardShaped(feats[nb[k + 1]], out[nb[k + 1]], true, forced[k + 1] === 1);
      // after the first, only long ones: a short line there is the article's next subheading ("Lea también" / "Sanidad
      // prevé jubilar…" / "Pacientes que renuncian a pedir cita" / the section's first paragraph)
      if (!topic && !cardShaped(g, o, cards > 0, forced[k] === 1)) break;
      o.label = 'boilerplate'; o.reason = 'related-link'; o.detail = undefined;
      if (!topic) cards++;
      last = k;
    }
    const h = out[nb[j]];
    if (cards > 0 && h.label === 'article' && h.reason === 'article-context') { h.label = 'boilerplate'; h.reason = 'related-link'; h.detail = undefined; }
  }
}

/** A related card's linked headline that the model kept: 3 to 20 words (7 or more after the first unless a list item), no sentence end but "?", no colon at the end. */
function cardShaped(g: LineFeatures, o: LineInfo, later: boolean, ruled: boolean): boolean {
  return !ruled && o.reason === 'article-context' && g.words >= (later && !g.bullet ? 7 : 3) && g.words <= 20 && !(g.endSentence && !g.key.endsWith('?')) && !g.endColon;
}

/**
 * A wire story's credits in brackets, the last line of the article as the agency sends it: "(Reporting by Greg
 * Stutchbury in Melbourne; Editing by John O'Brien)", "(Additional reporting by …)", "(Writing by …; editing by …)". The
 * gold of l3s-gn1 keeps them (5 of its 6 pages with one). Not without brackets (Reuters' own pages: "Reporting by …"
 * then "Our Standards: …", which a dump wrapped at 78 columns can join into one paragraph).
 */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|(?:al|el|bin|de|van|von|da|di|le)(?:-\p{L}+)?)`;
const NAMES = String.raw`${NAME_WORD}(?:(?:,? and |, | )${NAME_WORD}){0,12}`;
const CREDIT_PART = String.raw`(?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Rr]esearch) by ${NAMES}(?: in ${NAMES})?`;
const WIRE_CREDITS = new RegExp(String.raw`^\s*\(${CREDIT_PART}(?:[;,] (?:and )?${CREDIT_PART})*\)\.?\s*$`, 'u');

/**
 * A meta line known by the line next to it (nb[j], not decided by a pattern of its own): a caption under its label or
 * button, above its credit alone, a name under "By" alone or above the writer's job title, "By" alone above a name.
 */
function metaByNeighbours(feats: readonly LineFeatures[], nb: readonly number[], j: number, lineText: (i: number) => string): MetaHit | null {
  const i = nb[j], f = feats[i];
  const prev = j > 0 ? feats[nb[j - 1]] : null;
  const next = j + 1 < nb.length && nb[j + 1] === i + 1 ? feats[i + 1] : null; // the next line, with no blank line between
  // the line under a caption's label alone ("Image caption," / "Flood water covered the main road…") is the caption
  if (prev && f.words <= 40 && !f.endColon && captionLabel(prev, nb[j - 1], lineText)) return 'photo-credit';
  // NPR: the credit under its "toggle caption" button ("toggle caption" / "Elena Ortiz for NPR")
  if (prev && f.words <= 10 && !f.endSentence && prev.words === 2 && prev.key === 'toggle caption') return 'photo-credit';
  // "By" alone, the name on the next line (NPR; PR Newswire: "News provided by" / "Acme Robotics")
  if (f.words <= 3 && j + 1 < nb.length && BY_ALONE.has(f.key) && nameShaped(feats[nb[j + 1]])) return 'byline';
  if (prev && f.words <= 4 && prev.words <= 3 && nameShaped(f) && (BY_ALONE.has(prev.key) || (prev.meta === 'byline' && prev.endColon && BY_ALONE.has(prev.key.replace(/\s*:$/, ''))))) return 'byline';
  // the writer's name twice, above the date (the portrait's alternative text and the name: News24's "Jenna Etheridge" /
  // "Jenna Etheridge" / "Published 16 Apr 2026")
  if (next && next.key === f.key && j + 2 < nb.length && feats[nb[j + 2]].meta === 'dateline' && nameShaped(f)) return 'byline';
  // the writer's name between the standfirst (under the headline) and the date, which the model may keep with the
  // standfirst (Daily Maverick: the headline / "The route, planned for a decade, will link…" / "Jane Mokoena" / "16 Apr
  // 2026"; not a post's title above its date, below the previous post's paragraphs: no paragraph above the headline)
  // (also with a blank line on each side, as Markdown writes every block: a reader service's "[Jane Mokoena](…)")
  const nearNext = next ?? (j > 0 && j + 1 < nb.length && nb[j + 1] === i + 2 && nb[j - 1] === i - 2 ? feats[i + 2] : null);
  if (prev && nearNext && nearNext.meta === 'dateline' && f.words <= 3 && f.stopShare === 0 && prev.endSentence && prev.words >= 8 && prev.words <= 45 && !prev.meta && !prev.rule &&
    j >= 2 && nameShaped(f) && headlineShaped(feats[nb[j - 2]]) && !proseAbove(feats, nb, j - 2)) return 'byline';
  // the writer's name and the paper's, next to the date ("Jane Sutrisno (The Jakarta Post)" / "Jakarta" / "Thu, April
  // 16, 2026"; Philstar's "Jane Cruz - The Freeman" / "April 16, 2026 | 12:00am")
  if (f.words >= 3 && f.words <= 9 && !f.endSentence && !f.meta &&
    ((prev && prev.meta === 'dateline') || (j + 1 < nb.length && feats[nb[j + 1]].meta === 'dateline') || (j + 2 < nb.length && feats[nb[j + 2]].meta === 'dateline')) &&
    NAME_OUTLET.test(lineText(i))) return 'byline';
  // a date's label alone above the date ("Updated" / "Apr 16, 2026, 05:42 PM": the Straits Times)
  if (next && f.words <= 2 && next.meta === 'dateline' && !f.endColon && DATE_LABEL.test(f.key)) return 'dateline';
  // a place alone under the byline, above the article (the Nation: "Our Staff Reporter" / "Lahore"; India Today's "Bengaluru,")
  // (above the first paragraph, or above the date; with a comma only above the date: "Posted by: …" / "King," / a comment's
  // first line is a salutation)
  if (prev && prev.meta === 'byline' && j + 1 < nb.length && f.words === 1 && f.digitShare === 0 && f.chars <= 20 && !f.endSentence && !f.endColon &&
    (feats[nb[j + 1]].meta === 'dateline' ? /^\s*\p{Lu}\p{Ll}[\p{L}-]*,?\s*$/u : /^\s*\p{Lu}\p{Ll}[\p{L}-]*\s*$/u).test(lineText(i)) &&
    (feats[nb[j + 1]].meta === 'dateline' || (feats[nb[j + 1]].words >= 12 && feats[nb[j + 1]].endSentence))) return 'byline';
  // the name above the writer's job title ("Sam Coates" / "Deputy political editor @SamCoatesSky"; not above "By …")
  // (also across a blank line: the Globe and Mail's "Caroline Alphonso" / "" / "Education Reporter")
  const below = j + 1 < nb.length && nb[j + 1] <= i + 2 ? feats[nb[j + 1]] : null;
  if (below && nameShaped(f) && below.meta === 'byline' && JOB_BELOW.test(below.key) && !below.key.startsWith('by ')) return 'byline';
  // the line right above an agency's credit alone ("… in Tokyo, Japan, November 27, 2026." / "REUTERS/Kim
  // Kyung-Hoon/File Photo": a caption whose credit a wrap or the page put on its own line)
  if (next && f.words <= 60 && agencyCreditAlone(next, i + 1, lineText)) return 'photo-credit';
  // a photo's alternative text above its caption, which starts with it and ends in the credit (the Buenos Aires Times: "A
  // woman shops at a market in Buenos Aires." / "A woman shops at a market in Buenos Aires. | NA")
  if (next && next.meta === 'photo-credit' && f.words >= 3 && next.chars > f.chars && next.key.startsWith(f.key)) return 'photo-credit';
  // a photographer over the outlet alone, under a caption or a paragraph ("… on April 10, 2026." / "Jire Carreon/Rappler";
  // not a forum's poster above the post's date: "Jim Pappas/Jabba" / "05-07-2005, 12:02 AM")
  if (prev && f.words >= 3 && f.words <= 8 && prev.words >= 4 && prev.words <= 40 && prev.endSentence && !prev.rule && f.key.indexOf('/') > 0 && PHOTOGRAPHER_CREDIT.test(lineText(i)) &&
    !(j + 1 < nb.length && feats[nb[j + 1]].meta === 'dateline') && captionShaped(lineText(nb[j - 1]))) return 'photo-credit';
  // A caption between two paragraphs: one short sentence without a quotation or a speaker, after a paragraph (not a
  // standfirst under the headline: the Economist's "Photograph: Getty Images" under it), above its credit alone in a
  // credit's own shape, the photographer over the outlet or a labelled credit ("… in Kakamega, western Kenya." / "SIMON
  // MAINA / AFP/File"; the Guardian's "… in Oxfordshire." / "Photograph: Ben Birchall/PA"; Gulf News' "Image Credit:
  // Supplied"; not an agency alone: the BBC puts "Getty Images" above its caption, wires put "- AAP" under the story),
  // or ending in its agency's name ("… in central Seoul. (Yonhap)", "… in Bayan Lepas. - Bernama": with the next
  // paragraph below, not the story's last paragraph, which Yonhap and Bernama end so).
  // Also the lead photo's caption ending in its agency right under the header's dates or buttons, above the first
  // paragraph (the Korea Herald: the headline / "Published : …" / "Link copied" / "… on Wednesday. (Yonhap)" / the
  // story: it was taken for the headline).
  if (prev && j + 1 < nb.length && f.words >= 3 && f.words <= 35 && !f.hasQuote && !f.endColon && !f.bullet && f.seps === 0 &&
    (prev.rule || prev.meta) && agencyEndHint(f)) {
    const below = feats[nb[j + 1]];
    if (!below.meta && !below.rule && below.words >= 12 && below.endSentence && CAPTION_AGENCY_END.test(lineText(i).trimEnd()) && captionShaped(lineText(i))) return 'photo-credit';
  }
  // (also under the header's last line, a date or a button a rule dropped: DW's "November 29, 2026" / "A mixed forest in
  // the Harz mountains" / "Image: Matthias Bein/dpa/picture alliance"; News24's "Comments" / "A MyCiTi bus at a station in
  // Cape Town." / "Jaco Marais/Die Burger"; and the photographer over the outlet in brackets: "(Richard Tsong-Taatarii/The
  // Minnesota Star Tribune)")
  const paraAbove = prev !== null && prev.words >= 8 && prev.endSentence && !prev.meta && !prev.rule;
  if (prev && j + 1 < nb.length && f.words >= 3 && f.words <= 35 && !f.hasQuote && !f.endColon && !f.bullet && f.seps === 0 &&
    (paraAbove || ((prev.rule !== null || prev.meta === 'dateline') && f.words <= 20))) {
    const k = nb[j + 1], below = feats[k];
    // (and the line under the credit is not a menu's next item: "NSG Activities/Information" / "Solidarity Events/Actions" / …)
    if ((below.meta === 'photo-credit' || (!below.meta && !below.rule)) && below.words <= 10 && !below.endSentence && j + 2 < nb.length && feats[nb[j + 2]].words >= 6 &&
      (f.capShare < 1 || below.meta === 'photo-credit') && ((below.key.indexOf('/') > 0 && photographerCredit(lineText(k), below)) || (below.meta === 'photo-credit' && CREDIT_LABELLED.test(lineText(k)))) &&
      captionShaped(lineText(i))) return 'photo-credit';
    if (paraAbove && !below.meta && !below.rule && below.words >= 12 && below.endSentence && agencyEndHint(f) && CAPTION_AGENCY_END.test(lineText(i).trimEnd()) && captionShaped(lineText(i))) return 'photo-credit';
  }
  return null;
}

/**
 * A photo's caption whose only credit is the outlet's own name after its sentence ("Residents wade through a flooded
 * road on Monday. The Daily Star", "… above the village. Mountain News"): one or two sentences, then one to four
 * capitalised words without a sentence end (not a wrapped paragraph's line, the next line in lower case), when those
 * words are the page's owner: in another line among its first three (the logo) or in a copyright line (the rule's: "©
 * 2026 The Daily Star"); not a link's label ("… More Details") or a forum post's signature.
 * outletCaptionHint is the cheap test on the line's features, before the line's text is read.
 */
const outletCaptionHint = (f: LineFeatures): boolean => !f.endSentence && f.words >= 6 && f.words <= 40 && f.seps === 0 && !f.bullet && !f.hasQuote &&
  !f.endColon && f.chars <= MAX_KEY_LEN && f.capShare < 0.6 && f.key.indexOf('. ', f.key.length - 45) > 20;
const OUTLET_TAIL = /^\s*\p{Lu}.{20,}?\p{Ll}[.!?] ((?:The )?\p{Lu}[\p{L}'’&-]+(?: \p{Lu}[\p{L}'’&-]+){0,3})\s*$/u;
function outletCaption(feats: readonly LineFeatures[], nb: readonly number[], j: number, lineText: (i: number) => string, owner: { lines: number[] | null }): boolean {
  const i = nb[j];
  if (j + 1 < nb.length && nb[j + 1] === i + 1 && feats[i + 1].startLower) return false; // a wrapped paragraph's line
  const m = OUTLET_TAIL.exec(lineText(i));
  if (!m || m[1].length < 6) return false;
  // the page's logo line (its first three non-blank lines) and its copyright lines, by their features
  owner.lines ??= nb.filter((i, k) => k < 3 || feats[i].rule === 'copyright');
  // (in another line than the caption itself: a page's first lines may hold the line, "… License. Site Meter Site Meter")
  for (const o of owner.lines) if (o !== i && lineText(o).includes(m[1])) return true;
  return false;
}

/** A photographer over the outlet alone (PHOTOGRAPHER_CREDIT), also in brackets when the line's own pattern read it as a credit. */
function photographerCredit(t: string, f: LineFeatures): boolean {
  if (f.meta === 'photo-credit' && f.key.charCodeAt(0) === 40 /* ( */) {
    const s = t.trim();
    return s.charCodeAt(s.length - 1) === 41 && PHOTOGRAPHER_CREDIT.test(s.slice(1, -1));
  }
  return PHOTOGRAPHER_CREDIT.test(t);
}

/** A paragraph of prose (15 words or more, with its sentence end) among the non-blank lines above nb[j]. */
function proseAbove(feats: readonly LineFeatures[], nb: readonly number[], j: number): boolean {
  for (let k = 0; k < j; k++) if (feats[nb[k]].words >= 15 && feats[nb[k]].endSentence) return true;
  return false;
}
/** The line's key ends as CAPTION_AGENCY_END's credits do: in ")" or with a dash among its last 14 characters (a cheap test before the line's text is sliced). */
function agencyEndHint(f: LineFeatures): boolean {
  const k = f.key, n = k.length;
  if (f.chars > MAX_KEY_LEN) return false;
  return k.charCodeAt(n - 1) === 41 || k.indexOf('- ', n - 14) >= 0 || k.indexOf('\u2014', n - 14) >= 0 || k.indexOf('\u2013', n - 14) >= 0;
}
/** A headline's shape: 4 to 25 words, no sentence end, no colon, decided by no rule or meta pattern. */
const headlineShaped = (f: LineFeatures): boolean => f.words >= 4 && f.words <= 25 && !f.endSentence && !f.endColon && !f.meta && !f.rule && !f.startLower && f.seps === 0;
/**
 * A writer's name and the paper's, in brackets or after a dash and "The": "Jane Sutrisno (The Jakarta Post)", "Jane Cruz
 * - The Freeman" (not a heading's two parts: "Altitude Illness - Cerebral Syndromes", "Sheridan College – Main Gym").
 */
const NAME_OUTLET = /^\s*\p{Lu}(?:\p{Ll}+|\.)(?:[ -]\p{Lu}(?:\p{Ll}+|\.)){1,2} (?:\((?:The )?\p{Lu}[\p{L}.&'’-]*(?: \p{Lu}[\p{L}.&'’-]*){0,3}\)|[-–—] The \p{Lu}[\p{L}.&'’-]*(?: \p{Lu}[\p{L}.&'’-]*){0,3})\s*$/u;
/** A credit with its label: "Photograph: Ben Birchall/PA", "Image Credit: Supplied", "Photo: Jire Carreon/Rappler". */
const CREDIT_LABELLED = /^\s*(?:Photograph|Photo|Picture|Image|Foto|Credit)(?: [Cc]redit)?s?\s*:\s*\p{Lu}/u;
/** One sentence (no sentence end followed by a capital inside it) without a speaker: a photo's caption, not a paragraph's sentence of reported speech. */
function captionShaped(t: string): boolean {
  return !/[.!?]["”’)]? \p{Lu}\p{Ll}/u.test(t.replace(CAPTION_AGENCY_END, '').replace(CAPS_KICKER, '')) && !PROSE_VERB.test(t) && !PERSON_WORD.test(t);
}
/** The first and second persons of comments and posts ("I know what it's like to be a fan"), not of captions. */
const PERSON_WORD = /\b(?:I|[Yy]ou|[Ww]e|[Mm]y|[Yy]our|[Oo]ur)\b/;
/** Reported speech and the tenses of a story's sentences ("… could not be reached by presstime."), which captions, in the present, have not. */
const PROSE_VERB = /\b(?:said|says|told|tells|according to|added|stated|announced|could|would|should|will|had|has|have|was|were|did|been)\b/;
/** A caption's kicker in capitals: "TRAFFIC. Vehicles crawl along EDSA…" (Rappler). */
const CAPS_KICKER = /^\s*\p{Lu}{2,}(?: \p{Lu}{2,})*\. /u;

/** An agency's credit alone on its line, in capitals: "REUTERS/Kim Kyung-Hoon/File Photo", "AFP/Getty Images". */
function agencyCreditAlone(f: LineFeatures, i: number, lineText: (i: number) => string): boolean {
  return f.meta === 'photo-credit' && f.words <= 12 && /^\s*(?:REUTERS|AFP|EPA|XINHUA)\/\p{Lu}/u.test(lineText(i));
}

/** A caption's label alone on its line, read as a credit (CREDIT): "Image caption,", "Media caption". */
function captionLabel(f: LineFeatures, i: number, lineText: (i: number) => string): boolean {
  return f.meta === 'photo-credit' && f.words <= 2 && /^\W*(?:(?:image |photo |media )?caption\W*|(?:photograph|photo|image|picture|foto):\s*)$/i.test(lineText(i));
}

/**
 * The last resort, after the rescue: a page where no article line is left although some lines are not marked as
 * noise by a rule, pattern, meta pattern, template, repetition or menu separators keeps all those lines (a list of headlines, a
 * catalogue, a page the model cannot read): Clean Article never empties a page that has text. The settle step runs
 * this pass again over the kept lines (where a first pass's context lines can all read as noise, e.g. CleanEval's
 * final-668, which was cleaned to nothing), so the guarantee also holds for clean(clean(x)).
 */
function lastResort(out: LineInfo[], feats: readonly LineFeatures[], nb: readonly number[], forced: Uint8Array, d1: Stage1Doc, templateOthers: ArrayLike<number>, firstArticle: number): number {
  let kept = 0, other = 0;
  for (let j = 0; j < nb.length; j++) {
    const o = out[nb[j]];
    if (o.label === 'article') kept += feats[nb[j]].words;
    else if (!forced[j] && d1.dup[j] !== 1 && templateOthers[j] < 2 && feats[nb[j]].seps === 0) other += feats[nb[j]].words;
  }
  if (kept > 0 || other === 0) return firstArticle;
  for (let j = 0; j < nb.length; j++) {
    const o = out[nb[j]];
    if (o.label === 'article' || forced[j] || d1.dup[j] === 1 || templateOthers[j] >= 2 || feats[nb[j]].seps > 0) continue;
    o.label = 'article';
    o.reason = 'article-rescue';
    o.detail = undefined;
    if (firstArticle < 0 || j < firstArticle) firstArticle = j;
  }
  return firstArticle;
}

/** Upper bound on the settle rounds' work, in units of the document's first kept-line count (see settle). */
const SETTLE_WORK = 64;
/**
 * Kept lines up to which the settle rounds get SETTLE_WORK rounds' work; a text that keeps more gets SETTLE_WORK
 * times this many lines' work in all, and at least three rounds (see settle). On a big text the rounds can
 * each take out only the next few lines of a chain (a line's neighbours read differently once it is gone): a 5 MB
 * CSV table, whose rows are duplicates of each other once digits are folded, took out 1-5 rows a round and ran
 * into the cap after 64 rounds of ~0.2 s. No corpus document keeps more than ~830 lines.
 */
const SETTLE_FULL_LINES = 8192;

/** The settle rounds run so far in this thread, and the kept lines they classified in all (read by tests). */
export const settleWork = { rounds: 0, lines: 0 };

/**
 * Settle step: what `clean()` keeps must be kept again when the cleaned text is analysed (clean(clean(x)) ==
 * clean(x)); with `options.keepMeta` the kept lines are those of `clean(x, { keepMeta: true })`. Lines kept only because of their context (short lines between the article and the noise, a last
 * paragraph followed by a footer) can read differently once the noise around them is gone. So the document pass
 * is run again over the kept lines exactly as clean() writes them (same order, one blank line where the input had
 * blank lines between them, the BOM on the first line, a final empty line when the text ends with a line
 * ending), and the lines that pass would not keep are labelled here already (reason `settled-out`, or the meta
 * reason the second pass gives), so labels and clean() agree with what a second clean would do.
 * Repeated until the kept set is stable. It only ever shrinks, so it terminates; each round is a document pass
 * over the kept lines (the features are reused, not recomputed). The total work is capped at SETTLE_WORK times the
 * first kept-line count (not reached on the corpora; see BENCHMARKS.md), and at SETTLE_WORK times SETTLE_FULL_LINES
 * lines for a text that keeps more (at least three rounds): a big text whose rounds do not converge stops there,
 * and the lines its last round kept stay kept (clean(clean(x)) may then drop a few more).
 */
function settle(out: LineInfo[], text: string, feats: readonly LineFeatures[], options: AnalyzeOptions, tplCounts: Int32Array | null): void {
  const n = out.length;
  // the lines clean() keeps: article, and meta when the caller cleans with keepMeta
  const keeps = (l: LineInfo) => keptByClean(l.label, options.keepMeta);
  // this round's kept lines: kept[0..m); the next round's are written into `next`, then the two swap
  let kept = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (keeps(out[i])) kept[m++] = i;
  if (m === 0) return;
  let next = new Int32Array(m);
  const blankPre = new Int32Array(n + 1); // blank lines before line i
  for (let i = 0; i < n; i++) blankPre[i + 1] = blankPre[i] + (out[i].label === 'blank' ? 1 : 0);
  const bom = text.charCodeAt(0) === 0xfeff;
  const lastCode = text.length ? text.charCodeAt(text.length - 1) : 0;
  const endsWithEol = lastCode === 10 || lastCode === 13;
  // the rounds run while budget > 0: at least three when m is over SETTLE_FULL_LINES
  let budget = Math.max(SETTLE_WORK * Math.min(m, SETTLE_FULL_LINES), 2 * m + 1);
  // The keys of the kept lines numbered once (equal keys, equal numbers): each round finds its duplicates with
  // integers instead of comparing the key strings again.
  const idOf = new Map<string, number>();
  const keyId = new Int32Array(n).fill(-1);
  for (let k = 0; k < m; k++) {
    const i = kept[k];
    const key = feats[i].key;
    let id = idOf.get(key);
    if (id === undefined) { id = idOf.size; idOf.set(key, id); }
    keyId[i] = id;
  }
  // The cleaned document, rebuilt by each round in the same tables (a text that keeps 300,000 lines spent half of
  // its settle time growing new arrays every round): features per line, the input line each one comes from (-1: a
  // blank line), its non-blank lines, their key numbers, the template counts of its lines. It has at most 2m + 1
  // lines (a blank line between two kept lines, one at the end).
  const cf: LineFeatures[] = [];
  const cnb: number[] = [];
  const from = new Int32Array(2 * m + 1);
  const cid = new Int32Array(m);
  const ctpl = tplCounts ? new Int32Array(2 * m + 1) : null;
  while (m > 0 && budget > 0) {
    budget -= m;
    settleWork.rounds++;
    settleWork.lines += m;
    let c = 0, b = 0; // lines of the cleaned document, its non-blank lines
    for (let k = 0; k < m; k++) {
      const i = kept[k];
      if (k > 0 && blankPre[i] - blankPre[kept[k - 1] + 1] > 0) {
        cf[c] = BLANK_FEATURES;
        from[c] = -1;
        if (ctpl) ctpl[c] = 0;
        c++;
      }
      let f = feats[i];
      if (k === 0 && bom && i > 0) {
        // clean() puts the BOM in front of the first kept line (features ignore trailing spaces, not a leading BOM)
        const s = ['\ufeff', lineText(text, out[i])].join(''); // a flat string (see the end of features.ts)
        f = lineFeaturesAt(s, 0, s.length);
      }
      if (ctpl) ctpl[c] = f === feats[i] ? tplCounts![i] : f.blank ? 0 : options.templates!.counts.get(f.key) ?? 0;
      if (!f.blank) {
        cnb[b] = c;
        let id = f === feats[i] ? keyId[i] : idOf.get(f.key);
        if (id === undefined) { id = idOf.size; idOf.set(f.key, id); }
        cid[b++] = id;
      }
      cf[c] = f;
      from[c++] = i;
    }
    if (endsWithEol) {
      cf[c] = BLANK_FEATURES;
      from[c] = -1;
      if (ctpl) ctpl[c] = 0;
      c++;
    }
    cf.length = c;
    cnb.length = b;
    const second = labelLines(cf, cnb, null, (x) => lineText(text, out[from[x]]), options, cid.subarray(0, b), ctpl && ctpl.subarray(0, c));
    let m2 = 0;
    for (let x = 0; x < c; x++) {
      const i = from[x];
      if (i < 0) continue;
      const s = second[x];
      if (keeps(s)) { next[m2++] = i; continue; }
      takeOut(out[i], s);
    }
    if (m2 === m) return;
    const t = kept;
    kept = next;
    next = t;
    m = m2;
  }
}

const BLANK_FEATURES = lineFeaturesAt('', 0, 0);

/**
 * Line `o`, kept by the first pass, is not kept when the cleaned text is classified again (its label there: `s`): it
 * becomes meta with the second pass's reason, or boilerplate `settled-out` with the second pass's reason as detail.
 */
function takeOut(o: LineInfo, s: LineInfo): void {
  if (s.label === 'meta') { o.label = 'meta'; o.reason = s.reason; o.detail = s.detail; }
  else { o.label = 'boilerplate'; o.reason = 'settled-out'; o.detail = s.label === 'boilerplate' ? (s.detail ?? REASONS[s.reason]?.replace(/\.$/, '').toLowerCase()) : undefined; }
}

function lineText(text: string, l: LineInfo): string {
  return text.slice(l.start, l.end);
}

/**
 * Never destroy a page: when the model keeps (almost) nothing, keep the body window (the block the model
 * found most article-like) with a relaxed threshold. Returns the new first article line.
 */
function rescue(out: LineInfo[], feats: readonly LineFeatures[], nb: readonly number[], p2: Float64Array, d2: Stage2Doc, forced: Uint8Array, firstArticle: number): number {
  for (let j = 0; j < nb.length; j++) {
    const o = out[nb[j]];
    if (forced[j] || o.label === 'article') continue;
    if (d2.inBody(j) && (p2[j] >= 0.15 || feats[nb[j]].words >= 10)) {
      o.label = 'article';
      o.reason = 'article-rescue';
      o.detail = undefined;
      if (firstArticle < 0 || j < firstArticle) firstArticle = j;
    }
  }
  return firstArticle;
}

/** A summary box's label (a widget phrase's key): "in short", "key points", "story highlights", "what you need to know:". */
const SUMMARY_HEAD = /^\W*(?:in short|in brief|key points|key takeaways|(?:story |key )?highlights|what you need to know|quick read|tl;? ?dr|synopsis|summary)\W*$/;
/** A place alone with its comma, above a summary box or a dateline (India Today's "Bengaluru,"). */
const PLACE_COMMA = /^\s*\p{Lu}\p{Ll}[\p{L}-]*(?: \p{Lu}\p{Ll}[\p{L}-]*)?,\s*$/u;
/** How far above the first paragraph the headline is looked for (non-blank lines), and how far with a byline, dateline or captioned photo below it. */
const HEADLINE_NEAR = 12, HEADLINE_FAR = 24;
const DATE_LABEL = /^(?:published|updated|posted|last updated|date)\W*$/;

/** A name alone: two to four capitalised words, no digits, no sentence end ("Carlos E. Cué", "Maria Delgado"). */
const nameShaped = (f: LineFeatures): boolean =>
  f.words >= 2 && f.words <= 5 && !f.endSentence && f.digitShare === 0 && (f.capShare === 1 ? f.words <= 4 : particlesOnly(f));
/** One capitalised word of at most 20 characters without a full stop or digits: a section or a place ("Nation", "Mumbai"). */
const oneWordKicker = (f: LineFeatures): boolean => f.words === 1 && f.capShare === 1 && !f.endSentence && f.digitShare === 0 && f.chars <= 20;
/** A name particle (strings.ts's NAME_PARTICLES) between two words: a cheap test before splitting the line. */
const PARTICLE_WORD = new RegExp(` (?:${[...NAME_PARTICLES].join('|')}) `);
/** The line's lower-case words are all name particles inside it, and two capitalised words remain. */
function particlesOnly(f: LineFeatures): boolean {
  const lower = Math.round(f.words * (1 - f.capShare));
  if (lower === 0 || f.words - lower < 2 || !PARTICLE_WORD.test(f.key)) return false;
  const ws = f.key.split(' ');
  if (ws.length !== f.words || NAME_PARTICLES.has(ws[0]) || NAME_PARTICLES.has(ws[ws.length - 1])) return false;
  let n = 0;
  for (let i = 1; i < ws.length - 1; i++) if (NAME_PARTICLES.has(ws[i])) n++;
  return n === lower;
}
/** A job title's last word (a byline line's key, lower-cased), with the writer's handle after it or not (phrases.ts). */
const JOB_BELOW = new RegExp(JOB_WORD + 's?' + HANDLE + '$');
/** A byline's label alone on its line, the name on the next (line keys: trimmed, lower-cased). */
const BY_ALONE = new Set(['by', 'news provided by', 'provided by', 'written by', 'posted by', 'words by', 'story by', 'reported by', 'von', 'par', 'por', 'di', 'door']);
/** A reporter's name and where they write from: "Sam Jones in Madrid" (the Guardian's byline); two with "and" (the FT's "Robert Wright in London and Richard Milne in Oslo"). */
const NAME_PLACE = String.raw`\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,2} in \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}`;
const NAME_IN_PLACE = new RegExp(String.raw`^\s*${NAME_PLACE}(?:,? and ${NAME_PLACE})?\s*$`, 'u');
/**
 * Three or more items of one to three words set apart by runs of two spaces or more: a menu or a table's row laid out in
 * columns by a text browser or a layout-keeping converter (w3m, inscriptis: "News   Counties   Business   Sports",
 * "Nation        Subscribe  Log in"), never the headline. (A headline a text browser wrapped and indented reads, once
 * joined, with one run of spaces between two long parts.)
 */
const WIDE_GAPS = /^\s*\S+(?: \S+){0,2}(?: {2,}\S+(?: \S+){0,2}){2,}\s*$/;
/** A standfirst's shape: one sentence in sentence case of 8 to 45 words. */
const sentenceShaped = (f: LineFeatures): boolean => f.endSentence && f.capShare < 0.5 && f.words >= 8 && f.words <= 45;
/** A title that ends in an abbreviation's full stop, not a sentence's ("… Keep Breaking at 3 a.m.", "… Across the U.S."). */
const ABBREV_END = /\b(?:[ap]\.m|\p{L}\.\p{L})\.$/u; // (on the line's lower-cased key)

/**
 * The headline: the most title-like line among the lines just before the first article paragraph (or that
 * line itself): 4-25 words, no sentence end, few digits, title case, followed by a byline or dateline, the
 * first line of the dump or contained in the page title, close to the text. Lines decided by a rule, meta
 * lines, duplicates, template lines and lines with menu separators are never the headline; neither is a first line that is the page
 * title with the site name attached (a later line is contained in it).
 */
function markHeadline(out: LineInfo[], feats: readonly LineFeatures[], nb: readonly number[], p2: Float64Array, forced: Uint8Array, firstArticle: number, d1: Stage1Doc, lineText: (i: number) => string): void {
  if (firstArticle < 0) return;
  // first article paragraph
  let fp = firstArticle;
  for (let j = firstArticle; j < nb.length; j++) {
    const f = feats[nb[j]];
    if (out[nb[j]].label === 'article' && f.words >= 10 && f.endSentence) { fp = j; break; }
  }
  const titleLike = (f: LineFeatures) =>
    f.words >= 2 && f.words <= 30 && (!f.endSentence || /[?!]$/.test(f.key) || (f.capShare >= 0.5 && ABBREV_END.test(f.key))) && !f.rule && !f.meta && !f.bullet && f.chars <= 250 &&
    f.digitShare < 0.2 && !f.startLower && !f.startPunct && f.seps === 0 && !f.endColon;
  const metaAt = (k: number): string | null => (k < nb.length && out[nb[k]].label === 'meta' ? out[nb[k]].reason : null);
  // the meta label of line k or, past up to three lines a rule dropped or names alone the model dropped (Medium: the
  // name / "Follow" / "7 min read" / "·" / the date; SCMP: "Oscar Lau" / "+ FOLLOW" / "Published: …"; the Irish Times:
  // two names, one a line, above the date), of the first other line
  // (also one capitalised word: a place above the byline, NDTV's "Mumbai", or the section repeated, the Star's "Nation")
  const skippable = (k: number) => out[nb[k]].label === 'boilerplate' &&
    (forced[k] === 1 || (nameShaped(feats[nb[k]]) && out[nb[k]].reason !== 'duplicate') || oneWordKicker(feats[nb[k]]));
  // (and past a share bar's buttons one a line, up to eight, which a rule dropped: NBC through lynx, the headline /
  // "* Facebook" / "* Twitter" / … / "* Print" / the byline; or a paywall box's lines of three words or more, the FT's
  // headline / "Subscribe to unlock this article" / "Try unlimited access" / "Only $1 for 4 weeks" / … / the byline; not
  // counted among the four; not a menu's items of one or two words: "Entertainment" / "Entertainment" / the date)
  const barItem = (k: number) => forced[k] === 1 && out[nb[k]].reason === 'widget-phrase' &&
    (feats[nb[k]].words >= 3 || SHARE_BUTTON.test(lineText(nb[k]).trim().toLowerCase()));
  const metaPast = (k: number): string | null => {
    for (let n = 0, bar = 0; k < nb.length && skippable(k); k++) {
      if (bar < 8 && barItem(k)) bar++;
      else if (++n > 4) return metaAt(k);
    }
    return metaAt(k);
  };
  // Under the article's header: a byline above the line, past at most eight lines of dates, credits and rule-dropped
  // buttons. A line there with a photo's credit below it is the lead photo's caption, not the headline (a regional
  // paper through jsoup: the headline / the standfirst / the byline / the dates / the share row / "An artist's
  // impression of …" / "(Image: …)"). Not when the credit is an agency's name in capitals, which is a byline ("by
  // Financials.com" / the date / the headline / "THE ASSOCIATED PRESS").
  const underByline = (j: number): boolean => {
    for (let k = j - 1; k >= 0 && j - k <= 8; k--) {
      if (out[nb[k]].reason === 'byline') return true;
      if (!forced[k] && out[nb[k]].label !== 'meta') return false;
    }
    return false;
  };
  // A summary box between the headline and the byline: its label (a rule's: "In Short", "Key Points", "Highlights",
  // "What you need to know:"), past up to three lines a rule dropped or places alone (India Today: the headline /
  // "Advertisement" / "Bengaluru," / "In Short" / three lines / the name / …), then up to six lines, then a byline or date.
  // The box's lines are not the headline, and the line above the box has its byline below it.
  const summaryBelow = new Map<number, number>(); // the line above the box -> the box's label
  const inSummary = new Set<number>();
  for (let j = Math.max(0, fp - HEADLINE_FAR); j < fp; j++) {
    // (a label the rules left to the model, "Summary" (Reuters) or "In brief", only on one or two words: not "Summary" as
    // a report's heading over its text, which has no byline or date under it)
    if (feats[nb[j]].words > 3 || !(forced[j] ? out[nb[j]].reason === 'widget-phrase' : feats[nb[j]].words <= 2) || !SUMMARY_HEAD.test(feats[nb[j]].key)) continue;
    let e = j + 1;
    while (e < fp && e - j <= 6 && !forced[e] && out[nb[e]].label !== 'meta' && feats[nb[e]].words >= 3) e++;
    if (e === j + 1 || e >= nb.length || metaPast(e) === null) continue;
    for (let k = j + 1; k < e; k++) inSummary.add(k);
    let h = j - 1;
    while (h >= 0 && j - h <= 3 && (forced[h] === 1 || oneWordKicker(feats[nb[h]]) || PLACE_COMMA.test(lineText(nb[h])))) h--;
    if (h >= 0) summaryBelow.set(h, j);
  }
  let best = -1, bestScore = 0, bestStandfirst = false, bestBullets = -1, bestStack = -1;
  // a title-like line right above the best line, with the best line as its standfirst (Medium: the title over a
  // subtitle whose byline is right below it): the headline is the title
  let standfirstAbove = -1;
  // lines from the first paragraph's up to this one that no rule or meta pattern decided (a far headline's distance)
  let undecided = 0;
  // lines from the first paragraph's up to this one that a rule dropped (share buttons, audio players) or a meta
  // pattern took (bylines, dates, captions): not counted toward HEADLINE_NEAR (CNBC: headline / two dates / the name /
  // handles / "Share" and four "Share Article via …")
  let ruled = 0;
  // bylines and datelines between the line and the first paragraph: the article's header, not distance (NPR: the date,
  // "By" and the name on two lines, between headline and body; not credits: BBC's "About sharing" sits above three)
  let metaBetween = 0;
  for (let j = fp, steps = 0; j >= 0 && steps <= HEADLINE_FAR; j--, steps++) {
    const i = nb[j];
    const f = feats[i];
    if (!forced[j] && j < fp) undecided++;
    else if (j < fp && out[i].label !== 'article') ruled++;
    if (j < fp && j + 1 < fp && (out[nb[j + 1]].reason === 'byline' || out[nb[j + 1]].reason === 'dateline')) metaBetween++;
    // a repeated line only with a byline or date right below (a header that shows the headline before it: the later copy)
    const dup = out[i].reason === 'duplicate';
    if (forced[j] || !titleLike(f) || out[i].reason === 'template' || d1.titleOfPage(j) === 1 || inSummary.has(j) || WIDE_GAPS.test(lineText(i))) continue;
    if (dup && !(j + 1 < nb.length && (metaAt(j + 1) === 'byline' || metaAt(j + 1) === 'dateline'))) continue;
    // the caption under a photo's credit alone ("Getty Images" / "There are estimated to be more than 260,000…")
    if (j > 0 && metaAt(j - 1) === 'photo-credit' && feats[nb[j - 1]].words <= 4) continue;
    const next = j + 1 < nb.length ? feats[nb[j + 1]] : null;
    const after = j + 2 < nb.length ? feats[nb[j + 2]] : null;
    // the meta label of the lines below (by a meta pattern, or by a rule of labelLines: "By" alone and the name under it)
    const nextMeta = metaAt(j + 1), afterMeta = metaAt(j + 2);
    // the meta label past the rule-dropped lines right below (metaPast(j + 1)), read at most once
    let below: string | null | undefined;
    const pastBelow = (): string | null => (below === undefined ? (below = metaPast(j + 1)) : below);
    // The author's name under a standfirst (a sentence, with or without its full stop) and above the date is not the
    // headline but the byline (Substack: headline / standfirst / "Maria Delgado" / "Nov 29, 2026"; the Guardian: "Sam
    // Jones in Madrid"); so is a name under a headline in sentence case of five words or more, with the outlet's name
    // between it and the date (USA Today: "Zach Wichter" / "USA TODAY" / "Published 6:02 a.m. ET …").
    const prev = j > 0 ? feats[nb[j - 1]] : null;
    const dateBelow = nextMeta === 'dateline' || (afterMeta === 'dateline' && next !== null && next.words <= 3 && out[nb[j + 1]].label !== 'article') ||
      (next !== null && forced[j + 1] === 1 && pastBelow() === 'dateline');
    // two names, one a line, between the standfirst and the date: both bylines (the Irish Times: "Jack Horgan-Jones" /
    // "Paul Cullen" / "Sat Nov 29 2026 - 05:30")
    if (nextMeta === 'dateline' && prev !== null && j >= 2 && !forced[j] && !forced[j - 1] && nameShaped(f) && nameShaped(prev)) {
      const pp = feats[nb[j - 2]];
      if (pp.capShare < 0.5 && pp.words >= 8) {
        for (const k of [j - 1, j]) {
          const o = out[nb[k]];
          if (o.reason !== 'user-keep') { o.label = 'meta'; o.reason = 'byline'; o.detail = undefined; }
        }
        continue;
      }
    }
    if (prev !== null && prev.capShare < 0.5 && (prev.words >= 8 || (prev.words >= 5 && nextMeta !== 'dateline' && titleLike(prev))) && dateBelow) {
      // "Sam Jones in Madrid" is a byline; two or three capitalised words only when the model dropped them too (a
      // section's name, "Miscellaneous News", may stand there)
      const inPlace = NAME_IN_PLACE.test(lineText(i));
      if (inPlace || nameShaped(f)) {
        if ((inPlace || out[i].label === 'boilerplate') && out[i].reason !== 'user-keep') { out[i].label = 'meta'; out[i].reason = 'byline'; out[i].detail = undefined; }
        continue;
      }
    }
    // Below it: a byline or dateline; or one line and then one: a name alone ("Carlos E. Cué" / "Madrid - 28 nov 2026
    // - 14:32 CET"), a standfirst ("City council approves new cycle lanes" / "The plan will remove 40 parking
    // spaces…" / "By Laura Jenkins", also with the name alone under it), or a date's label ("Published" / "24 November
    // 2026"); or a summary in one to four bullets, then the byline (Bloomberg: headline / "* Brent crude is down…" /
    // "* Group postponed…" / "By …").
    const lineThenMeta = next !== null && after !== null && (afterMeta ?? metaPast(j + 2)) !== null && !forced[j + 1];
    const name = lineThenMeta && nameShaped(next);
    const thenName = next !== null && after !== null && !forced[j + 1] && !forced[j + 2] && nameShaped(after) && j + 3 < nb.length && metaPast(j + 3) !== null;
    // a standfirst: one sentence; or, without its full stop, of six words or more between a title and a name (Medium:
    // title / subtitle / name / … / date), or of ten words or more and longer than the line (SCMP: headline / standfirst
    // / "Why you can trust SCMP" / the name / "+ FOLLOW" / the date)
    const noStop = next !== null && !next.endSentence && next.capShare < 0.5 && next.words <= 45 && next.seps === 0;
    const titled = noStop && thenName && f.capShare >= 0.5 && f.words >= 4 && next.words >= 6 && next.digitShare === 0;
    const standfirst = (lineThenMeta || thenName) && nextMeta === null && !next.bullet &&
      (sentenceShaped(next) || titled || (noStop && next.words >= 10 && next.words > f.words));
    const labelledDate = next !== null && after !== null && afterMeta === 'dateline' && next.words === 1 && DATE_LABEL.test(next.key);
    // a standfirst of two to four lines with no blank line between them, and then the byline or date (Aftonbladet:
    // headline / "Ett signalfel vid Stockholms central slog ut…" / "Resenärer fick gå längs spåren i tunnlarna." / "– Det
    // var kaos, säger en resenär till Aftonbladet." / "Text: Johan Lindqvist")
    let stackTo = -1;
    if (next !== null && nextMeta === null && !forced[j + 1] && !next.bullet && next.words >= 6 && next.seps === 0 && (sentenceShaped(next) || noStop)) {
      let e = j + 1;
      while (e + 1 < nb.length && nb[e + 1] === nb[e] + 1 && e - j < 4 && !forced[e + 1] && out[nb[e + 1]].label !== 'meta' && feats[nb[e + 1]].words >= 4 &&
        feats[nb[e + 1]].seps === 0 && (!feats[nb[e + 1]].bullet || (feats[nb[e + 1]].endSentence && DASH_QUOTE.test(lineText(nb[e + 1]))))) e++;
      if (e > j + 1 && e + 1 < nb.length && metaPast(e + 1) !== null) stackTo = e;
    }
    let k = j + 1;
    while (k < nb.length && k - j <= 4 && feats[nb[k]].bullet && !forced[k]) k++;
    const bulletsThenByline = k > j + 1 && k < nb.length && metaAt(k) === 'byline';
    // (or the lead photo's caption past the lines a rule dropped right below it: the Globe and Mail's headline /
    // "Listen to this article" / "Open this photo in gallery:" / the caption / the name; not a byline or date past a
    // separator line: l3s-gn1's "Get Arts and Entertainment Feeds" / "-----" / "By THE ASSOCIATED PRESS")
    const metaBelow = next !== null && (nextMeta !== null || name || standfirst || labelledDate || bulletsThenByline || stackTo >= 0 || summaryBelow.has(j) || (forced[j + 1] === 1 && out[nb[j + 1]].label === 'boilerplate' && pastBelow() === 'photo-credit') ||
      // (or the byline or date past a share bar's buttons one a line or a paywall box: NBC, the headline / seven buttons / the byline)
      (forced[j + 1] === 1 && barItem(j + 1) && (pastBelow() === 'byline' || pastBelow() === 'dateline')));
    // Beyond HEADLINE_NEAR lines (share panels, a gallery's credits): only a line of four words or more, no menu
    // separators or brackets, with the byline right below it or under one line (a standfirst, a name), "Published"
    // and the date below it (a date alone is often the site's "today" in its header), or, of six words or more, the
    // lead photo's caption with its credit (AP: the gallery and share buttons follow, the byline comes 20 lines
    // later). Its distance counts only the lines up to it that no rule or meta pattern decided.
    const far = steps - ruled > HEADLINE_NEAR;
    if (far && !(f.words >= 4 && f.seps === 0 && !/[[\]|$]/.test(f.key) && (nextMeta === 'byline' || (afterMeta === 'byline' && metaBelow) ||
      labelledDate || (nextMeta === 'photo-credit' && next !== null && f.words >= 6 && next.words >= 8)))) continue;
    const distance = far ? undecided : Math.min(steps - metaBetween, undecided);
    const score = 0.25 * p2[j] + (f.words >= 4 && f.words <= 25 ? 0.35 : 0.1) + (f.capShare >= 0.5 ? 0.05 : 0) +
      (metaBelow ? (nextMeta === 'byline' ? 0.4 : 0.25) : 0) + (j === 0 && !far ? 0.2 : 0) + (d1.inTitle[j] === 1 ? 0.4 : 0) - distance * 0.025 -
      (nextMeta === 'photo-credit' && !next!.allCaps && underByline(j) ? 0.3 : 0);
    // a long line without its full stop under a headline of six words or more, with the byline right below it, or a
    // photo's caption or credit (not two): the standfirst (the Telegraph, the Sun: headline / blank / "Only three in five
    // patients start treatment within two months of an urgent referral, official figures reveal" / "Laura Donnelly,
    // Health Editor"; the Times: … / the caption / the name; the Economist: … / "Photograph: Getty Images" / the date)
    const longSf = noStop && (afterMeta === 'byline' || (afterMeta === 'photo-credit' && metaAt(j + 3) !== 'photo-credit')) && nextMeta === null && !forced[j + 1] && !next.bullet && f.words >= 6 && f.capShare < 0.5 && next.words >= 10;
    // (also a title in title case over a standfirst in sentence case without its full stop, with the byline right below
    // them, set apart by blank lines: the WSJ through inscriptis, "Fed Officials Signal Patience on Further Rate Cuts" /
    // "Minutes show policymakers worried that inflation could stall above 2%" / "By Nick Timiraos")
    // (not two lines with no blank line between: a menu's last line over a headline in sentence case, a credit over a caption)
    const titleOverSf = noStop && afterMeta === 'byline' && nextMeta === null && !forced[j + 1] && !next.bullet && f.capShare >= 0.5 && next.capShare < 0.5 && next.words >= 6 &&
      nb[j + 1] === i + 2 && (j === 0 || nb[j - 1] < i - 1);
    if ((standfirst || longSf) && j + 1 === best && f.words >= 4 && (titled || longSf || titleOverSf || sentenceShaped(next))) standfirstAbove = j;
    if (score > bestScore) { bestScore = score; best = j; bestStandfirst = standfirst; bestBullets = bulletsThenByline ? k : -1; bestStack = stackTo; }
  }
  if (standfirstAbove >= 0 && standfirstAbove + 1 === best) { best = standfirstAbove; bestStandfirst = true; bestBullets = -1; bestStack = -1; }
  // a standfirst of two to four lines with no blank line between them, right above the byline or date, and the
  // headline above it past one blank line (El Mundo, Aftonbladet; MailOnline's summary when the converter dropped its
  // bullets): the best line is in the stack, and the headline is the line above the stack
  let stackEnd = bestStack;
  if (best >= 0 && bestBullets < 0) {
    // (a wrapped line's continuation, starting in lower case, is part of the stack: "… the wading birds need to raise" /
    // "chicks")
    const stackLine = (k: number) => !forced[k] && out[nb[k]].label !== 'meta' && (feats[nb[k]].words >= 8 || feats[nb[k]].startLower) && !feats[nb[k]].bullet &&
      feats[nb[k]].seps === 0 && out[nb[k]].reason !== 'duplicate' && out[nb[k]].reason !== 'template';
    let lo = best, hi = bestStack >= 0 ? bestStack : best;
    if (bestStack < 0 && stackLine(best)) {
      while (lo > 0 && nb[lo - 1] === nb[lo] - 1 && hi - lo < 3 && stackLine(lo - 1)) lo--;
      while (hi + 1 < nb.length && nb[hi + 1] === nb[hi] + 1 && hi - lo < 4 && stackLine(hi + 1)) hi++;
    }
    // set apart from the headline by one blank line, or by pandoc's fences and raw tags ("# Headline" / "::: standfirst" /
    // the standfirst's wrapped lines / … / the byline); a stack chosen with its own headline only by the latter
    let h = lo - 1, fences = 0;
    while (h >= 0 && lo - h <= 3 && forced[h] && out[nb[h]].reason === 'separator-line' && FENCE_LINE.test(lineText(nb[h]))) { h--; fences++; }
    const apart = fences > 0 || (bestStack < 0 && h >= 0 && nb[h] === nb[lo] - 2 && hi > lo);
    if (apart && h >= 0 && metaPast(hi + 1) !== null && !forced[h] && titleLike(feats[nb[h]]) && feats[nb[h]].words >= 4 &&
      out[nb[h]].label !== 'meta' && out[nb[h]].reason !== 'duplicate' && out[nb[h]].reason !== 'template' && d1.titleOfPage(h) !== 1) {
      best = h; bestStandfirst = false; stackEnd = hi;
    }
  }
  if (best >= 0 && bestScore >= 0.4) {
    const o = out[nb[best]];
    if (o.reason === 'user-keep') return;
    o.label = 'article';
    o.reason = 'article-headline';
    o.detail = undefined;
    // the standfirst under it, which the model dropped with the header's other short lines; the stack of standfirst
    // lines under it, or the summary's bullets between it and the byline
    const below = stackEnd >= 0 ? stackEnd : bestBullets >= 0 ? bestBullets - 1 : -1;
    for (let k = best + 1; k <= below; k++) {
      const sf = out[nb[k]];
      // (a summary's items are sentences: not "* Font size: Decrease Increase" / "* Print article: Print")
      if (sf.label === 'boilerplate' && sf.reason !== 'user-pattern' && !forced[k] && (bestBullets < 0 || feats[nb[k]].words >= 6)) { sf.label = 'article'; sf.reason = 'article-headline'; sf.detail = undefined; }
    }
    if (bestStandfirst) {
      const sf = out[nb[best + 1]];
      if (sf.label === 'boilerplate' && sf.reason !== 'user-pattern') { sf.label = 'article'; sf.reason = 'article-headline'; sf.detail = undefined; }
    }
    // the section's name right above it, repeating a menu's item, that the model kept with the headline (the Buenos Aires
    // Times' "ECONOMY" under the menu's "Economy", Malay Mail's "Malaysia"; not a heading in capitals alone, "CHAPTER I";
    // only with the byline or date right under the headline: CleanEval's pages' headings repeat their menus' items)
    let header = false; // a byline or date within three lines under the headline: a news article's header
    for (let k = best + 1; k < nb.length && k <= best + 3 && !header; k++) header = out[nb[k]].reason === 'byline' || out[nb[k]].reason === 'dateline';
    if (header && best > 0 && nb[best - 1] >= nb[best] - 2) {
      const kf = feats[nb[best - 1]], ko = out[nb[best - 1]];
      if (ko.label === 'article' && ko.reason === 'article-context' && !forced[best - 1] && kf.words <= 3 && !kf.endSentence && !kf.endColon && kf.digitShare === 0 && kf.seps === 0 &&
        kf.capShare === 1 && d1.dup[best - 1] === 1) { ko.label = 'boilerplate'; ko.reason = 'short-fragment'; ko.detail = 'the section\'s name above the headline'; }
    }
    // the page's title above it: the headline and the site's name after a bar or a dash (a converter that kept the
    // document's <title>, as BeautifulSoup's get_text() does: "Bayport council approves seawall plan | The Harbor Ledger")
    const head = lineText(nb[best]).trim();
    for (let k = 0; k < best && k < 12; k++) {
      const ot = out[nb[k]];
      if (ot.label !== 'article' || forced[k] || ot.reason === 'user-keep') continue;
      const t = lineText(nb[k]).trim();
      if (t.length > head.length + 2 && t.startsWith(head) && TITLE_SUFFIX.test(t.slice(head.length))) { ot.label = 'boilerplate'; ot.reason = 'duplicate'; ot.detail = 'the page\'s title: the headline and the site\'s name'; }
    }
    // names alone between it and the byline or date below, past lines a rule dropped: bylines ("Oscar Lau" / "+ FOLLOW")
    for (let k = best + (bestStandfirst ? 2 : 1), e = Math.min(nb.length, k + 4); k < e && skippable(k); k++) {
      const o = out[nb[k]];
      const below = metaPast(k);
      if (!forced[k] && nameShaped(feats[nb[k]]) && (below === 'byline' || below === 'dateline')) { o.label = 'meta'; o.reason = 'byline'; o.detail = undefined; }
    }
    // a headline in title case right above the chosen line, which is a standfirst in sentence case ("Wildfire Forces
    // Thousands to Flee Mountain Towns" / "Crews battled strong winds overnight as the blaze doubled in size")
    const h = best - 1;
    if (h >= 0 && nb[h] === nb[best] - 1 && feats[nb[best]].capShare < 0.5) {
      const f = feats[nb[h]];
      const oh = out[nb[h]];
      // set apart from what comes before it: a blank line, a dateline or the start ("News Sports Opinion…" / "Search in
      // Daily Mail Archives…" is the menu's next line); a headline in sentence case of six words or more also after a
      // menu's last item of three words or fewer ("Video" / "Senate passes stopgap bill to avert government shutdown" /
      // "Measure funds the government through January")
      const before = nb[h] > 0 ? feats[nb[h] - 1] : null;
      const title = f.capShare >= 0.5 && f.words >= 4;
      const sentence = f.capShare < 0.5 && f.words >= 6 && f.words < feats[nb[best]].words + 6;
      const apart = !before || before.blank || out[nb[h] - 1].label === 'meta' ||
        (sentence && out[nb[h] - 1].label === 'boilerplate' && before.words <= 3);
      if (apart && (title || sentence) && !forced[h] && titleLike(f) && (oh.label === 'boilerplate' || oh.reason === 'article-context') && oh.reason !== 'duplicate' && oh.reason !== 'template' && d1.titleOfPage(h) !== 1) {
        oh.label = 'article';
        oh.reason = 'article-headline';
        oh.detail = undefined;
      }
    }
  }
}

/**
 * Type feedback for the document pass's rare branches: V8 optimises labelLines and settle after a few dozen dumps,
 * and a branch not taken by then (the rescue of a page where the model keeps almost nothing, a line the settle step
 * takes out) threw the optimised code away when a later dump took it (in every thread of the CLI, each time a
 * recompile of a large function). These small documents take those branches once, in the interpreter, before the
 * first document is classified (with warmWraps; see warmOnce); the results are discarded. Pure.
 */
/**
 * The document passes that correct the model (related cards, a list under a colon, a subheading after an ad marker,
 * live blogs' post headlines, pull quotes) act only where the model dropped or kept certain lines, which a made-up page
 * cannot make it do reliably; their branches for those lines were first taken by a real page, and each threw
 * labelLines (which inlines them) away once per thread ("insufficient type feedback", `node --trace-deopt
 * dist/cli.js clean …`). Here each pass runs on lines labelled as the model would leave them: real line features, a
 * real Stage1Doc, the labels set by hand. Returns one function per scenario (labels set anew on each call).
 */
function passScenarios(): (() => void)[] {
  const prose = (k: number) => `The council said on Monday that the work on the harbor would go on through the winter, and that line ${k} was done.`;
  type Row = [LineInfo['label'], LineInfo['reason'], string];
  const kept = (t: string): Row => ['article', t.endsWith('.') ? 'article-prose' : 'article-context', t];
  const dropped = (reason: LineInfo['reason'], t: string): Row => ['boilerplate', reason, t];
  const scenarios: Row[][] = [
    // a list under a colon, one item dropped by the model; a subheading the model dropped after an ad marker
    [kept(prose(1)), kept('The steepest declines have been recorded in these states:'), kept('Iowa'), dropped('short-fragment', 'Minnesota'),
      kept('Indiana'), kept('Ohio'), kept(prose(2)), dropped('ad-marker', 'Advertisement'), dropped('short-fragment', 'What happens next?'), kept(prose(3))],
    // a live blog: each post's time, its headline the model dropped, its prose
    [1, 2, 3].flatMap((k): Row[] => [['meta', 'dateline', `1${k}:05 am`], dropped('low-prose', `Ferries delayed by fog at pier ${k}`), kept(prose(k))]),
    // related cards the model kept under their label, with a topic; the topics' list under its label; a pull quote
    // found inside a longer paragraph
    [kept(prose(1)), kept('Related Stories'), kept('Council tax to rise by three percent next year as the costs climb'), kept('Transport'),
      kept('New school opens in the north of the city after a long delay over its funding'),
      kept('Will the new ferries of the harbor be ready to sail by the spring?'), kept(prose(2)), kept('Related Topics'),
      kept('Transport, Harbor, City council'), kept('Speaking on Monday, the mayor said our harbor will finally get the ferries it has needed for years, to applause.'),
      kept('“Our harbor will finally get the ferries it has needed for years”'), kept(prose(3))],
    // a name a converter put on a line of its own inside a sentence, dropped by the model (inlineSplits)
    [kept(prose(1)), kept('Top candidates for the post include the former harbor master'), dropped('short-fragment', 'Tom Wheeler'),
      kept(', who ran the port for ten years before he retired, and the deputy mayor.'), kept(prose(2))],
  ];
  return scenarios.map((rows) => {
    const texts = rows.map((r) => r[2].split('').join('')); // flat strings (see the end of features.ts)
    const feats: LineFeatures[] = [];
    const nb: number[] = [];
    for (let i = 0; i < texts.length; i++) {
      feats.push(lineFeaturesAt(texts[i], 0, texts[i].length));
      nb.push(i);
    }
    const d1 = scoreLines(feats, nb, templateContext(feats, nb, null)).d1;
    const noTemplates = new Int32Array(nb.length);
    const lineText = (i: number) => texts[i];
    return () => {
      // (the same kind of array as labelLines' lines: holey)
      const out: LineInfo[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = { line: i, start: 0, end: 0, label: rows[i][0], reason: rows[i][1], detail: undefined };
      const forced = new Uint8Array(nb.length);
      relatedCards(out, feats, nb, forced);
      listAfterColon(out, feats, nb, forced, d1);
      inlineSplits(out, feats, nb, forced, d1, noTemplates);
      subheadsAfterInserts(out, feats, nb, forced, d1);
      postHeads(out, feats, nb, forced, d1);
      pullQuotes(out, feats, nb, forced, lineText);
    };
  });
}

/** A template index in which the first two lines of `t` repeat in 5 of 10 dumps. */
function warmTemplates(t: string): TemplateIndex {
  const counts = new Map<string, number>();
  for (const r of splitLines(t).slice(0, 2)) counts.set(lineKeyAt(t, r.start, r.end), 5);
  return { documents: 10, counts };
}

function warmDocumentPass(): void {
  const docs = [
    'Top stories today\nMore news from the region\nLatest headlines',
    // lines of menu separators only, none a rule's: the model keeps nothing, so the rescue and the last resort run
    // (a page of doubtful lines alone keeps them through its low threshold and never got there: labelLines was
    // optimised without the rescue's call and thrown away at the first such page, around the 600th dump of the CLI)
    'Home | News | Sport | Weather | Contact\nAbout us | Jobs | Advertise | Terms\nFacebook | Twitter | Instagram',
    ['Council approves new housing plan', 'By Jane Smith', 'Updated: March 3, 2020', '',
      'The city council on Monday approved a plan to build 2,000 new homes in the north of the city over the next ten years, officials said.',
      'The plan, which was first proposed in 2018, had been delayed by disputes over funding and the location of a new school.',
      '“This is a good day for the city,” said the mayor, who had pushed for the plan since her election.',
      'Read more', 'Share this article', 'Related stories', 'Council tax to rise by 3 percent', 'New school opens in the north',
      '© 2020 Example News. All rights reserved.', ''].join('\n'),
    // the document passes' rarer branches: a caption under its label and above an agency's credit, "By" alone above
    // the name, a pull quote, a list under a colon, a subheading after an ad marker, related cards, the writer's note
    // (each threw labelLines or a pass it inlines away once per thread in the CLI when its first such page came)
    ['Ferry service to expand | The Harbor Ledger', 'Home | News | Sport | Business', 'Ferry service to expand', 'By', 'Jane Smith',
      'Updated: March 3, 2020 10:00 am', 'Image caption,', 'Ferries wait at the terminal as the fog lifts over the harbor.', 'REUTERS/John Doe',
      'The city council on Monday approved a plan to add six ferries to the harbor service over the next ten years, officials said.',
      '“This is a good day for the city and for everyone who works in the harbor,” said the mayor, who had pushed for it.',
      '“This is a good day for the city and for everyone who works in the harbor”',
      'The new routes will serve four districts of the city:', 'North Point', 'Eastbank', 'Mill Creek', 'Harbor View',
      'All four districts have waited years for a direct link to the centre of the city, according to the transport office.',
      'Advertisement', 'What happens next',
      'The council will hold a public hearing on the timetable next month, before the first of the new ferries sail in spring.',
      'Related Stories', 'Council tax to rise by three percent next year as the costs of the city climb',
      'New school opens in the north of the city after a long delay over its funding',
      'Ferry workers in the harbor vote to accept a new pay deal after weeks of talks with the operator',
      'Workers repair the old pier before the first of the new ferries arrive in the spring.', 'REUTERS/Jane Roe/File Photo',
      'The operator said the first ferries would sail on the old routes until the new piers were built by the end of next year.',
      'Jane Smith is a reporter for the Harbor Ledger who covers transport.', 'Ann Lee', 'Political editor @AnnLeeNews', ''].join('\n'),
    // regional papers' headers and captions: a byline's label alone with its colon, a dateline ending in a place, a
    // drop cap, a caption ending in an agency's name, a photographer's credit and a labelled credit under captions,
    // the writer's name above the writer's note
    ['Ferry fares to rise in the spring', 'Reported By :', 'Jane Smith', 'Updated - April 16, 2026 09:42 pm IST - CHENNAI', 'T',
      'he ferry operator said on Monday that fares on all routes would rise by five percent from the first of April this year.',
      'Passengers board a ferry at the main pier in the harbor on Monday morning. — Bernama',
      'The operator said the rise was needed to pay for new engines and for the crews, whose pay had not risen for three years.',
      'Workers paint the hull of a ferry at the yard.', 'Jire Carreon/Rappler',
      'The council said it would ask the operator to keep the fares of pupils and pensioners as they are for one more year.',
      'A ferry leaves the harbor at dawn on a cold morning in the north of the city.', 'Photo credit: Ann Lee | Harbor Ledger',
      'Fares on the night routes will rise by three percent, the operator said, because fewer people travel on them late.',
      'Ann Lee', 'Ann Lee is a reporter for the Harbor Ledger who covers transport.', ''].join('\n'),
    // more header shapes of metaByNeighbours: the name between the standfirst and the date, the name twice above the
    // date, the name and the paper's, a date's label, a place under the byline, a photo's alternative text above its
    // caption, a caption between two paragraphs above its credit alone
    ['Rail link to open next year', 'The route, planned for a decade, will link the two cities and cut the journey by an hour.', 'Jane Mokoena',
      '16 Apr 2026', 'Jenna Etheridge', 'Jenna Etheridge', 'Published 16 Apr 2026', 'Jane Sutrisno (The Jakarta Post)', 'Jakarta',
      'Thu, April 16, 2026', 'Updated', 'Apr 16, 2026, 05:42 PM', 'Our Staff Reporter', 'Lahore',
      'The city council on Monday approved the plan for the rail link, which will run through four towns on its way north.',
      'A woman shops at a market in Buenos Aires.', 'A woman shops at a market in Buenos Aires. | NA',
      'The first trains will run every half hour, and the fares will be set by the regional transport office next spring.',
      'Students walk to class in Kakamega, western Kenya.', 'SIMON MAINA / AFP/File',
      'Work on the line will start in the summer, once the last of the land along the route has been bought by the state.', ''].join('\n'),
    // captions above their credit alone under the header's date, and above a photographer's credit in brackets
    ['Ferry fares to rise in the spring', 'November 29, 2026', 'A ferry leaves the harbor at dawn on a cold morning.', 'Image: Jane Roe/dpa/picture alliance',
      'The ferry operator said on Monday that fares on all routes would rise by five percent from the first of April this year.',
      'The operator said the rise was needed to pay for new engines and for the crews, whose pay had not risen for three years.',
      'Passengers board a ferry at the main pier in the harbor.', '(Jane Roe/The Harbor Ledger)',
      'Fares on the night routes will rise by three percent, the operator said, because fewer people travel on them late.', ''].join('\n'),
    // a reader service's Markdown header (readerTitle): "Title: …" above "URL Source: …", the heading repeating it below
    // (a setext heading, its underline left out of the view, and the writer's name between blank lines under the standfirst;
    // an html-to-text address in the menu: linkStyles' branch for them, which this page made it reach only later)
    ['Title: Ferry fares to rise in the spring', '', 'URL Source: https://example.com/ferry-fares', '', 'Markdown Content:', '[Home](https://example.com/) [News](https://example.com/news) Gallery [https://example.com/gallery]', '',
      'Ferry fares to rise in the spring', '================================', '', 'The operator says the rise will pay for new engines and for the crews of its ferries.', '',
      '[Jane Smith](https://example.com/jane-smith)', '', 'November 29, 2026', '', 'The ferry operator said on Monday that fares on all routes would rise by five percent from the first of April this year.',
      '', 'The operator said the rise was needed to pay for new engines and for the crews, whose pay had not risen for three years.', ''].join('\n'),
    // a live blog's posts: a time, a post's headline, its prose (postHeads)
    ['Live: fog over the harbor', ...[10, 11, 12].flatMap((h) => [`${h}:05 am`, `Ferries delayed by fog at ${h}`,
      'Morning ferries were delayed by thick fog across the harbor, the operator said in a statement on its website today.']), ''].join('\n'),
  ];
  // the settle step's takeOut, on each kind of second-pass label (inlined into settle, it brings this feedback along)
  const line = (label: LineInfo['label'], reason: LineInfo['reason'], detail: string | undefined): LineInfo => ({ line: 0, start: 0, end: 0, label, reason, detail });
  const seconds = [line('meta', 'byline', undefined), line('boilerplate', 'outside-body', 'lines before it are noise'), line('boilerplate', 'duplicate', undefined), line('blank', 'blank', undefined)];
  // pageStarts on files of three pages and of two far-apart pages (runs of prose between long menus, blank lines and a
  // line of spaces): it runs on every document, and the branches that only such files take deoptimised it twice per
  // thread (insufficient type feedback) when the first of them came
  // (the prose lines end in each way proseWords reads: a closing quote or bracket, a space or tab, ?, !, …; words
  // apart by a tab or a no-break space)
  const ends = ['.', '?', '!', '\u2026', '.\u201d', '."', ".'", '.)', '. ', '.\t', '.\u2019', '.\u00bb'];
  const prose = ends.map((e, k) => `Line ${k} of the story tells the reader\twhat happened in the\u00a0city on that day and why it matters to them${e}`);
  const menu = (m: number) => Array.from({ length: m }, (_, k) => `Menu item ${k}`);
  const pageFiles = [[0, 1, 2].flatMap(() => [...menu(65), '', '   ', ...prose, '']), [...prose, ...menu(130), ...prose]].map((ls) => ls.join('\n'));
  const passes = passScenarios();
  // V8 allocates a function's feedback only after its first few calls: several rounds
  for (let round = 0; round < 4; round++) {
    for (const run of passes) run();
    for (const t of pageFiles) pageStarts(t, splitLines(t));
    for (const s of seconds) for (let k = 0; k < 3; k++) takeOut(line('article', 'article-prose', undefined), s);
    for (const s of docs) {
      const t = s.split('').join(''); // a flat string (see the end of features.ts)
      const raw = splitLines(t);
      classifyLines(t, raw);
      // the document pass once more with a line reader of its own (in the last round only: once is enough, the
      // feedback is allocated by then): its passes call the line reader they are given (the first pass's, or the
      // settle step's on the cleaned text), and a call that had seen only one of them threw the pass away when the
      // other came ("wrong feedback cell"); having seen two, it expects any
      if (round < 3) continue;
      const feats: LineFeatures[] = [];
      const nb: number[] = [];
      for (let i = 0; i < raw.length; i++) {
        const f = lineFeaturesAt(t, raw[i].start, raw[i].end);
        feats.push(f);
        if (!f.blank) nb.push(i);
      }
      labelLines(feats, nb, raw, (i) => t.slice(raw[i].start, raw[i].end), shaped({}, undefined, undefined));
    }
    // a folder's template index (the CLI's batch, the editor's folder templates): the model's template features
    const t = docs[docs.length - 2].split('').join('');
    classifyLines(t, splitLines(t), { templates: warmTemplates(t) });
  }
}
