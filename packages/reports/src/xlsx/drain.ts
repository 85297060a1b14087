import type { Writable } from 'node:stream';
import type { Worksheet } from 'exceljs';

type SheetWriter = Worksheet;

/**
 * exceljs 4.4.0 (pinned) writes a sheet's XML into a StreamBuf that forwards 64 KB chunks to the zip's
 * deflate stream without waiting, so rows pile up in memory faster than deflate consumes them.
 * Waiting for that deflate stream to drain keeps memory flat. This reads an exceljs internal
 * (`stream.pipes`): if its shape changes, fail loudly rather than write unbounded or truncated output.
 */
export async function waitForSheetDrain(sheet: SheetWriter, timeoutMs = 60_000): Promise<void> {
  const sheetStream = (sheet as unknown as { stream: { pipes?: unknown } }).stream;
  const { pipes } = sheetStream;
  if (!Array.isArray(pipes)) {
    throw new Error('exceljs internals changed (WorksheetWriter.stream.pipes): check the pinned exceljs version');
  }
  const target = pipes[0] as Writable | undefined;
  if (!target?.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      target.off('drain', onDrain);
      reject(new Error(`Workbook writer stalled: no drain within ${timeoutMs} ms`));
    }, timeoutMs);
    const onDrain = () => {
      clearTimeout(timer);
      resolve();
    };
    target.once('drain', onDrain);
  });
}
