/** Small helpers shared by the CLI modules (no core import here: the main thread of a batch never loads the analyser). */
import type { TemplateIndex } from '../core/types';
import type { TemplateCounter } from '../core/templates';

/** A one-line, human error text for a thrown value (errno codes spelled out). */
export function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && err.code === 'ENOENT') return 'no such file or directory';
  if (err && (err.code === 'EACCES' || err.code === 'EPERM')) return 'permission denied';
  if (err && err.code === 'EISDIR') return 'is a directory';
  return (err && err.message ? err.message : String(e)).split('\n')[0];
}

/** Sum partial template indices (each counts, per normalised line, the dumps of its share that contain it). */
export function mergeTemplateIndices(parts: readonly (TemplateIndex | null)[]): TemplateIndex | null {
  const real = parts.filter((p): p is TemplateIndex => !!p);
  if (real.length === 0) return null;
  if (real.length === 1) return real[0];
  const counts = new Map<string, number>();
  let documents = 0;
  for (const p of real) {
    documents += p.documents;
    for (const [k, v] of p.counts) counts.set(k, (counts.get(k) ?? 0) + v);
  }
  return { documents, counts };
}

/**
 * Merge the partial indices of a batch's threads into one holding only the lines found in two or more dumps. The
 * classifier reads `max(0, count - 1)` per line (src/core/boilerplate templateContext), which is 0 for a count of 1
 * and for an absent line alike, so dropping the single-dump lines changes no label; it makes the index a fraction
 * of its size to send to the worker threads. `own` (this thread's counter) is added to.
 */
export function mergeShared(own: TemplateCounter | null, others: readonly (PackedCounter | null)[] = []): TemplateIndex | null {
  return mergeCounters(own, others).templates;
}

/**
 * mergeShared, plus the merged count of every slot of each counter (`own`: this thread's counter's slots, `others[k]`:
 * the slots of the k-th packed counter, null for a null one): a thread that kept the slots of its files' lines
 * (`TemplateCounter.add(text, true)`) gets each line's count from them without looking up its key.
 */
export function mergeCounters(own: TemplateCounter | null, others: readonly (PackedCounter | null)[] = []): { templates: TemplateIndex | null; packed: PackedIndex | null; own: Int32Array | null; others: (Int32Array | null)[] } {
  if (!own) return { templates: null, packed: null, own: null, others: others.map(() => null) };
  const slots = others.map((p) => (p ? own.addPacked(p.units, p.counts, p.documents, p.surrogates) : null));
  const counts = own.slotCounts();
  const packed = own.packedIndex(2); // the shared index, packed for the workers, and as a Map for this thread
  return { templates: unpackIndex(packed), packed, own: counts, others: slots.map((s) => (s ? countsOf(s, counts) : null)) };
}

function countsOf(slots: Int32Array, counts: Int32Array): Int32Array {
  const out = new Int32Array(slots.length);
  for (let i = 0; i < slots.length; i++) out[i] = counts[slots[i]];
  return out;
}

/**
 * Phase timestamps on stderr when SCRAPED_NEWS_TRACE is set (profiling the batch): milliseconds since the
 * main thread started, with the thread id and CPU time of the process.
 */
const traceOn = typeof process !== 'undefined' && !!process.env.SCRAPED_NEWS_TRACE;
export function trace(what: string): void {
  if (!traceOn) return;
  const { threadId } = require('node:worker_threads') as typeof import('node:worker_threads');
  const origin = Number(process.env.SCRAPED_NEWS_TRACE_ORIGIN ?? performance.timeOrigin);
  const cpu = process.cpuUsage();
  // this thread's own CPU time (Linux: utime + stime of /proc/thread-self/stat, in clock ticks of 10 ms)
  let own = '';
  try {
    const f = (require('node:fs') as typeof import('node:fs')).readFileSync('/proc/thread-self/stat', 'utf8');
    const v = f.slice(f.lastIndexOf(')') + 2).split(' ');
    own = `  thread cpu ${String((Number(v[11]) + Number(v[12])) * 10).padStart(5)} ms`;
  } catch { /* not Linux */ }
  process.stderr.write(`[trace t${threadId}] ${(performance.timeOrigin + performance.now() - origin).toFixed(0).padStart(5)} ms  process cpu ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(5)} ms${own}  ${what}\n`);
}
/**
 * With SCRAPED_NEWS_TRACE: the CPU time of every thread of the process by name (Linux /proc), e.g. the JavaScript
 * threads against V8's background threads (optimising compiler, concurrent GC) and libuv's.
 */
export function traceThreads(): void {
  if (!traceOn) return;
  const fs = require('node:fs') as typeof import('node:fs');
  try {
    const byName = new Map<string, number[]>();
    for (const t of fs.readdirSync('/proc/self/task')) {
      const f = fs.readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
      const name = f.slice(f.indexOf('(') + 1, f.lastIndexOf(')'));
      const v = f.slice(f.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(v[11]) + Number(v[12])) * 10;
      byName.set(name, [...(byName.get(name) ?? []), ms]);
    }
    process.stderr.write(`[trace threads] ${[...byName].map(([n, v]) => `${n}: ${v.reduce((a, b) => a + b, 0)} ms (${v.join('+')})`).join('; ')}\n`);
  } catch { /* not Linux */ }
}
if (traceOn && !process.env.SCRAPED_NEWS_TRACE_ORIGIN) process.env.SCRAPED_NEWS_TRACE_ORIGIN = String(performance.timeOrigin);

/**
 * A template index as one string of keys (a line key never holds a line break) and their counts: posting this
 * between threads is a copy of two buffers, where a Map is cloned entry by entry.
 */
export interface PackedIndex {
  documents: number;
  keys: string;
  counts: Int32Array;
}

/** A thread's counter in its packed form: the keys as code units, each followed by a line feed (no strings made). */
export interface PackedCounter {
  documents: number;
  units: Uint16Array;
  counts: Int32Array;
  /** Some key holds a surrogate code unit. */
  surrogates?: boolean;
}

/** A thread's counter in the packed form (straight from its arrays: no Map in between). */
export function packCounter(c: TemplateCounter | null): PackedCounter | null {
  return c ? c.packedUnits() : null;
}

function packedKeys(p: PackedIndex): string[] {
  const keys = p.counts.length ? p.keys.split('\n') : [];
  if (keys.length !== p.counts.length) throw new Error('template index: a line key holds a line break');
  return keys;
}

export function packIndex(t: TemplateIndex | null): PackedIndex | null {
  if (!t) return null;
  const keys: string[] = [];
  const counts = new Int32Array(t.counts.size);
  let i = 0;
  for (const [k, v] of t.counts) {
    keys.push(k);
    counts[i++] = v;
  }
  return { documents: t.documents, keys: keys.join('\n'), counts };
}

export function unpackIndex(p: PackedIndex | null): TemplateIndex | null {
  if (!p) return null;
  const keys = packedKeys(p);
  const counts = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) counts.set(keys[i], p.counts[i]);
  return { documents: p.documents, counts };
}

/** Bytes of input per thread before the default `--jobs` adds one, up to one thread fewer than the cores. */
const BYTES_PER_JOB = 4 * 1024 * 1024;
/** Bytes of input per core from which the default `--jobs` takes every core. */
const BYTES_PER_JOB_ALL_CORES = 12 * 1024 * 1024;

/**
 * The threads the default `--jobs` uses for `bytes` of input (in `files` files) on `cores` cores. Each thread pays
 * its own start-up and JIT warm-up (~0.8 s of CPU), and V8 compiles and collects garbage on background threads
 * besides: a single-threaded batch keeps ~1.3 cores busy. So the default adds a thread per BYTES_PER_JOB of input
 * up to one thread fewer than the cores, which leaves a core for that background work, and takes every core only
 * from BYTES_PER_JOB_ALL_CORES per core. On 2 cores (BENCHMARKS.md, 2026-11-29, `node bench/speed.mjs --cli-only
 * --jobs-ab --files N`): a second thread gained nothing on 1,000 dumps (13.6 MiB) for ~50% more CPU, 7-13% on 63.7 MiB.
 */
export function defaultJobs(bytes: number, files: number, cores: number): number {
  if (files < 16 || cores <= 1) return 1;
  if (bytes >= cores * BYTES_PER_JOB_ALL_CORES) return cores;
  return Math.max(1, Math.min(cores - 1, Math.floor(bytes / BYTES_PER_JOB)));
}
