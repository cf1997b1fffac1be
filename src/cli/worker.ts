/**
 * Worker thread for `scraped-news clean --jobs N` (bundled to dist/worker.js: the line classifier, decoding and
 * file handling only; no quotes, no entities). Protocol, one request at a time from the main thread
 * (src/cli/batch.ts):
 *   { type: 'load', paths, counter, chunk } -> claims files from the shared counter until none is left
 *                                           -> { type: 'loaded', partial (packed: keys as code units), failures, owned, stats
 *                                                (STAT_FIELDS per owned file: size, mtimeMs, ino, lines, converted) }
 *   { type: 'clean', lists, me, counters, templates (packed: lines of 2+ dumps), slotCounts (merged count per slot of
 *     this worker's counter: the lines of the files it read) }
 *                                           -> cleans files of lists[me], then what is left in the other lists,
 *                                              claimed from the shared counters
 *                                           -> { type: 'progress', n } ... then { type: 'cleaned', results }
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Engine, errorText, type CleanSettings, type Task, type TaskResult } from './engine';
import { claim, claimTasks, STAT_FIELDS } from './batch';
import { packCounter, unpackIndex, trace, type PackedIndex } from './util';
import { warmClassifier } from '../core/boilerplate';

type Request =
  | { type: 'load'; paths: string[]; counter: SharedArrayBuffer; chunk: number }
  | { type: 'clean'; lists: Task[][]; me: number; counters: SharedArrayBuffer; templates: PackedIndex | null; slotCounts: Int32Array | null };

if (parentPort) {
  const port = parentPort;
  const engine = new Engine(workerData as CleanSettings);
  trace('worker ready');
  port.on('message', (msg: Request) => {
    try {
      if (msg.type === 'load') {
        trace('phase 1 start');
        const owned: number[] = [];
        const { partial, failures } = engine.load(claim(new Int32Array(msg.counter), msg.paths.length, msg.chunk, msg.paths, owned));
        const stats = new Float64Array(owned.length * STAT_FIELDS).fill(-1);
        owned.forEach((i, k) => {
          const s = engine.statOf(msg.paths[i]);
          if (s) stats.set([s.size, s.mtimeMs, s.ino, s.lines ?? -1, s.converted ? 1 : 0], STAT_FIELDS * k);
        });
        trace(`phase 1 done (${owned.length} files)`);
        const packed = packCounter(partial);
        port.postMessage({ type: 'loaded', partial: packed, failures, owned, stats }, packed ? [packed.counts.buffer as ArrayBuffer, packed.units.buffer as ArrayBuffer] : []);
        // The main thread now merges the partial indices (~50 ms on 1,000 dumps) while this thread would wait: the
        // classifier's warm-up, which its first classification runs otherwise, goes there (the same warm-up either way).
        warmClassifier();
        trace('classifier warmed up');
      } else if (msg.type === 'clean') {
        let pending = 0;
        const results: TaskResult[] = [];
        const templates = unpackIndex(msg.templates);
        for (const { task } of claimTasks(msg.lists, new Int32Array(msg.counters), msg.me)) {
          results.push(engine.cleanOne(task, templates, msg.slotCounts));
          if (++pending >= 16) {
            port.postMessage({ type: 'progress', n: pending });
            pending = 0;
          }
        }
        if (pending) port.postMessage({ type: 'progress', n: pending });
        trace(`phase 2 done (${results.length} files)`);
        port.postMessage({ type: 'cleaned', results });
      }
    } catch (e) {
      port.postMessage({ type: 'error', message: errorText(e) });
    }
  });
}
