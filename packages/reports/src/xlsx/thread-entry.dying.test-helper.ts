// A workbook thread that dies (an uncaught exception) once the first batch of detail rows reaches it.
import { parentPort } from 'node:worker_threads';
import type { ToThread } from './thread-protocol.js';
import { runWorkbookThread } from './workbook-thread.js';

parentPort?.on('message', (message: ToThread) => {
  if (message.kind === 'call' && message.op === 'addRows') throw new Error('the workbook thread died');
});
runWorkbookThread();
