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

if (parentPort) {
  const port = parentPort;
  const service = new AnalysisService(
    (reply, transfer) => port.postMessage(reply, transfer),
    () => getHeapStatistics().used_heap_size,
  );
  port.on('message', (req: ServiceRequest) => service.handle(req));
  // the classifier's warm-up now, while the worker waits for its first document (not inside its first analysis)
  warmClassifier();
}
