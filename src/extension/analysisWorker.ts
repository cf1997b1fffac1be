/**
 * Worker-thread entry (bundled to dist/analysisWorker.js): runs the AnalysisService (analysisProtocol.ts) off
 * the extension host's main thread. Node only (desktop and remote extension hosts); analysisCache.ts falls back
 * to running the service in-thread where `worker_threads` is unavailable.
 */
import { parentPort } from 'worker_threads';
import { readFileSync } from 'fs';
import { getHeapStatistics } from 'v8';
import type { ServiceRequest } from './analysisProtocol';
import { AnalysisService } from './analysisService';
import { warmClassifier } from '../core/boilerplate';

/**
 * This thread's CPU time in ms (Linux: the scheduler's run time of the thread, in ns), -1 elsewhere. Reported with
 * each answer next to its wall time: on a busy machine the worker waits for a core, and the two tell that apart.
 */
let threadClock = true;
function threadCpuMs(): number {
  if (!threadClock) return -1;
  try {
    const ns = Number(readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]);
    if (Number.isFinite(ns)) return ns / 1e6;
  } catch {
    /* not Linux */
  }
  threadClock = false;
  return -1;
}

if (parentPort) {
  const port = parentPort;
  const service = new AnalysisService(
    (reply, transfer) => port.postMessage(reply, transfer),
    () => getHeapStatistics().used_heap_size,
    threadCpuMs,
  );
  port.on('message', (req: ServiceRequest) => service.handle(req));
  // the classifier's warm-up now, while the worker waits for its first document (not inside its first analysis)
  warmClassifier();
}
