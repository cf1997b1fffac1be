/**
 * Decorations for Scraped News documents: boilerplate lines dimmed, meta lines dimmed more lightly, quotes
 * highlighted (scare quotes distinct, same or hidden), entities coloured by type through theme colours.
 *
 * - One `Highlight` (a disposable wrapper around a TextEditorDecorationType) per kind, created once; only the
 *   window-level style settings (opacities, overview ruler) re-create the affected types.
 * - Ranges use `DecorationRangeBehavior.ClosedClosed`.
 * - Refresh: at once when the visible editors change, after `cache.onDidUpdate` (the edit debounce lives in
 *   features.ts), and on a setting change. Only visible editors are decorated, from the analysis the cache
 *   already has for the current version (`peekLines`: on a newly opened big document the line labels arrive
 *   before quotes and entities, so dimming shows first; on a big file of several pages, the labels of the pages on
 *   screen come earlier still, `peekFocus`/`onDidFocus`, and dim the window they cover; on a big file of one page,
 *   an estimate of the labels of the lines on screen does, until the whole page's come); when there is none yet,
 *   the cache is asked for it and `onDidUpdate` brings it. Until then VS Code keeps moving the previous
 *   decorations along with the edits.
 * - Big documents (over BIG_DOCUMENT_LINES lines) are decorated only around the visible ranges (VISIBLE_MARGIN
 *   lines on each side), straight from the compact line table, and again when scrolling gets near the edge of
 *   that window (`onDidChangeTextEditorVisibleRanges`, debounced): the work per refresh stays small however big
 *   the document is.
 * - What was last passed to `setDecorations` is recorded per document for the test API (on big documents:
 *   the decorated window).
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import type { AnalysisCache, FocusLabels } from './analysisCache';
import { compactEntitiesOf, compactOf, compactQuotesOf, ENTITY_TYPES } from './analysisProtocol';
import { isScrapedNewsDocument, type ConfigReader, type ScrapedNewsConfig } from './configuration';
import { BIG_DOCUMENT_LINES, lineWindow, VISIBLE_MARGIN, windowCovers, type LineWindow } from './visibleWindow';

export const DECORATION_KINDS = ['boilerplate', 'meta', 'quote', 'scareQuote', 'person', 'place', 'organization'] as const;
export type DecorationKind = (typeof DECORATION_KINDS)[number];
export type DecoratedRanges = Record<DecorationKind, vscode.Range[]>;

/** Scrolling to within this many lines of the decorated window's edge re-decorates. */
const WINDOW_GUARD = 100;
/** Debounce of scroll-driven refreshes (ms). */
const SCROLL_DEBOUNCE_MS = 60;

function emptyRanges(): DecoratedRanges {
  return { boilerplate: [], meta: [], quote: [], scareQuote: [], person: [], place: [], organization: [] };
}

/** One decoration type; disposed with the controller or when its style changes. */
export class Highlight implements vscode.Disposable {
  /** Decoration types created so far (test API: proves types are not re-created on refresh). */
  static created = 0;
  readonly type: vscode.TextEditorDecorationType;
  constructor(readonly kind: DecorationKind, readonly styleKey: string, options: vscode.DecorationRenderOptions) {
    this.type = vscode.window.createTextEditorDecorationType({ rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed, ...options });
    Highlight.created++;
  }
  dispose(): void {
    this.type.dispose();
  }
}

function styleFor(kind: DecorationKind, cfg: ScrapedNewsConfig): { key: string; options: vscode.DecorationRenderOptions } {
  const ruler = cfg.overviewRuler;
  switch (kind) {
    case 'boilerplate':
      return {
        key: `${cfg.dimOpacity}|${ruler}`,
        options: {
          opacity: String(cfg.dimOpacity),
          ...(ruler ? { overviewRulerColor: new vscode.ThemeColor('scrapedNews.boilerplateOverviewRuler'), overviewRulerLane: vscode.OverviewRulerLane.Left } : {}),
        },
      };
    case 'meta':
      return { key: `${cfg.metaOpacity}`, options: { opacity: String(cfg.metaOpacity), fontStyle: 'italic' } };
    case 'quote':
      return {
        key: `${ruler}`,
        options: {
          backgroundColor: new vscode.ThemeColor('scrapedNews.quoteBackground'),
          border: '1px solid',
          borderColor: new vscode.ThemeColor('scrapedNews.quoteBorder'),
          borderRadius: '2px',
          ...(ruler ? { overviewRulerColor: new vscode.ThemeColor('scrapedNews.quoteOverviewRuler'), overviewRulerLane: vscode.OverviewRulerLane.Right } : {}),
        },
      };
    case 'scareQuote':
      return { key: '', options: { backgroundColor: new vscode.ThemeColor('scrapedNews.scareQuoteBackground'), borderRadius: '2px' } };
    case 'person':
      return { key: '', options: { color: new vscode.ThemeColor('scrapedNews.personForeground'), fontWeight: '600' } };
    case 'place':
      return { key: '', options: { color: new vscode.ThemeColor('scrapedNews.placeForeground'), fontWeight: '600' } };
    case 'organization':
      return { key: '', options: { color: new vscode.ThemeColor('scrapedNews.organizationForeground'), fontWeight: '600' } };
  }
}

/** All candidate ranges of an analysis, per kind, before settings filter them. */
export function computeRanges(doc: vscode.TextDocument, a: Analysis): DecoratedRanges {
  const out = emptyRanges();
  for (const l of a.lines) {
    if (l.label !== 'boilerplate' && l.label !== 'meta') continue;
    const r = new vscode.Range(l.line, 0, l.line, l.end - l.start);
    (l.label === 'boilerplate' ? out.boilerplate : out.meta).push(r);
  }
  for (const q of a.quotes) {
    const r = new vscode.Range(doc.positionAt(q.start), doc.positionAt(q.end));
    (q.kind === 'scare' ? out.scareQuote : out.quote).push(r);
  }
  for (const e of a.entities) out[e.type].push(new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)));
  return out;
}

/** Apply the highlight settings: which kinds are shown, and where scare quotes go. */
export function filterRanges(all: DecoratedRanges, cfg: ScrapedNewsConfig): DecoratedRanges {
  const out = emptyRanges();
  if (cfg.highlight.boilerplate) out.boilerplate = all.boilerplate;
  if (cfg.highlight.meta) out.meta = all.meta;
  if (cfg.highlight.quotes) {
    out.quote = all.quote;
    if (cfg.scareQuotes === 'distinct') out.scareQuote = all.scareQuote;
    else if (cfg.scareQuotes === 'same') out.quote = [...all.quote, ...all.scareQuote].sort((x, y) => x.start.compareTo(y.start));
  }
  if (cfg.highlight.entities) {
    if (cfg.entityTypes.person) out.person = all.person;
    if (cfg.entityTypes.place) out.place = all.place;
    if (cfg.entityTypes.organization) out.organization = all.organization;
  }
  return out;
}

/** Line `line` of length `len` into the boilerplate or meta ranges by its compact label (LABELS: 1 boilerplate, 2 meta). */
function addNoise(out: DecoratedRanges, line: number, label: number, len: number): void {
  if (label === 1) out.boilerplate.push(new vscode.Range(line, 0, line, len));
  else if (label === 2) out.meta.push(new vscode.Range(line, 0, line, len));
}

/** Candidate ranges of an analysis within lines [first, last] (big documents: the decorated window). */
export function computeRangesIn(doc: vscode.TextDocument, a: Analysis, first: number, last: number): DecoratedRanges {
  const out = emptyRanges();
  const c = compactOf(a);
  const n = c ? c.labels.length : a.lines.length;
  last = Math.min(last, n - 1);
  for (let i = first; i <= last; i++) {
    let label: number;
    let len: number;
    if (c) {
      label = c.labels[i];
      len = c.ends[i] - c.starts[i];
    } else {
      const l = a.lines[i];
      label = l.label === 'boilerplate' ? 1 : l.label === 'meta' ? 2 : 0;
      len = l.end - l.start;
    }
    addNoise(out, i, label, len);
  }
  if (last < first) return out;
  const from = c ? c.starts[first] : a.lines[first].start;
  const to = c ? c.ends[last] : a.lines[last].end;
  // Offsets to positions from the analysis's own line table (it is the current version's) when it is compact:
  // `doc.positionAt` makes VS Code recompute its line-offset table of the whole document after every edit.
  const range = c ? (s: number, e: number) => new vscode.Range(positionIn(c.starts, c.ends, s), positionIn(c.starts, c.ends, e)) : (s: number, e: number) => new vscode.Range(doc.positionAt(s), doc.positionAt(e));
  // quotes and entities straight from their flat arrays when the analysis has them: no objects built for the whole
  // document
  const cq = compactQuotesOf(a);
  if (cq) spansIn(cq.nums, 6, cq.flags.length, from, to, (i, s, e) => (cq.flags[i] & 1 ? out.scareQuote : out.quote).push(range(s, e)));
  else for (const q of a.quotes) if (q.end > from && q.start <= to) (q.kind === 'scare' ? out.scareQuote : out.quote).push(range(q.start, q.end));
  const ce = compactEntitiesOf(a);
  if (ce) spansIn(ce.nums, 2, ce.types.length, from, to, (i, s, e) => out[ENTITY_TYPES[ce.types[i]]].push(range(s, e)));
  else for (const e of a.entities) if (e.end > from && e.start <= to) out[e.type].push(range(e.start, e.end));
  return out;
}

/**
 * The spans of flat arrays (span i is [nums[i * stride], nums[i * stride + 1]), n spans) that overlap the offsets
 * [from, to]: `add(i, start, end)` for each.
 */
function spansIn(nums: Int32Array, stride: number, n: number, from: number, to: number, add: (i: number, start: number, end: number) => void): void {
  for (let i = 0; i < n; i++) {
    const s = nums[i * stride];
    const e = nums[i * stride + 1];
    if (e > from && s <= to) add(i, s, e);
  }
}

/** The position of a text offset from a line table (line starts and ends, ascending); like `doc.positionAt`. */
export function positionIn(starts: Int32Array, ends: Int32Array, offset: number): vscode.Position {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || offset <= 0) return new vscode.Position(0, 0);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return new vscode.Position(lo, Math.min(offset, ends[lo]) - starts[lo]);
}

export class DecorationController implements vscode.Disposable {
  private readonly highlights = new Map<DecorationKind, Highlight>();
  private readonly subs: vscode.Disposable[] = [];
  /** Ranges per analysis (small documents: conversion to positions done once per analysis). */
  private readonly rangeMemo = new WeakMap<Analysis, DecoratedRanges>();
  /** Last set passed to setDecorations, per document URI (test API). */
  private readonly applied = new Map<string, DecoratedRanges>();
  /** What each visible editor currently shows: analysis, settings snapshot, and the window on big documents. */
  private readonly shown = new WeakMap<vscode.TextEditor, { analysis: Analysis; cfgKey: string; window?: LineWindow }>();
  private readonly scrolled = new Set<vscode.TextEditor>();
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;
  /** Times the dimming came from a focus answer alone (test API). */
  focusApplied = 0;

  constructor(private readonly cache: AnalysisCache, private readonly config: ConfigReader) {
    this.ensureTypes(config.get(null));
    this.subs.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.refresh(e)),
      vscode.window.onDidChangeTextEditorVisibleRanges((ev) => {
        if (ev.textEditor.document.lineCount <= BIG_DOCUMENT_LINES || !isScrapedNewsDocument(ev.textEditor.document)) return;
        this.scrolled.add(ev.textEditor);
        if (!this.scrollTimer) this.scrollTimer = setTimeout(() => this.flushScroll(), SCROLL_DEBOUNCE_MS);
      }),
      // an analysis, or the labels of the visible pages before it: the editors showing that document
      cache.onDidUpdate((doc) => this.refreshDocument(doc)),
      cache.onDidFocus((doc) => this.refreshDocument(doc)),
      config.onDidChange((c) => {
        if (c.affects('dimOpacity') || c.affects('metaOpacity') || c.affects('overviewRuler')) this.ensureTypes(config.get(null), true);
        this.refreshAll(true);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.applied.delete(d.uri.toString())),
    );
  }

  private ensureTypes(cfg: ScrapedNewsConfig, restyle = false): void {
    for (const kind of DECORATION_KINDS) {
      const { key, options } = styleFor(kind, cfg);
      const cur = this.highlights.get(kind);
      if (cur && cur.styleKey === key) continue;
      cur?.dispose();
      this.highlights.set(kind, new Highlight(kind, key, options));
    }
    if (restyle) for (const e of vscode.window.visibleTextEditors) this.shown.delete(e);
  }

  refreshAll(force = false): void {
    for (const e of vscode.window.visibleTextEditors) this.refresh(e, force);
  }

  private flushScroll(): void {
    this.scrollTimer = undefined;
    for (const e of this.scrolled) if (vscode.window.visibleTextEditors.includes(e)) this.refresh(e);
    this.scrolled.clear();
  }

  private refreshDocument(doc: vscode.TextDocument): void {
    for (const e of vscode.window.visibleTextEditors) if (e.document === doc) this.refresh(e);
  }

  /** Decorate one editor from the cached analysis of its document's current version. */
  refresh(editor: vscode.TextEditor, force = false): void {
    this.cache.timeHostTask('decorations', () => this.decorate(editor, force));
  }

  private decorate(editor: vscode.TextEditor, force: boolean): void {
    const doc: vscode.TextDocument = editor.document;
    if (!isScrapedNewsDocument(editor.document)) {
      if (this.shown.has(editor)) {
        for (const h of this.highlights.values()) editor.setDecorations(h.type, []);
        this.shown.delete(editor);
        this.applied.delete(doc.uri.toString());
      }
      return;
    }
    const analysis = this.cache.peekLines(doc);
    if (!analysis) {
      const focus = this.cache.peekFocus(doc);
      if (focus) this.decorateFocus(editor, focus);
      this.cache.request(doc); // onDidUpdate comes back here
      return;
    }
    const cfg = this.config.get(doc.uri);
    const cfgKey = JSON.stringify([cfg.highlight, cfg.entityTypes, cfg.scareQuotes]);
    const big = doc.lineCount > BIG_DOCUMENT_LINES;
    const prev = this.shown.get(editor);
    if (!force && prev && prev.analysis === analysis && prev.cfgKey === cfgKey && (!big || (prev.window && windowCovers(prev.window, editor.visibleRanges, doc.lineCount, WINDOW_GUARD)))) return;
    let all: DecoratedRanges | undefined;
    let window: LineWindow | undefined;
    if (big) {
      window = lineWindow(editor.visibleRanges, doc.lineCount, VISIBLE_MARGIN);
      all = computeRangesIn(doc, analysis, window[0], window[1]);
    } else {
      all = this.rangeMemo.get(analysis);
      if (!all) {
        all = computeRanges(doc, analysis);
        this.rangeMemo.set(analysis, all);
      }
    }
    this.shown.set(editor, { analysis, cfgKey, window });
    this.apply(editor, filterRanges(all, cfg));
  }

  /**
   * Dimming from the labels of the visible pages alone (a newly opened big document read page by page: they come
   * before the rest is labelled), or from their estimate (read as one page): boilerplate and meta lines within the
   * window, nothing else yet. The analysis that follows decorates the editor again (nothing is recorded as shown).
   */
  private decorateFocus(editor: vscode.TextEditor, focus: FocusLabels): void {
    const doc = editor.document;
    const cfg = this.config.get(doc.uri);
    const c = focus.lines;
    let first = focus.firstLine;
    let last = focus.firstLine + c.labels.length - 1;
    if (doc.lineCount > BIG_DOCUMENT_LINES) {
      const w = lineWindow(editor.visibleRanges, doc.lineCount, VISIBLE_MARGIN);
      first = Math.max(first, w[0]);
      last = Math.min(last, w[1]);
    }
    const all = emptyRanges();
    for (let i = first; i <= last; i++) {
      const k = i - focus.firstLine;
      addNoise(all, i, c.labels[k], c.ends[k] - c.starts[k]);
    }
    this.shown.delete(editor);
    this.apply(editor, filterRanges(all, cfg));
    this.focusApplied++;
  }

  private apply(editor: vscode.TextEditor, ranges: DecoratedRanges): void {
    for (const kind of DECORATION_KINDS) editor.setDecorations(this.highlights.get(kind)!.type, ranges[kind]);
    this.applied.set(editor.document.uri.toString(), ranges);
  }

  /** Test API: the ranges last passed to setDecorations for a document (empty arrays when none). */
  decoratedRanges(uri: vscode.Uri): DecoratedRanges {
    const r = this.applied.get(uri.toString());
    const out = emptyRanges();
    if (r) for (const k of DECORATION_KINDS) out[k] = [...r[k]];
    return out;
  }

  dispose(): void {
    if (this.scrollTimer) clearTimeout(this.scrollTimer);
    for (const h of this.highlights.values()) h.dispose();
    this.highlights.clear();
    for (const s of this.subs) s.dispose();
  }
}
