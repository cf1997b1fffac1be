/**
 * One diagnostic per boilerplate line: severity from `scrapedNews.diagnosticSeverity` (default `hint`, so the
 * Problems panel is not flooded; `off` publishes none), source `scraped-news`, code = the reason code, message
 * = the human reason. Meta lines (bylines, credits, captions) get a diagnostic only when
 * `scrapedNews.metaDiagnostics` is on, and then always at `hint` level: they are not noise, only "not article".
 *
 * Big documents (over BIG_DOCUMENT_LINES lines, like the decorations) get diagnostics only for the lines around
 * the visible ranges of their editors (DIAGNOSTIC_MARGIN lines on each side; the first lines when no editor
 * shows them), re-published when scrolling gets near the edge of that window (debounced): VS Code's
 * `DiagnosticCollection.set` with ~1,000 items blocked the extension host for 100+ ms. Diagnostics exist for the
 * hover and the quick fixes there; whole-document actions (fix-all, Clean Article, the status bar counts) read
 * the analysis, not the diagnostics. A dump that is HTML markup (`stats.markup`) gets one more diagnostic, on its
 * first line, saying so (code `html-markup`; its quick fix is Clean Article, which converts it to text first).
 */
import * as vscode from 'vscode';
import { describeReason, withoutScore } from '../core/reasons';
import type { Analysis } from '../core/types';
import type { AnalysisCache } from './analysisCache';
import { JOINED_CAUSE, JOINED_FIX } from '../core/joined';
import { compactOf, noiseSignature } from './analysisProtocol';
import { isScrapedNewsDocument, toSeverity, type ConfigReader } from './configuration';
import { BIG_DOCUMENT_LINES, lineWindow, windowCovers, type LineWindow } from './visibleWindow';

export const DIAGNOSTIC_SOURCE = 'scraped-news';
/** VS Code shows at most 1000 diagnostics per file: building more only costs time and memory on huge dumps. */
export const MAX_DIAGNOSTICS = 1000;
/** Lines with diagnostics above and below the visible ranges on big documents. */
export const DIAGNOSTIC_MARGIN = 100;
/** Scrolling to within this many lines of the published window's edge re-publishes. */
const WINDOW_GUARD = 30;
/** Debounce of scroll-driven re-publishing (ms). */
const SCROLL_DEBOUNCE_MS = 120;
/** URI schemes we never publish diagnostics for (our own preview documents, output panes). */
const SKIP_SCHEMES = new Set(['scraped-news-clean', 'output', 'git', 'vscode-scm']);


function diagnosticOf(line: number, len: number, meta: boolean, reason: string, detail: string | undefined, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const d = new vscode.Diagnostic(
    new vscode.Range(line, 0, line, len),
    (meta ? 'Meta line: ' : 'Boilerplate: ') + describeReason(reason, detail),
    meta ? vscode.DiagnosticSeverity.Hint : severity,
  );
  d.source = DIAGNOSTIC_SOURCE;
  d.code = reason;
  return d;
}

/** Code of the diagnostic on a dump that is HTML markup (`stats.markup`). */
export const MARKUP_CODE = 'html-markup';

/**
 * One diagnostic (Information, on the first line) for a dump that is HTML markup, whatever the severity setting
 * of the per-line diagnostics (but not when they are `off`): its lines cannot be cleaned one by one.
 */
function markupDiagnostic(a: Analysis, convert: boolean): vscode.Diagnostic[] {
  const m = a.stats.markup;
  if (!m || a.lines.length === 0) return [];
  const first = a.lines[0];
  const d = new vscode.Diagnostic(
    new vscode.Range(0, 0, 0, Math.min(first.end - first.start, 200)),
    `This dump is HTML markup (${m.tags} tags; ${Math.round(100 * m.share)}% of its characters are markup), not text. ` +
      (convert
        ? 'Clean Article converts it to text lines first (block elements become lines, scripts and styles are dropped), then keeps the article.'
        : 'Clean Article cleans it line by line as it is (the setting scrapedNews.convertMarkup is off).'),
    vscode.DiagnosticSeverity.Information,
  );
  d.source = DIAGNOSTIC_SOURCE;
  d.code = MARKUP_CODE;
  return [d];
}

/** Code of the diagnostic on a line that holds a whole page (`stats.joined`). */
export const JOINED_CODE = 'joined-page';

/**
 * One diagnostic (Information, on the line) for a dump whose converter joined the page into one line: the line
 * classifier keeps or drops it whole, so the user should know why nothing inside it is dimmed.
 */
function joinedDiagnostic(a: Analysis): vscode.Diagnostic[] {
  const j = a.stats.joined;
  if (!j || j.line >= a.lines.length) return [];
  const d = new vscode.Diagnostic(
    new vscode.Range(j.line, 0, j.line, 200),
    `This line holds a whole page (${j.chars.toLocaleString('en-US')} characters, with the text of ${j.widgets} kinds of page widgets: ` +
      `cookies, sign-in, sharing, comments…): ${JOINED_CAUSE}. Scraped News keeps or drops whole lines, so it cannot separate the ` +
      `article from the noise inside it. ${JOINED_FIX}.`,
    vscode.DiagnosticSeverity.Information,
  );
  d.source = DIAGNOSTIC_SOURCE;
  d.code = JOINED_CODE;
  return [d];
}

/** The diagnostics about the whole dump (markup, a joined page), and their part of the published signature. */
function pageDiagnostics(a: Analysis, convert: boolean): vscode.Diagnostic[] {
  return [...markupDiagnostic(a, convert), ...joinedDiagnostic(a)];
}
function pageSig(a: Analysis): string {
  return (a.stats.markup ? 'markup\n' : '') + (a.stats.joined ? `joined ${a.stats.joined.line}\n` : '');
}

export function buildDiagnostics(a: Analysis, severity: vscode.DiagnosticSeverity | null, meta: boolean, convertMarkup = true): vscode.Diagnostic[] {
  const out: vscode.Diagnostic[] = [];
  if (severity === null) return out;
  out.push(...pageDiagnostics(a, convertMarkup));
  for (const l of a.lines) {
    if (out.length >= MAX_DIAGNOSTICS) break;
    if (l.label === 'boilerplate' || (meta && l.label === 'meta')) out.push(diagnosticOf(l.line, l.end - l.start, l.label === 'meta', l.reason, withoutScore(l.reason, l.detail), severity));
  }
  return out;
}

/**
 * Noise lines within lines [first, last] (straight from the compact line table when there is one: no LineInfo
 * objects for the rest of the document), as [line, length, isMeta, reason, detail] tuples.
 */
function noiseIn(a: Analysis, meta: boolean, first: number, last: number): [number, number, boolean, string, string | undefined][] {
  const out: [number, number, boolean, string, string | undefined][] = [];
  const c = compactOf(a);
  const n = c ? c.labels.length : a.lines.length;
  last = Math.min(last, n - 1, first + 10 * MAX_DIAGNOSTICS);
  if (c) {
    let d = 0;
    while (d < c.detailLines.length && c.detailLines[d] < first) d++;
    for (let i = first; i <= last; i++) {
      const label = c.labels[i];
      if (label !== 1 && !(meta && label === 2)) continue;
      while (d < c.detailLines.length && c.detailLines[d] < i) d++;
      const detail = d < c.detailLines.length && c.detailLines[d] === i ? c.detailTexts[d] : undefined;
      const reason = c.reasonTable[c.reasons[i]];
      out.push([i, c.ends[i] - c.starts[i], label === 2, reason, withoutScore(reason, detail)]);
    }
  } else {
    for (let i = first; i <= last; i++) {
      const l = a.lines[i];
      if (l.label === 'boilerplate' || (meta && l.label === 'meta')) out.push([i, l.end - l.start, l.label === 'meta', l.reason, withoutScore(l.reason, l.detail)]);
    }
  }
  return out;
}

/** Diagnostics of the noise lines within lines [first, last] (big documents: the published window). */
export function buildDiagnosticsIn(a: Analysis, severity: vscode.DiagnosticSeverity | null, meta: boolean, first: number, last: number): vscode.Diagnostic[] {
  if (severity === null) return [];
  return noiseIn(a, meta, first, last).map(([line, len, isMeta, reason, detail]) => diagnosticOf(line, len, isMeta, reason, detail, severity));
}

/** The visible ranges of the document's editors. */
function visibleRangesOf(doc: vscode.TextDocument): vscode.Range[] {
  return vscode.window.visibleTextEditors.filter((e) => e.document === doc).flatMap((e) => e.visibleRanges);
}

interface Published {
  analysis: Analysis;
  key: string;
  sig: string;
  window?: LineWindow;
}

export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly subs: vscode.Disposable[] = [];
  private readonly published = new WeakMap<vscode.TextDocument, Published>();
  private readonly scrolled = new Set<vscode.TextDocument>();
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly cache: AnalysisCache, private readonly config: ConfigReader) {
    this.subs.push(
      // in a macrotask of its own: the answer's other listeners (decorations first) and this one each stay short
      cache.onDidUpdate((doc) => this.updateSoon(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.collection.delete(doc.uri)),
      vscode.window.onDidChangeTextEditorVisibleRanges((ev) => this.onScroll(ev.textEditor.document)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const e of editors) this.onScroll(e.document);
      }),
      config.onDidChange((c) => {
        for (const doc of vscode.workspace.textDocuments) {
          if (c.affects('diagnosticSeverity', doc.uri) || c.affects('metaDiagnostics', doc.uri) || c.affects('convertMarkup', doc.uri)) this.update(doc, true);
        }
      }),
    );
  }

  private readonly due = new Set<vscode.TextDocument>();
  private dueTimer: ReturnType<typeof setTimeout> | undefined;

  private updateSoon(doc: vscode.TextDocument): void {
    this.due.add(doc);
    this.dueTimer ??= setTimeout(() => {
      this.dueTimer = undefined;
      const docs = [...this.due];
      this.due.clear();
      for (const d of docs) if (!d.isClosed) this.update(d);
    }, 0);
  }

  private onScroll(doc: vscode.TextDocument): void {
    if (doc.lineCount <= BIG_DOCUMENT_LINES || !this.published.has(doc)) return;
    this.scrolled.add(doc);
    if (!this.scrollTimer) this.scrollTimer = setTimeout(() => this.flushScroll(), SCROLL_DEBOUNCE_MS);
  }

  private flushScroll(): void {
    this.scrollTimer = undefined;
    for (const doc of this.scrolled) if (!doc.isClosed) this.update(doc);
    this.scrolled.clear();
  }

  update(doc: vscode.TextDocument, force = false): void {
    this.cache.timeHostTask('diagnostics', () => this.publish(doc, force));
  }

  private publish(doc: vscode.TextDocument, force: boolean): void {
    if (!isScrapedNewsDocument(doc) || SKIP_SCHEMES.has(doc.uri.scheme)) {
      this.collection.delete(doc.uri);
      return;
    }
    const cfg = this.config.get(doc.uri);
    const severity = toSeverity(cfg.diagnosticSeverity);
    const key = `${cfg.diagnosticSeverity}|${cfg.metaDiagnostics}|${cfg.convertMarkup}`;
    const analysis = this.cache.peekLines(doc);
    if (!analysis) return this.cache.request(doc); // onDidUpdate brings it
    const prev = this.published.get(doc);
    const big = doc.lineCount > BIG_DOCUMENT_LINES;
    if (big) {
      if (!force && prev && prev.analysis === analysis && prev.key === key && prev.window && windowCovers(prev.window, visibleRangesOf(doc), doc.lineCount, WINDOW_GUARD)) return;
      const window = lineWindow(visibleRangesOf(doc), doc.lineCount, DIAGNOSTIC_MARGIN);
      const noise = noiseIn(analysis, cfg.metaDiagnostics, window[0], window[1]);
      // an edit or a scroll that left the published diagnostics as they are publishes nothing
      const sig = pageSig(analysis) + noise.map((t) => t.join(',')).join('\n');
      if (!force && prev && prev.key === key && prev.sig === sig) {
        prev.analysis = analysis;
        prev.window = window;
        return;
      }
      this.published.set(doc, { analysis, key, sig, window });
      this.collection.set(doc.uri, severity === null ? [] : [...pageDiagnostics(analysis, cfg.convertMarkup), ...noise.map(([line, len, isMeta, reason, detail]) => diagnosticOf(line, len, isMeta, reason, detail, severity))]);
      return;
    }
    if (!force && prev && prev.analysis === analysis && prev.key === key && !prev.window) return;
    // an edit that left the published diagnostics as they are (e.g. typing in an article line) publishes nothing
    const sig = pageSig(analysis) + noiseSignature(analysis, cfg.metaDiagnostics, MAX_DIAGNOSTICS);
    if (!force && prev && prev.key === key && prev.sig === sig && !prev.window) {
      prev.analysis = analysis;
      return;
    }
    this.published.set(doc, { analysis, key, sig });
    this.collection.set(doc.uri, buildDiagnostics(analysis, severity, cfg.metaDiagnostics, cfg.convertMarkup));
  }

  dispose(): void {
    if (this.scrollTimer) clearTimeout(this.scrollTimer);
    if (this.dueTimer) clearTimeout(this.dueTimer);
    for (const s of this.subs) s.dispose();
    this.collection.dispose();
  }
}
