/**
 * One diagnostic per boilerplate line: severity from `scrapedNews.diagnosticSeverity` (default `hint`, so the
 * Problems panel is not flooded; `off` publishes none), source `scraped-news`, code = the reason code, message
 * = the human reason. Meta lines (bylines, credits, captions) get a diagnostic only when
 * `scrapedNews.metaDiagnostics` is on, and then always at `hint` level: they are not noise, only "not article".
 */
import * as vscode from 'vscode';
import { describeReason } from '../core/reasons';
import type { Analysis } from '../core/types';
import type { AnalysisCache } from './analysisCache';
import { noiseSignature } from './analysisProtocol';
import { isScrapedNewsDocument, toSeverity, type ConfigReader } from './configuration';

export const DIAGNOSTIC_SOURCE = 'scraped-news';
/** VS Code shows at most 1000 diagnostics per file: building more only costs time and memory on huge dumps. */
export const MAX_DIAGNOSTICS = 1000;
/** URI schemes we never publish diagnostics for (our own preview documents, output panes). */
const SKIP_SCHEMES = new Set(['scraped-news-clean', 'output', 'git', 'vscode-scm']);

export function buildDiagnostics(a: Analysis, severity: vscode.DiagnosticSeverity | null, meta: boolean): vscode.Diagnostic[] {
  const out: vscode.Diagnostic[] = [];
  if (severity === null) return out;
  for (const l of a.lines) {
    if (out.length >= MAX_DIAGNOSTICS) break;
    if (l.label === 'boilerplate' || (meta && l.label === 'meta')) {
      const d = new vscode.Diagnostic(
        new vscode.Range(l.line, 0, l.line, l.end - l.start),
        (l.label === 'meta' ? 'Meta line: ' : 'Boilerplate: ') + describeReason(l.reason, l.detail),
        l.label === 'meta' ? vscode.DiagnosticSeverity.Hint : severity,
      );
      d.source = DIAGNOSTIC_SOURCE;
      d.code = l.reason;
      out.push(d);
    }
  }
  return out;
}

export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly subs: vscode.Disposable[] = [];
  private readonly published = new WeakMap<vscode.TextDocument, { analysis: Analysis; key: string; sig: string }>();

  constructor(private readonly cache: AnalysisCache, private readonly config: ConfigReader) {
    this.subs.push(
      cache.onDidUpdate((doc) => this.update(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.collection.delete(doc.uri)),
      config.onDidChange((c) => {
        for (const doc of vscode.workspace.textDocuments) {
          if (c.affects('diagnosticSeverity', doc.uri) || c.affects('metaDiagnostics', doc.uri)) this.update(doc, true);
        }
      }),
    );
  }

  update(doc: vscode.TextDocument, force = false): void {
    if (!isScrapedNewsDocument(doc) || SKIP_SCHEMES.has(doc.uri.scheme)) {
      this.collection.delete(doc.uri);
      return;
    }
    const cfg = this.config.get(doc.uri);
    const severity = toSeverity(cfg.diagnosticSeverity);
    const key = `${cfg.diagnosticSeverity}|${cfg.metaDiagnostics}`;
    const analysis = this.cache.peekLines(doc);
    if (!analysis) return this.cache.request(doc); // onDidUpdate brings it
    const prev = this.published.get(doc);
    if (!force && prev && prev.analysis === analysis && prev.key === key) return;
    // an edit that left the published diagnostics as they are (e.g. typing in an article line) publishes nothing
    const sig = noiseSignature(analysis, cfg.metaDiagnostics, MAX_DIAGNOSTICS);
    if (!force && prev && prev.key === key && prev.sig === sig) {
      prev.analysis = analysis;
      return;
    }
    this.published.set(doc, { analysis, key, sig });
    this.collection.set(doc.uri, buildDiagnostics(analysis, severity, cfg.metaDiagnostics));
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.collection.dispose();
  }
}
