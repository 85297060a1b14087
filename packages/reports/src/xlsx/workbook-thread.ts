import { Writable } from 'node:stream';
import { type MessagePort, parentPort } from 'node:worker_threads';
import { openExcelWorkbook, type WorkbookTarget } from './excel-workbook.js';
import type { FromThread, ToThread } from './thread-protocol.js';

/** Bytes of the file posted to the main thread in one message. */
const POST_BYTES = 256 * 1024;

/**
 * Bytes of the file posted to the main thread and not yet written there. Past it the zip stream waits,
 * exceljs's sheets stop draining and the sheet writer pauses: memory stays bounded if the output is slow.
 */
const OUTPUT_BYTES_IN_FLIGHT = 4 * POST_BYTES;

/**
 * The workbook thread's body: performs the database side's WorkbookTarget calls, in order, with exceljs
 * in this thread, and posts the file's bytes back. Hosts start it from an entry file of their own
 * (`thread-entry.ts` from source, a bundle entry built from it otherwise; see workbookThreadEntry).
 */
export function runWorkbookThread(port: MessagePort | null = parentPort): void {
  if (!port) throw new Error('runWorkbookThread runs inside a worker thread');
  const post = (message: FromThread, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);
  const output = createPortOutput(post);
  let target: WorkbookTarget | undefined;
  let failed = false;
  let queue = Promise.resolve();
  port.on('message', (message: ToThread) => {
    if (message.kind === 'written') {
      output.credit(message.bytes);
      return;
    }
    queue = queue.then(async () => {
      if (failed) return;
      try {
        if (message.op === 'open') target = openExcelWorkbook(output.stream, ...message.args);
        else await perform(target, message);
        post({ kind: 'done', id: message.id });
      } catch (error) {
        failed = true;
        post({ kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
      }
    });
  });
}

type Call = Exclude<Extract<ToThread, { kind: 'call' }>, { op: 'open' }>;

function perform(target: WorkbookTarget | undefined, call: Call): Promise<void> {
  if (!target) throw new Error(`Workbook thread: ${call.op} before open`);
  // The protocol pairs each op with its own arguments; TypeScript cannot follow that through a union.
  const method = target[call.op] as (...args: Call['args']) => Promise<void>;
  return method(...call.args);
}

/**
 * A writable that posts the file's bytes to the main thread in blocks of POST_BYTES (archiver's chunks
 * are small: one message and one file write each would cost the main thread more than the bytes), as
 * copies it owns (a chunk may view a pooled buffer, which must not be transferred). It holds its
 * callback while OUTPUT_BYTES_IN_FLIGHT are unwritten there.
 */
function createPortOutput(post: (message: FromThread, transfer: ArrayBuffer[]) => void) {
  let inFlight = 0;
  let blocked: (() => void) | undefined;
  let held: Buffer[] = [];
  let heldBytes = 0;
  const flush = () => {
    if (heldBytes === 0) return;
    const data = new Uint8Array(heldBytes);
    let at = 0;
    for (const chunk of held) {
      data.set(chunk, at);
      at += chunk.byteLength;
    }
    post({ kind: 'chunk', data }, [data.buffer]);
    inFlight += heldBytes;
    held = [];
    heldBytes = 0;
  };
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      held.push(chunk);
      heldBytes += chunk.byteLength;
      if (heldBytes >= POST_BYTES) flush();
      if (inFlight < OUTPUT_BYTES_IN_FLIGHT) callback();
      else blocked = callback;
    },
    final(callback) {
      flush();
      callback();
    },
  });
  const credit = (bytes: number) => {
    inFlight -= bytes;
    const resume = blocked;
    if (resume && inFlight < OUTPUT_BYTES_IN_FLIGHT) {
      blocked = undefined;
      resume();
    }
  };
  return { stream, credit };
}
