/**
 * The one place where documents are analysed. Every feature reads the cached analysis of a document (per URI,
 * version and options key); it is dropped when the document closes.
 *
 * Where the analysis runs: in a Node `worker_threads` Worker (dist/analysisWorker.js, see analysisProtocol.ts),
 * off the extension host's main thread, which is shared with every other extension. The worker keeps one
 * incremental analyser per document; the host sends it only the edits since the version it has (or the full
 * text), and gets back a compact result (typed arrays for the line table) tagged with the request's generation
 * and the document version. A result that a newer request has overtaken, or whose version is no longer the
 * document's, is dropped. Where workers are unavailable (a web extension host, or the worker failed) the same
 * service runs in-thread, asynchronously. A worker that stops while analysing a document (out of memory), or an
 * analysis that throws twice (once more from the full text after the first error), leaves that document not
 * analysed (`failure(doc)`, with a message) instead of running it on the host thread.
 *
 * Reading:
 *  - `request(doc)`: ask for the analysis of the current version (no-op when cached or already asked);
 *    `onDidUpdate(doc)` fires when it arrives. Edits do not request by themselves: features debounce them.
 *  - `peek(doc)`: the complete analysis of the current version, or undefined (never computes).
 *  - `peekLines(doc)`: same, but also accepts the first, lines-only answer on a newly opened big document
 *    (quotes and entities still empty): enough for dimming and diagnostics.
 *  - `peekFocus(doc)`: before those, the labels of the pages on screen of a newly opened big file of several pages
 *    (`onDidFocus` fires when they come): enough to dim what is shown.
 *  - `ready(doc)`: promise of the complete analysis of the version current when it resolves (hover, code
 *    actions, outline, commands; Clean Article edits exactly that version).
 *  - `get(doc)`: synchronous; the cached analysis, or computed in-thread now (blocking: only for callers that
 *    cannot wait, e.g. the test API; hot paths use peek/request).
 * When a cached analysis becomes stale without an edit (a setting such as `scrapedNews.boilerplatePatterns`,
 * the folder templates or the file's kept lines changed), the cache requests the new analysis itself and
 * `onDidUpdate` fires when it arrives.
 */
import * as vscode from 'vscode';
import type { TextChange } from '../core/incremental';
import type { Analysis, AnalyzeOptions, TemplateIndex } from '../core/types';
import { decodeResult, type AnalyzeRequest, type CompactLines, type ServiceReply, type ServiceRequest } from './analysisProtocol';
import type { AnalysisService } from './analysisService';

// The analyser (and with it the entity model, ~1 s and ~30 MB to load) is loaded on the host only when it is
// needed there: in-thread fallback or a synchronous `get`. With the worker it lives in the worker only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadService = () => (require('./analysisService') as typeof import('./analysisService')).AnalysisService;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadAnalyzer = () => (require('../core/incremental') as typeof import('../core/incremental')).IncrementalAnalyzer;
import type { ConfigReader } from './configuration';
import type { KeepLinesStore } from './keepLines';
import { lineWindow, VISIBLE_MARGIN } from './visibleWindow';

/** Known text lengths per document version (kept up to date from the change events: see `noteLengthChange`). */
const lengths = new WeakMap<vscode.TextDocument, { version: number; length: number }>();

/** The file name of a document, for messages. */
export function docName(doc: vscode.TextDocument): string {
  return doc.uri.path.split('/').pop() || doc.uri.toString();
}

/**
 * Length of the document text without materialising it. Memoised per version and updated from the edits:
 * computing it (`offsetAt` of the end) makes VS Code recompute its line-offset table after every edit, ~20 ms
 * on a 100k-line document.
 */
export function documentLength(doc: vscode.TextDocument): number {
  const known = lengths.get(doc);
  if (known && known.version === doc.version) return known.length;
  const last = doc.lineAt(doc.lineCount - 1);
  const length = doc.offsetAt(last.range.end);
  lengths.set(doc, { version: doc.version, length });
  return length;
}

/** Carries a document's known length over an edit (one change event per version). */
export function noteLengthChange(ev: vscode.TextDocumentChangeEvent): void {
  const known = lengths.get(ev.document);
  if (!known) return;
  if (known.version !== ev.document.version - 1) {
    lengths.delete(ev.document);
    return;
  }
  let length = known.length;
  for (const c of ev.contentChanges) length += c.text.length - c.rangeLength;
  lengths.set(ev.document, { version: ev.document.version, length });
}

/** More queued edits than this (e.g. a huge replace-all) and the next request sends the full text. */
const MAX_PENDING = 10000;
/** Full-text requests for documents longer than this get the line labels first, quotes and entities after. */
const TWO_PHASE_CHARS = 100_000;
/** Lines per slice when reading the full text of a big document for the worker (one slice per host task). */
const TEXT_SLICE_LINES = 5_000;
/** Documents of more lines whose length is not known yet are read in slices (their length comes from the text). */
const SMALL_LINES = 2_000;
/** `ready()` shows a progress spinner in the status bar when it has waited this long for the worker (ms). */
const PROGRESS_AFTER_MS = 400;
/** `ready()` gives up waiting for the worker after this long and analyses in-thread. */
const READY_TIMEOUT_MS = 60_000;
/**
 * Analysis workers started after one stopped by itself (ran out of memory, crashed) with no busy document to blame,
 * in one session; after that the documents are analysed on the extension host thread. (A stop with a document to
 * blame marks that document not analysed and does not count: it cannot happen twice for one document.)
 */
const MAX_WORKER_RESTARTS = 3;

/** Site templates of a document's folder (folderTemplates.ts): undefined while learning, null when none. */
export interface TemplateSource {
  getTemplates(uri: vscode.Uri): TemplateIndex | null | undefined;
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

export interface CacheStats {
  /** `get`/`peek` calls answered from the cache. */
  hits: number;
  /** `get` calls that had to analyse in-thread. */
  misses: number;
  /** Complete analyses received or computed. */
  analyses: number;
  /** Of those, how many were incremental updates of a previous analysis (edits or option changes). */
  incremental: number;
  /** Duration of the last analysis in ms (in the worker, or in-thread). */
  lastMs: number;
  /** Duration of the last lines-only first answer in ms (newly opened big documents). */
  lastLinesMs: number;
  /** CPU time of the worker thread in those two (ms; -1 when unknown, e.g. in-thread or not on Linux). */
  lastCpuMs: number;
  lastLinesCpuMs: number;
  /**
   * Time and worker CPU (ms, since the analysis started) of the last `focus` answer: the labels of a newly opened
   * big document's visible pages, sent before the others when the document is read page by page, or their estimate
   * when it is read as one page (AnalyzeOptions.focus); -1 when none came for the last big document read in slices.
   */
  lastFocusMs: number;
  lastFocusCpuMs: number;
  /**
   * The last big document read in slices (performance.now() in the host, ms; -1 before any): when its reading
   * started, when its analysis request went out with the last slice, when the worker's first labels (`lines` or
   * `focus`) arrived, and when the labels of the whole document did (`lines`). The perf test reports them against
   * the document's opening.
   */
  lastReadAt: number;
  lastPostedAt: number;
  lastFirstLabelsAt: number;
  lastLabelsAt: number;
  /** Times `ready()` (a command waiting for an analysis) showed its progress spinner. */
  progressShown: number;
  /** Host (main thread) time of handling the last worker answer in ms: decoding and the update listeners. */
  lastHostMs: number;
  /** Longest such host time so far in ms, and its parts: decoding the answer, and the `onDidUpdate` listeners. */
  maxHostMs: number;
  maxDecodeMs: number;
  maxListenersMs: number;
  /** Documents currently cached. */
  documents: number;
  /** Where analyses run: `worker` (worker thread) or `inline` (extension host thread). */
  backend: 'worker' | 'inline';
  /** Analysis workers started again after one stopped (ran out of memory, crashed) or the memory limit changed. */
  workerRestarts: number;
  /** Open documents not analysed because the worker stopped while it analysed them (see `failure`). */
  failedDocuments: number;
  /** Heap used by the worker's isolate in bytes, as of its last answer (0 in-thread). */
  workerHeapUsed: number;
  /** The pages the last complete analysis classified and reused (see `AnalysisResult.pages`). */
  lastPages: { classified: number; reused: number; cleanedReused: number };
  /**
   * Longest host (main thread) time so far in ms per named task: `request` (sending text or edits to the
   * worker), `reply:lines` / `reply:full` (handling an answer, listeners included), and what the features report
   * through `recordHostTask` (`decorations`, `diagnostics`, `statusBar`, `outline`).
   */
  hostTasks: Record<string, number>;
  /** When the longest task of each name ran: [start, end] in `performance.now()` ms (to line it up with GC pauses). */
  hostTaskSpans: Record<string, [number, number]>;
  /**
   * The host thread's own CPU time during the longest task of each name, in ms, while `trackTaskCpu(true)` (Linux;
   * empty otherwise): a task whose wall time is much longer than this waited for a core (the machine was busy). The
   * clock moves in scheduler ticks (4 ms at HZ=250), so it tells a 50 ms task that worked from one that waited, not
   * a 3 ms task from a 5 ms one.
   */
  hostTaskCpu: Record<string, number>;
}

interface Backend {
  readonly kind: 'worker' | 'inline';
  post(req: ServiceRequest): void;
  dispose(): void;
}

/** The service on the extension host thread, one request per macrotask (web hosts, or after a worker failure). */
class InlineBackend implements Backend {
  readonly kind = 'inline';
  private readonly service: AnalysisService;
  private disposed = false;
  constructor(onReply: (r: ServiceReply) => void) {
    const Service = loadService();
    this.service = new Service((r) => setTimeout(() => !this.disposed && onReply(r), 0));
  }
  post(req: ServiceRequest): void {
    setTimeout(() => !this.disposed && this.service.handle(req), 0);
  }
  dispose(): void {
    this.disposed = true;
  }
}

/**
 * A Node worker thread running dist/analysisWorker.js, or undefined where that is not possible. `memoryLimitMb` > 0:
 * the most its JavaScript heap may hold (`scrapedNews.analysisMemoryLimitMB`); an analysis that needs more stops the
 * worker (`ERR_WORKER_OUT_OF_MEMORY`), not the extension host.
 */
function createWorkerBackend(onReply: (r: ServiceReply) => void, onFail: (err: Error) => void, memoryLimitMb = 0): Backend | undefined {
  try {
    if (typeof process === 'undefined' || !process.versions?.node || process.env.SCRAPED_NEWS_ANALYSIS_WORKER === 'off') return undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const wt = require('worker_threads') as typeof import('worker_threads');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('fs') as typeof import('fs');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const path = require('path') as typeof import('path');
    const file = path.join(__dirname, 'analysisWorker.js');
    if (!fs.existsSync(file)) return undefined;
    const worker = new wt.Worker(file, { name: 'scraped-news-analysis', resourceLimits: memoryLimitMb > 0 ? { maxOldGenerationSizeMb: memoryLimitMb } : undefined });
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      onFail(err);
    };
    worker.on('message', (r: ServiceReply) => !failed && onReply(r));
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`analysis worker exited (code ${code})`)));
    worker.unref();
    return {
      kind: 'worker',
      post: (req) => worker.postMessage(req),
      dispose: () => {
        failed = true;
        void worker.terminate();
      },
    };
  } catch {
    return undefined;
  }
}

interface Entry {
  doc: vscode.TextDocument;
  /** The analysis on the host: its version, options key, and whether quotes/entities are in (`complete`). */
  version: number;
  key: string;
  analysis: Analysis | undefined;
  complete: boolean;
  /** Options changed since `analysis` (a new request is on its way). */
  stale: boolean;
  /** What the service has for this document (after the last request sent), or undefined (send the full text). */
  sent: { version: number; key: string } | undefined;
  /** Edits since `sent.version`, in order; null when too many or out of sync (full text next). */
  pending: TextChange[] | null;
  /** Document version after the last pending edit. */
  pendingVersion: number;
  /** Generation of the last request sent; answers of older generations are dropped. */
  gen: number;
  /** The last request is still unanswered (version and key it asked for). */
  inflight: { version: number; key: string } | undefined;
  /** `ready()` calls waiting for the next answer. */
  waiters: (() => void)[];
  /** Version whose full text is being read in slices (postWithText); the request goes out after that. */
  reading?: number;
  /** The labels of the visible pages, or their estimate (a `focus` reply), until the line labels of that version arrive. */
  focus?: FocusLabels;
  /**
   * Why this document is not analysed: the worker stopped while analysing it (e.g. out of memory), or its analysis
   * threw twice. Its requests are not sent again (nor run on the host thread) until it is reopened or the memory
   * limit changes (or, when it threw, until a setting or its kept lines change).
   */
  failed?: string;
  /** `failed` because its analysis threw (not because the worker stopped): a setting or kept-lines change tries again. */
  failedByError?: boolean;
  /** The version whose analysis threw once: it was asked for again from the full text (a second error fails it). */
  erredVersion?: number;
}

/** The labels of lines `firstLine`.. of a document version (see `AnalysisCache.peekFocus`). */
export interface FocusLabels {
  version: number;
  firstLine: number;
  lines: CompactLines;
}

/**
 * The lines a newly opened document shows, with the margin decorations use (the top of the document when no editor
 * shows it yet): the worker labels the pages holding them first.
 */
function focusLines(doc: vscode.TextDocument): [number, number] {
  const ranges: vscode.Range[] = [];
  for (const ed of vscode.window.visibleTextEditors) if (ed.document === doc) ranges.push(...ed.visibleRanges);
  const w = lineWindow(ranges, doc.lineCount, VISIBLE_MARGIN);
  return [w[0], w[1]];
}

export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<vscode.TextDocument>();
  readonly onDidUpdate: vscode.Event<vscode.TextDocument> = this.emitter.event;
  private readonly focusEmitter = new vscode.EventEmitter<vscode.TextDocument>();
  /** The labels of a newly opened big document's visible pages (or their estimate) arrived (`peekFocus`), before any analysis. */
  readonly onDidFocus: vscode.Event<vscode.TextDocument> = this.focusEmitter.event;
  private readonly subs: vscode.Disposable[] = [];
  private readonly counters = { hits: 0, misses: 0, analyses: 0, incremental: 0, lastMs: 0, lastLinesMs: 0, lastCpuMs: -1, lastLinesCpuMs: -1, lastFocusMs: -1, lastFocusCpuMs: -1, lastReadAt: -1, lastPostedAt: -1, lastFirstLabelsAt: -1, lastLabelsAt: -1, progressShown: 0, lastHostMs: 0, maxHostMs: 0, maxDecodeMs: 0, maxListenersMs: 0, workerHeapUsed: 0, lastPages: { classified: 0, reused: 0, cleanedReused: 0 } };
  /** The document of lastReadAt (its answers alone set lastFirstLabelsAt). */
  private lastRead = '';
  private readonly hostTasks: Record<string, number> = {};
  private readonly hostTaskSpans: Record<string, [number, number]> = {};
  private readonly hostTaskCpu: Record<string, number> = {};
  /** Thread CPU clock of the host (trackTaskCpu), or undefined when off or unavailable. */
  private threadClock: (() => number) | undefined;
  private disposed = false;
  /** Identity of each template index in the options key. */
  private readonly templateIds = new WeakMap<TemplateIndex, number>();
  private nextTemplateId = 1;
  private backend: Backend;
  private workerRestarts = 0;
  /** Of those, the ones after a worker stopped by itself with no document to blame (at most MAX_WORKER_RESTARTS). */
  private crashRestarts = 0;
  /** The memory limit the current worker was started with (MB, 0 = Node's default). */
  private workerLimit = 0;
  /** Messages shown about documents that were not analysed (test API). */
  readonly failureMessages: string[] = [];

  constructor(
    private readonly config: ConfigReader,
    private readonly keep?: KeepLinesStore,
    private readonly templates?: TemplateSource,
  ) {
    this.backend = this.startWorker() ?? new InlineBackend((r) => this.onReply(r));
    this.subs.push(
      vscode.workspace.onDidCloseTextDocument((d) => this.delete(d.uri)),
      vscode.workspace.onDidChangeTextDocument((ev) => {
        if (ev.contentChanges.length) noteLengthChange(ev);
        // Queue the edits (cheap); they are sent with the next request (after the debounce).
        const e = this.entries.get(ev.document.uri.toString());
        if (!e || ev.contentChanges.length === 0) return;
        if (e.pending && e.pendingVersion === ev.document.version - 1 && e.pending.length + ev.contentChanges.length <= MAX_PENDING) {
          for (const c of ev.contentChanges) e.pending.push({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text });
        } else {
          e.pending = null;
        }
        e.pendingVersion = ev.document.version;
      }),
      config.onDidChange((change) => {
        // (an event that leaves the value as it was, e.g. the settings file written again, restarts nothing)
        if (change.affects('analysisMemoryLimitMB') && this.config.get().analysisMemoryLimitMB !== this.workerLimit) this.restartWorker();
        for (const e of [...this.entries.values()]) {
          if (change.affects('boilerplatePatterns', e.doc.uri) || change.affects('entities.maxDocumentLength', e.doc.uri) || change.affects('keepMeta', e.doc.uri) || change.affects('unwrapLines', e.doc.uri)) {
            this.invalidate(e.doc, true);
          }
        }
      }),
    );
    if (templates) {
      this.subs.push(
        templates.onDidChange((folder) => {
          const prefix = folder.toString().replace(/\/?$/, '/');
          for (const e of [...this.entries.values()]) if (e.doc.uri.toString().startsWith(prefix)) this.invalidate(e.doc);
        }),
      );
    }
    if (keep) {
      this.subs.push(
        keep.onDidChange((uri) => {
          const e = this.entries.get(uri.toString());
          if (e) this.invalidate(e.doc, true);
        }),
      );
    }
  }

  /** The analysis options for a document: settings of its folder + the lines the user kept in that file. */
  optionsFor(doc: vscode.TextDocument): AnalyzeOptions {
    const cfg = this.config.get(doc.uri);
    return {
      quotes: true,
      scareQuotes: true,
      entities: cfg.entitiesMaxLength > 0 && documentLength(doc) <= cfg.entitiesMaxLength,
      boilerplatePatterns: cfg.boilerplatePatterns,
      keepLines: this.keep ? this.keep.get(doc.uri) : [],
      templates: this.templates?.getTemplates(doc.uri) ?? null,
      // Clean Article writes clean(text, analysis, { keepMeta }): the classifier's settle step must know
      keepMeta: cfg.keepMeta,
      unwrap: cfg.unwrapLines,
    };
  }

  private keyOf(options: AnalyzeOptions): string {
    return JSON.stringify([options.entities, options.boilerplatePatterns, options.keepLines, this.templateId(options.templates), options.keepMeta === true, options.unwrap !== false]);
  }

  private templateId(t: TemplateIndex | null | undefined): number {
    if (!t) return 0;
    let id = this.templateIds.get(t);
    if (!id) this.templateIds.set(t, (id = this.nextTemplateId++));
    return id;
  }

  private entry(doc: vscode.TextDocument): Entry {
    const id = doc.uri.toString();
    let e = this.entries.get(id);
    if (!e) {
      e = {
        doc,
        version: -1,
        key: '',
        analysis: undefined,
        complete: false,
        stale: false,
        sent: undefined,
        pending: null,
        pendingVersion: doc.version,
        gen: 0,
        inflight: undefined,
        waiters: [],
      };
      if (!doc.isClosed) this.entries.set(id, e);
    }
    return e;
  }

  /** The host's analysis for the current version and options, if any (complete or, with `linesOk`, lines-only). */
  private current(doc: vscode.TextDocument, linesOk: boolean): Analysis | undefined {
    const e = this.entries.get(doc.uri.toString());
    if (!e || !e.analysis || e.stale || e.version !== doc.version || (!e.complete && !linesOk)) return undefined;
    if (e.key !== this.keyOf(this.optionsFor(doc))) return undefined;
    return e.analysis;
  }

  /** Complete analysis of the document's current version, without computing one. */
  peek(doc: vscode.TextDocument): Analysis | undefined {
    const a = this.current(doc, false);
    if (a) this.counters.hits++;
    return a;
  }

  /** Like `peek`, but a lines-only first answer (quotes and entities still empty) is fine too. */
  peekLines(doc: vscode.TextDocument): Analysis | undefined {
    return this.current(doc, true);
  }

  /**
   * The labels of the pages holding the visible lines of a newly opened big document (or, read as one page, their
   * estimate from the lines around them), when they have come and no analysis of the current version has: enough to
   * dim what is shown (decorations.ts).
   */
  peekFocus(doc: vscode.TextDocument): FocusLabels | undefined {
    const e = this.entries.get(doc.uri.toString());
    const f = e?.focus;
    if (!f || f.version !== doc.version || doc.isClosed) return undefined;
    if (e.analysis && e.version === doc.version) return undefined;
    return f;
  }

  /** Latest analysis by URI (may belong to an older version; for test APIs and views). */
  peekUri(uri: vscode.Uri): Analysis | undefined {
    return this.entries.get(uri.toString())?.analysis;
  }

  /**
   * Record the host time of a named task (the longest per name is kept; see `CacheStats.hostTasks`). `cpu0`: the
   * thread's CPU clock when the task started (`taskCpu()`), to record its CPU time too.
   */
  recordHostTask(name: string, ms: number, cpu0 = -1): void {
    if (ms <= (this.hostTasks[name] ?? -1)) return;
    this.hostTasks[name] = ms;
    const end = performance.now(); // called as the task ends
    this.hostTaskSpans[name] = [end - ms, end];
    if (cpu0 >= 0) this.hostTaskCpu[name] = this.taskCpu() - cpu0;
  }

  /** Run `task` and record its host time under `name` (also when it throws). */
  timeHostTask<T>(name: string, task: () => T): T {
    const t0 = performance.now();
    const c0 = this.taskCpu();
    try {
      return task();
    } finally {
      this.recordHostTask(name, performance.now() - t0, c0);
    }
  }

  /** The host thread's CPU clock in ms while `trackTaskCpu(true)` (Linux), else -1. */
  taskCpu(): number {
    return this.threadClock ? this.threadClock() : -1;
  }

  /**
   * Test API: also record each longest task's thread CPU time (`CacheStats.hostTaskCpu`), to tell a task that
   * worked from one that waited for a core. Off by default (a clock read is a file read). Returns whether the
   * platform has the clock.
   */
  trackTaskCpu(on: boolean): boolean {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.threadClock = on ? (require('./threadClock') as typeof import('./threadClock')).threadCpuClock() : undefined;
    return this.threadClock !== undefined;
  }

  /** Forget the recorded host times (test API: measure one phase, e.g. the edits of the perf test). */
  resetHostTasks(): void {
    for (const k of Object.keys(this.hostTasks)) delete this.hostTasks[k];
    for (const k of Object.keys(this.hostTaskSpans)) delete this.hostTaskSpans[k];
    for (const k of Object.keys(this.hostTaskCpu)) delete this.hostTaskCpu[k];
  }

  /** Ask for the analysis of the document's current version; `onDidUpdate` fires when it arrives. */
  request(doc: vscode.TextDocument): void {
    this.timeHostTask('request', () => this.send(doc));
  }

  private send(doc: vscode.TextDocument): void {
    if (this.disposed || doc.isClosed) return;
    const e = this.entry(doc);
    if (e.failed !== undefined) return; // it stopped the worker: not again (see Entry.failed)
    if (e.reading === doc.version) return; // its full text is being read: the request goes out after that
    const known = lengths.get(doc);
    const full = !(e.sent && e.pending && e.pendingVersion === doc.version);
    if (full && (!known || known.version !== doc.version) && doc.lineCount > SMALL_LINES) {
      // A big document of unknown length (newly opened): its length (for the options) and its text are read
      // in slices, in later tasks, and sent in parts (postWithText); nothing heavy in this task.
      this.startReading(e);
      return;
    }
    const options = this.optionsFor(doc);
    const key = this.keyOf(options);
    if (e.analysis && e.complete && !e.stale && e.version === doc.version && e.key === key) return;
    if (e.inflight && e.inflight.version === doc.version && e.inflight.key === key) return;
    const length = documentLength(doc);
    if (full && length > TWO_PHASE_CHARS) {
      this.startReading(e);
      return;
    }
    const req: AnalyzeRequest = { type: 'analyze', id: doc.uri.toString(), gen: ++e.gen, version: doc.version, optionsKey: key, length };
    if (!full) {
      if (e.sent!.version !== doc.version) {
        req.changes = e.pending!;
        req.baseVersion = e.sent!.version;
      }
      if (e.sent!.key !== key || e.stale) req.options = options;
    } else {
      req.text = doc.getText();
      req.options = options;
      req.twoPhase = false;
    }
    e.sent = { version: doc.version, key };
    e.pending = [];
    e.pendingVersion = doc.version;
    e.inflight = { version: doc.version, key };
    this.backend.post(req);
  }

  private startReading(e: Entry): void {
    const doc = e.doc;
    e.gen++;
    e.reading = doc.version;
    // what the service has is replaced by this text; edits meanwhile restart the reading
    e.sent = undefined;
    e.pending = null;
    e.pendingVersion = doc.version;
    e.inflight = undefined;
    this.counters.lastReadAt = performance.now();
    this.counters.lastPostedAt = this.counters.lastFirstLabelsAt = this.counters.lastLabelsAt = -1;
    this.counters.lastFocusMs = this.counters.lastFocusCpuMs = -1; // (a focus answer comes only for such a document)
    this.lastRead = doc.uri.toString();
    setTimeout(() => void this.postWithText(e, e.gen, doc.version), 0);
  }

  /**
   * Reads the document text in slices of TEXT_SLICE_LINES lines, one slice per macrotask, and posts each slice
   * to the service as a `text` part right away (`getText()` of a 5 MB document in one go blocked the host for
   * 30-50 ms, and posting the joined text copied 5 MB in one task); then, knowing the text's length, computes
   * the options and posts the `analyze` request, which the service answers from the joined parts. When the
   * document changed meanwhile, or a newer request went out, the reading stops and the current version is asked
   * for from scratch.
   */
  private async postWithText(e: Entry, gen: number, version: number): Promise<void> {
    const doc = e.doc;
    const id = doc.uri.toString();
    const n = doc.lineCount;
    let length = 0;
    let parts = 0;
    for (let line = 0; ; line += TEXT_SLICE_LINES) {
      if (line > 0) await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (this.disposed || doc.isClosed || e.gen !== gen) return;
      if (doc.version !== version || doc.lineCount !== n) {
        e.reading = undefined;
        this.request(doc);
        return;
      }
      if (line >= n) break;
      const t0 = performance.now();
      const c0 = this.taskCpu();
      const next = line + TEXT_SLICE_LINES;
      const text = doc.getText(new vscode.Range(line, 0, next < n ? next : n - 1, next < n ? 0 : doc.lineAt(n - 1).text.length));
      length += text.length;
      parts++;
      this.backend.post({ type: 'text', id, gen, text });
      this.recordHostTask('request:text-slice', performance.now() - t0, c0);
    }
    const t0 = performance.now();
    const c0 = this.taskCpu();
    e.reading = undefined;
    lengths.set(doc, { version, length });
    const options = this.optionsFor(doc);
    const key = this.keyOf(options);
    const twoPhase = !e.analysis && length > TWO_PHASE_CHARS;
    const req: AnalyzeRequest = { type: 'analyze', id, gen, version, optionsKey: key, length, textParts: parts, options, twoPhase };
    if (twoPhase) req.focus = focusLines(doc);
    e.sent = { version, key };
    e.pending = [];
    e.pendingVersion = version;
    e.inflight = { version, key };
    this.backend.post(req);
    this.counters.lastPostedAt = performance.now();
    this.recordHostTask('request:post-text', performance.now() - t0, c0);
  }

  /** The complete analysis of the version current when the promise resolves (waits for the worker). */
  async ready(doc: vscode.TextDocument): Promise<Analysis> {
    const t0 = Date.now();
    // a command waiting for a big document's analysis: a spinner in the status bar after PROGRESS_AFTER_MS
    let progressTimer: ReturnType<typeof setTimeout> | undefined;
    let endProgress: (() => void) | undefined;
    try {
      while (!this.disposed && !doc.isClosed && Date.now() - t0 < READY_TIMEOUT_MS) {
        const a = this.peek(doc);
        if (a) return a;
        this.throwIfFailed(doc);
        this.request(doc);
        const e = this.entries.get(doc.uri.toString());
        if (!e) break;
        progressTimer ??= setTimeout(() => (endProgress = this.showProgress(doc)), PROGRESS_AFTER_MS);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, READY_TIMEOUT_MS);
          e.waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return this.get(doc);
    } finally {
      if (progressTimer) clearTimeout(progressTimer);
      endProgress?.();
    }
  }

  /** Documents whose "analysing" progress is shown (one spinner per document, however many commands wait). */
  private readonly progressing = new Set<string>();

  /** Shows a window progress (status bar spinner) for `doc` until the returned function is called. */
  private showProgress(doc: vscode.TextDocument): (() => void) | undefined {
    const id = doc.uri.toString();
    if (this.disposed || this.progressing.has(id)) return undefined;
    this.progressing.add(id);
    this.counters.progressShown++;
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Scraped News: analysing ${docName(doc)}…` }, () => ended);
    return () => {
      this.progressing.delete(id);
      end();
    };
  }

  /**
   * Analysis of the document's current version: cached, or computed in-thread now. Blocking on big documents:
   * features use `peek`/`request`/`ready`; this is for synchronous callers (the test API) and the fallback.
   */
  get(doc: vscode.TextDocument): Analysis {
    const cached = this.peek(doc);
    if (cached) return cached;
    this.throwIfFailed(doc); // what stopped the worker would block (or stop) the extension host
    this.counters.misses++;
    const t0 = Date.now();
    const options = this.optionsFor(doc);
    const key = this.keyOf(options);
    const Analyzer = loadAnalyzer();
    const analysis = new Analyzer(options).reset(doc.getText());
    this.counters.analyses++;
    this.counters.lastMs = Date.now() - t0;
    this.counters.lastCpuMs = -1;
    if (!doc.isClosed) {
      const e = this.entry(doc);
      Object.assign(e, { version: doc.version, key, analysis, complete: true, stale: false });
      this.wake(e);
    }
    this.fireSoon(doc);
    return analysis;
  }

  delete(uri: vscode.Uri): void {
    const id = uri.toString();
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    this.backend.post({ type: 'close', id });
    this.wake(e);
  }

  /**
   * Mark a document's analysis stale (options changed) and request the new one (`onDidUpdate` fires with it).
   * `retryFailed` (a change the user made: a setting, kept lines): a document whose analysis threw is tried again,
   * as with other options it may not throw. (Not on a change of the folder's templates, which any file written
   * beside it causes: that would retry, and warn, again and again.)
   */
  invalidate(doc: vscode.TextDocument, retryFailed = false): void {
    const e = this.entries.get(doc.uri.toString());
    if (!e) return;
    e.stale = true;
    if (e.failedByError && retryFailed) {
      e.failed = e.failedByError = e.erredVersion = undefined;
      this.emitter.fire(doc); // the status bar and views stop saying "not analysed"
    }
    this.request(doc);
  }

  stats(): CacheStats {
    const { workerHeapUsed, ...c } = this.counters;
    const failedDocuments = [...this.entries.values()].filter((e) => e.failed !== undefined).length;
    return { ...c, documents: this.entries.size, backend: this.backend.kind, workerRestarts: this.workerRestarts, failedDocuments, workerHeapUsed, hostTasks: { ...this.hostTasks }, hostTaskSpans: { ...this.hostTaskSpans }, hostTaskCpu: { ...this.hostTaskCpu } };
  }

  private wake(e: Entry): void {
    for (const w of e.waiters.splice(0)) w();
  }

  private onReply(r: ServiceReply): void {
    if (this.disposed) return;
    const t0 = performance.now();
    const c0 = this.taskCpu();
    const e = this.entries.get(r.id);
    if (!e) return;
    const mine = r.gen === e.gen; // answer to the latest request (older ones were overtaken)
    if (mine && r.id === this.lastRead && (r.type === 'focus' || r.type === 'result') && this.counters.lastPostedAt >= 0) {
      if (this.counters.lastFirstLabelsAt < 0) this.counters.lastFirstLabelsAt = t0;
      if (r.type === 'result' && this.counters.lastLabelsAt < 0) this.counters.lastLabelsAt = t0;
    }
    if (r.type === 'resync' || r.type === 'error') {
      if (!mine) return;
      e.sent = undefined; // the service dropped its state: the full text goes next
      e.inflight = undefined;
      if (r.type === 'error') {
        // An exception in the analysis (a bug). Perhaps in the incremental state, so once more from the full text;
        // a second error fails the document: running it on the host thread would only throw there (or block it).
        const twice = e.erredVersion === r.version;
        console.warn(`Scraped News: the analysis of ${docName(e.doc)} failed in the ${this.backend.kind} (${r.message})${twice ? '' : '; analysing it again from the full text'}.`);
        if (twice) {
          this.markFailed(e, `its analysis failed (${r.message}), which is a bug in Scraped News: please report it, with the file if you can`, '', true);
          return;
        }
        e.erredVersion = r.version;
      }
      this.request(e.doc);
      return;
    }
    if (r.type === 'focus') {
      if (mine && !e.doc.isClosed && r.version === e.doc.version && !(e.analysis && e.version === r.version)) {
        e.focus = { version: r.version, firstLine: r.firstLine, lines: r.lines };
        this.counters.lastFocusMs = r.ms;
        this.counters.lastFocusCpuMs = r.cpuMs;
        this.focusEmitter.fire(e.doc);
      }
      this.recordHostTask('reply:focus', performance.now() - t0, c0);
      return;
    }
    if (r.phase === 'full') this.counters.workerHeapUsed = r.heapUsed;
    if (!mine) return;
    if (r.phase === 'full') {
      e.inflight = undefined;
      e.erredVersion = undefined;
    }
    const current = !e.doc.isClosed && r.version === e.doc.version;
    const have = e.analysis && e.complete && !e.stale && e.version === r.version && e.key === r.optionsKey;
    if (current && !have) {
      e.analysis = decodeResult(r);
      e.focus = undefined;
      const t1 = performance.now();
      this.counters.maxDecodeMs = Math.max(this.counters.maxDecodeMs, t1 - t0);
      e.version = r.version;
      e.key = r.optionsKey;
      e.complete = r.phase === 'full';
      e.stale = false;
      if (r.phase === 'full') {
        this.counters.analyses++;
        if (r.incremental) this.counters.incremental++;
        this.counters.lastMs = r.ms;
        this.counters.lastCpuMs = r.cpuMs;
        this.counters.lastPages = r.pages;
      } else {
        this.counters.lastLinesMs = r.ms;
        this.counters.lastLinesCpuMs = r.cpuMs;
      }
      this.emitter.fire(e.doc);
      this.counters.maxListenersMs = Math.max(this.counters.maxListenersMs, performance.now() - t1);
    }
    if (r.phase === 'full') this.wake(e);
    this.counters.lastHostMs = performance.now() - t0;
    this.recordHostTask(`reply:${r.phase}`, this.counters.lastHostMs, c0);
    this.counters.maxHostMs = Math.max(this.counters.maxHostMs, this.counters.lastHostMs);
  }

  /** Why `doc` is not analysed (the worker stopped while analysing it), or undefined. */
  failure(doc: vscode.TextDocument): string | undefined {
    return this.entries.get(doc.uri.toString())?.failed;
  }

  /** The sentence views and commands show for a document that is not analysed (see `failure`). */
  notAnalysedMessage(doc: vscode.TextDocument): string {
    return `Scraped News: ${docName(doc)} is not analysed: ${this.failure(doc) ?? 'no analysis'}. Reopen it to try again.`;
  }

  /**
   * `readyIfAnalysed` for a command: for a document that is not analysed it shows `notAnalysedMessage` (and
   * `more`, if given) as a warning and returns undefined.
   */
  async readyOrWarn(doc: vscode.TextDocument, more = ''): Promise<Analysis | undefined> {
    const a = await this.readyIfAnalysed(doc);
    if (!a) void vscode.window.showWarningMessage(this.notAnalysedMessage(doc) + more);
    return a;
  }

  private throwIfFailed(doc: vscode.TextDocument): void {
    if (this.failure(doc) !== undefined) throw new Error(this.notAnalysedMessage(doc));
  }

  /**
   * `ready`, or undefined for a document that is not analysed (`failure`; also when that happens while waiting):
   * for the views, providers and commands, which then show nothing or say so instead of failing.
   */
  async readyIfAnalysed(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    if (this.failure(doc) !== undefined) return undefined;
    try {
      return await this.ready(doc);
    } catch (err) {
      if (this.failure(doc) !== undefined) return undefined;
      throw err;
    }
  }

  private startWorker(): Backend | undefined {
    this.workerLimit = this.config.get().analysisMemoryLimitMB;
    return createWorkerBackend((r) => this.onReply(r), (err) => this.onWorkerFailed(err), this.workerLimit);
  }

  /**
   * The worker stopped (out of memory, a crash). The biggest document it was analysing is the likely cause: it is
   * not analysed again until reopened (or the memory limit changes), and a message says so — running its analysis
   * on the extension host instead would block, or stop, every extension. The others are sent to a new worker (for
   * stops with no busy document to blame, at most MAX_WORKER_RESTARTS times in a session; then to the host thread).
   */
  private onWorkerFailed(err: Error): void {
    if (this.disposed) return;
    const oom = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
    const limit = this.config.get().analysisMemoryLimitMB;
    const why = oom
      ? `its analysis needed more memory than the analysis worker may use${limit > 0 ? ` (scrapedNews.analysisMemoryLimitMB: ${limit} MB)` : ''}`
      : `the analysis worker stopped while analysing it (${err.message})`;
    let culprit: Entry | undefined;
    for (const e of this.entries.values()) {
      const busy = e.inflight !== undefined || e.reading !== undefined; // analysing it, or receiving its text
      if (busy && !e.doc.isClosed && (!culprit || documentLength(e.doc) > documentLength(culprit.doc))) culprit = e;
    }
    const again = [...this.entries.values()].filter((e) => e !== culprit && (e.inflight !== undefined || e.reading !== undefined));
    for (const e of this.entries.values()) this.forgetWorkerState(e);
    this.workerRestarts++;
    // A stop with a culprit takes that document out of the rotation (it is sent again only when reopened), so such
    // stops cannot loop and do not count: several big documents over a lowered limit each fail, and the analysis
    // stays off the host thread. Stops with no document to blame count.
    if (culprit || this.crashRestarts++ < MAX_WORKER_RESTARTS) this.backend = this.startWorker() ?? new InlineBackend((r) => this.onReply(r));
    else this.backend = new InlineBackend((r) => this.onReply(r));
    console.warn(`Scraped News: ${err.message}; ${this.backend.kind === 'worker' ? 'a new analysis worker was started' : 'analysing on the extension host thread from now on'}.`);
    if (culprit) this.markFailed(culprit, why, oom ? ', or raise the limit' : '');
    for (const e of again) this.request(e.doc);
    for (const e of this.entries.values()) this.wake(e);
  }

  /**
   * `e` is not analysed (`Entry.failed`; `byError`: its analysis threw, see `Entry.failedByError`): a message says
   * why, and the commands waiting for it stop waiting.
   */
  private markFailed(e: Entry, why: string, orElse: string, byError = false): void {
    e.failed = why;
    e.failedByError = byError;
    const msg = `Scraped News: ${docName(e.doc)} is not analysed: ${why}. Its lines are not dimmed or highlighted. Reopen the file to try again${orElse}.`;
    this.failureMessages.push(msg);
    void vscode.window.showWarningMessage(msg);
    this.wake(e);
    this.emitter.fire(e.doc);
  }

  /** A new worker knows nothing of `e`: its full text goes next; slices still being read stop (`e.gen`). */
  private forgetWorkerState(e: Entry): void {
    e.gen++;
    e.sent = undefined;
    e.inflight = undefined;
    e.reading = undefined;
    e.pending = null;
  }

  /** A new worker with the current memory limit; every document is asked for again (also those that had failed). */
  private restartWorker(): void {
    if (this.disposed) return;
    this.backend.dispose();
    this.workerRestarts++;
    this.backend = this.startWorker() ?? new InlineBackend((r) => this.onReply(r));
    for (const e of this.entries.values()) {
      this.forgetWorkerState(e);
      e.failed = e.failedByError = undefined;
    }
    for (const e of [...this.entries.values()]) {
      if (!e.doc.isClosed) this.request(e.doc);
      this.wake(e);
    }
  }

  private fireSoon(doc: vscode.TextDocument): void {
    queueMicrotask(() => {
      if (!this.disposed && !doc.isClosed) this.emitter.fire(doc);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.backend.dispose();
    for (const e of this.entries.values()) this.wake(e);
    this.entries.clear();
    this.emitter.dispose();
    this.focusEmitter.dispose();
    for (const s of this.subs) s.dispose();
  }
}
