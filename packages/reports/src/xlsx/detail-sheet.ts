import type { PageSetup, stream, Worksheet } from 'exceljs';
import type { PendingQuery, Row } from 'postgres';
import { readAhead } from '../read-ahead.js';
import { paceSheet } from './pace.js';
import { styleRow, type WorkbookStyles } from './styles.js';

type Workbook = stream.xlsx.WorkbookWriter;
type CellValue = string | number | Date;

export type DetailColumn<R> = {
  header: string;
  width: number;
  /** `wrappedText` for free text that may run long (customer, items): it wraps within the column. */
  kind: 'text' | 'wrappedText' | 'dateTime' | 'money';
  value: (row: R) => CellValue;
};

export type DetailSheetSpec<R extends Row> = {
  name: string;
  columns: DetailColumn<R>[];
  rows: PendingQuery<R[]>;
  /** Rows the summary counted: the sheet must end up with exactly as many, or the write fails. */
  expectedRows: number;
  /** The exact sum of the money column, written on the TOTAL row. */
  total: number;
  onRows?: (written: number) => void;
};

/**
 * Printed in landscape, scaled to one page wide (as many pages down as it takes) with the header row
 * on every page. Passed when the sheet is added: the streaming writer writes `<sheetPr>` (fit to page)
 * at once, and the print titles go into workbook.xml as `_xlnm.Print_Titles` when the workbook commits.
 */
export const DETAIL_PAGE_SETUP: Partial<PageSetup> = {
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
};

/** Rows fetched from the database cursor per round trip; the writer drains between batches. */
export const CURSOR_BATCH = 2_000;
/** Rows built between two yields to the event loop, which feeds deflate and reads the socket. */
const ROWS_PER_SLICE = 250;

/**
 * Streams a query's rows into a new sheet (header, one row per record, TOTAL), committing rows as they
 * go so memory stays flat, then commits the sheet.
 */
export async function writeDetailSheet<R extends Row>(
  workbook: Workbook,
  spec: DetailSheetSpec<R>,
  styles: WorkbookStyles,
): Promise<number> {
  const { columns } = spec;
  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: DETAIL_PAGE_SETUP,
  });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const header = sheet.addRow(columns.map((column) => column.header));
  styleRow(
    header,
    columns.map(() => styles.header),
  );
  header.commit();

  const cellStyles = columns.map((column) => styles[column.kind]);
  let written = 0;
  for await (const batch of readAhead(spec.rows.cursor(CURSOR_BATCH))) {
    for (const [index, record] of batch.entries()) {
      const row = sheet.addRow(columns.map((column) => column.value(record)));
      styleRow(row, cellStyles);
      row.commit();
      if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await paceSheet(sheet);
    }
    written += batch.length;
    spec.onRows?.(written);
    await paceSheet(sheet);
  }
  if (written !== spec.expectedRows) {
    throw new Error(`${spec.name} sheet has ${written} rows where the summary counted ${spec.expectedRows}`);
  }
  writeTotalRow(sheet, spec, written, styles);
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: written + 1, column: columns.length },
  };
  sheet.commit();
  return written;
}

function writeTotalRow<R extends Row>(
  sheet: Worksheet,
  spec: DetailSheetSpec<R>,
  written: number,
  styles: WorkbookStyles,
): void {
  const moneyIndex = spec.columns.findIndex((column) => column.kind === 'money');
  const letter = String.fromCharCode(65 + moneyIndex);
  const values: (CellValue | { formula: string; result: number } | null)[] = spec.columns.map(() => null);
  values[0] = 'TOTAL';
  values[moneyIndex] =
    written === 0
      ? 0
      : {
          formula: `SUM(${letter}2:${letter}${written + 1})`,
          result: spec.total,
        };
  const row = sheet.addRow(values);
  styleRow(
    row,
    spec.columns.map((_, index) =>
      index === 0 ? styles.totalLabel : index === moneyIndex ? styles.totalMoney : styles.totalBlank,
    ),
  );
  row.commit();
}
