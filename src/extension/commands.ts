/**
 * Commands: Clean Article, Preview Clean Article (+ Apply), Treat This File as Scraped News, Forget Kept Lines,
 * and the commands behind the quick fixes (remove one line, keep a line, always treat lines like this as
 * boilerplate). Every edit is checked against the document version it was computed for; stale requests are
 * refused with a message instead of editing the wrong line.
 */
import * as vscode from 'vscode';
import { analyzeWith } from '../core/analyze-base';
import { clean, cleanSummary } from '../core/clean';
import { markupToText } from '../core/markup';
import { literalLinePattern } from '../core/patterns';
import { docName, type AnalysisCache } from './analysisCache';
import { LANGUAGE_ID, SECTION, isScrapedNewsDocument, type ConfigReader } from './configuration';
import type { KeepLinesStore } from './keepLines';

export const COMMANDS = {
  cleanArticle: 'scrapedNews.cleanArticle',
  previewClean: 'scrapedNews.previewClean',
  applyClean: 'scrapedNews.applyClean',
  treatAsScrapedNews: 'scrapedNews.treatAsScrapedNews',
  forgetKeptLines: 'scrapedNews.forgetKeptLines',
  removeLine: 'scrapedNews.removeLine',
  keepLine: 'scrapedNews.keepLine',
  alwaysBoilerplate: 'scrapedNews.alwaysBoilerplate',
} as const;

export const PREVIEW_SCHEME = 'scraped-news-clean';

export interface CleanResult {
  /** True when the document was changed. */
  applied: boolean;
  /** Lines removed (boilerplate, and meta lines unless keepMeta). */
  removed: number;
  /** True when the document was HTML markup, converted to text before cleaning. */
  converted?: boolean;
  /** Why nothing was applied, when it was not. */
  reason?: 'not-scraped-news' | 'stale' | 'already-clean' | 'edit-failed' | 'no-document' | 'not-analysed';
}

export interface CommandDeps {
  cache: AnalysisCache;
  config: ConfigReader;
  keep: KeepLinesStore;
  /** Detection state to reset when the user explicitly treats a file as Scraped News. */
  detector?: { reset(uri: vscode.Uri): Promise<void> };
}

/**
 * The cleaned text of the document's current version (and how many lines it drops). A dump that is HTML markup
 * (`stats.markup`, unless `scrapedNews.convertMarkup` is off) is first converted to text lines, which are then
 * classified and cleaned like any dump (`removed` then counts lines of the converted text).
 */
export function cleanedText(doc: vscode.TextDocument, deps: CommandDeps): { text: string; removed: number; converted: boolean } {
  const a = deps.cache.get(doc);
  const cfg = deps.config.get(doc.uri);
  const keepMeta = cfg.keepMeta;
  if (a.stats.markup && cfg.convertMarkup) {
    const text = markupToText(doc.getText());
    // the document's options, but without its kept lines (they name lines of the markup, not of the converted text)
    const converted = analyzeWith(text, { ...deps.cache.optionsFor(doc), keepLines: [], quotes: false, entities: false });
    return { text: clean(text, converted, { keepMeta }), removed: cleanSummary(converted, { keepMeta }).removed, converted: true };
  }
  return { text: clean(doc.getText(), a, { keepMeta }), removed: cleanSummary(a, { keepMeta }).removed, converted: false };
}

function fullRange(doc: vscode.TextDocument): vscode.Range {
  const last = doc.lineAt(doc.lineCount - 1);
  return new vscode.Range(0, 0, last.lineNumber, last.range.end.character);
}

/** The WorkspaceEdit that replaces the whole text with the clean article (one edit = one undo step). */
export function cleanEdit(doc: vscode.TextDocument, deps: CommandDeps): { edit: vscode.WorkspaceEdit; removed: number; changed: boolean; converted: boolean } {
  const { text, removed, converted } = cleanedText(doc, deps);
  const edit = new vscode.WorkspaceEdit();
  const changed = text !== doc.getText();
  if (changed) edit.replace(doc.uri, fullRange(doc), text);
  return { edit, removed, changed, converted };
}

/** Clean a document in place. `expectedVersion` (from a code action) refuses to edit a newer version. */
export async function cleanDocument(doc: vscode.TextDocument, deps: CommandDeps, expectedVersion?: number): Promise<CleanResult> {
  if (!isScrapedNewsDocument(doc)) return { applied: false, removed: 0, reason: 'not-scraped-news' };
  if (expectedVersion !== undefined && expectedVersion !== doc.version) {
    void vscode.window.showWarningMessage('Scraped News: the document changed since this fix was offered; nothing was removed. Try again.');
    return { applied: false, removed: 0, reason: 'stale' };
  }
  // The analysis of exactly the version being edited (computed in the worker); cleanEdit reads it synchronously.
  if (!(await deps.cache.readyOrWarn(doc, ' Nothing was removed.'))) return { applied: false, removed: 0, reason: 'not-analysed' };
  if (expectedVersion !== undefined && expectedVersion !== doc.version) {
    void vscode.window.showWarningMessage('Scraped News: the document changed since this fix was offered; nothing was removed. Try again.');
    return { applied: false, removed: 0, reason: 'stale' };
  }
  const { edit, removed, changed, converted } = cleanEdit(doc, deps);
  if (!changed) {
    void vscode.window.setStatusBarMessage('Scraped News: the article is already clean.', 3000);
    return { applied: false, removed: 0, reason: 'already-clean' };
  }
  // applyEdit checks the document version the edit was computed for (computed synchronously above).
  const ok = await vscode.workspace.applyEdit(edit);
  if (!ok) {
    void vscode.window.showWarningMessage('Scraped News: the document changed while cleaning; nothing was changed.');
    return { applied: false, removed: 0, reason: 'edit-failed' };
  }
  if (deps.config.get(doc.uri).saveAfterClean) await doc.save();
  const what = converted ? `converted the HTML markup to text and removed ${removed} line${removed === 1 ? '' : 's'} of it` : `removed ${removed} line${removed === 1 ? '' : 's'}`;
  void vscode.window.setStatusBarMessage(`Scraped News: ${what}. Undo restores them.`, 5000);
  return { applied: true, removed, ...(converted ? { converted } : {}) };
}

/** Range that deletes one line together with its line break. */
export function lineDeletionRange(doc: vscode.TextDocument, line: number): vscode.Range {
  if (line < doc.lineCount - 1) return new vscode.Range(line, 0, line + 1, 0);
  if (line > 0) return new vscode.Range(line - 1, doc.lineAt(line - 1).range.end.character, line, doc.lineAt(line).range.end.character);
  return doc.lineAt(line).range;
}

/** Virtual documents with the cleaned text of a document, for the diff preview. */
export class CleanPreviewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly open = new Map<string, vscode.Uri>();
  private readonly sub: vscode.Disposable;

  /** Follows the cached analysis, so it refreshes after the edit debounce rather than on every keystroke. */
  constructor(private readonly deps: CommandDeps) {
    this.sub = vscode.Disposable.from(
      deps.cache.onDidUpdate((doc) => {
        const p = this.open.get(doc.uri.toString());
        if (p) this.emitter.fire(p);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === PREVIEW_SCHEME) this.open.delete(d.uri.query);
      }),
    );
  }

  static previewUri(original: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: original.path || '/untitled', query: original.toString() });
  }

  static originalUri(preview: vscode.Uri): vscode.Uri {
    return vscode.Uri.parse(preview.query, true);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const original = CleanPreviewProvider.originalUri(uri);
    this.open.set(original.toString(), uri);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === original.toString());
    if (!doc) return '';
    if (!(await this.deps.cache.readyIfAnalysed(doc))) return this.deps.cache.notAnalysedMessage(doc) + '\n';
    return cleanedText(doc, this.deps).text;
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}

function targetDocument(arg: unknown): vscode.TextDocument | undefined {
  let uri: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) uri = arg;
  else if (typeof arg === 'string') uri = vscode.Uri.parse(arg);
  if (uri && uri.scheme === PREVIEW_SCHEME) uri = CleanPreviewProvider.originalUri(uri);
  if (!uri) {
    const active = vscode.window.activeTextEditor?.document;
    if (active && active.uri.scheme === PREVIEW_SCHEME) uri = CleanPreviewProvider.originalUri(active.uri);
    else return active;
  }
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri!.toString());
}

async function closePreviewTabs(original: vscode.Uri): Promise<void> {
  const preview = CleanPreviewProvider.previewUri(original).toString();
  const tabs: vscode.Tab[] = [];
  for (const g of vscode.window.tabGroups.all) {
    for (const t of g.tabs) {
      const input = t.input;
      if (input instanceof vscode.TabInputTextDiff && input.modified.toString() === preview) tabs.push(t);
    }
  }
  if (tabs.length) await vscode.window.tabGroups.close(tabs, true);
}

export interface RemoveLineArgs { uri: string; line: number; version: number; text: string }
export interface KeepLineArgs { uri: string; line: number; text: string }
export interface AlwaysBoilerplateArgs { uri: string; text: string }

/** Add a literal-line pattern to the workspace value of scrapedNews.boilerplatePatterns (folder value if one exists). */
export async function addBoilerplatePattern(uri: vscode.Uri, lineText: string): Promise<string | undefined> {
  const t = lineText.trim();
  if (!t) return undefined;
  const pattern = literalLinePattern(t);
  const cfg = vscode.workspace.getConfiguration(SECTION, uri);
  const info = cfg.inspect<string[]>('boilerplatePatterns');
  let target = vscode.ConfigurationTarget.Workspace;
  let cur = info?.workspaceValue;
  if (info?.workspaceFolderValue !== undefined && vscode.workspace.getWorkspaceFolder(uri)) {
    target = vscode.ConfigurationTarget.WorkspaceFolder;
    cur = info.workspaceFolderValue;
  } else if (!vscode.workspace.workspaceFolders?.length) {
    target = vscode.ConfigurationTarget.Global;
    cur = info?.globalValue;
  }
  const list = Array.isArray(cur) ? cur : [];
  if (list.includes(pattern)) return pattern;
  await cfg.update('boilerplatePatterns', [...list, pattern], target);
  return pattern;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable {
  const preview = new CleanPreviewProvider(deps);
  const subs: vscode.Disposable[] = [preview, vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, preview)];
  const reg = (id: string, fn: (...args: any[]) => unknown) => subs.push(vscode.commands.registerCommand(id, fn));

  reg(COMMANDS.cleanArticle, async (arg?: unknown, version?: unknown): Promise<CleanResult> => {
    const doc = targetDocument(arg);
    if (!doc) return { applied: false, removed: 0, reason: 'no-document' };
    if (!isScrapedNewsDocument(doc)) {
      void vscode.window.showInformationMessage('Scraped News: Clean Article works on Scraped News documents. Use "Treat This File as Scraped News" first.');
      return { applied: false, removed: 0, reason: 'not-scraped-news' };
    }
    return cleanDocument(doc, deps, typeof version === 'number' ? version : undefined);
  });

  reg(COMMANDS.previewClean, async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const doc = targetDocument(arg);
    if (!doc || !isScrapedNewsDocument(doc)) {
      void vscode.window.showInformationMessage('Scraped News: open a Scraped News document to preview its clean article.');
      return undefined;
    }
    const uri = CleanPreviewProvider.previewUri(doc.uri);
    if (!(await deps.cache.readyOrWarn(doc))) return undefined;
    const { removed } = cleanedText(doc, deps);
    await vscode.commands.executeCommand('vscode.diff', doc.uri, uri, `${docName(doc)} ↔ Clean Article (${removed} line${removed === 1 ? '' : 's'} removed)`, { preview: true });
    return uri;
  });

  reg(COMMANDS.applyClean, async (arg?: unknown): Promise<CleanResult> => {
    const doc = targetDocument(arg);
    if (!doc) return { applied: false, removed: 0, reason: 'no-document' };
    // Close the diff first: editing both sides under an open diff editor makes it recompute mid-way.
    await closePreviewTabs(doc.uri);
    const res = await cleanDocument(doc, deps);
    // Show the cleaned document, focused, so that the result is visible and Undo applies to it.
    await vscode.window.showTextDocument(doc, { preview: false });
    return res;
  });

  reg(COMMANDS.treatAsScrapedNews, async (arg?: unknown): Promise<boolean> => {
    const doc = targetDocument(arg);
    if (!doc) return false;
    await deps.detector?.reset(doc.uri);
    if (doc.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    return true;
  });

  reg(COMMANDS.forgetKeptLines, async (arg?: unknown): Promise<number> => {
    const doc = targetDocument(arg);
    if (!doc) return 0;
    const n = deps.keep.get(doc.uri).length;
    await deps.keep.clear(doc.uri);
    void vscode.window.setStatusBarMessage(`Scraped News: forgot ${n} kept line${n === 1 ? '' : 's'} for this file.`, 4000);
    return n;
  });

  reg(COMMANDS.removeLine, async (args: RemoveLineArgs): Promise<boolean> => {
    const doc = targetDocument(args?.uri);
    if (!doc || typeof args.line !== 'number' || args.line >= doc.lineCount) return false;
    // Refuse stale requests unless the line still holds exactly the text the fix was offered for.
    if (doc.version !== args.version && doc.lineAt(args.line).text !== args.text) {
      void vscode.window.showWarningMessage('Scraped News: the document changed since this fix was offered; nothing was removed.');
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.delete(doc.uri, lineDeletionRange(doc, args.line));
    return vscode.workspace.applyEdit(edit);
  });

  reg(COMMANDS.keepLine, async (args: KeepLineArgs): Promise<boolean> => {
    const doc = targetDocument(args?.uri);
    if (!doc || typeof args.text !== 'string' || !args.text.trim()) return false;
    await deps.keep.add(doc.uri, args.text);
    return true;
  });

  reg(COMMANDS.alwaysBoilerplate, async (args: AlwaysBoilerplateArgs): Promise<string | undefined> => {
    const doc = targetDocument(args?.uri);
    if (!doc || typeof args.text !== 'string') return undefined;
    // A kept line would win over the pattern: un-keep it first.
    await deps.keep.remove(doc.uri, args.text);
    return addBoilerplatePattern(doc.uri, args.text);
  });

  return vscode.Disposable.from(...subs);
}
