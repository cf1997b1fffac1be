/**
 * The per-file work of `scraped-news clean`, shared by the main thread and the worker threads
 * (src/cli/worker.ts). Two phases:
 *   1. `load`: read + decode each file once (size/mtime/inode recorded from the same file descriptor), keep the
 *      text, and count its lines for the site-template index (a partial index per thread, merged by the
 *      main thread so that `--jobs N` sees exactly the index `--jobs 1` sees).
 *   2. `cleanTasks`: line labels (no entities, no quotes: src/cli/labels.ts), clean, write through a temporary
 *      file in the target directory + rename, after checking that the input did not change on disk since it
 *      was read. A task not read by this thread (moved here to balance the threads, or dropped from the cache)
 *      is read again and must still be the file phase 1 saw (`Task.seen`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { TemplateCounter } from '../core/templates';
import { splitLines } from '../core/lines';
import { lineKeyAt } from '../core/boilerplate/features';
import { textOf } from '../core/markup';
import { joinedPageOf, joinedKept, type JoinedPage } from '../core/joined';
import type { LineInfo, TemplateIndex } from '../core/types';
import { labelLines, cleanLabelled, removedLines } from './labels';
import { decodeBytes, encodeText, type DumpEncoding, warmDecoding } from './decode';
import { errorText } from './util';

export { errorText, mergeTemplateIndices } from './util';

export interface CleanSettings {
  keepMeta: boolean;
  /** Convert a dump that is HTML markup to text lines before anything else (default true). */
  convertMarkup?: boolean;
  /** Judge the paragraphs of a hard-wrapped dump whole (default true). */
  unwrap?: boolean;
  patterns: string[];
  /** Learn and use site templates. */
  templates: boolean;
  /** fsync the temporary file before the rename (on for --in-place). */
  fsync: boolean;
}

export interface LoadFailure {
  path: string;
  reason: string;
  /** Read errors are fatal (nothing is written); refused content (binary, bad encoding) only skips the file. */
  fatal: boolean;
}

/** What phase 1 saw of a file on disk. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ino: number;
  /** Line breaks in the text (an estimate of the cleaning cost; not compared). */
  lines?: number;
  /** The file is HTML markup, converted to text lines when read (reading it again converts it again; not compared). */
  converted?: boolean;
}

export interface Task {
  /** Index in the input order (results are reported in that order). */
  index: number;
  path: string;
  /** Where to write. Equal to the real path of `path` for --in-place. */
  target: string;
  inPlace: boolean;
  /** Set when another thread read the file in phase 1: what it saw (the file must still be that file). */
  seen?: FileStat;
}

export type { JoinedPage };

/** `stats.joined` of the labelled text (see TaskResult.joined), or undefined. Looks only at lines of 3,000+ characters. */
export function joinedOf(text: string, lines: readonly LineInfo[], keepMeta: boolean): JoinedPage | undefined {
  const j = joinedPageOf(text, lines);
  return j && joinedKept(j, lines, keepMeta);
}

export interface TaskResult {
  index: number;
  path: string;
  target: string;
  status: 'cleaned' | 'unchanged' | 'skipped';
  reason?: string;
  linesRemoved: number;
  bytesIn: number;
  bytesOut: number;
  /**
   * Set when a line of the (converted) text holds a whole page that a converter joined into one line: the analysis'
   * `stats.joined` (0-based line, its length, the kinds of page furniture in it), and whether the clean kept that line
   * (then the output still holds the page's noise) or removed it (then the article went with it). The file is cleaned
   * all the same (the line is kept or dropped whole); the CLI warns about it.
   */
  joined?: JoinedPage;
}

interface Loaded extends FileStat {
  text: string;
  encoding: DumpEncoding;
  /** The template counter's slot of each line (phase 1), for the lines' counts without their keys in phase 2. */
  slots?: Int32Array;
}

/** Files read in phase 1, kept for phase 2 unless the cache grows past this many UTF-16 code units. */
const CACHE_LIMIT_CHARS = 256 * 1024 * 1024;

export class Engine {
  private cache = new Map<string, Loaded | { error: string }>();
  private readonly stats = new Map<string, FileStat>();
  private cachedChars = 0;
  private tmpCounter = 0;
  /** Target directories known to exist (created or checked once per batch). */
  private readonly dirs = new Set<string>();

  constructor(private readonly settings: CleanSettings) {
    warmDecoding();
  }

  /**
   * Phase 1: read and decode; returns this thread's partial template index. `paths` may be a generator that
   * claims files as it goes (the batch's threads share one counter), so the index is built while reading.
   */
  load(paths: Iterable<string>): { partial: TemplateCounter | null; failures: LoadFailure[] } {
    const failures: LoadFailure[] = [];
    const counter = new TemplateCounter();
    for (const p of paths) {
      const r = this.read(p);
      if ('fatal' in r) {
        failures.push({ path: p, reason: r.reason, fatal: r.fatal });
        continue;
      }
      const cache = this.cachedChars + r.text.length <= CACHE_LIMIT_CHARS;
      if (cache) {
        this.cache.set(p, r);
        this.cachedChars += r.text.length;
      }
      if (this.settings.templates) {
        if (cache) r.slots = counter.add(r.text, true);
        else counter.add(r.text);
      }
    }
    return { partial: this.settings.templates ? counter : null, failures };
  }

  /** What phase 1 saw of `p` (size, mtime, inode), if this engine read it. */
  statOf(p: string): FileStat | undefined {
    return this.stats.get(p);
  }

  private read(p: string): Loaded | { reason: string; fatal: boolean } {
    let fd: number | undefined;
    try {
      fd = fs.openSync(p, 'r');
      const st = fs.fstatSync(fd);
      if (!st.isFile()) return { reason: 'not a regular file', fatal: true };
      const bytes = fs.readFileSync(fd);
      this.stats.set(p, { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino });
      const d = decodeBytes(bytes);
      if ('error' in d) return { reason: d.error, fatal: false };
      // a dump that is HTML markup: its text lines are what is counted, classified and cleaned
      const text = this.settings.convertMarkup !== false ? textOf(d.text) : d.text;
      let lines = 0;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
      const converted = text !== d.text ? { converted: true } : {};
      this.stats.set(p, { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, lines, ...converted });
      return { text, encoding: d.encoding, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, ...converted };
    } catch (e) {
      return { reason: errorText(e), fatal: true };
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  /** Phase 2: clean and write each task. `onDone` is called after each file (progress). */
  cleanTasks(tasks: readonly Task[], templates: TemplateIndex | null, onDone?: (r: TaskResult) => void, slotCounts?: Int32Array | null): TaskResult[] {
    const out: TaskResult[] = [];
    for (const t of tasks) {
      const r = this.cleanOne(t, templates, slotCounts);
      out.push(r);
      onDone?.(r);
    }
    return out;
  }

  /**
   * `slotCounts`: the merged count of each slot of this engine's template counter (util.mergeCounters); a file this
   * engine read in phase 1 then gets its lines' counts from their slots, the others look up their keys in `templates`.
   */
  cleanOne(task: Task, templates: TemplateIndex | null, slotCounts?: Int32Array | null): TaskResult {
    const res: TaskResult = { index: task.index, path: task.path, target: task.target, status: 'skipped', linesRemoved: 0, bytesIn: 0, bytesOut: 0 };
    let loaded = this.cache.get(task.path);
    if (loaded) {
      this.cache.delete(task.path);
      if ('text' in loaded) this.cachedChars -= loaded.text.length;
    } else {
      // Not in this thread's cache (read by another thread, or past the cache limit): read again; it must
      // still be the file phase 1 saw.
      const first = task.seen ?? this.stats.get(task.path);
      const r = this.read(task.path);
      if ('fatal' in r) return { ...res, reason: r.reason };
      if (first && !sameStat(first, r)) return { ...res, reason: 'changed on disk since it was read; left as it was' };
      loaded = r;
    }
    if ('error' in loaded) return { ...res, reason: loaded.error };
    res.bytesIn = loaded.size;
    let cleaned: string;
    try {
      const tpl = this.settings.templates ? templates : null;
      // each line's count in the index: from the slots of phase 1, else (a file read by another thread, or not
      // kept) from its key, here: the classifier then always gets the counts (one path through its code)
      const lineCounts = !tpl ? undefined : slotCounts && loaded.slots ? countsOfSlots(loaded.slots, slotCounts) : countsOfKeys(loaded.text, tpl);
      const labels = labelLines(loaded.text, { boilerplatePatterns: this.settings.patterns, templates: tpl, templateLineCounts: lineCounts, keepMeta: this.settings.keepMeta, unwrap: this.settings.unwrap });
      cleaned = cleanLabelled(loaded.text, labels, this.settings.keepMeta);
      res.linesRemoved = removedLines(labels.lines, this.settings.keepMeta);
      const joined = joinedOf(loaded.text, labels.lines, this.settings.keepMeta);
      if (joined) res.joined = joined;
    } catch (e) {
      return { ...res, reason: 'analysis failed: ' + errorText(e) };
    }
    if (task.inPlace && cleaned === loaded.text && !loaded.converted) {
      res.bytesOut = loaded.size;
      return { ...res, status: 'unchanged' };
    }
    const bytes = encodeText(cleaned, loaded.encoding);
    res.bytesOut = bytes.length;
    const w = this.writeAtomic(task, bytes, loaded);
    if (w) return { ...res, reason: w };
    return { ...res, status: 'cleaned' };
  }

  /** Write through a temporary file in the target directory + rename. Returns an error text or null. */
  private writeAtomic(task: Task, bytes: Uint8Array, loaded: Loaded): string | null {
    const dir = path.dirname(task.target);
    const tmp = path.join(dir, `.${path.basename(task.target)}.${process.pid}-${threadId}-${++this.tmpCounter}.scraped-news.tmp`);
    let fd: number | undefined;
    try {
      if (!this.dirs.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        this.dirs.add(dir);
      }
      let mode = 0o666;
      if (task.inPlace) mode = fs.statSync(task.target).mode & 0o7777;
      try {
        fd = fs.openSync(tmp, 'wx', mode);
      } catch (e) {
        // The folder went away since it was created: create it again, once.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        fs.mkdirSync(dir, { recursive: true });
        fd = fs.openSync(tmp, 'wx', mode);
      }
      let off = 0;
      while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
      if (this.settings.fsync) fs.fsyncSync(fd);
      fs.closeSync(fd);
      fd = undefined;
      // Changed on disk since we read it? Then leave everything as it was.
      const now = fs.statSync(task.path);
      if (!sameStat(loaded, now)) {
        safeUnlink(tmp);
        return 'changed on disk since it was read; left as it was';
      }
      fs.renameSync(tmp, task.target);
      return null;
    } catch (e) {
      if (fd !== undefined) try { fs.closeSync(fd); } catch { /* ignore */ }
      safeUnlink(tmp);
      return 'write failed: ' + errorText(e);
    }
  }
}

/** Each line's count in `templates` from its key (0 for a blank line or a key not in the index). */
export function countsOfKeys(text: string, templates: TemplateIndex): Int32Array {
  const lines = splitLines(text);
  const out = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const k = lineKeyAt(text, lines[i].start, lines[i].end);
    out[i] = k === '' ? 0 : templates.counts.get(k) ?? 0;
  }
  return out;
}

/** Each line's count from its slot (-1: not counted, 0). */
export function countsOfSlots(slots: Int32Array, slotCounts: Int32Array): Int32Array {
  const out = new Int32Array(slots.length);
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i];
    out[i] = s >= 0 ? slotCounts[s] : 0;
  }
  return out;
}

function sameStat(a: FileStat, b: FileStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

function safeUnlink(p: string): void {
  try { fs.unlinkSync(p); } catch { /* already gone */ }
}
