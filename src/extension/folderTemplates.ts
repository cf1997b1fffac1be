/**
 * Site templates for single documents: the template index (core `buildTemplateIndex`) of the folder a
 * document lives in, learned lazily and asynchronously from its sibling `.txt` dumps, bounded (at most
 * `MAX_SIBLINGS` files of at most `MAX_FILE_BYTES` each, non-recursive), cached per folder and invalidated by
 * a FileSystemWatcher when a `.txt` file in that folder is created, changed or deleted.
 *
 * Use: `getTemplates(uri)` returns the index when it is ready (null when the folder has fewer than 3 dumps,
 * or for non-file documents) and `undefined` while it is being learned — it starts learning on first call.
 * `onDidChange(folderUri)` fires when an index becomes ready or is invalidated; the analysis cache then
 * re-analyses the documents of that folder with `templates: getTemplates(doc.uri)`.
 */
import * as vscode from 'vscode';
import { buildTemplateIndex } from '../core/templates';
import type { TemplateIndex } from '../core/types';
import { decodeDump } from './cleanFolder';

export const MAX_SIBLINGS = 200;
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** The core uses templates only from this many dumps on. */
const MIN_DOCUMENTS = 3;

interface Entry {
  index: TemplateIndex | null | undefined;
  generation: number;
  learning?: Promise<TemplateIndex | null>;
}

const breathe = () => new Promise<void>((r) => setImmediate(r));

export class FolderTemplates implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange: vscode.Event<vscode.Uri> = this.emitter.event;
  private readonly subs: vscode.Disposable[] = [];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private disposed = false;
  /** Files read in total (for tests and stats). */
  filesRead = 0;

  constructor(watch = true) {
    if (watch) {
      const w = vscode.workspace.createFileSystemWatcher('**/*.txt');
      const changed = (u: vscode.Uri) => this.invalidateFolder(vscode.Uri.joinPath(u, '..'));
      this.subs.push(w, w.onDidCreate(changed), w.onDidChange(changed), w.onDidDelete(changed));
    }
  }

  private static folderOf(uri: vscode.Uri): vscode.Uri | null {
    if (uri.scheme !== 'file') return null;
    return vscode.Uri.joinPath(uri, '..');
  }

  /** Ready index, null (no templates for this document), or undefined while learning (learning starts). */
  getTemplates(uri: vscode.Uri): TemplateIndex | null | undefined {
    const folder = FolderTemplates.folderOf(uri);
    if (!folder) return null;
    const e = this.entries.get(folder.toString());
    if (e && e.index !== undefined) return e.index;
    void this.whenReady(uri);
    return undefined;
  }

  /** The folder's index once learned. */
  whenReady(uri: vscode.Uri): Promise<TemplateIndex | null> {
    const folder = FolderTemplates.folderOf(uri);
    if (!folder) return Promise.resolve(null);
    const key = folder.toString();
    let e = this.entries.get(key);
    if (e && e.index !== undefined) return Promise.resolve(e.index);
    if (e && e.learning) return e.learning;
    if (!e) {
      e = { index: undefined, generation: 0 };
      this.entries.set(key, e);
    }
    const entry = e;
    const gen = entry.generation;
    entry.learning = this.learn(folder).then(
      (index) => {
        if (this.disposed || entry.generation !== gen) return index; // invalidated meanwhile: a new learn will follow
        entry.index = index;
        entry.learning = undefined;
        this.emitter.fire(folder);
        return index;
      },
      () => {
        entry.index = null;
        entry.learning = undefined;
        return null;
      },
    );
    return entry.learning;
  }

  /** Forget a folder's index (a dump in it changed); re-learned on next use, listeners told after a pause. */
  invalidateFolder(folder: vscode.Uri): void {
    const key = folder.toString();
    const e = this.entries.get(key);
    if (!e) return;
    e.generation++;
    e.index = undefined;
    e.learning = undefined;
    const t = this.pending.get(key);
    if (t) clearTimeout(t);
    // saving or cleaning many files fires many events: tell listeners once things settle
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        if (!this.disposed) this.emitter.fire(folder);
      }, 500),
    );
  }

  private async learn(folder: vscode.Uri): Promise<TemplateIndex | null> {
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
    if (names.length < MIN_DOCUMENTS) return null;
    const index: TemplateIndex = { documents: 0, counts: new Map() };
    for (const name of names) {
      if (this.disposed) return null;
      const uri = vscode.Uri.joinPath(folder, name);
      try {
        const st = await vscode.workspace.fs.stat(uri);
        if (st.size > MAX_FILE_BYTES) continue;
        const dec = decodeDump(await vscode.workspace.fs.readFile(uri));
        this.filesRead++;
        if ('reason' in dec) continue;
        const one = buildTemplateIndex([dec.text]);
        index.documents++;
        for (const k of one.counts.keys()) index.counts.set(k, (index.counts.get(k) ?? 0) + 1);
      } catch {
        continue;
      }
      await breathe(); // one dump per macrotask: never blocks the host for long
    }
    return index.documents >= MIN_DOCUMENTS ? index : null;
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.pending.values()) clearTimeout(t);
    this.emitter.dispose();
    for (const s of this.subs) s.dispose();
  }
}

export function registerFolderTemplates(context: vscode.ExtensionContext): FolderTemplates {
  const ft = new FolderTemplates();
  context.subscriptions.push(ft);
  return ft;
}
