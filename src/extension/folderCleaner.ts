/**
 * The extension host's side of the folder command's analysis (folderService.ts): a worker thread of the command's
 * own (dist/folderWorker.js), or the service in-thread where no worker can be started (or with
 * SCRAPED_NEWS_FOLDER_WORKER=off, or `inThread` for tests). After a run the worker is kept for a minute
 * (`keepWarmMs`), so that the next run finds its classifier compiled; a run that ends with requests unanswered
 * (cancelled) or a failed worker is stopped instead. Requests go out at once and are answered in order; `Pipeline`
 * keeps a bounded number of them in flight, so that the worker analyses one dump while the host reads the next.
 */
import type { AnalyzeOptions } from '../core/types';
import type { DumpEncoding } from '../core/decode';
import { encodeDump, ownBuffer, readDump } from './dumpBytes';
import type { JoinedPage } from '../core/joined';
import type { CleanRequest, FolderReply, FolderRequest, FolderService } from './folderService';

/**
 * Files up to this size are decoded and encoded on the host (at most ~1 ms each; a round trip to the worker would
 * cost more than it saves), bigger ones in the worker (a 5 MB dump: ~20 ms to decode, ~10 ms to encode).
 */
const HOST_BYTES = 256 * 1024;
/** How long an idle worker is kept for the next run. */
const KEEP_WARM_MS = 60_000;

// Distributive Omit: each request type without its sequence number.
type Unsequenced<T> = T extends unknown ? Omit<T, 'seq'> : never;

export type CleanerKind = 'worker' | 'extension host';

/** A cleaned dump: `same` when cleaning leaves it as it is, else `out`; the lines it drops; a page joined into one line. */
export interface Cleaned {
  same: boolean;
  out?: string;
  removed: number;
  joined?: JoinedPage;
}

export class FolderCleaner {
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (r: FolderReply) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;
  private readonly send: (req: FolderRequest, transfer: ArrayBuffer[]) => void;
  /** Keeps the process alive while answers are due (the worker is unref'd when idle). */
  private readonly hold: (on: boolean) => void;
  private readonly worker: FolderWorker | undefined;
  private readonly keepWarmMs: number;
  readonly kind: CleanerKind;
  /** The worker was kept from an earlier run (warm). */
  readonly reused: boolean;

  /**
   * `inThread`: run the service on this thread (tests compare both). `workerFile`: the worker's script (default
   * folderWorker.js next to this bundle; tests give their own). `keepWarmMs`: how long the worker is kept after
   * `dispose` for the next cleaner (0: stopped at once).
   */
  constructor(opts: { inThread?: boolean; workerFile?: string; keepWarmMs?: number } = {}) {
    this.keepWarmMs = opts.keepWarmMs ?? KEEP_WARM_MS;
    const taken = opts.inThread ? undefined : takeWorker(opts.workerFile);
    this.worker = taken?.worker;
    this.reused = taken?.reused === true;
    if (this.worker) {
      const w = this.worker;
      w.attach((r) => this.settle(r), (e) => this.fail(e));
      this.kind = 'worker';
      this.send = (req, transfer) => w.post(req, transfer);
      this.hold = (on) => w.hold(on);
    } else {
      this.kind = 'extension host';
      // loaded on first use: the analyser is not part of the extension's start-up
      let service: FolderService | undefined;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      this.send = (req) => this.settle((service ??= new (require('./folderService') as typeof import('./folderService')).FolderService()).handle(req));
      this.hold = () => undefined;
    }
  }

  private request(req: Unsequenced<FolderRequest>, transfer: ArrayBuffer[] = []): Promise<FolderReply> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = ++this.seq;
    if (this.waiting.size === 0) this.hold(true);
    const p = new Promise<FolderReply>((resolve, reject) => this.waiting.set(seq, { resolve, reject }));
    this.send({ ...req, seq } as FolderRequest, transfer);
    return p;
  }

  private settle(r: FolderReply): void {
    const w = this.waiting.get(r.seq);
    if (!w) return;
    this.waiting.delete(r.seq);
    if (this.waiting.size === 0) this.hold(false);
    if (r.type === 'error') w.reject(new Error(`analysis failed: ${r.message}`));
    else w.resolve(r);
  }

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
    this.hold(false);
  }

  async start(run: { convertMarkup: boolean; keepMeta: boolean }): Promise<void> {
    await this.request({ type: 'start', ...run });
  }

  /**
   * One dump read by the scan: added to the site-template index (`index`) and kept by the cleaner under the id
   * `keep` for `cleanKept`.
   */
  async learn(text: string, how: { index: boolean; keep?: number } = { index: true }): Promise<void> {
    await this.request({ type: 'learn', text, ...how });
  }

  /** Fixes the templates the dumps are cleaned with; returns the number of dumps they were learned from (0: none). */
  async useTemplates(use: boolean): Promise<number> {
    const r = await this.request({ type: 'templates', use });
    return r.type === 'templates' ? r.documents : 0;
  }

  /** `text` cleaned (`out` is always there: the text itself when `same`). */
  async clean(text: string, options: AnalyzeOptions): Promise<Cleaned & { out: string }> {
    const r = await this.cleaning({ type: 'clean', text, options });
    return { ...r, out: r.same ? text : r.out! };
  }

  /** The text kept under `id` by `learn` or `load`, cleaned (and forgotten). */
  cleanKept(id: number, options: AnalyzeOptions): Promise<Cleaned> {
    return this.cleaning({ type: 'clean', kept: id, options });
  }

  private async cleaning(req: Unsequenced<CleanRequest>): Promise<Cleaned> {
    const r = await this.request(req);
    if (r.type !== 'cleaned') throw new Error(`unexpected answer ${r.type}`);
    return { same: r.same, out: r.out, removed: r.removed, ...(r.joined ? { joined: r.joined } : {}) };
  }

  /**
   * A file's bytes decoded and hashed, or why the file is not rewritten. The bytes of a big file are handed to the
   * worker (not usable after) when they are a whole buffer.
   */
  async read(bytes: Uint8Array): Promise<{ text: string; encoding: DumpEncoding; hash: string } | { reason: string }> {
    if (!this.decodesOff(bytes.length)) return readDump(bytes);
    const r = await this.request({ type: 'read', bytes }, ownBuffer(bytes));
    if (r.type === 'refused') return { reason: r.reason };
    if (r.type !== 'read') throw new Error(`unexpected answer ${r.type}`);
    return { text: r.text, encoding: r.encoding, hash: r.hash };
  }

  /** Whether the bytes of a file this big are decoded by the worker (`load`) rather than on the host. */
  decodesOff(bytes: number): boolean {
    return this.kind === 'worker' && bytes > HOST_BYTES;
  }

  /**
   * A big file's bytes (handed over) decoded, hashed, added to the index (`index`) and kept (`keep`) by the worker,
   * whose answer holds no text; or why the file is not rewritten.
   */
  async load(bytes: Uint8Array, how: { index: boolean; keep?: number }): Promise<{ encoding: DumpEncoding; hash: string; chars: number } | { reason: string }> {
    const r = await this.request({ type: 'load', bytes, ...how }, ownBuffer(bytes));
    if (r.type === 'refused') return { reason: r.reason };
    if (r.type !== 'loaded') throw new Error(`unexpected answer ${r.type}`);
    return { encoding: r.encoding, hash: r.hash, chars: r.chars };
  }

  /** `text` encoded to be written. */
  async encode(text: string, encoding: DumpEncoding): Promise<Uint8Array> {
    if (this.kind !== 'worker' || text.length <= HOST_BYTES / 2) return encodeDump(text, encoding);
    const r = await this.request({ type: 'encode', text, encoding });
    if (r.type !== 'encoded') throw new Error(`unexpected answer ${r.type}`);
    return r.bytes;
  }

  /** Stops at once (the user cancelled): requests still unanswered are rejected, the worker is stopped. */
  abort(): void {
    this.fail(new Error('cancelled'));
    if (this.worker) releaseWorker(this.worker, 0);
  }

  /**
   * Ends this cleaner: requests still unanswered are rejected. Its worker is kept warm for the next cleaner when
   * every request was answered and it never failed; else it is stopped.
   */
  dispose(): void {
    const clean = !this.failure && this.waiting.size === 0;
    this.fail(new Error('the folder command stopped'));
    if (this.worker) releaseWorker(this.worker, clean ? this.keepWarmMs : 0);
  }
}

/** A worker thread running dist/folderWorker.js; its answers and failures go to the cleaner attached last. */
interface FolderWorker {
  readonly file: string;
  post(req: FolderRequest, transfer: ArrayBuffer[]): void;
  hold(on: boolean): void;
  attach(onReply: (r: FolderReply) => void, onFail: (e: Error) => void): void;
  /** False once it failed, exited or was stopped. */
  healthy(): boolean;
  stop(): void;
}

/** The worker kept after a run, until its timer stops it. */
let idle: { worker: FolderWorker; timer: ReturnType<typeof setTimeout> } | undefined;

/** The idle worker for this script when there is a healthy one, else a new worker (undefined where impossible). */
function takeWorker(workerFile: string | undefined): { worker: FolderWorker; reused: boolean } | undefined {
  try {
    if (typeof process === 'undefined' || !process.versions?.node || process.env.SCRAPED_NEWS_FOLDER_WORKER === 'off') return undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const path = require('path') as typeof import('path');
    const file = workerFile ?? path.join(__dirname, 'folderWorker.js');
    if (idle && idle.worker.file === file && idle.worker.healthy()) {
      const worker = idle.worker;
      clearTimeout(idle.timer);
      idle = undefined;
      return { worker, reused: true };
    }
    const worker = startWorker(file);
    return worker && { worker, reused: false };
  } catch {
    return undefined;
  }
}

/** Keeps `worker` for `keepMs` for the next run (stopping the one kept before), or stops it now (keepMs 0). */
function releaseWorker(worker: FolderWorker, keepMs: number): void {
  worker.attach(() => undefined, () => undefined);
  if (idle?.worker === worker) return;
  if (keepMs <= 0 || !worker.healthy()) {
    worker.stop();
    return;
  }
  if (idle) {
    clearTimeout(idle.timer);
    idle.worker.stop();
  }
  // the last run's template index is not kept with it
  worker.post({ type: 'start', seq: 0, convertMarkup: true, keepMeta: false }, []);
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = undefined;
    worker.stop();
  }, keepMs);
  timer.unref?.();
  idle = { worker, timer };
}

/** Stops the worker kept after a run, if any (the extension's deactivation). */
export function stopIdleFolderWorker(): void {
  if (!idle) return;
  clearTimeout(idle.timer);
  idle.worker.stop();
  idle = undefined;
}

/** A new worker thread running `file`, or undefined where that is not possible. */
function startWorker(file: string): FolderWorker | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wt = require('worker_threads') as typeof import('worker_threads');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('fs') as typeof import('fs');
  if (!fs.existsSync(file)) return undefined;
  const worker = new wt.Worker(file, { name: 'scraped-news-folder' });
  let alive = true;
  let stopped = false;
  let onReply: (r: FolderReply) => void = () => undefined;
  let onFail: (e: Error) => void = () => undefined;
  worker.on('message', (r: FolderReply) => onReply(r));
  worker.on('error', (e) => {
    alive = false;
    onFail(new Error(`the folder worker failed: ${e.message}`));
  });
  worker.on('exit', (code) => {
    alive = false;
    if (!stopped) onFail(new Error(`the folder worker stopped (exit code ${code})`));
  });
  worker.unref();
  return {
    file,
    post: (req, transfer) => worker.postMessage(req, transfer),
    hold: (on) => (on ? worker.ref() : worker.unref()),
    attach: (reply, fail) => {
      onReply = reply;
      onFail = fail;
    },
    healthy: () => alive && !stopped,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}

/**
 * Answers consumed in the order they were asked, with at most `maxItems` requests and (beyond one) about `maxChars`
 * characters of text in flight. `push` waits for the oldest answers while the window is full.
 */
export class Pipeline<T> {
  private readonly queue: { p: Promise<T>; chars: number; then: (r: T) => void }[] = [];
  private chars = 0;
  constructor(private readonly maxItems: number, private readonly maxChars: number) {}

  async push(p: Promise<T>, chars: number, then: (r: T) => void): Promise<void> {
    p.catch(() => undefined); // a run stopped early drops its unanswered requests: their rejections are expected
    this.queue.push({ p, chars, then });
    this.chars += chars;
    while (this.queue.length > this.maxItems || (this.queue.length > 1 && this.chars > this.maxChars)) await this.next();
  }

  /** Waits for every answer still due. */
  async drain(): Promise<void> {
    while (this.queue.length) await this.next();
  }

  private async next(): Promise<void> {
    const e = this.queue.shift()!;
    this.chars -= e.chars;
    e.then(await e.p);
  }
}
