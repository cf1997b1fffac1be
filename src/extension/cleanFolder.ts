/**
 * "Clean All Dumps in Folder…" (Explorer context menu on a folder, and the palette).
 *
 * 1. Scan: list the folder's `.txt` files (recursively; hidden folders and node_modules skipped), read each
 *    one, refuse what is not safe to rewrite (symbolic links, binary, invalid byte sequences, too big; UTF-16 is
 *    read and written back as UTF-16) and
 *    learn the folder's site templates (`buildTemplateIndex`) from the readable dumps.
 * 2. Dry run: analyse every dump with those templates and count the files that would change and the lines
 *    that would be removed; a modal dialog asks to confirm.
 *    Templates and analyses run in a worker thread of the command's own (folderCleaner.ts, folderService.ts): the
 *    host reads and writes files, so that a big dump never blocks it.
 * 3. Apply, in a cancellable progress notification (`n / N`): open documents are changed through one
 *    `WorkspaceEdit` each; closed files are re-read, skipped when they changed on disk since the scan, and
 *    written atomically (temporary file next to the original, then rename), a few at a time. Cancelling starts
 *    no further file and lets the ones being written finish, so every file is either untouched or fully cleaned.
 * 4. A summary names every skipped file and why (output channel "Scraped News: Clean Folder").
 *
 * The command returns the summary object, and accepts options for non-interactive use (tests, scripts):
 * `executeCommand('scrapedNews.cleanFolder', folderUri, { confirm: false })`.
 */
import * as vscode from 'vscode';
import * as crypto from 'crypto';
import * as nodeFs from 'fs';
import * as nodePath from 'path';
import type { AnalyzeOptions } from '../core';
import type { DumpEncoding } from '../core/decode';
import { JOINED_CAUSE, JOINED_FIX, type JoinedPage } from '../core/joined';
import type { AnalysisCache } from './analysisCache';
import { readConfig } from './configuration';
import { KeepLinesStore } from './keepLines';
import { FolderCleaner, Pipeline, stopIdleFolderWorker, type CleanerKind, type Cleaned } from './folderCleaner';

export const CLEAN_FOLDER_COMMAND = 'scrapedNews.cleanFolder';

/** Characters of dump text kept in memory between the scan and the dry run (beyond that, files are read again). */
const KEEP_TEXT_CHARS = 64 * 1024 * 1024;
/**
 * Dumps sent ahead to the analysis (read by the host while the worker analyses), and about how much text: the host
 * waits for the worker only when this much is queued there.
 */
const AHEAD_FILES = 256;
const AHEAD_CHARS = 16 * 1024 * 1024;
/**
 * Files read ahead during the scan, and files written at the same time (each still atomic): the file system's calls
 * run in Node's thread pool, so a few at once take a fraction of the time of one after the other.
 */
const IO_AHEAD = 8;

/** Files larger than this are skipped (the editor itself refuses to tokenise much larger files). */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface CleanFolderOptions {
  /** Ask with a modal dialog before writing anything (default true). */
  confirm?: boolean;
  /** Show the final notification (default true). */
  notify?: boolean;
  /** Descend into sub-folders (default true). */
  recursive?: boolean;
  /** Learn site templates over the folder's dumps first (default true). */
  templates?: boolean;
  /** Keep meta lines (bylines, datelines, captions) (default: the setting `scrapedNews.keepMeta`, like Clean Article). */
  keepMeta?: boolean;
  /** Convert dumps that are HTML markup to text before cleaning them (default: the setting `scrapedNews.convertMarkup`). */
  convertMarkup?: boolean;
  /** Skip files larger than this many bytes (default 50 MB). */
  maxFileBytes?: number;
  /** Save open documents that were not dirty after cleaning them (default true). */
  saveOpenDocuments?: boolean;
  /** Testing/scripting hook: behave as if the user cancelled once this many files were handled. */
  cancelAfter?: number;
  /**
   * Characters of text kept in memory between scan and dry run, and of cleaned text between the dry run and writing
   * (default 64 Mi each; beyond that files are re-read, and cleaned again when written).
   */
  keepTextChars?: number;
  /** Testing/scripting hook: called after the dry run, before anything is written. */
  afterDryRun?: (plan: CleanFolderPlan) => void | Promise<void>;
  /** Testing/scripting hook: called when the folder has been read and its templates learned, before the dry run. */
  afterScan?: () => void;
  /** Scripting: cancels the run like the notification's Cancel button. */
  cancellation?: vscode.CancellationToken;
  /** Testing hook: analyse on the extension host's thread instead of the command's worker thread. */
  inThread?: boolean;
}

export interface SkippedFile {
  /** Path relative to the folder, with `/` separators. */
  path: string;
  reason: string;
}

export interface CleanFolderPlan {
  folder: string;
  /** `.txt` files found (readable or not). */
  files: number;
  /** Readable dumps that cleaning would change. */
  filesToChange: number;
  /** Lines the dry run would remove (boilerplate, and meta unless keepMeta). */
  linesToRemove: number;
  /** Dumps the template index was learned from (0 = no templates). */
  templateDocuments: number;
  /** Files refused during the scan. */
  skipped: SkippedFile[];
  /**
   * Dumps holding a whole page that a converter joined into one line (the analysis' `stats.joined`), by path: cleaning
   * keeps or drops whole lines, so such a page keeps its noise (`kept`) or loses its article with it. They are cleaned
   * all the same; the dialog and the summary say so.
   */
  joined: JoinedFile[];
}

/** A dump whose converter joined the page into one line: its path and `stats.joined` (0-based line), with whether cleaning keeps it. */
export type JoinedFile = { path: string } & JoinedPage;

export interface CleanFolderSummary {
  folder: string;
  plan: CleanFolderPlan;
  /** False when the user declined the dry-run dialog (nothing written then). */
  confirmed: boolean;
  cancelled: boolean;
  /** Files written (closed files) or edited (open documents), relative paths. */
  cleaned: string[];
  /** Dumps that were already clean. */
  unchanged: number;
  /** Files not reached because of cancellation. */
  notProcessed: number;
  linesRemoved: number;
  /** Every file refused, during the scan or later, with the reason. */
  skipped: SkippedFile[];
  /** Open documents that were edited but left unsaved (they were dirty before). */
  unsaved: string[];
  ms: number;
  /** Milliseconds per phase: reading + templates, dry run, writing. */
  timings: { scan: number; dryRun: number; apply: number };
  /**
   * Dumps analysed a second time while writing: those whose cleaned text the dry run could not keep (past the
   * memory budget, `keepTextChars`); the others are written as the dry run cleaned them.
   */
  reanalysed: number;
  /** Where the dumps were analysed: the command's worker thread, or the extension host (no worker possible). */
  analysedIn: CleanerKind;
}

interface Candidate {
  uri: vscode.Uri;
  rel: string;
}

/** What the scan saw of a closed file (its text itself is kept by the cleaner, or read again). */
interface FileSeen {
  size: number;
  mtime: number;
  hash: string;
  encoding: DumpEncoding;
  /** Characters of its text. */
  chars: number;
}
interface ReadOk extends Omit<FileSeen, 'chars'> {
  ok: true;
  text: string;
}
interface ReadFail {
  ok: false;
  reason: string;
}
/** A big file read but not decoded: its bytes go to the cleaner's worker (`FolderCleaner.load`). */
interface ReadRaw {
  ok: true;
  raw: Uint8Array;
  size: number;
  mtime: number;
}

interface PlannedFile {
  uri: vscode.Uri;
  rel: string;
  /** Open document: the version seen by the dry run. */
  docVersion?: number;
  /** Closed file: what the scan read. */
  size?: number;
  mtime?: number;
  hash?: string;
  changes: boolean;
  removed: number;
  /**
   * The cleaned text, kept from the dry run (within the memory budget) and written as it is when the file or
   * document is still what the dry run read (same hash / same version); else it is cleaned again.
   */
  out?: string;
}

const SKIP_DIRS = new Set(['node_modules']);
/** Directory entries listed between two breaths of the event loop (~1,000 took the host ~5 ms). */
const LIST_BATCH = 1000;
const TMP_MARK = '.scraped-news-tmp';

function relPath(root: vscode.Uri, uri: vscode.Uri): string {
  const r = uri.path.slice(root.path.replace(/\/+$/, '').length).replace(/^\/+/, '');
  return r.length ? r : nodePath.posix.basename(uri.path);
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function isTxt(name: string): boolean {
  return /\.txt$/i.test(name) && !name.endsWith(TMP_MARK);
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** True when `child` (a real path) lies inside `root` (a real path). */
function inside(root: string, child: string): boolean {
  const rel = nodePath.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !nodePath.isAbsolute(rel));
}

async function realpathOrNull(uri: vscode.Uri): Promise<string | null> {
  if (uri.scheme !== 'file') return null;
  try {
    return await nodeFs.promises.realpath(uri.fsPath);
  } catch {
    return null;
  }
}

/**
 * File operations. Files on the local disk (`file:` URIs — the extension host runs in Node) go straight through
 * Node's fs, which is one to two orders of magnitude faster per call than `vscode.workspace.fs` in a remote
 * window (each call there is a round trip); other schemes go through `vscode.workspace.fs`. Same semantics:
 * `lstat` (a symbolic link is reported as such, never followed), temporary file created exclusively next to
 * the target, then renamed over it.
 */
interface Stat {
  type: vscode.FileType;
  size: number;
  mtime: number;
  readonly: boolean;
}

const isLocal = (uri: vscode.Uri) => uri.scheme === 'file';

async function statOf(uri: vscode.Uri): Promise<Stat> {
  if (isLocal(uri)) {
    const st = await nodeFs.promises.lstat(uri.fsPath);
    const type = st.isSymbolicLink() ? vscode.FileType.SymbolicLink : st.isDirectory() ? vscode.FileType.Directory : st.isFile() ? vscode.FileType.File : vscode.FileType.Unknown;
    return { type, size: st.size, mtime: st.mtimeMs, readonly: (st.mode & 0o222) === 0 };
  }
  const st = await vscode.workspace.fs.stat(uri);
  return { type: st.type, size: st.size, mtime: st.mtime, readonly: st.permissions !== undefined && (st.permissions & vscode.FilePermission.Readonly) !== 0 };
}

async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  return isLocal(uri) ? nodeFs.promises.readFile(uri.fsPath) : vscode.workspace.fs.readFile(uri);
}

async function readDir(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
  if (!isLocal(uri)) return vscode.workspace.fs.readDirectory(uri);
  const ents = await nodeFs.promises.readdir(uri.fsPath, { withFileTypes: true });
  return ents.map((e) => [
    e.name,
    e.isSymbolicLink()
      ? vscode.FileType.SymbolicLink
      : e.isDirectory()
        ? vscode.FileType.Directory
        : e.isFile()
          ? vscode.FileType.File
          : vscode.FileType.Unknown,
  ]);
}

/** List candidate `.txt` files; symbolic links are never followed, each is reported as skipped. */
async function listCandidates(
  root: vscode.Uri,
  recursive: boolean,
  skipped: SkippedFile[],
  token: vscode.CancellationToken,
): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const rootReal = await realpathOrNull(root);
  let listed = 0;
  const queue: vscode.Uri[] = [root];
  while (queue.length > 0 && !token.isCancellationRequested) {
    const dir = queue.shift()!;
    let entries: [string, vscode.FileType][];
    try {
      entries = await readDir(dir);
    } catch (e) {
      skipped.push({ path: relPath(root, dir) + '/', reason: `folder not readable: ${(e as Error).message}` });
      continue;
    }
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [name, type] of entries) {
      // a folder of tens of thousands of dumps: the host handles other events every LIST_BATCH entries
      if (++listed % LIST_BATCH === 0) await breathe();
      const uri = vscode.Uri.joinPath(dir, name);
      const isLink = (type & vscode.FileType.SymbolicLink) !== 0;
      const isDir = (type & vscode.FileType.Directory) !== 0;
      if (name.startsWith('.')) continue; // hidden files/folders (.git, editor backups, our temp files)
      if (isLink) {
        const target = await realpathOrNull(uri);
        let targetIsDir = isDir;
        if (target !== null) {
          try {
            targetIsDir = (await nodeFs.promises.stat(target)).isDirectory();
          } catch {
            /* dangling */
          }
        }
        if (!targetIsDir && !isTxt(name)) continue;
        const where =
          target === null || rootReal === null
            ? 'its target could not be resolved'
            : inside(rootReal, target)
              ? 'its target inside the folder is cleaned on its own'
              : 'it points outside the folder';
        skipped.push({ path: relPath(root, uri) + (targetIsDir ? '/' : ''), reason: `symbolic link not followed (${where})` });
        continue;
      }
      if (isDir) {
        if (recursive && !SKIP_DIRS.has(name)) queue.push(uri);
        continue;
      }
      if ((type & vscode.FileType.File) !== 0 && isTxt(name)) out.push({ uri, rel: relPath(root, uri) });
    }
  }
  out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return out;
}

/**
 * Reads a closed file; the cleaner decodes and hashes the bytes (a big file's in its worker). `raw`: a big file is
 * returned undecoded, for `FolderCleaner.load` (its text then never comes to the host).
 */
async function readClosedFile(uri: vscode.Uri, maxBytes: number, cleaner: FolderCleaner): Promise<ReadOk | ReadFail>;
async function readClosedFile(uri: vscode.Uri, maxBytes: number, cleaner: FolderCleaner, raw: boolean): Promise<ReadOk | ReadRaw | ReadFail>;
async function readClosedFile(uri: vscode.Uri, maxBytes: number, cleaner: FolderCleaner, raw = false): Promise<ReadOk | ReadRaw | ReadFail> {
  let st: Stat;
  try {
    st = await statOf(uri);
  } catch (e) {
    return { ok: false, reason: `not readable: ${(e as Error).message}` };
  }
  if ((st.type & vscode.FileType.SymbolicLink) !== 0) return { ok: false, reason: 'symbolic link not followed' };
  if ((st.type & vscode.FileType.File) === 0) return { ok: false, reason: 'not a regular file' };
  if (st.size > maxBytes) return { ok: false, reason: `too big (${formatBytes(st.size)}, limit ${formatBytes(maxBytes)})` };
  if (st.readonly) return { ok: false, reason: 'read-only file' };
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(uri);
  } catch (e) {
    return { ok: false, reason: `not readable: ${(e as Error).message}` };
  }
  if (raw && cleaner.decodesOff(bytes.length)) return { ok: true, raw: bytes, size: st.size, mtime: st.mtime };
  const dec = await cleaner.read(bytes);
  if ('reason' in dec) return { ok: false, reason: dec.reason };
  return { ok: true, text: dec.text, size: st.size, mtime: st.mtime, hash: dec.hash, encoding: dec.encoding };
}

/**
 * A progress notification updated at most every PROGRESS_MS (each update is a message to the window; one per file
 * cost more than reading a small file). `report(message, increment)`: the increments are summed until shown.
 */
const PROGRESS_MS = 100;
function throttled(progress: vscode.Progress<{ message?: string; increment?: number }>): (message: string, increment?: number, force?: boolean) => void {
  let last = -Infinity;
  let owed = 0;
  return (message, increment = 0, force = false) => {
    owed += increment;
    const now = Date.now();
    if (!force && now - last < PROGRESS_MS) return;
    last = now;
    progress.report(owed ? { message, increment: owed } : { message });
    owed = 0;
  };
}

/** A token cancelled when either is (the notification's Cancel button, or a script's token). */
function linked(a: vscode.CancellationToken, b: vscode.CancellationToken | undefined): vscode.CancellationToken {
  if (!b) return a;
  return {
    get isCancellationRequested() {
      return a.isCancellationRequested || b.isCancellationRequested;
    },
    onCancellationRequested: (listener, thisArg, disposables) => {
      const subs = [a.onCancellationRequested(listener, thisArg), b.onCancellationRequested(listener, thisArg)];
      const d = { dispose: () => subs.forEach((x) => x.dispose()) };
      disposables?.push(d);
      return d;
    },
  };
}

/** Let the event loop breathe between files so the extension host stays responsive. */
const breathe = () => new Promise<void>((r) => setImmediate(r));

/** Write `text` to `uri` through a temporary file next to it and a rename. */
async function writeAtomically(uri: vscode.Uri, text: string, encoding: DumpEncoding, cleaner: FolderCleaner): Promise<void> {
  const dir = vscode.Uri.joinPath(uri, '..');
  const base = nodePath.posix.basename(uri.path);
  const tmp = vscode.Uri.joinPath(dir, `.${base}.${crypto.randomBytes(4).toString('hex')}${TMP_MARK}`);
  const bytes = await cleaner.encode(text, encoding);
  if (isLocal(uri)) {
    let fh: nodeFs.promises.FileHandle | undefined;
    try {
      const mode = (await nodeFs.promises.lstat(uri.fsPath)).mode & 0o7777; // keep the permission bits
      fh = await nodeFs.promises.open(tmp.fsPath, 'wx', mode); // exclusive: never reuse an existing file
      await fh.writeFile(bytes);
      await fh.sync();
      await fh.close();
      fh = undefined;
      await nodeFs.promises.rename(tmp.fsPath, uri.fsPath);
    } catch (e) {
      await fh?.close().catch(() => undefined);
      await nodeFs.promises.rm(tmp.fsPath, { force: true }).catch(() => undefined);
      throw e;
    }
    return;
  }
  try {
    await vscode.workspace.fs.writeFile(tmp, bytes);
    await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
  } catch (e) {
    try {
      await vscode.workspace.fs.delete(tmp, { useTrash: false });
    } catch {
      /* the temporary file may not exist */
    }
    throw e;
  }
}

export interface CleanFolderDeps {
  /** Analysis options from the settings (user patterns…); templates are added by the command. */
  analyzeOptions?: (uri: vscode.Uri) => AnalyzeOptions;
  output?: vscode.OutputChannel;
}

/** The whole command; exported for tests and for other adapters. */
export async function cleanFolder(
  folder: vscode.Uri,
  options: CleanFolderOptions = {},
  deps: CleanFolderDeps = {},
): Promise<CleanFolderSummary> {
  const cleaner = new FolderCleaner({ inThread: options.inThread === true });
  try {
    return await cleanWith(cleaner, folder, options, deps);
  } finally {
    cleaner.dispose();
  }
}

async function cleanWith(cleaner: FolderCleaner, folder: vscode.Uri, options: CleanFolderOptions, deps: CleanFolderDeps): Promise<CleanFolderSummary> {
  const t0 = Date.now();
  const confirm = options.confirm !== false;
  const notify = options.notify !== false;
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // analysed for the clean it will write (the classifier's settle step keeps meta lines' context too); a dump that is
  // HTML markup is cleaned as the text it converts to (like Clean Article and the CLI)
  const keepMeta = options.keepMeta ?? readConfig(folder).keepMeta;
  const convertMarkup = options.convertMarkup ?? readConfig(folder).convertMarkup;
  const settingsOf = (uri: vscode.Uri): AnalyzeOptions => (deps.analyzeOptions ? deps.analyzeOptions(uri) : {});
  const folderName = nodePath.posix.basename(folder.path) || folder.toString();
  /** The cleaned text of a dump and the lines it drops (of the converted text, for HTML markup). */
  const cleanOf = (text: string, uri: vscode.Uri): Promise<Cleaned & { out: string }> => cleaner.clean(text, settingsOf(uri));
  // not awaited: the worker starts while the folder is listed (requests are answered in order; a failure to start
  // surfaces at the first request awaited)
  void cleaner.start({ convertMarkup, keepMeta }).catch(() => undefined);

  const skipped: SkippedFile[] = [];
  const plan: CleanFolderPlan = {
    folder: folder.toString(),
    files: 0,
    filesToChange: 0,
    linesToRemove: 0,
    templateDocuments: 0,
    skipped,
    joined: [],
  };
  const summary: CleanFolderSummary = {
    folder: folder.toString(),
    plan,
    confirmed: false,
    cancelled: false,
    cleaned: [],
    unchanged: 0,
    notProcessed: 0,
    linesRemoved: 0,
    skipped: [],
    unsaved: [],
    ms: 0,
    timings: { scan: 0, dryRun: 0, apply: 0 },
    reanalysed: 0,
    analysedIn: cleaner.kind,
  };
  const finish = () => {
    // files are written several at a time: listed in path order, not in the order they were done
    summary.cleaned.sort(byPath);
    summary.unsaved.sort(byPath);
    plan.joined.sort((a, b) => byPath(a.path, b.path));
    summary.skipped = skipped.slice();
    summary.ms = Date.now() - t0;
    return summary;
  };

  // ---- 1 + 2: scan, templates, dry run (cancellable progress) ----
  const planned: PlannedFile[] = [];
  const scanCancelled = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Scraped News: scanning ${folderName}`, cancellable: true },
    async (progress, progressToken) => {
      const token = linked(progressToken, options.cancellation);
      // Cancelling stops the analysis at once (a 50 MB dump's can take seconds): the worker is stopped, what was
      // asked of it is dropped, and nothing has been written yet.
      const abort = token.onCancellationRequested(() => cleaner.abort());
      try {
        return await scanAndDryRun(progress, token);
      } catch (e) {
        if (token.isCancellationRequested) return true;
        throw e;
      } finally {
        abort.dispose();
      }
    },
  );
  async function scanAndDryRun(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<boolean> {
    const candidates = await listCandidates(folder, options.recursive !== false, skipped, token);
    plan.files = candidates.length;
    // an open document (`doc`), or a closed file (`seen`) whose text the cleaner keeps under the id `kept`, or which
    // the dry run reads again (past the budget)
    const readable: { c: Candidate; doc?: vscode.TextDocument; seen?: FileSeen; kept?: number }[] = [];
    // texts kept (by the cleaner) between the two passes, up to a budget; the rest is read again (and compared)
    let keptChars = 0;
    const learn = options.templates !== false;
    const N = candidates.length;
    // pass 1: read, validate, learn templates (in the cleaner, while the next files are read)
    const learning = new Pipeline<void>(AHEAD_FILES, AHEAD_CHARS);
    const report = throttled(progress);
    // closed files are read IO_AHEAD ahead (results used in order; an open document is read from the editor)
    const reads: Promise<ReadOk | ReadRaw | ReadFail>[] = [];
    const readAhead = (j: number) => {
      if (j < N && reads[j] === undefined && !openDocument(candidates[j].uri)) {
        reads[j] = readClosedFile(candidates[j].uri, maxBytes, cleaner, true);
        reads[j].catch(() => undefined); // awaited below; a scan stopped early drops it
      }
    };
    for (let i = 0; i < N; i++) {
      if (token.isCancellationRequested) return true;
      const c = candidates[i];
      report(`reading ${i + 1} / ${N}`);
      for (let j = i; j < i + IO_AHEAD; j++) readAhead(j);
      const doc = openDocument(c.uri);
      if (doc) {
        delete reads[i]; // opened since it was read ahead: the editor's text is what counts
        readable.push({ c, doc });
        if (learn) {
          const text = doc.getText();
          await learning.push(cleaner.learn(text), text.length, () => undefined);
        }
        continue;
      }
      const got = await (reads[i] ?? readClosedFile(c.uri, maxBytes, cleaner, true));
      delete reads[i];
      if (!got.ok) {
        skipped.push({ path: c.rel, reason: got.reason });
        continue;
      }
      // counted for the templates and kept for the dry run by the cleaner, within the budget (a big file's bytes go to
      // its worker undecoded: its length in characters is at most its length in bytes)
      const keep = keptChars + ('raw' in got ? got.raw.length : got.text.length) <= (options.keepTextChars ?? KEEP_TEXT_CHARS);
      const how = { index: learn, keep: keep ? i : undefined };
      let seen: FileSeen;
      if ('raw' in got) {
        const l = await cleaner.load(got.raw, how);
        if ('reason' in l) {
          skipped.push({ path: c.rel, reason: l.reason });
          continue;
        }
        seen = { size: got.size, mtime: got.mtime, ...l };
      } else {
        if (learn || keep) await learning.push(cleaner.learn(got.text, how), got.text.length, () => undefined);
        seen = { size: got.size, mtime: got.mtime, hash: got.hash, encoding: got.encoding, chars: got.text.length };
      }
      if (keep) keptChars += seen.chars;
      readable.push({ c, seen, kept: how.keep });
      await breathe();
    }
    await learning.drain();
    plan.templateDocuments = await cleaner.useTemplates(learn);
    summary.timings.scan = Date.now() - t0;
    options.afterScan?.();
    // pass 2: dry run (the cleaned texts kept within the same budget, to be written without a second analysis)
    let keptOut = 0;
    const dryRun = new Pipeline<Cleaned>(AHEAD_FILES, AHEAD_CHARS);
    for (let i = 0; i < readable.length; i++) {
      if (token.isCancellationRequested) return true;
      const { c, doc, seen, kept } = readable[i];
      readable[i] = { c };
      report(`dry run ${i + 1} / ${readable.length}`, 0, i === 0);
      const docVersion = doc?.version;
      let cleaning: Promise<Cleaned>;
      let chars = seen?.chars ?? 0;
      if (kept !== undefined) cleaning = cleaner.cleanKept(kept, settingsOf(c.uri));
      else {
        // an open document's text now; a closed file past the budget read again, and still the scan's
        let text: string;
        if (doc) text = doc.getText();
        else {
          const again = await readClosedFile(c.uri, maxBytes, cleaner);
          if (!again.ok || again.hash !== seen!.hash) {
            skipped.push({ path: c.rel, reason: again.ok ? 'changed on disk during the scan; not touched' : again.reason });
            continue;
          }
          text = again.text;
        }
        chars = text.length;
        cleaning = cleanOf(text, c.uri);
      }
      await dryRun.push(cleaning, chars, ({ same, out, removed, joined }) => {
        if (joined) plan.joined.push({ path: c.rel, ...joined });
        const changes = !same;
        const keep = changes && keptOut + out!.length <= (options.keepTextChars ?? KEEP_TEXT_CHARS);
        if (keep) keptOut += out!.length;
        planned.push({
          uri: c.uri,
          rel: c.rel,
          docVersion,
          size: seen?.size,
          mtime: seen?.mtime,
          hash: seen?.hash,
          changes,
          removed,
          ...(keep ? { out } : {}),
        });
        if (changes) {
          plan.filesToChange++;
          plan.linesToRemove += removed;
        }
      });
      await breathe();
    }
    if (token.isCancellationRequested) return true;
    await dryRun.drain();
    summary.timings.dryRun = Date.now() - t0 - summary.timings.scan;
    return false;
  }
  if (scanCancelled) {
    summary.cancelled = true;
    summary.notProcessed = plan.files;
    return finish();
  }

  if (options.afterDryRun) await options.afterDryRun(plan);

  const toChange = planned.filter((p) => p.changes);
  summary.unchanged = planned.length - toChange.length;
  if (toChange.length === 0) {
    summary.confirmed = true;
    report(summary, folderName, notify, deps.output);
    return finish();
  }
  if (confirm) {
    const detail =
      `${toChange.length} of ${plan.files} .txt files will be rewritten; ${plan.linesToRemove} lines will be removed` +
      (plan.templateDocuments ? ` (site templates learned from ${plan.templateDocuments} dumps)` : '') +
      '.' +
      (skipped.length ? ` ${skipped.length} file(s) will be skipped.` : '') +
      (plan.joined.length ? ` ${plan.joined.length} file(s) hold a whole page that the converter joined into one line, which cleaning can only keep or drop whole (listed in the output "Scraped News: Clean Folder" afterwards).` : '') +
      ' Open documents are edited in the editor; closed files are rewritten on disk.';
    const choice = await vscode.window.showWarningMessage(
      `Clean ${toChange.length} dump(s) in "${folderName}"?`,
      { modal: true, detail },
      'Clean',
    );
    if (choice !== 'Clean') return finish();
  }
  summary.confirmed = true;

  // ---- 3: apply (cancellable progress n / N) ----
  const tApply = Date.now();
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Scraped News: cleaning ${folderName}`, cancellable: true },
    async (progress, progressToken) => {
      const token = linked(progressToken, options.cancellation);
      const N = toChange.length;
      // closed files are written IO_AHEAD at a time; an open document is edited alone (nothing else in flight)
      const inflight = new Set<Promise<void>>();
      const report = throttled(progress);
      let done = 0;
      try {
        for (let i = 0; i < N; i++) {
          // cancelling stops starting files; those already started are finished (each is cleaned or untouched)
          const cancelHook = options.cancelAfter !== undefined && i >= options.cancelAfter;
          if (token.isCancellationRequested || cancelHook) {
            summary.cancelled = true;
            summary.notProcessed = N - i;
            return;
          }
          const p = toChange[i];
          const open = p.docVersion !== undefined || openDocument(p.uri) !== undefined;
          if (open) await Promise.all(inflight);
          const run: Promise<void> = applyOne(p)
            .catch((e) => {
              skipped.push({ path: p.rel, reason: `not written: ${(e as Error).message}` });
            })
            .finally(() => {
              inflight.delete(run);
              report(`${++done} / ${N}`, 100 / N, done === N);
            });
          inflight.add(run);
          if (open || inflight.size >= IO_AHEAD) await Promise.race(inflight);
          await breathe();
        }
      } finally {
        await Promise.all(inflight);
      }
    },
  );
  summary.timings.apply = Date.now() - tApply;

  /** The cleaned text of a planned file whose text is still the dry run's: as the dry run kept it, else cleaned again. */
  async function cleanedForWriting(p: PlannedFile, text: string): Promise<{ out: string; removed: number }> {
    const kept = p.out;
    p.out = undefined; // written once: release it
    if (kept !== undefined) return { out: kept, removed: p.removed };
    summary.reanalysed++;
    return cleanOf(text, p.uri);
  }

  async function applyOne(p: PlannedFile): Promise<void> {
    const doc = openDocument(p.uri);
    if (p.docVersion !== undefined || doc) {
      if (!doc) {
        skipped.push({ path: p.rel, reason: 'closed in the editor since the dry run; run the command again' });
        return;
      }
      if (p.docVersion !== undefined && doc.version !== p.docVersion) {
        skipped.push({ path: p.rel, reason: 'changed in the editor since the dry run' });
        return;
      }
      if (p.docVersion === undefined) {
        skipped.push({ path: p.rel, reason: 'opened in the editor since the dry run; run the command again' });
        return;
      }
      const text = doc.getText();
      const { out, removed } = await cleanedForWriting(p, text); // the version checked above: the dry run's text
      if (doc.version !== p.docVersion) {
        skipped.push({ path: p.rel, reason: 'changed in the editor since the dry run' });
        return;
      }
      if (out === text) {
        summary.unchanged++;
        return;
      }
      const wasDirty = doc.isDirty;
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(text.length)), out);
      if (!(await vscode.workspace.applyEdit(edit))) {
        skipped.push({ path: p.rel, reason: 'the editor refused the edit' });
        return;
      }
      summary.cleaned.push(p.rel);
      summary.linesRemoved += removed;
      if (!wasDirty && options.saveOpenDocuments !== false) {
        if (!(await doc.save())) summary.unsaved.push(p.rel);
      } else summary.unsaved.push(p.rel);
      return;
    }
    // closed file: re-read, make sure it is what the scan read, write atomically (a big file whose cleaned text the
    // dry run kept is only hashed, by the worker: its text is not needed)
    const got = await readClosedFile(p.uri, maxBytes, cleaner, p.out !== undefined);
    if (!got.ok) {
      skipped.push({ path: p.rel, reason: got.reason });
      return;
    }
    const r = 'raw' in got ? await cleaner.load(got.raw, { index: false }) : got;
    if ('reason' in r) {
      skipped.push({ path: p.rel, reason: r.reason });
      return;
    }
    if (got.size !== p.size || got.mtime !== p.mtime || r.hash !== p.hash) {
      skipped.push({ path: p.rel, reason: 'changed on disk since it was read (dry run); not touched' });
      return;
    }
    // the hash checked above: the dry run's bytes, which it found to change (`text` only when not kept)
    const text = 'text' in r ? r.text : undefined;
    const { out, removed } = await cleanedForWriting(p, text ?? '');
    if (out === text) {
      summary.unchanged++;
      return;
    }
    // last check right before the rename: still the same file?
    const st = await statOf(p.uri);
    if (st.size !== p.size || st.mtime !== p.mtime) {
      skipped.push({ path: p.rel, reason: 'changed on disk since it was read (dry run); not touched' });
      return;
    }
    await writeAtomically(p.uri, out, r.encoding, cleaner);
    summary.cleaned.push(p.rel);
    summary.linesRemoved += removed;
  }

  report(summary, folderName, notify, deps.output);
  return finish();
}

/** The output channel's line for a dump whose page was joined into one line (the CLI's warning says the same). */
export function joinedText(j: JoinedFile): string {
  return `page joined into one line: ${j.path}, line ${j.line + 1} (${j.chars.toLocaleString('en-US')} characters) was ` +
    (j.kept ? 'kept whole, so the cleaned text still holds the page\'s noise' : 'removed whole, article included') +
    `: ${JOINED_CAUSE}, and cleaning keeps or drops whole lines. ${JOINED_FIX} and clean that.`;
}

function report(summary: CleanFolderSummary, folderName: string, notify: boolean, output?: vscode.OutputChannel): void {
  const skipped = summary.skipped.length ? summary.skipped : summary.plan.skipped;
  // the dry run's findings, for the files that were cleaned as it planned (not those skipped since, nor those a
  // cancel left untouched)
  const gone = new Set(skipped.map((s) => s.path));
  const done = new Set(summary.cleaned);
  const joined = summary.plan.joined.filter((j) => !gone.has(j.path) && (!summary.cancelled || done.has(j.path)));
  const head =
    `${summary.cancelled ? 'Cancelled: cleaned' : 'Cleaned'} ${summary.cleaned.length} dump(s) in "${folderName}", ` +
    `${summary.linesRemoved} line(s) removed` +
    (summary.unchanged ? `, ${summary.unchanged} already clean` : '') +
    (summary.cancelled ? `, ${summary.notProcessed} not processed (untouched)` : '') +
    (skipped.length ? `; skipped ${skipped.length}` : '') +
    (joined.length ? `; ${joined.length} hold a page joined into one line` : '') +
    '.';
  if (output) {
    output.appendLine(`[${new Date().toISOString()}] ${summary.folder}`);
    output.appendLine(head);
    for (const s of skipped) output.appendLine(`  skipped ${s.path}: ${s.reason}`);
    for (const j of joined) output.appendLine(`  ${joinedText(j)}`);
    for (const u of summary.unsaved) output.appendLine(`  edited, not saved: ${u}`);
  }
  if (!notify) return;
  const actions = (skipped.length || joined.length) && output ? [joined.length ? 'Show Details' : 'Show Skipped Files'] : [];
  void vscode.window.showInformationMessage(head, ...actions).then((c) => {
    if (c && output) output.show(true);
  });
}

/** Analysis options for a file on disk: the user's patterns (its folder's settings) and its kept lines. */
function settingsOptions(keep: KeepLinesStore): (uri: vscode.Uri) => AnalyzeOptions {
  // settings are read once per folder per run (resource-scoped settings differ at most per folder)
  const byDir = new Map<string, { patterns: string[]; unwrap: boolean }>();
  return (uri) => {
    const dir = vscode.Uri.joinPath(uri, '..').toString();
    let s = byDir.get(dir);
    if (!s) {
      if (byDir.size > 1000) byDir.clear();
      const cfg = readConfig(uri);
      s = { patterns: cfg.boilerplatePatterns, unwrap: cfg.unwrapLines };
      byDir.set(dir, s);
    }
    return { boilerplatePatterns: s.patterns, keepLines: keep.get(uri), unwrap: s.unwrap };
  };
}

/** Registers "Clean All Dumps in Folder…" (`scrapedNews.cleanFolder`). */
export function registerCleanFolder(context: vscode.ExtensionContext, _cache: AnalysisCache): void {
  const keep = new KeepLinesStore(context.workspaceState);
  context.subscriptions.push(keep);
  const output = vscode.window.createOutputChannel('Scraped News: Clean Folder');
  context.subscriptions.push(output, { dispose: stopIdleFolderWorker });
  context.subscriptions.push(
    vscode.commands.registerCommand(CLEAN_FOLDER_COMMAND, async (arg?: unknown, opts?: CleanFolderOptions) => {
      let folder = arg instanceof vscode.Uri ? arg : undefined;
      if (!folder) {
        const picked = await vscode.window.showOpenDialog({
          canSelectFolders: true,
          canSelectFiles: false,
          canSelectMany: false,
          openLabel: 'Clean Dumps in This Folder',
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        });
        folder = picked?.[0];
      }
      if (!folder) return undefined;
      try {
        const st = await vscode.workspace.fs.stat(folder);
        if ((st.type & vscode.FileType.Directory) === 0) {
          void vscode.window.showErrorMessage(`Scraped News: ${folder.fsPath || folder.toString()} is not a folder.`);
          return undefined;
        }
      } catch (e) {
        void vscode.window.showErrorMessage(`Scraped News: cannot read ${folder.toString()}: ${(e as Error).message}`);
        return undefined;
      }
      try {
        return await cleanFolder(folder, opts ?? {}, { analyzeOptions: settingsOptions(keep), output });
      } catch (e) {
        // e.g. the analysis worker ran out of memory: every file is either cleaned or untouched (atomic writes)
        const name = nodePath.posix.basename(folder.path) || folder.toString();
        const message = `Scraped News: cleaning "${name}" stopped: ${(e as Error).message}. Files already written are cleaned; the others are untouched.`;
        output.appendLine(`[${new Date().toISOString()}] ${folder.toString()}\n${message}`);
        void vscode.window.showErrorMessage(message);
        return undefined;
      }
    }),
  );
}
