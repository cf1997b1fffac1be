/**
 * Worker thread for `scraped-news clean --jobs N` (bundled to dist/worker.js). Protocol, one request
 * at a time from the main thread (src/cli/batch.ts):
 *   { type: 'load', paths }            -> { type: 'loaded', partial, failures }
 *   { type: 'clean', tasks, templates } -> { type: 'progress', n } ... then { type: 'cleaned', results }
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Engine, errorText, type CleanSettings, type Task, type TaskResult } from './engine';
import type { TemplateIndex } from '../core';

type Request = { type: 'load'; paths: string[] } | { type: 'clean'; tasks: Task[]; templates: TemplateIndex | null };

if (parentPort) {
  const port = parentPort;
  const engine = new Engine(workerData as CleanSettings);
  port.on('message', (msg: Request) => {
    try {
      if (msg.type === 'load') {
        const { partial, failures } = engine.load(msg.paths);
        port.postMessage({ type: 'loaded', partial, failures });
      } else if (msg.type === 'clean') {
        let pending = 0;
        const results: TaskResult[] = engine.cleanTasks(msg.tasks, msg.templates, () => {
          if (++pending >= 16) {
            port.postMessage({ type: 'progress', n: pending });
            pending = 0;
          }
        });
        if (pending) port.postMessage({ type: 'progress', n: pending });
        port.postMessage({ type: 'cleaned', results });
      }
    } catch (e) {
      port.postMessage({ type: 'error', message: errorText(e) });
    }
  });
}
