import type { Worksheet } from 'exceljs';

/** Bytes the zip entry may hold: enough to keep deflate busy, small enough to keep memory flat. */
const DEFLATE_BACKLOG_BYTES = 4 * 1024 * 1024;

/** archiver's entry stream: a readable-stream@2 PassThrough, older than `writableLength`. */
type EntryStream = {
  writableLength?: number;
  _writableState?: { length?: number };
  once: (event: 'drain', listener: () => void) => void;
  off: (event: 'drain', listener: () => void) => void;
};

/**
 * Paces a streaming sheet against the zip entry it feeds.
 *
 * exceljs 4.4.0 (pinned) forwards each sheet's XML to archiver in 64 KB chunks without waiting, so
 * unpaced rows pile up in memory. Deflate runs on libuv's thread pool and needs the event loop to feed
 * it the next chunk, so this always yields (letting it run alongside row building) and waits for a
 * drain only when the backlog passes DEFLATE_BACKLOG_BYTES. It reads exceljs and archiver internals:
 * if their shape changes it fails loudly rather than write unbounded or truncated output.
 */
export async function paceSheet(sheet: Worksheet, timeoutMs = 60_000): Promise<void> {
  const entry = entryStreamOf(sheet);
  if (!entry || backlogOf(entry) < DEFLATE_BACKLOG_BYTES) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      entry.off('drain', onDrain);
      reject(new Error(`Workbook writer stalled: the zip entry did not drain within ${timeoutMs} ms`));
    }, timeoutMs);
    const onDrain = () => {
      clearTimeout(timer);
      resolve();
    };
    entry.once('drain', onDrain);
  });
}

function entryStreamOf(sheet: Worksheet): EntryStream | undefined {
  const { pipes } = (sheet as unknown as { stream: { pipes?: unknown } }).stream;
  if (!Array.isArray(pipes)) throw internalsChanged('WorksheetWriter.stream.pipes');
  return pipes[0] as EntryStream | undefined;
}

function backlogOf(entry: EntryStream): number {
  const length = entry.writableLength ?? entry._writableState?.length;
  if (typeof length !== 'number') throw internalsChanged('the zip entry stream has no writable length');
  return length;
}

function internalsChanged(what: string): Error {
  return new Error(`exceljs/archiver internals changed (${what}): check the pinned exceljs version`);
}
