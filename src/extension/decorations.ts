/**
 * Decorations for Scraped News documents: boilerplate lines dimmed, meta lines dimmed more lightly, quotes
 * highlighted (scare quotes distinct, same or hidden), entities coloured by type through theme colours.
 *
 * - One `Highlight` (a disposable wrapper around a TextEditorDecorationType) per kind, created once; only the
 *   window-level style settings (opacities, overview ruler) re-create the affected types.
 * - Ranges use `DecorationRangeBehavior.ClosedClosed`.
 * - Refresh: at once when the visible editors change, after `cache.onDidUpdate` (the edit debounce lives in
 *   extension.ts), and on a setting change. Only visible editors are decorated. On big documents the lines
 *   around the visible ranges are decorated first and the whole document right after.
 * - What was last passed to `setDecorations` is recorded per document for the test API.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import type { AnalysisCache } from './analysisCache';
import { isScrapedNewsDocument, type ConfigReader, type ScrapedNewsConfig } from './configuration';

export const DECORATION_KINDS = ['boilerplate', 'meta', 'quote', 'scareQuote', 'person', 'place', 'organization'] as const;
export type DecorationKind = (typeof DECORATION_KINDS)[number];
export type DecoratedRanges = Record<DecorationKind, vscode.Range[]>;

/** Documents with more lines than this get the visible neighbourhood decorated first. */
const BIG_DOCUMENT_LINES = 3000;
/** Lines around each visible range included in the first pass. */
const VISIBLE_MARGIN = 150;

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

function near(ranges: readonly vscode.Range[], visible: readonly vscode.Range[]): vscode.Range[] {
  const windows = visible.map((v) => [Math.max(0, v.start.line - VISIBLE_MARGIN), v.end.line + VISIBLE_MARGIN] as const);
  return ranges.filter((r) => windows.some(([a, b]) => r.end.line >= a && r.start.line <= b));
}

export class DecorationController implements vscode.Disposable {
  private readonly highlights = new Map<DecorationKind, Highlight>();
  private readonly subs: vscode.Disposable[] = [];
  /** Ranges per analysis (conversion to positions done once per analysis). */
  private readonly rangeMemo = new WeakMap<Analysis, DecoratedRanges>();
  /** Last full set passed to setDecorations, per document URI (test API). */
  private readonly applied = new Map<string, DecoratedRanges>();
  /** What each visible editor currently shows: the analysis and the settings snapshot it was decorated with. */
  private readonly shown = new WeakMap<vscode.TextEditor, { analysis: Analysis; cfgKey: string }>();
  private readonly pendingFull = new Set<vscode.TextEditor>();
  private fullTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly cache: AnalysisCache, private readonly config: ConfigReader) {
    this.ensureTypes(config.get(null));
    this.subs.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.refresh(e)),
      cache.onDidUpdate((doc) => {
        for (const e of vscode.window.visibleTextEditors) if (e.document === doc) this.refresh(e);
      }),
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

  /** Decorate one editor from the current analysis of its document. */
  refresh(editor: vscode.TextEditor, force = false): void {
    const doc: vscode.TextDocument = editor.document;
    if (!isScrapedNewsDocument(editor.document)) {
      if (this.shown.has(editor)) {
        for (const h of this.highlights.values()) editor.setDecorations(h.type, []);
        this.shown.delete(editor);
        this.applied.delete(doc.uri.toString());
      }
      return;
    }
    const cfg = this.config.get(doc.uri);
    const cfgKey = JSON.stringify([cfg.highlight, cfg.entityTypes, cfg.scareQuotes]);
    const analysis = this.cache.get(doc);
    const prev = this.shown.get(editor);
    if (!force && prev && prev.analysis === analysis && prev.cfgKey === cfgKey) return;
    let all = this.rangeMemo.get(analysis);
    if (!all) {
      all = computeRanges(doc, analysis);
      this.rangeMemo.set(analysis, all);
    }
    const ranges = filterRanges(all, cfg);
    this.shown.set(editor, { analysis, cfgKey });
    if (doc.lineCount > BIG_DOCUMENT_LINES && editor.visibleRanges.length > 0) {
      // First what the user sees, the rest on the next turn of the event loop.
      const visible = editor.visibleRanges;
      for (const kind of DECORATION_KINDS) editor.setDecorations(this.highlights.get(kind)!.type, near(ranges[kind], visible));
      this.pendingFull.add(editor);
      this.fullPass.set(editor, ranges);
      if (!this.fullTimer) this.fullTimer = setTimeout(() => this.flushFull(), 0);
    } else {
      this.apply(editor, ranges);
    }
  }

  private readonly fullPass = new WeakMap<vscode.TextEditor, DecoratedRanges>();

  private flushFull(): void {
    this.fullTimer = undefined;
    for (const editor of this.pendingFull) {
      const ranges = this.fullPass.get(editor);
      if (ranges && vscode.window.visibleTextEditors.includes(editor)) this.apply(editor, ranges);
    }
    this.pendingFull.clear();
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
    if (this.fullTimer) clearTimeout(this.fullTimer);
    for (const h of this.highlights.values()) h.dispose();
    this.highlights.clear();
    for (const s of this.subs) s.dispose();
  }
}
