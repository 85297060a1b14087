import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import type { WorkbookSetup, WorkbookTarget } from './excel-workbook.js';
import type { CallArgs, CallOp, FromThread, ToThread } from './thread-protocol.js';

/**
 * Row batches posted and not yet written by the thread when addRows returns: one being written and one
 * waiting, so the thread never waits for the database side and at most two batches sit in its queue.
 */
const ROW_BATCHES_QUEUED = 2;

/**
 * The thread's heap. Its live set is small and bounded (exceljs, the styles, the queued batches: ~10 MB
 * after a full collection) but V8 sizes a heap for the machine's memory and lets it grow to several
 * times that between collections; these bounds keep a 1M-row workbook's thread under ~30 MB at no
 * measurable cost in time. Exceeding them ends the thread, which fails the write like any other error.
 */
const THREAD_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 48 };

export type WorkbookThread = {
  /** The workbook in the thread; the thread writes the file's bytes to `output` through this thread. */
  open: (setup: WorkbookSetup) => Promise<WorkbookTarget>;
  /** Ends the thread (whatever it was doing) and stops writing to `output`. */
  stop: () => Promise<void>;
};

/**
 * Where a host's workbook thread starts: from source (the host's module URL ends in `.ts`, run by tsx
 * or vitest) this package's thread-entry.ts, else the entry the host's bundle built from it (`bundled`,
 * next to the host's bundle file).
 */
export function workbookThreadEntry(hostUrl: string, bundled = './workbook-thread.js'): URL {
  return hostUrl.endsWith('.ts') ? new URL('./thread-entry.ts', import.meta.url) : new URL(bundled, hostUrl);
}

/**
 * Starts a workbook thread writing to `output`. Any failure of the thread (an error it reports, a crash,
 * an exit) or of `output` rejects the call under way and every later one.
 */
export function startWorkbookThread(entry: URL, output: Writable): WorkbookThread {
  const worker = spawnThread(entry);
  const calls = createCalls(worker);
  const writer = createOutputWriter(worker, output);
  let stopped = false;
  worker.on('message', (message: FromThread) => {
    if (stopped) return;
    if (message.kind === 'chunk') writer.write(message.data);
    else if (message.kind === 'done') calls.settle(message.id);
    else calls.fail(message.error);
  });
  worker.on('error', calls.fail);
  worker.on('messageerror', calls.fail);
  worker.on('exit', (code) => {
    if (!stopped) calls.fail(new Error(`The workbook thread exited (code ${code}) before the workbook was written`));
  });
  output.on('error', calls.fail);
  return {
    open: async (setup) => {
      await calls.call('open', [setup]);
      return threadTarget(calls, output);
    },
    stop: async () => {
      stopped = true;
      output.off('error', calls.fail);
      await worker.terminate();
    },
  };
}

function threadTarget(calls: Calls, output: Writable): WorkbookTarget {
  const rowBatches: Promise<void>[] = [];
  return {
    writeSummary: (...args) => calls.call('writeSummary', args),
    startSheet: (...args) => calls.call('startSheet', args),
    addRows: async (...args) => {
      const batch = calls.call('addRows', args);
      // Awaited below or by endSheet; until then a failure must not count as unhandled.
      batch.catch(() => {});
      rowBatches.push(batch);
      if (rowBatches.length > ROW_BATCHES_QUEUED) await rowBatches.shift();
    },
    endSheet: async (...args) => {
      await Promise.all(rowBatches.splice(0));
      await calls.call('endSheet', args);
    },
    commit: async () => {
      await calls.call('commit', []);
      // Every chunk came before the commit's answer; the thread's stream ended, so this one ends too.
      output.end();
      await finished(output, { readable: false });
    },
  };
}

type Calls = ReturnType<typeof createCalls>;

/** Calls answered in order by id; the first failure rejects the pending calls and every later one. */
function createCalls(worker: Worker) {
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let failure: Error | undefined;
  let nextId = 0;
  const fail = (error: Error) => {
    failure ??= error;
    for (const call of pending.values()) call.reject(failure);
    pending.clear();
  };
  const call = <Op extends CallOp>(op: Op, args: CallArgs<Op>): Promise<void> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    worker.postMessage({ kind: 'call', id, op, args } as ToThread);
    return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
  };
  const settle = (id: number) => {
    pending.get(id)?.resolve();
    pending.delete(id);
  };
  return { call, settle, fail };
}

/**
 * Writes the thread's chunks to `output` and tells the thread how many bytes it took, at once or, when
 * `output` is full, once it drains: the thread holds back while too many are untold.
 */
function createOutputWriter(worker: Worker, output: Writable) {
  let untold = 0;
  let draining = false;
  const tell = () => {
    worker.postMessage({ kind: 'written', bytes: untold } satisfies ToThread);
    untold = 0;
  };
  const write = (data: Uint8Array) => {
    untold += data.byteLength;
    const hasRoom = output.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    if (draining) return;
    if (hasRoom) return tell();
    draining = true;
    output.once('drain', () => {
      draining = false;
      tell();
    });
  };
  return { write };
}

/**
 * A bundle's entry is plain JavaScript. From source the entry is TypeScript, and Node 20 applies no
 * `--import` hooks (tsx's) inside worker threads, so the thread loads tsx's API and imports through it.
 */
function spawnThread(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { resourceLimits: THREAD_HEAP });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const href = JSON.stringify(entry.href);
  return new Worker(`import(${tsx}).then((tsx) => tsx.tsImport(${href}, ${href}))`, {
    eval: true,
    resourceLimits: THREAD_HEAP,
  });
}
