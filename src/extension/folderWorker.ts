/**
 * Worker-thread entry (bundled to dist/folderWorker.js) of "Clean All Dumps in Folder…": runs the FolderService
 * (folderService.ts) off the extension host's main thread, one worker per run of the command.
 */
import { parentPort } from 'worker_threads';
import { FolderService, type FolderRequest } from './folderService';
import { ownBuffer } from './dumpBytes';
import { warmClassifier } from '../core/boilerplate';

if (parentPort) {
  const port = parentPort;
  const service = new FolderService();
  port.on('message', (req: FolderRequest) => {
    const reply = service.handle(req);
    // encoded bytes go back without a copy
    port.postMessage(reply, reply.type === 'encoded' ? ownBuffer(reply.bytes) : []);
  });
  // the classifier's type feedback while the host lists and reads the folder (its first dump is cleaned after the scan)
  setImmediate(warmClassifier);
}
