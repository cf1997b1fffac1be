/**
 * "Copy Quotes as JSON" / "Copy Quotes as CSV": the document's quotes (not scare quotes) with their speakers,
 * to the clipboard. Fields: quote (text without the outer quotation marks), speaker (the phrase in the text),
 * resolved_speaker (the full name it refers to, when known), line (1-based line of the opening mark). A quote that
 * spans lines (a hard-wrapped dump) is copied with its line breaks read as spaces.
 * CSV follows RFC 4180 (comma, CRLF rows, fields with `"`/`,`/CR/LF quoted and `"` doubled); cells that a
 * spreadsheet would run as a formula (starting with = + - @ tab CR) get a leading `'`.
 * Both commands also return the copied string (for scripts and tests).
 */
import * as vscode from 'vscode';
import type { Analysis, Quote } from '../core/types';
import { readableSpan } from '../core/boilerplate/links';
import type { AnalysisCache } from './analysisCache';
import { isScrapedNewsDocument } from './configuration';

export interface QuoteRow {
  quote: string;
  speaker: string | null;
  resolvedSpeaker: string | null;
  line: number;
}

const OPEN_MARKS = /^(''|``|,,|[“"„«‘'‚‹「『])/u;
const CLOSE_MARKS = /(''|[”"“»’'›」』])$/u;

/** Quote text without its outer quotation marks (the span includes them). */
export function quoteBody(text: string): string {
  let t = text;
  const o = OPEN_MARKS.exec(t);
  if (o) t = t.slice(o[0].length);
  const c = CLOSE_MARKS.exec(t);
  if (c && t.length > c[0].length) t = t.slice(0, t.length - c[0].length);
  return t.trim();
}

export function quoteRows(a: Analysis, lineAt: (offset: number) => number, opts: { includeScare?: boolean } = {}): QuoteRow[] {
  return a.quotes
    .filter((q: Quote) => q.kind === 'quote' || opts.includeScare === true)
    .map((q) => ({
      // a quote of a hard-wrapped dump spans the converter's line breaks; one of a linked dump holds link marks
      quote: readableSpan(quoteBody(q.text)),
      speaker: q.speaker ? readableSpan(q.speaker.text) : null,
      resolvedSpeaker: q.speaker && q.speaker.resolved ? q.speaker.resolved : null,
      line: lineAt(q.start) + 1,
    }));
}

export function toJson(rows: readonly QuoteRow[]): string {
  return JSON.stringify(rows, null, 2);
}

/** One CSV field (RFC 4180), neutralising spreadsheet formulas. */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function toCsv(rows: readonly QuoteRow[]): string {
  const out = ['quote,speaker,resolved_speaker,line'];
  for (const r of rows) out.push([csvField(r.quote), csvField(r.speaker), csvField(r.resolvedSpeaker), csvField(r.line)].join(','));
  return out.join('\r\n') + '\r\n';
}

function targetDocument(arg: unknown): vscode.TextDocument | undefined {
  if (arg instanceof vscode.Uri) return vscode.workspace.textDocuments.find((d) => d.uri.toString() === arg.toString());
  return vscode.window.activeTextEditor?.document;
}

export function registerCopyQuotes(context: vscode.ExtensionContext, cache: AnalysisCache): void {
  const copy = async (format: 'json' | 'csv', arg?: unknown): Promise<string | undefined> => {
    const doc = targetDocument(arg);
    if (!isScrapedNewsDocument(doc)) {
      void vscode.window.showWarningMessage('Scraped News: open a scraped-news document to copy its quotes.');
      return undefined;
    }
    const analysis = await cache.readyOrWarn(doc);
    if (!analysis) return undefined;
    const rows = quoteRows(analysis, (o) => doc.positionAt(o).line);
    const text = format === 'json' ? toJson(rows) : toCsv(rows);
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(`Scraped News: copied ${rows.length} quote(s) as ${format.toUpperCase()}`, 4000);
    return text;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('scrapedNews.copyQuotesJson', (arg?: unknown) => copy('json', arg)),
    vscode.commands.registerCommand('scrapedNews.copyQuotesCsv', (arg?: unknown) => copy('csv', arg)),
  );
}
