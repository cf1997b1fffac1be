/**
 * Incremental analysis: keeps one document's text, its line table and memos of the per-line / per-paragraph
 * work, and re-analyses after an edit doing only the work that changed. Pure TypeScript (web-worker safe).
 *
 * What is reused after an edit:
 *  - the line table: only the lines touched by the change (plus one line of margin on each side, for CR/LF
 *    pairs split or joined by the edit) are re-split; the lines after it are shifted;
 *  - per-line classifier features (boilerplate `lineFeatures`), memoised by line text;
 *  - in a document read page by page (concatenated dumps), each page's labels, memoised by page text and template
 *    counts: a page is classified on its own, so an edit re-classifies the pages it touched, not the document;
 *  - per-paragraph quote scans/attributions and entity tagging, memoised by paragraph text (their `memo` options);
 *  - the cheap document passes (body window, neighbourhood model, headline, quote chains, entity votes) run again
 *    over the memoised per-line numbers (over the whole page of a one-page document): line labels depend on
 *    context, so this is what keeps the result exact.
 * Guarantee (tested with fast-check over random edit sequences, test/unit/incremental.test.ts): `analysis`
 * deep-equals `analyze(text, options)` except `stats.timings`.
 *
 * How the extension cache uses it (one analyzer per open document):
 *   const inc = new IncrementalAnalyzer(options);   inc.reset(doc.getText());        // on open / option change
 *   onDidChangeTextDocument(e => inc.applyChanges(e.contentChanges));                 // {rangeOffset, rangeLength, text}
 *   const a = inc.analysis;                                                           // = analyze(doc.getText(), options)
 * `contentChanges` of one VS Code event are applied in the order given (VS Code sends them so that this is valid,
 * like LSP incremental sync). If in doubt, `syncText(doc.getText())` finds the changed region by itself (one
 * linear compare) and `inc.text === doc.getText()` can be asserted. Options changes: `setOptions(options)`.
 */
import type { Analysis, AnalyzeOptions, FocusLines, LineInfo, Quote, Entity, LineEnding } from './types';
import { splitLines, type RawLine } from './lines';
import { assemble, spanTextsOf } from './analyze-base';
import { detectMarkup, MARKUP_SAMPLE, type MarkupShare } from './markup';
import { classifyLines, flatTextFor, forgetFlatText, paragraphView, pageMemoStats, type FeatureMemo } from './boilerplate';
import { findQuotes, createQuoteMemo, type QuoteMemo } from './quotes';
import { findEntities, type LineEntities } from './entities';

/** One edit, as in VS Code's `TextDocumentContentChangeEvent`: replace [rangeOffset, rangeOffset + rangeLength) by `text`. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/** What the last update did (for benchmarks and the extension's performance log). */
export interface IncrementalStats {
  /** Lines re-split by the last update (the rest were shifted). */
  resplitLines: number;
  /** Milliseconds of the last update, per step. */
  ms: { lines: number; classify: number; quotes: number; entities: number; total: number };
  /** Entries in the memos. */
  memo: { features: number; quotes: number; entities: number };
  /**
   * A document read page by page: the pages the last update classified and those it took unchanged from the page
   * memo (the document's pages and the pages of its cleaned text, which the classifier reads too; 0 and 0 for a
   * document of one page); `cleanedReused`: the settle loop's cleaned texts whose labels it took from the memo (an
   * edit that changed no kept line).
   */
  pages: { classified: number; reused: number; cleanedReused: number };
}

const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

// classifyLines takes a per-line feature memo as 4th argument (boilerplate engineer's API); typed loosely so that
// this module also works with a classifier that ignores it.
type Classify = (text: string, raw: readonly RawLine[], options: AnalyzeOptions, memo?: Map<string, unknown>) => LineInfo[];
const classify = classifyLines as unknown as Classify;

export class IncrementalAnalyzer {
  private _text = '';
  private raw: RawLine[] = [{ start: 0, end: 0 }];
  private eols: EolCounts = { lf: 0, crlf: 0, cr: 0 };
  private _analysis: Analysis | null = null;
  /** `detectMarkup` of the current text; undefined when an edit within its sample (or a new text) made it unknown. */
  private markup: MarkupShare | null | undefined;
  private options: AnalyzeOptions;
  private featureMemo = new Map<string, unknown>();
  private quoteMemo: QuoteMemo = createQuoteMemo();
  private entityMemo = new Map<string, LineEntities>();
  private _stats: IncrementalStats = { resplitLines: 0, ms: { lines: 0, classify: 0, quotes: 0, entities: 0, total: 0 }, memo: { features: 0, quotes: 0, entities: 0 }, pages: { classified: 0, reused: 0, cleanedReused: 0 } };

  constructor(options: AnalyzeOptions = {}, text?: string) {
    this.options = options;
    if (text !== undefined) this.reset(text);
  }

  get text(): string {
    return this._text;
  }

  /** The analysis of the current text (computed on first access after `reset` with no text). */
  get analysis(): Analysis {
    if (!this._analysis) this._analysis = this.run(0);
    return this._analysis;
  }

  get stats(): IncrementalStats {
    return this._stats;
  }

  /**
   * Start over with a whole new text (memos are kept: lines seen before are not re-analysed). `preliminary`, if
   * given, is called once during this analysis with the line labels before the classifier's settle step (no
   * quotes, no entities; see `AnalyzeOptions.onUnsettledLines`), so that they can be shown before the rest is done.
   * `focus` (see `AnalyzeOptions.focus`): the labels of the pages holding these lines (or, for a big text read as one
   * page, their estimate), earlier still.
   */
  reset(text: string, preliminary?: (a: Analysis) => void, focus?: FocusLines): Analysis {
    const t0 = now();
    forgetFlatText(this.featureMemo as FeatureMemo); // read as given
    this._text = text;
    this.raw = splitLines(text);
    this.eols = { lf: 0, crlf: 0, cr: 0 };
    countEols(text, 0, text.length, this.eols, 1);
    this.markup = undefined;
    const lineMs = now() - t0;
    this._analysis = this.run(lineMs, this.raw.length, preliminary && ((lines, ms) => preliminary(assemble(text, eolOf(this.eols), lines as LineInfo[], [], [], { lines: lineMs + ms, quotes: 0, entities: 0, total: lineMs + ms }, this.markup))), focus);
    return this._analysis;
  }

  /** New options (patterns, keep lines, templates, quotes/entities switches): re-run the document passes. */
  setOptions(options: AnalyzeOptions): Analysis {
    this.options = options;
    this._analysis = this.run(0, 0);
    return this._analysis;
  }

  /** Apply edits in the order given, then re-analyse once. */
  applyChanges(changes: readonly TextChange[]): Analysis {
    const t0 = now();
    let resplit = 0;
    for (const c of changes) resplit += this.applyOne(c);
    this._analysis = this.run(now() - t0, resplit);
    return this._analysis;
  }

  /** Bring the analyzer to `text`, finding the changed region by comparing with the current text. */
  syncText(text: string): Analysis {
    const old = this._text;
    if (text === old && this._analysis) return this._analysis;
    const min = Math.min(old.length, text.length);
    let p = 0;
    while (p < min && old.charCodeAt(p) === text.charCodeAt(p)) p++;
    let s = 0;
    while (s < min - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
    return this.applyChanges([{ rangeOffset: p, rangeLength: old.length - p - s, text: text.slice(p, text.length - s) }]);
  }

  /** Replace [off, off+len) and patch the line table; returns the number of lines re-split. */
  private applyOne(c: TextChange): number {
    const old = this._text;
    const off = c.rangeOffset;
    const len = c.rangeLength;
    if (!(off >= 0 && len >= 0 && off + len <= old.length) || !Number.isInteger(off) || !Number.isInteger(len)) {
      throw new RangeError(`change [${off}, ${off}+${len}) outside the text (length ${old.length})`);
    }
    if (len === 0 && c.text.length === 0) return 0;
    if (off < MARKUP_SAMPLE) this.markup = undefined; // an edit after the sample leaves the markup figures as they are
    const text = flatTextFor(this.featureMemo as FeatureMemo, old.slice(0, off) + c.text + old.slice(off + len));
    const delta = c.text.length - len;
    const raw = this.raw;
    // Lines a..b (inclusive) of the old table are re-split: the lines holding the edit, plus one line of margin
    // on each side so that the boundaries S and E below sit next to unchanged characters.
    const a = Math.max(0, lineAt(raw, off) - 1);
    const b = Math.min(raw.length - 1, lineAt(raw, off + len) + 1);
    const S = raw[a].start;
    const last = b === raw.length - 1;
    const E = last ? old.length : raw[b + 1].start;
    const E2 = E + delta;
    const seg = splitLines(text.slice(S, E2));
    if (!last) seg.pop(); // the empty piece after the region's final line ending: line b+1 starts there
    for (const r of seg) {
      r.start += S;
      r.end += S;
    }
    if (delta !== 0) {
      for (let i = b + 1; i < raw.length; i++) {
        raw[i].start += delta;
        raw[i].end += delta;
      }
    }
    countEols(old, S, E, this.eols, -1);
    countEols(text, S, E2, this.eols, 1);
    if (seg.length <= 4096) raw.splice(a, b - a + 1, ...seg);
    else this.raw = raw.slice(0, a).concat(seg, raw.slice(b + 1)); // big paste: no huge argument list
    this._text = text;
    return seg.length;
  }

  private run(lineMs: number, resplit = this.raw.length, unsettled?: (lines: readonly LineInfo[], ms: number) => void, focus?: FocusLines): Analysis {
    const t0 = now();
    const text = this._text;
    // once per text version that changed it, not for each answer (typing in a big dump after its first 200,000
    // characters never re-reads the sample)
    if (this.markup === undefined) this.markup = detectMarkup(text);
    const options = unsettled || focus ? { ...this.options, onUnsettledLines: unsettled && ((l: readonly LineInfo[]) => unsettled(l, now() - t0)), focus } : this.options;
    this.trimMemos();
    const lines = classify(text, this.raw, options, this.featureMemo);
    const t1 = now();
    const view = paragraphView(text, this.raw, lines, options);
    const quotes: Quote[] = options.quotes === false ? [] : findQuotes(view.text, view.lines, { scareQuotes: options.scareQuotes, memo: this.quoteMemo });
    const t2 = now();
    const entities: Entity[] = options.entities === false ? [] : findEntities(view.text, view.lines, { memo: this.entityMemo });
    const t3 = now();
    if (view.text !== text) spanTextsOf(text, quotes, entities);
    const a = assemble(text, eolOf(this.eols), lines, quotes, entities, { lines: lineMs + (t1 - t0), quotes: t2 - t1, entities: t3 - t2, total: lineMs + (t3 - t0) }, this.markup);
    this._stats = {
      resplitLines: resplit,
      ms: { lines: lineMs, classify: t1 - t0, quotes: t2 - t1, entities: t3 - t2, total: lineMs + (t3 - t0) },
      memo: { features: this.featureMemo.size, quotes: this.quoteMemo.paragraphs.size, entities: this.entityMemo.size },
      pages: pageMemoStats(this.featureMemo as FeatureMemo),
    };
    return a;
  }

  /** Keep memos bounded: when one holds far more entries than the document has lines, drop it (it refills). */
  private trimMemos(): void {
    const cap = 2 * this.raw.length + 2000;
    if (this.featureMemo.size > cap) this.featureMemo = new Map();
    if (this.quoteMemo.paragraphs.size > cap) this.quoteMemo = createQuoteMemo();
    if (this.entityMemo.size > cap) this.entityMemo = new Map();
  }
}

/** Index of the line holding offset `off` (a line's own line ending counts as part of it). */
function lineAt(raw: readonly RawLine[], off: number): number {
  let lo = 0;
  let hi = raw.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (raw[mid].start <= off) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

interface EolCounts { lf: number; crlf: number; cr: number }

/** Line endings in text[from, to) (from and to at line starts / text end, so no CRLF straddles them). */
function countEols(text: string, from: number, to: number, into: EolCounts, sign: 1 | -1): void {
  // A short range (an edit) is read character by character; a long one (a whole document) with indexOf, a native
  // search that is ~6x faster than this loop on a 5 MB text. Same counts (test/unit/incremental.test.ts).
  if (to - from < 4096) {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (i + 1 < to && text.charCodeAt(i + 1) === 10) { into.crlf += sign; i++; }
        else into.cr += sign;
      } else if (c === 10) into.lf += sign;
    }
    return;
  }
  let all = 0; // every \n, those of \r\n pairs included
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) all++;
  let crlf = 0, cr = 0;
  for (let r = text.indexOf('\r', from); r >= 0 && r < to; r = text.indexOf('\r', r + 1)) {
    if (r + 1 < to && text.charCodeAt(r + 1) === 10) crlf++;
    else cr++;
  }
  into.lf += sign * (all - crlf);
  into.crlf += sign * crlf;
  into.cr += sign * cr;
}

/** The dominant line ending from counts: the same decision as `detectEol` (lines.ts). */
function eolOf(n: EolCounts): LineEnding {
  if (n.crlf >= n.lf && n.crlf >= n.cr && n.crlf > 0) return '\r\n';
  if (n.cr > n.lf && n.cr > n.crlf) return '\r';
  return '\n';
}

/** Lines of each synthetic dump warmBigDocumentStep classifies. */
const BIG_WARM_LINES = 2000;
/** Lines of the last one. */
const BIG_WARM_LAST_LINES = 17000;
/** Steps of warmBigDocumentStep (fewer leave more of the compiling to a 5 MB dump's first analysis: BENCHMARKS.md). */
export const BIG_WARM_STEPS = 10;

/**
 * One step of a longer warm-up, for a thread that is about to analyse big documents and has time before the first
 * one (the editor's analysis worker, while it waits for its first document): one synthetic dump of BIG_WARM_LINES
 * lines through an IncrementalAnalyzer, line labels only (a page of a news dump repeated with variations: menus, an
 * ad marker, addresses, a byline, prose with quotes, share and comment widgets, a footer). warmClassifier
 * (boilerplate/index.ts) only gives V8 type feedback; these passes run the document pass often enough for V8 to
 * optimise it, which a 5 MB dump otherwise pays for inside its first analysis (bench/first-big-analysis.mjs: its
 * line labels in 0.58x the time). `step` counts from 0 (it varies the dump); returns whether another step is useful
 * (false after BIG_WARM_STEPS). The results are discarded. Pure; ~10-60 ms a step, the last one up to ~180 ms.
 */
export function warmBigDocumentStep(step: number): boolean {
  if (step >= BIG_WARM_STEPS) return false;
  const page = [
    'Council approves new housing plan for the north of the city', '[ad_1]', 'Home | News | Sport | Weather | Contact', 'World',
    'Get short URL', 'https://example.com/news/2020/03/council-approves-new-housing-plan', 'By Jane Smith', 'Updated: March 3, 2020', '',
    'The city council on Monday approved a plan to build 2,000 new homes in the north of the city over the next ten years, officials said.',
    '',
    'The plan, which was first proposed in 2018, had been delayed by disputes over funding and the location of a new school.',
    '',
    '“This is a good day for the city,” said the mayor, who had pushed for the plan since her election. “We will build homes that people can afford.”',
    '',
    'Opponents said the council had not listened to residents. "The roads cannot take more traffic," one of them told the meeting.',
    '', 'Source link', 'Share this article', 'Facebook', 'Twitter', 'Related stories', 'Council tax to rise by 3 percent',
    'New school opens in the north', 'Leave a Reply', 'Your email address will not be published. Required fields are marked *',
    'Comment', 'Name *', 'Email *', '© 2020 Example News. All rights reserved.', '',
  ];
  const tag = (k: number) => String.fromCharCode(97 + (k % 26)) + String.fromCharCode(97 + ((k / 26) | 0) % 26);
  const lines: string[] = [];
  // the last dump is longer than V8 allocates `new Array(n)` inline (~16,000 elements): the document pass's first such
  // allocation otherwise throws its optimised code away ("out of bounds") inside a big document's first analysis
  const want = step === BIG_WARM_STEPS - 1 ? BIG_WARM_LAST_LINES : BIG_WARM_LINES;
  for (let k = 0; lines.length < want; k++) {
    // prose lines vary from copy to copy (not all duplicates), menus and widgets repeat (duplicates)
    for (const l of page) lines.push(l.length > 80 ? `${l} (${tag(k + step * 131)})` : l);
  }
  const t = lines.join('\n').split('').join(''); // a flat string (see the end of features.ts)
  new IncrementalAnalyzer({ quotes: false, entities: false, details: step % 2 === 0 }).reset(t, () => undefined);
  return step + 1 < BIG_WARM_STEPS;
}
