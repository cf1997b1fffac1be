/**
 * Outline (DocumentSymbolProvider) of a scraped-news document: the headline, then the quotes grouped by
 * speaker — named by the full name the speaker phrase resolves to when the analysis knows it — each quote a
 * child symbol with its own range. Quotes without a speaker are grouped under "Unattributed". Scare quotes
 * (one or two words, no attribution) are not listed: they are not statements.
 */
import * as vscode from 'vscode';
import type { Analysis, Quote } from '../core/types';
import { readableSpan } from '../core/boilerplate/links';
import { documentLength, type AnalysisCache } from './analysisCache';
import { compactOf } from './analysisProtocol';
import { positionIn } from './decorations';
import { LANGUAGE_ID } from './configuration';

export const UNATTRIBUTED = 'Unattributed';
const MAX_NAME = 100;

function oneLine(s: string, max = MAX_NAME): string {
  const t = readableSpan(s).replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/** Display name and detail of a speaker: "Sergey Ryabkov, Russian Deputy Foreign Minister" → name + role. */
export function speakerLabel(q: Quote): { key: string; name: string; role?: string } {
  const sp = q.speaker;
  if (!sp) return { key: '', name: UNATTRIBUTED };
  // "Joe Biden’s remarks …" names Joe Biden: drop a possessive ending
  const full = oneLine(sp.resolved && sp.resolved.trim() ? sp.resolved : sp.text, 200).replace(/['’]s?$/u, '').replace(/['’]s(?=,)/u, '');
  const comma = full.indexOf(',');
  const name = comma > 0 ? full.slice(0, comma).trim() : full;
  const role = comma > 0 ? full.slice(comma + 1).trim() : undefined;
  const key = name.toLowerCase().replace(/^(the|a|an)\s+/, '');
  return { key, name: name.charAt(0).toUpperCase() + name.slice(1), role: role || undefined };
}

function headlineLine(a: Analysis): number {
  const c = compactOf(a);
  if (c) {
    // straight from the compact line table: no LineInfo objects built for 100k lines on the host
    const headline = c.reasonTable.indexOf('article-headline');
    if (headline >= 0) for (let i = 0; i < c.reasons.length; i++) if (c.reasons[i] === headline) return i;
    for (let i = 0; i < c.labels.length; i++) if (c.labels[i] === 0) return i;
    return -1;
  }
  const h = a.lines.find((l) => l.reason === 'article-headline');
  if (h) return h.line;
  const first = a.lines.find((l) => l.label === 'article');
  return first ? first.line : -1;
}

/**
 * Offsets to a range: from the analysis's own line table when it is compact (the analysis is of the current
 * version: checked by its length), else `doc.positionAt` (which makes VS Code recompute its line-offset table
 * of the whole document after every edit: 20-40 ms on a 100k-line document).
 */
function rangerFor(doc: vscode.TextDocument, a: Analysis): (start: number, end: number) => vscode.Range {
  const c = compactOf(a);
  if (c) return (start, end) => new vscode.Range(positionIn(c.starts, c.ends, start), positionIn(c.starts, c.ends, end));
  return (start, end) => new vscode.Range(doc.positionAt(start), doc.positionAt(end));
}

/** Quotes handled between two yields of `symbolSteps` (the provider gives the event loop back there). */
const SLICE = 100;
/**
 * Quote symbols listed at most (a 5 MB dump has ~8,500 quotes: VS Code re-requests the outline for the
 * breadcrumbs after every edit, and serialising 1,000 symbols for it blocked the extension host for 30+ ms;
 * hundreds of symbols are not navigable anyway). The rest is summed up in a last entry instead of being dropped
 * silently.
 */
export const MAX_OUTLINE_QUOTES = 300;

export function buildSymbols(doc: vscode.TextDocument, a: Analysis): vscode.DocumentSymbol[] {
  const steps = symbolSteps(doc, a);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** buildSymbols in slices: yields every SLICE quotes, so that a document with thousands of quotes never blocks long. */
function* symbolSteps(doc: vscode.TextDocument, a: Analysis): Generator<void, vscode.DocumentSymbol[]> {
  const out: vscode.DocumentSymbol[] = [];
  if (a.length !== documentLength(doc)) return out; // analysis of another version: never show wrong ranges
  const rangeOf = rangerFor(doc, a);
  const hl = headlineLine(a);
  if (hl >= 0) {
    const l = a.lines[hl];
    const r = rangeOf(l.start, l.end);
    out.push(new vscode.DocumentSymbol(oneLine(doc.getText(r)) || '(headline)', 'headline', vscode.SymbolKind.File, r, r));
  }
  let done = 0;
  interface Group { name: string; role?: string; quotes: Quote[]; start: number; end: number; sel?: { start: number; end: number } }
  const groups = new Map<string, Group>();
  for (const q of a.quotes) {
    if (++done % SLICE === 0) yield;
    if (q.kind !== 'quote') continue;
    const { key, name, role } = speakerLabel(q);
    let g = groups.get(key);
    if (!g) {
      g = { name, role, quotes: [], start: q.start, end: q.end };
      groups.set(key, g);
    }
    if (!g.role && role) g.role = role;
    g.quotes.push(q);
    g.start = Math.min(g.start, q.start);
    g.end = Math.max(g.end, q.end);
    if (q.speaker) {
      g.start = Math.min(g.start, q.speaker.start);
      g.end = Math.max(g.end, q.speaker.end);
      if (!g.sel) g.sel = { start: q.speaker.start, end: q.speaker.end };
    }
  }
  // a surname-only speaker ("Holloway") joins the one full-name group ending with that surname ("Jane Holloway")
  // a one-word speaker ("Putin") joins the one longer name that ends with it ("Vladimir Putin"); the longer names
  // are indexed by their last word once (comparing every pair of groups was quadratic: thousands of speakers on a
  // 5 MB dump)
  const byLastWord = new Map<string, string[]>();
  for (const k of groups.keys()) {
    const sp = k.lastIndexOf(' ');
    if (sp < 0) continue;
    const last = k.slice(sp + 1);
    const list = byLastWord.get(last);
    if (list) list.push(k);
    else byLastWord.set(last, [k]);
  }
  for (const [key, g] of [...groups.entries()]) {
    if (key === '' || /\s/.test(key)) continue;
    const full = (byLastWord.get(key) ?? []).filter((k) => groups.has(k));
    if (full.length !== 1) continue;
    const target = groups.get(full[0])!;
    target.quotes.push(...g.quotes);
    target.quotes.sort((x, y) => x.start - y.start);
    target.start = Math.min(target.start, g.start);
    target.end = Math.max(target.end, g.end);
    if (g.sel && (!target.sel || g.sel.start < target.sel.start)) target.sel = g.sel;
    if (!target.role && g.role) target.role = g.role;
    groups.delete(key);
  }
  // groups in order of first appearance; the unattributed group last
  const ordered = [...groups.entries()].sort((x, y) => (x[0] === '' ? 1 : 0) - (y[0] === '' ? 1 : 0) || x[1].start - y[1].start);
  let listed = 0;
  let omitted = 0;
  let last: vscode.Range | undefined;
  for (const [, g] of ordered) {
    const range = rangeOf(g.start, g.end);
    last = range;
    const sel = g.sel ? rangeOf(g.sel.start, g.sel.end) : rangeOf(g.quotes[0].start, g.quotes[0].end);
    const n = g.quotes.length;
    const detail = (g.role ? g.role + ' · ' : '') + `${n} quote${n === 1 ? '' : 's'}`;
    const sym = new vscode.DocumentSymbol(g.name, detail, vscode.SymbolKind.Object, range, sel);
    for (const q of g.quotes) {
      if (listed >= MAX_OUTLINE_QUOTES) {
        omitted++;
        continue;
      }
      listed++;
      if (++done % SLICE === 0) yield;
      const r = rangeOf(q.start, q.end);
      const said = q.speaker && q.speaker.text.trim().toLowerCase() !== g.name.toLowerCase() ? `${oneLine(q.speaker.text, 40)} · ` : '';
      sym.children.push(new vscode.DocumentSymbol(oneLine(q.text) || '""', `${said}line ${r.start.line + 1}`, vscode.SymbolKind.String, r, r));
    }
    out.push(sym);
  }
  if (omitted > 0 && last) {
    const note = `${omitted} more quote${omitted === 1 ? '' : 's'} not listed`;
    out.push(new vscode.DocumentSymbol(note, `the outline lists the first ${MAX_OUTLINE_QUOTES} quotes of a document`, vscode.SymbolKind.Null, last, last));
  }
  return out;
}

export class QuoteOutlineProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly cache: AnalysisCache) {}
  async provideDocumentSymbols(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    const a = await this.cache.readyIfAnalysed(doc);
    if (!a) return [];
    const version = doc.version;
    const steps = symbolSteps(doc, a);
    for (;;) {
      const r = this.cache.timeHostTask('outline', () => steps.next());
      if (r.done) return r.value;
      await new Promise<void>((resolve) => setTimeout(resolve, 0)); // (setTimeout: also in a web extension host)
      if (token?.isCancellationRequested || doc.version !== version) return [];
    }
  }
}

export function registerOutline(context: vscode.ExtensionContext, cache: AnalysisCache): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider({ language: LANGUAGE_ID }, new QuoteOutlineProvider(cache), {
      label: 'Scraped News',
    }),
  );
}
