/**
 * Messages between the extension host and the analysis service (analysisService.ts; analysisWorker.ts runs it
 * in a Node `worker_threads` Worker, analysisCache.ts in-thread where workers are unavailable), and the compact
 * result format. Types only from the core: the host loads this without the analyser (and its entity model).
 * No `vscode` import: unit-tested in plain Node.
 *
 * - The service keeps one core `IncrementalAnalyzer` per document (memos included), so the host sends only the
 *   edits since the version the service already has (`changes` + `baseVersion`), or the full text when it has
 *   none (first open, out of sync, worker restarted).
 * - Results are compact: the line table as typed arrays (start, end, label, reason index; transferable), the
 *   reason strings once, details sparse; quotes and entities as flat arrays too, read through views that build
 *   an object only when it is accessed (a 5 MB dump has ~35,000 entities: as objects, cloning them took the host
 *   30-45 ms after every edit).
 * - On a full-text request with `twoPhase`, the service first answers with the line labels only, as soon as the
 *   classifier's main pass has them (no quotes and entities, and before the settle step: the few lines that step
 *   takes out are still article there), then with the complete analysis, so the editor can dim the noise of a big
 *   document early. Only decorations and diagnostics read the first answer (`peekLines`); everything else waits
 *   for the complete one.
 * - Every request carries the host's generation number and the document version; replies echo both so that the
 *   host drops results that a newer request has overtaken.
 */
import type { TextChange } from '../core/incremental';
import type { Analysis, AnalysisStats, AnalyzeOptions, Entity, EntityType, LineEnding, LineInfo, LineLabel, Quote } from '../core/types';
import { withoutScore } from '../core/reasons';

export interface AnalyzeRequest {
  type: 'analyze';
  /** Document id (URI string). */
  id: string;
  gen: number;
  /** Document version the request brings the service to. */
  version: number;
  /** Version the `changes` apply to (must be the version the service has). */
  baseVersion?: number;
  /** Full text (first request, or resynchronisation). */
  text?: string;
  /**
   * The full text was sent before this request as this many `text` messages of the same id and generation (a big
   * document, posted in parts so that no single host task copies megabytes); the service joins them.
   */
  textParts?: number;
  /** Edits since `baseVersion`, in order. */
  changes?: TextChange[];
  /** New options (sent when `optionsKey` changed). */
  options?: AnalyzeOptions;
  optionsKey: string;
  /** Expected text length after the changes (sanity check). */
  length: number;
  /** Lines first, complete analysis second (full-text requests only). */
  twoPhase?: boolean;
  /**
   * With `twoPhase`: the lines shown (first, last), whose labels are wanted first. A `focus` reply comes before the
   * `lines` one (AnalyzeOptions.focus): the labels of the pages holding them when the document is read page by page,
   * an estimate of theirs and of the lines around them when a big document is read as one page.
   */
  focus?: [first: number, last: number];
}

export interface CloseRequest {
  type: 'close';
  id: string;
}

/** A part of the full text of the `analyze` request with the same id and generation that follows. */
export interface TextPartRequest {
  type: 'text';
  id: string;
  gen: number;
  text: string;
}

export type ServiceRequest = AnalyzeRequest | CloseRequest | TextPartRequest;

/** The line table of an analysis as flat arrays. */
export interface CompactLines {
  starts: Int32Array;
  ends: Int32Array;
  /** Index into LABELS. */
  labels: Uint8Array;
  /** Index into `reasonTable`. */
  reasons: Uint16Array;
  reasonTable: string[];
  /** Lines that carry a `detail`, ascending, and the details. */
  detailLines: Int32Array;
  detailTexts: string[];
}

export interface AnalysisResult {
  type: 'result';
  id: string;
  gen: number;
  version: number;
  optionsKey: string;
  /** `lines`: line labels before the settle step, quotes and entities not computed yet (empty); `full`: the complete analysis. */
  phase: 'lines' | 'full';
  /** The analysis was an incremental update (edits or options) of the previous one. */
  incremental: boolean;
  /** Milliseconds the service spent on this analysis. */
  ms: number;
  /**
   * CPU milliseconds of the service's thread in that time (-1 where the thread's CPU clock is not readable): below
   * `ms` when the thread waited for a core (other processes, the compiler threads of its own isolate).
   */
  cpuMs: number;
  length: number;
  eol: LineEnding;
  bom: boolean;
  stats: AnalysisStats;
  lines: CompactLines;
  quotes: CompactQuotes;
  entities: CompactEntities;
  /** Heap of the service's isolate in bytes (worker only; 0 in-thread). */
  heapUsed: number;
  /**
   * A document read page by page: the pages this analysis classified and those it took from the incremental
   * analyser's page memo (see `IncrementalStats.pages`; 0 and 0 for a document of one page).
   */
  pages: { classified: number; reused: number; cleanedReused: number };
}

/**
 * The labels of the pages holding the focus lines of a two-phase request, before the labels of the whole document
 * (the `lines` reply, which has the same labels for these lines); for a big document read as one page, the labels
 * of the focus lines and the lines around them classified on their own, an estimate (the `lines` reply may differ:
 * see AnalyzeOptions.focus). `lines` covers `firstLine` onwards. Only the decorations read it.
 */
export interface FocusResult {
  type: 'focus';
  id: string;
  gen: number;
  version: number;
  firstLine: number;
  lines: CompactLines;
  /** Milliseconds since the analysis started, and the service thread's CPU milliseconds (-1: unknown). */
  ms: number;
  cpuMs: number;
}

export interface ResyncResult {
  type: 'resync';
  id: string;
  gen: number;
  version: number;
}

export interface ErrorResult {
  type: 'error';
  id: string;
  gen: number;
  version: number;
  message: string;
}

export type ServiceReply = AnalysisResult | FocusResult | ResyncResult | ErrorResult;

/**
 * Quotes as flat arrays (thousands of quotes as objects take tens of ms to clone on the host's thread).
 * Per quote: `nums` [start, end, speaker start, speaker end, cue start, cue end], `flags` (bit 0 scare, bit 1
 * speaker, bit 2 resolved name, bit 3 cue object, bit 4 cue null, bits 5-7 scare reason + 1), and four strings
 * (text, speaker text, resolved name, cue text) concatenated in `pool` with their lengths in `lens`.
 */
export interface CompactQuotes {
  nums: Int32Array;
  flags: Uint8Array;
  lens: Int32Array;
  pool: string;
}

/**
 * Entities as flat arrays (see CompactQuotes): per entity `nums` [start, end], `types` (index in ENTITY_TYPES), and
 * its text in `pool`, with its length in `lens`.
 */
export interface CompactEntities {
  nums: Int32Array;
  types: Uint8Array;
  lens: Int32Array;
  pool: string;
}

/**
 * A string that changes whenever the first `max` boilerplate lines (and meta lines, with `meta`) change: their
 * line numbers, lengths, labels, reasons and details without the model's score (core/reasons.ts withoutScore) —
 * everything a diagnostic of theirs shows. Lets the diagnostics skip re-publishing after an edit that did not change
 * them (typing in an article line).
 */
export function noiseSignature(a: Analysis, meta: boolean, max: number): string {
  const parts: string[] = [];
  const c = compactOfAnalysis.get(a);
  if (c) {
    let d = 0;
    for (let i = 0; i < c.labels.length && parts.length < max; i++) {
      const label = c.labels[i];
      if (label !== 1 && !(meta && label === 2)) continue;
      while (d < c.detailLines.length && c.detailLines[d] < i) d++;
      const reason = c.reasonTable[c.reasons[i]];
      const detail = d < c.detailLines.length && c.detailLines[d] === i ? withoutScore(reason, c.detailTexts[d]) ?? '' : '';
      parts.push(`${i},${c.ends[i] - c.starts[i]},${label},${reason},${detail}`);
    }
  } else {
    for (const l of a.lines) {
      if (parts.length >= max) break;
      if (l.label !== 'boilerplate' && !(meta && l.label === 'meta')) continue;
      parts.push(`${l.line},${l.end - l.start},${l.label === 'boilerplate' ? 1 : 2},${l.reason},${withoutScore(l.reason, l.detail) ?? ''}`);
    }
  }
  return parts.join('\n');
}

/** Number of quotes of a kind, without building quote objects when the analysis is compact. */
export function countQuotes(a: Analysis, kind: Quote['kind']): number {
  const c = compactQuotesOfAnalysis.get(a);
  if (!c) return a.quotes.filter((q) => q.kind === kind).length;
  let n = 0;
  const bit = kind === 'scare' ? 1 : 0;
  for (let i = 0; i < c.flags.length; i++) if ((c.flags[i] & 1) === bit) n++;
  return n;
}

const SCARE_REASONS: readonly NonNullable<Quote['scareReason']>[] = ['title', 'nickname', 'modifier', 'mention', 'subhead'];

export function encodeQuotes(quotes: readonly Quote[]): CompactQuotes {
  const n = quotes.length;
  const nums = new Int32Array(n * 6);
  const flags = new Uint8Array(n);
  const lens = new Int32Array(n * 4);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const q = quotes[i];
    let f = q.kind === 'scare' ? 1 : 0;
    nums[i * 6] = q.start;
    nums[i * 6 + 1] = q.end;
    parts.push(q.text);
    lens[i * 4] = q.text.length;
    const sp = q.speaker;
    if (sp) {
      f |= 2;
      nums[i * 6 + 2] = sp.start;
      nums[i * 6 + 3] = sp.end;
      parts.push(sp.text);
      lens[i * 4 + 1] = sp.text.length;
      if (sp.resolved !== undefined) {
        f |= 4;
        parts.push(sp.resolved);
        lens[i * 4 + 2] = sp.resolved.length;
      }
    }
    if (q.cue) {
      f |= 8;
      nums[i * 6 + 4] = q.cue.start;
      nums[i * 6 + 5] = q.cue.end;
      parts.push(q.cue.text);
      lens[i * 4 + 3] = q.cue.text.length;
    } else if (q.cue === null) f |= 16;
    if (q.scareReason !== undefined) f |= (SCARE_REASONS.indexOf(q.scareReason) + 1) << 5;
    flags[i] = f;
  }
  return { nums, flags, lens, pool: parts.join('') };
}

/** A read-only `Quote[]` view of compact quotes; each quote object is built on first access and kept. */
export function quotesView(c: CompactQuotes): Quote[] {
  let offs: Int32Array | undefined;
  return builtOnce<Quote>(c.flags.length, (i) => {
    offs ??= poolOffsets(c.lens);
    const f = c.flags[i];
    const str = (k: number) => c.pool.slice(offs![i * 4 + k], offs![i * 4 + k + 1]);
    const q: Quote = {
      start: c.nums[i * 6],
      end: c.nums[i * 6 + 1],
      text: str(0),
      kind: f & 1 ? 'scare' : 'quote',
      speaker: f & 2 ? { start: c.nums[i * 6 + 2], end: c.nums[i * 6 + 3], text: str(1), ...(f & 4 ? { resolved: str(2) } : {}) } : null,
    };
    if (f & 8) q.cue = { start: c.nums[i * 6 + 4], end: c.nums[i * 6 + 5], text: str(3) };
    else if (f & 16) q.cue = null;
    if (f >> 5) q.scareReason = SCARE_REASONS[(f >> 5) - 1];
    return q;
  });
}

/** Where each string of a pool starts, from their lengths (lens.length + 1 offsets: string k is pool[offs[k], offs[k + 1])). */
function poolOffsets(lens: Int32Array): Int32Array {
  const offs = new Int32Array(lens.length + 1);
  for (let k = 0; k < lens.length; k++) offs[k + 1] = offs[k] + lens[k];
  return offs;
}

/** A read-only array view of n objects, each built by `build` on first access and kept (one object per index). */
function builtOnce<T>(n: number, build: (i: number) => T): T[] {
  const made: (T | undefined)[] = new Array(n);
  return arrayView<T>(n, (i) => (made[i] ??= build(i)));
}

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'place', 'organization'];

export function encodeEntities(entities: readonly Entity[]): CompactEntities {
  const n = entities.length;
  const nums = new Int32Array(n * 2);
  const types = new Uint8Array(n);
  const lens = new Int32Array(n);
  const parts: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const e = entities[i];
    nums[i * 2] = e.start;
    nums[i * 2 + 1] = e.end;
    const t = ENTITY_TYPES.indexOf(e.type);
    if (t < 0) throw new Error(`unknown entity type: ${e.type}`);
    types[i] = t;
    lens[i] = e.text.length;
    parts[i] = e.text;
  }
  return { nums, types, lens, pool: parts.join('') };
}

/** A read-only `Entity[]` view of compact entities; each entity object is built on first access and kept. */
export function entitiesView(c: CompactEntities): Entity[] {
  let offs: Int32Array | undefined;
  return builtOnce<Entity>(c.types.length, (i) => {
    offs ??= poolOffsets(c.lens);
    return { start: c.nums[i * 2], end: c.nums[i * 2 + 1], type: ENTITY_TYPES[c.types[i]], text: c.pool.slice(offs[i], offs[i + 1]) };
  });
}

/** Where each entity's text starts in `pool` (n + 1 offsets: entity i's text is pool[offs[i], offs[i + 1])). */
export function entityTextOffsets(c: CompactEntities): Int32Array {
  return poolOffsets(c.lens);
}

export const LABELS: readonly LineLabel[] = ['article', 'boilerplate', 'meta', 'blank'];
const LABEL_INDEX: Record<LineLabel, number> = { article: 0, boilerplate: 1, meta: 2, blank: 3 };

export function encodeLines(lines: readonly LineInfo[]): CompactLines {
  const n = lines.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const labels = new Uint8Array(n);
  const reasons = new Uint16Array(n);
  const reasonTable: string[] = [];
  const reasonIndex = new Map<string, number>();
  const detailLines: number[] = [];
  const detailTexts: string[] = [];
  for (let i = 0; i < n; i++) {
    const l = lines[i];
    starts[i] = l.start;
    ends[i] = l.end;
    labels[i] = LABEL_INDEX[l.label];
    let r = reasonIndex.get(l.reason);
    if (r === undefined) {
      r = reasonTable.length;
      reasonTable.push(l.reason);
      reasonIndex.set(l.reason, r);
    }
    reasons[i] = r;
    if (l.detail !== undefined) {
      detailLines.push(i);
      detailTexts.push(l.detail);
    }
  }
  return { starts, ends, labels, reasons, reasonTable, detailLines: Int32Array.from(detailLines), detailTexts };
}

/** The buffers of a compact line table (to transfer instead of copying). */
export function linesTransferList(c: CompactLines): ArrayBuffer[] {
  return [c.starts.buffer, c.ends.buffer, c.labels.buffer, c.reasons.buffer, c.detailLines.buffer] as ArrayBuffer[];
}

/** The buffers of a compact line table, compact quotes and compact entities (to transfer instead of copying). */
export function transferList(c: CompactLines, q: CompactQuotes, e: CompactEntities): ArrayBuffer[] {
  return [...linesTransferList(c), q.nums.buffer, q.flags.buffer, q.lens.buffer, e.nums.buffer, e.types.buffer, e.lens.buffer] as ArrayBuffer[];
}

const compactOfAnalysis = new WeakMap<Analysis, CompactLines>();
const compactQuotesOfAnalysis = new WeakMap<Analysis, CompactQuotes>();
const compactEntitiesOfAnalysis = new WeakMap<Analysis, CompactEntities>();

/** The compact line table behind an analysis decoded by `decodeResult` (undefined for ordinary analyses). */
export function compactOf(a: Analysis): CompactLines | undefined {
  return compactOfAnalysis.get(a);
}

/** The compact quotes behind an analysis decoded by `decodeResult` (undefined for ordinary analyses). */
export function compactQuotesOf(a: Analysis): CompactQuotes | undefined {
  return compactQuotesOfAnalysis.get(a);
}

/** The compact entities behind an analysis decoded by `decodeResult` (undefined for ordinary analyses). */
export function compactEntitiesOf(a: Analysis): CompactEntities | undefined {
  return compactEntitiesOfAnalysis.get(a);
}

function isIndex(p: string): number {
  const c = p.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return -1;
  const i = Number(p);
  return Number.isInteger(i) && String(i) === p ? i : -1;
}

/**
 * A read-only `LineInfo[]` view of a compact line table: `lines[i]`, `length`, iteration and the array methods
 * work as on an array; each access builds the small LineInfo object on demand, so 100k lines cost four typed
 * arrays on the host instead of 100k objects.
 */
export function linesView(c: CompactLines): LineInfo[] {
  const n = c.labels.length;
  let details: Map<number, string> | undefined;
  const at = (i: number): LineInfo => {
    // `detail` always present (undefined when none), as in the core's LineInfo objects: one object shape
    const l: LineInfo = { line: i, start: c.starts[i], end: c.ends[i], label: LABELS[c.labels[i]], reason: c.reasonTable[c.reasons[i]], detail: undefined };
    if (c.detailLines.length) {
      if (!details) {
        details = new Map();
        for (let k = 0; k < c.detailLines.length; k++) details.set(c.detailLines[k], c.detailTexts[k]);
      }
      const d = details.get(i);
      if (d !== undefined) l.detail = d;
    }
    return l;
  };
  return arrayView<LineInfo>(n, at);
}

/** A read-only array of `n` elements built by `at(i)` on access: indexing, length, iteration, array methods. */
function arrayView<T>(n: number, at: (i: number) => T): T[] {
  // The target stays empty: its `length` is answered here. (Setting it to n made V8 allocate n holes: 3.2 ms and
  // 0.9 MB for a 5 MB dump's 112,884 lines, in every answer the host received.) The target's `length` is writable,
  // so the proxy may report another value.
  const target: T[] = [];
  return new Proxy(target, {
    get(t, p, r) {
      if (typeof p === 'string') {
        if (p === 'length') return n;
        const i = isIndex(p);
        if (i >= 0) return i < n ? at(i) : undefined;
      }
      return Reflect.get(t, p, r);
    },
    has(t, p) {
      if (typeof p === 'string') {
        const i = isIndex(p);
        if (i >= 0) return i < n;
      }
      return Reflect.has(t, p);
    },
    getOwnPropertyDescriptor(t, p) {
      if (typeof p === 'string') {
        const i = isIndex(p);
        if (i >= 0) return i < n ? { value: at(i), writable: false, enumerable: true, configurable: true } : undefined;
        if (p === 'length') return { value: n, writable: true, enumerable: false, configurable: false };
      }
      return Reflect.getOwnPropertyDescriptor(t, p);
    },
    ownKeys(t) {
      const keys: (string | symbol)[] = [];
      for (let i = 0; i < n; i++) keys.push(String(i));
      return keys.concat(Reflect.ownKeys(t).filter((k) => typeof k !== 'string' || isIndex(k) < 0));
    },
    set() {
      return false;
    },
    deleteProperty() {
      return false;
    },
  });
}

/** The Analysis a host reads from a result (lines as a compact view). */
export function decodeResult(r: AnalysisResult): Analysis {
  const a: Analysis = {
    length: r.length,
    eol: r.eol,
    bom: r.bom,
    lines: linesView(r.lines),
    quotes: quotesView(r.quotes),
    entities: entitiesView(r.entities),
    stats: r.stats,
  };
  compactOfAnalysis.set(a, r.lines);
  compactQuotesOfAnalysis.set(a, r.quotes);
  compactEntitiesOfAnalysis.set(a, r.entities);
  return a;
}
