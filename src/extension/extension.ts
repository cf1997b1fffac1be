/**
 * Entry point. Activation events: `onLanguage:scraped-news`, `onLanguage:plaintext` (for detection) and our
 * commands — never `*`. `activate` is synchronous and cheap: it starts only the configuration reader and the
 * dump detector (neither needs the analysis core). Everything else lives in features.ts and is loaded on first
 * need — when a Scraped News document is open or opens, when one of our commands runs, or when the test API is
 * used — so opening an ordinary .txt file does not load the core, compromise and the entity model.
 *
 * Test API (`vscode.extensions.getExtension('scraped-news.scraped-news').activate()` resolves to it; every
 * method loads the features if needed):
 *  - `decoratedRanges(uri)`: per decoration kind (boilerplate, meta, quote, scareQuote, person, place,
 *    organization) the ranges last passed to `setDecorations` for that document;
 *  - `analysis(uri)`: the cached analysis of an open Scraped News document (computed if stale), or undefined;
 *  - `cacheStats()`: `{ hits, misses, analyses, incremental, lastMs, documents }` of the analysis cache;
 *  - `keptLines(uri)`: the lines the user chose to keep in that file ("Keep this line");
 *  - `refresh(uri?)`: run the debounced refresh now (returns when decorations/diagnostics/status are updated);
 *  - `statusBar()`: `{ text, visible, command }` of the status bar item;
 *  - `warnings()`: warning messages about invalid `scrapedNews.boilerplatePatterns` shown so far (one per bad value);
 *  - `decorationTypesCreated()`: decoration types created since activation (7 at start; only a change of an
 *    opacity/overview-ruler setting re-creates the affected ones);
 *  - `focusDecorations()`: times an editor was dimmed from the labels of its visible pages alone (a newly opened big
 *    file of several pages), before the document's line labels came;
 *  - `featuresLoaded()`: whether features.ts has been loaded (false after opening only plain text);
 *  - `cache`: the AnalysisCache itself.
 */
import * as vscode from 'vscode';
import { Configuration, LANGUAGE_ID } from './configuration';
import { DumpDetector } from './detection';
import type { ScrapedNewsApi } from './features';

export type { ScrapedNewsApi };

export function activate(context: vscode.ExtensionContext): ScrapedNewsApi & { featuresLoaded(): boolean } {
  const config = new Configuration();
  const detector = new DumpDetector(config, context.workspaceState);
  context.subscriptions.push(config, detector);

  let features: ScrapedNewsApi | undefined;
  const stubs: vscode.Disposable[] = [];
  let openSub: vscode.Disposable | undefined;
  const load = (): ScrapedNewsApi => {
    if (features) return features;
    for (const s of stubs.splice(0)) s.dispose();
    openSub?.dispose();
    // A require() inside a function: esbuild keeps features.ts (and the core it imports) uninitialised until here.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('./features') as typeof import('./features');
    features = mod.startFeatures(context, config, detector);
    return features;
  };

  if (vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID)) {
    load();
  } else {
    openSub = vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.languageId === LANGUAGE_ID) load();
    });
    // Our contributed commands must exist from activation on: stand-ins load the features, then run the real one.
    const contributed: { command: string }[] = context.extension.packageJSON?.contributes?.commands ?? [];
    for (const { command } of contributed) {
      stubs.push(
        vscode.commands.registerCommand(command, (...args: unknown[]) => {
          load();
          return vscode.commands.executeCommand(command, ...args);
        }),
      );
    }
    context.subscriptions.push({ dispose: () => { for (const s of stubs.splice(0)) s.dispose(); openSub?.dispose(); } });
  }

  return {
    decoratedRanges: (uri) => load().decoratedRanges(uri),
    analysis: (uri) => load().analysis(uri),
    cacheStats: () => load().cacheStats(),
    keptLines: (uri) => load().keptLines(uri),
    refresh: (uri) => load().refresh(uri),
    statusBar: () => load().statusBar(),
    decorationTypesCreated: () => load().decorationTypesCreated(),
    focusDecorations: () => load().focusDecorations(),
    warnings: () => load().warnings(),
    featuresLoaded: () => features !== undefined,
    get cache() {
      return load().cache;
    },
  };
}

export function deactivate(): void {}
