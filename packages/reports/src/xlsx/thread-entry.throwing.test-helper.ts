// A workbook thread whose sheet writer throws inside a call (a failure the thread reports): the real
// thread body, handed a port that turns the first batch of detail rows into something that is not one.
import { type MessagePort, parentPort } from 'node:worker_threads';
import type { ToThread } from './thread-protocol.js';
import { runWorkbookThread } from './workbook-thread.js';

const port = parentPort as MessagePort;
const spoiled = (message: ToThread): unknown =>
  message.kind === 'call' && message.op === 'addRows' ? { ...message, args: [null] } : message;

runWorkbookThread({
  on: (event: 'message', listener: (message: unknown) => void) =>
    port.on(event, (message) => listener(spoiled(message))),
  postMessage: (message: unknown, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer),
} as unknown as MessagePort);
