/**
 * Worker-thread entry (bundled to dist/analysisWorker.js): runs the AnalysisService (analysisProtocol.ts) off
 * the extension host's main thread. Node only (desktop and remote extension hosts); analysisCache.ts falls back
 * to running the service in-thread where `worker_threads` is unavailable.
 */
import { parentPort } from 'worker_threads';
import { getHeapStatistics } from 'v8';
import type { ServiceRequest } from './analysisProtocol';
import { AnalysisService } from './analysisService';
import { warmClassifier } from '../core/boilerplate';
import { warmBigDocumentStep } from '../core/incremental';
import { threadCpuClock } from './threadClock';

/**
 * This thread's CPU time in ms, -1 where unknown. Reported with each answer next to its wall time: on a busy machine
 * the worker waits for a core, and the two tell that apart.
 */
const threadCpuMs = threadCpuClock() ?? (() => -1);

if (parentPort) {
  const port = parentPort;
  const service = new AnalysisService(
    (reply, transfer) => port.postMessage(reply, transfer),
    () => getHeapStatistics().used_heap_size,
    threadCpuMs,
  );
  // The longer warm-up (warmBigDocumentStep) runs one step per macrotask while no big document is coming: a
  // request waits for one step at most, and the text of a big document (sent in parts) stops it, since that
  // document's own analysis is then what warms the classifier.
  let warming = true;
  port.on('message', (req: ServiceRequest) => {
    if (req.type === 'text') warming = false;
    service.handle(req);
  });
  // the classifier's warm-up now, while the worker waits for its first document (not inside its first analysis)
  warmClassifier();
  // (SCRAPED_NEWS_BIG_WARMUP=off leaves it out, to measure in the editor what it gains; bench/first-big-analysis.mjs
  // measures it outside)
  let step = process.env.SCRAPED_NEWS_BIG_WARMUP === 'off' ? Infinity : 0;
  const warmStep = () => {
    try {
      if (warming && warmBigDocumentStep(step++)) setImmediate(warmStep);
    } catch {
      // a warm-up is never worth the worker: stop it, analyses go on as without it
    }
  };
  setImmediate(warmStep);
}
