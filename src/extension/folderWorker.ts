/**
 * Worker-thread entry (bundled to dist/folderWorker.js) of "Clean All Dumps in Folder…": runs the FolderService
 * (folderService.ts) off the extension host's main thread, one worker per run of the command.
 */
import { parentPort } from 'worker_threads';
import { FolderService, type FolderRequest } from './folderService';

if (parentPort) {
  const port = parentPort;
  const service = new FolderService();
  port.on('message', (req: FolderRequest) => port.postMessage(service.handle(req)));
}
