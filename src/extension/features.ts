/**
 * Everything that needs the analysis core (and with it compromise and the entity model, the costly part of
 * loading): the cache, decorations, hovers, diagnostics, quick fixes, commands, status bar, and the views of
 * the other feature modules. Loaded by extension.ts on first need (see there); returns the test API.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import { AnalysisCache, type CacheStats } from './analysisCache';
import { type Configuration, isScrapedNewsDocument } from './configuration';
import { KeepLinesStore } from './keepLines';
import { DecorationController, Highlight, type DecoratedRanges } from './decorations';
import { DiagnosticsController } from './diagnostics';
import { registerHover } from './hover';
import { registerCodeActions } from './codeActions';
import { registerCommands } from './commands';
import { StatusBarController } from './statusBar';
import type { DumpDetector } from './detection';
import { registerOutline } from './outline';
import { registerCopyQuotes } from './copyQuotes';
import { registerEntitiesView } from './entitiesView';
import { registerCleanFolder } from './cleanFolder';
import { registerFolderTemplates } from './folderTemplates';

export interface ScrapedNewsApi {
  decoratedRanges(uri: vscode.Uri): DecoratedRanges;
  analysis(uri: vscode.Uri): Analysis | undefined;
  cacheStats(): CacheStats;
  keptLines(uri: vscode.Uri): readonly string[];
  refresh(uri?: vscode.Uri): Promise<void>;
  statusBar(): { text: string; visible: boolean; command: string | undefined };
  decorationTypesCreated(): number;
  /** Times an editor was dimmed from the labels of its visible pages alone, before the document's line labels came. */
  focusDecorations(): number;
  warnings(): readonly string[];
  readonly cache: AnalysisCache;
}

/** Debounces edits: after `scrapedNews.debounceMs` of quiet, the document's analysis is requested once (it runs in the worker). */
class EditScheduler implements vscode.Disposable {
  private readonly timers = new Map<string, { timer: ReturnType<typeof setTimeout>; doc: vscode.TextDocument }>();
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly cache: AnalysisCache, private readonly config: Configuration) {
    this.subs.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || !isScrapedNewsDocument(e.document)) return;
        this.schedule(e.document, config.get(e.document.uri).debounceMs);
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => isScrapedNewsDocument(doc) && this.schedule(doc, 0)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.cancel(doc.uri)),
    );
    for (const doc of vscode.workspace.textDocuments) if (isScrapedNewsDocument(doc)) this.schedule(doc, 0);
  }

  schedule(doc: vscode.TextDocument, ms: number): void {
    const id = doc.uri.toString();
    const cur = this.timers.get(id);
    if (cur) clearTimeout(cur.timer);
    this.timers.set(id, { doc, timer: setTimeout(() => this.run(id), ms) });
  }

  private cancel(uri: vscode.Uri): void {
    const cur = this.timers.get(uri.toString());
    if (cur) clearTimeout(cur.timer);
    this.timers.delete(uri.toString());
  }

  private run(id: string): void {
    const cur = this.timers.get(id);
    this.timers.delete(id);
    if (cur && isScrapedNewsDocument(cur.doc)) this.cache.request(cur.doc); // onDidUpdate fires when it arrives
  }

  /** Run pending work now (for one document or all). */
  flush(uri?: vscode.Uri): void {
    for (const [id, cur] of [...this.timers]) {
      if (uri && id !== uri.toString()) continue;
      clearTimeout(cur.timer);
      this.run(id);
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t.timer);
    this.timers.clear();
    for (const s of this.subs) s.dispose();
  }
}

/** VS Code does not pass documents over 50 MB to extensions (its model sync limit). */
const SYNC_LIMIT_BYTES = 50 * 1024 * 1024;

/**
 * A text file open in an editor but never given to extensions (over VS Code's 50 MB limit) would just stay
 * undimmed: say so once per file instead, and point to the CLI.
 */
function registerTooLargeNotice(): vscode.Disposable {
  const told = new Set<string>();
  const check = async () => {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    if (!(input instanceof vscode.TabInputText) || !/\.txt$/i.test(input.uri.path)) return;
    const id = input.uri.toString();
    if (told.has(id) || vscode.workspace.textDocuments.some((d) => d.uri.toString() === id)) return;
    let size = 0;
    try {
      size = (await vscode.workspace.fs.stat(input.uri)).size;
    } catch {
      return;
    }
    if (size <= SYNC_LIMIT_BYTES || told.has(id) || vscode.workspace.textDocuments.some((d) => d.uri.toString() === id)) return;
    told.add(id);
    const name = input.uri.path.split('/').pop();
    void vscode.window.showInformationMessage(
      `Scraped News: ${name} is ${(size / 1048576).toFixed(0)} MB. VS Code does not give files over 50 MB to extensions, ` +
        `so it cannot be dimmed or cleaned in the editor. The command line can clean it: scraped-news clean FILE --out DIR.`,
    );
  };
  return vscode.window.tabGroups.onDidChangeTabs(() => void check());
}

export function startFeatures(context: vscode.ExtensionContext, config: Configuration, detector: DumpDetector): ScrapedNewsApi {
  const keep = new KeepLinesStore(context.workspaceState);
  const templates = registerFolderTemplates(context);
  const cache = new AnalysisCache(config, keep, templates);
  const decorations = new DecorationController(cache, config);
  const diagnostics = new DiagnosticsController(cache, config);
  const scheduler = new EditScheduler(cache, config);
  const status = new StatusBarController(cache, config);
  const deps = { cache, config, keep, detector };
  context.subscriptions.push(
    keep,
    cache,
    decorations,
    diagnostics,
    scheduler,
    status,
    registerHover(cache),
    registerCommands(deps),
    registerCodeActions(deps),
  );
  registerOutline(context, cache);
  registerCopyQuotes(context, cache);
  registerEntitiesView(context, cache);
  registerCleanFolder(context, cache);
  context.subscriptions.push(registerTooLargeNotice());

  const find = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return {
    decoratedRanges: (uri) => decorations.decoratedRanges(uri),
    analysis: (uri) => {
      const doc = find(uri);
      return doc && isScrapedNewsDocument(doc) && cache.failure(doc) === undefined ? cache.get(doc) : undefined;
    },
    cacheStats: () => cache.stats(),
    keptLines: (uri) => keep.get(uri),
    refresh: async (uri) => {
      scheduler.flush(uri);
      // wait for the analyses of the current versions (worker), then let onDidUpdate listeners run
      for (const doc of vscode.workspace.textDocuments) {
        if ((!uri || doc.uri.toString() === uri.toString()) && isScrapedNewsDocument(doc)) await cache.readyIfAnalysed(doc);
      }
      await new Promise<void>((r) => setTimeout(r, 0));
      for (const e of vscode.window.visibleTextEditors) if (!uri || e.document.uri.toString() === uri.toString()) decorations.refresh(e);
      for (const doc of vscode.workspace.textDocuments) if (!uri || doc.uri.toString() === uri.toString()) diagnostics.update(doc);
      status.update();
    },
    statusBar: () => status.snapshot(),
    decorationTypesCreated: () => Highlight.created,
    focusDecorations: () => decorations.focusApplied,
    warnings: () => [...config.warnings],
    cache,
  };
}
