/**
 * Public types of the Scraped News core. Pure TypeScript: no `vscode`, no Node-only API.
 * All offsets are JavaScript string indices (UTF-16 code units) into the analysed text, `end` exclusive.
 */

/** What a line is. `meta` = byline, dateline, caption, credit: kept or dropped by a setting. */
export type LineLabel = 'article' | 'boilerplate' | 'meta' | 'blank';

/**
 * Reason codes name the rule that decided a line. Stable strings: they are the diagnostic `code`,
 * appear in the CLI's JSON and in hovers (through `describeReason`). Add new ones in reasons.ts.
 */
export type ReasonCode = string;

export interface LineInfo {
  /** 0-based line number. */
  line: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character of the line, line ending excluded. */
  end: number;
  label: LineLabel;
  reason: ReasonCode;
  /** Optional human detail for the hover, e.g. "repeats in 12 of 14 dumps in this folder". */
  detail?: string;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Speaker extends Span {
  /** Full name the speaker phrase refers to when it is a pronoun or a surname, e.g. "Sergey Ryabkov, Russian Deputy Foreign Minister". */
  resolved?: string;
}

export interface Quote extends Span {
  /** `quote` = attributed or speech-like quotation; `scare` = quoted words that are not reported speech (see `scareReason`). */
  kind: 'quote' | 'scare';
  speaker: Speaker | null;
  /** The cue word/phrase that attributes the quote (said, told, according to, ':'), when found. */
  cue?: Span | null;
  /**
   * Why a `scare` quote is not reported speech: a title (`CBS's "Face the Nation"`), a nickname (`Robert "Bobby"
   * Scott`), a modifier (`“quack” cures`), a word mentioned as a word (`"she"`), a subhead or stage direction.
   */
  scareReason?: 'title' | 'nickname' | 'modifier' | 'mention' | 'subhead';
}

export type EntityType = 'person' | 'place' | 'organization';

export interface Entity extends Span {
  type: EntityType;
}

export interface AnalysisStats {
  lines: number;
  articleLines: number;
  boilerplateLines: number;
  metaLines: number;
  blankLines: number;
  quotes: number;
  entities: number;
  /** Distinct entity names per type. */
  entityNames: number;
  /** Characters in article lines. */
  articleChars: number;
  /** Milliseconds spent, per stage. */
  timings: { lines: number; quotes: number; entities: number; total: number };
  /**
   * Set when the text is HTML markup rather than a text dump (a failed HTML-to-text step): tags and the share of
   * markup among the non-space characters (of the first 200,000 characters). Cleaning converts such a dump to
   * text first (`markupToText`).
   */
  markup?: { tags: number; share: number };
  /**
   * Set when one line holds a whole page (3,000 characters or more with the furniture of several page widgets in it:
   * cookies, sign-in, sharing, newsletters, comments, copyright…): the converter joined the page's blocks into one line
   * (jsoup's `text()`, `get_text()` without a separator, textContent of minified HTML). The line classifier cannot
   * separate article from noise inside one line. `line`: the longest such line; `chars`: its length; `widgets`: how
   * many kinds of furniture it holds.
   */
  joined?: { line: number; chars: number; widgets: number };
}

export type LineEnding = '\n' | '\r\n' | '\r';

export interface Analysis {
  /** Length of the analysed text (sanity check for adapters). */
  length: number;
  /** Dominant line ending of the input, kept by `clean`. */
  eol: LineEnding;
  /** True when the text starts with a UTF-8 BOM (U+FEFF), kept by `clean`. */
  bom: boolean;
  lines: LineInfo[];
  quotes: Quote[];
  entities: Entity[];
  stats: AnalysisStats;
}

/** Site templates are used from this many dumps on (fewer cannot tell a site's frame from chance repeats). */
export const MIN_TEMPLATE_DOCUMENTS = 3;

/** Lines that repeat across many dumps of one folder (site templates). Built by `buildTemplateIndex`. */
export interface TemplateIndex {
  /** Number of dumps the index was built from. */
  documents: number;
  /** Normalised line key -> number of dumps containing it. */
  counts: Map<string, number>;
}

export interface AnalyzeOptions {
  /** Find quotes (default true). */
  quotes?: boolean;
  /** Find entities (default true). Costly: adapters may turn it off for huge documents. */
  entities?: boolean;
  /** Extra boilerplate patterns (user setting): JavaScript regular expression sources, matched against the trimmed line. */
  boilerplatePatterns?: readonly string[];
  /** Trimmed line texts the user chose to keep ("Keep this line"): such lines are always article. */
  keepLines?: readonly string[];
  /** Site-template index learned from the other dumps of the folder. */
  templates?: TemplateIndex | null;
  /**
   * With `templates`: each line's count in the index (one per line of the text, `splitLines` order; what
   * `templates.counts.get(key)` returns, or 0; a count of 1 and 0 read the same), when the caller has them already
   * (the CLI counts each line while building the index, `TemplateCounter.add(text, true)`): the classifier then
   * looks up no line keys.
   */
  templateLineCounts?: ArrayLike<number>;
  /** Report scare quotes (default true; they get kind 'scare'). */
  scareQuotes?: boolean;
  /**
   * The lines will be cleaned with `clean(text, analysis, { keepMeta: true })` (default false): the classifier's
   * settle step then makes that clean idempotent instead of the default one.
   */
  keepMeta?: boolean;
  /**
   * Judge the paragraphs of a hard-wrapped dump (html2text, lynx/w3m at their default width, html-to-text's default
   * `wordwrap: 80`) as whole paragraphs, each physical line getting its paragraph's label (default true; see
   * src/core/boilerplate/unwrap.ts). Dumps that are not wrapped are not affected.
   */
  unwrap?: boolean;
  /**
   * Called once per classification with the line labels before the settle step (the few lines that step labels
   * `settled-out` are still `article` there): lets an editor dim most of a big document earlier. The array is
   * changed in place afterwards, so a caller must copy or encode it at once. Not part of the result.
   */
  onUnsettledLines?: (lines: readonly LineInfo[]) => void;
  /**
   * Lines the caller wants first (an editor's visible lines): when the text is read page by page (a file of several
   * dumps, see pageStarts), the pages holding lines `first`..`last` are classified before the others, and `onLines`
   * is called once with their labels (the same as those `onUnsettledLines` gets for these lines) and the index of the
   * first of them. A big text read as one page (FOCUS_ESTIMATE_MIN_LINES lines or more) has labels that depend on the
   * whole page, so `onLines` gets an estimate first: the focus lines and up to 1,000 lines on each side, classified
   * with 3,000 lines on each side as a text of their own (most labels are the final ones; where the whole page
   * decides otherwise, e.g. which copy of a repeated line is the duplicate, they differ: bench/focus-estimate.mjs).
   * Not called for a smaller text read as one page. Not part of the result.
   */
  focus?: FocusLines;
  /**
   * The model's explanation of each line it judges noise (`LineInfo.detail`, e.g. "very short, no sentence
   * punctuation": the hover and the diagnostic show it). Default true; the CLI's clean, which shows no reasons, turns it
   * off (labels and reason codes are the same either way).
   */
  details?: boolean;
}

/** See `AnalyzeOptions.focus`. */
export interface FocusLines {
  first: number;
  last: number;
  onLines: (lines: readonly LineInfo[], firstLine: number) => void;
}

export interface CleanOptions {
  /** Keep `meta` lines (bylines, datelines, captions). Default false. */
  keepMeta?: boolean;
}
