/**
 * The one place where documents are analysed. Every feature (decorations, hovers, diagnostics, code actions,
 * status bar, outline, entities view…) calls `cache.get(doc)`; the analysis is computed once per
 * (document URI, document version, options key) and dropped when the document closes.
 *
 * `onDidUpdate(doc)` fires (in a microtask, never re-entrantly inside `get`):
 *  - after `get` computed a NEW analysis for `doc` (calling `get(doc)` from a listener is a cache hit);
 *  - when a cached analysis became stale without an edit (a setting such as `scrapedNews.boilerplatePatterns`
 *    or the file's kept lines changed): listeners call `get(doc)` to recompute.
 * Edits do not fire it by themselves: features debounce edits and call `get` when they want fresh results.
 */
import * as vscode from 'vscode';
import { IncrementalAnalyzer, type TextChange } from '../core/incremental';
import type { Analysis, AnalyzeOptions, TemplateIndex } from '../core/types';
import type { ConfigReader } from './configuration';
import type { KeepLinesStore } from './keepLines';

/** Length of the document text without materialising it. */
export function documentLength(doc: vscode.TextDocument): number {
  const last = doc.lineAt(doc.lineCount - 1);
  return doc.offsetAt(last.range.end);
}

interface Entry {
  version: number;
  key: string;
  analysis: Analysis;
  doc: vscode.TextDocument;
  /** Forced miss on the next `get` (a setting or the kept lines changed). */
  stale: boolean;
  /** The document's incremental analyzer: its text is the document at `version` plus `pending`. */
  inc: IncrementalAnalyzer;
  /** Edits received since the last analysis, in order; null when too many or out of sync (full reset next). */
  pending: TextChange[] | null;
  /** Document version after the last pending edit. */
  pendingVersion: number;
}

/** More queued edits than this (e.g. a huge replace-all) and the next analysis starts from the full text. */
const MAX_PENDING = 10000;

/** Site templates of a document's folder (folderTemplates.ts): undefined while learning, null when none. */
export interface TemplateSource {
  getTemplates(uri: vscode.Uri): TemplateIndex | null | undefined;
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

export interface CacheStats {
  /** `get` calls answered from the cache. */
  hits: number;
  /** `get` calls that had to analyse. */
  misses: number;
  /** Analyses run (equals misses). */
  analyses: number;
  /** Of those, how many were incremental updates of a previous analysis (edits or option changes). */
  incremental: number;
  /** Duration of the last analysis in ms. */
  lastMs: number;
  /** Documents currently cached. */
  documents: number;
}

export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<vscode.TextDocument>();
  readonly onDidUpdate: vscode.Event<vscode.TextDocument> = this.emitter.event;
  private readonly subs: vscode.Disposable[] = [];
  private readonly counters = { hits: 0, misses: 0, analyses: 0, incremental: 0, lastMs: 0 };
  private disposed = false;
  /** Identity of each template index in the options key. */
  private readonly templateIds = new WeakMap<TemplateIndex, number>();
  private nextTemplateId = 1;

  constructor(
    private readonly config: ConfigReader,
    private readonly keep?: KeepLinesStore,
    private readonly templates?: TemplateSource,
  ) {
    this.subs.push(
      vscode.workspace.onDidCloseTextDocument((d) => this.delete(d.uri)),
      vscode.workspace.onDidChangeTextDocument((ev) => {
        // Queue the edits (cheap); they are applied in one go on the next `get` (after the debounce).
        const e = this.entries.get(ev.document.uri.toString());
        if (!e || ev.contentChanges.length === 0) return;
        if (e.pending && e.pendingVersion === ev.document.version - 1 && e.pending.length + ev.contentChanges.length <= MAX_PENDING) {
          for (const c of ev.contentChanges) e.pending.push({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text });
        } else {
          e.pending = null;
        }
        e.pendingVersion = ev.document.version;
      }),
      config.onDidChange((change) => {
        for (const e of [...this.entries.values()]) {
          if (change.affects('boilerplatePatterns', e.doc.uri) || change.affects('entities.maxDocumentLength', e.doc.uri)) this.invalidate(e.doc);
        }
      }),
    );
    if (templates) {
      this.subs.push(
        templates.onDidChange((folder) => {
          const prefix = folder.toString().replace(/\/?$/, '/');
          for (const e of [...this.entries.values()]) if (e.doc.uri.toString().startsWith(prefix)) this.invalidate(e.doc);
        }),
      );
    }
    if (keep) {
      this.subs.push(
        keep.onDidChange((uri) => {
          const e = this.entries.get(uri.toString());
          if (e) this.invalidate(e.doc);
        }),
      );
    }
  }

  /** The analysis options for a document: settings of its folder + the lines the user kept in that file. */
  optionsFor(doc: vscode.TextDocument): AnalyzeOptions {
    const cfg = this.config.get(doc.uri);
    return {
      quotes: true,
      scareQuotes: true,
      entities: cfg.entitiesMaxLength > 0 && documentLength(doc) <= cfg.entitiesMaxLength,
      boilerplatePatterns: cfg.boilerplatePatterns,
      keepLines: this.keep ? this.keep.get(doc.uri) : [],
      templates: this.templates?.getTemplates(doc.uri) ?? null,
    };
  }

  private templateId(t: TemplateIndex | null | undefined): number {
    if (!t) return 0;
    let id = this.templateIds.get(t);
    if (!id) this.templateIds.set(t, (id = this.nextTemplateId++));
    return id;
  }

  /** Analysis of the document's current version (computed at most once per version and options). */
  get(doc: vscode.TextDocument): Analysis {
    const options = this.optionsFor(doc);
    const key = JSON.stringify([options.entities, options.boilerplatePatterns, options.keepLines, this.templateId(options.templates)]);
    const id = doc.uri.toString();
    const e = this.entries.get(id);
    if (e && !e.stale && e.version === doc.version && e.key === key) {
      this.counters.hits++;
      return e.analysis;
    }
    this.counters.misses++;
    const t0 = Date.now();
    let analysis: Analysis | undefined;
    let inc = e?.inc;
    if (e && inc) {
      try {
        // Bring the analyzer to the current version with the queued edits, then to the current options.
        if (e.version !== doc.version) {
          if (e.pending && e.pendingVersion === doc.version) analysis = inc.applyChanges(e.pending);
        } else analysis = e.analysis;
        if (analysis && (e.key !== key || e.stale)) analysis = inc.setOptions(options);
        if (analysis && analysis.length !== documentLength(doc)) analysis = undefined; // out of sync: start over
        if (analysis) this.counters.incremental++;
      } catch {
        analysis = undefined;
      }
    }
    if (!analysis) {
      // Full analysis; an analyzer with the same options keeps its memos (lines seen before are cheap).
      if (!inc || !e || e.key !== key || e.stale) inc = new IncrementalAnalyzer(options);
      analysis = inc.reset(doc.getText());
    }
    const analyzer: IncrementalAnalyzer = inc ?? new IncrementalAnalyzer(options);
    this.counters.analyses++;
    this.counters.lastMs = Date.now() - t0;
    if (!doc.isClosed) {
      this.entries.set(id, { version: doc.version, key, analysis, doc, stale: false, inc: analyzer, pending: [], pendingVersion: doc.version });
    }
    this.fireSoon(doc);
    return analysis;
  }

  /** The cached analysis if it is current, without computing one. */
  peek(doc: vscode.TextDocument): Analysis | undefined {
    const e = this.entries.get(doc.uri.toString());
    return e && !e.stale && e.version === doc.version ? e.analysis : undefined;
  }

  /** Latest cached analysis by URI (may belong to an older version; for test APIs and views). */
  peekUri(uri: vscode.Uri): Analysis | undefined {
    return this.entries.get(uri.toString())?.analysis;
  }

  delete(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
  }

  /** Mark a document's analysis stale (options changed) and tell listeners to recompute; memos are kept. */
  invalidate(doc: vscode.TextDocument): void {
    const e = this.entries.get(doc.uri.toString());
    if (e) e.stale = true;
    this.fireSoon(doc);
  }

  stats(): CacheStats {
    return { ...this.counters, documents: this.entries.size };
  }

  private fireSoon(doc: vscode.TextDocument): void {
    queueMicrotask(() => {
      if (!this.disposed && !doc.isClosed) this.emitter.fire(doc);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.entries.clear();
    this.emitter.dispose();
    for (const s of this.subs) s.dispose();
  }
}
