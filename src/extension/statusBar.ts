/**
 * Status bar item on Scraped News documents: `14 noise · 4 quotes · 12 entities`; a click opens the
 * Clean Article preview. Hidden for other documents and when `scrapedNews.statusBar` is off.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import type { AnalysisCache } from './analysisCache';
import { countQuotes } from './analysisProtocol';
import { isScrapedNewsDocument, type ConfigReader } from './configuration';

export function statusText(a: Analysis, entitiesSkipped: boolean): string {
  const quotes = countQuotes(a, 'quote');
  const ent = entitiesSkipped ? 'entities off (large file)' : `${a.stats.entities} entit${a.stats.entities === 1 ? 'y' : 'ies'}`;
  return `${a.stats.boilerplateLines} noise · ${quotes} quote${quotes === 1 ? '' : 's'} · ${ent}`;
}

export class StatusBarController implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('scrapedNews.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subs: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly cache: AnalysisCache, private readonly config: ConfigReader) {
    this.item.name = 'Scraped News';
    this.item.command = 'scrapedNews.previewClean';
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      cache.onDidUpdate((doc) => {
        // in a macrotask of its own, after the answer's other listeners (decorations first)
        if (vscode.window.activeTextEditor?.document === doc) this.timer ??= setTimeout(() => ((this.timer = undefined), this.update()), 0);
      }),
      config.onDidChange((c) => c.affects('statusBar') && this.update()),
      vscode.workspace.onDidCloseTextDocument(() => this.update()),
    );
    this.update();
  }

  /** Test API: what the item shows. */
  snapshot(): { text: string; visible: boolean; command: string | undefined } {
    const c = this.item.command;
    return { text: this.item.text, visible: this.visible, command: typeof c === 'string' ? c : c?.command };
  }

  private visible = false;

  update(): void {
    this.cache.timeHostTask('statusBar', () => this.show());
  }

  private show(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!isScrapedNewsDocument(doc) || !this.config.get(doc.uri).statusBar) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const failed = this.cache.failure(doc);
    if (failed !== undefined) {
      // the worker stopped while analysing it (e.g. out of memory): no counts, and no spinner that never ends
      this.item.text = '$(warning) Scraped News: not analysed';
      this.item.tooltip = `Scraped News — this document is not analysed: ${failed}. Reopen it to try again.`;
      this.item.show();
      this.visible = true;
      return;
    }
    const a = this.cache.peek(doc);
    if (!a) {
      // not analysed yet (a big document takes a moment): say so, never the counts of the document shown before
      this.item.text = '$(sync~spin) Scraped News: analysing…';
      const lines = doc.lineCount.toLocaleString('en-US');
      this.item.tooltip = `Scraped News — analysing this document (${lines} line${doc.lineCount === 1 ? '' : 's'}); its counts follow.`;
      this.item.show();
      this.visible = true;
      return this.cache.request(doc); // onDidUpdate brings it
    }
    const opts = this.cache.optionsFor(doc);
    this.item.text = `$(filter) ${statusText(a, opts.entities === false)}`;
    const meta = a.stats.metaLines ? `, ${a.stats.metaLines} meta line${a.stats.metaLines === 1 ? '' : 's'}` : '';
    this.item.tooltip = new vscode.MarkdownString(
      `**Scraped News** — ${a.stats.articleLines} article line${a.stats.articleLines === 1 ? '' : 's'}, ${a.stats.boilerplateLines} boilerplate${meta}.\n\nClick to preview the clean article.`,
    );
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subs) s.dispose();
    this.item.dispose();
  }
}
