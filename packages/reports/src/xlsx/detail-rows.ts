import type { PendingQuery, Row } from 'postgres';
import { readAhead } from '../read-ahead.js';
import type { SheetColumn, WireCell } from './detail-sheet.js';
import type { WorkbookTarget } from './excel-workbook.js';

/** A detail column: what the sheet shows (header, width, kind) and how a query row gives its cell. */
export type DetailColumn<R> = SheetColumn & { cell: (row: R) => WireCell };

export type DetailSource<R extends Row> = {
  name: string;
  columns: DetailColumn<R>[];
  rows: PendingQuery<R[]>;
  /** Rows the summary counted: the sheet must end up with exactly as many, or the write fails. */
  expectedRows: number;
  /** The exact sum of the money column as a decimal string, written on the TOTAL row. */
  total: string;
  onRows?: (written: number) => void;
};

/** Rows fetched from the database cursor per round trip, and sent to the sheet writer as one batch. */
export const CURSOR_BATCH = 2_000;

/**
 * Streams a query's rows into a new detail sheet of `target`, batch by batch from a cursor read one
 * batch ahead, so PostgreSQL, this side and the sheet writer work at the same time in flat memory.
 */
export async function streamDetailSheet<R extends Row>(
  target: WorkbookTarget,
  source: DetailSource<R>,
): Promise<number> {
  const { columns } = source;
  await target.startSheet({
    name: source.name,
    columns: columns.map(({ header, width, kind }) => ({ header, width, kind })),
  });
  const pick = columns.map((column) => column.cell);
  let written = 0;
  for await (const batch of readAhead(source.rows.cursor(CURSOR_BATCH))) {
    await target.addRows(toCells(batch, pick));
    written += batch.length;
    source.onRows?.(written);
  }
  if (written !== source.expectedRows) {
    throw new Error(`${source.name} sheet has ${written} rows where the summary counted ${source.expectedRows}`);
  }
  await target.endSheet(source.total);
  return written;
}

type PickCell<R> = (row: R) => WireCell;

/** One flat array per batch (row-major): no per-row array, and one cheap message to a thread. */
function toCells<R>(batch: readonly R[], pick: PickCell<R>[]): WireCell[] {
  const cells: WireCell[] = [];
  for (let row = 0; row < batch.length; row += 1) {
    const record = batch[row] as R;
    for (let column = 0; column < pick.length; column += 1) cells.push((pick[column] as PickCell<R>)(record));
  }
  return cells;
}
