/**
 * Site templates for single documents: the template index (the core's `TemplateCounter`) of the folder a
 * document lives in, learned lazily and asynchronously from its sibling `.txt` dumps, bounded (at most
 * `MAX_SIBLINGS` files of at most `MAX_FILE_BYTES` each, non-recursive), cached per folder and invalidated by
 * a FileSystemWatcher when a `.txt` file in that folder is created, changed or deleted, and when
 * `scrapedNews.convertMarkup` changes: with it on (the default), a sibling that is HTML markup is counted as the
 * text it converts to, as Clean All Dumps in Folder and the CLI count it.
 *
 * Use: `getTemplates(uri)` returns the index when it is ready (null when the folder has fewer than 3 dumps,
 * or for non-file documents) and `undefined` while it is being learned — it starts learning on first call.
 * `onDidChange(folderUri)` fires when an index becomes ready or changed after a dump of the folder was
 * created/changed/deleted (not when re-learning gave the same index, e.g. after saving the open document
 * without touching template lines); the analysis cache then re-analyses the documents of that folder.
 * While a stale index is re-learned, `getTemplates` keeps answering with the previous one.
 */
import * as vscode from 'vscode';
import { TemplateCounter } from '../core/templates';
import { textOf } from '../core/markup';
import { MIN_TEMPLATE_DOCUMENTS, type TemplateIndex } from '../core/types';
import { decodeDump } from './dumpBytes';
import { SECTION, readConfig } from './configuration';

export const MAX_SIBLINGS = 200;
/** Larger siblings are not read (each file is indexed in one task; this keeps that task short). */
export const MAX_FILE_BYTES = 512 * 1024;

interface Entry {
  /** Ready index (null = no templates), or undefined before the first learn finished. */
  index: TemplateIndex | null | undefined;
  learning?: Promise<TemplateIndex | null>;
  /** A dump of the folder changed since `index` was learned. */
  stale: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

const breathe = () => new Promise<void>((r) => setImmediate(r));

/** Same templates? (then nobody needs to re-analyse) */
export function sameIndex(a: TemplateIndex | null | undefined, b: TemplateIndex | null | undefined): boolean {
  if (!a || !b) return (a ?? null) === (b ?? null);
  if (a.documents !== b.documents || a.counts.size !== b.counts.size) return false;
  for (const [k, n] of a.counts) if (b.counts.get(k) !== n) return false;
  return true;
}

export class FolderTemplates implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with a folder whose template index became available or changed (not when it stayed the same). */
  readonly onDidChange: vscode.Event<vscode.Uri> = this.emitter.event;
  private readonly subs: vscode.Disposable[] = [];
  private disposed = false;
  /** Files read in total (for tests and stats). */
  filesRead = 0;
  /** Learn passes run (for tests and stats). */
  learns = 0;

  constructor(watch = true, private readonly relearnDelayMs = 500) {
    if (watch) {
      const w = vscode.workspace.createFileSystemWatcher('**/*.txt');
      const changed = (u: vscode.Uri) => this.invalidateFolder(vscode.Uri.joinPath(u, '..'));
      this.subs.push(w, w.onDidCreate(changed), w.onDidChange(changed), w.onDidDelete(changed));
    }
    // siblings that are HTML markup are counted as the text they convert to, when that setting is on
    this.subs.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(`${SECTION}.convertMarkup`)) return;
      for (const key of this.entries.keys()) this.invalidateFolder(vscode.Uri.parse(key, true));
    }));
  }

  private static folderOf(uri: vscode.Uri): vscode.Uri | null {
    if (uri.scheme !== 'file') return null;
    return vscode.Uri.joinPath(uri, '..');
  }

  /**
   * The folder's index: ready (possibly a little stale while it is re-learned), null (no templates for this
   * document), or undefined while learned for the first time (learning starts; `onDidChange` follows).
   */
  getTemplates(uri: vscode.Uri): TemplateIndex | null | undefined {
    const folder = FolderTemplates.folderOf(uri);
    if (!folder) return null;
    const e = this.entries.get(folder.toString());
    if (e && e.index !== undefined) return e.index;
    void this.whenReady(uri);
    return undefined;
  }

  /** The folder's index once learned (and re-learned, when stale). */
  whenReady(uri: vscode.Uri): Promise<TemplateIndex | null> {
    const folder = FolderTemplates.folderOf(uri);
    if (!folder) return Promise.resolve(null);
    const key = folder.toString();
    let e = this.entries.get(key);
    if (!e) {
      e = { index: undefined, stale: true };
      this.entries.set(key, e);
    }
    if (e.learning) return e.learning;
    if (!e.stale && e.index !== undefined) return Promise.resolve(e.index);
    return this.relearn(folder, e);
  }

  private relearn(folder: vscode.Uri, entry: Entry): Promise<TemplateIndex | null> {
    entry.stale = false;
    const learning = this.learn(folder).then(
      (index) => index,
      () => null,
    ).then((index) => {
      entry.learning = undefined;
      if (this.disposed) return index;
      if (!sameIndex(entry.index, index)) {
        // a new object only when the content changed: the analysis cache keys on the index's identity
        entry.index = index;
        this.emitter.fire(folder);
      } else if (entry.index === undefined) entry.index = index; // first learn gave null: nothing to redo
      // changed again while we were reading: one more pass
      if (entry.stale) this.schedule(folder, entry);
      return index;
    });
    entry.learning = learning;
    return learning;
  }

  private schedule(folder: vscode.Uri, entry: Entry): void {
    if (entry.timer) clearTimeout(entry.timer);
    // saving or cleaning many files fires many events: re-learn once things settle
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (!this.disposed && !entry.learning && entry.stale) void this.relearn(folder, entry);
    }, this.relearnDelayMs);
  }

  /** A dump in the folder changed: re-learn after a pause; listeners are told only if the index changed. */
  invalidateFolder(folder: vscode.Uri): void {
    const e = this.entries.get(folder.toString());
    if (!e) return; // nobody asked for this folder yet
    e.stale = true;
    if (!e.learning) this.schedule(folder, e);
  }

  private async learn(folder: vscode.Uri): Promise<TemplateIndex | null> {
    this.learns++;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return null;
    }
    const names = entries
      .filter(([n, t]) => t === vscode.FileType.File && /\.txt$/i.test(n) && !n.startsWith('.'))
      .map(([n]) => n)
      .sort()
      .slice(0, MAX_SIBLINGS);
    if (names.length < MIN_TEMPLATE_DOCUMENTS) return null;
    // as Clean All Dumps in Folder and the CLI count them: a dump that is HTML markup as its text lines
    const convert = readConfig(folder).convertMarkup;
    const counter = new TemplateCounter();
    for (const name of names) {
      if (this.disposed) return null;
      const uri = vscode.Uri.joinPath(folder, name);
      try {
        const st = await vscode.workspace.fs.stat(uri);
        if (st.size > MAX_FILE_BYTES) continue;
        const dec = decodeDump(await vscode.workspace.fs.readFile(uri));
        this.filesRead++;
        if ('reason' in dec) continue;
        counter.add(convert ? textOf(dec.text) : dec.text);
      } catch {
        continue;
      }
      await breathe(); // one dump per macrotask: never blocks the host for long
    }
    return counter.documents >= MIN_TEMPLATE_DOCUMENTS ? counter.index() : null;
  }

  dispose(): void {
    this.disposed = true;
    for (const e of this.entries.values()) if (e.timer) clearTimeout(e.timer);
    this.emitter.dispose();
    for (const s of this.subs) s.dispose();
  }
}

export function registerFolderTemplates(context: vscode.ExtensionContext): FolderTemplates {
  const ft = new FolderTemplates();
  context.subscriptions.push(ft);
  return ft;
}
