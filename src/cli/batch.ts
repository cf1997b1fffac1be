/**
 * Batch cleaning: phase 1 (read everything, learn site templates over the whole input set), then phase 2
 * (clean + write), either in this thread (`--jobs 1`) or in N worker threads (dist/worker.js). Files are
 * split into N contiguous shares by size so each worker cleans the files it has already read; the template
 * index is merged from the workers' partial indices, so the output is the same for every N.
 */
import * as path from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { TemplateIndex } from '../core';
import type { CleanSettings, LoadFailure, Task, TaskResult } from './engine';
import { mergeTemplateIndices } from './util';

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

export async function runBatch(tasks: Task[], settings: CleanSettings, jobs: number, hooks: BatchHooks = {}): Promise<BatchOutcome | null> {
  // Without the worker bundle next to this file (e.g. the CLI bundled elsewhere), clean in this thread: same output.
  if (jobs <= 1 || tasks.length < 2 || !existsSync(path.join(__dirname, 'worker.js'))) return runInline(tasks, settings, hooks);
  return runWorkers(tasks, settings, Math.min(jobs, tasks.length), hooks);
}

function runInline(tasks: Task[], settings: CleanSettings, hooks: BatchHooks): BatchOutcome | null {
  // Loaded on demand: with worker threads the main thread never loads the analyser (and its NLP library).
  const { Engine } = require('./engine') as typeof import('./engine');
  const engine = new Engine(settings);
  const { partial, failures } = engine.load(tasks.map((t) => t.path));
  if (hooks.afterLoad && !hooks.afterLoad(failures)) return null;
  const failed = new Set(failures.map((f) => f.path));
  const results = engine.cleanTasks(tasks.filter((t) => !failed.has(t.path)), partial, () => hooks.progress?.(1));
  return { results, failures, templates: partial };
}

/** Split tasks into `n` contiguous shares of about equal total size (input order kept inside each share). */
function shares(tasks: Task[], n: number, sizes: number[]): Task[][] {
  const total = sizes.reduce((s, x) => s + x, 0) || 1;
  const out: Task[][] = Array.from({ length: n }, () => []);
  let acc = 0;
  for (let i = 0; i < tasks.length; i++) {
    const k = Math.min(n - 1, Math.floor((acc / total) * n));
    out[k].push(tasks[i]);
    acc += sizes[i];
  }
  return out.filter((s) => s.length > 0);
}

class WorkerClient {
  private readonly w: Worker;
  private waiting: { type: string; resolve: (m: any) => void; reject: (e: Error) => void } | null = null;
  constructor(settings: CleanSettings, onProgress: (n: number) => void) {
    this.w = new Worker(path.join(__dirname, 'worker.js'), { workerData: settings });
    this.w.on('message', (m: any) => {
      if (m.type === 'progress') return onProgress(m.n);
      const wt = this.waiting;
      this.waiting = null;
      if (!wt) return;
      if (m.type === 'error') wt.reject(new Error(m.message));
      else wt.resolve(m);
    });
    this.w.on('error', (e) => { const wt = this.waiting; this.waiting = null; wt?.reject(e); });
    this.w.on('exit', (code) => {
      const wt = this.waiting;
      this.waiting = null;
      wt?.reject(new Error(`worker stopped (exit code ${code})`));
    });
  }
  request<T>(msg: object): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting = { type: (msg as any).type, resolve, reject };
      this.w.postMessage(msg);
    });
  }
  terminate(): Promise<number> {
    return this.w.terminate();
  }
}

async function runWorkers(tasks: Task[], settings: CleanSettings, jobs: number, hooks: BatchHooks): Promise<BatchOutcome | null> {
  const sizes = tasks.map((t) => { try { return statSync(t.path).size; } catch { return 0; } });
  const parts = shares(tasks, jobs, sizes);
  const clients = parts.map(() => new WorkerClient(settings, (n) => hooks.progress?.(n)));
  try {
    const loaded = await Promise.all(
      clients.map((c, i) => c.request<{ partial: TemplateIndex | null; failures: LoadFailure[] }>({ type: 'load', paths: parts[i].map((t) => t.path) })),
    );
    const failures = loaded.flatMap((l) => l.failures);
    if (hooks.afterLoad && !hooks.afterLoad(failures)) return null;
    const templates = settings.templates ? mergeTemplateIndices(loaded.map((l) => l.partial)) : null;
    const failed = new Set(failures.map((f) => f.path));
    const cleaned = await Promise.all(
      clients.map((c, i) => c.request<{ results: TaskResult[] }>({ type: 'clean', tasks: parts[i].filter((t) => !failed.has(t.path)), templates })),
    );
    const results = cleaned.flatMap((c) => c.results).sort((a, b) => a.index - b.index);
    return { results, failures, templates };
  } finally {
    await Promise.all(clients.map((c) => c.terminate()));
  }
}
