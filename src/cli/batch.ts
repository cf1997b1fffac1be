/**
 * Batch cleaning: phase 1 (read everything, learn site templates over the whole input set), then phase 2
 * (clean + write), in this thread alone (`--jobs 1`) or in this thread plus N-1 worker threads (dist/worker.js).
 *
 * - Phase 1 is shared dynamically: every thread claims the next few files from one counter in a
 *   SharedArrayBuffer, reads and decodes them and counts their lines (a partial template index per thread). The
 *   main thread works as one of the jobs, so it starts reading while the workers are still starting up.
 * - The partial indices (TemplateCounter, sent packed) are summed by the main thread (only lines found in two or more dumps are kept: the same
 *   labels, see mergeShared), so `--jobs N` uses exactly the index `--jobs 1` uses: same output. Each thread
 *   keeps the counter slot of every line of the files it read; the main thread sends it the merged count of each of
 *   its slots, so those files' lines get their counts without their keys being looked up (util.mergeCounters).
 * - Phase 2: each thread cleans the files it has read (their text is in its memory). The lists are first
 *   balanced by estimated cost (bytes + lines): files from the end of a heavy list move to a lighter thread.
 *   Then each thread claims the files of its list one by one from a shared counter per list, and a thread
 *   that has finished its list takes the next files of the others' lists. A file cleaned by a thread that did
 *   not read it is read again and must still be the file phase 1 saw (size, mtime, inode), else it is skipped.
 */
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { TemplateIndex } from '../core/types';
import type { CleanSettings, FileStat, LoadFailure, Task, TaskResult } from './engine';
import { mergeCounters, trace, type PackedCounter } from './util';

export interface BatchOutcome {
  results: TaskResult[];
  failures: LoadFailure[];
  templates: TemplateIndex | null;
}

export interface BatchHooks {
  /** Called with the number of files finished since the last call. */
  progress?: (n: number) => void;
  /** Called after phase 1; return false to stop before anything is written. */
  afterLoad?: (failures: LoadFailure[]) => boolean;
}

/**
 * The workers' young generation (MB; V8 keeps a third of it for each of its two semi-spaces): 12 MB, against
 * Node's 48 (two 16 MB semi-spaces). A worker's semi-spaces grow to their maximum within its first few hundred
 * dumps, and every page they touch for the first time is a page fault: ~6,000 fewer of them in a 1,000-dump run, on
 * machines where a fault costs ~16 µs of CPU (BENCHMARKS.md, Speed and scale, seventeenth session).
 */
const WORKER_YOUNG_GENERATION_MB = 12;

/** Files claimed at a time from the shared counter in phase 1. */
const CHUNK = 4;

/** Numbers per file in LoadedReply.stats. */
export const STAT_FIELDS = 5;

/** Worker replies of phase 1. */
export interface LoadedReply {
  partial: PackedCounter | null;
  failures: LoadFailure[];
  /** Task indices this worker read, in the order it read them. */
  owned: number[];
  /** size, mtimeMs, ino, lines, converted (1/0) per owned task (STAT_FIELDS each; -1 when the file could not be read). */
  stats: Float64Array;
}

class WorkerClient {
  private readonly w: Worker;
  private waiting: { resolve: (m: any) => void; reject: (e: Error) => void } | null = null;
  private failed: Error | null = null;
  onProgress: (n: number) => void = () => undefined;
  constructor(settings: CleanSettings) {
    this.w = new Worker(workerFile(), { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    this.w.on('message', (m: any) => {
      if (m.type === 'progress') return this.onProgress(m.n);
      const wt = this.waiting;
      this.waiting = null;
      if (!wt) return;
      if (m.type === 'error') wt.reject(new Error(m.message));
      else wt.resolve(m);
    });
    this.w.on('error', (e) => this.fail(e));
    this.w.on('exit', (code) => this.fail(new Error(`worker stopped (exit code ${code})`)));
  }
  private fail(e: Error): void {
    this.failed ??= e;
    const wt = this.waiting;
    this.waiting = null;
    wt?.reject(e);
  }
  request<T>(msg: object, transfer: ArrayBuffer[] = []): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.waiting = { resolve, reject };
      this.w.postMessage(msg, transfer);
    });
  }
  terminate(): Promise<number> {
    this.failed ??= new Error('worker stopped');
    return this.w.terminate();
  }
}

function workerFile(): string {
  return path.join(__dirname, 'worker.js');
}

/** Worker threads started ahead of time (while the main thread lists the input). */
export class WorkerPool {
  readonly clients: WorkerClient[] = [];
  constructor(private readonly settings: CleanSettings, n: number) {
    if (existsSync(workerFile())) for (let i = 0; i < n; i++) this.clients.push(new WorkerClient(settings));
  }
  /** Exactly `n` workers (more started, extra ones stopped). */
  take(n: number): WorkerClient[] {
    while (this.clients.length > n) void this.clients.pop()!.terminate();
    while (this.clients.length < n) this.clients.push(new WorkerClient(this.settings));
    return this.clients;
  }
  stop(): Promise<unknown> {
    return Promise.all(this.clients.splice(0).map((c) => c.terminate()));
  }
}

export async function runBatch(tasks: Task[], settings: CleanSettings, jobs: number, hooks: BatchHooks = {}, pool?: WorkerPool): Promise<BatchOutcome | null> {
  const threads = Math.min(jobs, tasks.length);
  // Without the worker bundle next to this file (e.g. the CLI bundled elsewhere), clean in this thread: same output.
  if (threads <= 1 || !existsSync(workerFile())) {
    await pool?.stop();
    return runInline(tasks, settings, hooks);
  }
  const p = pool ?? new WorkerPool(settings, 0);
  try {
    return await runThreads(tasks, settings, p.take(threads - 1), hooks);
  } finally {
    await p.stop();
  }
}

async function runInline(tasks: Task[], settings: CleanSettings, hooks: BatchHooks): Promise<BatchOutcome | null> {
  const { Engine } = require('./engine') as typeof import('./engine');
  const engine = new Engine(settings);
  const { partial, failures } = engine.load(tasks.map((t) => t.path));
  if (hooks.afterLoad && !hooks.afterLoad(failures)) return null;
  const merged = mergeCounters(partial);
  const templates = merged.templates;
  const failed = new Set(failures.map((f) => f.path));
  const results: TaskResult[] = [];
  let k = 0;
  for (const t of tasks) {
    if (failed.has(t.path)) continue;
    results.push(engine.cleanOne(t, templates, merged.own));
    hooks.progress?.(1);
    if ((++k & 31) === 0) await breathe();
  }
  return { results, failures, templates };
}

/** Let the event loop run (progress messages from the workers, the progress bar). */
function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function runThreads(tasks: Task[], settings: CleanSettings, workers: WorkerClient[], hooks: BatchHooks): Promise<BatchOutcome | null> {
  const { Engine } = require('./engine') as typeof import('./engine');
  const n = tasks.length;
  const paths = tasks.map((t) => t.path);
  const counter = new SharedArrayBuffer(4);
  const claimed = new Int32Array(counter);
  for (const w of workers) w.onProgress = (k) => hooks.progress?.(k);
  const pending = workers.map((w) => w.request<LoadedReply>({ type: 'load', paths, counter, chunk: CHUNK }));
  pending.forEach((p) => p.catch(() => undefined)); // awaited below; no unhandled rejection meanwhile

  // Phase 1, this thread's part.
  const engine = new Engine(settings);
  const mine: number[] = [];
  trace('phase 1 start');
  const own = engine.load(claim(claimed, n, CHUNK, paths, mine));
  trace(`phase 1 done (${mine.length} files)`);
  const loaded = await Promise.all(pending);
  trace('phase 1 replies in');

  const order = new Map(paths.map((p, i) => [p, i]));
  const failures = [own.failures, ...loaded.map((l) => l.failures)].flat().sort((a, b) => order.get(a.path)! - order.get(b.path)!);
  if (hooks.afterLoad && !hooks.afterLoad(failures)) return null;
  const merged = mergeCounters(own.partial, loaded.map((l) => l.partial));
  const templates = merged.templates;

  // Phase 2: each thread its own files, balanced by bytes.
  const failed = new Set(failures.map((f) => f.path));
  const stat: (FileStat | undefined)[] = new Array(n);
  for (const i of mine) stat[i] = engine.statOf(paths[i]);
  for (const l of loaded) {
    l.owned.forEach((i, k) => {
      const s = l.stats, o = STAT_FIELDS * k;
      if (s[o] >= 0) stat[i] = { size: s[o], mtimeMs: s[o + 1], ino: s[o + 2], lines: s[o + 3], ...(s[o + 4] === 1 ? { converted: true } : {}) };
    });
  }
  const lists = [mine, ...loaded.map((l) => l.owned)].map((owned) => owned.filter((i) => !failed.has(paths[i])).map((i) => ({ ...tasks[i], seen: stat[i] })));
  balance(lists, stat);
  trace(`merged ${templates ? templates.counts.size : 0} shared lines; phase 2 start (${lists.map((l) => l.length).join(' + ')} files)`);

  const counters = new SharedArrayBuffer(4 * lists.length);
  const cursors = new Int32Array(counters);
  // the shared index as one string + one array (a Map is cloned entry by entry)
  const packed = merged.packed;
  // each worker gets the merged counts of its counter's slots: the lines of the files it read need no key look-up
  const cleaning = workers.map((w, k) => {
    const slotCounts = merged.others[k];
    return w.request<{ results: TaskResult[] }>({ type: 'clean', lists, me: k + 1, counters, templates: packed, slotCounts }, slotCounts ? [slotCounts.buffer as ArrayBuffer] : []);
  });
  cleaning.forEach((p) => p.catch(() => undefined));
  const results: TaskResult[] = [];
  let k = 0;
  let stolen = 0;
  for (const { task, own } of claimTasks(lists, cursors, 0)) {
    results.push(engine.cleanOne(task, templates, merged.own));
    if (!own) stolen++;
    hooks.progress?.(1);
    if ((++k & 15) === 0) await breathe();
  }
  trace(`phase 2 done (${k} files, ${stolen} from other threads)`);
  for (const c of await Promise.all(cleaning)) for (const r of c.results) results.push(r);
  trace('phase 2 replies in');
  results.sort((a, b) => a.index - b.index);
  return { results, failures, templates };
}

/** Claims CHUNK task indices at a time from the shared counter; yields their paths and records the indices. */
export function* claim(counter: Int32Array, n: number, chunk: number, paths: readonly string[], owned: number[]): Generator<string> {
  for (;;) {
    const i = Atomics.add(counter, 0, chunk);
    if (i >= n) return;
    const end = Math.min(n, i + chunk);
    for (let j = i; j < end; j++) {
      owned.push(j);
      yield paths[j];
    }
  }
}

/** Phase 2 claims: this thread's list first, then the files left in the other lists (one counter per list). */
export function* claimTasks(lists: readonly (readonly Task[])[], cursors: Int32Array, me: number): Generator<{ task: Task; own: boolean }> {
  for (let d = 0; d < lists.length; d++) {
    const k = (me + d) % lists.length;
    for (;;) {
      const p = Atomics.add(cursors, k, 1);
      if (p >= lists[k].length) break;
      yield { task: lists[k][p], own: d === 0 };
    }
  }
}

/** Estimated cleaning cost of a file: the classifier's cost is about 4 µs per line plus 0.04 µs per byte. */
function cost(s: FileStat | undefined): number {
  return s ? s.size + 100 * (s.lines ?? s.size / 60) : 0;
}

/**
 * What reading a file again costs the thread it moves to, as a share of its cleaning cost: phase 1's work on it
 * (read, decode, count its lines' keys) is done again there. About half for a text file (the 1,000 corpus dumps: ~250
 * ms of phase 1 against ~500 ms of phase 2 on one warm thread); more for HTML, which is converted to text again (a
 * 55 MB HTML concatenation: ~4 s of phase 1 against ~2.7 s of cleaning).
 */
const REREAD_SHARE = 0.5;
const REREAD_SHARE_CONVERTED = 1.5;

/**
 * Balance the threads' lists by estimated cost before phase 2: files move from the heaviest list to the lightest,
 * smallest first, while that shortens the longest list, counting what the receiving thread pays to read each file
 * again. A file as big as the gap, or bigger, stays with the thread that read it (moving the one big file of a
 * folder to an idle thread made `--jobs 2` slower than `--jobs 1`). The lists keep their order (the order the
 * files were read in; processing the biggest files first was slower: they then met the least optimised code), and
 * a list's moved files come after its own, biggest first. Every task carries what phase 1 saw of the file
 * (`seen`), so a thread that reads it again can tell whether it changed meanwhile.
 */
export function balance(lists: Task[][], stat: readonly (FileStat | undefined)[]): void {
  const size = (t: Task) => cost(stat[t.index]);
  const reread = (t: Task) => size(t) * (stat[t.index]?.converted ? REREAD_SHARE_CONVERTED : REREAD_SHARE);
  // each list's files, smallest first (of equal ones, the last read first)
  const bySize = lists.map((l) => l.map((t, k) => ({ t, c: size(t), k })).sort((x, y) => x.c - y.c || y.k - x.k).map((x) => x.t));
  const next = lists.map(() => 0);
  const load = lists.map((l) => l.reduce((s, t) => s + size(t), 0));
  const moved = lists.map(() => [] as Task[]);
  // not worth a re-read below 2% of a thread's share (the threads also take files from each other at the end)
  const slack = (0.02 * load.reduce((a, b) => a + b, 0)) / lists.length;
  for (;;) {
    let hi = 0, lo = 0;
    for (let k = 1; k < lists.length; k++) {
      if (load[k] > load[hi]) hi = k;
      if (load[k] < load[lo]) lo = k;
    }
    // the heaviest list's smallest file not moved yet (files a list received are not moved on)
    const t = bySize[hi][next[hi]];
    if (!t || hi === lo || load[hi] - load[lo] <= slack) break;
    const s = size(t), r = reread(t);
    // moving t helps only if the lighter list, t's re-read included, stays lighter than the heavier one was (if the
    // smallest file does not fit, no other file of the list does)
    if (load[lo] + s + r >= load[hi]) break;
    next[hi]++;
    load[hi] -= s;
    load[lo] += s + r;
    moved[lo].push(t);
  }
  const gone = new Set(moved.flat());
  lists.forEach((l, k) => {
    const kept = l.filter((t) => !gone.has(t));
    l.length = 0;
    l.push(...kept, ...moved[k].reverse());
  });
}
